"""The SQLite quote store: schema, content hashes, batches, incremental alignment, concurrency.

Most tests store the five seed articles with their hand-checked gold quotes
(``QuoteStore.add``), so they run without a language model; the end-to-end runs with Stanza
are in ``tests/cli/test_index_cli.py``.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotes.variants.align import align
from quotes.errors import QuotesError
from quotes.models import Article, Quote, QuoteGroup
from quotes.store.db import QuoteStore, content_hash

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "fixtures" / "seeds.gold.json"


def seed_pairs() -> list[tuple[Article, list[Quote]]]:
    """The seed articles (ids = file stems) with their gold quotes as Quote objects."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    pairs = []
    for entry in gold["articles"]:
        path = (GOLD.parent / entry["file"]).resolve()
        text = path.read_text(encoding="utf-8")
        article = Article(id=path.stem, text=text, source=str(path))
        quotes = [
            Quote(article=article.id, text=q["text"], start=q["start"], end=q["end"], kind=q["kind"],
                  speaker=q["speaker"], index=i, confidence=1.0)
            for i, q in enumerate(entry["quotes"])
        ]
        pairs.append((article, quotes))
    return pairs


def signature(groups: list[QuoteGroup]) -> list[tuple[str, tuple[tuple[str, object, object], ...]]]:
    return sorted((g.id, tuple((m.id, m.cluster, m.variant) for m in g.members)) for g in groups)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[QuoteStore]:
    with QuoteStore(tmp_path / "quotes.db") as s:
        yield s


# --- schema and opening ------------------------------------------------------------------------


def test_new_store_is_wal_with_a_busy_timeout_and_every_table(store: QuoteStore) -> None:
    conn = store.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    assert {"articles", "quotes", "speakers", "groups", "group_members", "quote_units", "quotes_fts"} <= names
    assert store.stats().model_dump() == {"articles": 0, "quotes": 0, "speakers": 0, "groups": 0, "unaligned": 0}


def test_opening_twice_keeps_the_schema(tmp_path: Path) -> None:
    with QuoteStore(tmp_path / "q.db") as s:
        s.add(seed_pairs()[:1], semantic=False)
    with QuoteStore(tmp_path / "q.db") as s:
        assert s.stats().articles == 1


def test_missing_store_is_an_error_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(QuotesError, match="no quote store here; create one with `quotes index"):
        QuoteStore(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("this is not sqlite\n" * 100)
    with pytest.raises(QuotesError, match="not a quote store or damaged"):
        QuoteStore(junk)


def test_another_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "app.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE users (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(QuotesError, match="an SQLite database but not a quote store"):
        QuoteStore(other)
    conn = sqlite3.connect(other)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["users"]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not switched to WAL
    conn.close()


def test_a_folder_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(QuotesError, match="cannot open the store"):
        QuoteStore(tmp_path / "missing-folder" / "q.db")


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(QuotesError, match="is a directory"):
        QuoteStore(tmp_path)


# --- storing ---------------------------------------------------------------------------------


def test_quotes_round_trip_exactly(store: QuoteStore) -> None:
    pairs = seed_pairs()
    stats = store.add(pairs, semantic=False)
    assert (stats.seen, stats.added, stats.replaced, stats.unchanged) == (5, 5, 0, 0)
    assert stats.quotes_added == sum(len(q) for _, q in pairs) == store.stats().quotes
    assert [q.model_dump() for q in store.quotes()] == [q.model_dump() for _, qs in pairs for q in qs]
    article = store.article(pairs[2][0].id)
    assert article is not None and article.text == pairs[2][0].text
    for q in store.quotes():
        assert store.article(q.article).text[q.start : q.end] == q.text  # type: ignore[union-attr]


def test_speakers_are_one_row_per_person(store: QuoteStore) -> None:
    store.add(seed_pairs(), semantic=False)
    assert store.speakers() == ["Donald Trump", "Kim Jong Un", "Vladimir Putin", "Vyacheslav Volodin"]


def test_reindexing_an_unchanged_article_is_a_no_op(store: QuoteStore) -> None:
    pairs = seed_pairs()
    store.add(pairs, semantic=False)
    before = store.connection.execute("SELECT id, article, idx FROM quotes ORDER BY id").fetchall()
    stamps = store.connection.execute("SELECT id, indexed_at FROM articles ORDER BY id").fetchall()
    stats = store.add(pairs, semantic=False)
    assert (stats.added, stats.replaced, stats.unchanged, stats.quotes_added, stats.groups_touched) == (0, 0, 5, 0, 0)
    assert store.connection.execute("SELECT id, article, idx FROM quotes ORDER BY id").fetchall() == before
    assert store.connection.execute("SELECT id, indexed_at FROM articles ORDER BY id").fetchall() == stamps


def test_same_article_read_from_another_path_is_unchanged(store: QuoteStore) -> None:
    article, quotes = seed_pairs()[0]
    store.add([(article, quotes)], semantic=False)
    moved = article.model_copy(update={"source": "/elsewhere/copy.txt"})
    assert content_hash(moved) == content_hash(article)
    assert store.add([(moved, quotes)], semantic=False).unchanged == 1


def test_a_changed_article_replaces_its_quotes_and_regroups(store: QuoteStore) -> None:
    pairs = seed_pairs()
    store.add(pairs, semantic=False)
    # article 001 loses its paragraphs from the one with "advance nonstop" on
    article, quotes = pairs[1]
    cut = article.text.rindex("\n", 0, article.text.index("advance nonstop"))
    shorter = article.model_copy(update={"text": article.text[:cut]})
    kept = [q for q in quotes if q.end <= cut]
    assert 0 < len(kept) < len(quotes)
    stats = store.add([(shorter, kept)], semantic=False)
    assert (stats.replaced, stats.quotes_added, stats.quotes_removed) == (1, len(kept), len(quotes))
    stored = [q for q in store.quotes() if q.article == article.id]
    assert [q.model_dump() for q in stored] == [q.model_dump() for q in kept]
    # the groups are exactly what aligning the new corpus from scratch gives
    corpus = [q for a, qs in pairs if a.id != article.id for q in qs] + kept
    assert signature(store.groups()) == signature(align(corpus, semantic=False))
    orphans = store.connection.execute(
        "SELECT count(*) FROM group_members m LEFT JOIN quotes q ON q.id = m.quote_id WHERE q.id IS NULL"
    ).fetchone()[0]
    assert orphans == 0
    assert store.stats().unaligned == 0


def test_changed_metadata_is_a_changed_article(store: QuoteStore) -> None:
    article, quotes = seed_pairs()[0]
    store.add([(article, quotes)], semantic=False)
    stats = store.add([(article.model_copy(update={"outlet": "Wire A"}), quotes)], semantic=False)
    assert stats.replaced == 1
    assert store.article(article.id).outlet == "Wire A"  # type: ignore[union-attr]


def test_same_id_from_two_files_keeps_the_first_and_reports_the_second(store: QuoteStore) -> None:
    # two different files that both call their article "x" (a library caller's ids, or an
    # earlier run's): the store never silently replaces one with the other
    (a, qa), (b, qb) = seed_pairs()[:2]
    clash = b.model_copy(update={"id": a.id})
    stats = store.add([(a, qa), (clash, [q.model_copy(update={"article": a.id}) for q in qb])], semantic=False)
    assert (stats.added, stats.replaced, stats.failed) == (1, 0, 1)
    assert stats.errors == [
        f"{b.source}: article id {a.id!r} is already in the store from {a.source}, with other text; "
        'not replaced (give this article its own id: rename the file or change its "id")'
    ]
    assert store.article(a.id).text == a.text  # type: ignore[union-attr]
    assert len(store.quotes()) == len(qa)
    # and the same in a later run
    stats = store.add([(clash, [q.model_copy(update={"article": a.id}) for q in qb])], semantic=False)
    assert (stats.replaced, stats.failed) == (0, 1) and store.article(a.id).text == a.text  # type: ignore[union-attr]


def test_a_changed_article_from_its_own_file_or_a_moved_one_replaces_it(store: QuoteStore, tmp_path: Path) -> None:
    article, quotes = seed_pairs()[0]
    old = tmp_path / "old" / "story.txt"
    old.parent.mkdir()
    old.write_text(article.text)
    store.add([(article.model_copy(update={"source": str(old)}), quotes)], semantic=False)
    edited = article.model_copy(update={"text": article.text + "\nA late paragraph.", "source": str(old)})
    stats = store.add([(edited, quotes)], semantic=False)
    assert (stats.replaced, stats.failed, stats.warnings) == (1, 0, [])
    # the corpus folder moved: the stored source is gone, so the new one replaces it, and says so
    new = tmp_path / "new" / "story.txt"
    old.parent.rename(new.parent)
    moved = edited.model_copy(update={"text": edited.text + " And another.", "source": str(new)})
    stats = store.add([(moved, quotes)], semantic=False)
    assert (stats.replaced, stats.failed) == (1, 0)
    assert stats.warnings == [f"{new}: replaces article {article.id!r}, stored from {old}, which is not there any more"]
    assert store.article(article.id).source == str(new)  # type: ignore[union-attr]


# --- batches and interruption ----------------------------------------------------------------


def test_an_interrupted_run_keeps_committed_batches_and_no_half_article(store: QuoteStore) -> None:
    pairs = seed_pairs()

    def feed() -> Iterator[tuple[Article, list[Quote]]]:
        yield from pairs[:3]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.add(feed(), batch_size=2, semantic=False)
    conn = store.connection
    # the first batch (two articles) was committed; the third article was in an open batch
    assert [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")] == [pairs[0][0].id, pairs[1][0].id]
    for article, quotes in pairs[:2]:
        assert conn.execute("SELECT count(*) FROM quotes WHERE article = ?", (article.id,)).fetchone()[0] == len(quotes)
    assert store.stats().unaligned == len(pairs[0][1]) + len(pairs[1][1])  # alignment never ran
    # the same command again finishes the work: stored articles are skipped, the rest added,
    # and the quotes left unaligned are aligned with the new ones
    stats = store.add(pairs, semantic=False)
    assert (stats.unchanged, stats.added) == (2, 3)
    assert store.stats().unaligned == 0
    assert signature(store.groups()) == signature(align([q for _, qs in pairs for q in qs], semantic=False))


def test_a_failed_write_rolls_back_its_whole_batch(store: QuoteStore) -> None:
    pairs = seed_pairs()
    good, bad = pairs[0], pairs[1]
    broken = [q.model_copy(update={"index": 0}) for q in bad[1]]  # duplicate (article, index): violates UNIQUE
    with pytest.raises(sqlite3.IntegrityError):
        store.add([good, (bad[0], broken)], batch_size=10, semantic=False)
    assert store.stats().articles == 0 and store.stats().quotes == 0


# --- alignment ---------------------------------------------------------------------------------


def count_group_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the stored groups the store reads from now on (filled as it reads them)."""
    read: list[str] = []
    by_id = QuoteStore._load_groups_by_id

    def counting(self: QuoteStore, ids: list[str]) -> list[QuoteGroup]:
        read.extend(ids)
        return by_id(self, ids)

    monkeypatch.setattr(QuoteStore, "_load_groups_by_id", counting)
    return read


def test_incremental_alignment_equals_aligning_everything(store: QuoteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = seed_pairs()
    for part in ([0, 2], [1, 3]):
        store.add([pairs[i] for i in part], semantic=False)
    store.add([pairs[4]], align=False)
    read = count_group_reads(monkeypatch)
    touched = store.align(semantic=False)
    assert read == []  # no stored group is read: article 004 changes none of them
    everything = align([q for _, qs in pairs for q in qs], semantic=False)
    assert signature(store.groups()) == signature(everything)
    # the last run (article 004, a story of its own) touched only the groups of its own quotes
    own = pairs[4][0].id
    assert touched and all(m.article == own for g in touched for m in g.members)
    assert {g.id for g in touched} == {g.id for g in store.groups() if g.reference.article == own}


def test_adding_an_article_touches_only_the_groups_it_joins(store: QuoteStore) -> None:
    pairs = seed_pairs()
    store.add([pairs[0], pairs[2], pairs[3]], semantic=False)
    before = {g.id: g for g in store.groups()}
    touched = store.align()  # nothing new: nothing touched
    assert touched == []
    store.add([pairs[1]], align=False)
    touched = store.align(semantic=False)
    touched_ids = {g.id for g in touched}
    after = {g.id: g for g in store.groups()}
    # Putin's letter groups (articles 002/003) did not change with Kim's article 001
    putin = [gid for gid, g in before.items() if g.speaker == "Vladimir Putin"]
    assert putin and all(gid not in touched_ids and after[gid] == before[gid] for gid in putin)
    # every group returned is new or changed, and every new or changed group is returned
    assert touched_ids == {gid for gid, g in after.items() if before.get(gid) != g}
    assert len(touched_ids) < len(after)
    # "advance nonstop" (001) joined the group of "advance non-stop," (000)
    [kim] = [g for g in touched if any(m.text == "advance nonstop" for m in g.members)]
    assert {m.article for m in kim.members} == {pairs[0][0].id, pairs[1][0].id}
    assert [m.variant for m in kim.members] == ["reference", "identical", "orthographic"]


def test_groups_by_speaker(store: QuoteStore) -> None:
    store.add(seed_pairs(), semantic=False)
    putin = store.groups(speaker="putin")
    assert putin and all(g.speaker == "Vladimir Putin" for g in putin)
    assert {g.id for g in store.groups(speaker="President Vladimir Putin")} == {g.id for g in putin}
    assert store.groups(speaker="Nobody Known") == []
    kim = store.groups(speaker="Kim Jong-un")
    assert kim and all(g.speaker == "Kim Jong Un" for g in kim)
    for g in putin + kim:
        assert g.reference == g.members[0]


def test_quote_filters(store: QuoteStore) -> None:
    pairs = seed_pairs()
    store.add([(a.model_copy(update={"outlet": "Wire A" if i % 2 else "Wire B"}), q) for i, (a, q) in enumerate(pairs)], semantic=False)
    putin = store.quotes(speaker="Putin")
    assert putin and all(q.speaker == "Vladimir Putin" for q in putin)
    wire_a = store.quotes(outlet="wire a")
    assert {q.article for q in wire_a} == {pairs[1][0].id, pairs[3][0].id}
    both = store.quotes(speaker="Putin", outlet="Wire A")
    assert both and {q.article for q in both} == {pairs[3][0].id}
    assert store.quotes(speaker="Nobody Known") == []


# --- concurrency ----------------------------------------------------------------------------------

_WRITER = textwrap.dedent(
    """
    import json, os, sys, time
    sys.path.insert(0, {tests!r})
    from test_db import seed_pairs
    from quotes.store.db import QuoteStore

    first, last = int(sys.argv[2]), int(sys.argv[3])
    pairs = seed_pairs()
    open(f"{{sys.argv[4]}}.{{first}}.ready", "w").close()
    while not os.path.exists(sys.argv[4]):  # start writing together with the other process
        time.sleep(0.005)
    def copies():
        for k in range(first, last):
            for article, quotes in pairs:
                aid = f"{{article.id}}-{{k}}"
                yield (article.model_copy(update={{"id": aid}}),
                       [q.model_copy(update={{"article": aid}}) for q in quotes])
    with QuoteStore(sys.argv[1]) as store:
        stats = store.add(copies(), batch_size=3, semantic=False)
    print(json.dumps(stats.model_dump()))
    """
)


def test_two_processes_indexing_overlapping_inputs_do_not_corrupt_the_store(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    script = tmp_path / "writer.py"
    script.write_text(_WRITER.format(tests=str(Path(__file__).parent)))
    go = tmp_path / "go"
    # copies 0..11 and 6..17 of the five seeds: 30 articles stored by both processes
    procs = [
        subprocess.Popen([sys.executable, str(script), str(db), first, last, str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for first, last in (("0", "12"), ("6", "18"))
    ]
    deadline = time.monotonic() + 120
    while not all(Path(f"{go}.{first}.ready").exists() for first in ("0", "6")) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    outputs = [p.communicate(timeout=600) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
    stats = [json.loads(out) for out, _ in outputs]
    pairs = seed_pairs()
    per_copy = sum(len(q) for _, q in pairs)
    # every overlapping article was added by exactly one of the two processes
    assert stats[0]["added"] + stats[1]["added"] == 18 * 5
    assert stats[0]["added"] + stats[0]["unchanged"] == 60 and stats[1]["added"] + stats[1]["unchanged"] == 60

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 18 * 5
    assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 18 * per_copy
    assert conn.execute("SELECT count(*) FROM (SELECT DISTINCT article, start, \"end\" FROM quotes)").fetchone()[0] == 18 * per_copy
    for article, quotes in pairs:  # every article whole: all of its quotes, none twice
        counts = conn.execute("SELECT count(*) FROM quotes WHERE article LIKE ? GROUP BY article", (article.id + "-%",)).fetchall()
        assert counts == [(len(quotes),)] * 18
    assert conn.execute("SELECT count(*) FROM quotes WHERE aligned = 0").fetchone()[0] == 0
    grouped = conn.execute("SELECT count(*) FROM group_members").fetchone()[0]
    named = conn.execute("SELECT count(*) FROM quotes WHERE kind = 'name'").fetchone()[0]
    assert grouped == 18 * per_copy - named  # every other quote in exactly one group
    assert conn.execute("SELECT count(*) FROM groups g WHERE NOT EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id)").fetchone()[0] == 0
    conn.close()


def test_stored_groups_keep_the_alignment_fields_and_equal_a_batch_run(store: QuoteStore) -> None:
    pairs = seed_pairs()
    store.add(pairs, semantic=False)
    everything = align([q for _, qs in pairs for q in qs], semantic=False)
    stored = {g.id: g for g in store.groups()}
    assert len(stored) == len(everything)
    for group in everything:
        assert stored[group.id].signals == group.signals
        assert [(m.id, m.notes, m.signals, m.also_in) for m in stored[group.id].members] == [
            (m.id, m.notes, m.signals, m.also_in) for m in group.members
        ]
    assert {tuple(g.signals) for g in everything if g.cross_article} == {("lexical",)}
    assert any(m.notes for g in everything for m in g.members)  # the fields are really there to keep


def test_a_schema_1_store_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with QuoteStore(db) as s:
        s.add(seed_pairs()[:2], semantic=False)
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE groups DROP COLUMN inputs")
    conn.execute("DROP TABLE quote_units")
    for table in ("groups", "group_members"):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN extra")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with QuoteStore(db) as s:
        groups = s.groups()
        s.add(seed_pairs()[2:3], semantic=False)
    assert groups and all(g.members for g in groups)
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == 3


def test_a_schema_2_store_is_upgraded_in_place_and_its_groups_get_their_inputs(tmp_path: Path) -> None:
    """Schema 3 adds ``groups.inputs``; a schema 2 store's groups have none until the next
    alignment, which labels them again once and then keeps their fingerprints."""
    pairs = seed_pairs()
    db = tmp_path / "old.db"
    with QuoteStore(db) as s:
        s.add(pairs[:3], semantic=False)
        before = signature(s.groups())
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE groups DROP COLUMN inputs")
    conn.execute("DROP TABLE quote_units")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with QuoteStore(db) as s:
        assert signature(s.groups()) == before  # opening upgrades; every row is still there
        one = lambda sql: s.connection.execute(sql).fetchone()[0]
        assert one("SELECT count(*) FROM groups WHERE inputs IS NULL") == len(before)
        assert one("SELECT count(*) FROM quote_units") == 0
        s.add(pairs[3:], semantic=False)
        assert signature(s.groups()) == signature(align([q for _, qs in pairs for q in qs], semantic=False))
        assert one("SELECT count(*) FROM groups WHERE inputs IS NULL") == 0
        assert one("SELECT count(*) FROM quote_units") == one("SELECT count(*) FROM quotes WHERE kind != 'name'") > 0
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == 3


@pytest.mark.parametrize(
    "quote",
    [
        Quote(article="a-herald", index=0, text="We will rebuild the bridge by spring", start=12, end=48, kind="speech",
              speaker="Mayor Lena Fischer", speaker_mention="Fischer", cue="said", method="after", confidence=0.92, paragraph=3),
        Quote(article="a-herald", index=1, text="a disgrace", start=80, end=90, kind="fragment", nested=True),
        Quote(article="b-courier", index=4, text="\u00abNous ne c\u00e9derons pas\u00bb", start=0, end=22, kind="speech",
              speaker="Ruth Okoye", confidence=1.0),
    ],
)
def test_stored_quotes_handed_to_the_aligner_equal_validated_ones(store: QuoteStore, quote: Quote) -> None:
    """The aligner's stored quotes are built without validating them again (``_trusted_quotes``);
    they are the quotes a validated read gives, field for field."""
    from quotes.store.db import _TRUSTED_SELECT, _trusted_quotes

    article = Article(id=quote.article, text="x" * 200)
    store.add([(article, [quote])], align=False)
    cursor = store.connection.cursor()
    cursor.row_factory = None
    [trusted] = list(_trusted_quotes(cursor.execute(f"SELECT {_TRUSTED_SELECT} FROM quotes q")))
    [validated] = store.quotes()
    assert type(trusted) is Quote and trusted == validated == quote
    assert trusted.model_dump_json() == validated.model_dump_json() and trusted.id == quote.id
    assert trusted.model_fields_set == set(Quote.model_fields)


def test_a_stored_quote_with_fields_of_a_later_version_is_validated(store: QuoteStore) -> None:
    from quotes.store.db import _TRUSTED_SELECT, _trusted_quotes

    quote = Quote(article="a-herald", index=0, text="We will rebuild the bridge", start=0, end=26, kind="speech")
    store.add([(Article(id="a-herald", text="x" * 40), [quote])], align=False)
    store.connection.execute("""UPDATE quotes SET extra = '{"paragraph": 2}'""")
    cursor = store.connection.cursor()
    cursor.row_factory = None
    [trusted] = list(_trusted_quotes(cursor.execute(f"SELECT {_TRUSTED_SELECT} FROM quotes q")))
    assert trusted.paragraph == 2 and trusted == quote.model_copy(update={"paragraph": 2})


def test_fingerprints_of_an_older_format_are_renewed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store whose group fingerprints are in an older format (format 1: 32 hex digits, no prefix)
    indexes correctly: the next alignment builds those groups again, compares them with the stored
    ones and writes the new fingerprints, and the run after it reads no stored group."""
    from quotes.variants.index import is_current

    pairs = seed_pairs()
    db = tmp_path / "old.db"
    with QuoteStore(db) as s:
        s.add(pairs[:3], semantic=False)
        s.connection.execute("UPDATE groups SET inputs = substr(inputs, 3)")  # the format-1 shape
        s.connection.commit()
        stale = [r[0] for r in s.connection.execute("SELECT inputs FROM groups")]
        assert stale and not any(is_current(fp) for fp in stale) and {len(fp) for fp in stale} == {32}
    with QuoteStore(db) as s:
        s.add(pairs[3:4], semantic=False)
        assert s.groups() == align([q for _, qs in pairs[:4] for q in qs], semantic=False)
        assert all(is_current(r[0]) for r in s.connection.execute("SELECT inputs FROM groups"))
        s.add(pairs[4:], align=False)
        read = count_group_reads(monkeypatch)
        s.align(semantic=False)
        assert read == []  # renewed once: article 004 changes no stored group, so none is read
        assert s.groups() == align([q for _, qs in pairs for q in qs], semantic=False)


def test_stored_quotes_are_not_cut_into_sentences_again(store: QuoteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each quote's sentence units are kept (``quote_units``); the next alignment cuts only the
    new quotes, and units kept by another version of quotes are cut again."""
    from quotes.variants.align import Aligner

    pairs = seed_pairs()
    store.add(pairs[:4], semantic=False)
    cut: list[str] = []
    real = Aligner._units

    def counting(self, quotes, skeys):  # type: ignore[no-untyped-def]
        cut.extend(q.text for q in quotes)
        return real(self, quotes, skeys)

    monkeypatch.setattr(Aligner, "_units", counting)
    store.add(pairs[4:], semantic=False)
    new = [q.text for q in pairs[4][1] if q.kind != "name"]
    assert sorted(cut) == sorted(set(new))
    assert signature(store.groups()) == signature(align([q for _, qs in pairs for q in qs], semantic=False))
    store.connection.execute("UPDATE quote_units SET version = '0.0.0' WHERE quote_id IN (SELECT id FROM quotes WHERE article = ?)",
                             (pairs[0][0].id,))
    cut.clear()
    article = pairs[2][0]
    store.add([(article.model_copy(update={"text": article.text + "\n"}), pairs[2][1])], semantic=False)
    # units are kept by text: a text some other article's quote has too is not cut again
    kept = {q.text for i in (1, 3, 4) for q in pairs[i][1]}
    expected = {q.text for q in pairs[0][1] + pairs[2][1] if q.kind != "name"} - kept
    assert expected and set(cut) == expected
    assert signature(store.groups()) == signature(align([q for _, qs in pairs for q in qs], semantic=False))
