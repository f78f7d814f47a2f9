"""A progress bar on stderr for runs over many articles, drawn by rich.

The bar is drawn only when stderr is a terminal (and the caller did not ask for quiet), so
piped or redirected runs, logs and CI stay clean; it never touches stdout, so
``quotes find ... > out.jsonl`` is byte-identical with or without it::

    from quotes.io.progress import Progress

    with Progress(total=len(paths), label="indexing") as bar:
        for path in paths:
            work(path)
            bar.advance()

    # indexing ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━  41/100 articles 0:00:03 0:00:05

``total`` may be ``None`` when the count is not known up front (stdin): the bar then pulses
and shows a running count. Messages printed during the run go through :meth:`Progress.note`,
which puts them above the bar instead of into it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Optional, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichProgress
from rich.text import Text

from quotes.io.inputs import ARTICLE_SUFFIXES

__all__ = ["Progress", "count_articles", "progress_enabled"]


def count_articles(paths: Sequence[str]) -> Optional[int]:
    """A quick count of the articles in ``paths``, for a progress bar's total (``None`` if unknown).

    Counts the files a directory walk would read (:data:`~quotes.io.inputs.ARTICLE_SUFFIXES`;
    hidden entries skipped, as :func:`quotes.io.inputs.iter_articles` does) and the non-empty lines of
    JSONL files, without decoding anything. Standard input cannot be counted ahead.

    >>> count_articles(["-"]) is None
    True
    """
    total = 0
    for path in paths:
        if path == "-":
            return None
        p = Path(path)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if not name.startswith("."):
                        total += _count_file(Path(root) / name, explicit=False)
        else:
            total += _count_file(p, explicit=True)
    return total


def _count_file(path: Path, *, explicit: bool) -> int:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        try:
            with open(path, "rb") as fh:
                return sum(1 for line in fh if line.strip())
        except OSError:
            return 1
    return 1 if explicit or suffix in ARTICLE_SUFFIXES else 0


def progress_enabled(stream: TextIO, quiet: bool = False) -> bool:
    """True when a bar should be drawn on ``stream``: it is a terminal and not ``quiet``.

    ``QUOTES_PROGRESS=0`` in the environment turns bars off everywhere (e.g. in a terminal
    multiplexer log); ``QUOTES_PROGRESS=1`` forces them on even when ``stream`` is not a terminal.
    """
    if quiet:
        return False
    forced = os.environ.get("QUOTES_PROGRESS")
    if forced in ("0", "1"):
        return forced == "1"
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed stream
        return False


class _Count(ProgressColumn):
    """``41/100 articles`` (or ``41 articles`` without a total), as one unstyled piece of text."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        done = int(task.completed)
        if task.total is None:
            return Text(f"{done} {self.unit}")
        total = int(task.total)
        return Text(f"{done:>{len(str(total))}}/{total} {self.unit}")


class _Guarded:
    """The bar's stream: once a write fails (the terminal went away) it writes nothing more,
    so a lost terminal never fails the run."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                return self.stream.write(text)
            except (OSError, ValueError):
                self.broken = True
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self.stream.flush()
            except (OSError, ValueError):
                self.broken = True


class Progress:
    """A progress bar on stderr (see the module docstring).

    ``enabled=None`` decides with :func:`progress_enabled` (terminal and not ``quiet``); a
    disabled bar counts and writes nothing but the :meth:`note` lines.
    """

    def __init__(
        self,
        total: Optional[int] = None,
        *,
        label: str = "",
        unit: str = "articles",
        quiet: bool = False,
        enabled: Optional[bool] = None,
        stream: Optional[TextIO] = None,
    ) -> None:
        self.stream: TextIO = stream if stream is not None else sys.stderr
        self.enabled = progress_enabled(self.stream, quiet) if enabled is None else enabled
        self.total = total
        self.label = label
        self.unit = unit
        self.count = 0
        self._out = _Guarded(self.stream)
        self._bar: Optional[RichProgress] = None

    def __enter__(self) -> "Progress":
        if self.enabled:
            console = Console(file=self._out, force_terminal=True, highlight=False, markup=False, emoji=False)  # type: ignore[arg-type]
            self._bar = RichProgress(
                TextColumn("{task.description}"), BarColumn(), _Count(self.unit), TimeElapsedColumn(), TimeRemainingColumn(),
                console=console, redirect_stdout=False, redirect_stderr=False,
            )
            self._task = self._bar.add_task(self.label, total=self.total)
            self._bar.start()
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more items done (the bar redraws on its own, a few times a second)."""
        self.count += n
        if self._bar is not None:
            self._bar.advance(self._task, n)

    def note(self, line: str) -> None:
        """Print ``line`` on the bar's stream above the bar (a warning during the run)."""
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            self._out.write(line + "\n")
            self._out.flush()

    def close(self) -> None:
        """Draw the final state and end the line, so later stderr messages start clean."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    @property
    def broken(self) -> bool:
        """True once writing to the stream failed (the terminal went away); nothing more is drawn."""
        return self._out.broken
