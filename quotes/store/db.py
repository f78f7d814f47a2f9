"""The quote store: articles, quotes, speakers and quote groups in one SQLite file.

The embedded default for corpus-scale work. ``quotes index`` / :meth:`QuoteStore.index`
parse articles once and keep everything; ``quotes search`` / :meth:`QuoteStore.search`
finds a quote and its renderings across the corpus; :meth:`QuoteStore.groups` is what
``quotes align --db`` prints::

    from quotes.io.inputs import iter_articles
    from quotes.models import Article
    from quotes.store.db import QuoteStore

    with QuoteStore("quotes.db") as store:
        stats = store.index(a for a in iter_articles(["seeds/"]) if isinstance(a, Article))
        print(stats.added, stats.quotes_added)          # 5 39
        for hit in store.search("advance non-stop"):
            print(hit.text, [v.text for v in hit.variants])
        groups = store.groups(speaker="Putin")

How it stays correct:

- **Batches are transactions.** Articles are written in batches, each batch one
  ``BEGIN IMMEDIATE … COMMIT``; an article and its quotes always go in together. A run that is
  interrupted keeps every batch committed before, and never leaves half an article.
- **Content hashes.** Each article's text and provenance are hashed; indexing an article whose
  hash is already stored does nothing (it is not even parsed). A changed article replaces its
  old quotes, and the groups those quotes were in are dissolved so their other members are
  aligned again.
- **Incremental alignment, the same groups as a batch run.** Quotes are marked when they have
  been through alignment. After indexing, the new ones are given to
  :class:`quotes.variants.align.Aligner` restored with the stored groups
  (:meth:`~quotes.variants.align.Aligner.restore`); only the groups it changed are written back.
  Grouping depends on statistics of the whole corpus (the unit count and stem frequencies in every
  IDF weight, the speaker index, positions in the sorted corpus), so the grouping step runs over
  every quote again; what the store keeps is what does not depend on the corpus: each quote's
  sentence units (``quote_units``, cut once per text) and each group's input fingerprint
  (``groups.inputs``), so a group built from the same inputs is taken as stored instead of being
  labelled again (:mod:`quotes.variants.index` states the argument).
- **Several processes.** WAL mode lets readers run while one process writes; writers queue
  on SQLite's lock (``busy_timeout``), and every read-decide-write step happens inside one
  immediate transaction, so two ``quotes index`` runs over overlapping inputs neither corrupt
  the store nor store an article twice.
"""

from __future__ import annotations

import gc
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

from pydantic import BaseModel, Field

from quotes._version import __version__
from quotes.errors import EngineUnavailable, InputError, QuotesError, describe_failure
from quotes.models import AlignedQuote, Article, Quote, QuoteGroup
from quotes.run.pipeline import Alignment
from quotes.variants.index import UnitRecords, decode_units, encode_units

if TYPE_CHECKING:
    from quotes.store.search import SearchHit

SCHEMA_VERSION = 3

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id           TEXT PRIMARY KEY,
    source       TEXT,
    outlet       TEXT,
    url          TEXT,
    date         TEXT,
    content_hash TEXT NOT NULL,
    text         TEXT NOT NULL,
    engine       TEXT,
    indexed_at   REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);

CREATE TABLE IF NOT EXISTS speakers (
    id   INTEGER PRIMARY KEY,
    key  TEXT NOT NULL UNIQUE,   -- quotes.variants.identity.speaker_key(name): one row per person
    name TEXT NOT NULL           -- the fullest name seen for them
);

CREATE TABLE IF NOT EXISTS quotes (
    id              INTEGER PRIMARY KEY,   -- also the rowid of quotes_fts
    article         TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,      -- Quote.index
    text            TEXT NOT NULL,
    norm            TEXT NOT NULL,         -- quotes.text.normalize.normalize(text): what search matches
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    speaker         TEXT,
    speaker_mention TEXT,
    cue             TEXT,
    method          TEXT,
    confidence      REAL NOT NULL,
    paragraph       INTEGER NOT NULL,
    nested          INTEGER NOT NULL,
    extra           TEXT,                  -- JSON of Quote fields added after this schema
    speaker_id      INTEGER REFERENCES speakers(id),
    aligned         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article, idx)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id);
CREATE INDEX IF NOT EXISTS quotes_unaligned ON quotes(aligned) WHERE aligned = 0;

CREATE TABLE IF NOT EXISTS groups (
    id         TEXT PRIMARY KEY,
    speaker    TEXT,
    speaker_id INTEGER REFERENCES speakers(id),
    flags      TEXT NOT NULL DEFAULT '[]',
    extra      TEXT,                  -- JSON of QuoteGroup fields added after schema 1 (signals)
    inputs     TEXT                   -- quotes.variants.index.group_inputs: what the group was built from (schema 3)
);
CREATE INDEX IF NOT EXISTS groups_speaker ON groups(speaker_id);

CREATE TABLE IF NOT EXISTS group_members (
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    quote_id INTEGER NOT NULL UNIQUE REFERENCES quotes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,             -- 0 is the group's reference rendering
    cluster  TEXT,                         -- AlignedQuote.cluster: null when the group spans one article
    variant  TEXT,
    score    REAL,
    diff     TEXT NOT NULL DEFAULT '[]',   -- JSON list of DiffOp
    reasons  TEXT NOT NULL DEFAULT '[]',   -- JSON list of DriftReason
    flags    TEXT NOT NULL DEFAULT '[]',
    extra    TEXT,                         -- JSON of AlignedQuote fields added after schema 1 (notes, signals, also_in)
    PRIMARY KEY (group_id, quote_id)
);

CREATE TABLE IF NOT EXISTS quote_units (  -- schema 3: the aligner's sentence units of each quote
    quote_id INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
    version  TEXT NOT NULL,                -- quotes.__version__ that cut them (others are cut again)
    units    TEXT NOT NULL                 -- quotes.variants.index.encode_units
);

CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    norm, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, norm) VALUES (new.id, new.norm);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
END;
"""

# Quote fields that have their own column (``index`` is stored as ``idx``); any other field
# a later version of the model adds goes into the ``extra`` JSON column.
_QUOTE_COLUMNS = (
    "text", "start", "end", "kind", "speaker", "speaker_mention", "cue", "method",
    "confidence", "paragraph", "nested",
)
_QUOTE_SELECT = (
    'q.id, q.article, q.idx, q.text, q.start, q."end", q.kind, q.speaker, q.speaker_mention, '
    "q.cue, q.method, q.confidence, q.paragraph, q.nested, q.extra"
)

_COLUMN_OF = {"index": "idx", "end": '"end"'}
_TRUSTED_FIELDS = tuple(Quote.model_fields)
_TRUSTED_SELECT = ", ".join(f"q.{_COLUMN_OF.get(f, f)}" for f in _TRUSTED_FIELDS) + ", q.extra"
"""The quote columns in :class:`~quotes.models.Quote`'s field order, then ``extra`` (:func:`_trusted_quotes`)."""
_NESTED = _TRUSTED_FIELDS.index("nested")


def _trusted_quotes(rows: Iterable[tuple[Any, ...]]) -> Iterator[Quote]:
    """Quotes from rows of :data:`_TRUSTED_SELECT` (plain tuples) that this store wrote itself, for the
    aligner: each was validated when it was added, so it is built without validating it again (about
    half the cost of :meth:`~pydantic.BaseModel.model_validate`, for every stored quote of every
    incremental run). A row with ``extra`` fields (written by a later version) is validated. Quotes
    read for callers (:meth:`QuoteStore.quotes`, :meth:`QuoteStore.groups`) are always validated."""
    fields_set = frozenset(_TRUSTED_FIELDS)
    for row in rows:
        if row[-1]:
            data = dict(zip(_TRUSTED_FIELDS, row))
            data.update(json.loads(row[-1]))
            yield Quote.model_validate(data)
            continue
        values = dict(zip(_TRUSTED_FIELDS, row))
        values["nested"] = bool(row[_NESTED])
        quote = Quote.__new__(Quote)  # what model_construct does, without its per-field defaults loop
        object.__setattr__(quote, "__dict__", values)
        object.__setattr__(quote, "__pydantic_fields_set__", set(fields_set))
        object.__setattr__(quote, "__pydantic_extra__", None)
        object.__setattr__(quote, "__pydantic_private__", None)
        yield quote


_IDS_PER_QUERY = 500
"""Ids bound in one ``IN (...)`` query (SQLite's limit on bound parameters is 999 in older builds)."""

DEFAULT_BATCH_SIZE = 64
"""Articles per write transaction."""

DEFAULT_FLUSH_SECONDS = 5.0
"""A batch is committed after this long even if not full, so a slow run keeps its work."""


class IndexStats(BaseModel):
    """What one :meth:`QuoteStore.index` run did."""

    seen: int = Field(default=0, description="Articles read.")
    added: int = Field(default=0, description="New articles stored.")
    replaced: int = Field(default=0, description="Changed articles whose old quotes were replaced.")
    unchanged: int = Field(default=0, description="Articles already stored with the same content (no-op).")
    failed: int = Field(default=0, description="Articles whose extraction failed (not stored).")
    quotes_added: int = 0
    quotes_removed: int = 0
    groups_touched: int = Field(default=0, description="Groups created or changed by incremental alignment.")
    errors: list[str] = Field(default_factory=list, description="One line per failed article.")
    warnings: list[str] = Field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for people (no timing, so it is the same on every run of the same work)."""
        parts = [f"{self.added} added", f"{self.replaced} replaced", f"{self.unchanged} unchanged"]
        if self.failed:
            parts.append(f"{self.failed} failed")
        return (
            f"indexed {_plural(self.seen, 'article')} ({', '.join(parts)}): {_plural(self.quotes_added, 'quote')} added, "
            f"{self.quotes_removed} removed, {_plural(self.groups_touched, 'group')} touched"
        )


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class StoreStats(BaseModel):
    """Row counts of a store (``QuoteStore.stats()``)."""

    articles: int
    quotes: int
    speakers: int
    groups: int
    unaligned: int


def content_hash(article: Article) -> str:
    """SHA-256 of what determines an article's quotes and how they are shown: text and provenance.

    ``source`` (the path it was read from) is left out: the same article read from another
    folder is the same article.
    """
    payload = json.dumps(
        [article.text, article.outlet, article.url, article.date], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class QuoteStore:
    """A SQLite quote store (see the module docstring); use it as a context manager.

    ``QuoteStore(path)`` creates the file if needed; ``create=False`` raises
    :class:`~quotes.errors.QuotesError` instead when it does not exist (what ``search`` and
    ``align --db`` want). ``busy_timeout`` is how many seconds a write waits for another
    process holding the store's lock before giving up with a clear error.
    """

    def __init__(self, path: Union[str, Path], *, create: bool = True, busy_timeout: float = 120.0) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise QuotesError(f"{self.path}: no quote store here; create one with `quotes index ARTICLES... --db {self.path}`")
        if self.path.is_dir():
            raise QuotesError(f"{self.path}: is a directory; give a file name for the store, e.g. --db quotes.db")
        self.busy_timeout = busy_timeout
        try:
            # isolation_level=None: no implicit transactions; every write opens its own
            # BEGIN IMMEDIATE (see _write) so lock waits happen at the start, never mid-way.
            self._conn = sqlite3.connect(str(self.path), timeout=busy_timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise QuotesError(f"{self.path}: cannot open the store ({exc}); check the path and its permissions") from None
        self._conn.row_factory = sqlite3.Row
        try:
            self._setup_when_free()
        except QuotesError:
            self._conn.close()
            raise
        except sqlite3.OperationalError as exc:  # locked for too long, read-only folder, full disk...
            self._conn.close()
            raise QuotesError(f"{self.path}: cannot open the store ({exc}); check the file, its folder's permissions and free space") from None
        except sqlite3.DatabaseError as exc:  # not an SQLite file at all
            self._conn.close()
            raise QuotesError(f"{self.path}: not a quote store or damaged ({exc}); give another --db file") from None

    # --- lifecycle ------------------------------------------------------------------------

    def __enter__(self) -> "QuoteStore":
        return self

    def __exit__(
        self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite when the last one closes)."""
        self._conn.close()

    def _setup_when_free(self) -> None:
        """Run :meth:`_setup`, waiting out another process that is creating the same store: the
        switch to WAL mode takes SQLite's lock without calling its busy handler."""
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                self._setup()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)

    def _setup(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            other = conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'quotes_fts%' "
                "AND name NOT IN ('articles', 'speakers', 'quotes', 'groups', 'group_members', 'quote_units') LIMIT 1"
            ).fetchone()
            if other is not None:  # someone else's SQLite database: leave it exactly as it is
                raise QuotesError(f"{self.path}: an SQLite database but not a quote store (it has a table {other[0]!r}); give another --db file")
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise QuotesError(f"{self.path}: cannot switch the store to WAL mode (got {mode}); put it on a local disk")
        # In WAL mode NORMAL never corrupts; a power cut may lose only the last commits.
        conn.execute("PRAGMA synchronous = NORMAL")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise QuotesError(f"{self.path}: store was written by a newer version of quotes (schema {version}); upgrade quotes")
        with self._write():
            # Re-read under the lock: another process may have created the schema meanwhile.
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current == 0:
                for statement in _statements(SCHEMA):
                    conn.execute(statement)
            else:
                _upgrade(conn, current)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taking the lock up front (waits up to ``busy_timeout``)."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise QuotesError(
                    f"{self.path}: the store stayed locked by another process for {self.busy_timeout:.0f}s; try again when it is done"
                ) from None
            raise
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")

    # --- indexing -------------------------------------------------------------------------

    def index(
        self,
        articles: Iterable[Article],
        *,
        engine: Optional[str] = None,
        workers: int = 1,
        models_dir: Optional[str] = None,
        align: bool = True,
        semantic: Optional[bool] = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        on_article: Optional[Callable[[Article], None]] = None,
    ) -> IndexStats:
        """Parse and store ``articles``, then align the new quotes into the store's groups.

        ``engine`` (``"stanza"`` by default, or ``"spacy"``) runs in ``workers`` processes
        (:func:`quotes.run.parallel.map_articles`, each loading the engine once). Articles already
        stored with the same content are skipped before parsing. ``on_article`` is called once
        per article read (a progress bar's ``advance``). ``align=False`` leaves the new quotes
        for a later :meth:`align`; ``semantic`` is passed to it. Raises
        :class:`~quotes.errors.EngineUnavailable` when the engine cannot load. For example::

            with QuoteStore("quotes.db") as store:
                print(store.index(read_articles(["seeds/"]), workers=2).summary())
            # indexed 5 articles (5 added, 0 replaced, 0 unchanged): 39 quotes added, 0 removed, 25 groups touched
        """
        from quotes.run.parallel import map_articles

        stats = IndexStats()
        unchanged = self._skip_unchanged(articles, stats, on_article)
        results = map_articles(unchanged, workers, engine or "stanza", models_dir)
        return self._store_results(results, stats, engine or "stanza", align, semantic, batch_size, on_article)

    def add(
        self,
        found: Iterable[tuple[Article, list[Quote]]],
        *,
        engine: Optional[str] = None,
        align: bool = True,
        semantic: Optional[bool] = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> IndexStats:
        """Store articles with quotes found elsewhere (e.g. an earlier ``quotes find`` run).

        Same rules as :meth:`index` (content hashes, batches, incremental alignment) without
        the parsing step; ``engine`` only records which engine found the quotes.
        """
        stats = IndexStats()
        current: list[list[Quote]] = [[]]

        def articles() -> Iterator[Article]:
            for article, quotes in found:
                current[0] = quotes
                yield article

        # _skip_unchanged yields each article as soon as it reads it, so current[0] is its quotes.
        results = ((a, current[0]) for a in self._skip_unchanged(articles(), stats, None))
        return self._store_results(results, stats, engine or "unknown", align, semantic, batch_size, None)

    def _skip_unchanged(
        self, articles: Iterable[Article], stats: IndexStats, on_article: Optional[Callable[[Article], None]]
    ) -> Iterator[Article]:
        seen: dict[str, str] = {}  # id -> hash in this run (a clash is decided under the lock, in _write_batch)
        for article in articles:
            stats.seen += 1
            digest = content_hash(article)
            earlier = seen.get(article.id)
            if earlier is None:
                seen[article.id] = digest
            if earlier == digest or self._stored_hash(article.id) == digest:
                stats.unchanged += 1
                if on_article:
                    on_article(article)
                continue
            yield article

    def _store_results(
        self,
        results: Iterable[tuple[Article, Union[list[Quote], Exception]]],
        stats: IndexStats,
        engine: str,
        align: bool,
        semantic: Optional[bool],
        batch_size: int,
        on_article: Optional[Callable[[Article], None]],
    ) -> IndexStats:
        started = time.monotonic()
        batch: list[tuple[Article, str, list[Quote]]] = []
        batch_started = time.monotonic()
        for article, result in results:
            if on_article:
                on_article(article)
            if isinstance(result, EngineUnavailable):
                raise result
            if isinstance(result, Exception):
                stats.failed += 1
                stats.errors.append(describe_failure(article.source or article.id, result))
                continue
            if not batch:
                batch_started = time.monotonic()
            batch.append((article, content_hash(article), result))
            if len(batch) >= batch_size or time.monotonic() - batch_started >= DEFAULT_FLUSH_SECONDS:
                self._write_batch(batch, engine, stats)
                batch = []
        if batch:
            self._write_batch(batch, engine, stats)
        if align:
            stats.groups_touched = len(self.align(semantic=semantic))
        stats.seconds = time.monotonic() - started
        return stats

    def _stored_hash(self, article_id: str) -> Optional[str]:
        row = self._conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def _write_batch(self, batch: list[tuple[Article, str, list[Quote]]], engine: str, stats: IndexStats) -> None:
        from quotes.text.normalize import normalize

        with self._write() as conn:
            for article, digest, quotes in batch:
                row = conn.execute("SELECT content_hash, source FROM articles WHERE id = ?", (article.id,)).fetchone()
                stored, stored_source = (row[0], row[1]) if row else (None, None)
                if stored == digest:  # another process (or an earlier duplicate) stored it meanwhile
                    stats.unchanged += 1
                    continue
                if stored is None:
                    stats.added += 1
                else:
                    clash = _other_source(stored_source, article.source)
                    if clash == "refuse":
                        stats.failed += 1
                        stats.errors.append(
                            f"{article.source}: article id {article.id!r} is already in the store from {stored_source}, "
                            "with other text; not replaced (give this article its own id: rename the file or change its \"id\")"
                        )
                        continue
                    if clash == "moved":
                        stats.warnings.append(
                            f"{article.source}: replaces article {article.id!r}, stored from {stored_source}, which is not there any more"
                        )
                    stats.replaced += 1
                    stats.quotes_removed += self._remove_article_quotes(article.id)
                conn.execute(
                    "INSERT INTO articles (id, source, outlet, url, date, content_hash, text, engine, indexed_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET source = excluded.source, outlet = excluded.outlet, "
                    "url = excluded.url, date = excluded.date, content_hash = excluded.content_hash, "
                    "text = excluded.text, engine = excluded.engine, indexed_at = excluded.indexed_at",
                    (article.id, article.source, article.outlet, article.url, article.date, digest, article.text,
                     engine, time.time()),
                )
                for quote in quotes:
                    self._insert_quote(quote, article.id, normalize(quote.text))
                stats.quotes_added += len(quotes)

    def _remove_article_quotes(self, article_id: str) -> int:
        """Delete an article's quotes; dissolve the groups they were in (their other members
        go back to the unaligned pool and are aligned again with the article's new quotes)."""
        conn = self._conn
        group_ids = [
            row[0]
            for row in conn.execute(
                "SELECT DISTINCT m.group_id FROM group_members m JOIN quotes q ON q.id = m.quote_id WHERE q.article = ?",
                (article_id,),
            )
        ]
        self._dissolve_groups(group_ids)
        return conn.execute("DELETE FROM quotes WHERE article = ?", (article_id,)).rowcount

    def _dissolve_groups(self, group_ids: list[str]) -> None:
        conn = self._conn
        for gid in group_ids:
            conn.execute(
                "UPDATE quotes SET aligned = 0 WHERE id IN (SELECT quote_id FROM group_members WHERE group_id = ?)", (gid,)
            )
            conn.execute("DELETE FROM groups WHERE id = ?", (gid,))

    def _insert_quote(self, quote: Quote, article_id: str, norm: str) -> int:
        data = quote.model_dump(mode="json")
        extra = {k: v for k, v in data.items() if k not in _QUOTE_COLUMNS and k not in ("article", "index")}
        speaker_id = self._speaker_id(quote.speaker) if quote.speaker else None
        cur = self._conn.execute(
            'INSERT INTO quotes (article, idx, text, norm, start, "end", kind, speaker, speaker_mention, cue, method, '
            "confidence, paragraph, nested, extra, speaker_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id, quote.index, quote.text, norm, quote.start, quote.end, quote.kind, quote.speaker,
                quote.speaker_mention, quote.cue, quote.method, quote.confidence, quote.paragraph, int(quote.nested),
                json.dumps(extra, ensure_ascii=False) if extra else None, speaker_id,
            ),
        )
        return int(cur.lastrowid or 0)

    def _speaker_id(self, name: str) -> int:
        """The row of the person ``name`` refers to, created on first sight; keeps the fullest name."""
        from quotes.variants.identity import speaker_key

        key = speaker_key(name) or name.casefold()
        row = self._conn.execute(
            "INSERT INTO speakers (key, name) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
            "name = CASE WHEN length(excluded.name) > length(name) THEN excluded.name ELSE name END RETURNING id",
            (key, name),
        ).fetchone()
        return int(row[0])

    # --- alignment ------------------------------------------------------------------------

    def align(self, *, semantic: Optional[bool] = None) -> list[QuoteGroup]:
        """Align the quotes not yet aligned into the existing groups; return the groups touched.

        Incremental: :class:`quotes.variants.align.Aligner` is restored with the stored groups, their
        input fingerprints and the quotes' sentence units (without aligning them again), the new
        quotes are added to it, and only the groups that are new or changed are written back and
        returned (groups it merged away are deleted). The result is the groups a batch
        :func:`~quotes.variants.align.align` of every stored quote gives (module docstring).
        ``semantic`` is passed to the aligner (``None``: use the semantic extra when installed).
        Runs in one write transaction, so concurrent runs take turns and each sees the other's groups.
        """
        collecting = gc.isenabled()
        gc.disable()  # loading every stored group creates many long-lived objects: the cyclic GC would rescan them
        try:
            return self._align(semantic)
        finally:
            if collecting:
                gc.enable()

    def _align(self, semantic: Optional[bool]) -> list[QuoteGroup]:
        from quotes.variants.align import Aligner

        with self._write() as conn:
            rows = conn.execute(f"SELECT {_QUOTE_SELECT} FROM quotes q WHERE q.aligned = 0 ORDER BY q.article, q.idx").fetchall()
            if not rows:
                return []
            # the stored groups are not read: only their members and fingerprints (Aligner.resume)
            plain = conn.cursor()
            plain.row_factory = None  # tuples: _trusted_quotes
            stored = plain.execute(f"SELECT {_TRUSTED_SELECT} FROM group_members m JOIN quotes q ON q.id = m.quote_id").fetchall()
            inputs = {r[0]: r[1] or "" for r in conn.execute("SELECT id, inputs FROM groups")}
            units: dict[str, UnitRecords] = {}
            norms: dict[str, str] = {}  # the search column is the normalised text group ids hash
            for text, norm, records in conn.execute(
                "SELECT q.text, q.norm, u.units FROM quote_units u JOIN quotes q ON q.id = u.quote_id WHERE u.version = ?", (__version__,)
            ):
                if text not in units:
                    units[text] = decode_units(records)
                    norms[text] = norm
            aligner = Aligner.resume(_trusted_quotes(stored), inputs, self._load_groups_by_id, units, norms, semantic=semantic)
            regrouped = aligner.add(_quote_from_row(r) for r in rows)
            # the aligner re-creates every group near a new quote; write only those that changed
            before = {g.id: g for g in self._load_groups_by_id([g.id for g in regrouped if g.id in inputs])}
            touched = [g for g in regrouped if before.get(g.id) != g]
            for gid in aligner.removed:
                conn.execute("DELETE FROM groups WHERE id = ?", (gid,))
            fingerprints = aligner.inputs()
            self._save_groups(touched, fingerprints)
            # unchanged groups whose fingerprint is new (an upgraded store, a new speaker name)
            written = {g.id for g in touched}
            conn.executemany(
                "UPDATE groups SET inputs = ? WHERE id = ?",
                [(fp, gid) for gid, fp in fingerprints.items() if gid not in written and inputs.get(gid) != fp],
            )
            self._save_units(aligner.new_units())
            # every row went through the aligner (it keeps `name` quotes out of groups on purpose)
            conn.executemany("UPDATE quotes SET aligned = 1 WHERE id = ?", [(r["id"],) for r in rows])
        return touched

    def _save_units(self, units: dict[str, UnitRecords]) -> None:
        """Keep the sentence units the aligner cut, for every quote with one of those texts."""
        if not units:
            return
        rows = self._conn.execute(
            "SELECT q.id, q.text FROM quotes q LEFT JOIN quote_units u ON u.quote_id = q.id "
            "WHERE u.quote_id IS NULL OR u.version != ?", (__version__,)
        ).fetchall()
        self._conn.executemany(
            "INSERT OR REPLACE INTO quote_units (quote_id, version, units) VALUES (?, ?, ?)",
            [(r[0], __version__, encode_units(units[r[1]])) for r in rows if r[1] in units],
        )

    def _quote_ids(self, quotes: Iterable[Quote]) -> dict[tuple[str, int], int]:
        keys = {(q.article, q.index) for q in quotes}
        ids: dict[tuple[str, int], int] = {}
        for article, idx in keys:
            row = self._conn.execute("SELECT id FROM quotes WHERE article = ? AND idx = ?", (article, idx)).fetchone()
            if row is not None:
                ids[(article, idx)] = row[0]
        return ids

    def _save_groups(self, groups: list[QuoteGroup], inputs: Optional[dict[str, str]] = None) -> None:
        """Write touched groups back: each quote belongs to at most one group, so a quote that
        moved leaves its old group, and a group left with no members is deleted. ``inputs``: each
        group's fingerprint (:func:`quotes.variants.index.group_inputs`), kept for the next run."""
        inputs = inputs or {}
        conn = self._conn
        ids = self._quote_ids(m for g in groups for m in g.members)
        emptied: set[str] = set()
        for group in groups:
            members = [(ids.get((m.article, m.index)), m) for m in group.members]
            quote_ids = [qid for qid, _ in members if qid is not None]
            for qid in quote_ids:
                old = conn.execute("SELECT group_id FROM group_members WHERE quote_id = ?", (qid,)).fetchone()
                if old is not None and old[0] != group.id:
                    emptied.add(old[0])
            conn.execute(
                f"DELETE FROM group_members WHERE group_id = ? OR quote_id IN ({','.join('?' * len(quote_ids))})",
                (group.id, *quote_ids),
            )
            speaker_id = self._speaker_id(group.speaker) if group.speaker else None
            conn.execute(
                "INSERT INTO groups (id, speaker, speaker_id, flags, extra, inputs) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "speaker = excluded.speaker, speaker_id = excluded.speaker_id, flags = excluded.flags, extra = excluded.extra, "
                "inputs = excluded.inputs",
                (group.id, group.speaker, speaker_id, json.dumps(group.flags, ensure_ascii=False), _extra(group, _GROUP_EXTRA),
                 inputs.get(group.id)),
            )
            conn.executemany(
                "INSERT INTO group_members (group_id, quote_id, position, cluster, variant, score, diff, reasons, flags, extra) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        group.id, qid, pos, m.cluster, m.variant, m.score,
                        json.dumps([d.model_dump(mode="json") for d in m.diff], ensure_ascii=False),
                        json.dumps([r.model_dump(mode="json") for r in m.reasons], ensure_ascii=False),
                        json.dumps(m.flags, ensure_ascii=False),
                        _extra(m, _MEMBER_EXTRA),
                    )
                    for pos, (qid, m) in enumerate(members)
                    if qid is not None
                ],
            )
        for gid in emptied - {g.id for g in groups}:
            conn.execute(
                "DELETE FROM groups WHERE id = ? AND NOT EXISTS (SELECT 1 FROM group_members WHERE group_id = ?)", (gid, gid)
            )

    def _load_groups_by_id(self, ids: list[str]) -> list[QuoteGroup]:
        """The stored groups with these ids (in the order :meth:`_load_groups` gives)."""
        groups: list[QuoteGroup] = []
        for start in range(0, len(ids), _IDS_PER_QUERY):
            chunk = ids[start : start + _IDS_PER_QUERY]
            groups.extend(self._load_groups(f"WHERE g.id IN ({','.join('?' * len(chunk))})", tuple(chunk)))
        groups.sort(key=lambda g: (g.reference.article, g.reference.index, g.id))
        return groups

    def _load_groups(
        self, where: str = "", params: tuple[Any, ...] = ()
    ) -> list[QuoteGroup]:
        rows = self._conn.execute(
            f"SELECT g.id AS gid, g.speaker AS gspeaker, g.flags AS gflags, g.extra AS gextra, m.position, m.cluster, "
            f"m.variant, m.score, m.diff, m.reasons, m.flags AS mflags, m.extra AS mextra, {_QUOTE_SELECT} FROM groups g "
            f"JOIN group_members m ON m.group_id = g.id JOIN quotes q ON q.id = m.quote_id {where} "
            f"ORDER BY g.rowid, m.position",
            params,
        ).fetchall()
        groups: list[QuoteGroup] = []
        current: Optional[str] = None
        members: list[AlignedQuote] = []
        head: Optional[sqlite3.Row] = None

        def flush() -> None:
            if head is not None and members:
                groups.append(
                    QuoteGroup(
                        id=head["gid"], speaker=head["gspeaker"], reference=members[0], members=list(members),
                        flags=_json_list(head["gflags"]), **json.loads(head["gextra"] or "{}"),
                    )
                )

        for row in rows:
            if row["gid"] != current:
                flush()
                current, head, members = row["gid"], row, []
            members.append(_aligned_from_row(row))
        flush()
        # the order quotes.variants.align.align() returns: by the reference's place in the corpus
        groups.sort(key=lambda g: (g.reference.article, g.reference.index, g.id))
        return groups

    # --- reading --------------------------------------------------------------------------

    def groups(self, speaker: Optional[str] = None) -> list[QuoteGroup]:
        """The store's quote groups, as :func:`quotes.variants.align.align` returns them for the corpus.

        Every stored quote not of kind ``name`` is in exactly one group (singletons included;
        members of a group within one article have ``cluster=None``); ``members[0]`` is the
        reference. Ordered by the reference's article and position. ``speaker`` keeps the
        groups of one person, named any way (:func:`quotes.variants.identity.matches`: "Putin" finds
        "Vladimir Putin"). Quotes indexed but not yet aligned are not in any group: call
        :meth:`align` first (``quotes index`` does).

        For example::

            with QuoteStore("quotes.db", create=False) as store:
                store.align()                    # no-op unless a run was interrupted
                sizes = [len(g.members) for g in store.groups(speaker="Putin") if g.reference.cluster]
        """
        if speaker is None:
            return self._load_groups()
        ids = self.speaker_ids(speaker)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self._load_groups(f"WHERE g.speaker_id IN ({marks})", tuple(ids))

    def quotes(self, speaker: Optional[str] = None, outlet: Optional[str] = None) -> list[Quote]:
        """Stored quotes in article and text order, optionally of one speaker and/or outlet."""
        where, params = self._filters(speaker, outlet)
        if where is None:
            return []
        rows = self._conn.execute(
            f"SELECT {_QUOTE_SELECT} FROM quotes q JOIN articles a ON a.id = q.article {where} ORDER BY q.article, q.idx",
            params,
        ).fetchall()
        return [_quote_from_row(r) for r in rows]

    def articles(self) -> Iterator[Article]:
        """Every stored article, by id (with the text the quotes' offsets point into)."""
        for row in self._conn.execute("SELECT id, source, outlet, url, date, text FROM articles ORDER BY id"):
            yield Article(id=row["id"], text=row["text"], outlet=row["outlet"], url=row["url"], date=row["date"], source=row["source"])

    def article(self, article_id: str) -> Optional[Article]:
        """One stored article, or ``None``."""
        row = self._conn.execute(
            "SELECT id, source, outlet, url, date, text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return None
        return Article(id=row["id"], text=row["text"], outlet=row["outlet"], url=row["url"], date=row["date"], source=row["source"])

    def speakers(self) -> list[str]:
        """The names of everyone quoted in the store (one per person, the fullest name seen)."""
        return [r[0] for r in self._conn.execute("SELECT name FROM speakers ORDER BY name")]

    def speaker_ids(self, name: str) -> list[int]:
        """Rows of the ``speakers`` table that ``name`` refers to (:func:`quotes.variants.identity.matches`)."""
        from quotes.variants.identity import matches

        return [r[0] for r in self._conn.execute("SELECT id, name FROM speakers") if matches(name, r[1])]

    def stats(self) -> StoreStats:
        """Row counts: articles, quotes, speakers, groups, quotes waiting for alignment."""
        def one(sql: str) -> int:
            return int(self._conn.execute(sql).fetchone()[0])

        return StoreStats(
            articles=one("SELECT count(*) FROM articles"),
            quotes=one("SELECT count(*) FROM quotes"),
            speakers=one("SELECT count(*) FROM speakers"),
            groups=one("SELECT count(*) FROM groups"),
            unaligned=one("SELECT count(*) FROM quotes WHERE aligned = 0"),
        )

    def search(
        self, query: str, *, speaker: Optional[str] = None, outlet: Optional[str] = None, limit: int = 10
    ) -> list["SearchHit"]:
        """Quotes that match ``query`` best, each with its group's other renderings.

        See :func:`quotes.store.search.search`.
        """
        from quotes.store.search import search

        return search(self, query, speaker=speaker, outlet=outlet, limit=limit)

    # --- helpers shared with quotes.store.search ------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for read-only queries (``quotes.store.search`` uses it)."""
        return self._conn

    def _filters(self, speaker: Optional[str], outlet: Optional[str]) -> tuple[Optional[str], tuple[Any, ...]]:
        """SQL ``WHERE`` for a speaker/outlet filter over ``quotes q JOIN articles a``;
        ``None`` when the speaker is unknown (nothing can match)."""
        clauses: list[str] = []
        params: list[Any] = []
        if speaker is not None:
            ids = self.speaker_ids(speaker)
            if not ids:
                return None, ()
            clauses.append(f"q.speaker_id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        if outlet is not None:
            clauses.append("a.outlet = ? COLLATE NOCASE")
            params.append(outlet)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)

    def quotes_by_id(self, ids: Iterable[int]) -> dict[int, Quote]:
        """Stored quotes by row id."""
        ids = list(ids)
        out: dict[int, Quote] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            for row in self._conn.execute(f"SELECT {_QUOTE_SELECT} FROM quotes q WHERE q.id IN ({','.join('?' * len(part))})", part):
                out[row["id"]] = _quote_from_row(row)
        return out


def _other_source(stored: Optional[str], new: Optional[str]) -> str:
    """How a changed article relates to the one stored under its id, by where each was read:
    ``"same"`` (the same file, or a caller that gave no source: a normal update), ``"moved"``
    (the stored one's file or stream is gone: replace, and say so) or ``"refuse"`` (another
    file that is still there: a different article that happens to have the same id).

    >>> _other_source("bbc/story.txt", "bbc/story.txt"), _other_source(None, "x.txt")
    ('same', 'same')
    >>> _other_source("/no/such/dir/story.txt", "cnn/story.txt"), _other_source("-", "-")
    ('moved', 'moved')
    """
    if stored is None or new is None:
        return "same"
    old_file, new_file = _source_file(stored), _source_file(new)
    if old_file is not None and old_file == new_file:
        return "same"
    if old_file is None or not Path(old_file).exists():  # stdin, or a file moved or deleted since
        return "moved"
    if new_file is not None and _same_path(old_file, new_file):
        return "same"
    return "refuse"


def _source_file(source: str) -> Optional[str]:
    """The file an ``Article.source`` names (``"feed.jsonl:7"`` is line 7 of ``feed.jsonl``);
    ``None`` for standard input, which is never the same source twice."""
    if source == "-" or source.startswith("<stdin>"):
        return None
    path, sep, line = source.rpartition(":")
    if sep and line.isdigit() and path and not Path(source).exists():
        return path
    return source


def _same_path(a: str, b: str) -> bool:
    try:
        return Path(a).samefile(b)
    except OSError:
        return False


def _upgrade(conn: sqlite3.Connection, version: int) -> None:
    """Bring a store of an older schema up to :data:`SCHEMA_VERSION`, in place (its rows are kept)."""
    if version < 2:  # schema 2 keeps the alignment fields added since (signals, notes, also_in)
        conn.execute("ALTER TABLE groups ADD COLUMN extra TEXT")
        conn.execute("ALTER TABLE group_members ADD COLUMN extra TEXT")
    if version < 3:  # schema 3 keeps what the aligner needs again: what each group was built from, and
        # each quote's sentence units; an older store's groups are labelled and its quotes cut once more
        conn.execute("ALTER TABLE groups ADD COLUMN inputs TEXT")
        for statement in _statements(SCHEMA):
            if statement.startswith("CREATE TABLE IF NOT EXISTS quote_units"):
                conn.execute(statement)


def _statements(script: str) -> Iterator[str]:
    """Split the schema into statements (trigger bodies hold semicolons of their own)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""


def _quote_fields(row: sqlite3.Row) -> dict[str, Any]:
    data: dict[str, Any] = {
        "article": row["article"], "index": row["idx"], "text": row["text"], "start": row["start"], "end": row["end"],
        "kind": row["kind"], "speaker": row["speaker"], "speaker_mention": row["speaker_mention"], "cue": row["cue"],
        "method": row["method"], "confidence": row["confidence"], "paragraph": row["paragraph"],
        "nested": bool(row["nested"]),
    }
    if row["extra"]:
        data.update(json.loads(row["extra"]))
    return data


def _quote_from_row(row: sqlite3.Row) -> Quote:
    return Quote.model_validate(_quote_fields(row))


def _aligned_from_row(row: sqlite3.Row) -> AlignedQuote:
    data = _quote_fields(row)
    data.update(
        cluster=row["cluster"], variant=row["variant"], score=row["score"], diff=_json_list(row["diff"]),
        reasons=_json_list(row["reasons"]), flags=_json_list(row["mflags"]), **json.loads(row["mextra"] or "{}"),
    )
    # validating in pydantic-core is faster than model_construct's Python loop over the fields
    # (which also inspects each default factory's signature on every call)
    return AlignedQuote.model_validate(data)


_GROUP_EXTRA = ("signals",)
_MEMBER_EXTRA = ("notes", "signals", "also_in")
"""Alignment fields newer than schema 1, kept as one JSON object per row (``extra``)."""


def _extra(model: BaseModel, fields: tuple[str, ...]) -> Optional[str]:
    data = {f: getattr(model, f) for f in fields if getattr(model, f, None)}
    return json.dumps(data, ensure_ascii=False) if data else None


def _json_list(text: str) -> list[Any]:
    # most members have no diff, reasons or flags: skip the JSON decoder for them
    return [] if text == "[]" else json.loads(text)


def align_store(db: str, *, speaker: Optional[str] = None, semantic: Optional[bool] = None) -> Alignment:
    """``quotes align --db STORE``: the store's groups, after aligning its quotes not yet aligned."""
    if not Path(db).is_file():
        raise InputError(f"no such quote store; create it with `quotes index PATH... --db {db}`", db)
    with QuoteStore(db, create=False) as store:
        store.align(semantic=semantic)
        groups = store.groups()
    return Alignment(groups, [m for g in groups for m in g.members]).of_speaker(speaker)
