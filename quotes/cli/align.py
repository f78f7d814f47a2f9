"""``quotes align PATH...`` (``quotes verify``: :mod:`quotes.cli.verify`).

    quotes find seeds/ --format jsonl > found.jsonl      # parse once ...
    quotes align found.jsonl                             # ... align many times
    quotes align seeds/ --speaker Putin --format json    # or straight from articles
    quotes align --db quotes.db                          # the groups of a quote store

It takes articles (as ``quotes find`` does) or the JSONL ``quotes find`` wrote. Library:
:func:`quotes.run.pipeline.align_paths` and :func:`~quotes.store.db.align_store`. Each bad input or line is one line on stderr
(``quotes: found.jsonl:7: ...``) and the rest is still used. Exit status: 0 all inputs read,
1 some input failed, 2 the language engine or the semantic model requested with
``--semantic`` is not available.
"""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from quotes.cli.app import Failures, app, die, exit_on_error, relay_warnings
from quotes.cli.options import (
    DbOption,
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
from quotes.io.tables import use_color, write_group_table
from quotes.run.pipeline import align_paths
from quotes.store.db import align_store

QUOTE_INPUTS = 'JSONL written by `quotes find`, or articles (.txt, .md, .jsonl of {"id", "text"}), directories, - for stdin.'


@app.command("align")
def align_command(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="PATH", help=QUOTE_INPUTS, show_default=False)] = None,
    speaker: SpeakerOption = None,
    fmt: FormatOption = None,
    semantic: SemanticOption = None,
    model: Annotated[Optional[str], typer.Option("--model", help="A sentence-transformers model name or folder.", show_default="all-MiniLM-L6-v2")] = None,
    engine: EngineOption = Engine.stanza,
    models_dir: ModelsDirOption = None,
    workers: WorkersOption = 1,
    db: DbOption = None,
) -> None:
    """Group renderings of the same words across articles and label how each differs.

    Labels against each group's reference (its longest rendering): identical, orthographic, truncation, translation, drift (with reasons: negation, number, modality, tense, entity, qualifier, content added or cut). The table shows the groups side by side; json gives the groups; the jsonl/csv rows are the `quotes find` rows plus cluster, variant, score, diff, reasons, flags (a quote with no counterpart in another article has cluster and variant null).
    """
    if db and paths:
        die("give PATHs to align or --db to show a store's groups, not both", 2)
    if not db and not paths:
        die("nothing to align; give quotes find JSONL or articles (PATH...), or --db STORE", 2)
    out_format = format_for(fmt)
    failures = Failures()
    with exit_on_error():
        with relay_warnings():
            if db:
                alignment = align_store(db, speaker=speaker, semantic=semantic)
            else:
                alignment = align_paths(paths or [], speaker=speaker, semantic=semantic, model=model, engine=engine.value,
                                        models_dir=models_dir, workers=workers, on_error=failures)
        if out_format == OutputFormat.table:
            total = sum(len(g.members) for g in alignment.groups)
            write_group_table(alignment.groups, sys.stdout, color=use_color(sys.stdout), total_quotes=total)
        elif out_format == OutputFormat.json:
            write_quotes(alignment.groups, "json", sys.stdout)
        else:
            write_quotes(alignment.rows(), out_format.value, sys.stdout)
    failures.exit()
