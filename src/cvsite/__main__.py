"""`python -m cvsite`: the command line."""

import sys

from cvsite.commands.cli import main

if __name__ == "__main__":  # not when a worker process imports the main module
    sys.exit(main())
