"""``quotes verify SOURCE... -- ARTICLES...`` on the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result


Run = Callable[..., Result]

DEBATE_1 = """== 2024-10-03 ==
MODERATOR: Governor Reyes, the first question is yours.
REYES: Our factories are closing and our young people are leaving the valley for good. I will bring the steel plant back to Dayton, and I will do it in my first year.
WHITFIELD: What people in this valley need is a job training program that works, and I have a plan for one.
"""
DEBATE_2 = """== 2024-10-17 ==
MODERATOR: Welcome back. Senator, you have ninety seconds.
WHITFIELD: We will lower the price of insulin for every family in this state, and we will pay for it by closing the loopholes that the big drug companies use.
"""
QUOTES = [
    ("I will bring the steel plant back to Dayton", "Maria Reyes"),                      # verbatim, debate 1
    ("we will lower the price of insulin for every family in this state", "Tom Whitfield"),  # orthographic, debate 2
    ("What people in this valley need is a job training program that succeeds, and I have a plan for one.", "Tom Whitfield"),  # drift
    ("The steel plant in Dayton was shut by people who never worked a day in their lives.", "Maria Reyes"),  # rally: not found
    ("Governor Reyes, the first question is yours.", "Maria Reyes"),                    # the moderator's words, not hers
]


def rows(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "debates").mkdir()
    (tmp_path / "debates" / "debate1.txt").write_text(DEBATE_1, encoding="utf-8")
    (tmp_path / "debates" / "debate2.txt").write_text(DEBATE_2, encoding="utf-8")
    with (tmp_path / "found.jsonl").open("w", encoding="utf-8") as f:
        for i, (text, speaker) in enumerate(QUOTES):
            f.write(json.dumps({"article": "dayton-daily", "index": i, "text": text, "start": 10 * i, "end": 10 * i + len(text),
                                "kind": "speech", "speaker": speaker}) + "\n")
    return tmp_path


def test_several_sources_after_double_dash(quotes_cli: Run, files: Path, error_lines) -> None:  # type: ignore[no-untyped-def]
    d = files / "debates"
    result = quotes_cli("verify", str(d / "debate1.txt"), str(d / "debate2.txt"), "--", str(files / "found.jsonl"), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert error_lines(result) == []
    out = rows(result)
    assert [r["status"] for r in out] == ["verbatim", "orthographic", "drift", "not_found", "not_found"]
    assert [Path(r["source"]).name if r["source"] else None for r in out[:3]] == ["debate1.txt", "debate2.txt", "debate1.txt"]
    assert [r["source_speaker"] for r in out[:3]] == ["REYES", "WHITFIELD", "WHITFIELD"]
    assert out[1]["source_section"] == "2024-10-17"
    assert out[3]["candidate_text"] and out[3]["evidence"].startswith("best candidate rejected")
    assert all(0.0 <= r["confidence"] <= 1.0 for r in out)


def test_a_folder_of_sources_and_speaker(quotes_cli: Run, files: Path) -> None:
    result = quotes_cli("verify", str(files / "debates"), "--", str(files / "found.jsonl"), "--speaker", "Reyes", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    out = rows(result)
    assert [(r["quote"]["text"][:20], r["status"]) for r in out] == [
        ("I will bring the ste", "verbatim"), ("The steel plant in D", "not_found"), ("Governor Reyes, the ", "not_found")]


def test_min_confidence_lets_more_drift_through(quotes_cli: Run, files: Path) -> None:
    quote = files / "one.jsonl"
    text = "Our factories are closing and our young people are moving away from the valley and the state."
    quote.write_text(json.dumps({"article": "a", "text": text, "start": 0, "end": len(text), "kind": "speech", "speaker": "Reyes"}) + "\n", encoding="utf-8")
    d = files / "debates"
    strict = rows(quotes_cli("verify", str(d), "--", str(quote), "--format", "jsonl"))
    loose = rows(quotes_cli("verify", str(d), "--", str(quote), "--format", "jsonl", "--min-confidence", "0.02"))
    assert (strict[0]["status"], loose[0]["status"]) == ("not_found", "drift")


def test_one_source_without_double_dash_and_table(quotes_cli: Run, files: Path) -> None:
    result = quotes_cli("verify", str(files / "debates" / "debate1.txt"), str(files / "found.jsonl"), "--format", "table")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "5 quotes checked: 1 verbatim, 1 drift, 3 not found"


def test_verify_seed_statement(quotes_cli: Run, fixtures_dir: Path, seeds_dir: Path, error_lines) -> None:  # type: ignore[no-untyped-def]
    source = seeds_dir / "003_009268604145ada5.txt"
    result = quotes_cli("verify", str(source), str(fixtures_dir / "align" / "found_sample.jsonl"), "--format", "jsonl")
    assert result.exit_code == 0
    assert error_lines(result) == []
    out = rows(result)
    assert len(out) == 9  # the name is not checked
    by_text = {r["quote"]["text"]: r for r in out}
    assert by_text["heroic"]["status"] == "verbatim"
    assert by_text["advance nonstop"]["status"] == "not_found"


@pytest.mark.parametrize("args, words", [
    (["no-such-statement.txt", "FOUND"], "no-such-statement.txt"),
    (["--", "FOUND"], "no SOURCE before --"),
    (["SOURCE"], "no ARTICLES to check"),
    (["EMPTY_DIR", "--", "FOUND"], "no .txt or .md source files"),
    (["SOURCE", "FOUND", "--min-confidence", "2"], "--min-confidence"),
])
def test_errors_are_one_line(quotes_cli: Run, files: Path, error_lines, args: list[str], words: str) -> None:  # type: ignore[no-untyped-def]
    (files / "empty").mkdir()
    subst = {"FOUND": str(files / "found.jsonl"), "SOURCE": str(files / "debates" / "debate1.txt"), "EMPTY_DIR": str(files / "empty")}
    result = quotes_cli("verify", *[subst.get(a, a) for a in args])
    assert result.exit_code in (1, 2)
    (line,) = error_lines(result)
    assert words in line
