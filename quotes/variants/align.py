"""Group renderings of the same utterance across articles: ``align(quotes) -> list[QuoteGroup]``.

>>> from quotes.models import Quote
>>> qs = [Quote(article="a", text="We will advance non-stop, whatever happens", start=0, end=42, kind="speech", speaker="Kim Jong-un"),
...       Quote(article="b", text="advance nonstop", start=0, end=15, kind="fragment", speaker="Mr Kim")]
>>> [(g.reference.article, [(m.article, m.variant) for m in g.members]) for g in align(qs, semantic=False)]
[('a', [('a', 'reference'), ('b', 'truncation')])]

What ends up in one group (a :class:`~quotes.models.QuoteGroup`):

- copies, orthographic variants and truncations, down to a one-word fragment inside a longer
  rendering ("heroic" inside "...the heroic participation..."), when one rendering's words are
  an unbroken run of the other's (after normalisation);
- renderings of one sentence with some words changed (drift, rewording), in different
  articles, when at least half their words line up in order (within the aligned span) and
  three or more of them are content words;
- other translations of the same sentence, in different articles and by the same speaker,
  when at least 40% of the shorter one's content words (weighted by rarity) line up: without
  the semantic extra two such words and a word-level similarity of 0.4 are needed; with it,
  the embeddings of the shorter rendering and the span it aligns with must also be close
  (0.4), and a short fragment (up to four words, two content words) sharing a single word
  joins only when they are very close (0.7): "outstanding soldiers" / "excellent soldiers".

Different sentences of one speech stay apart even when they share words: a link needs an
unbroken run, a close alignment, or the same speaker, enough of the rarer words and, with the
extra, close meaning. (Two different sentences that share most of their words in the same
order are linked, and labelled drift.) A fragment of one or two words, or with a single
content word, joins a longer rendering only by the same speaker, and only when it occurs in
exactly one group (if several, the one quoted in the fragment's own article, else none).
Within one article only copies and truncations are linked (an article uses one translation).

The same words given to different speakers are linked only when the shared run is long (five
words, three of them content words; a rewording needs a similarity of 0.8) and then flagged
``misattributed`` on the group and on the members whose speaker differs from the majority's.
Speakers are compared with :class:`quotes.variants.identity.SpeakerIndex` over the whole input, so
"Putin", "President Putin" and "Vladimir Putin" are one speaker. A quote with no speaker links
to others only through runs of three words or more (two content words).

Every quote that is not of kind ``name`` is in exactly one group, so groups are a partition of
the input and can be stored and extended (:class:`Aligner`). A group whose members all come
from one article (a singleton, or a phrase an article repeats) has no counterpart elsewhere: its
members carry ``cluster = None`` and ``variant = None``. In a group that spans articles, the
reference (``members[0]``) is the longest rendering and every other member is labelled against
it with :func:`quotes.variants.compare.compare`. Group ids are stable: a hash of the reference's
normalised text and article.
"""

from __future__ import annotations

import gc
import hashlib
import math
import sys
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from quotes.variants.blocking import BlockIndex, block_keys, query_keys
from quotes.variants.compare import Match, Rendering, compare, find_run, match, prepare
from quotes.models import AlignedQuote, Quote, QuoteGroup
from quotes.text.normalize import is_content_word, normalize
from quotes.variants.semantic import (
    Embedder,
    SemanticUnavailable,
    load_embedder,
    semantic_available,
)
from quotes.variants.identity import SpeakerIndex, same_speaker

__all__ = ["align", "Aligner", "AlignStats", "aligned_quotes", "is_cross_article", "SemanticFallbackWarning"]

# Link thresholds (see the module docstring for what each link means).
NEAR_LEXICAL = 0.5
"""Word-level similarity (within the aligned span) for a rewording of the same sentence."""
NEAR_SHARED = 3
"""Content words that must line up for a rewording."""
CROSS_SPEAKER_LEXICAL = 0.8
"""A rewording given to another speaker must be this close to count as the same words."""
CROSS_SPEAKER_WORDS, CROSS_SPEAKER_CONTENT = 5, 3
"""A run of words given to another speaker links only when this long (words, content words)."""
UNKNOWN_SPEAKER_WORDS, UNKNOWN_SPEAKER_CONTENT = 3, 2
"""A run of words whose speaker is unknown on one side links only when this long."""
TRANSLATION_COVERAGE = 0.4
"""Share of the shorter rendering's content words (IDF-weighted) a translation must share."""
TRANSLATION_SEMANTIC = 0.7
"""Embedding similarity for a translation sharing a single content word."""
SINGLE_WORD_EVIDENCE_WORDS, SINGLE_WORD_EVIDENCE_CONTENT = 4, 2
"""A translation sharing a single content word must be this short (words, content words)."""
TRANSLATION_SEMANTIC_VETO = 0.4
"""With the semantic extra, a lexically found translation below this similarity is rejected."""
TRANSLATION_LEXICAL = 0.4
"""Without the semantic extra, word-level similarity a translation needs (with two shared content words)."""

_KIND_RANK = {"contain": 3, "near": 2, "translation": 1}


class SemanticFallbackWarning(UserWarning):
    """The semantic extra is not available; alignment goes on lexically."""


_warned_fallback = False


def _warn_fallback(reason: str) -> None:
    global _warned_fallback
    if not _warned_fallback:
        _warned_fallback = True
        warnings.warn(f"aligning lexically only: {reason}", SemanticFallbackWarning, stacklevel=3)


@dataclass
class AlignStats:
    """Work counters: quotes indexed, candidate pairs from blocking, pairs aligned word by word."""

    quotes: int = 0
    candidate_pairs: int = 0
    pairs_scored: int = 0
    semantic_pairs: int = 0


@dataclass(slots=True)
class _Item:
    uid: str
    quote: Quote
    words: tuple[str, ...]  # normalised words
    keys: tuple[str, ...]  # their spelling keys
    content: tuple[str, ...]  # keys of the content words, each once
    n_content: int  # content words, repeats counted
    order: tuple[int, int, str, int]


@dataclass(slots=True)
class _Group:
    gid: str
    uids: list[str] = field(default_factory=list)


class _Link(NamedTuple):
    kind: str
    score: float
    target: str


def _order(q: Quote, r: Rendering) -> tuple[int, int, str, int]:
    # longest first (words, then characters), ties in input order
    return (-len(r.keys), -len(q.text), q.article, q.index)


def _plain_quote(q: Quote) -> Quote:
    if type(q) is Quote:
        return q
    return Quote.model_validate(q.model_dump(include=set(Quote.model_fields)))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many long-lived objects are created (it would
    otherwise rescan them over and over, which makes large corpora slower than linear)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def is_cross_article(group: QuoteGroup) -> bool:
    """True when the group holds renderings from at least two articles (a real alignment)."""
    return len({m.article for m in group.members}) >= 2


class Aligner:
    """Incremental alignment: keeps groups and adds new quotes to them without re-aligning all.

    >>> aligner = Aligner(semantic=False)
    >>> touched = aligner.add(quotes_of_monday)               # doctest: +SKIP
    >>> touched = aligner.add(quotes_of_tuesday)              # doctest: +SKIP
    >>> store.save(aligner.groups)                            # doctest: +SKIP
    >>> later = Aligner(groups=store.load(), semantic=False)  # doctest: +SKIP
    >>> later.add(quotes_of_wednesday)                        # doctest: +SKIP

    State is rebuilt from ``groups`` alone: every member is re-indexed (blocking keys, word
    statistics, speaker names) and stays in the group it was given, with that group's id.
    :meth:`add` finds, for each new quote, the existing quotes it could be linked to
    (blocking), dissolves their groups and groups those quotes and the new ones again with the
    same rules as :func:`align`; other groups are untouched. Aligning a corpus in several
    :meth:`add` calls gives the groups of one call, except in rare chains of links that run
    through quotes that were not candidates of the new ones. It returns the groups it created or
    re-created; :attr:`removed` then lists ids of earlier groups that no longer exist (their
    members are in the returned groups), so a store can drop them.

    ``semantic``: ``True`` requires the semantic extra (raises
    :class:`~quotes.variants.semantic.SemanticUnavailable`), ``False`` never uses it, ``None`` uses it
    when installed and otherwise warns once (:class:`SemanticFallbackWarning`) and goes on
    lexically. ``model`` names a sentence-transformers model; ``embedder`` passes one loaded
    already. The model is loaded only when a pair actually needs it.
    """

    def __init__(
        self,
        groups: Iterable[QuoteGroup] = (),
        *,
        semantic: Optional[bool] = None,
        model: Optional[str] = None,
        embedder: Optional[Embedder] = None,
        max_candidates: int = 10,
        max_postings: int = 200,
    ) -> None:
        self._semantic = semantic
        self._model = model
        self._embedder = embedder
        self._embedder_failed = False
        if embedder is None and semantic is not False and not semantic_available(model):
            if semantic is True:
                raise SemanticUnavailable("semantic similarity needs sentence-transformers; install the extra: pip install 'quotes[semantic]'")
            self._embedder_failed = True
            _warn_fallback("the semantic extra is not installed (pip install 'quotes[semantic]')")
        self._index = BlockIndex(max_postings=max_postings, max_candidates=max_candidates)
        self._speakers = SpeakerIndex()
        self._items: dict[str, _Item] = {}
        self._group_of: dict[str, str] = {}
        self._groups: dict[str, _Group] = {}
        self._views: dict[str, QuoteGroup] = {}
        self.removed: list[str] = []
        self.stats = AlignStats()
        existing = list(groups)
        if existing:
            self._speakers.add(m.speaker for g in existing for m in g.members)
            for g in existing:
                group = _Group(g.id)
                for m in [g.reference] + [m for m in g.members if m.id != g.reference.id]:
                    item = self._index_quote(_plain_quote(m))
                    if item is not None:
                        group.uids.append(item.uid)
                        self._group_of[item.uid] = g.id
                if group.uids:
                    self._groups[g.id] = group
                    self._views[g.id] = g

    # --- public API ----------------------------------------------------------------------------

    @property
    def groups(self) -> list[QuoteGroup]:
        """All groups, in the input order of their references."""
        out = [self._view(gid) for gid in self._groups]
        return sorted(out, key=lambda g: (g.reference.article, g.reference.index, g.id))

    @property
    def semantic(self) -> bool:
        """Whether a semantic model is in use (or will be loaded when first needed)."""
        return self._embedder is not None or (self._semantic is not False and not self._embedder_failed and semantic_available(self._model))

    def add(self, quotes: Iterable[Quote]) -> list[QuoteGroup]:
        """Align ``quotes`` with everything added before; returns the groups created or changed.

        Quotes of kind ``name`` and quotes already present (same ``article#index``) are skipped.
        """
        with _gc_paused():
            return self._add(quotes)

    def _add(self, quotes: Iterable[Quote]) -> list[QuoteGroup]:
        fresh = [q for q in quotes if q.kind != "name" and q.id not in self._items]
        self.removed = []
        if not fresh:
            return []
        self._speakers.add(q.speaker for q in fresh)
        new_uids: list[str] = []
        for q in fresh:
            item = self._index_quote(_plain_quote(q))
            if item is not None:
                new_uids.append(item.uid)
        affected_groups: set[str] = set()
        for uid in new_uids if self._group_of else ():
            item = self._items[uid]
            for other in self._index.candidates(uid, self._keys(item), keep=lambda o: o in self._group_of):
                affected_groups.add(self._group_of[other])
        regroup = set(new_uids)
        for gid in affected_groups:
            regroup.update(self._groups[gid].uids)
            del self._groups[gid]
            self._views.pop(gid, None)
        for uid in regroup:
            self._group_of.pop(uid, None)
        created = self._regroup(sorted(regroup, key=lambda u: self._items[u].order))
        self.removed = sorted(affected_groups - set(created))
        return [self._view(gid) for gid in created]

    # --- indexing ------------------------------------------------------------------------------

    def _index_quote(self, q: Quote) -> Optional[_Item]:
        uid = q.id
        if uid in self._items:
            return None
        r = prepare(q.text)
        words = tuple(sys.intern(w) for w in r.words)
        keys = tuple(sys.intern(k) for k in r.keys)
        content_keys = [k for w, k in zip(words, keys) if is_content_word(w)]
        item = _Item(uid, q, words, keys, tuple(dict.fromkeys(content_keys)), len(content_keys), _order(q, r))
        self._items[uid] = item
        self._index.add(uid, block_keys(r.words, self._speakers.key(q.speaker)))
        self.stats.quotes += 1
        return item

    def _keys(self, item: _Item) -> frozenset[str]:
        return query_keys(item.words, self._speakers.key(item.quote.speaker))

    def _idf(self, keys: Iterable[str]) -> dict[str, float]:
        """Rarity of the shorter quote's words among the *other* quotes (its own occurrence is
        not counted, so a word it shares with one other quote weighs as much as one it has alone)."""
        n = max(1, len(self._index) - 1)
        return {k: math.log(1 + n / max(1, self._index.df(k) - 1)) for k in keys}

    # --- semantic ------------------------------------------------------------------------------

    def _get_embedder(self) -> Optional[Embedder]:
        if self._embedder is not None:
            return self._embedder
        if self._semantic is False or self._embedder_failed:
            return None
        try:
            self._embedder = load_embedder(self._model)
        except SemanticUnavailable as exc:
            if self._semantic is True:
                raise
            self._embedder_failed = True
            _warn_fallback(str(exc))
            return None
        return self._embedder

    # --- linking -------------------------------------------------------------------------------

    def _speaker_relation(self, a: _Item, b: _Item) -> str:
        ka, kb = self._speakers.key(a.quote.speaker), self._speakers.key(b.quote.speaker)
        if not ka or not kb:
            return "unknown"
        return "same" if ka == kb else "other"

    @staticmethod
    def _contain_ok(speakers: str, n_words: int, n_content: int) -> bool:
        if n_content == 0:
            return False
        if speakers == "same":
            return True
        if speakers == "unknown":
            return n_words >= UNKNOWN_SPEAKER_WORDS and n_content >= UNKNOWN_SPEAKER_CONTENT
        return n_words >= CROSS_SPEAKER_WORDS and n_content >= CROSS_SPEAKER_CONTENT

    def _prelink(self, long: _Item, short: _Item) -> Optional[tuple[str, Optional[Match]]]:
        """Lexical part of the link test; returns (kind, match) where kind may be 'translation?'
        (needs the semantic check) or None when no link is possible."""
        speakers = self._speaker_relation(long, short)
        same_article = long.quote.article == short.quote.article
        short_content = set(short.content)
        shared_upper = len(short_content.intersection(long.content))
        contained_upper = shared_upper == len(short_content)
        if not contained_upper and shared_upper < NEAR_SHARED:
            # only a translation is left: same speaker, another article, and two shared content
            # words, or one for a short fragment
            short_fragment = len(short.keys) <= SINGLE_WORD_EVIDENCE_WORDS and short.n_content <= SINGLE_WORD_EVIDENCE_CONTENT
            if speakers != "same" or same_article or shared_upper < (1 if short_fragment else 2):
                return None
        # upper bound on the words an alignment can match, before paying for one
        n_short = len(short.keys)
        common = sum((Counter(short.keys) & Counter(long.keys)).values())
        if common < n_short:
            if same_article:
                return None  # within one article only copies and truncations link
            bound = 2 * common / (n_short + common) if common else 0.0
            short_enough = speakers == "same" and n_short <= SINGLE_WORD_EVIDENCE_WORDS
            if bound < min(NEAR_LEXICAL, TRANSLATION_LEXICAL) and not short_enough:
                return None
        self.stats.pairs_scored += 1
        if common == n_short and find_run(long.keys, short.keys) >= 0:  # a copy or truncation: no alignment needed
            return ("contain", None) if self._contain_ok(speakers, n_short, short.n_content) else None
        m = match(long.quote.text, short.quote.text)
        n_words, n_content = len(m.b.keys), len(m.content)
        if m.contained:
            return ("contain", m) if self._contain_ok(speakers, n_words, n_content) else None
        if same_article:
            return None
        shared = len(m.shared)
        if shared >= NEAR_SHARED and m.lexical >= NEAR_LEXICAL:
            if speakers != "other" or m.lexical >= CROSS_SPEAKER_LEXICAL:
                return "near", m
        if speakers != "same" or shared == 0:
            return None
        coverage = m.coverage(self._idf(m.content))
        if coverage < TRANSLATION_COVERAGE:
            return None
        if shared >= 2 and m.lexical >= TRANSLATION_LEXICAL:
            return "translation-lexical", m
        if n_words <= SINGLE_WORD_EVIDENCE_WORDS and n_content <= SINGLE_WORD_EVIDENCE_CONTENT:
            return "translation?", m
        return None

    def _final_link(self, kind: str, m: Optional[Match], emb: Optional[Embedder]) -> Optional[tuple[str, float]]:
        if m is None or kind == "contain":
            return kind, 1.0
        if kind == "near":
            return kind, m.lexical
        if emb is None:
            return ("translation", m.lexical) if kind == "translation-lexical" else None
        self.stats.semantic_pairs += 1
        sim = emb.similarity(m.window_text, m.b.text)
        if kind == "translation-lexical":
            return ("translation", sim) if sim >= TRANSLATION_SEMANTIC_VETO else None
        return ("translation", sim) if sim >= TRANSLATION_SEMANTIC else None

    # --- grouping ------------------------------------------------------------------------------

    def _regroup(self, uids: Sequence[str]) -> list[str]:
        """Greedy grouping of ``uids`` (sorted longest first): each quote joins the group of
        its best link among the quotes before it, or starts a group."""
        rank = {u: i for i, u in enumerate(uids)}
        pending: dict[str, list[tuple[str, str, Optional[Match]]]] = {}
        needs_semantic: list[tuple[str, str]] = []
        for uid in uids:
            item = self._items[uid]
            cands = self._index.candidates(uid, self._keys(item), keep=lambda o: o in rank and rank[o] < rank[uid])
            self.stats.candidate_pairs += len(cands)
            found: list[tuple[str, str, Optional[Match]]] = []
            for other in cands:
                pre = self._prelink(self._items[other], item)
                if pre is not None:
                    found.append((other, pre[0], pre[1]))
                    m = pre[1]
                    if m is not None and pre[0].startswith("translation"):
                        needs_semantic.append((m.window_text, m.b.text))
            pending[uid] = found
        emb = self._get_embedder() if needs_semantic else None
        if emb is not None:
            emb.prefetch(t for pair in needs_semantic for t in pair)

        local_group: dict[str, int] = {}
        members: list[list[str]] = []
        for uid in uids:
            links: list[_Link] = []
            for other, kind, m in pending.pop(uid):
                final = self._final_link(kind, m, emb)
                if final is not None:
                    links.append(_Link(final[0], final[1], other))
            target = self._choose(uid, links, local_group, members)
            if target is None:
                local_group[uid] = len(members)
                members.append([uid])
            else:
                local_group[uid] = target
                members[target].append(uid)

        created: list[str] = []
        for uids_of_group in members:
            gid = self._new_id(self._items[uids_of_group[0]].quote)
            self._groups[gid] = _Group(gid, uids_of_group)
            for u in uids_of_group:
                self._group_of[u] = gid
            created.append(gid)
        self._label(created)
        return created

    def _choose(self, uid: str, links: list[_Link], local_group: dict[str, int], members: list[list[str]]) -> Optional[int]:
        if not links:
            return None
        item = self._items[uid]
        best: dict[int, _Link] = {}
        for link in links:
            g = local_group[link.target]
            cur = best.get(g)
            if cur is None or (_KIND_RANK[link.kind], link.score) > (_KIND_RANK[cur.kind], cur.score):
                best[g] = link
        if len(best) == 1:
            return next(iter(best))
        short = len(item.keys) <= 2 or len(item.content) <= 1
        if short:
            # a short fragment that occurs in several groups: only its own article can tell which
            own = [g for g in best if any(self._items[u].quote.article == item.quote.article for u in members[g])]
            return own[0] if len(own) == 1 else None
        return max(best, key=lambda g: (_KIND_RANK[best[g].kind], best[g].score, -g))

    def _new_id(self, ref: Quote) -> str:
        digest = hashlib.sha1(f"{normalize(ref.text)}\x00{ref.article}".encode()).hexdigest()[:12]
        gid, n = f"q{digest}", 2
        while gid in self._groups:
            gid, n = f"q{digest}-{n}", n + 1
        return gid

    # --- labels and views ----------------------------------------------------------------------

    def _label(self, gids: Sequence[str]) -> None:
        # embed, in one batch, every pair whose label may need the semantic score
        pairs: list[str] = []
        for gid in gids:
            uids = self._groups[gid].uids
            if len(uids) < 2 or len({self._items[u].quote.article for u in uids}) < 2:
                continue
            ref = self._items[uids[0]]
            for u in uids[1:]:
                other = self._items[u]
                if find_run(ref.keys, other.keys) >= 0:
                    continue
                m = match(ref.quote.text, other.quote.text)
                if not m.contained:
                    pairs += [m.window_text, m.b.text]
        emb = self._get_embedder() if pairs else None
        if emb is not None:
            emb.prefetch(pairs)
        for gid in gids:
            self._views[gid] = self._build_view(gid, emb)

    def _build_view(self, gid: str, emb: Optional[Embedder] = None) -> QuoteGroup:
        group = self._groups[gid]
        items = [self._items[u] for u in group.uids]
        ref = items[0]
        keys = [self._speakers.key(i.quote.speaker) for i in items]
        known = Counter(k for k in keys if k)
        majority = known.most_common(1)[0][0] if known else ""
        misattributed = {
            i.uid for i, k in zip(items, keys) if k and majority and k != majority and not same_speaker(k, majority)
        }
        cross = len({i.quote.article for i in items}) >= 2
        rest = sorted(items[1:], key=lambda i: (i.quote.article, i.quote.index))
        out: list[AlignedQuote] = []
        for item in [ref] + rest:
            base = item.quote.model_dump()
            flags = ["misattributed"] if item.uid in misattributed else []
            if not cross:
                out.append(AlignedQuote(**base, flags=flags))
                continue
            if item is ref:
                out.append(AlignedQuote(**base, cluster=gid, variant="reference", score=1.0, flags=flags))
                continue
            v = compare(ref.quote.text, item.quote.text, embedder=emb)
            out.append(
                AlignedQuote(**base, cluster=gid, variant=v.label, score=v.score, diff=v.diff, reasons=v.reasons, flags=flags)
            )
        speaker = self._speakers.display(majority) if majority else None
        flags = ["misattributed"] if misattributed else []
        return QuoteGroup(id=gid, speaker=speaker, reference=out[0], members=out, flags=flags)

    def _view(self, gid: str) -> QuoteGroup:
        view = self._views.get(gid)
        if view is None:
            view = self._views[gid] = self._build_view(gid, self._embedder)
        return view


def align(
    quotes: Iterable[Quote],
    *,
    semantic: Optional[bool] = None,
    model: Optional[str] = None,
    embedder: Optional[Embedder] = None,
) -> list[QuoteGroup]:
    """Group the renderings of the same utterance in ``quotes`` (see the module docstring).

    Returns every group, singletons included, in input order of their references: every quote
    not of kind ``name`` is in exactly one group. ``semantic``: see :class:`Aligner`.

    >>> [len(g.members) for g in align([], semantic=False)]
    []
    """
    aligner = Aligner(semantic=semantic, model=model, embedder=embedder)
    aligner.add(quotes)
    return aligner.groups


def aligned_quotes(quotes: Iterable[Quote], groups: Iterable[QuoteGroup]) -> list[AlignedQuote]:
    """One :class:`~quotes.models.AlignedQuote` per quote of ``quotes``, in their order: the
    ``quotes align --format jsonl`` rows. Quotes in no group (kind ``name``) get null alignment
    fields; so do members of groups that do not span two articles."""
    by_id: dict[str, AlignedQuote] = {}
    for g in groups:
        for m in g.members:
            by_id.setdefault(m.id, m)
    rows: list[AlignedQuote] = []
    for q in quotes:
        row = by_id.get(q.id)
        rows.append(row if row is not None else AlignedQuote(**_plain_quote(q).model_dump()))
    return rows
