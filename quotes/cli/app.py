"""The typer application and the few pieces every command shares."""

from __future__ import annotations

import enum
import os
import sys
from typing import NoReturn

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


def silence_stdout() -> None:
    """Point stdout at /dev/null after the reader went away (``| head``), so Python's exit-time
    flush does not print a BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
