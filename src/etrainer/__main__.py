"""`python -m etrainer` behaves exactly like the `etrainer` command."""

import sys

from etrainer.cli import main

sys.exit(main())
