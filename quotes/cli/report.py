"""``quotes report PATH... -o report.html``: one self-contained HTML page a newsroom can share.

    quotes report seeds/ -o report.html                       # find, align and report in one go
    quotes align seeds/ -f jsonl > aligned.jsonl
    quotes report aligned.jsonl seeds/ -o report.html         # reuse the alignment; seeds/ gives the texts
    quotes report found.jsonl seeds/ --speaker Putin -o putin.html
    quotes report --db quotes.db --speaker Putin -o putin.html   # from a quote store (`quotes index`)

PATH is articles (``.txt``, ``.md``, ``.jsonl`` of ``{"id", "text"}``, folders, ``-``) or the
JSONL that ``quotes find``/``quotes align`` wrote; :mod:`quotes.report.sources` says which
is used how (library: :func:`~quotes.report.sources.gather` or
:func:`~quotes.report.sources.gather_store`, then :func:`quotes.report.html.write_report`).

Each bad input is one line on stderr and the rest is still reported. Exit status: 0 all
inputs read, 1 some input failed, 2 the language engine is not available.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from quotes.cli.app import Failures, app, die, exit_on_error, warn
from quotes.cli.options import (
    DbOption,
    Engine,
    EngineOption,
    ModelsDirOption,
    SemanticOption,
    SpeakerOption,
    WorkersOption,
)
from quotes.report.html import write_report
from quotes.report.sources import gather, gather_store


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@app.command("report")
def report_command(
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write (atomically), or - for stdout.")],
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="PATH", show_default=False,
                       help="Articles (files, folders, - for stdin) and/or `quotes find`/`quotes align` JSONL."),
    ] = None,
    speaker: SpeakerOption = None,
    title: Annotated[str, typer.Option("--title", help="Heading and <title> of the page.")] = "Quote report",
    engine: EngineOption = Engine.stanza,
    models_dir: ModelsDirOption = None,
    semantic: SemanticOption = None,
    workers: WorkersOption = 1,
    db: DbOption = None,
) -> None:
    """Write one self-contained HTML report: per speaker, each quote's renderings side by side with the differences highlighted, drift reasons, and every article's text with its quotes marked."""
    if db and paths:
        die("give either PATHs or --db, not both", 2)
    if not db and not paths:
        die("give articles or `quotes find`/`quotes align` JSONL to report on, or --db quotes.db", 2)
    failures = Failures()
    with exit_on_error("interrupted; nothing was written"):
        if db:
            inputs = gather_store(db, speaker=speaker)
        else:
            inputs = gather(paths or [], semantic=semantic, engine=engine.value, models_dir=models_dir,
                            workers=workers, on_error=failures)
            if not inputs.quotes and not inputs.articles:
                failures.exit()
                die(f"no articles or quotes found in {' '.join(paths or [])}; give articles (.txt, .md, .jsonl) or `quotes find`/`quotes align` JSONL", 1)
        inputs = inputs.of_speaker(speaker)
        if speaker and not inputs.quotes:
            warn(f"no quotes by {speaker!r}; the report is empty (check the name with `quotes find`)")
        if inputs.missing_texts:
            missing = inputs.missing_texts
            shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
            warn(f"no text for article {shown}; give the article files too to link quotes to their place in the text")
        summary = write_report(inputs.groups, inputs.articles, inputs.quotes, output, title=title)
    if output != "-":
        counts = ", ".join(
            [_plural(summary.speakers, "speaker"), _plural(summary.groups, "group"), _plural(summary.quotes, "quote"),
             f"{summary.drift} drift", f"{summary.misattributed} misattributed", _plural(summary.articles, "article")]
        )
        typer.echo(f"quotes: wrote {output}: {counts}", err=True)
    failures.exit()
