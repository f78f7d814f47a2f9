"""Command-line interface: ``quotes find | eval | models | align | verify | index | search | report``.

Each command lives in its own module and registers itself on :data:`quotes.cli.app.app`;
importing them here is what puts them on the command line.
"""

from __future__ import annotations

from quotes.cli.app import app

# Command modules register themselves on import (one line per module).
from quotes.cli import find, eval, models  # noqa: E402,F401
from quotes.cli import report  # noqa: E402,F401
from quotes.cli import index  # noqa: E402,F401
from quotes.cli import align  # noqa: E402,F401


def main() -> None:
    """Console-script entry point."""
    app()
