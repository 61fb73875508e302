"""``python -m kdextract`` runs the command-line interface."""

from kdextract.cli import main

raise SystemExit(main())
