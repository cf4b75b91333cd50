"""Old name of :mod:`nnlearn.course.augment`, kept so that older notebooks run; import from there."""

from .course.augment import *  # noqa: F403
