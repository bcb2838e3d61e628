"""Run netcoach with ``python -m netcoach``."""

from netcoach.cli import main

raise SystemExit(main())
