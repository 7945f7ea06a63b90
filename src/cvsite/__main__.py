"""`python -m cvsite`: the command line."""

import sys

from cvsite.commands.cli import main

sys.exit(main())
