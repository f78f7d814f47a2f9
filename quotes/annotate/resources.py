"""Where Stanza's models live, which processors are present, and how to fetch them.

The models directory is resolved like Stanza itself does it: an explicit ``models_dir``
(the CLI's ``--models-dir``) wins, then ``$STANZA_RESOURCES_DIR``, then ``~/stanza_resources``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from quotes.errors import EngineUnavailable

LANG = "en"
PROCESSORS: tuple[str, ...] = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
"""Every Stanza processor the toolkit can use, in pipeline order."""

REQUIRED: tuple[str, ...] = ("tokenize",)


def models_dir(path: Optional[str] = None) -> Path:
    """The Stanza resources directory in force: ``path``, ``$STANZA_RESOURCES_DIR`` or ``~/stanza_resources``."""
    if path:
        return Path(path).expanduser()
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env).expanduser()
    return Path.home() / "stanza_resources"


def available_processors(path: Optional[str] = None) -> dict[str, bool]:
    """Map each processor in :data:`PROCESSORS` to whether its English model is on disk.

    >>> available_processors("/nonexistent")["tokenize"]
    False
    """
    root = models_dir(path) / LANG
    return {proc: _has_model(root / proc) for proc in PROCESSORS}


def present_processors(path: Optional[str] = None) -> tuple[str, ...]:
    """The processors whose models are present, in pipeline order."""
    return tuple(p for p, ok in available_processors(path).items() if ok)


def missing_models_message(path: Optional[str] = None) -> str:
    """The one line that tells a user without models what to run."""
    where = models_dir(path)
    return (
        f"no Stanza English models in {where}; run `quotes models download` "
        f"(online), or point --models-dir / STANZA_RESOURCES_DIR at a Stanza resources folder"
    )


def download_models(path: Optional[str] = None) -> Path:
    """Download the full English Stanza set (tokenize … ner) with ``stanza.download``.

    Raises :class:`EngineUnavailable` with a one-line reason when the download fails
    (typically: no network).
    """
    import stanza

    target = models_dir(path)
    try:
        stanza.download(LANG, model_dir=str(target), processors=",".join(PROCESSORS), logging_level="WARN")
    except Exception as exc:  # stanza raises requests/OS/value errors alike; all mean "not downloaded"
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise EngineUnavailable(f"could not download Stanza models into {target}: {reason}") from None
    return target


def _has_model(folder: Path) -> bool:
    return folder.is_dir() and any(f.suffix == ".pt" for f in folder.iterdir())
