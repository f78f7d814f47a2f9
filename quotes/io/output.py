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
- ``table``: fixed-width columns sized to the terminal (article, kind, speaker, cue,
  confidence and the quote text, shortened with "…"); for people, not for parsing.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
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
        if self._csv is None:
            fields = self.fields or list(type(rows[0]).model_fields)
            self._csv = csv.DictWriter(self.stream, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
            self._csv.writeheader()
        for row in rows:
            self._csv.writerow({k: _csv_cell(v) for k, v in row.model_dump(mode="json").items()})

    def _write_table(self, rows: list[BaseModel]) -> None:
        if self._table is None:
            self._table = Table.for_rows(rows)
            self.stream.write(self._table.header() + "\n")
        self.stream.write("".join(self._table.line(row) + "\n" for row in rows))


def _json_line(row: BaseModel) -> str:
    return json.dumps(row.model_dump(mode="json"), ensure_ascii=False)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


# --- files ----------------------------------------------------------------------------------------


@contextmanager
def atomic_output(path: Optional[str]) -> Iterator[TextIO]:
    """A text stream that becomes ``path`` only if the ``with`` block succeeds.

    Writes to a hidden temporary file in the same folder and renames it over ``path`` at the
    end, so an error or Ctrl-C never leaves a half-written file (an existing file is left as it
    was). ``None`` or ``"-"`` gives ``sys.stdout``::

        with atomic_output("quotes.jsonl") as out:
            write_quotes(quotes, "jsonl", out)

    Raises :class:`~quotes.errors.QuotesError` at once (before any work) when ``path`` cannot
    be written: its folder is missing or read-only, or it is a directory.
    """
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if target.is_dir():
        raise QuotesError(f"{path}: is a directory; give a file name for the output")
    folder = target.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except FileNotFoundError:
        raise QuotesError(f"{path}: the folder {str(folder)!r} does not exist; create it first") from None
    except OSError as exc:
        raise QuotesError(f"{path}: cannot write here ({exc.strerror or exc}); choose another output path") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
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


def _new_file_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
