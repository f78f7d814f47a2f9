"""The stderr progress bar: drawn only on a terminal, never on stdout, never in the way."""

from __future__ import annotations

import io
import os
import pty
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


def test_bar_draws_on_a_terminal_and_ends_the_line() -> None:
    stream = FakeTTY()
    with Progress(4, label="indexing", unit="articles", stream=stream) as bar:
        for _ in range(4):
            bar.advance()
    out = stream.getvalue()
    assert out.startswith("\rindexing  [")
    assert out.endswith("\n")
    final = out.rstrip("\n").split("\r")[-1]
    assert "[" + "#" * 24 + "]" in final and "4/4 articles" in final


def test_bar_is_hidden_when_not_a_terminal_or_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTES_PROGRESS", raising=False)
    pipe = io.StringIO()
    with Progress(3, stream=pipe) as bar:
        bar.advance(3)
    assert pipe.getvalue() == ""
    tty = FakeTTY()
    with Progress(3, stream=tty, quiet=True) as bar:
        bar.advance(3)
    assert tty.getvalue() == ""


def test_environment_forces_the_bar_on_or_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTES_PROGRESS", "1")
    assert progress_enabled(io.StringIO())
    assert not progress_enabled(io.StringIO(), quiet=True)
    monkeypatch.setenv("QUOTES_PROGRESS", "0")
    assert not progress_enabled(FakeTTY())


def test_unknown_total_shows_a_count_and_no_bar() -> None:
    bar = Progress(None, unit="articles", enabled=True, stream=FakeTTY())
    bar.advance(7)
    text = bar.render()
    assert text.startswith("7 articles") and "[" not in text


def test_redraws_are_throttled() -> None:
    stream = FakeTTY()
    with Progress(100_000, stream=stream) as bar:
        for _ in range(100_000):
            bar.advance()
    # one draw on enter, one on close, and at most a few in between for a sub-second loop
    assert stream.getvalue().count("\r") < 50


def test_a_shorter_line_wipes_the_longer_one_before_it() -> None:
    stream = FakeTTY()
    bar = Progress(None, label="a-long-label-here", enabled=True, stream=stream)
    bar._draw(force=True)
    bar.label = "x"
    bar._draw(force=True)
    first, second = stream.getvalue().split("\r")[1:]
    assert len(second) >= len(first)


def test_a_closed_terminal_stops_the_bar_without_failing() -> None:
    stream = FakeTTY()
    bar = Progress(10, enabled=True, stream=stream)
    stream.close()
    bar.advance()
    bar.close()  # no exception
    assert not bar.enabled


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


def _run_index(args: list[str], *, stderr_tty: bool, env: dict[str, str], command: str = "index") -> tuple[bytes, bytes]:
    """Run ``quotes index`` (or ``command``) with stdout on a pipe and stderr on a pipe or a pseudo-terminal."""
    cmd = [str(Path(sys.executable).parent / "quotes"), command]
    if not stderr_tty:
        proc = subprocess.run(cmd + args, capture_output=True, env=env, timeout=300)
        return proc.stdout, proc.stderr
    leader, follower = pty.openpty()
    proc = subprocess.Popen(cmd + args, stdout=subprocess.PIPE, stderr=follower, env=env)
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
    assert b"indexing  [" in err_tty and b"2/2 articles" in err_tty  # the bar was drawn on the terminal
    assert b"\r" not in err_pipe and b"indexing" not in err_pipe
    assert out_tty == out_pipe
    assert out_tty.decode().startswith("indexed 2 articles")
    # --quiet: no bar even on a terminal, and nothing on stdout
    out_quiet, err_quiet = _run_index(args + ["--db", tty_db, "--quiet"], stderr_tty=True, env=env)
    assert out_quiet == b"" and b"\r" not in err_quiet
    # a bar forced on (QUOTES_PROGRESS=1) with stderr piped: drawn on stderr, stdout unchanged
    out_forced, err_forced = _run_index(args + ["--db", str(tmp_path / "forced.db")], stderr_tty=False, env={**env, "QUOTES_PROGRESS": "1"})
    assert b"indexing  [" in err_forced
    assert out_forced == out_pipe


def test_a_note_during_the_run_goes_above_the_bar() -> None:
    stream = FakeTTY()
    with Progress(2, label="indexing", stream=stream) as bar:
        bar.advance()
        bar.note("quotes: bad.txt: binary file")
        bar.advance()
    lines = stream.getvalue().split("\n")
    # the note is a line of its own (the bar line was wiped first), and the bar carries on below
    assert lines[0].endswith("\rquotes: bad.txt: binary file")
    assert lines[0].split("\r")[-2].strip() == ""
    assert "2/2 articles" in lines[1]
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
    assert b"finding  [" in err_tty and b"2/2 articles" in err_tty
    assert err_pipe == b""
    assert out_tty == out_pipe and out_pipe.count(b"\n") > 5
    _, err_quiet = _run_index(args + ["--quiet"], stderr_tty=True, env=env, command="find")
    assert b"\r" not in err_quiet
