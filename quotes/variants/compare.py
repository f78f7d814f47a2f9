"""Compare two renderings of a quote word by word: ``compare(reference, other) -> Variant``.

>>> v = compare("advance non-stop,", "advance nonstop")
>>> v.label, v.score
('orthographic', 1.0)
>>> v = compare("This was fully proved by the heroic participation of the soldiers",
...             "This was evidenced by the heroic participation of the soldiers")
>>> v.label, [(r.code, r.a, r.b) for r in v.reasons]
('drift', [('qualifier', 'fully proved', 'evidenced')])
>>> compare("We did not order the strike", "We did order the strike").label
'drift'

How it works: both texts are normalised (:mod:`quotes.text.normalize`), words that are spelling
variants of each other count as equal (:func:`quotes.text.normalize.spelling_key`), and the shorter
rendering is aligned against the best-matching span ("window") of the longer one: a global
alignment of the short one, a local one of the long one, so a fragment finds its place inside a
sentence. The word-level diff comes from that alignment; the drift reasons from its changed
regions (:mod:`quotes.variants.drift`). Labels, in order of precedence:

- ``identical``: the same characters (outer whitespace aside);
- ``orthographic``: the same words after normalisation (case, punctuation, hyphens, spelling);
- ``truncation``: after normalisation one is a continuous part of the other;
- ``drift``: a change that alters what was said (see :mod:`quotes.variants.drift` for the reasons); with
  the semantic extra also ``wording`` when the words and the meaning are both far apart;
- ``translation``: other words for the same content (synonyms, a dropped list item).

:func:`compare` labels a pair it is told is two renderings of one utterance; deciding whether
two quotes *are* renderings of one utterance is :mod:`quotes.variants.align`'s job (:func:`match` gives
it the measures it needs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Optional, Union

from rapidfuzz.distance import Levenshtein

from quotes.variants.drift import ClauseGroup, Region, drift_reasons, same_notation
from quotes.models import DiffOp, DriftReason, Quote, Variant
from quotes.text.normalize import STOPWORDS, WordToken, is_content_word, spelling_key, tokens
from quotes.variants.units import EDITORIAL_RE, GAP_RE, comparable_text, nested_quotes, speaker_text, split_gaps

if TYPE_CHECKING:  # pragma: no cover
    from quotes.variants.semantic import Embedder

__all__ = ["compare", "match", "semi_global", "clause_of", "aligned_clauses", "whole_sentences", "find_run", "Match", "PreparedText", "prepare", "SEMANTIC_DRIFT"]

HARD_REASONS = frozenset({"negation", "number", "entity", "content_added", "content_cut"})
"""Changes of what was said: they count wherever the renderings can be read word against word."""
SOFT_REASONS = frozenset({"qualifier", "modality", "tense"})
"""Changes of strength, mood or time: translators make them all the time, so they count only
between renderings that are otherwise near-verbatim."""
READABLE = 0.5
"""Word-level similarity below which two renderings are other translations: a diff between
them lines up unrelated words, so no reason is read off it."""
NEAR_VERBATIM = {"qualifier": 0.6, "modality": 0.9, "tense": 0.9}
"""Word-level similarity of the rest of the renderings (the edit itself left out) from which a
soft reason counts. A listed qualifier dropped is the clearest of the three (most words shared
is enough); translators change modals and tenses all the time ("has to" / "will have to"), so
those count only when nine words in ten are the same."""
MODIFIER_VERBATIM = 0.8
"""A dropped or added modifier that is not a listed qualifier is guessed from word shapes; it
counts only between renderings that share four words in five."""
MAX_CLAIM_EDIT = 8
"""Added or cut content longer than this many words is a neighbouring passage taken in or left
out (an outlet's choice of excerpt), not a change of one claim."""
LOCAL_EDIT = 3
"""A reason read off a changed stretch longer than this (words, either side) is a rewording
of the passage, not a change of one claim."""

SEMANTIC_DRIFT = 0.45
"""Below this embedding similarity, a pair whose words also mostly differ is labelled drift
(reason ``wording``) instead of translation."""
WORDING_MIN_WORDS = 5
"""The fewest words the shorter rendering needs before ``wording`` drift is read off embeddings:
a clause of its own (subject, verb, object, with an article or two) is about five words. A
shorter rendering is a phrase taken out of the sentence; its embedding is far from the sentence's
because most of the sentence is missing (a truncation), not because what was said changed."""

_MATCH, _MISMATCH, _GAP = 2, -1, -1


@dataclass(frozen=True)
class PreparedText:
    """A text prepared for comparison: its tokens, their comparison keys, which are names."""

    text: str
    tokens: tuple[WordToken, ...]
    keys: tuple[str, ...]
    proper: tuple[int, ...]

    @property
    def words(self) -> list[str]:
        return [t.word for t in self.tokens]

    def surface(self, i: int, j: int) -> str:
        """The original text of tokens ``[i, j)`` ('' when empty)."""
        if j <= i:
            return ""
        return self.text[self.tokens[i].start : self.tokens[j - 1].end]


PROPER, MAYBE_PROPER = 2, 1


def _is_proper(text: str, tok: WordToken, index: int) -> int:
    """2: written as a name (capitalised inside a sentence, or an acronym); 1: capitalised at the
    start of a sentence, so maybe a name; 0: not a name."""
    surface = text[tok.start : tok.end]
    if len(surface) >= 2 and surface.isupper() and any(c.isalpha() for c in surface):
        return PROPER  # acronym: DPRK, NATO
    if not surface[:1].isupper() or surface == "I":
        return 0
    before = text[: tok.start].rstrip(" \t\u00a0\"'\u201c\u2018\u00ab(")
    if index > 0 and before and before[-1] not in ".!?:;\n\u2026":
        return PROPER
    return MAYBE_PROPER if tok.word not in STOPWORDS and len(tok.word) > 1 else 0


@lru_cache(maxsize=8192)
def prepare(text: str) -> PreparedText:
    """Tokenise and key ``text`` once (cached per text)."""
    toks = tuple(tokens(text))
    keys = tuple(spelling_key(t.word) for t in toks)
    proper = tuple(_is_proper(text, t, i) for i, t in enumerate(toks))
    content = [i for i, t in enumerate(toks) if t.word not in STOPWORDS]
    if len(content) >= 3 and all(text[toks[i].start : toks[i].start + 1].isupper() for i in content):
        proper = tuple(0 for _ in toks)  # a headline in title case: capitals say nothing about names
    return PreparedText(text, toks, keys, proper)


def _merge_splits(r: PreparedText, other_keys: frozenset[str]) -> PreparedText:
    """Join adjacent words whose concatenation is one word of the other text ("non stop" → "nonstop")."""
    if len(r.keys) < 2:
        return r
    toks, keys, proper = list(r.tokens), list(r.keys), list(r.proper)
    i, changed = 0, False
    while i < len(keys) - 1:
        joined = spelling_key(toks[i].word + toks[i + 1].word)
        if keys[i] not in other_keys and joined in other_keys:
            toks[i : i + 2] = [WordToken(toks[i].word + toks[i + 1].word, toks[i].start, toks[i + 1].end)]
            keys[i : i + 2] = [joined]
            proper[i : i + 2] = [max(proper[i], proper[i + 1])]
            changed = True
        else:
            i += 1
    return PreparedText(r.text, tuple(toks), tuple(keys), tuple(proper)) if changed else r


def semi_global(
    a: Sequence[str],
    b: Sequence[str],
    score: Optional[Callable[[int, int], int]] = None,
    *,
    prefer_last: bool = True,
) -> list[tuple[str, int, int]]:
    """Align all of ``b`` against the best span of ``a``; returns steps ``(tag, i, j)``.

    The one semi-global alignment of the package (renderings here, a quote against a source passage
    in :mod:`quotes.variants.origin`): a global alignment of ``b``, a local one of ``a``, so a
    fragment finds its place inside a sentence. ``score(i, j)`` scores pairing ``a[i]`` with
    ``b[j]`` (default: +2 the same word, -1 another); a word added or dropped costs 1; words of
    ``a`` before and after the span are free. Tags: ``equal`` (a pair scored above 0),
    ``replace``, ``delete`` (a word of ``a`` dropped), ``insert`` (a word of ``b`` added). On a
    tie of spans ``prefer_last`` takes the one ending last (a span that takes in a substituted last
    word), else the first.

    >>> semi_global("so we lose our jobs".split(), "we lost our jobs".split())
    [('equal', 1, 0), ('replace', 2, 1), ('equal', 3, 2), ('equal', 4, 3)]
    """
    n, m = len(a), len(b)
    if m == 0:
        return []
    # H[i][j]: best score of b[:j] aligned with a span of a ending at i. Back-pointers in T.
    prev = [-j for j in range(m + 1)]
    rows_t: list[bytearray] = [bytearray(m + 1)]
    best_i, best = 0, prev[m]
    b_list = list(b)
    for i in range(1, n + 1):
        ai = a[i - 1]
        cur = [0] * (m + 1)
        t = bytearray(m + 1)
        left = 0  # cur[0]: a span may start anywhere in a, for free
        for j in range(1, m + 1):
            if score is None:
                diag = prev[j - 1] + (_MATCH if ai == b_list[j - 1] else _MISMATCH)
            else:
                diag = prev[j - 1] + score(i - 1, j - 1)
            up = prev[j] + _GAP  # a word of a dropped
            left += _GAP  # a word of b added
            if diag >= up and diag >= left:
                left = diag
            elif up >= left:
                left = up
                t[j] = 1
            else:
                t[j] = 2
            cur[j] = left
        rows_t.append(t)
        if cur[m] > best or (prefer_last and cur[m] == best):
            best, best_i = cur[m], i
        prev = cur
    steps: list[tuple[str, int, int]] = []
    i, j = best_i, m
    while j > 0:
        if i == 0:
            steps.append(("insert", i, j - 1))
            j -= 1
            continue
        move = rows_t[i][j]
        if move == 0:
            paired = a[i - 1] == b[j - 1] if score is None else score(i - 1, j - 1) > 0
            steps.append(("equal" if paired else "replace", i - 1, j - 1))
            i, j = i - 1, j - 1
        elif move == 1:
            steps.append(("delete", i - 1, j))
            i -= 1
        else:
            steps.append(("insert", i, j - 1))
            j -= 1
    steps.reverse()
    return steps


def _global(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int, int]]:
    """Word-level Levenshtein alignment of two texts of about the same length (rapidfuzz), in
    the steps of :func:`semi_global`; words of ``a`` dropped at either end are left out (outside the span)."""
    steps: list[tuple[str, int, int]] = []
    for op in Levenshtein.opcodes(a, b):
        if op.tag in ("equal", "replace"):
            steps.extend((op.tag, op.src_start + k, op.dest_start + k) for k in range(op.src_end - op.src_start))
        elif op.tag == "delete":
            steps.extend(("delete", i, op.dest_start) for i in range(op.src_start, op.src_end))
        else:
            steps.extend(("insert", op.src_start, j) for j in range(op.dest_start, op.dest_end))
    while steps and steps[0][0] == "delete":
        steps.pop(0)
    while steps and steps[-1][0] == "delete":
        steps.pop()
    return steps


@dataclass(frozen=True)
class Match:
    """How the shorter rendering ``b`` sits inside the longer ``a`` (``swapped`` when the caller's
    first text was the shorter one; ``a``/``b`` here are always long/short).

    - ``window``: the token span of ``a`` the alignment covers;
    - ``equal``: words matched (orthographic variants count), ``exact``: of which identical;
    - ``regions``: the changed stretches inside the window;
    - ``lexical``: ``2 * equal / (len(b) + window length)``, 0..1;
    - ``shared``: content-word keys of ``b`` matched in ``a``; ``content``: all of ``b``'s.
    """

    a: PreparedText
    b: PreparedText
    swapped: bool
    steps: tuple[tuple[str, int, int], ...]
    window: tuple[int, int]
    equal: int
    regions: tuple[Region, ...]

    @property
    def lexical(self) -> float:
        span = self.window[1] - self.window[0]
        total = len(self.b.keys) + span
        return 2 * self.equal / total if total else 1.0

    @property
    def contained(self) -> bool:
        """Every word of the shorter text matched, in one unbroken stretch of the longer."""
        return not self.regions and self.equal == len(self.b.keys) > 0

    @property
    def same_words(self) -> bool:
        """Both texts have the same words after normalisation."""
        return self.contained and self.window == (0, len(self.a.keys)) and len(self.a.keys) == len(self.b.keys)

    @property
    def shared(self) -> list[str]:
        return [self.b.keys[j] for tag, _, j in self.steps if tag == "equal" and is_content_word(self.b.keys[j])]

    @property
    def content(self) -> list[str]:
        return [k for k in self.b.keys if is_content_word(k)]

    @property
    def window_text(self) -> str:
        return self.a.surface(*self.window)


_CLAUSE_BREAK = re.compile(r"[.,;:!?\u2014\u2013]|\s-\s")
"""Punctuation between two words that ends a clause (a comma, a dash, a sentence end)."""


def clause_of(r: PreparedText) -> tuple[int, ...]:
    """The clause number of each token of ``r``: a new clause starts after clause punctuation.

    >>> clause_of(prepare("We did not order it, but we knew. They went"))
    (0, 0, 0, 0, 0, 1, 1, 1, 2, 2)
    """
    out: list[int] = []
    k = 0
    for i, t in enumerate(r.tokens):
        if i and _CLAUSE_BREAK.search(r.text[r.tokens[i - 1].end : t.start]):
            k += 1
        out.append(k)
    return tuple(out)


def aligned_clauses(m: Match) -> list[ClauseGroup]:
    """The groups of clauses the alignment links: a shared word links a clause of the longer text
    with one of the shorter text. ``a``: the group's words of the longer text inside the window,
    ``a_full``: all words of its clauses; ``b``/``b_full``: the shorter text's. A clause that
    shares no word with the other rendering is in no group: what it says is content added or cut,
    not a change of a clause the other rendering also has."""
    ca, cb = clause_of(m.a), clause_of(m.b)
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for tag, i, j in m.steps:
        if tag == "equal":
            parent[find(("a", ca[i]))] = find(("b", cb[j]))
    groups: dict[tuple[str, int], tuple[list[str], list[str], list[str]]] = {}
    for i, t in enumerate(m.a.tokens):
        if ("a", ca[i]) in parent:
            g = groups.setdefault(find(("a", ca[i])), ([], [], []))
            g[2].append(t.word)
            if m.window[0] <= i < m.window[1]:
                g[0].append(t.word)
    for j, t in enumerate(m.b.tokens):
        if ("b", cb[j]) in parent:
            groups.setdefault(find(("b", cb[j])), ([], [], []))[1].append(t.word)
    return [ClauseGroup(a=tuple(a), b=tuple(b), a_full=tuple(full), b_full=tuple(b)) for a, b, full in groups.values()]


_SENTENCE_END = re.compile(r"[.!?]")


def whole_sentences(r: PreparedText, first: int, last: int) -> bool:
    """Whether tokens ``first..last`` (inclusive) of ``r`` are whole sentences: a sentence end (or
    the text's start) before the first, one (or the text's end) after the last.

    >>> r = prepare("Stop the games. The state must work,")
    >>> whole_sentences(r, 3, 6), whole_sentences(r, 4, 6), whole_sentences(r, 0, 2)
    (True, False, True)
    """
    toks = r.tokens
    starts = first == 0 or bool(_SENTENCE_END.search(r.text[toks[first - 1].end : toks[first].start]))
    ends = last == len(toks) - 1 or bool(_SENTENCE_END.search(r.text[toks[last].end : toks[last + 1].start]))
    return starts and ends


def _steps_to_regions(a: PreparedText, b: PreparedText, steps: Sequence[tuple[str, int, int]]) -> list[Region]:
    regions: list[Region] = []
    cur_a: list[int] = []
    cur_b: list[int] = []
    before: Optional[str] = None

    def flush(after: Optional[str]) -> None:
        if not cur_a and not cur_b:
            return
        regions.append(
            Region(
                a=[a.tokens[i].word for i in cur_a],
                b=[b.tokens[j].word for j in cur_b],
                a_text=a.surface(cur_a[0], cur_a[-1] + 1) if cur_a else "",
                b_text=b.surface(cur_b[0], cur_b[-1] + 1) if cur_b else "",
                a_proper=[a.proper[i] for i in cur_a],
                b_proper=[b.proper[j] for j in cur_b],
                before=before,
                after=after,
                a_surface=[a.text[a.tokens[i].start : a.tokens[i].end] for i in cur_a],
                b_surface=[b.text[b.tokens[j].start : b.tokens[j].end] for j in cur_b],
                a_sentences=bool(cur_a) and whole_sentences(a, cur_a[0], cur_a[-1]),
                b_sentences=bool(cur_b) and whole_sentences(b, cur_b[0], cur_b[-1]),
            )
        )
        cur_a.clear()
        cur_b.clear()

    for tag, i, j in steps:
        if tag == "equal":
            flush(a.tokens[i].word)
            before = a.tokens[i].word
            continue
        if tag in ("replace", "delete"):
            cur_a.append(i)
        if tag in ("replace", "insert"):
            cur_b.append(j)
    flush(None)
    return regions


def _window(steps: Sequence[tuple[str, int, int]]) -> tuple[int, int]:
    idx = [i for tag, i, _ in steps if tag != "insert"]
    if not idx:
        first_insert = steps[0][1] if steps else 0
        return first_insert, first_insert
    return min(idx), max(idx) + 1


def find_run(long_keys: Sequence[str], short_keys: Sequence[str]) -> int:
    """Index where ``short_keys`` occurs as an unbroken run of ``long_keys``, or -1."""
    if not short_keys:
        return -1
    sep = "\x1f"
    hay = sep + sep.join(long_keys) + sep
    pos = hay.find(sep + sep.join(short_keys) + sep)
    return -1 if pos < 0 else hay.count(sep, 0, pos)


def _match(long_r: PreparedText, short_r: PreparedText, swapped: bool) -> Match:
    start = find_run(long_r.keys, short_r.keys)
    if start >= 0:  # fast path: a copy or a truncation, no alignment needed
        steps = [("equal", start + j, j) for j in range(len(short_r.keys))]
        return Match(a=long_r, b=short_r, swapped=swapped, steps=tuple(steps), window=(start, start + len(short_r.keys)), equal=len(steps), regions=())
    long_r = _merge_splits(long_r, frozenset(short_r.keys))
    short_r = _merge_splits(short_r, frozenset(long_r.keys))
    if len(long_r.keys) - len(short_r.keys) <= 2:
        steps = _global(long_r.keys, short_r.keys)  # two full renderings: C speed
    else:
        steps = semi_global(long_r.keys, short_r.keys)
    equal = sum(1 for tag, _, _ in steps if tag == "equal")
    return Match(
        a=long_r,
        b=short_r,
        swapped=swapped,
        steps=tuple(steps),
        window=_window(steps),
        equal=equal,
        regions=tuple(_steps_to_regions(long_r, short_r, steps)),
    )


@lru_cache(maxsize=4096)
def _match_texts(a: str, b: str) -> Match:
    ra, rb = prepare(a), prepare(b)
    if len(rb.keys) > len(ra.keys):
        return _match(rb, ra, swapped=True)
    return _match(ra, rb, swapped=False)


def match(a: str, b: str) -> Match:
    """Align the shorter of ``a``/``b`` (in words) inside the longer one (cached per pair).

    >>> m = match("advance the heroic cause non-stop", "heroic cause")
    >>> m.contained, m.window_text
    (True, 'heroic cause')
    """
    return _match_texts(a, b)


def _diff(m: Match) -> list[DiffOp]:
    """Word diff turning the longer text into the shorter one (words outside the window deleted)."""
    a, b = m.a, m.b
    ops: list[DiffOp] = []

    def push(op: str, at: str, bt: str) -> None:
        if ops and ops[-1].op == op and op != "replace":
            last = ops[-1]
            ops[-1] = DiffOp(op=op, a=f"{last.a} {at}".strip(), b=f"{last.b} {bt}".strip())  # type: ignore[arg-type]
        else:
            ops.append(DiffOp(op=op, a=at, b=bt))  # type: ignore[arg-type]

    if m.window[0] > 0:
        push("delete", a.surface(0, m.window[0]), "")
    run_a: list[int] = []
    run_b: list[int] = []

    def flush() -> None:
        if run_a or run_b:
            at = a.surface(run_a[0], run_a[-1] + 1) if run_a else ""
            bt = b.surface(run_b[0], run_b[-1] + 1) if run_b else ""
            push("replace" if run_a and run_b else "delete" if run_a else "insert", at, bt)
            run_a.clear()
            run_b.clear()

    eq_a: list[int] = []
    eq_b: list[int] = []

    def flush_equal() -> None:
        if eq_a:
            push("equal", a.surface(eq_a[0], eq_a[-1] + 1), b.surface(eq_b[0], eq_b[-1] + 1))
            eq_a.clear()
            eq_b.clear()

    for tag, i, j in m.steps:
        if tag == "equal":
            flush()
            eq_a.append(i)
            eq_b.append(j)
            continue
        flush_equal()
        if tag in ("replace", "delete"):
            run_a.append(i)
        if tag in ("replace", "insert"):
            run_b.append(j)
    flush()
    flush_equal()
    if m.window[1] < len(a.tokens):
        push("delete", a.surface(m.window[1], len(a.tokens)), "")
    return ops


def _swap_ops(ops: list[DiffOp]) -> list[DiffOp]:
    flip = {"delete": "insert", "insert": "delete", "equal": "equal", "replace": "replace"}
    return [DiffOp(op=flip[o.op], a=o.b, b=o.a) for o in ops]  # type: ignore[arg-type]


def _flip(r: Region) -> Region:
    return Region(
        a=r.b, b=r.a, a_text=r.b_text, b_text=r.a_text, a_proper=r.b_proper, b_proper=r.a_proper,
        before=r.before, after=r.after, a_surface=r.b_surface, b_surface=r.a_surface,
        a_sentences=r.b_sentences, b_sentences=r.a_sentences,
    )


def _text(x: Union[Quote, str]) -> str:
    return x.text if isinstance(x, Quote) else x


def compare(a: Union[Quote, str], b: Union[Quote, str], *, embedder: Optional["Embedder"] = None) -> Variant:
    """Label ``b`` as a rendering of the reference ``a``: label, scores, word diff, drift reasons.

    ``diff`` turns ``a`` into ``b`` (``delete`` = words of ``a`` that ``b`` lacks). With an
    ``embedder`` (:class:`quotes.variants.semantic.Embedder`) ``semantic`` holds the embedding similarity of
    ``b`` and the matching span of ``a``.

    >>> v = compare("The plan will cost 5 billion dollars", "The plan would cost 7 billion dollars")
    >>> v.label, sorted(r.code for r in v.reasons)
    ('drift', ['number'])
    >>> v.notes
    ['drift: number', 'not counted as drift: modal changed: will → would (the renderings differ in other words too)']
    >>> [r.code for r in compare("The plan will cost 5 billion dollars", "The plan would cost 5 billion dollars").reasons]
    ['modality']
    """
    ra, rb = _text(a), _text(b)
    if ra.strip() == rb.strip():
        return Variant(label="identical", score=1.0, lexical=1.0, diff=[DiffOp(op="equal", a=ra.strip(), b=rb.strip())],
                       notes=["identical: the same characters"])
    notes = _editorial_notes(ra) + _editorial_notes(rb) + _nested_notes(ra) + _nested_notes(rb)
    ta, tb = _spoken(ra), _spoken(rb)
    v = _compare(ta, tb, split_gaps(comparable_text(rb)), embedder, _gloss_words(ra, rb))
    return v.model_copy(update={"notes": [_why(v), *v.notes, *notes]})


def _why(v: Variant) -> str:
    """The label's rule in words, so a user can check it (drift also lists its reasons)."""
    if v.label == "identical":
        return "identical: the same characters"
    if v.label == "orthographic":
        return "orthographic: the same words once case, punctuation, hyphens and spelling are folded"
    if v.label == "truncation":
        return "truncation: a continuous part of the other rendering (or its parts around a gap, in order)"
    if v.label == "translation":
        return f"translation: other words, no change of claim found ({v.lexical:.0%} word similarity)"
    return "drift: " + ", ".join(dict.fromkeys(r.code for r in v.reasons))


def _spoken(text: str) -> str:
    """The words compared: editorial insertions and nested quotations out, gaps (ellipses) as plain breaks."""
    return " ".join(GAP_RE.sub(" ", comparable_text(text)).split())


def _nested_notes(text: str) -> list[str]:
    return [f"nested quotation {q} is quoted on its own: left out of the comparison" for q in nested_quotes(text)
            if comparable_text(text) != speaker_text(text)]


def _editorial_notes(text: str) -> list[str]:
    return [f"editorial insertion {m.group()} is not the speaker's words: left out of the comparison"
            for m in EDITORIAL_RE.finditer(text) if not GAP_RE.fullmatch(m.group()) and speaker_text(m.group()) != m.group()[1:-1]]


def _compare(ta: str, tb: str, parts: list[str], embedder: Optional["Embedder"], glosses: frozenset[str] = frozenset()) -> Variant:
    if len(parts) > 1:  # a gap (ellipsis) in the variant: each part in the reference, in order, is a truncation
        pa = prepare(ta)
        start, inside = 0, True
        for p in parts:
            at = find_run(pa.keys[start:], prepare(p).keys)
            if at < 0:
                inside = False
                break
            start += at + len(prepare(p).keys)
        if inside:
            m = match(ta, " ".join(parts))
            return Variant(label="truncation", score=1.0, lexical=round(m.lexical, 4), diff=_diff(m))
    m = match(ta, tb)
    diff = _diff(m)
    if m.swapped:
        diff = _swap_ops(diff)
    lexical = round(m.lexical, 4)
    if not m.a.keys or not m.b.keys:
        # one side has no words at all (only punctuation): nothing to align
        if not m.a.keys and not m.b.keys:
            return Variant(label="orthographic", score=1.0, lexical=1.0, diff=diff)
        code = "content_added" if m.swapped else "content_cut"
        reasons = [DriftReason(code=code, detail="one rendering has no words", a=ta, b=tb)]
        return Variant(label="drift", score=0.0, lexical=0.0, diff=diff, reasons=reasons)
    notation_only = bool(m.regions) and all(same_notation(r) for r in m.regions)
    if m.same_words or (notation_only and m.window == (0, len(m.a.keys))):
        return Variant(label="orthographic", score=1.0, lexical=1.0, diff=diff)
    if m.contained or notation_only:
        return Variant(label="truncation", score=lexical, lexical=lexical, diff=diff)
    # drift is read in the caller's direction: reference a → variant b
    window_words = [t.word for t in m.a.tokens[m.window[0] : m.window[1]]]
    short_words = [t.word for t in m.b.tokens]
    if m.swapped:
        regions = [_flip(r) for r in m.regions]
        clauses = [ClauseGroup(a=g.b, b=g.a, a_full=g.b_full, b_full=g.a_full) for g in aligned_clauses(m)]
        reasons = drift_reasons(regions, short_words, window_words, context=(m.b.words, m.a.words), common=_common_words(m),
                                clauses=clauses)
    else:
        reasons = drift_reasons(m.regions, window_words, short_words, context=(m.a.words, m.b.words), common=_common_words(m),
                                clauses=aligned_clauses(m))
    semantic: Optional[float] = None
    if embedder is not None:
        semantic = round(embedder.similarity(m.window_text, m.b.text), 4)
    if not reasons and semantic is not None and semantic < SEMANTIC_DRIFT and lexical < 0.5 and _wording_comparable(m):
        reasons = [
            DriftReason(
                code="wording",
                detail=f"different words and meaning (semantic similarity {semantic:.2f})",
                a=m.window_text,
                b=m.b.text,
            )
        ]
    glossed = [r for r in reasons if r.code == "entity" and _glossed(r, glosses)]
    reasons = [r for r in reasons if r not in glossed]
    dropped = [r for r in reasons if not _counts(r, m)]
    reasons = [r for r in reasons if _counts(r, m)]
    if reasons:
        notes = [f"not counted as drift: {r.detail} (the renderings differ in other words too)" for r in dropped]
        notes += [f"not counted as drift: {r.detail} (the editor's gloss names it in the other rendering)" for r in glossed]
        return Variant(label="drift", score=lexical, lexical=lexical, semantic=semantic, diff=diff, reasons=reasons, notes=notes)
    score = semantic if semantic is not None else lexical
    notes = [f"not counted as drift: {r.detail} (the renderings differ in other words too)" for r in dropped]
    notes += [f"not counted as drift: {r.detail} (the editor's gloss names it in the other rendering)" for r in glossed]
    return Variant(label="translation", score=max(0.0, min(1.0, score)), lexical=lexical, semantic=semantic, diff=diff, notes=notes)


def _wording_comparable(m: Match) -> bool:
    """Whether the shorter rendering is long enough for ``wording`` drift (:data:`WORDING_MIN_WORDS`)."""
    return len(m.b.keys) >= WORDING_MIN_WORDS


def _common_words(m: Match) -> frozenset[str]:
    """Words either rendering writes in lower case after its first word: common nouns, whatever
    capitals the other rendering gives them."""
    return frozenset(t.word for r in (m.a, m.b) for k, (t, p) in enumerate(zip(r.tokens, r.proper))
                     if k > 0 and p == 0 and r.text[t.start : t.start + 1].islower())


_SENTENCE_BREAK = re.compile(r"[.!?]\s")


def _glossed(r: DriftReason, glosses: frozenset[str]) -> bool:
    """An actor named in one rendering and given in the other only by the editor's gloss
    ("if it (Pakistan) wants" / "if Pakistan wants") is the same actor."""
    names = {w.lower() for w in re.findall(r"\b[A-Z][\w'’-]*", f"{r.a} {r.b}")}
    return bool(names) and names <= glosses


def _gloss_words(*texts: str) -> frozenset[str]:
    """The words of the editorial insertions in ``texts`` (lower case)."""
    return frozenset(w.lower() for t in texts for m in EDITORIAL_RE.finditer(t) if not GAP_RE.fullmatch(m.group())
                     for w in re.findall(r"[\w'’-]+", m.group()))


def _counts(r: DriftReason, m: Match) -> bool:
    """Whether a drift reason is evidence of drift between the renderings ``m`` aligns (see the constants)."""
    if r.code == "wording":
        return True
    if m.lexical < READABLE:
        return False
    size = max(len(r.a.split()), len(r.b.split()))
    if r.code in ("content_added", "content_cut"):
        # a clause added or cut inside the quote; a whole neighbouring sentence is not a change of claim
        return size <= MAX_CLAIM_EDIT and not _SENTENCE_BREAK.search(f"{r.a} {r.b}")
    if size > LOCAL_EDIT:
        return False
    if r.code in SOFT_REASONS:
        if _SENTENCE_BREAK.search(f"{r.a} {r.b}"):
            return False  # a stretch running over a sentence end lines up two sentences' edges, not one edit
        # how close the renderings are apart from this edit
        span = len(m.b.keys) + m.window[1] - m.window[0] - len(r.a.split()) - len(r.b.split())
        rest = 2 * m.equal / span if span > 0 else 1.0
        if r.detail.startswith("modifier"):
            return rest >= MODIFIER_VERBATIM
        return rest >= NEAR_VERBATIM[r.code]
    return True
