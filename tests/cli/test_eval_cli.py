"""``quotes eval``: figures from a predictions file or from running find, and its failure paths."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quotes.evaluate import evaluate, read_predictions

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "fixtures" / "inputs"
PRED = FIX / "predictions_mixed.jsonl"


def test_table_shows_the_figures(quotes_cli, error_lines, gold_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("eval", str(gold_path), str(PRED))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "gold quotes 36   predicted 24   matched 21"
    assert lines[1].split() == ["P", "R", "F1"]
    assert lines[2].split() == ["detection", "0.875", "0.583", "0.700"]
    assert lines[3].split() == ["end-to-end", "0.708", "0.472", "0.567"]
    assert lines[4].split()[:5] == ["cluster", "pairs", "0.889", "0.727", "0.800"]
    assert lines[5].startswith("speaker acc.") and "0.810" in lines[5] and "(17 of 21 " in lines[5]
    assert lines[6].startswith("variant acc.") and "0.875" in lines[6] and "(7 of 8 " in lines[6]
    [warning] = error_lines(result)
    assert "999_unknown" in warning


def test_json_is_the_library_report(quotes_cli, gold_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("eval", str(gold_path), str(PRED), "--json", "--errors")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data == evaluate(str(gold_path), read_predictions(str(PRED))).model_dump(mode="json")
    plain = quotes_cli("eval", str(gold_path), str(PRED), "--json")
    assert plain.exit_code == 0
    without = json.loads(plain.stdout)
    assert "errors" not in without and without["e2e_f1"] == data["e2e_f1"]


def test_errors_are_listed_by_cause_before_the_figures(quotes_cli, gold_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("eval", str(gold_path), str(PRED), "--errors")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    heads = [line for line in lines if line.startswith("== ")]
    assert heads and lines[0] == heads[0]
    counts = [int(h.split("(")[1].split(")")[0]) for h in heads]
    assert counts == sorted(counts, reverse=True)  # the largest group first
    listed = [line for line in lines[: lines.index(next(l for l in lines if l.startswith("gold quotes")))] if line and not line.startswith("== ")]
    assert len(listed) == sum(counts)  # every error under exactly one heading
    assert any(line.startswith("speaker  000: 000#6 gold='Donald Trump' predicted='Kim Jong Un'") for line in lines)
    assert any(line.startswith("missed   001: 001#1 'forged at the cost of blood'") for line in lines)
    assert any(line.startswith("extra    000: (gold name) 'Memorial Museum of Combat Feats'") for line in lines)
    assert any(line.startswith("variant  002: 002#3 gold=drift predicted=translation") for line in lines)


def test_malformed_prediction_lines_are_reported_and_scored_without(quotes_cli, error_lines, gold_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "pred.jsonl"
    bad.write_text(PRED.read_text().replace('"article": "000", "text": "a smart guy."', '"article": "000" "text": "a smart guy."'))
    result = quotes_cli("eval", str(gold_path), str(bad), "--json")
    assert result.exit_code == 1
    errors = error_lines(result)
    assert any(line.startswith(f"quotes: {bad}:3: line is not valid JSON") for line in errors)
    assert json.loads(result.stdout)["predicted"] == 23


def test_missing_gold_is_one_line(quotes_cli, error_lines, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("eval", str(tmp_path / "gold.json"), str(PRED))
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert line == f"quotes: {tmp_path / 'gold.json'}: no such file or directory; check the path"


def test_gold_with_missing_article_is_one_line(quotes_cli, error_lines, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"articles": [{"id": "x", "file": "x.txt", "quotes": []}]}))
    result = quotes_cli("eval", str(gold), str(PRED))
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert line.startswith(f"quotes: {tmp_path / 'x.txt'}: no such file")


@pytest.mark.slow
def test_eval_on_articles_runs_find(quotes_cli, stanza_resources, gold_path: Path, seeds_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    found = quotes_cli("find", str(seeds_dir), "-f", "jsonl")
    assert found.exit_code == 0
    pred = tmp_path / "found.jsonl"
    pred.write_text(found.stdout)
    runs = [quotes_cli("eval", str(gold_path), *args, "--json") for args in ([str(pred)], [str(seeds_dir)], [])]
    assert [r.exit_code for r in runs] == [0, 0, 0]
    from_file, from_dir, from_gold = (json.loads(r.stdout) for r in runs)
    assert from_file == from_dir == from_gold
    assert from_file["gold_quotes"] == 36 and from_file["predicted"] > 0


@pytest.mark.slow
def test_eval_on_articles_with_bad_ones_reports_them(quotes_cli, error_lines, stanza_resources, gold_path: Path, seeds_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    shutil.copy(FIX / "binary.txt", folder / "binary.txt")
    result = quotes_cli("eval", str(gold_path), str(folder))
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert "binary file" in line
    assert result.stdout.startswith("gold quotes 36")
