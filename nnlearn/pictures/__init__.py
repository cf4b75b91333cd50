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

The live views of the lab (chapter 9, and chapters 4 and 7): ``handwriting`` (a drawn
digit prepared as MNIST and the shipped digits were), ``drawpad`` (draw a digit, see what
the network reads), ``playground`` (a frame of a network learning a 2-D problem) and
``playground_widget`` (Play, Pause, Step, Reset and sliders over that frame).

The core (:mod:`nnlearn`) imports nothing from here.
"""
