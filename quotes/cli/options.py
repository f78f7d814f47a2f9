"""The options several commands take, declared once (typer ``Annotated`` aliases).

A command writes ``engine: EngineOption = Engine.stanza`` and gets the same flag, help and
choices as every other command that takes it.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

__all__ = [
    "DbOption",
    "Engine",
    "EngineOption",
    "FormatOption",
    "ModelsDirOption",
    "OutputFormat",
    "QuietOption",
    "SemanticOption",
    "SpeakerOption",
    "WorkersOption",
    "format_for",
]


class OutputFormat(str, enum.Enum):
    """Output formats shared by the commands that print quotes (the values of ``quotes.io.output.FORMATS``)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Engine(str, enum.Enum):
    """The language engines ``--engine`` chooses from (see :func:`quotes.annotate.get_engine`)."""

    stanza = "stanza"
    spacy = "spacy"


FORMAT_DEFAULT = "table on a terminal, jsonl when piped"

FormatOption = Annotated[
    Optional[OutputFormat],
    typer.Option("--format", "-f", help="Output format.", show_default=FORMAT_DEFAULT),
]
EngineOption = Annotated[
    Engine,
    typer.Option("--engine", "-e", help="Language engine for articles (spacy needs the spacy extra)."),
]
ModelsDirOption = Annotated[
    Optional[str],
    typer.Option("--models-dir", metavar="DIR", help="Stanza resources folder.",
                 show_default="$STANZA_RESOURCES_DIR, else ~/stanza_resources"),
]
WorkersOption = Annotated[
    int,
    typer.Option("--workers", "-w", min=1, help="Worker processes, each loading the engine once; the output is the same for any number."),
]
SemanticOption = Annotated[
    Optional[bool],
    typer.Option("--semantic/--no-semantic", help="Use sentence embeddings to find other translations of a quote.",
                 show_default="when the semantic extra is installed"),
]
SpeakerOption = Annotated[
    Optional[str],
    typer.Option("--speaker", "-s", metavar="NAME", help='Only this person, named any way ("Putin" = "Vladimir Putin").'),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar on stderr.")]
DbOption = Annotated[
    Optional[str],
    typer.Option("--db", metavar="STORE", help="A quote store written by `quotes index`, instead of PATHs."),
]


def format_for(fmt: Optional[OutputFormat], output: Optional[str] = None) -> OutputFormat:
    """The format asked for; else from the ``-o`` file's suffix (.json, .csv, else JSONL); else
    a table on a terminal and JSONL when piped.

    >>> format_for(None, "found.csv").value, format_for(OutputFormat.json, "found.csv").value
    ('csv', 'json')
    """
    if fmt is not None:
        return fmt
    if output and output != "-":
        suffix = Path(output).suffix.lower()
        return {".json": OutputFormat.json, ".csv": OutputFormat.csv}.get(suffix, OutputFormat.jsonl)
    return OutputFormat.table if sys.stdout.isatty() else OutputFormat.jsonl
