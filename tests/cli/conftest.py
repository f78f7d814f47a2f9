"""Helpers for the CLI tests: run ``quotes`` in-process and check its error lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Optional

import pytest
from click.testing import Result
from typer.testing import CliRunner

from quotes.cli import app

Run = Callable[..., Result]


@pytest.fixture
def quotes_cli() -> Run:
    """``quotes_cli("find", "seeds/", input=None)`` runs the command in this process (engines stay cached)."""
    runner = CliRunner()

    def run(*args: str, input: Optional[str] = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


def _error_lines(result: Result) -> list[str]:
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    for line in lines:
        assert line.startswith("quotes: "), line
    return lines


@pytest.fixture
def error_lines() -> Callable[[Result], list[str]]:
    """``error_lines(result)``: the stderr lines, each checked to be a one-line ``quotes: ...`` message, no traceback."""
    return _error_lines
