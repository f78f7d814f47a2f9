"""``quotes index`` and ``quotes search``: build a quote store and search it.

    quotes index seeds/ more/*.jsonl --db quotes.db --workers 2
    quotes search "advance non-stop" --db quotes.db
    quotes search "heroic participation" --db quotes.db --speaker Putin --format jsonl

Both are thin layers over :class:`quotes.store.db.QuoteStore` (``index`` → :meth:`~QuoteStore.index`,
``search`` → :meth:`~QuoteStore.search`). Exit status of ``index``: 0 every input stored, 1 some
input could not be read or parsed (the rest is stored), 2 the language engine is unavailable.
``search`` exits 1 when nothing matches, like ``grep``.
"""

from __future__ import annotations

import shutil
import sys
import warnings
from collections.abc import Iterator
from typing import Optional, TextIO

import typer

from quotes.cli.app import Failures, OutputFormat, app, default_format, die, warn
from quotes.errors import EngineUnavailable, InputError, QuotesError
from quotes.io.inputs import iter_articles
from quotes.models import Article
from quotes.io.output import shorten, write_quotes
from quotes.io.progress import Progress, count_articles, progress_enabled
from quotes.store.search import SearchHit
from quotes.store.db import QuoteStore


@app.command("index")
def index_command(
    paths: list[str] = typer.Argument(..., metavar="PATH...", help="Article files (.txt, .md, .jsonl of {\"id\", \"text\"}), directories, or - for stdin."),
    db: str = typer.Option(..., "--db", help="The quote store (an SQLite file; created if missing)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes, each loading the engine once."),
    engine: str = typer.Option("stanza", "--engine", "-e", help="Language engine: stanza or spacy."),
    models_dir: Optional[str] = typer.Option(None, "--models-dir", help="Stanza resources folder [default: $STANZA_RESOURCES_DIR or ~/stanza_resources]."),
    semantic: Optional[bool] = typer.Option(None, "--semantic/--no-semantic", help="Use sentence embeddings when aligning new quotes (default: when the semantic extra is installed)."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Articles per write transaction."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary line."),
) -> None:
    """Parse articles and store them, their quotes, speakers and quote groups in a store.

    Re-indexing an unchanged article does nothing; a changed article replaces its old quotes.
    New quotes are then aligned into the store's existing groups (never the whole corpus again).
    Each batch of articles is one transaction: an interrupted run keeps what it committed.
    """
    show = progress_enabled(sys.stderr, quiet)
    bar = Progress(count_articles(paths) if show else None, label="indexing", enabled=show)
    failures = Failures(bar.note)  # above the bar, as warn() would print it

    def articles() -> Iterator[Article]:
        for item in iter_articles(paths):
            if isinstance(item, InputError):
                failures(str(item))
            else:
                yield item

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with QuoteStore(db) as store, bar:
                stats = store.index(
                    articles(), engine=engine, workers=workers, models_dir=models_dir, semantic=semantic,
                    batch_size=batch_size, on_article=lambda _a: bar.advance(),
                )
        for text in dict.fromkeys(str(w.message) for w in caught if not issubclass(w.category, (DeprecationWarning, FutureWarning))):
            warn(text)
    except EngineUnavailable as exc:
        die(str(exc), 2)
    except QuotesError as exc:
        die(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        die("interrupted; the batches committed before are kept, run the same command again to finish", 130)
    for line in stats.warnings:
        warn(line)
    for line in stats.errors:
        warn(line)
    failures.count += stats.failed
    if stats.seen == 0 and not failures:
        die(f"no articles found in {' '.join(paths)}; give .txt, .md or .jsonl files (or directories holding them)", 1)
    if not quiet:
        typer.echo(stats.summary())
    if failures:
        raise typer.Exit(1)


@app.command("search")
def search_command(
    query: str = typer.Argument(..., metavar="TEXT", help="Words of the quote to find (any wording; case and punctuation do not matter)."),
    db: str = typer.Option(..., "--db", help="The quote store written by `quotes index`."),
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Only quotes of this person (any form of the name: Putin, Vladimir Putin)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only quotes from articles of this outlet."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="Most hits to show (one per group of renderings)."),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="Output format [default: table on a terminal, jsonl when piped]."),
) -> None:
    """Find a quote in the store, best matches first, with its other renderings across outlets.

    Each hit is the best-matching rendering of one utterance; the table lists the group's other
    renderings under it with their variant label (identical, orthographic, truncation,
    translation, drift). JSON rows carry them in "variants".
    """
    out_format = fmt or default_format()
    try:
        with QuoteStore(db, create=False) as store:
            if speaker is not None and not store.speaker_ids(speaker):
                known = ", ".join(store.speakers()[:8]) or "none yet"
                die(f"no speaker matching {speaker!r} in {db} (speakers: {known}); check the name", 1)
            hits = store.search(query, speaker=speaker, outlet=outlet, limit=limit)
    except QuotesError as exc:
        die(str(exc), exc.exit_code)
    if not hits:
        die(f"no stored quote matches {query!r}" + (f" for {speaker}" if speaker else "") + (f" in {outlet}" if outlet else ""), 1)
    if out_format is OutputFormat.table:
        write_hits_table(hits, sys.stdout)
    else:
        write_quotes(hits, out_format.value, sys.stdout)


def write_hits_table(hits: list[SearchHit], stream: TextIO) -> None:
    """Hits for people: the matching quote, then its group's other renderings indented below."""
    width = max(60, shutil.get_terminal_size((120, 24)).columns)
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

