"""``python -m articleparse``: the command line."""

from .cli import main

raise SystemExit(main())
