"""Old name of :mod:`nnlearn.course.exercises`, kept so that older notebooks run; import from there."""

from .course.exercises import *  # noqa: F403
