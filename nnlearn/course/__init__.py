"""The course helpers: what the notebooks need beyond the core and its pictures.

============== ======= ==========================================================
``exercises``  1-8     checkers that say "Right!" or give a hint
``evaluation`` 7       outputs, accuracy curves, the confusion matrix, the mistakes
``augment``    8       more training digits by shifting each one a pixel
``reader``     9       the digit network of chapter 7, shipped for the lab's pad
============== ======= ==========================================================
"""
