"""Paths → quotes, with every bad input reported and the run going on: what the commands run.

Each ``quotes`` command is one call here (or one :class:`~quotes.store.db.QuoteStore` call),
so a pipeline can do what the command line does::

    from quotes.run.pipeline import align_paths, find_in_paths, read_inputs

    for article, quotes in find_in_paths(["seeds/"], on_error=print):   # quotes find
        ...
    quotes = read_inputs(["found.jsonl", "more/"], on_error=print).quotes  # rows as written, or found
    alignment = align_paths(["found.jsonl"], speaker="Putin")             # quotes align
    rows = alignment.rows()                                               # its JSONL rows

Errors: ``on_error`` receives one line for each input (file, JSONL line or article) that
could not be read or processed, and the run goes on; without it the first such problem is
raised (:class:`~quotes.errors.InputError`, or the article's own exception). A missing
language engine is always raised (:class:`~quotes.errors.EngineUnavailable`): without it
nothing can be done.

Inputs everywhere: article files (``.txt``, ``.md``, ``.jsonl`` of ``{"id", "text"}``),
directories, ``-`` for stdin (see :mod:`quotes.io.inputs`), and the JSONL that ``quotes
find``/``quotes align`` write, which is read as it is instead of being searched again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from quotes.errors import InputError, describe_failure
from quotes.io.inputs import (
    is_quote_jsonl,
    iter_articles,
    iter_quote_rows,
    read_text_file,
)
from quotes.models import AlignedQuote, Article, Quote, QuoteGroup, VerifyResult
from quotes.run.parallel import map_articles
from quotes.variants.align import Aligner, aligned_quotes
from quotes.variants.identity import matches
from quotes.variants.verify import verify

__all__ = [
    "Alignment",
    "Inputs",
    "OnError",
    "align_paths",
    "find_in_paths",
    "has_quote_rows",
    "read_articles",
    "read_inputs",
    "report_error",
    "verify_paths",
]

OnError = Callable[[str], None]
"""Receives one line per input that failed (``"found.jsonl:7: line is not valid JSON; ..."``).

An ``on_error`` object that also has a ``note(line)`` method receives the notes that are not
failures there (a file read as Windows-1252 because it is not UTF-8), one line each."""


def find_in_paths(
    paths: Sequence[str],
    *,
    engine: str = "stanza",
    models_dir: Optional[str] = None,
    workers: int = 1,
    on_error: Optional[OnError] = None,
) -> Iterator[tuple[Article, list[Quote]]]:
    """Yield ``(article, quotes)`` for every article in ``paths``, in input order.

    ``workers`` processes each load the engine once (:func:`quotes.run.parallel.map_articles`);
    the output is the same for any number. The engine is loaded at the first article, so an
    input without articles never loads a model.

    >>> list(find_in_paths(["no-such-folder"], on_error=print))
    no-such-folder: no such file or directory; check the path
    []
    """
    for article, result in map_articles(read_articles(paths, on_error=on_error), workers, engine, models_dir):
        if isinstance(result, Exception):
            if on_error is None:
                raise result
            on_error(describe_failure(article.source or article.id, result))
            continue
        yield article, result


def read_articles(paths: Sequence[str], *, on_error: Optional[OnError] = None) -> Iterator[Article]:
    """The articles in ``paths`` (:func:`quotes.io.inputs.iter_articles`), each one that cannot be
    read passed to ``on_error`` (or raised, without it).

    >>> [a.id for a in read_articles(["fixtures/inputs/corpus/a_council.txt"])]
    ['a_council']
    """
    for item in iter_articles(paths, on_note=getattr(on_error, "note", None)):
        if isinstance(item, InputError):
            report_error(on_error, item)
        else:
            yield item


@dataclass
class Inputs:
    """What :func:`read_inputs` read: the quotes in input order, and the articles by id."""

    quotes: list[Quote] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)


def read_inputs(
    paths: Sequence[str],
    *,
    find: bool = True,
    keep_articles: bool = False,
    engine: str = "stanza",
    models_dir: Optional[str] = None,
    workers: int = 1,
    on_error: Optional[OnError] = None,
) -> Inputs:
    """The quotes of ``paths``: quote JSONL as written, articles searched with ``find_quotes``.

    A quote JSONL file (``quotes find``/``quotes align`` output) gives its rows as they are
    (:class:`~quotes.models.AlignedQuote` for ``align`` rows); rows without an ``index`` (or
    with clashing ones) are numbered in file order within their article, so that no quote is
    lost. Any other path is read as articles, and their quotes are found when ``find`` is true
    (``find=False``: the articles only supply texts). ``keep_articles`` keeps the articles read
    in :attr:`Inputs.articles` (the first article of each id).

    >>> read_inputs(["fixtures/align/found_sample.jsonl"]).quotes[0].text
    'advance non-stop,'
    """
    out = Inputs()
    run: list[str] = []  # consecutive article paths: one engine run (and one worker pool) for them

    def flush() -> None:
        if not run:
            return
        if find:
            for article, found in find_in_paths(run, engine=engine, models_dir=models_dir, workers=workers, on_error=on_error):
                if keep_articles:
                    out.articles.setdefault(article.id, article)
                out.quotes.extend(found)
        elif keep_articles:
            for article in read_articles(run, on_error=on_error):
                out.articles.setdefault(article.id, article)
        run.clear()

    for path in paths:
        if not is_quote_jsonl(path):
            run.append(path)
            continue
        flush()
        rows: list[Quote] = []
        for row in iter_quote_rows(path):
            if isinstance(row, InputError):
                report_error(on_error, row)
            else:
                rows.append(row)
        out.quotes.extend(_unique_ids(rows))
    flush()
    return out


def has_quote_rows(paths: Sequence[str]) -> bool:
    """True when one of ``paths`` is quote JSONL (``quotes find``/``quotes align`` output)."""
    return any(is_quote_jsonl(p) for p in paths)


@dataclass
class Alignment:
    """Groups of renderings and the quotes they were made from (:func:`align_paths`)."""

    groups: list[QuoteGroup]
    quotes: list[Quote]

    def rows(self) -> list[AlignedQuote]:
        """One row per quote, in input order: the ``quotes align --format jsonl`` rows."""
        return aligned_quotes(self.quotes, self.groups)

    def of_speaker(self, speaker: Optional[str]) -> "Alignment":
        """Only the groups with a quote by ``speaker`` (named any way), and their quotes."""
        if not speaker:
            return self
        groups = [g for g in self.groups if any(matches(speaker, m.speaker) for m in g.members)]
        keep = {m.id for g in groups for m in g.members}
        return Alignment(groups, [q for q in self.quotes if q.id in keep])


def align_paths(
    paths: Sequence[str],
    *,
    speaker: Optional[str] = None,
    semantic: Optional[bool] = None,
    model: Optional[str] = None,
    engine: str = "stanza",
    models_dir: Optional[str] = None,
    workers: int = 1,
    on_error: Optional[OnError] = None,
) -> Alignment:
    """``quotes align PATH...``: group the renderings of the same words across the inputs.

    ``semantic``/``model``: see :class:`~quotes.variants.align.Aligner`; ``speaker`` keeps
    the groups with a quote by that person (:meth:`Alignment.of_speaker`).

    >>> a = align_paths(["fixtures/align/found_sample.jsonl"], semantic=False)
    >>> sorted(m.variant for m in a.groups[0].members)
    ['identical', 'orthographic', 'reference']
    """
    quotes = read_inputs(paths, engine=engine, models_dir=models_dir, workers=workers, on_error=on_error).quotes
    aligner = Aligner(semantic=semantic, model=model)
    aligner.add(quotes)
    return Alignment(aligner.groups, quotes).of_speaker(speaker)


def verify_paths(
    source: Union[str, Sequence[str]],
    paths: Sequence[str],
    *,
    speaker: Optional[str] = None,
    min_confidence: Optional[float] = None,
    engine: str = "stanza",
    models_dir: Optional[str] = None,
    workers: int = 1,
    on_error: Optional[OnError] = None,
) -> list[VerifyResult]:
    """``quotes verify SOURCE... -- PATH...``: check every quote of ``paths`` against the sources.

    ``source``: one path or several; a directory stands for its ``.txt``/``.md`` files. Each
    result names the source its match (or best candidate) is in, as the path was given.
    Quotes of kind ``name`` are not checked; ``speaker`` keeps the quotes of that person and
    checks them only against that person's turns (sources with turn labels, see
    :mod:`quotes.text.turns`); ``min_confidence``: see :func:`quotes.variants.verify.verify`.
    A source that cannot be read is an error (raised even with ``on_error``: without its
    sources nothing can be checked).

    >>> [r.status for r in verify_paths("seeds/003_009268604145ada5.txt", ["fixtures/align/found_sample.jsonl"], speaker="Putin")]
    ['verbatim', 'not_found', 'verbatim', 'verbatim']
    """
    note = getattr(on_error, "note", None)
    texts = [(name, read_text_file(name, on_note=note)) for name in source_files([source] if isinstance(source, str) else source)]
    quotes = read_inputs(paths, engine=engine, models_dir=models_dir, workers=workers, on_error=on_error).quotes
    wanted = [q for q in quotes if q.kind != "name" and (speaker is None or matches(speaker, q.speaker))]
    return verify(texts, wanted, speaker=speaker, min_confidence=min_confidence)


SOURCE_SUFFIXES = (".txt", ".md")
"""Files of a source directory that are read as sources (transcripts, statements)."""


def source_files(sources: Sequence[str]) -> list[str]:
    """The source files ``sources`` name: files as given, directories as their text files (sorted).

    >>> source_files(["seeds/004_e767feebfdfeb732.txt"])
    ['seeds/004_e767feebfdfeb732.txt']

    Raises :class:`InputError` for a directory without text files or an empty list.
    """
    out: list[str] = []
    for s in sources:
        p = Path(s)
        if s != "-" and p.is_dir():
            found = sorted(str(f) for f in p.iterdir() if f.is_file() and f.suffix.lower() in SOURCE_SUFFIXES)
            if not found:
                raise InputError("no .txt or .md source files in this directory; give transcript files or a folder of them", s)
            out.extend(found)
        else:
            out.append(s)
    if not out:
        raise InputError("no source given; name the transcript or statement to check the quotes against")
    return out


def report_error(on_error: Optional[OnError], error: InputError) -> None:
    """Pass ``error`` to ``on_error`` as one line, or raise it when there is no ``on_error``."""
    if on_error is None:
        raise error
    on_error(str(error))


def _unique_ids(rows: Iterable[Quote]) -> list[Quote]:
    """Quotes are known by ``article#index``; rows written without ``index`` (or with clashing
    ones) are numbered in file order within their article so that no quote is lost."""
    rows = list(rows)
    spans: dict[str, tuple[int, int, str]] = {}
    for r in rows:
        if spans.setdefault(r.id, (r.start, r.end, r.text)) != (r.start, r.end, r.text):
            break
    else:
        return rows
    counters: dict[str, int] = {}
    out = []
    for r in rows:
        n = counters.get(r.article, 0)
        counters[r.article] = n + 1
        out.append(r.model_copy(update={"index": n}))
    return out
