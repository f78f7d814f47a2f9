"""Command-line interface: ``quotes find | eval | models | align | verify | index | search | report``.

Each command lives in its own module and registers itself on :data:`quotes.cli.app.app`;
importing them here is what puts them on the command line.
"""

from __future__ import annotations

import os

# Command modules register themselves on import (one line per module).
from quotes.cli import (  # noqa: E402,F401
    align,  # noqa: E402,F401
    eval,
    find,
    index,  # noqa: E402,F401
    models,
    report,  # noqa: E402,F401
)
from quotes.cli.app import app


def main() -> None:
    """Console-script entry point.

    One torch thread per process unless the user chose otherwise (``OMP_NUM_THREADS``): the
    Stanza models are small, extra threads mostly contend for the cores, and ``--workers N`` is
    the way to use more of them. Set before torch is first imported, which is what torch reads.
    """
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    app()
