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

import sys
from typing import Annotated, Optional

import typer

from quotes.cli.app import Failures, app, die, exit_on_error, relay_warnings, warn
from quotes.cli.options import (
    Engine,
    EngineOption,
    FormatOption,
    ModelsDirOption,
    OutputFormat,
    SemanticOption,
    SpeakerOption,
    WorkersOption,
    format_for,
)
from quotes.io.output import write_quotes
from quotes.io.progress import Progress, count_articles, progress_enabled
from quotes.io.tables import write_hits_table
from quotes.run.pipeline import read_articles
from quotes.store.db import QuoteStore

StoreOption = Annotated[str, typer.Option("--db", metavar="STORE", help="The quote store (an SQLite file; `quotes index` creates it).")]


@app.command("index")
def index_command(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help='Article files (.txt, .md, .jsonl of {"id", "text"}), directories, or - for stdin.')],
    db: StoreOption,
    workers: WorkersOption = 1,
    engine: EngineOption = Engine.stanza,
    models_dir: ModelsDirOption = None,
    semantic: SemanticOption = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per write transaction.")] = 64,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")] = False,
) -> None:
    """Parse articles and store them, their quotes, speakers and quote groups in a store.

    Re-indexing an unchanged article does nothing; a changed article replaces its old quotes.
    New quotes are then aligned into the store's existing groups (never the whole corpus again).
    Each batch of articles is one transaction: an interrupted run keeps what it committed.
    """
    show = progress_enabled(sys.stderr, quiet)
    bar = Progress(count_articles(paths) if show else None, label="indexing", enabled=show)
    failures = Failures(bar.note)  # above the bar, as warn() would print it
    with exit_on_error("interrupted; the batches committed before are kept, run the same command again to finish"):
        with relay_warnings(), QuoteStore(db) as store, bar:
            stats = store.index(
                read_articles(paths, on_error=failures), engine=engine.value, workers=workers, models_dir=models_dir,
                semantic=semantic, batch_size=batch_size, on_article=lambda _a: bar.advance(),
            )
    for line in stats.warnings + stats.errors:
        warn(line)
    failures.count += stats.failed
    if stats.seen == 0 and not failures:
        die(f"no articles found in {' '.join(paths)}; give .txt, .md or .jsonl files (or directories holding them)", 1)
    if not quiet:
        typer.echo(stats.summary())
    failures.exit()


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(metavar="TEXT", help="Words of the quote to find (any wording; case and punctuation do not matter).")],
    db: StoreOption,
    speaker: SpeakerOption = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only quotes from articles of this outlet.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most hits to show (one per group of renderings).")] = 10,
    fmt: FormatOption = None,
) -> None:
    """Find a quote in the store, best matches first, with its other renderings across outlets.

    Each hit is the best-matching rendering of one utterance; the table lists the group's other
    renderings under it with their variant label (identical, orthographic, truncation,
    translation, drift). JSON rows carry them in "variants".
    """
    out_format = format_for(fmt)
    with exit_on_error():
        with QuoteStore(db, create=False) as store:
            if speaker is not None and not store.speaker_ids(speaker):
                known = ", ".join(store.speakers()[:8]) or "none yet"
                die(f"no speaker matching {speaker!r} in {db} (speakers: {known}); check the name", 1)
            hits = store.search(query, speaker=speaker, outlet=outlet, limit=limit)
        if not hits:
            die(f"no stored quote matches {query!r}" + (f" for {speaker}" if speaker else "") + (f" in {outlet}" if outlet else ""), 1)
        if out_format is OutputFormat.table:
            write_hits_table(hits, sys.stdout)
        else:
            write_quotes(hits, out_format.value, sys.stdout)
