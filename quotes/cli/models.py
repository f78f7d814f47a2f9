"""``quotes models status|download``: which language models are present, and fetching them.

    quotes models status                   # processors found in $STANZA_RESOURCES_DIR
    quotes models status --models-dir ~/stanza_resources --json
    quotes models download                 # the full English Stanza set (needs network)
"""

from __future__ import annotations

import importlib.util
import json
from typing import Annotated, Optional

import typer

from quotes.annotate import resources
from quotes.annotate.spacy_engine import MODEL_NAMES
from quotes.cli.app import app, die
from quotes.cli.options import ModelsDirOption
from quotes.errors import EngineUnavailable

models_app = typer.Typer(
    name="models",
    help="Show which language models are present, or download them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(models_app, name="models")


def _spacy_model() -> Optional[str]:
    """The name of the first installed spaCy English model that ``--engine spacy`` can load, if any."""
    if importlib.util.find_spec("spacy") is None:
        return None
    return next((name for name in MODEL_NAMES if importlib.util.find_spec(name) is not None), None)


@models_app.command("status")
def status_command(
    models_dir: ModelsDirOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False,
) -> None:
    """Say which Stanza processors have their English models on disk (exit 2 when quotes find cannot run)."""
    folder = resources.models_dir(models_dir)
    present = resources.available_processors(models_dir)
    usable = all(present.get(p, False) for p in resources.REQUIRED)
    spacy_model = _spacy_model()
    if as_json:
        typer.echo(json.dumps({"models_dir": str(folder), "processors": present, "usable": usable,
                               "spacy_model": spacy_model}, indent=2))
    else:
        typer.echo(f"Stanza models in {folder}")
        for proc, ok in present.items():
            typer.echo(f"  {proc:<9} {'present' if ok else 'missing'}")
        missing = [p for p, ok in present.items() if not ok]
        if usable and missing:
            typer.echo(f"quotes find works with {', '.join(p for p, ok in present.items() if ok)}; "
                       f"`quotes models download` adds {', '.join(missing)} (better attribution)")
        elif usable:
            typer.echo("all processors present")
        typer.echo(f"spaCy (--engine spacy): {spacy_model + ' installed' if spacy_model else 'not installed; pip install quotes[spacy]'}")
    if not usable:
        die(resources.missing_models_message(models_dir), 2)


@models_app.command("download")
def download_command(
    models_dir: ModelsDirOption = None,
) -> None:
    """Download the full English Stanza set (tokenize, mwt, pos, lemma, depparse, ner); needs network."""
    try:
        target = resources.download_models(models_dir)
    except EngineUnavailable as exc:
        die(f"{exc}; downloading needs network access and a writable folder (offline: copy a Stanza resources folder and pass --models-dir)", 2)
    present = resources.available_processors(models_dir)
    typer.echo(f"Stanza models in {target or resources.models_dir(models_dir)}: "
               + ", ".join(p for p, ok in present.items() if ok))
