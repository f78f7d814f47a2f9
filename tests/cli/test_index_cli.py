"""``quotes index`` and ``quotes search`` end to end with the Stanza engine.

In-process runs (typer's CliRunner) share the session's engine; the concurrency test runs two
real ``quotes index`` processes on one store at once.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from quotes.cli import app
from quotes.io.inputs import iter_articles
from quotes.models import Article
from quotes.store.search import SearchHit
from quotes.store.db import QuoteStore

ROOT = Path(__file__).resolve().parents[2]
QUOTES = str(Path(sys.executable).parent / "quotes")
BINARY = ROOT / "fixtures" / "inputs" / "binary.txt"


def found_quotes(paths: list[str]) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    from quotes.extract.pipeline import find_quotes

    return {
        a.id: [q.model_dump() for q in find_quotes(a, engine="stanza")]
        for a in iter_articles(paths)
        if isinstance(a, Article)
    }


def stored_quotes(db: Path) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    out: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    with QuoteStore(db, create=False) as store:
        for q in store.quotes():
            out.setdefault(q.article, []).append(q.model_dump())
    return out


def group_signature(db: Path) -> list[tuple[str, tuple[tuple[str, object], ...]]]:
    with QuoteStore(db, create=False) as store:
        return sorted((g.id, tuple((m.id, m.variant) for m in g.members)) for g in store.groups())


# --- no engine needed ------------------------------------------------------------------------


def test_search_without_a_store_is_one_line(quotes_cli, error_lines, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("search", "advance", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert "no quote store here" in line and "quotes index" in line
    assert not (tmp_path / "none.db").exists()


def test_index_engine_unavailable_is_exit_2(quotes_cli, error_lines, tmp_path: Path, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("index", str(seeds_dir), "--db", str(tmp_path / "q.db"), "--models-dir", str(tmp_path / "no-models"))
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert "quotes models download" in line
    with QuoteStore(tmp_path / "q.db", create=False) as store:
        assert store.stats().articles == 0


def test_index_with_nothing_to_read(quotes_cli, error_lines, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty").mkdir()
    result = quotes_cli("index", str(tmp_path / "empty"), "--db", str(tmp_path / "q.db"))
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert "no articles found" in line


# --- with Stanza ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_quotes(seeds_dir: Path, stanza_engine: object) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    """What `quotes find` finds in the seeds, by article."""
    return found_quotes([str(seeds_dir)])


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, stanza_engine: object) -> tuple[Path, Result]:
    """The seeds indexed once by `quotes index` (in-process): the store and the run's result."""
    db = tmp_path_factory.mktemp("index") / "quotes.db"
    result = CliRunner().invoke(app, ["index", str(seeds_dir), "--db", str(db), "--no-semantic"], catch_exceptions=False)
    return db, result


@pytest.fixture(scope="module")
def seeds_db(indexed: tuple[Path, Result]) -> Path:
    return indexed[0]


@pytest.mark.slow
def test_index_stores_what_find_finds_and_reindex_is_a_no_op(quotes_cli, indexed, seed_quotes, seeds_dir: Path) -> None:  # type: ignore[no-untyped-def]
    db, result = indexed
    assert result.exit_code == 0, result.stderr
    total = sum(len(v) for v in seed_quotes.values())
    assert result.stdout.startswith(f"indexed 5 articles (5 added, 0 replaced, 0 unchanged): {total} quotes added, 0 removed, ")
    assert stored_quotes(db) == seed_quotes
    with QuoteStore(db, create=False) as store:
        groups = store.groups()
        assert store.stats().unaligned == 0
    assert result.stdout.endswith(f", {len(groups)} groups touched\n")
    again = quotes_cli("index", str(seeds_dir), "--db", str(db), "--no-semantic")
    assert again.exit_code == 0
    assert again.stdout == "indexed 5 articles (0 added, 0 replaced, 5 unchanged): 0 quotes added, 0 removed, 0 groups touched\n"


@pytest.mark.slow
def test_a_changed_file_replaces_its_quotes(quotes_cli, tmp_path: Path, seeds_dir: Path, seed_quotes) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    db = tmp_path / "q.db"
    assert quotes_cli("index", str(corpus), "--db", str(db), "--no-semantic").exit_code == 0
    target = next(iter(sorted(corpus.glob("001_*.txt"))))
    text = target.read_text(encoding="utf-8")
    target.write_text(text[: text.index("advance nonstop")].rsplit("\n", 1)[0] + "\n", encoding="utf-8")
    result = quotes_cli("index", str(corpus), "--db", str(db), "--no-semantic")
    assert result.exit_code == 0
    assert "(0 added, 1 replaced, 4 unchanged)" in result.stdout
    assert stored_quotes(db) == {**seed_quotes, **found_quotes([str(target)])}
    with QuoteStore(db, create=False) as store:
        assert all(m.text != "advance nonstop" for g in store.groups() for m in g.members)
        assert store.stats().unaligned == 0


@pytest.mark.slow
def test_bad_inputs_are_reported_and_the_rest_is_stored(quotes_cli, error_lines, tmp_path: Path, seeds_dir: Path, stanza_engine: object) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "q.db"
    seed = sorted(seeds_dir.glob("*.txt"))[4]
    result = quotes_cli("index", str(BINARY), str(seed), str(tmp_path / "missing.txt"), "--db", str(db), "--no-semantic")
    assert result.exit_code == 1
    lines = error_lines(result)
    assert len(lines) == 2 and "binary.txt" in lines[0] and "missing.txt" in lines[1]
    assert result.stdout.startswith("indexed 1 article (1 added")
    assert set(stored_quotes(db)) == {seed.stem}


@pytest.mark.slow
def test_two_workers_store_the_same_quotes(quotes_cli, tmp_path: Path, seeds_dir: Path, seeds_db: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "w2.db"
    result = quotes_cli("index", str(seeds_dir), "--db", str(db), "--workers", "2", "--no-semantic")
    assert result.exit_code == 0, result.stderr
    assert stored_quotes(db) == stored_quotes(seeds_db)
    assert group_signature(db) == group_signature(seeds_db)


@pytest.mark.slow
def test_search_table_shows_the_variants(quotes_cli, seeds_db: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("search", "advance non-stop", "--db", str(seeds_db), "--format", "table")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(" 1. 1.00  Kim Jong")
    assert lines[1] == "    \u201cadvance non-stop,\u201d"
    assert "2 other renderings" in lines[2]
    assert any("orthographic" in line and "\u201cadvance nonstop\u201d" in line for line in lines[3:5])


@pytest.mark.slow
def test_search_jsonl_rows_are_search_hits(quotes_cli, seeds_db: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("search", "fully proved heroic participation", "--db", str(seeds_db), "--speaker", "Putin", "--format", "jsonl")
    assert result.exit_code == 0
    hits = [SearchHit.model_validate_json(line) for line in result.stdout.splitlines()]
    assert hits[0].text.startswith("This was fully proved by the heroic participation")
    assert hits[0].variant == "reference" and hits[0].variants
    assert all(h.speaker and "Putin" in h.speaker for h in hits)


@pytest.mark.slow
def test_search_misses_are_exit_1(quotes_cli, error_lines, seeds_db: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("search", "photosynthesis", "--db", str(seeds_db))
    assert result.exit_code == 1 and result.stdout == ""
    [line] = error_lines(result)
    assert "no stored quote matches 'photosynthesis'" in line
    unknown = quotes_cli("search", "heroic", "--db", str(seeds_db), "--speaker", "Angela Merkel")
    assert unknown.exit_code == 1
    [line] = error_lines(unknown)
    assert "no speaker matching 'Angela Merkel'" in line and "Vladimir Putin" in line
    empty = quotes_cli("search", "?!", "--db", str(seeds_db))
    assert empty.exit_code == 1
    [line] = error_lines(empty)
    assert "nothing to search for" in line


@pytest.mark.slow
def test_align_db_prints_the_store_groups(quotes_cli, seeds_db: Path) -> None:  # type: ignore[no-untyped-def]
    result = quotes_cli("align", "--db", str(seeds_db), "--speaker", "Putin", "--format", "json", "--no-semantic")
    assert result.exit_code == 0, result.stderr
    groups = json.loads(result.stdout)
    with QuoteStore(seeds_db, create=False) as store:
        expected = [g.model_dump(mode="json") for g in store.groups(speaker="Putin")]
    assert groups and [g["id"] for g in groups] == [g["id"] for g in expected]


@pytest.mark.slow
def test_two_index_processes_at_once_leave_a_sound_store(tmp_path: Path, seeds_dir: Path, seeds_db: Path, stanza_resources: Path) -> None:
    # overlapping inputs: seeds 000-003 and 001-004, run at the same time
    seeds = sorted(seeds_dir.glob("*.txt"))
    db = tmp_path / "shared.db"
    env = {**os.environ, "STANZA_RESOURCES_DIR": str(stanza_resources), "QUOTES_PROGRESS": "0"}
    procs = [
        subprocess.Popen(
            [QUOTES, "index", *map(str, part), "--db", str(db), "--no-semantic", "--batch-size", "1"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        for part in (seeds[:4], seeds[1:])
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert out.startswith("indexed 4 articles")
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
    dupes = conn.execute("SELECT count(*) FROM (SELECT article, start, \"end\" FROM quotes GROUP BY 1, 2, 3 HAVING count(*) > 1)").fetchone()[0]
    assert dupes == 0
    conn.close()
    # the same content and the same groups as one process indexing everything
    assert stored_quotes(db) == stored_quotes(seeds_db)
    assert group_signature(db) == group_signature(seeds_db)
