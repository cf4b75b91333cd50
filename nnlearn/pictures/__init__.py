"""The pictures: plot functions, animations and widgets over the numpy core.

================ =============================================================
``plots``        every plot function, gathered from the three below
``digits``       chapter 1 (and 7): a digit, its inputs, the network, a forward pass
``nodes``        chapters 2-4: the line fit, a node, a plane, the sigmoid, decision regions
``descent``      chapter 6: the parabola's tangent, the loss surface, descent on it
``animation``    chapter 6: the rolling ball and descent as HTML animations
``backprop``     chapter 7: backpropagation step by step on a small network (the article's last figure)
``learned``      chapter 7: what a trained digit network's hidden nodes look for
``widgets``      chapters 2-4 and 6: sliders, each a thin shell over one plot function
``style``        sizes, the palette, the one axes helper, the :class:`Drawn` return value
``_render``      fast PNGs for widgets, animation frames, the HTML player (private)
================ =============================================================

The core (:mod:`nnlearn`) imports nothing from here.
"""
