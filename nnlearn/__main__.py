"""``python -m nnlearn`` is the ``nnlearn`` command (for when the command is not on PATH)."""

import sys

from .course.command import main

sys.exit(main())
