"""Old name of :mod:`nnlearn.course.evaluation`, kept so that older notebooks run; import from there."""

from .course.evaluation import *  # noqa: F403
