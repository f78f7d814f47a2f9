"""The stderr progress bar (rich): drawn only on a terminal, never on stdout, never in the way."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

from quotes.io.progress import Progress, count_articles, progress_enabled

ROOT = Path(__file__).resolve().parents[2]


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def plain(out: bytes) -> str:
    """Terminal output without its escape codes."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode("utf-8", "replace"))


def final_line(out: str) -> str:
    """The bar as last drawn: after the last carriage return, escape codes removed."""
    last = out.rstrip("\n").split("\r")[-1]
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", last)


def test_bar_draws_on_a_terminal_and_ends_the_line() -> None:
    stream = FakeTTY()
    with Progress(4, label="indexing", unit="articles", stream=stream) as bar:
        for _ in range(4):
            bar.advance()
    out = stream.getvalue()
    assert out.endswith("\n\x1b[?25h")  # the line is ended and the cursor shown again
    final = final_line(out.removesuffix("\x1b[?25h"))
    assert final.startswith("indexing ━")
    assert " 4/4 articles " in final
    assert bar.count == 4


def test_bar_is_hidden_when_not_a_terminal_or_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTES_PROGRESS", raising=False)
    pipe = io.StringIO()
    with Progress(3, stream=pipe) as bar:
        bar.advance(3)
    assert pipe.getvalue() == ""
    assert bar.count == 3
    tty = FakeTTY()
    with Progress(3, stream=tty, quiet=True) as bar:
        bar.advance(3)
    assert tty.getvalue() == ""


def test_environment_forces_the_bar_on_or_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTES_PROGRESS", "1")
    assert progress_enabled(io.StringIO()) is True
    assert progress_enabled(io.StringIO(), quiet=True) is False
    monkeypatch.setenv("QUOTES_PROGRESS", "0")
    assert progress_enabled(FakeTTY()) is False
    monkeypatch.delenv("QUOTES_PROGRESS")
    assert progress_enabled(FakeTTY()) is True


def test_unknown_total_shows_a_count_without_a_total() -> None:
    stream = FakeTTY()
    with Progress(None, unit="articles", enabled=True, stream=stream) as bar:
        bar.advance(7)
    final = final_line(stream.getvalue().removesuffix("\x1b[?25h"))
    assert " 7 articles " in final and "/" not in final


def test_many_advances_are_few_redraws() -> None:
    stream = FakeTTY()
    with Progress(100_000, stream=stream) as bar:
        for _ in range(100_000):
            bar.advance()
    # one draw on start, one at the end, and a few timed refreshes in between for a sub-second loop
    assert stream.getvalue().count("\r") < 50
    assert " 100000/100000 articles " in final_line(stream.getvalue().removesuffix("\x1b[?25h"))


def test_a_closed_terminal_stops_the_bar_without_failing() -> None:
    stream = FakeTTY()
    with Progress(10, enabled=True, stream=stream) as bar:
        stream.close()
        bar.advance()
        bar.note("quotes: x")
    assert bar.broken and bar.count == 1


def test_count_articles_counts_files_and_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("two")
    (tmp_path / "c.jsonl").write_text('{"id": 1, "text": "x"}\n\n{"id": 2, "text": "y"}\n')
    (tmp_path / "skip.csv").write_text("not an article")
    (tmp_path / ".hidden.txt").write_text("hidden")
    assert count_articles([str(tmp_path)]) == 4
    assert count_articles([str(tmp_path / "skip.csv")]) == 1  # a file named explicitly is read
    assert count_articles(["-"]) is None


def _run_index(args: list[str], *, stderr_tty: bool, env: dict[str, str], command: str = "index", stdout_tty: bool = False) -> tuple[bytes, bytes]:
    """Run ``quotes index`` (or ``command``) with stdout on a pipe and stderr on a pipe or a
    pseudo-terminal (``stdout_tty``: stdout on the same terminal; all output is then returned as stderr)."""
    cmd = [str(Path(sys.executable).parent / "quotes"), command]
    if not stderr_tty:
        proc = subprocess.run(cmd + args, capture_output=True, env=env, timeout=300)
        return proc.stdout, proc.stderr
    leader, follower = pty.openpty()
    proc = subprocess.Popen(cmd + args, stdout=follower if stdout_tty else subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    err = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 300)
        if not ready:
            break
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        err += chunk
    out = proc.stdout.read() if proc.stdout else b""
    proc.wait(timeout=300)
    os.close(leader)
    return out, err


@pytest.mark.slow
def test_stdout_is_byte_identical_with_and_without_the_bar(
    tmp_path: Path, seeds_dir: Path, stanza_resources: Path
) -> None:
    env = {**os.environ, "STANZA_RESOURCES_DIR": str(stanza_resources)}
    env.pop("QUOTES_PROGRESS", None)
    args = [str(p) for p in sorted(seeds_dir.glob("*.txt"))[2:4]] + ["--no-semantic"]
    tty_db, pipe_db = str(tmp_path / "tty.db"), str(tmp_path / "pipe.db")
    out_tty, err_tty = _run_index(args + ["--db", tty_db], stderr_tty=True, env=env)
    out_pipe, err_pipe = _run_index(args + ["--db", pipe_db], stderr_tty=False, env=env)
    assert "indexing ━" in plain(err_tty) and " 2/2 articles " in plain(err_tty)  # the bar was drawn on the terminal
    assert b"\r" not in err_pipe and b"indexing" not in err_pipe
    assert out_tty == out_pipe
    assert out_tty.decode().startswith("indexed 2 articles")
    # --quiet: no bar even on a terminal, and nothing on stdout
    out_quiet, err_quiet = _run_index(args + ["--db", tty_db, "--quiet"], stderr_tty=True, env=env)
    assert out_quiet == b"" and b"\r" not in err_quiet
    # a bar forced on (QUOTES_PROGRESS=1) with stderr piped: drawn on stderr, stdout unchanged
    out_forced, err_forced = _run_index(args + ["--db", str(tmp_path / "forced.db")], stderr_tty=False, env={**env, "QUOTES_PROGRESS": "1"})
    assert "indexing ━" in plain(err_forced) and " 2/2 articles " in plain(err_forced)
    assert out_forced == out_pipe


def test_a_note_during_the_run_goes_above_the_bar() -> None:
    stream = FakeTTY()
    with Progress(2, label="indexing", stream=stream) as bar:
        bar.advance()
        bar.note("quotes: bad.txt: binary file")
        bar.advance()
    lines = stream.getvalue().split("\n")
    # the note is a line of its own (the bar line was cleared first), and the bar carries on below
    assert lines[0].endswith("\r\x1b[2Kquotes: bad.txt: binary file")
    assert " 2/2 articles " in final_line(lines[1])
    plain = io.StringIO()
    Progress(2, stream=plain, enabled=False).note("quotes: x")
    assert plain.getvalue() == "quotes: x\n"


@pytest.mark.slow
def test_find_shows_the_bar_on_stderr_only(tmp_path: Path, seeds_dir: Path, stanza_resources: Path) -> None:
    env = {**os.environ, "STANZA_RESOURCES_DIR": str(stanza_resources)}
    env.pop("QUOTES_PROGRESS", None)
    args = [str(p) for p in sorted(seeds_dir.glob("*.txt"))[:2]] + ["--format", "jsonl"]
    out_tty, err_tty = _run_index(args, stderr_tty=True, env=env, command="find")
    out_pipe, err_pipe = _run_index(args, stderr_tty=False, env=env, command="find")
    assert "finding ━" in plain(err_tty) and " 2/2 articles " in plain(err_tty)
    assert err_pipe == b""
    assert out_tty == out_pipe and out_pipe.count(b"\n") > 5
    _, err_quiet = _run_index(args + ["--quiet"], stderr_tty=True, env=env, command="find")
    assert b"\r" not in err_quiet
    # quotes printed on the terminal itself: no bar drawn among them
    _, both = _run_index(args, stderr_tty=True, stdout_tty=True, env=env, command="find")
    assert "finding" not in plain(both) and plain(both).count("\n") == out_pipe.count(b"\n")
