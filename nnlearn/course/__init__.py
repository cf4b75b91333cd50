"""The course helpers: what the notebooks need beyond the core and its pictures.

==================== ======= ==========================================================
``exercises``        1-8     every checker, for the notebooks: "Right!" or a hint; ``hint`` and ``solution``
``number_exercises`` 1-8     the exercises that take a number
``code_exercises``   2-7     the exercises that take a function, run on hidden cases
``checking``         1-8     what every checker shares: placeholder, verdict, hints, solutions
``grade``            1-8     for a teacher: which exercises each submitted notebook got right
``evaluation``       7       outputs, accuracy curves, the confusion matrix, the mistakes
``augment``          8       more training digits by shifting each one a pixel
``reader``           9       a digit network like chapter 7's, shipped for the lab's pad
``command``          all     the ``nnlearn`` command: copies the course out of the package, opens it
==================== ======= ==========================================================
"""
