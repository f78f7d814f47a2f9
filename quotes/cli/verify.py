"""``quotes verify SOURCE... -- ARTICLES...``: each quote against the original transcripts.

    quotes verify statement.txt found.jsonl                     # one source: no -- needed
    quotes verify debate1.txt debate2.txt -- found.jsonl        # several sources
    quotes verify debates/ -- articles/ --speaker Trump         # a folder; only Trump's turns
    quotes verify debates/ -- found.jsonl --min-confidence 0.1  # more candidate drifts

Sources are text files (transcripts with ``NAME:`` turn labels are split into turns) or
folders of them; ARTICLES are what ``quotes find`` takes, or the JSONL it wrote. Library:
:func:`quotes.run.pipeline.verify_paths`. Each bad article input is one line on stderr and the
rest is still checked; a source that cannot be read stops the command. Exit status: 0 all
inputs read, 1 some input failed, 2 a usage error or a missing language engine.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperCommand

from quotes.cli.app import Failures, app, die, exit_on_error
from quotes.cli.options import (
    Engine,
    EngineOption,
    FormatOption,
    ModelsDirOption,
    OutputFormat,
    SpeakerOption,
    WorkersOption,
    format_for,
)
from quotes.io.output import write_quotes
from quotes.io.tables import use_color, write_verify_table
from quotes.run.pipeline import verify_paths

__all__ = ["verify_command", "split_sources"]

_SPLIT = "\x00--"
"""Stands for the ``--`` between sources and articles: click consumes a bare ``--``."""


class _KeepsDoubleDash(TyperCommand):
    """Remembers where ``--`` stood, so SOURCE... and ARTICLES... can both be lists."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if "--" in args:
            i = args.index("--")
            args = [*args[:i], _SPLIT, *args[i + 1 :]]
        return super().parse_args(ctx, args)


def split_sources(paths: list[str]) -> tuple[list[str], list[str]]:
    """SOURCE... and ARTICLES... from the command's arguments: the ones before ``--`` are the
    sources; without ``--`` the first argument is the one source.

    >>> split_sources(["a.txt", "b.txt", _SPLIT, "found.jsonl"]), split_sources(["a.txt", "found.jsonl"])
    ((['a.txt', 'b.txt'], ['found.jsonl']), (['a.txt'], ['found.jsonl']))
    """
    if _SPLIT in paths:
        i = paths.index(_SPLIT)
        return paths[:i], [p for p in paths[i + 1 :] if p != _SPLIT]
    return paths[:1], paths[1:]


@app.command("verify", cls=_KeepsDoubleDash)
def verify_command(
    paths: Annotated[list[str], typer.Argument(metavar="SOURCE... [--] ARTICLES...", show_default=False,
                                               help="The original texts (transcripts, statements; files or folders), then -- and the articles or `quotes find` JSONL. With one source the -- may be left out.")],
    speaker: SpeakerOption = None,
    min_confidence: Annotated[Optional[float], typer.Option("--min-confidence", min=0.0, max=1.0,
                                                             help="Report a drift when the calibrated probability that the best passage is the quote's origin is at least this (instead of the origin rule's coverage threshold); lower means more recall.")] = None,
    fmt: FormatOption = None,
    engine: EngineOption = Engine.stanza,
    models_dir: ModelsDirOption = None,
    workers: WorkersOption = 1,
) -> None:
    """Check every quote of the articles against the original texts.

    Each quote is found verbatim, found with orthographic differences, found with drift (the diff source → quote and the reasons), or not found: a passage counts as the quote's origin only when enough of the quote's own content words are in it, in order; short quotes must match exactly. A not-found quote shows the best candidate and why it was rejected. Each result names its source, the speaker's turn label and a calibrated confidence. --speaker checks only that speaker's turns. Quotes of kind name (titles, scare quotes) are skipped.
    """
    sources, articles = split_sources(paths)
    if not sources:
        die("verify: no SOURCE before --; give the transcript or statement first (see `quotes verify --help`)", 2)
    if not articles:
        die("verify: no ARTICLES to check; give articles or `quotes find` JSONL after the sources (see `quotes verify --help`)", 2)
    out_format = format_for(fmt)
    failures = Failures()
    with exit_on_error():
        results = verify_paths(sources, articles, speaker=speaker, min_confidence=min_confidence, engine=engine.value,
                               models_dir=models_dir, workers=workers, on_error=failures)
        if out_format == OutputFormat.table:
            write_verify_table(results, sys.stdout, color=use_color(sys.stdout))
        else:
            write_quotes(results, out_format.value, sys.stdout)
    failures.exit()
