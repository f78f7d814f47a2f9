"""Terminal tables for people (not for parsing): column widths from the terminal and the first batch."""

from __future__ import annotations

import shutil
from typing import Any

from pydantic import BaseModel

from quotes.models import AlignedQuote, Quote

__all__ = ["Table", "shorten"]

ELLIPSIS = "…"

def shorten(text: str, width: int) -> str:
    """One line of at most ``width`` characters: whitespace runs become one space, "…" marks a cut.

    >>> shorten("advance   non-stop,\\nthe leader said", 12)
    'advance non…'
    """
    text = " ".join(text.split())
    if width <= 0:
        return ""
    if len(text) <= width:
        return text
    return text[: width - 1].rstrip() + ELLIPSIS


class _Column:
    def __init__(self, title: str, width: int, get: Any, align: str = "<") -> None:
        self.title, self.width, self.get, self.align = title, width, get, align

    def cell(self, value: str) -> str:
        return f"{shorten(value, self.width):{self.align}{self.width}}"


class Table:
    """A terminal table. Fixed column widths decided from the terminal and the first batch, so later batches line up."""

    def __init__(self, columns: list[_Column]) -> None:
        self.columns = columns

    @classmethod
    def for_rows(cls, rows: list[BaseModel]) -> "Table":
        total = shutil.get_terminal_size((120, 24)).columns
        if isinstance(rows[0], Quote):
            columns = cls._quote_columns(rows)
        else:
            columns = cls._generic_columns(rows)
        # The last column takes whatever width is left (never less than 20).
        used = sum(c.width for c in columns[:-1]) + 2 * (len(columns) - 1)
        columns[-1].width = max(20, total - used)
        return cls(columns)

    @staticmethod
    def _quote_columns(rows: list[BaseModel]) -> list[_Column]:
        article_w = max(7, min(24, max(len(r.article) for r in rows if isinstance(r, Quote))))
        columns = [
            _Column("ARTICLE", article_w, lambda r: r.article),
            _Column("#", 3, lambda r: str(r.index), ">"),
            _Column("KIND", 8, lambda r: r.kind),
            _Column("SPEAKER", 18, lambda r: r.speaker or "-"),
            _Column("CUE", 12, lambda r: r.cue or "-"),
            _Column("CONF", 4, lambda r: f"{r.confidence:.2f}", ">"),
        ]
        if isinstance(rows[0], AlignedQuote):
            columns += [
                _Column("CLUSTER", 14, lambda r: str(getattr(r, "cluster", None) or "-")),
                _Column("VARIANT", 12, lambda r: str(getattr(r, "variant", None) or "-")),
            ]
        columns.append(_Column("QUOTE", 20, lambda r: r.text))
        return columns

    @staticmethod
    def _generic_columns(rows: list[BaseModel]) -> list[_Column]:
        first = rows[0].model_dump(mode="json")
        names = [k for k, v in first.items() if not isinstance(v, (list, dict))]
        columns = []
        for name in names:
            widest = max(len(_plain(r.model_dump(mode="json").get(name))) for r in rows)
            columns.append(_Column(name.upper(), max(len(name), min(30, widest)), lambda r, n=name: _plain(getattr(r, n, None))))
        return columns

    def header(self) -> str:
        return "  ".join(c.cell(c.title) for c in self.columns).rstrip()

    def line(self, row: BaseModel) -> str:
        return "  ".join(c.cell(c.get(row)) for c in self.columns).rstrip()


def _plain(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
