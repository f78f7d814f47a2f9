"""``quotes align PATH...`` and ``quotes verify SOURCE ARTICLES...``.

    quotes find seeds/ --format jsonl > found.jsonl      # parse once ...
    quotes align found.jsonl                             # ... align many times
    quotes align seeds/ --speaker Putin --format json    # or straight from articles
    quotes align --db quotes.db                          # the groups of a quote store
    quotes verify statement.txt seeds/002_*.txt          # each quote against the original

Both take articles (as ``quotes find`` does) or the JSONL ``quotes find`` wrote. Each bad
input or line is one line on stderr (``quotes: found.jsonl:7: ...``) and the rest is still
used. Exit status: 0 all inputs read, 1 some input failed, 2 the language engine or the
semantic model requested with ``--semantic`` is not available.
"""

from __future__ import annotations

import os
import shutil
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Optional, TextIO

import typer

from quotes.cli.app import (
    Failures,
    OutputFormat,
    app,
    default_format,
    die,
    silence_stdout,
    warn,
)
from quotes.errors import EngineUnavailable, InputError, QuotesError
from quotes.models import AlignedQuote, DiffOp, Quote, QuoteGroup, VerifyResult

_COLORS = {"del": "\033[31m", "ins": "\033[32m", "label": "\033[1m", "drift": "\033[33m", "dim": "\033[2m", "reset": "\033[0m"}


# --- reading inputs ------------------------------------------------------------------------------


def read_quotes(
    paths: Sequence[str],
    *,
    engine: str = "stanza",
    models_dir: Optional[str] = None,
    on_error: Callable[[str], None],
) -> list[Quote]:
    """All quotes from ``paths``, in order: quote JSONL files (``quotes find`` output) are read
    as they are, anything else is read as articles and parsed with ``find_quotes``.

    Each bad file or line goes to ``on_error`` as one line; the rest is still read.
    :class:`EngineUnavailable` propagates (nothing can be parsed without an engine).
    """
    from quotes.io.inputs import is_quote_jsonl, iter_quote_rows

    quotes: list[Quote] = []
    for path in paths:
        if is_quote_jsonl(path):
            rows: list[Quote] = []
            for row in iter_quote_rows(path):
                if isinstance(row, InputError):
                    on_error(str(row))
                else:
                    rows.append(row)
            quotes.extend(_unique_ids(rows))
            continue
        from quotes.cli.find import extract_paths

        for _article, found in extract_paths([path], engine=engine, models_dir=models_dir, on_error=on_error):
            quotes.extend(found)
    return quotes


def _unique_ids(rows: list[Quote]) -> list[Quote]:
    """Quotes are known by ``article#index``; rows written without ``index`` (or with clashing
    ones) are numbered in file order within their article so that no quote is lost."""
    spans: dict[str, tuple[int, int, str]] = {}
    clash = False
    for r in rows:
        sig = (r.start, r.end, r.text)
        if spans.setdefault(r.id, sig) != sig:
            clash = True
            break
    if not clash:
        return rows
    counters: dict[str, int] = {}
    out = []
    for r in rows:
        n = counters.get(r.article, 0)
        counters[r.article] = n + 1
        out.append(r.model_copy(update={"index": n}))
    return out


def _use_color(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_COLORS[style]}{text}{_COLORS['reset']}" if color and text else text


# --- rendering -----------------------------------------------------------------------------------


def diff_markup(diff: Sequence[DiffOp], color: bool) -> str:
    """A variant's text with its changes marked: ``[-reference words-]{+variant words+}``
    (coloured on a terminal); words cut off either end of the reference are shown as "…"."""
    parts: list[str] = []
    last = len(diff) - 1
    for i, op in enumerate(diff):
        if op.op == "equal":
            parts.append(op.b)
        elif op.op == "delete" and i in (0, last):
            parts.append(_paint("…", "dim", color))
        elif op.op == "delete":
            parts.append(_paint(f"[-{op.a}-]", "del", color))
        elif op.op == "insert":
            parts.append(_paint(f"{{+{op.b}+}}", "ins", color))
        else:
            parts.append(_paint(f"[-{op.a}-]", "del", color) + _paint(f"{{+{op.b}+}}", "ins", color))
    return " ".join(p for p in parts if p)


def _visible_len(text: str) -> int:
    out, skip = 0, False
    for c in text:
        if c == "\033":
            skip = True
        elif skip and c == "m":
            skip = False
        elif not skip:
            out += 1
    return out


def _wrap(text: str, width: int, indent: int) -> str:
    """Wrap ``text`` (which may hold colour codes) to ``width`` columns, later lines indented."""
    lines: list[str] = []
    cur, cur_len = "", 0
    for word in text.split():
        n = _visible_len(word)
        if cur and cur_len + 1 + n > width:
            lines.append(cur)
            cur, cur_len = word, n
        else:
            cur, cur_len = (f"{cur} {word}", cur_len + 1 + n) if cur else (word, n)
    if cur:
        lines.append(cur)
    return ("\n" + " " * indent).join(lines) if lines else ""


def write_group_table(groups: Sequence[QuoteGroup], stream: TextIO, *, color: bool, total_quotes: int) -> None:
    """Each group that spans articles: a header line, then its members one under the other
    (reference first) with their differences from the reference marked, and drift reasons."""
    width = shutil.get_terminal_size((120, 24)).columns
    shown = [g for g in groups if len({m.article for m in g.members}) >= 2]
    for g in shown:
        n_articles = len({m.article for m in g.members})
        flags = f"  [{', '.join(g.flags)}]" if g.flags else ""
        head = f"{g.speaker or 'unknown speaker'} — {len(g.members)} renderings in {n_articles} articles  {g.id}{flags}"
        stream.write(_paint(head, "label", color) + "\n")
        where_w = min(32, max(len(f"{m.article}#{m.index}") for m in g.members))
        label_w, speaker_w = 12, min(20, max(len(m.speaker or "-") for m in g.members))
        indent = 2 + label_w + 2 + where_w + 2 + speaker_w + 2
        text_w = max(30, width - indent)
        for m in g.members:
            label = m.variant or "-"
            text = " ".join(m.text.split()) if m.variant in (None, "reference", "identical") else diff_markup(m.diff, color)
            where = f"{m.article}#{m.index}"
            if len(where) > where_w:
                where = "…" + where[-(where_w - 1):]
            speaker = (m.speaker or "-")[:speaker_w]
            if "misattributed" in m.flags:
                speaker = _paint(speaker, "drift", color)
            style = "drift" if label == "drift" else "label"
            stream.write(
                f"  {_paint(f'{label:<{label_w}}', style, color)}  {where:<{where_w}}  {speaker}{' ' * (speaker_w - len((m.speaker or '-')[:speaker_w]))}  "
                f"{_wrap(text, text_w, indent)}\n"
            )
            for r in m.reasons:
                stream.write(" " * indent + _paint(f"↳ {r.code}: {r.detail}", "drift", color) + "\n")
        stream.write("\n")
    grouped = sum(len(g.members) for g in shown)
    alone = total_quotes - grouped
    stream.write(
        f"{len(shown)} group{'s' if len(shown) != 1 else ''} across articles ({grouped} quotes); "
        f"{alone} of {total_quotes} quotes {'has' if alone == 1 else 'have'} no counterpart in another article\n"
    )


def write_verify_table(results: Sequence[VerifyResult], stream: TextIO, *, color: bool) -> None:
    """One block per quote: status, where it is from, the quote with its differences from the source."""
    width = shutil.get_terminal_size((120, 24)).columns
    counts: dict[str, int] = {}
    status_w = 12
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
        q = r.quote
        where = f"{q.article}#{q.index}" if q.article else ""
        style = "drift" if r.status in ("drift", "not_found") else "label"
        text = diff_markup(r.diff, color) if r.status == "drift" else " ".join(q.text.split())
        head = f"  {_paint(f'{r.status:<{status_w}}', style, color)}  {where}  {q.speaker or '-'}"
        stream.write(head + "\n")
        stream.write(" " * 4 + _wrap(text, max(30, width - 4), 4) + "\n")
        for reason in r.reasons:
            stream.write(" " * 4 + _paint(f"↳ {reason.code}: {reason.detail}", "drift", color) + "\n")
    summary = ", ".join(f"{counts[s]} {s.replace('_', ' ')}" for s in ("verbatim", "orthographic", "drift", "not_found") if s in counts)
    stream.write(f"{len(results)} quote{'s' if len(results) != 1 else ''} checked: {summary or 'none'}\n")


# --- commands ------------------------------------------------------------------------------------


def _emit_warnings(caught: Iterable[warnings.WarningMessage]) -> None:
    seen: set[str] = set()
    for w in caught:
        text = str(w.message)
        if text not in seen:
            seen.add(text)
            warn(text)


@app.command("align")
def align_command(
    paths: Optional[list[str]] = typer.Argument(None, metavar="PATH...", help="JSONL written by `quotes find`, or articles (.txt, .md, .jsonl of {\"id\", \"text\"}), directories, - for stdin."),
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Only groups with a quote by this person, named any way (\"Putin\" = \"Vladimir Putin\")."),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="table (groups side by side), json (groups), jsonl/csv (one row per quote). Default: table on a terminal, jsonl when piped."),
    semantic: Optional[bool] = typer.Option(None, "--semantic/--no-semantic", help="Use sentence embeddings to find other translations (default: when the semantic extra is installed)."),
    model: Optional[str] = typer.Option(None, "--model", help="A sentence-transformers model name or folder (default: the bundled all-MiniLM-L6-v2)."),
    engine: str = typer.Option("stanza", "--engine", "-e", help="Language engine for article inputs: stanza or spacy."),
    models_dir: Optional[str] = typer.Option(None, "--models-dir", help="Stanza resources folder (default: $STANZA_RESOURCES_DIR, else ~/stanza_resources)."),
    db: Optional[str] = typer.Option(None, "--db", help="Print the groups of this quote store (aligning its new quotes first) instead of reading PATHs."),
) -> None:
    """Group renderings of the same words across articles and label how each differs.

    Labels against each group's reference (its longest rendering): identical, orthographic, truncation, translation, drift (with reasons: negation, number, modality, tense, entity, qualifier, content added or cut). The jsonl rows are the `quotes find` rows plus cluster, variant, score, diff, reasons, flags; a quote with no counterpart in another article has cluster and variant null.
    """
    from quotes.variants.align import Aligner, aligned_quotes
    from quotes.io.output import write_quotes
    from quotes.variants.semantic import SemanticUnavailable
    from quotes.variants.identity import matches

    out_format = fmt or default_format()
    if db and paths:
        die("give PATHs to align or --db to show a store's groups, not both", 2)
    if not db and not paths:
        die("nothing to align; give quotes find JSONL or articles (PATH...), or --db STORE", 2)
    report = failures = Failures()

    quotes: list[Quote] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if db:
                groups = _store_groups(db, semantic)
                quotes = [m for g in groups for m in g.members]
            else:
                quotes = read_quotes(paths or [], engine=engine, models_dir=models_dir, on_error=report)
                aligner = Aligner(semantic=semantic, model=model)
                aligner.add(quotes)
                groups = aligner.groups
        _emit_warnings(w for w in caught if not issubclass(w.category, (DeprecationWarning, FutureWarning)))
    except EngineUnavailable as exc:
        die(str(exc), 2)
    except SemanticUnavailable as exc:
        die(str(exc), exc.exit_code)
    except QuotesError as exc:
        die(str(exc), exc.exit_code)

    if speaker:
        groups = [g for g in groups if any(matches(speaker, m.speaker) for m in g.members)]
        keep = {m.id for g in groups for m in g.members}
        quotes = [q for q in quotes if q.id in keep]
    try:
        stream = sys.stdout
        if out_format == OutputFormat.table:
            write_group_table(groups, stream, color=_use_color(stream), total_quotes=sum(len(g.members) for g in groups))
        elif out_format == OutputFormat.json:
            write_quotes(groups, "json", stream)
        else:
            rows: list[AlignedQuote] = aligned_quotes(quotes, groups)
            write_quotes(rows, out_format.value, stream)
    except BrokenPipeError:
        silence_stdout()
        raise typer.Exit(1) from None
    if failures:
        raise typer.Exit(1)


def _store_groups(db: str, semantic: Optional[bool]) -> list[QuoteGroup]:
    from pathlib import Path

    from quotes.store.db import QuoteStore

    if not Path(db).is_file():
        die(f"{db}: no such quote store; create it with `quotes index PATH... --db {db}`", 1)
    with QuoteStore(db, create=False) as store:
        store.align(semantic=semantic)
        return store.groups()


@app.command("verify")
def verify_command(
    source: str = typer.Argument(..., metavar="SOURCE", help="The original text: a transcript or official statement (a text file, or - for stdin)."),
    paths: list[str] = typer.Argument(..., metavar="ARTICLES...", help="Articles to check (files, directories), or JSONL written by `quotes find`."),
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Only quotes by this person, named any way."),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="Output format (default: table on a terminal, jsonl when piped)."),
    engine: str = typer.Option("stanza", "--engine", "-e", help="Language engine for article inputs: stanza or spacy."),
    models_dir: Optional[str] = typer.Option(None, "--models-dir", help="Stanza resources folder (default: $STANZA_RESOURCES_DIR, else ~/stanza_resources)."),
) -> None:
    """Check every quote of the articles against the original text.

    Each quote is found verbatim, found with orthographic differences, found with drift (the diff source → quote and the reasons), or not found. Quotes of kind name (titles, scare quotes) are skipped.
    """
    from quotes.io.inputs import read_text_file
    from quotes.io.output import write_quotes
    from quotes.variants.identity import matches
    from quotes.variants.verify import verify

    out_format = fmt or default_format()
    try:
        source_text = read_text_file(source)
    except InputError as exc:
        die(str(exc), 1)
    report = failures = Failures()

    try:
        quotes = read_quotes(paths, engine=engine, models_dir=models_dir, on_error=report)
    except EngineUnavailable as exc:
        die(str(exc), 2)
    except QuotesError as exc:
        die(str(exc), exc.exit_code)
    quotes = [q for q in quotes if q.kind != "name" and (speaker is None or matches(speaker, q.speaker))]
    results = verify(source_text, quotes)
    try:
        if out_format == OutputFormat.table:
            write_verify_table(results, sys.stdout, color=_use_color(sys.stdout))
        else:
            write_quotes(results, out_format.value, sys.stdout)
    except BrokenPipeError:
        silence_stdout()
        raise typer.Exit(1) from None
    if failures:
        raise typer.Exit(1)
