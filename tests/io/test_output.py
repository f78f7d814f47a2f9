"""quotes.io.output: the four formats, batch writing, and atomic output files."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from quotes.errors import InputError, QuotesError
from quotes.io.inputs import iter_quote_rows
from quotes.models import AlignedQuote, Quote, QuoteGroup
from quotes.io.output import QuoteWriter, atomic_output, shorten, write_quotes

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "fixtures" / "inputs"
ARTICLE = (FIX / "corpus" / "a_council.txt").read_text(encoding="utf-8")


@pytest.fixture
def rows() -> list[Quote]:
    """A plain Quote and an AlignedQuote (with diff, reasons and flags) from a real article."""
    found = [r for r in iter_quote_rows(str(FIX / "quote_rows.jsonl")) if not isinstance(r, InputError)]
    return found[:2]


def render(rows, fmt: str) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    write_quotes(rows, fmt, out)
    return out.getvalue()


def test_jsonl_is_one_object_per_line_in_field_order(rows: list[Quote]) -> None:
    lines = render(rows, "jsonl").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert list(first) == list(Quote.model_fields)
    assert ARTICLE[first["start"]:first["end"]] == first["text"]
    second = json.loads(lines[1])
    assert list(second) == list(AlignedQuote.model_fields)
    assert second["reasons"][0]["code"] == "wording"


def test_jsonl_keeps_non_ascii_characters() -> None:
    quote = Quote(article="x", text="Café “déjà vu” — 東京", start=0, end=17, kind="name")
    line = render([quote], "jsonl")
    assert "Café “déjà vu” — 東京" in line
    assert json.loads(line)["text"] == quote.text


def test_json_is_one_indented_list(rows: list[Quote]) -> None:
    text = render(rows, "json")
    data = json.loads(text)
    assert [d["text"] for d in data] == [r.text for r in rows]
    assert text.startswith("[\n  {\n")
    for d in data:
        assert ARTICLE[d["start"]:d["end"]] == d["text"]


def test_json_with_no_rows_is_an_empty_list() -> None:
    assert json.loads(render([], "json")) == []


def test_json_written_in_batches_is_one_valid_list(rows: list[Quote]) -> None:
    out = io.StringIO()
    with QuoteWriter(out, "json") as writer:
        writer.write(rows[:1])
        writer.write([])
        writer.write(rows[1:])
    assert [d["index"] for d in json.loads(out.getvalue())] == [0, 1]


def test_csv_round_trips_with_nested_lists_as_json(rows: list[Quote]) -> None:
    text = render(rows, "csv")
    records = list(csv.DictReader(io.StringIO(text)))
    assert list(records[0]) == list(Quote.model_fields)  # header from the first row's model
    for rec in records:
        start, end = int(rec["start"]), int(rec["end"])
        assert ARTICLE[start:end] == rec["text"]
    assert records[0]["nested"] == "false"
    assert records[1]["speaker_mention"] == ""  # None is an empty cell


def test_csv_of_aligned_rows_has_json_cells() -> None:
    aligned = [r for r in iter_quote_rows(str(FIX / "quote_rows.jsonl")) if isinstance(r, AlignedQuote)]
    records = list(csv.DictReader(io.StringIO(render(aligned, "csv"))))
    rec = records[0]
    assert list(rec) == list(AlignedQuote.model_fields)
    assert json.loads(rec["diff"]) == [{"op": "replace", "a": "hurt", "b": "harm"}]
    assert json.loads(rec["reasons"])[0]["detail"] == "hurt → harm"
    assert json.loads(rec["flags"]) == ["misattributed"]


def test_csv_cells_a_spreadsheet_would_run_are_made_text() -> None:
    # quote text comes from articles anyone can write: a cell must never run as a formula
    hostile = ['=HYPERLINK("http://evil.example","Click")', "+1 and counting", "-- we will see", "@SUM(A1)",
               "\tindented", "\rreturn"]
    rows = [Quote(article="blog", text=t, start=0, end=len(t), kind="name", speaker="=cmd|' /C calc'!A0")
            for t in hostile]
    rows.append(Quote(article="-draft", text="We will win", start=0, end=11, kind="speech", confidence=0.5))
    text = render(rows, "csv")
    records = list(csv.DictReader(io.StringIO(text, newline="")))
    assert text.count("\n") == 1 + len(rows) and '"\'\rreturn"' in text  # the "\r" is inside a quoted cell
    assert [r["text"] for r in records] == ["'" + t for t in hostile] + ["We will win"]
    assert {r["speaker"] for r in records[:-1]} == {"'=cmd|' /C calc'!A0"}
    assert records[-1]["article"] == "'-draft"
    assert records[-1]["confidence"] == "0.5" and records[-1]["start"] == "0"  # numbers are untouched
    # JSON and JSONL keep the text exactly
    assert [json.loads(line)["text"] for line in render(rows, "jsonl").splitlines()][:len(hostile)] == hostile


def test_csv_header_is_written_once_across_batches(rows: list[Quote]) -> None:
    out = io.StringIO()
    with QuoteWriter(out, "csv") as writer:
        writer.write(rows[:1])
        writer.write(rows[:1])
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and lines[0].startswith("article,text,start,end,kind")


def test_table_fits_the_terminal_and_shortens_long_quotes(rows: list[Quote], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "90")
    lines = render(rows, "table").splitlines()
    assert lines[0].split() == ["ARTICLE", "#", "KIND", "SPEAKER", "CUE", "CONF", "QUOTE"]
    assert len(lines) == 3
    assert all(len(line) <= 90 for line in lines)
    assert "…" in lines[2]  # the 80-character quote does not fit
    assert "Linda Ortiz" in lines[1] and "0.90" in lines[1]


def test_table_of_aligned_rows_shows_cluster_and_variant(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    aligned = [r for r in iter_quote_rows(str(FIX / "quote_rows.jsonl")) if isinstance(r, AlignedQuote)]
    header, line = render(aligned, "table").splitlines()
    assert "CLUSTER" in header and "VARIANT" in header
    assert " g1 " in line and " drift " in line


def test_table_columns_stay_aligned_across_batches(rows: list[Quote], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    out = io.StringIO()
    with QuoteWriter(out, "table") as writer:
        writer.write(rows[:1])
        writer.write([rows[0].model_copy(update={"article": "a-much-longer-article-identifier-than-before"})])
    header, first, second = out.getvalue().splitlines()
    kind_col = header.index("KIND")
    assert first[kind_col:kind_col + 6] == second[kind_col:kind_col + 6] == "speech"
    assert "…" in second.split()[0]


def test_table_writes_other_models_too() -> None:
    group = QuoteGroup(id="g1", speaker="Raj Patel", reference=AlignedQuote(article="a", text="t", start=0, end=1, kind="speech"), members=[])
    header, line = render([group], "table").splitlines()
    assert header.split()[:2] == ["ID", "SPEAKER"]
    assert line.split()[:3] == ["g1", "Raj", "Patel"]


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        QuoteWriter(io.StringIO(), "xml")


def test_output_format_enum_is_accepted(rows: list[Quote]) -> None:
    from quotes.cli.app import OutputFormat

    assert render(rows, OutputFormat.jsonl) == render(rows, "jsonl")


def test_shorten() -> None:
    assert shorten("a  b\n c", 10) == "a b c"
    assert shorten("abcdefghij", 5) == "abcd…"
    assert shorten("abc", 0) == ""


# --- atomic output -------------------------------------------------------------------------------


def test_atomic_output_writes_the_file_on_success(tmp_path: Path, rows: list[Quote]) -> None:
    target = tmp_path / "out.jsonl"
    with atomic_output(str(target)) as stream:
        write_quotes(rows, "jsonl", stream)
        assert not target.exists()  # nothing there until the block ends
    assert len(target.read_text().splitlines()) == 2
    assert os.listdir(tmp_path) == ["out.jsonl"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_atomic_output_leaves_nothing_behind_on_error(tmp_path: Path, rows: list[Quote]) -> None:
    target = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError):
        with atomic_output(str(target)) as stream:
            write_quotes(rows, "jsonl", stream)
            raise RuntimeError("engine crashed halfway")
    assert os.listdir(tmp_path) == []


def test_atomic_output_keeps_the_old_file_on_error_and_its_mode_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    target.chmod(0o640)
    with pytest.raises(KeyboardInterrupt):
        with atomic_output(str(target)) as stream:
            stream.write("new\n")
            raise KeyboardInterrupt
    assert target.read_text() == "old\n"
    with atomic_output(str(target)) as stream:
        stream.write("new\n")
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_atomic_output_refuses_bad_targets_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(QuotesError, match="does not exist; create it first"):
        with atomic_output(str(tmp_path / "no" / "such" / "out.jsonl")):
            pytest.fail("the block must not run")
    with pytest.raises(QuotesError, match="is a directory"):
        with atomic_output(str(tmp_path)):
            pytest.fail("the block must not run")


def test_atomic_output_none_is_stdout() -> None:
    with atomic_output(None) as stream:
        assert stream is sys.stdout
    with atomic_output("-") as stream:
        assert stream is sys.stdout


def test_atomic_output_writes_a_fifo_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "quotes.fifo"
    os.mkfifo(fifo)
    received: list[str] = []

    def read() -> None:
        with open(fifo, encoding="utf-8") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    with atomic_output(str(fifo)) as stream:
        stream.write('{"article": "a"}\n')
    reader.join(timeout=10)
    assert received == ['{"article": "a"}\n']  # the reader got the output...
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # ...and the FIFO is still a FIFO
    assert sorted(os.listdir(tmp_path)) == ["quotes.fifo"]


def test_atomic_output_follows_a_symlink_and_keeps_it(tmp_path: Path) -> None:
    (tmp_path / "runs").mkdir()
    real = tmp_path / "runs" / "monday.jsonl"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "latest.jsonl"
    link.symlink_to(Path("runs") / "monday.jsonl")
    with atomic_output(str(link)) as stream:
        stream.write("new\n")
    assert link.is_symlink() and os.readlink(link) == str(Path("runs") / "monday.jsonl")
    assert real.read_text() == "new\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["latest.jsonl", "runs"]
    assert os.listdir(tmp_path / "runs") == ["monday.jsonl"]  # the temporary file was beside the target


def test_atomic_output_writes_a_device_in_place(tmp_path: Path) -> None:
    before = os.stat(os.devnull)
    with atomic_output(os.devnull) as stream:
        stream.write("discarded\n")
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_atomic_output_dev_stdout_writes_to_what_stdout_is(tmp_path: Path) -> None:
    # `-o /dev/stdout` while stdout goes to a file: the file gets the output through the open
    # stream, and /dev/stdout is left as it is (it used to be renamed over)
    out = tmp_path / "captured.txt"
    code = "from quotes.io.output import atomic_output\nwith atomic_output('/dev/stdout') as s:\n    s.write('row\\n')\n"
    with open(out, "w") as stdout:
        subprocess.run([sys.executable, "-c", code], stdout=stdout, check=True, cwd=ROOT)
    assert out.read_text() == "row\n"
    assert os.path.islink("/dev/stdout") or not os.path.isfile("/dev/stdout")


def test_atomic_output_removes_the_part_file_a_killed_run_left(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    (tmp_path / ".out.jsonl.part").write_text('{"half": ')  # what kill -9 mid-run leaves
    with atomic_output(str(target)) as stream:
        stream.write("complete\n")
    assert os.listdir(tmp_path) == ["out.jsonl"]
    assert target.read_text() == "complete\n"
    for _ in range(3):  # runs that fail leave nothing either, and never a second temporary file
        with pytest.raises(RuntimeError):
            with atomic_output(str(target)) as stream:
                stream.write("partial")
                assert sorted(os.listdir(tmp_path)) == [".out.jsonl.part", "out.jsonl"]
                raise RuntimeError("killed")
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_two_runs_writing_one_target_at_once_are_refused(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with atomic_output(str(target)) as first:
        with pytest.raises(QuotesError, match="another quotes run is writing"):
            with atomic_output(str(target)):
                pytest.fail("the block must not run")
        first.write("first\n")
    assert target.read_text() == "first\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]
