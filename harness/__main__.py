"""``python -m harness``: the same as the ``awslab`` command."""

from harness.cli import main

raise SystemExit(main())
