"""``quotes models status|download``."""

from __future__ import annotations

import json
from pathlib import Path


def test_status_lists_processors(quotes_cli, error_lines, stanza_resources: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("models", "status", "--models-dir", str(stanza_resources))
    assert result.exit_code == 0
    assert error_lines(result) == []
    lines = result.stdout.splitlines()
    assert lines[0] == f"Stanza models in {stanza_resources}"
    assert lines[1].split() == ["tokenize", "present"]
    assert {line.split()[0] for line in lines[1:7]} == {"tokenize", "mwt", "pos", "lemma", "depparse", "ner"}


def test_status_json_follows_the_environment(quotes_cli, stanza_resources: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("models", "status", "--json")  # STANZA_RESOURCES_DIR set by the fixture
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["models_dir"] == str(stanza_resources)
    assert data["usable"] is True and data["processors"]["tokenize"] is True


def test_status_without_models_is_exit_2_with_what_to_run(quotes_cli, error_lines, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("models", "status", "--models-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "tokenize  missing" in result.stdout
    [line] = error_lines(result)
    assert "quotes models download" in line


def test_download_failure_is_one_line_exit_2(quotes_cli, error_lines, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    # A models folder that cannot be created fails fast, online or offline, and downloads nothing.
    result = quotes_cli("models", "download", "--models-dir", str(blocker / "models"))
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert line.startswith("quotes: could not download Stanza models into")
    assert "--models-dir" in line


def test_models_without_subcommand_shows_help(quotes_cli) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("models")
    assert result.exit_code == 2  # a usage error, with the help as its message
    assert "status" in result.output and "download" in result.output
