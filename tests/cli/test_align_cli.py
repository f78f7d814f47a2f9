"""``quotes align`` on the command line (``quotes verify``: test_verify_cli.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Run = Callable[..., Result]


@pytest.fixture(scope="module")
def align_fixtures(fixtures_dir: Path) -> Path:
    return fixtures_dir / "align"


def rows(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_align_jsonl_rows_carry_find_fields_and_alignment(quotes_cli: Run, align_fixtures: Path, error_lines) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("align", str(align_fixtures / "found_sample.jsonl"), "--format", "jsonl", "--no-semantic")
    assert result.exit_code == 0
    assert error_lines(result) == []
    out = rows(result)
    assert len(out) == 10  # one per input row, names included
    for key in ("article", "text", "start", "end", "kind", "speaker", "cue", "cluster", "variant", "diff", "reasons", "flags"):
        assert key in out[0]
    advance = [r for r in out if r["text"].startswith("advance")]
    assert len({r["cluster"] for r in advance}) == 1 and advance[0]["cluster"] is not None
    assert sorted(r["variant"] for r in advance) == ["identical", "orthographic", "reference"]
    name = next(r for r in out if r["kind"] == "name")
    assert name["cluster"] is None and name["variant"] is None


def test_malformed_lines_are_reported_with_line_numbers_and_the_rest_is_used(quotes_cli: Run, align_fixtures: Path, error_lines) -> None:  # type: ignore[no-untyped-def]
    path = align_fixtures / "found_malformed.jsonl"
    result = quotes_cli("align", str(path), "--format", "jsonl", "--no-semantic")
    assert result.exit_code == 1
    errors = error_lines(result)
    assert [e.split(":")[2] for e in errors] == ["2", "5", "6"]
    assert all(str(path) in e for e in errors)
    out = rows(result)
    assert len(out) == 10
    kursk = [r for r in out if r["cluster"] and r["variant"] == "drift"]
    assert kursk and kursk[0]["reasons"][0]["code"] == "qualifier"


def test_speaker_filter_by_any_name(quotes_cli: Run, align_fixtures: Path) -> None:
    result = quotes_cli("align", str(align_fixtures / "found_sample.jsonl"), "--speaker", "president putin", "--format", "jsonl", "--no-semantic")
    assert result.exit_code == 0
    out = rows(result)
    assert len(out) == 4 and all("Putin" in r["speaker"] for r in out)
    assert {r["text"] for r in out} >= {"heroic"}


def test_json_nests_quotes_in_groups(quotes_cli: Run, align_fixtures: Path) -> None:
    result = quotes_cli("align", str(align_fixtures / "found_sample.jsonl"), "--format", "json", "--no-semantic")
    assert result.exit_code == 0
    groups = json.loads(result.stdout)
    assert [len(g["members"]) for g in groups] == [3, 4, 2]  # every group of the 9 quotes that are not names (Volodin's two renderings share "soldiers")
    assert all({"id", "speaker", "reference", "members", "flags"} <= g.keys() for g in groups)
    big = max(groups, key=lambda g: len(g["members"]))
    assert big["members"][0]["variant"] == "reference"


def test_table_shows_groups_side_by_side_without_colour_when_piped(quotes_cli: Run, align_fixtures: Path) -> None:
    result = quotes_cli("align", str(align_fixtures / "found_sample.jsonl"), "--format", "table", "--no-semantic")
    assert result.exit_code == 0
    assert "renderings in 2 articles" in result.stdout
    assert "[-fully proved-]{+evidenced+}" in result.stdout
    assert "↳ qualifier" in result.stdout
    assert "\033[" not in result.stdout
    assert "groups across articles" in result.stdout.splitlines()[-1]


def test_csv(quotes_cli: Run, align_fixtures: Path) -> None:
    result = quotes_cli("align", str(align_fixtures / "found_sample.jsonl"), "--format", "csv", "--no-semantic")
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0].split(",")
    assert {"cluster", "variant", "diff", "reasons", "flags"} <= set(header)
    assert len(result.stdout.splitlines()) == 11


def test_nothing_to_align(quotes_cli: Run, error_lines) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("align")
    assert result.exit_code == 2
    assert len(error_lines(result)) == 1


def test_paths_and_db_together(quotes_cli: Run, align_fixtures: Path, error_lines) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("align", str(align_fixtures / "found_sample.jsonl"), "--db", "x.db")
    assert result.exit_code == 2
    assert "not both" in error_lines(result)[0]


def test_missing_store(quotes_cli: Run, tmp_path: Path, error_lines) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("align", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert "quotes index" in error_lines(result)[0]


@pytest.mark.slow
def test_align_articles_directly(quotes_cli: Run, seeds_dir: Path, stanza_resources: Path) -> None:
    result = quotes_cli("align", str(seeds_dir), "--format", "jsonl", "--no-semantic")
    assert result.exit_code == 0
    out = rows(result)
    assert len(out) >= 30
    assert any(r["variant"] == "orthographic" and r["text"] == "advance nonstop" for r in out)


@pytest.mark.slow
def test_align_semantic_on(quotes_cli: Run, align_fixtures: Path) -> None:
    from quotes.variants.semantic import semantic_available

    if not semantic_available():
        pytest.skip("the semantic extra is not installed")
    result = quotes_cli("align", str(align_fixtures / "found_sample.jsonl"), "--format", "jsonl", "--semantic")
    assert result.exit_code == 0
    out = rows(result)
    soldiers = next(r for r in out if r["text"] == "outstanding soldiers")
    assert soldiers["variant"] == "translation"


def test_rows_without_index_are_not_lost(quotes_cli: Run, tmp_path: Path) -> None:
    texts = ["Our friendship and unity will last forever,", "Pyongyang will always be with Moscow.", "heroic"]
    path = tmp_path / "handmade.jsonl"
    path.write_text("".join(json.dumps({"article": "a", "text": t, "start": 10 * i, "end": 10 * i + len(t), "kind": "speech"}) + "\n" for i, t in enumerate(texts)))
    result = quotes_cli("align", str(path), "--format", "jsonl", "--no-semantic")
    assert result.exit_code == 0
    out = rows(result)
    assert [r["text"] for r in out] == texts
    assert [r["index"] for r in out] == [0, 1, 2]
