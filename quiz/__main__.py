"""Run the command line with `python -m quiz`."""

import sys

from quiz.cli import main

sys.exit(main())
