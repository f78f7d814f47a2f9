"""Command-line interface: ``quotes find | align | verify | eval | index | search | report | models``.

One short module per command: it parses the options (the shared ones are declared once in
:mod:`quotes.cli.options`), makes one library call, prints the result, and lets
:func:`quotes.cli.app.exit_on_error` turn any error into one line and an exit status. Each
module registers its commands on :data:`quotes.cli.app.app`; importing them here is what puts
them on the command line.
"""

from __future__ import annotations

import os

from quotes.cli import align, eval, find, index, models, report, verify  # noqa: F401 - they register their commands
from quotes.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point.

    One torch thread per process unless the user chose otherwise (``OMP_NUM_THREADS``): the
    Stanza models are small, extra threads mostly contend for the cores, and ``--workers N`` is
    the way to use more of them. Set before torch is first imported, which is what torch reads.
    """
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    app()
