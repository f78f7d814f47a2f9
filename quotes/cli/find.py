"""``quotes find PATH...``: every direct quote in the articles, with its speaker.

    quotes find seeds/                          # a table on a terminal, JSONL when piped
    quotes find seeds/ --format csv -o found.csv
    cat article.txt | quotes find - --kinds speech,fragment

Each bad input is one line on stderr (``quotes: <file>: <what>; <what to do>``) and the other
inputs are still processed. Exit status: 0 all inputs read, 1 some input failed, 2 the
language engine is not available.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Optional

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
from quotes.errors import EngineUnavailable, InputError, QuotesError, describe_failure
from quotes.io.inputs import iter_articles
from quotes.models import Article, Quote
from quotes.io.output import QuoteWriter, atomic_output
from quotes.io.progress import Progress, count_articles, progress_enabled

KINDS = ("speech", "fragment", "name")


def parse_kinds(value: Optional[str]) -> Optional[frozenset[str]]:
    """``"speech,fragment"`` → ``{"speech", "fragment"}``; ``None`` keeps every kind."""
    if value is None:
        return None
    kinds = frozenset(k.strip().lower() for k in value.split(",") if k.strip())
    unknown = sorted(kinds - set(KINDS))
    if unknown or not kinds:
        die(f"--kinds: unknown kind {', '.join(unknown) or repr(value)}; use a comma-separated list of {', '.join(KINDS)}", 2)
    return kinds


def format_for(fmt: Optional[OutputFormat], output: Optional[str]) -> OutputFormat:
    """The format asked for; else from the ``-o`` file's suffix (.json, .csv, else JSONL); else table on a terminal."""
    if fmt is not None:
        return fmt
    if output and output != "-":
        suffix = Path(output).suffix.lower()
        return {".json": OutputFormat.json, ".csv": OutputFormat.csv}.get(suffix, OutputFormat.jsonl)
    return default_format()


def extract_paths(
    paths: Sequence[str],
    *,
    engine: str = "stanza",
    models_dir: Optional[str] = None,
    workers: int = 1,
    on_error: Callable[[str], None],
) -> Iterator[tuple[Article, list[Quote]]]:
    """Yield ``(article, quotes)`` for every article in ``paths``, in input order.

    Every input that cannot be read or processed is passed to ``on_error`` as one line and
    skipped. :class:`EngineUnavailable` propagates: without an engine nothing can be done.
    """
    from quotes.annotate import get_engine

    def articles() -> Iterator[Article]:
        for item in iter_articles(paths):
            if isinstance(item, InputError):
                on_error(str(item))
            else:
                yield item

    if workers > 1:
        from quotes.run.parallel import map_articles

        results: Iterable[tuple[Article, object]] = map_articles(articles(), workers, engine, models_dir)
    else:
        engine_obj = get_engine(engine, models_dir)  # loaded once, before any input is read
        results = ((a, _find_one(a, engine_obj)) for a in articles())
    for article, result in results:
        if isinstance(result, EngineUnavailable):
            raise result
        if isinstance(result, Exception):
            on_error(describe_failure(article.source or article.id, result))
            continue
        yield article, result  # type: ignore[misc]


def _find_one(article: Article, engine: object) -> object:
    from quotes.extract.pipeline import find_quotes

    try:
        return find_quotes(article, engine=engine)  # type: ignore[arg-type]
    except EngineUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
        return exc


@app.command("find")
def find_command(
    paths: list[str] = typer.Argument(..., metavar="PATH", help="Article files (.txt, .md, .jsonl of {\"id\", \"text\"}), directories, or - for stdin."),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="Output format (default: table on a terminal, jsonl when piped, or from the -o file suffix)."),
    engine: str = typer.Option("stanza", "--engine", "-e", help="Language engine: stanza or spacy."),
    models_dir: Optional[str] = typer.Option(None, "--models-dir", help="Stanza resources folder (default: $STANZA_RESOURCES_DIR, else ~/stanza_resources)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to FILE (atomically: all or nothing) instead of stdout."),
    kinds: Optional[str] = typer.Option(None, "--kinds", "-k", help="Only these kinds, comma-separated: speech,fragment,name."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes, each loading the engine once; output order is the same for any N."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar on stderr."),
) -> None:
    """Find every direct quotation in news articles and say who said it.

    One row per quote: article, text (exactly the characters inside the marks), start and end (offsets into the article text as read, which hold that text), kind, speaker, speaker_mention, cue, method, confidence.
    """
    wanted = parse_kinds(kinds)
    out_format = format_for(fmt, output)
    articles = 0

    show = progress_enabled(sys.stderr, quiet)
    bar = Progress(count_articles(paths) if show else None, label="finding", enabled=show)

    report = failures = Failures(bar.note)

    try:
        with bar, atomic_output(output) as stream, QuoteWriter(stream, out_format) as writer:
            for _article, quotes in extract_paths(paths, engine=engine, models_dir=models_dir, workers=workers, on_error=report):
                articles += 1
                bar.advance()
                writer.write(q for q in quotes if wanted is None or q.kind in wanted)
    except EngineUnavailable as exc:
        die(str(exc), 2)
    except QuotesError as exc:
        die(str(exc), exc.exit_code)
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as Unix tools do.
        silence_stdout()
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        die(f"interrupted; {output} was not written" if output else "interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - a bug must still end in one line, not a traceback
        internal_error(exc)
    if articles == 0 and not failures:
        die(f"no articles found in {' '.join(paths)}; give .txt, .md or .jsonl files (or directories holding them)", 1)
    if writer.count == 0 and out_format == OutputFormat.table:
        warn(f"no quotes found in {articles} article{'s' if articles != 1 else ''}")
    if failures:
        raise typer.Exit(1)


def internal_error(exc: BaseException) -> None:
    """Report an unexpected exception as one line (exit 1); ``QUOTES_DEBUG=1`` re-raises it for a traceback."""
    if os.environ.get("QUOTES_DEBUG") == "1":
        raise exc
    detail = str(exc).splitlines()[0] if str(exc) else ""
    die(f"internal error ({type(exc).__name__}{': ' + detail if detail else ''}); "
        "please report it with the command you ran (QUOTES_DEBUG=1 shows the traceback)", 1)
