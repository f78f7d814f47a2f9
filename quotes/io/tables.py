"""Terminal tables for people (not for parsing), drawn with rich.

- :class:`Table`: one line per row (quotes, or any pydantic model), columns sized from the
  terminal and the first batch so that later batches line up; what ``--format table`` prints.
- :func:`write_group_table`: ``quotes align``'s groups, renderings one under the other with
  their differences from the reference marked (:func:`diff_markup`) and the drift reasons.
- :func:`write_verify_table`: ``quotes verify``'s results; :func:`write_hits_table`: ``quotes search``'s.

Colour only on a terminal (``NO_COLOR`` and ``TERM=dumb`` turn it off); widths are terminal
cells, so wide (CJK) characters and "…" cuts line up.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Callable, TextIO

from pydantic import BaseModel
from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from quotes.models import AlignedQuote, DiffOp, Quote, QuoteGroup, VerifyResult

if TYPE_CHECKING:  # only for the hint: the store sits beside io, not below it
    from quotes.store.search import SearchHit

__all__ = [
    "Table",
    "diff_markup",
    "shorten",
    "use_color",
    "write_group_table",
    "write_hits_table",
    "write_verify_table",
]

ELLIPSIS = "…"
_STYLE_CODE = re.compile(r"\x1b\[[0-9;]*m")
_TRAILING = re.compile(r"(?:\s|\x1b\[[0-9;]*m)+$")  # padding at the end of a line, among style codes

# Styles of the marked-up differences and labels.
_STYLE = {"del": "red", "ins": "green", "label": "bold", "drift": "yellow", "dim": "dim"}


def shorten(text: str, width: int) -> str:
    """One line of at most ``width`` terminal cells: whitespace runs become one space, "…" marks a cut.

    >>> shorten("advance   non-stop,\\nthe leader said", 12)
    'advance non…'
    >>> shorten("金正恩 said", 5)  # wide characters take two cells each
    '金正…'
    """
    text = " ".join(text.split())
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + ELLIPSIS


def terminal_width() -> int:
    """The terminal's width in columns (``$COLUMNS`` when set; 120 when unknown)."""
    return shutil.get_terminal_size((120, 24)).columns


def use_color(stream: TextIO) -> bool:
    """Colour when ``stream`` is a terminal, unless ``NO_COLOR`` is set or ``TERM=dumb``.

    >>> use_color(io.StringIO())
    False
    """
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _console(width: int, color: bool) -> Console:
    # Renders into a string; the caller writes it (rstripped) to its own stream.
    return Console(file=io.StringIO(), width=width, color_system="standard" if color else None,
                   force_terminal=color, highlight=False, markup=False, emoji=False, legacy_windows=False)


def _lines(console: Console, renderable: Any, *, wrap: bool = True) -> list[str]:
    with console.capture() as capture:
        console.print(renderable, soft_wrap=not wrap)
    return [_rstrip(line) for line in capture.get().splitlines()]


def _rstrip(line: str) -> str:
    """``line`` without trailing padding; the style codes among it are kept (they close styles)."""
    return _TRAILING.sub(lambda m: "".join(_STYLE_CODE.findall(m.group())), line)


# --- one line per row ----------------------------------------------------------------------------


class _Column:
    def __init__(self, title: str, width: int, get: Callable[[Any], str], align: str = "left") -> None:
        self.title, self.width, self.get, self.align = title, width, get, align


class Table:
    """A terminal table of rows, one line each. Column widths are fixed when it is made
    (:meth:`for_rows`, from the terminal and the first batch), so later batches line up.

    >>> q = Quote(article="a", text="We will rebuild the bridge by spring,", start=0, end=37, kind="speech", speaker="Linda Ortiz")
    >>> table = Table.for_rows([q], width=72)
    >>> print(table.header()); print(table.line(q))
    ARTICLE    #  KIND      SPEAKER             CUE           CONF  QUOTE
    a          0  speech    Linda Ortiz         -             0.00  We will rebuild the…
    """

    def __init__(self, columns: list[_Column]) -> None:
        self.columns = columns
        self.width = sum(c.width for c in columns) + 2 * (len(columns) - 1)
        self._console = _console(self.width, color=False)

    @classmethod
    def for_rows(cls, rows: Sequence[BaseModel], width: int = 0) -> "Table":
        """Columns for ``rows`` (quotes get a fixed set; other models one column per scalar field),
        the last one taking what is left of ``width`` (default: the terminal's), at least 20."""
        total = width or terminal_width()
        columns = cls._quote_columns(rows) if isinstance(rows[0], Quote) else cls._generic_columns(rows)
        used = sum(c.width for c in columns[:-1]) + 2 * (len(columns) - 1)
        columns[-1].width = max(20, total - used)
        return cls(columns)

    @staticmethod
    def _quote_columns(rows: Sequence[BaseModel]) -> list[_Column]:
        article_w = max(7, min(24, max(len(r.article) for r in rows if isinstance(r, Quote))))
        columns = [
            _Column("ARTICLE", article_w, lambda r: r.article),
            _Column("#", 3, lambda r: str(r.index), "right"),
            _Column("KIND", 8, lambda r: r.kind),
            _Column("SPEAKER", 18, lambda r: r.speaker or "-"),
            _Column("CUE", 12, lambda r: r.cue or "-"),
            _Column("CONF", 4, lambda r: f"{r.confidence:.2f}", "right"),
        ]
        if isinstance(rows[0], AlignedQuote):
            columns += [
                _Column("CLUSTER", 14, lambda r: str(getattr(r, "cluster", None) or "-")),
                _Column("VARIANT", 12, lambda r: str(getattr(r, "variant", None) or "-")),
            ]
        columns.append(_Column("QUOTE", 20, lambda r: r.text))
        return columns

    @staticmethod
    def _generic_columns(rows: Sequence[BaseModel]) -> list[_Column]:
        first = rows[0].model_dump(mode="json")
        names = [k for k, v in first.items() if not isinstance(v, (list, dict))]
        columns = []
        for name in names:
            widest = max(len(_plain(r.model_dump(mode="json").get(name))) for r in rows)
            columns.append(_Column(name.upper(), max(len(name), min(30, widest)), lambda r, n=name: _plain(getattr(r, n, None))))
        return columns

    def _render(self, rows: Iterable[BaseModel], header: bool) -> list[str]:
        table = RichTable(box=None, padding=(0, 1), pad_edge=False, show_header=header, header_style="", show_edge=False)
        for c in self.columns:
            table.add_column(c.title, width=c.width, no_wrap=True, overflow="ellipsis", justify=c.align)  # type: ignore[arg-type]
        for row in rows:
            table.add_row(*(Text(shorten(c.get(row), c.width)) for c in self.columns))
        return _lines(self._console, table)

    def header(self) -> str:
        """The line of column titles."""
        return self._render([], header=True)[0]

    def line(self, row: BaseModel) -> str:
        """One row's line."""
        return self._render([row], header=False)[0]

    def lines(self, rows: Iterable[BaseModel]) -> list[str]:
        """The lines of many rows at once (faster than :meth:`line` for each)."""
        return self._render(rows, header=False)


def _plain(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


# --- groups, verify results, search hits ---------------------------------------------------------


def diff_markup(diff: Sequence[DiffOp]) -> Text:
    """A variant's text with its changes marked: ``[-reference words-]{+variant words+}``
    (red and green on a terminal); words cut off either end of the reference are shown as "…".

    >>> ops = [DiffOp(op="equal", a="This was", b="This was"), DiffOp(op="replace", a="fully proved", b="evidenced")]
    >>> diff_markup(ops).plain
    'This was [-fully proved-]{+evidenced+}'
    """
    parts: list[Text] = []
    last = len(diff) - 1
    for i, op in enumerate(diff):
        if op.op == "equal":
            piece = Text(op.b)
        elif op.op == "delete" and i in (0, last):
            piece = Text(ELLIPSIS, style=_STYLE["dim"])
        elif op.op == "delete":
            piece = Text(f"[-{op.a}-]", style=_STYLE["del"])
        elif op.op == "insert":
            piece = Text(f"{{+{op.b}+}}", style=_STYLE["ins"])
        else:
            piece = Text.assemble((f"[-{op.a}-]", _STYLE["del"]), (f"{{+{op.b}+}}", _STYLE["ins"]))
        if piece.plain:
            parts.append(piece)
    return Text(" ").join(parts)


def _reason(code: str, detail: str) -> Text:
    return Text(f"↳ {code}: {detail}", style=_STYLE["drift"])


def write_group_table(groups: Sequence[QuoteGroup], stream: TextIO, *, color: bool, total_quotes: int) -> None:
    """Each group that spans articles: a header line, then its members one under the other
    (reference first) with their differences from the reference marked, and drift reasons;
    then one summary line."""
    width = terminal_width()
    console = _console(width, color)
    shown = [g for g in groups if g.cross_article]
    out: list[str] = []
    for g in shown:
        n_articles = g.articles
        flags = f"  [{', '.join(g.flags)}]" if g.flags else ""
        head = f"{g.speaker or 'unknown speaker'} — {len(g.members)} renderings in {n_articles} articles  {g.id}{flags}"
        out += _lines(console, Text(head, style=_STYLE["label"]), wrap=False)
        where_w = min(32, max(len(f"{m.article}#{m.index}") for m in g.members))
        speaker_w = min(20, max(len(m.speaker or "-") for m in g.members))
        indent = 2 + 12 + 2 + where_w + 2 + speaker_w + 2
        # each column is its width plus the two spaces before it
        grid = RichTable.grid(padding=(0, 0, 0, 2), pad_edge=True)
        grid.add_column(width=2 + 12, no_wrap=True)
        grid.add_column(width=2 + where_w, no_wrap=True)
        grid.add_column(width=2 + speaker_w, no_wrap=True, overflow="crop")
        grid.add_column(width=2 + max(30, width - indent))
        for m in g.members:
            label = m.variant or "-"
            text = Text(" ".join(m.text.split())) if m.variant in (None, "reference", "identical") else diff_markup(m.diff)
            where = f"{m.article}#{m.index}"
            if len(where) > where_w:
                where = ELLIPSIS + where[-(where_w - 1):]
            speaker = Text(m.speaker or "-", style=_STYLE["drift"] if "misattributed" in m.flags else "")
            grid.add_row(Text(label, style=_STYLE["drift" if label == "drift" else "label"]), where, speaker, text)
            for r in m.reasons:
                grid.add_row("", "", "", _reason(r.code, r.detail))
            for note in m.notes if m.variant != "reference" else ():  # the reference's note is the same rule every time
                grid.add_row("", "", "", Text(f"· {note}", style=_STYLE["label"]))
        # never squeezed below the columns' widths: on a narrow terminal the lines run over
        out += _lines(_console(max(width, indent + 30), color), grid) + [""]
    grouped = sum(len(g.members) for g in shown)
    alone = total_quotes - grouped
    signals = sorted({s for g in shown for s in g.signals})
    out.append(
        f"{len(shown)} group{'s' if len(shown) != 1 else ''} across articles ({grouped} quotes); "
        f"{alone} of {total_quotes} quotes {'has' if alone == 1 else 'have'} no counterpart in another article"
        + (f"; signals: {', '.join(signals)}" if signals else "")
    )
    stream.write("\n".join(out) + "\n")


def write_verify_table(results: Sequence[VerifyResult], stream: TextIO, *, color: bool) -> None:
    """One block per quote: status, where it is from, the calibrated confidence, the quote with
    its differences from the source, the reasons, the source's turn and section (and which source,
    when there are several); for ``not_found`` the closest passage and why it was rejected; then
    one summary line."""
    console = _console(terminal_width(), color)
    counts: dict[str, int] = {}
    out: list[str] = []
    several_sources = len({r.source for r in results}) > 1  # one source needs no naming on every block
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
        q = r.quote
        where = f"{q.article}#{q.index}" if q.article else ""
        style = _STYLE["drift" if r.status in ("drift", "not_found") else "label"]
        head = Text.assemble("  ", (f"{r.status:<12}", style), f"  {where}  {q.speaker or '-'}  conf {r.confidence:.2f}")
        out += _lines(console, head, wrap=False)
        text = diff_markup(r.diff) if r.status == "drift" else Text(" ".join(q.text.split()))
        out += _lines(console, Padding(text, (0, 0, 0, 4)))
        for reason in r.reasons:
            out += _lines(console, Padding(_reason(reason.code, reason.detail), (0, 0, 0, 4)))
        origin = _verify_origin(r, name_source=several_sources)
        if origin:
            out += _lines(console, Padding(Text(origin, style=_STYLE["label"]), (0, 0, 0, 4)))
        if r.status == "not_found" and r.candidate_text:
            closest = f"closest: \u201c{shorten(' '.join(r.candidate_text.split()), 200)}\u201d"
            out += _lines(console, Padding(Text(closest, style=_STYLE["dim"]), (0, 0, 0, 4)))
        if r.status == "not_found" and r.evidence:
            out += _lines(console, Padding(Text(f"· {r.evidence}", style=_STYLE["label"]), (0, 0, 0, 4)))
    summary = ", ".join(f"{counts[s]} {s.replace('_', ' ')}" for s in ("verbatim", "orthographic", "drift", "not_found") if s in counts)
    out.append(f"{len(results)} quote{'s' if len(results) != 1 else ''} checked: {summary or 'none'}")
    stream.write("\n".join(out) + "\n")


def _verify_origin(r: VerifyResult, *, name_source: bool) -> str:
    """Where the matched (or closest) passage is: ``in SOURCE, turn SPEAKER, section SECTION``
    (the source only when ``name_source``); empty when there is nothing to say."""
    parts = [f"in {r.source}" if r.source and name_source else "",
             f"turn {r.source_speaker}" if r.source_speaker else "",
             f"section {r.source_section}" if r.source_section else ""]
    return ", ".join(p for p in parts if p)


def write_hits_table(hits: Sequence["SearchHit"], stream: TextIO) -> None:
    """``quotes search`` hits (:class:`~quotes.store.search.SearchHit`) for people: the matching
    quote, then its group's other renderings indented below."""
    width = max(60, terminal_width())
    for n, hit in enumerate(hits, 1):
        where = f"{hit.article}#{hit.index}" + (f" ({hit.outlet})" if hit.outlet else "")
        stream.write(f"{n:>2}. {hit.match:.2f}  {hit.speaker or '-'}  {where}\n")
        stream.write(f"    \u201c{shorten(hit.text, width - 6)}\u201d\n")
        if hit.variants:
            label = hit.variant or "-"
            stream.write(f"    group {hit.cluster} ({label}), {len(hit.variants)} other rendering{'s' if len(hit.variants) != 1 else ''}:\n")
            for other in hit.variants:
                tag = f"{(other.variant or '-'):<12} {other.article}#{other.index}" + (f" ({other.outlet})" if other.outlet else "")
                stream.write(f"      {tag}  \u201c{shorten(other.text, max(20, width - len(tag) - 10))}\u201d\n")
        stream.write("\n" if n < len(hits) else "")
