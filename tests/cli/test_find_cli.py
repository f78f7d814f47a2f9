"""``quotes find``: formats, bad inputs, exit codes, stdin, atomic -o.

Tests that run the Stanza engine are ``slow``; they share one engine per session (in-process
runs through typer's CliRunner), plus one real subprocess run.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional

import pytest

from quotes.errors import EngineUnavailable, InputError
from quotes.io.inputs import iter_articles
from quotes.models import Article, Quote

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "fixtures" / "inputs"


def article_texts(*paths: Path | str) -> dict[str, str]:
    return {a.id: a.text for a in iter_articles([str(p) for p in paths]) if isinstance(a, Article)}


def check_offsets(rows: list[dict], texts: dict[str, str]) -> None:  # type: ignore[type-arg]
    assert rows
    for row in rows:
        q = Quote.model_validate(row)  # every row is a valid Quote
        assert texts[q.article][q.start:q.end] == q.text


# --- no engine needed ------------------------------------------------------------------------------


def test_engine_unavailable_is_exit_2_with_one_line(quotes_cli, error_lines, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "found.jsonl"
    result = quotes_cli("find", str(FIX / "corpus"), "--models-dir", str(tmp_path / "no-models"), "-o", str(out))
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert "quotes models download" in line
    assert not out.exists() and os.listdir(tmp_path) == []  # no half-written output


def test_unknown_engine_is_exit_2(quotes_cli, error_lines) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("find", str(FIX / "corpus"), "--engine", "nltk")
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert "nltk" in line


def test_version(quotes_cli) -> None:  # type: ignore[no-untyped-def]
    from quotes import __version__

    result = quotes_cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"quotes {__version__}\n"


@pytest.mark.parametrize("args, expect", [
    (["find", "x.txt", "--engine", "nltk"], "quotes: find: Invalid value for '--engine'"),
    (["find", "x.txt", "--workers", "0"], "quotes: find: Invalid value for '--workers'"),
    (["find", "x.txt", "--colour"], "quotes: find: No such option: --colour"),
    (["fnd", "x.txt"], "quotes: No such command 'fnd'"),
])
def test_usage_errors_are_one_line_exit_2(quotes_cli, error_lines, args: list[str], expect: str) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli(*args)
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert line.startswith(expect) and line.endswith("--help`)")
    assert result.stdout == ""


def test_help_shows_the_defaults_and_the_choices(quotes_cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "200")
    result = quotes_cli("find", "--help")
    assert result.exit_code == 0
    options = {line.split()[1]: line for line in result.stdout.splitlines() if line.startswith("│ --")}
    assert "Output format. [default: (table on a terminal, jsonl when piped)]" in options["--format"]
    assert "<stanza|spacy>" in options["--engine"] and "[default: stanza]" in options["--engine"]
    assert "[default: ($STANZA_RESOURCES_DIR, else ~/stanza_resources)]" in options["--models-dir"]
    # every command that takes a shared option says the same about it
    for command in ("align", "verify", "eval", "index", "report"):
        text = quotes_cli(command, "--help").stdout
        assert "Stanza resources folder. [default: ($STANZA_RESOURCES_DIR, else ~/stanza_resources)]" in text, command


@pytest.mark.parametrize("exc, code, line", [
    (InputError("line is not valid JSON", "found.jsonl", 7), 1, "quotes: found.jsonl:7: line is not valid JSON"),
    (EngineUnavailable("no Stanza models in /m; run `quotes models download`"), 2, "quotes: no Stanza models in /m; run `quotes models download`"),
    (KeyboardInterrupt(), 130, "quotes: interrupted; out.jsonl was not written"),
    (BrokenPipeError(), 1, None),
    (ZeroDivisionError("division by zero"), 1, "quotes: internal error (ZeroDivisionError: division by zero); please report it"),
])
def test_one_error_mapping(exc: BaseException, code: int, line: Optional[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import typer

    from quotes.cli.app import exit_on_error

    monkeypatch.delenv("QUOTES_DEBUG", raising=False)
    # the test's stdout stays (quotes.cli.app is also the name of the Typer object: take the module)
    monkeypatch.setattr(sys.modules["quotes.cli.app"], "silence_stdout", lambda: None)
    with pytest.raises(typer.Exit) as stopped:
        with exit_on_error("interrupted; out.jsonl was not written"):
            raise exc
    assert stopped.value.exit_code == code
    lines = capsys.readouterr().err.splitlines()
    if line is None:
        assert lines == []
    else:
        assert len(lines) == 1 and lines[0].startswith(line)


def test_unknown_kind_is_exit_2(quotes_cli, error_lines) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("find", str(FIX / "corpus"), "--kinds", "speech,quip")
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert "quip" in line and "speech, fragment, name" in line


def test_output_into_missing_folder_is_exit_1(quotes_cli, error_lines, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("find", str(FIX / "corpus"), "-o", str(tmp_path / "no" / "out.jsonl"))
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert "does not exist; create it first" in line


def test_an_unexpected_error_is_one_line_and_leaves_no_file(quotes_cli, error_lines, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import quotes.cli.find as find_module

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        yield from ()
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(find_module, "find_in_paths", broken)
    out = tmp_path / "out.jsonl"
    result = quotes_cli("find", str(FIX / "corpus"), "-o", str(out))
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert line.startswith("quotes: internal error (RuntimeError: boom); please report it")
    assert os.listdir(tmp_path) == []


# --- with the Stanza engine ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_jsonl(stanza_resources: Path, seeds_dir: Path) -> list[dict]:  # type: ignore[type-arg]
    """``quotes find seeds/ -f jsonl``, run once for the module."""
    from typer.testing import CliRunner

    from quotes.cli import app

    result = CliRunner().invoke(app, ["find", str(seeds_dir), "-f", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr and result.stderr == ""
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture
def bad_inputs(tmp_path: Path, seeds_dir: Path) -> Path:
    """A folder of good articles among every kind of bad input from issue 2."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ["empty.txt", "blank.txt", "binary.txt", "cp1252.txt", "not_utf8.txt", "malformed.jsonl", "stray_quotes.txt"]:
        shutil.copy(FIX / name, folder / name)
    shutil.copy(FIX / "corpus" / "a_council.txt", folder / "a_council.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "deleted.txt")  # unreadable: a broken link
    # One huge paragraph: the seed articles run together, four times over.
    body = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(seeds_dir.glob("*.txt")))
    (folder / "huge_paragraph.txt").write_text(" ".join([body] * 4), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_jsonl_rows_hold_the_exact_text_of_their_offsets(seeds_jsonl, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    rows = seeds_jsonl
    check_offsets(rows, article_texts(seeds_dir))
    assert list(rows[0])[:11] == ["article", "text", "start", "end", "kind", "speaker", "speaker_mention", "cue", "method", "confidence", "index"]
    assert {r["article"] for r in rows} == {p.stem for p in seeds_dir.glob("*.txt")}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_parse_back_to_the_same_quotes(quotes_cli, seeds_jsonl, seeds_dir: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    expected = seeds_jsonl
    result = quotes_cli("find", str(seeds_dir), "-f", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        rows = json.loads(result.stdout)
    else:
        rows = [{k: (None if v == "" else v) for k, v in rec.items()} for rec in csv.DictReader(io.StringIO(result.stdout))]
        rows = [Quote.model_validate({**r, "nested": r["nested"] == "true"}).model_dump(mode="json") for r in rows]
    check_offsets(rows, article_texts(seeds_dir))
    assert rows == expected


@pytest.mark.slow
def test_table_is_readable_and_fits(quotes_cli, seeds_jsonl, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "120")
    result = quotes_cli("find", str(seeds_dir), "--format", "table")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    jsonl = seeds_jsonl
    assert lines[0].split() == ["ARTICLE", "#", "KIND", "SPEAKER", "CUE", "CONF", "QUOTE"]
    assert len(lines) == len(jsonl) + 1  # one header, then one line per quote
    assert all(len(line) <= 120 for line in lines)


@pytest.mark.slow
def test_piped_output_defaults_to_jsonl(quotes_cli, stanza_resources) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("find", str(FIX / "corpus" / "a_council.txt"))
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    check_offsets(rows, article_texts(FIX / "corpus" / "a_council.txt"))


@pytest.mark.slow
def test_bad_inputs_are_one_line_each_and_the_rest_is_processed(quotes_cli, error_lines, stanza_resources, bad_inputs: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("find", str(bad_inputs), "-f", "jsonl")
    assert result.exit_code == 1
    errors = error_lines(result)
    expect = {
        "binary.txt": "binary file, not text",
        "blank.txt": "empty file, nothing to read",
        "empty.txt": "empty file, nothing to read",
        "gone.txt": "broken symbolic link",
        "not_utf8.txt": "not UTF-8 text; re-encode it as UTF-8 (iconv",
        "malformed.jsonl:2": "line is not valid JSON",
        "malformed.jsonl:3": "not a JSON object",
        "malformed.jsonl:5": 'article has no "text"',
        "malformed.jsonl:6": 'empty "text"',
        "malformed.jsonl:7": '"text" is a number',
        "cp1252.txt": "not UTF-8, read as Windows-1252",  # a note, not a failure: the article is still read
    }
    assert len(errors) == len(expect)
    for where, what in expect.items():
        [line] = [e for e in errors if e.startswith(f"quotes: {bad_inputs / where}: ")]
        assert what in line
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    texts = article_texts(bad_inputs)
    check_offsets(rows, texts)
    found = {r["article"] for r in rows}
    assert {"a_council", "cp1252", "ok-1", "ok-2", "huge_paragraph", "stray_quotes"} <= found


@pytest.mark.slow
def test_cp1252_article_gives_its_quote(quotes_cli, stanza_resources) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("find", str(FIX / "cp1252.txt"), "-f", "jsonl")
    assert result.exit_code == 0  # read as Windows-1252, said once on stderr, not a failure
    assert result.stderr.count("read as Windows-1252") == 1
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert "We will rebuild the bridge by spring," in [r["text"] for r in rows]


@pytest.mark.slow
def test_stray_marks_do_not_swallow_the_real_quotes(quotes_cli, stanza_resources) -> None:  # type: ignore[no-untyped-def]
    path = FIX / "stray_quotes.txt"  # 160 roster lines with inch marks (6'2"), then two real quotes
    result = quotes_cli("find", str(path), "-f", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    check_offsets(rows, article_texts(path))
    texts = [r["text"] for r in rows]
    assert "deeper than it has been in a decade" in texts
    assert "sees the floor like a veteran." in texts
    assert all(len(t) < 200 for t in texts), "an unbalanced mark swallowed a run of text"


@pytest.mark.slow
def test_huge_paragraph_gives_valid_quotes(quotes_cli, stanza_resources, bad_inputs: Path) -> None:  # type: ignore[no-untyped-def]
    path = bad_inputs / "huge_paragraph.txt"
    result = quotes_cli("find", str(path), "-f", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    check_offsets(rows, article_texts(path))
    assert [r["text"] for r in rows].count("advance non-stop,") == 8  # twice per copy of seed 000


@pytest.mark.slow
def test_all_good_inputs_exit_0(quotes_cli, error_lines, stanza_resources) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("find", str(FIX / "corpus"), str(FIX / "cp1252.txt"), "-f", "jsonl")
    assert result.exit_code == 0
    assert [line.split(": ")[-1][:31] for line in error_lines(result)] == ["not UTF-8, read as Windows-1252"]  # a note only
    assert {json.loads(x)["article"] for x in result.stdout.splitlines()} >= {"a_council", "wire-1", "2", "notes", "c_storm", "cp1252"}


@pytest.mark.slow
def test_empty_folder_is_exit_1(quotes_cli, error_lines, stanza_resources, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "data.csv").write_text("a,b\n")
    result = quotes_cli("find", str(tmp_path))
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert "no articles found" in line


@pytest.mark.slow
def test_stdin_text_and_jsonl(quotes_cli, stanza_resources) -> None:  # type: ignore[no-untyped-def]
    text = 'The mayor said the budget was "a disaster for the city."\n'
    result = quotes_cli("find", "-", "-f", "jsonl", input=text)
    assert result.exit_code == 0
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(r["article"], r["text"]) for r in rows] == [("stdin", "a disaster for the city.")]
    check_offsets(rows, {"stdin": text})
    lines = json.dumps({"id": "w1", "text": text}) + "\n" + json.dumps({"id": "w2", "text": '"No comment," he said.'}) + "\n"
    result = quotes_cli("find", "-", "-f", "jsonl", input=lines)
    assert result.exit_code == 0
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(r["article"], r["text"]) for r in rows] == [("w1", "a disaster for the city."), ("w2", "No comment,")]


@pytest.mark.slow
def test_kinds_filter(quotes_cli, seeds_jsonl, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    all_rows = seeds_jsonl
    result = quotes_cli("find", str(seeds_dir), "-f", "jsonl", "--kinds", "name")
    assert result.exit_code == 0
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert rows == [r for r in all_rows if r["kind"] == "name"]
    assert 0 < len(rows) < len(all_rows)


@pytest.mark.slow
def test_output_file_is_written_whole_and_format_follows_its_suffix(quotes_cli, error_lines, stanza_resources, bad_inputs: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "found.csv"
    result = quotes_cli("find", str(bad_inputs / "a_council.txt"), str(bad_inputs / "empty.txt"), "-o", str(out))
    assert result.exit_code == 1  # one bad input; the good one is still written
    assert len(error_lines(result)) == 1 and result.stdout == ""
    records = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert records and records[0]["article"] == "a_council"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".found")] == []


@pytest.mark.slow
def test_subprocess_run_pipes_jsonl_and_reports_without_traceback(stanza_resources, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    quotes_bin = Path(sys.executable).parent / "quotes"
    env = {**os.environ, "STANZA_RESOURCES_DIR": str(stanza_resources)}
    proc = subprocess.run([str(quotes_bin), "find", str(FIX / "corpus" / "a_council.txt"), str(FIX / "binary.txt")],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"quotes: {FIX / 'binary.txt'}: binary file, not text; give a UTF-8 .txt or .jsonl file"
    rows = [json.loads(x) for x in proc.stdout.splitlines()]
    check_offsets(rows, article_texts(FIX / "corpus" / "a_council.txt"))


@pytest.mark.slow
def test_workers_give_the_same_output_in_the_same_order(quotes_cli, seeds_jsonl, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("find", str(seeds_dir), "-f", "jsonl", "--workers", "2")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(x) for x in result.stdout.splitlines()] == seeds_jsonl


@pytest.mark.slow
def test_spacy_engine_rows_hold_the_exact_text_of_their_offsets(quotes_cli, error_lines, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("spacy")
    result = quotes_cli("find", str(seeds_dir), "--engine", "spacy", "-f", "jsonl")
    if result.exit_code == 2:
        pytest.skip(error_lines(result)[0])
    assert result.exit_code == 0 and error_lines(result) == []
    check_offsets([json.loads(x) for x in result.stdout.splitlines()], article_texts(seeds_dir))
