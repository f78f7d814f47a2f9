"""Write quotes (or any pydantic rows) as a terminal table, JSON, JSONL or CSV.

One call for a finished list::

    import sys
    from quotes.io.output import write_quotes
    write_quotes(quotes, "jsonl", sys.stdout)

A :class:`QuoteWriter` for output that arrives in batches (one article at a time): the CSV
header and table header are written once, JSON stays one valid list, and every batch is
flushed so a long run shows its output as it goes::

    with atomic_output("found.csv") as stream, QuoteWriter(stream, "csv") as out:
        for article in articles:
            out.write(find_quotes(article))

Formats:

- ``jsonl``: one ``model_dump(mode="json")`` object per line, keys in model field order,
  non-ASCII characters kept as they are. This is the stable contract other commands read.
- ``json``: one indented list of the same objects.
- ``csv``: a header of the model's fields; ``None`` is an empty cell, booleans are
  ``true``/``false``, and lists or objects (``diff``, ``reasons``, ``flags``) are JSON in the cell.
  A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
  leading ``'`` so that a spreadsheet shows it as text instead of running it as a formula
  (OWASP's rule against CSV injection); strip that ``'`` when reading such a cell back as data.
- ``table``: fixed-width columns sized to the terminal (article, kind, speaker, cue,
  confidence and the quote text, shortened with "…"); for people, not for parsing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Optional, TextIO

from pydantic import BaseModel

from quotes.errors import QuotesError
from quotes.io.tables import Table, shorten

__all__ = ["FORMATS", "QuoteWriter", "write_quotes", "atomic_output", "shorten"]

FORMATS = ("table", "json", "jsonl", "csv")
"""The output formats; ``quotes.cli.app.OutputFormat`` (a ``str`` enum) has the same values."""




def write_quotes(
    rows: Iterable[BaseModel],
    fmt: str,
    stream: TextIO,
    *,
    fields: Optional[Sequence[str]] = None,
) -> int:
    """Write ``rows`` to ``stream`` in ``fmt`` (``table``, ``json``, ``jsonl`` or ``csv``).

    Returns the number of rows written. ``fields`` fixes the CSV columns (default: the fields
    of the first row's model).

    >>> import io
    >>> from quotes.models import Quote
    >>> out = io.StringIO()
    >>> write_quotes([Quote(article="a", text="Hi", start=1, end=3, kind="speech")], "csv", out)
    1
    >>> out.getvalue().splitlines()[1][:24]
    'a,Hi,1,3,speech,,,,,0.0,'
    """
    with QuoteWriter(stream, fmt, fields=fields) as writer:
        writer.write(rows)
    return writer.count


class QuoteWriter:
    """Writes rows in batches to one stream in one format; see the module docstring.

    Use it as a context manager (or call :meth:`close`): JSON output needs its closing bracket.
    """

    def __init__(self, stream: TextIO, fmt: str, *, fields: Optional[Sequence[str]] = None) -> None:
        self.stream = stream
        self.format = str(getattr(fmt, "value", fmt))
        if self.format not in FORMATS:
            raise ValueError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
        self.fields = list(fields) if fields is not None else None
        self.count = 0
        self._csv: Optional[csv.DictWriter[str]] = None
        self._csv_buffer = io.StringIO()
        self._table: Optional[Table] = None
        self._closed = False

    def write(self, rows: Iterable[BaseModel]) -> int:
        """Write one batch of rows and flush; returns how many were written."""
        rows = list(rows)
        if self._closed:
            raise ValueError("QuoteWriter is closed")
        write = {
            "jsonl": self._write_jsonl,
            "json": self._write_json,
            "csv": self._write_csv,
            "table": self._write_table,
        }[self.format]
        if rows:
            write(rows)
            self.count += len(rows)
        self.stream.flush()
        return len(rows)

    def close(self) -> None:
        """Finish the output (closes the JSON list) and flush. The stream itself stays open."""
        if self._closed:
            return
        self._closed = True
        if self.format == "json":
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()

    def __enter__(self) -> "QuoteWriter":
        return self

    def __exit__(self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        if exc_type is None:
            self.close()
        else:
            self.stream.flush()

    # --- formats -------------------------------------------------------------------------------

    def _write_jsonl(self, rows: list[BaseModel]) -> None:
        self.stream.write("".join(_json_line(row) + "\n" for row in rows))

    def _write_json(self, rows: list[BaseModel]) -> None:
        parts = []
        for i, row in enumerate(rows):
            body = json.dumps(row.model_dump(mode="json"), ensure_ascii=False, indent=2)
            sep = "[\n" if self.count == 0 and i == 0 else ",\n"
            parts.append(sep + "  " + body.replace("\n", "\n  "))
        self.stream.write("".join(parts))

    def _write_csv(self, rows: list[BaseModel]) -> None:
        # The csv module quotes a cell only for the characters of its line terminator, so a lone
        # "\r" in a quote would be left bare and split the row for a reader. Rows are written with
        # "\r\n" (every cell holding either is quoted) and each row's own end becomes "\n".
        lines: list[str] = []
        if self._csv is None:
            fields = self.fields or list(type(rows[0]).model_fields)
            self._csv = csv.DictWriter(self._csv_buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\r\n")
            self._csv.writeheader()
            lines.append(self._take_csv_line())
        for row in rows:
            self._csv.writerow({k: _csv_cell(v) for k, v in row.model_dump(mode="json").items()})
            lines.append(self._take_csv_line())
        self.stream.write("".join(lines))

    def _take_csv_line(self) -> str:
        line = self._csv_buffer.getvalue()
        self._csv_buffer.seek(0)
        self._csv_buffer.truncate()
        return line[:-2] + "\n"

    def _write_table(self, rows: list[BaseModel]) -> None:
        if self._table is None:
            self._table = Table.for_rows(rows)
            self.stream.write(self._table.header() + "\n")
        self.stream.write("".join(self._table.line(row) + "\n" for row in rows))


def _json_line(row: BaseModel) -> str:
    return json.dumps(row.model_dump(mode="json"), ensure_ascii=False)


# A spreadsheet runs a cell that starts with one of these as a formula (or a DDE command):
# OWASP's CSV-injection rule is to make such a cell text by putting a ' in front of it.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    """One CSV cell: see the module docstring. A text cell that a spreadsheet would run as a
    formula gets a leading ``'``.

    >>> _csv_cell("=1+2"), _csv_cell("-- and so on"), _csv_cell(-0.5)
    ("'=1+2", "'-- and so on", -0.5)
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


# --- files ----------------------------------------------------------------------------------------


PART_SUFFIX = ".part"
"""The temporary file of ``-o PATH`` is ``.PATH-NAME.part`` beside it: one fixed name per target,
so a run that was killed leaves at most one, and the next run to the same target reuses it."""

# Paths that name an already open stream of this process (``/dev/stdout``, ``/dev/fd/3``) or a
# device: they are written where they are, never renamed over.
_IN_PLACE_ROOTS = ("/dev/", "/proc/")


@contextmanager
def atomic_output(path: Optional[str]) -> Iterator[TextIO]:
    """A text stream that becomes ``path`` only if the ``with`` block succeeds.

    For a regular file (or a new path) it writes to a hidden temporary file in the same folder
    and renames it over ``path`` at the end, so an error or Ctrl-C never leaves a half-written
    file (an existing file is left as it was, and keeps its permissions). ``None`` or ``"-"``
    gives ``sys.stdout``::

        with atomic_output("quotes.jsonl") as out:
            write_quotes(quotes, "jsonl", out)

    What is at ``path`` is never replaced by something else:

    - a symbolic link is followed: its target is replaced atomically and the link stays;
    - a FIFO, a device, a socket, or a path under ``/dev`` or ``/proc`` (``/dev/stdout``,
      ``/dev/fd/3``) is opened and written in place, as ``> path`` in a shell would;
    - the temporary file has one fixed name per target (``.NAME.part``), so a killed run
      leaves at most one behind, and the next run to the same target removes it. Two runs
      writing the same target at once are refused (the second gets a clear error).

    Raises :class:`~quotes.errors.QuotesError` at once (before any work) when ``path`` cannot
    be written: its folder is missing or read-only, it is a directory, or another run is
    writing it.
    """
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    if _writes_in_place(path):
        with _open_in_place(path) as stream:
            yield stream
        return
    # A symbolic link (or a chain of them) is followed: the file it points to is replaced.
    target = Path(os.path.realpath(path))
    tmp = target.with_name(f".{target.name}{PART_SUFFIX}")
    stream = _open_part(path, tmp)
    with stream:  # the lock is held until here: no other run reuses the name while it is ours
        try:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
            os.chmod(tmp, _new_file_mode(target))
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise


def _writes_in_place(path: str) -> bool:
    """True when ``path`` is not a regular file (or a new path) and must not be renamed over."""
    special = any(p.startswith(_IN_PLACE_ROOTS) for p in (os.path.abspath(path), os.path.realpath(path)))
    try:
        mode = os.stat(path).st_mode  # follows symbolic links
    except FileNotFoundError:
        return special
    except OSError:
        return False  # reported when the temporary file cannot be made beside it
    if stat.S_ISDIR(mode):
        raise QuotesError(f"{path}: is a directory; give a file name for the output")
    return special or not stat.S_ISREG(mode)


@contextmanager
def _open_in_place(path: str) -> Iterator[TextIO]:
    try:
        # no O_TRUNC on a FIFO or device (they have nothing to truncate); "w" is what `>` does
        stream = open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise QuotesError(f"{path}: cannot write here ({exc.strerror or exc}); choose another output path") from None
    with stream:
        yield stream
        stream.flush()


def _open_part(path: str, tmp: Path) -> TextIO:
    """Open (and lock) the fixed temporary file for ``path``, emptying what a killed run left there."""
    folder = tmp.parent
    if not folder.is_dir():
        raise QuotesError(f"{path}: the folder {str(folder)!r} does not exist; create it first")
    while True:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError as exc:
            raise QuotesError(f"{path}: cannot write here ({exc.strerror or exc}); choose another output path") from None
        if not _try_lock(fd):
            os.close(fd)
            raise QuotesError(f"{path}: another quotes run is writing this file now; wait for it or choose another output path")
        if _same_file(fd, tmp):
            break
        # another run renamed the file we opened onto its target meanwhile: open the name afresh
        os.close(fd)
    # Only now, holding the lock, empty it: it is a leftover of a run that was killed.
    os.ftruncate(fd, 0)
    return os.fdopen(fd, "w", encoding="utf-8", newline="")


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _try_lock(fd: int) -> bool:
    """An exclusive lock on the temporary file, so two runs never write the same one at once."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; a second run would share the file
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _new_file_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
