"""Where Stanza's models live, which processors are present, and how to fetch them.

The models directory is resolved like Stanza itself does it: an explicit ``models_dir``
(the CLI's ``--models-dir``) wins, then ``$STANZA_RESOURCES_DIR``; then the folder the last
``quotes models download`` filled (remembered in ``~/.config/quotes/models_dir``, or under
``$XDG_CONFIG_HOME``), so a new shell finds the models without any variable set; then
``~/stanza_resources``.
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
    """The Stanza resources directory in force: ``path``, ``$STANZA_RESOURCES_DIR``, the folder
    ``quotes models download`` last filled (while its tokenizer model is there), or ``~/stanza_resources``."""
    if path:
        return Path(path).expanduser()
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env).expanduser()
    remembered = _remembered_models_dir()
    if remembered is not None:
        return remembered
    return Path.home() / "stanza_resources"


def remembered_models_file() -> Path:
    """Where :func:`remember_models_dir` writes: ``$XDG_CONFIG_HOME/quotes/models_dir``
    (``~/.config/quotes/models_dir`` when that variable is not set)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config).expanduser() / "quotes" / "models_dir"


def remember_models_dir(folder: Path) -> None:
    """Record ``folder`` as where the models are, for :func:`models_dir` in later shells
    (``quotes models download`` calls it). Best effort: a config folder that cannot be written
    only means the variable or ``--models-dir`` is still needed."""
    record = remembered_models_file()
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(str(Path(folder).expanduser().resolve()) + "\n", encoding="utf-8")
    except OSError:
        pass


def _remembered_models_dir() -> Optional[Path]:
    try:
        text = remembered_models_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    folder = Path(text) if text else None
    # a folder deleted or emptied since is forgotten: fall back to Stanza's default
    if folder is None or not all(_has_model(folder / LANG / proc) for proc in REQUIRED):
        return None
    return folder


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
    remember_models_dir(target)
    return target


def _has_model(folder: Path) -> bool:
    return folder.is_dir() and any(f.suffix == ".pt" for f in folder.iterdir())
