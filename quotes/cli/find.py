"""``quotes find PATH...``: every direct quote in the articles, with its speaker.

    quotes find seeds/                          # a table on a terminal, JSONL when piped
    quotes find seeds/ --format csv -o found.csv
    cat article.txt | quotes find - --kinds speech,fragment

Library: :func:`quotes.run.pipeline.find_in_paths`. Each bad input is one line on stderr
(``quotes: <file>: <what>; <what to do>``) and the other inputs are still processed. Exit
status: 0 all inputs read, 1 some input failed, 2 the language engine is not available.
"""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from quotes.cli.app import Failures, app, die, exit_on_error, warn
from quotes.cli.options import (
    Engine,
    EngineOption,
    FormatOption,
    ModelsDirOption,
    OutputFormat,
    QuietOption,
    WorkersOption,
    format_for,
)
from quotes.io.output import QuoteWriter, atomic_output
from quotes.io.progress import Progress, count_articles, progress_enabled
from quotes.run.pipeline import find_in_paths

KINDS = ("speech", "fragment", "name")


def parse_kinds(value: Optional[str]) -> Optional[frozenset[str]]:
    """``"speech,fragment"`` → ``{"speech", "fragment"}``; ``None`` keeps every kind.

    >>> sorted(parse_kinds("Speech, fragment"))
    ['fragment', 'speech']
    """
    if value is None:
        return None
    kinds = frozenset(k.strip().lower() for k in value.split(",") if k.strip())
    unknown = sorted(kinds - set(KINDS))
    if unknown or not kinds:
        die(f"--kinds: unknown kind {', '.join(unknown) or repr(value)}; use a comma-separated list of {', '.join(KINDS)}", 2)
    return kinds


@app.command("find")
def find_command(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help='Article files (.txt, .md, .jsonl of {"id", "text"}), directories, or - for stdin.')],
    fmt: FormatOption = None,
    engine: EngineOption = Engine.stanza,
    models_dir: ModelsDirOption = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (atomically: all or nothing) instead of stdout; the format follows its suffix.")] = None,
    kinds: Annotated[Optional[str], typer.Option("--kinds", "-k", help="Only these kinds, comma-separated: speech,fragment,name.", show_default="all")] = None,
    workers: WorkersOption = 1,
    quiet: QuietOption = False,
) -> None:
    """Find every direct quotation in news articles and say who said it.

    One row per quote: article, text (exactly the characters inside the marks), start and end (offsets into the article text as read, which hold that text), kind, speaker, speaker_mention, cue, method, confidence.
    """
    wanted = parse_kinds(kinds)
    out_format = format_for(fmt, output)
    # quotes printed on the terminal show the progress themselves; a bar would be drawn among them
    show = progress_enabled(sys.stderr, quiet) and not (output in (None, "-") and sys.stdout.isatty())
    bar = Progress(count_articles(paths) if show else None, label="finding", enabled=show)
    failures = Failures(bar.note)
    articles = 0
    with exit_on_error(f"interrupted; {output} was not written" if output else "interrupted"):
        with bar, atomic_output(output) as stream, QuoteWriter(stream, out_format) as writer:
            for _article, quotes in find_in_paths(paths, engine=engine.value, models_dir=models_dir, workers=workers, on_error=failures):
                articles += 1
                bar.advance()
                writer.write(q for q in quotes if wanted is None or q.kind in wanted)
    if articles == 0 and not failures:
        die(f"no articles found in {' '.join(paths)}; give .txt, .md or .jsonl files (or directories holding them)", 1)
    if writer.count == 0 and out_format == OutputFormat.table:
        warn(f"no quotes found in {articles} article{'s' if articles != 1 else ''}")
    failures.exit()
