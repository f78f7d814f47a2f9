"""The input and output edges through the command line: colliding file names, JSONL on stdin,
``-o`` onto a FIFO, and ``--workers`` stopped by a signal."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

STORY = {
    "bbc": 'Mayor Ana Silva said on Monday: "We will not close the bridge this winter."\n',
    "cnn": '"The bridge stays open," said Ana Silva, the city\'s mayor, on Monday.\n',
}


def _news(tmp_path: Path) -> Path:
    for outlet, text in STORY.items():
        (tmp_path / "news" / outlet).mkdir(parents=True)
        (tmp_path / "news" / outlet / "story.txt").write_text(text, encoding="utf-8")
    return tmp_path / "news"


@pytest.mark.slow
def test_find_gives_files_with_one_stem_their_own_ids(quotes_cli, error_lines, stanza_resources, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    news = _news(tmp_path)
    result = quotes_cli("find", str(news / "bbc"), str(news / "cnn"), "-f", "jsonl")
    assert result.exit_code == 0 and error_lines(result) == []
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["article"], r["text"]) for r in rows] == [
        ("bbc/story", "We will not close the bridge this winter."),
        ("cnn/story", "The bridge stays open,"),
    ]


@pytest.mark.slow
def test_index_keeps_both_articles_with_one_stem(quotes_cli, error_lines, stanza_resources, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    news = _news(tmp_path)
    db = tmp_path / "quotes.db"
    result = quotes_cli("index", str(news), "--db", str(db), "--no-semantic", "-q")
    assert result.exit_code == 0 and error_lines(result) == []
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT id, source FROM articles ORDER BY id").fetchall()
    assert stored == [("bbc/story", str(news / "bbc" / "story.txt")), ("cnn/story", str(news / "cnn" / "story.txt"))]
    # one folder on its own names its file by the stem: a second store run adds it as "story";
    # the other folder's file then may not replace it
    result = quotes_cli("index", str(news / "bbc"), "--db", str(db), "--no-semantic", "-q")
    assert result.exit_code == 0
    result = quotes_cli("index", str(news / "cnn"), "--db", str(db), "--no-semantic", "-q")
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"quotes: {news / 'cnn' / 'story.txt'}: article id 'story' is already in the store from "
        f"{news / 'bbc' / 'story.txt'}, with other text; not replaced (give this article its own id: "
        'rename the file or change its "id")'
    ]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT source FROM articles WHERE id = 'story'").fetchone()[0] == str(news / "bbc" / "story.txt")


@pytest.mark.slow
def test_jsonl_on_stdin_with_a_bad_line_reports_that_line(quotes_cli, error_lines, stanza_resources) -> None:  # type: ignore[no-untyped-def]
    stdin = json.dumps({"id": "a", "text": STORY["bbc"]}) + '\n{"id":"b","te\n'
    result = quotes_cli("find", "-", "-f", "jsonl", input=stdin)
    assert result.exit_code == 1
    assert error_lines(result) == [
        "quotes: <stdin>:2: line is not valid JSON (Unterminated string starting at column 11); fix or remove the line"
    ]
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["article"], r["text"]) for r in rows] == [("a", "We will not close the bridge this winter.")]


# --- --workers and signals -----------------------------------------------------------------------


def _children(pid: int) -> dict[int, str]:
    """The live descendants of ``pid`` (from /proc), with their command lines."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z":
            parents[int(entry.name)] = int(fields[1])
    found: dict[int, str] = {}
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for child, ppid in parents.items():
            if ppid == parent and child not in found:
                try:
                    found[child] = (Path("/proc") / str(child) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                except OSError:
                    continue
                frontier.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return state[state.rindex(")") + 2] != "Z"  # a zombie has exited; only its exit status is left


def _start_workers_run(tmp_path: Path) -> tuple[subprocess.Popen[str], dict[int, str]]:
    """``quotes find corpus.jsonl -w 2`` on enough text to keep two workers busy, once both
    workers (and the resource tracker) are up."""
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for i in range(3000):
            out.write(json.dumps({"id": f"a{i}", "text": STORY["bbc"] * 8}) + "\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STANZA_RESOURCES_DIR": os.environ["STANZA_RESOURCES_DIR"]}
    run = subprocess.Popen(
        [sys.executable, "-c", "from quotes.cli import main; main()", "find", str(corpus), "-w", "2", "-q",
         "-o", str(tmp_path / "found.jsonl")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )
    deadline = time.monotonic() + 120
    children: dict[int, str] = {}
    while time.monotonic() < deadline:
        children = _children(run.pid)
        if sum("spawn_main" in cmd for cmd in children.values()) == 2:
            break
        assert run.poll() is None, run.communicate()
        time.sleep(0.2)
    else:
        run.kill()
        pytest.fail(f"the two workers did not start: {children}")
    time.sleep(3)  # let them load the engine and take articles
    children = _children(run.pid)
    assert sum("spawn_main" in cmd for cmd in children.values()) == 2, children
    return run, children


STOP_WAIT = 120
"""Seconds a signalled run (and its workers) may take to stop: they stop in a second or two on an idle
machine, but a run interrupted while its workers are loading the engine, on a machine whose two cores
run other jobs too, has been seen to take over 30 s. A run that never stops still fails."""


def _wait_gone(pids: Iterable[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    left = list(pids)
    while left and time.monotonic() < deadline:
        left = [pid for pid in left if _alive(pid)]
        time.sleep(0.1)
    return left


def _survivors(children: dict[int, str], seconds: float) -> dict[int, str]:
    """The children still alive after ``seconds``; they are killed, so a failing test leaves none."""
    left = {pid: children[pid] for pid in _wait_gone(children, seconds)}
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    return left


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_a_workers_run_and_every_child_with_one_line(tmp_path: Path, stanza_resources: Path, signum: int) -> None:
    run, children = _start_workers_run(tmp_path)
    assert any("resource_tracker" in cmd for cmd in children.values()), children
    run.send_signal(signum)
    try:
        run.wait(timeout=STOP_WAIT)
    except subprocess.TimeoutExpired:
        run.kill()
    survivors = _survivors(children, 10)
    _, stderr = run.communicate(timeout=30)  # (a surviving worker would hold the pipes open)
    assert survivors == {}
    assert run.returncode == 130
    assert stderr.splitlines() == [f"quotes: interrupted; {tmp_path / 'found.jsonl'} was not written"]
    assert sorted(os.listdir(tmp_path)) == ["corpus.jsonl"]  # no output, no temporary file


@pytest.mark.slow
def test_workers_exit_when_their_parent_is_killed(tmp_path: Path, stanza_resources: Path) -> None:
    run, children = _start_workers_run(tmp_path)
    run.kill()  # kill -9: the parent runs no code at all
    run.wait(timeout=30)
    survivors = _survivors(children, 15)
    run.communicate(timeout=30)
    assert survivors == {}
