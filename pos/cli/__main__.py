"""`python -m pos.cli`: the same as the `pos` command."""

import sys

from pos.cli import main

sys.exit(main())
