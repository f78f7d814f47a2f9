"""A small progress bar on stderr for runs over many articles.

The bar is drawn only when stderr is a terminal (and the caller did not ask for quiet), so
piped or redirected runs, logs and CI stay clean; it never touches stdout, so
``quotes find ... > out.jsonl`` is byte-identical with or without it::

    from quotes.io.progress import Progress

    with Progress(total=len(paths), unit="articles", label="indexing") as bar:
        for path in paths:
            work(path)
            bar.advance()

    # indexing  [##########--------------]  41/100 articles   12.3/s  eta 5s

``total`` may be ``None`` when the count is not known up front (a directory walk, stdin): the
bar then shows a running count and rate without a percentage. Redraws are throttled (at
most ~10 per second) so a fast loop does not spend its time writing to the terminal.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Optional, TextIO

_BAR_WIDTH = 24
_MIN_INTERVAL = 0.1  # seconds between redraws


def count_articles(paths: Sequence[str]) -> Optional[int]:
    """A quick count of the articles in ``paths``, for a progress bar's total (``None`` if unknown).

    Counts the files a directory walk would read (``.txt``, ``.md``, ``.jsonl``; hidden
    entries skipped, as :func:`quotes.io.inputs.iter_articles` does) and the non-empty lines of
    JSONL files, without decoding anything. Standard input cannot be counted ahead.
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
    return 1 if explicit or suffix in (".txt", ".md") else 0


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


class Progress:
    """A one-line ``\\r`` progress bar on stderr (see the module docstring).

    ``enabled=None`` decides with :func:`progress_enabled` (terminal and not ``quiet``); a
    disabled bar costs one attribute check per :meth:`advance` and writes nothing.
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
        self._started = time.monotonic()
        self._last_draw = 0.0
        self._width = 0

    def __enter__(self) -> "Progress":
        self._draw(force=True)
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more items done and redraw if enough time has passed."""
        self.count += n
        if self.enabled:
            self._draw()

    def set_total(self, total: Optional[int]) -> None:
        """Change the expected total (e.g. once a lazy input has been counted)."""
        self.total = total
        if self.enabled:
            self._draw(force=True)

    def note(self, line: str) -> None:
        """Print ``line`` on the bar's stream above the bar (a warning during the run).

        Without this a message would be glued to the end of the half-drawn bar line.
        """
        if self.enabled:
            try:
                self.stream.write("\r" + " " * self._width + "\r" + line + "\n")
                self._width = 0
            except (OSError, ValueError):
                self.enabled = False
            self._draw(force=True)
        else:
            self.stream.write(line + "\n")
            self.stream.flush()

    def close(self) -> None:
        """Draw the final state and end the line, so later stderr messages start clean."""
        if not self.enabled:
            return
        self._draw(force=True)
        self.stream.write("\n")
        self.stream.flush()
        self.enabled = False

    def render(self) -> str:
        """The bar's text as it would be drawn now (without the leading ``\\r``)."""
        elapsed = max(time.monotonic() - self._started, 1e-9)
        rate = self.count / elapsed
        parts = [self.label] if self.label else []
        if self.total:
            done = min(self.count / self.total, 1.0)
            filled = int(done * _BAR_WIDTH)
            parts.append("[" + "#" * filled + "-" * (_BAR_WIDTH - filled) + "]")
            width = len(str(self.total))
            parts.append(f"{self.count:>{width}}/{self.total} {self.unit}")
        else:
            parts.append(f"{self.count} {self.unit}")
        parts.append(f"{rate:.1f}/s")
        if self.total and 0 < self.count < self.total and rate > 0:
            parts.append(f"eta {_duration((self.total - self.count) / rate)}")
        elif self.total is None or self.count >= (self.total or 0):
            parts.append(_duration(elapsed))
        return "  ".join(parts)

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last_draw < _MIN_INTERVAL:
            return
        self._last_draw = now
        text = self.render()
        # Pad with spaces to wipe a longer previous line (no terminal escape codes needed).
        pad = max(self._width - len(text), 0)
        self._width = len(text)
        try:
            self.stream.write("\r" + text + " " * pad)
            self.stream.flush()
        except (OSError, ValueError):  # terminal went away: stop drawing, never fail the run
            self.enabled = False


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"
