"""The frozen app's entry point: the `pos` command (the app with no arguments)."""

import sys

from pos.cli import main

if __name__ == "__main__":
    sys.exit(main())
