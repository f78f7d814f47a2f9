"""The typer application and the few pieces every command shares."""

from __future__ import annotations

import enum
import os
import sys
from typing import Callable, NoReturn, Optional

import typer

app = typer.Typer(
    name="quotes",
    help="Find direct quotations in news articles, say who said them, align renderings across outlets and flag drift.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, enum.Enum):
    """Output formats shared by the commands that print quotes."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def default_format() -> OutputFormat:
    """Table on a terminal, JSONL when piped."""
    return OutputFormat.table if sys.stdout.isatty() else OutputFormat.jsonl


def die(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit with ``code`` (never a traceback)."""
    typer.echo(f"quotes: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    """Print one warning line to stderr."""
    typer.echo(f"quotes: {message}", err=True)


class Failures:
    """Counts the inputs that failed while printing one line for each; pass it as ``on_error``.

    ``say`` prints the line (default: :func:`warn`; a progress bar's ``note`` keeps the bar intact).
    """

    def __init__(self, say: Optional[Callable[[str], None]] = None) -> None:
        self.count = 0
        self._say = say

    def __call__(self, message: str) -> None:
        self.count += 1
        if self._say is None:
            warn(message)
        else:
            self._say(f"quotes: {message}")

    def __bool__(self) -> bool:
        return self.count > 0


def silence_stdout() -> None:
    """Point stdout at /dev/null after the reader went away (``| head``), so Python's exit-time
    flush does not print a BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
