"""Why a rendering drifted: the reasons read off a word-level diff.

Embedding similarity cannot see that "did not order" and "did order" say opposite things; the
diff can. :func:`drift_reasons` walks the changed regions of a word alignment (runs of
replaced, deleted and inserted words between words both renderings share) and names every
change that alters what was said:

- ``negation``: a negator (not, no, never, without, ...) or a negating prefix (possible →
  impossible) added or dropped;
- ``number``: a number, date, month, ordinal or quantifier (all, some, most, ...) changed;
- ``modality``: a modal verb changed, added or dropped (will → would, can → could);
- ``tense``: an auxiliary or verb changed tense (is → was, proves → proved);
- ``entity``: a name, place or organisation substituted, added or dropped (the actor changed);
- ``qualifier``: an intensifier, hedge or modifier dropped or added ("fully proved" →
  "evidenced", "the invasion" → "the brutal invasion"), or a superlative added, dropped or made
  absolute ("one of the most difficult" → "at its most intense");
- ``content_added`` / ``content_cut``: two or more content words added or cut inside the
  quoted span, or a clause-changing conjunction (but, unless, if, only) added.

Synonyms swapped one for one ("valiant" for "heroic") and one item left out of a list are not
drift: different translations of one sentence do that. Changes outside the quoted span (a
truncation cutting words off either end) are not drift either.

>>> from quotes.variants.compare import compare
>>> [r.code for r in compare("We did not order the strike", "We did order the strike").reasons]
['negation']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from quotes.models import DriftReason
from quotes.text.lexicon.variants import (
    CLAUSE_CHANGERS,
    HEDGES,
    MODAL_CLASSES,
    MODALS,
    NEGATED_MODAL_CLASSES,
    NEGATING_PREFIXES,
    NEGATIONS,
    NUMBER_SCALES,
    NUMBER_VALUES,
    NUMBER_WORDS,
    PAST_AUX,
    PRESENT_AUX,
    PRO_FORMS,
    QUALIFIERS,
    QUANTIFIERS,
    SUPERLATIVES,
)
from quotes.text.normalize import is_content_word

__all__ = ["ClauseGroup", "Region", "drift_reasons", "same_notation", "QUALIFIERS", "HEDGES", "MODALS"]


@dataclass
class Region:
    """One changed stretch of an alignment: reference words ``a`` became variant words ``b``.

    ``a_proper``/``b_proper`` mark which words were written as names: 2 for a capitalised word
    inside a sentence or an acronym, 1 for a capitalised first word (maybe a name), 0 otherwise; ``before``/``after`` are the shared words around the region
    (``None`` at either end of the aligned span); ``a_surface``/``b_surface`` are the words as
    written, for messages.
    """

    a: list[str]
    b: list[str]
    a_text: str = ""
    b_text: str = ""
    a_proper: list[int] = field(default_factory=list)
    b_proper: list[int] = field(default_factory=list)
    before: str | None = None
    after: str | None = None
    a_surface: list[str] = field(default_factory=list)
    b_surface: list[str] = field(default_factory=list)
    a_sentences: bool = False
    """``a`` is one or more whole sentences of its rendering (from a sentence start to a sentence end)."""
    b_sentences: bool = False


@dataclass(frozen=True)
class ClauseGroup:
    """Clauses of two renderings that the alignment links (they share a word): ``a``/``b`` their
    words inside the compared span, ``a_full``/``b_full`` all words of those clauses."""

    a: tuple[str, ...]
    b: tuple[str, ...]
    a_full: tuple[str, ...]
    b_full: tuple[str, ...]


def _order(words: Sequence[str], names: set[str]) -> list[str]:
    """The name stems of ``names`` in the order they first occur in ``words``."""
    return list(dict.fromkeys(x for x in (_name_stem(w) for w in words) if x in names))


_LIST_JOINERS = frozenset({"and", "or"})
LIST_ITEM_WORDS = 2
"""A stretch of at most this many words next to "and"/"or", added or left out, is a list item
(the annotation rules count a dropped list item as a translation variant, not drift)."""


def _name_stem(word: str) -> str:
    """Names compared without case or inflection: Ukraine / Ukrainians / Ukrainian."""
    w = word.lower()
    return w[:5] if len(w) > 5 else w


def _is_number(word: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)?(?:st|nd|rd|th|s)?", word)) or word in NUMBER_WORDS


def _quantities(ws: Sequence[str]) -> Counter[str]:
    """Numbers, dates and quantifiers in ``ws``, number words read as values ("three hundred" → 300)."""
    out: Counter[str] = Counter()
    value: float | None = None
    padded = list(ws) + [""]
    for k, w in enumerate(padded):
        digit = re.fullmatch(r"\d+(?:\.\d+)?", w)
        if w == "one" and value is None and padded[k + 1] not in NUMBER_SCALES:
            continue  # "one of the", "the strongest one": a pronoun or determiner, not a count
        if w in NUMBER_VALUES or digit:
            n = float(w) if digit else NUMBER_VALUES[w]
            value = (value or 0) + n
            continue
        if w in NUMBER_SCALES and value is not None:
            value *= NUMBER_SCALES[w]
            continue
        if w in NUMBER_SCALES:
            value = float(NUMBER_SCALES[w])
            continue
        if value is not None:
            out[f"{value:g}"] += 1
            value = None
        if w and _is_number(w):
            out[w] += 1
    return out


def _negations(ws: Sequence[str]) -> Counter[str]:
    return Counter(w for w in ws if w in NEGATIONS)


def _stems(word: str) -> set[str]:
    """Possible stems of an inflected word: proved → {proved, prov, prove}."""
    out = {word}
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.add(word[: -len(suffix)] + repl)
    return out


def _prefix_negated(x: str, y: str) -> bool:
    """possible/impossible, legal/illegal, agree/disagree."""
    for p in NEGATING_PREFIXES:
        if (x == p + y or y == p + x) and len(min(x, y, key=len)) >= 4:
            return True
    return False


def drift_reasons(
    regions: Sequence[Region],
    a_window: Sequence[str],
    b_words: Sequence[str],
    *,
    context: tuple[Sequence[str], Sequence[str]] = ((), ()),
    common: frozenset[str] = frozenset(),
    clauses: Sequence[ClauseGroup] | None = None,
) -> list[DriftReason]:
    """The drift reasons for a variant whose aligned span of the reference has the words
    ``a_window``, given the changed ``regions`` of the alignment (see the module docstring).

    An empty list means nothing that changes the claim was found: the variant is then an
    orthographic change, a truncation or a translation. ``common``: words one of the
    renderings writes in lower case inside a sentence; they are no names wherever another
    rendering capitalises them ("Terror and Talks" / "terror and talks"). ``clauses``: the groups
    of clauses the alignment links (:func:`quotes.variants.compare.aligned_clauses`); negation is
    compared within each (without them, over the whole span).
    """
    reasons: list[DriftReason] = []
    seen: set[tuple[str, str, str]] = set()

    def add(code: str, detail: str, a: str, b: str) -> None:
        key = (code, a, b)
        if key not in seen:
            seen.add(key)
            reasons.append(DriftReason(code=code, detail=detail, a=a, b=b))  # type: ignore[arg-type]

    # ``context``: all words of both renderings, for names that moved out of the aligned span
    words_a, words_b = {*a_window, *context[0]}, {*b_words, *context[1]}
    stems_a = {_name_stem(w) for w in [*a_window, *context[0]]}
    stems_b = {_name_stem(w) for w in [*b_words, *context[1]]}
    # polarity is read clause by clause: a negator in a clause the other rendering does not have is
    # content added or cut, and "will not tolerate any" / "no ... will be tolerated" negate alike
    groups = clauses if clauses is not None else [ClauseGroup(tuple(a_window), tuple(b_words), tuple(a_window), tuple(b_words))]
    for g in groups:
        neg_a, neg_b = _negations(g.a), _negations(g.b)
        if _polarity(neg_a) == _polarity(neg_b) or _polarity(_negations(g.a_full)) == _polarity(_negations(g.b_full)):
            continue  # the same polarity, or the span cut off a negator its clause has on both sides
        region = next((r for r in regions if _negations(r.a) != _negations(r.b)), None)
        # the polarity flipped (one side negates, the other never does), or a negator alone was
        # added or dropped; a negated clause said twice in one rendering ("cannot go together,
        # ... cannot go together") and once in the other is not a change of polarity
        flipped = not neg_a or not neg_b or any(_bare_negation_change(r) for r in regions)
        if flipped:
            add("negation", _change("negation", sorted((neg_a - neg_b).elements()), sorted((neg_b - neg_a).elements())),
                region.a_text if region else "", region.b_text if region else "")

    for r in regions:
        a_set, b_set = set(r.a), set(r.b)
        sa = r.a_surface or r.a
        sb = r.b_surface or r.b
        # negating prefixes: possible -> impossible
        flipped = [(x, y) for x, y in zip(sa, sb) if _prefix_negated(x.lower(), y.lower())]
        if any(_prefix_negated(x, y) for x in r.a for y in r.b):
            pair = flipped[0] if flipped else (r.a_text, r.b_text)
            add("negation", f"negated by a prefix: {pair[0]} → {pair[1]}", r.a_text, r.b_text)

        quant_a = [w for w in r.a if w in QUANTIFIERS]
        quant_b = [w for w in r.b if w in QUANTIFIERS]
        if quant_a and quant_b and Counter(quant_a) != Counter(quant_b):  # all → some; a dropped "any" is style
            add("number", _change("quantifier", quant_a, quant_b), r.a_text, r.b_text)
        if _quantities(r.a) != _quantities(r.b):
            add("number", _change("number or quantity", [s for w, s in zip(r.a, sa) if _is_number(w)],
                                  [s for w, s in zip(r.b, sb) if _is_number(w)]), r.a_text, r.b_text)

        mod_a = [w for w in r.a if w in MODALS]
        mod_b = [w for w in r.b if w in MODALS]
        # both modals negated by the shared word after them: "cannot flow" / "will not flow"
        classes = NEGATED_MODAL_CLASSES if r.after in NEGATIONS else MODAL_CLASSES
        if Counter(classes[w] for w in mod_a) != Counter(classes[w] for w in mod_b):
            add("modality", _change("modal", mod_a, mod_b), r.a_text, r.b_text)

        past_a, past_b = a_set & PAST_AUX, b_set & PAST_AUX
        pres_a, pres_b = a_set & PRESENT_AUX, b_set & PRESENT_AUX
        verbs = [
            (x, y) for x in r.a for y in r.b
            if len(x) > 3 and len(y) > 3 and x != y and (x.endswith("ed") != y.endswith("ed")) and _stems(x) & _stems(y)
        ]
        if past_a and pres_b:
            add("tense", _change("tense", sorted(past_a), sorted(pres_b)), r.a_text, r.b_text)
        elif pres_a and past_b:
            add("tense", _change("tense", sorted(pres_a), sorted(past_b)), r.a_text, r.b_text)
        elif verbs:
            add("tense", _change("tense", [verbs[0][0]], [verbs[0][1]]), r.a_text, r.b_text)

        names_a = [s for s, w, p in zip(sa, r.a, r.a_proper) if p and w not in common]
        names_b = [s for s, w, p in zip(sb, r.b, r.b_proper) if p and w not in common]
        # a capitalised first word may be a name or just the start of the sentence: count it
        # only when the other side puts a (possible) name in its place
        sure = any(p >= 2 for w, p in zip(r.a, r.a_proper) if w not in common) or any(p >= 2 for w, p in zip(r.b, r.b_proper) if w not in common)
        # a name moved elsewhere in the sentence ("Ukrainian freedom" / "freedom of Ukrainians") is no change of actor
        involved = {_name_stem(w) for w in names_a + names_b}
        moved = involved <= (stems_a & stems_b) and _order(context[0] or a_window, involved) == _order(context[1] or b_words, involved)
        if Counter(_name_stem(w) for w in names_a) != Counter(_name_stem(w) for w in names_b) and sure and not moved:
            add("entity", _change("name", names_a, names_b), r.a_text, r.b_text)

        qual_a = [w for w in r.a if w in QUALIFIERS]
        qual_b = [w for w in r.b if w in QUALIFIERS]
        kinds_a = Counter(w in HEDGES for w in qual_a)
        kinds_b = Counter(w in HEDGES for w in qual_b)
        # one dropped or added (not swapped for another word), or a hedge swapped for an intensifier
        with_q, other = (r.a, r.b) if len(qual_a) > len(qual_b) else (r.b, r.a)
        if kinds_a != kinds_b and (len(with_q) > len(other) or (qual_a and qual_b)):
            add("qualifier", _change("qualifier", qual_a, qual_b), r.a_text, r.b_text)
        elif _modifier_change(r):
            add("qualifier", _change("modifier", sa, sb), r.a_text, r.b_text)
        deg_a, deg_b = _degree(r.a, r.after), _degree(r.b, r.after)
        if deg_a != deg_b:
            how = "added" if deg_a is None else "dropped" if deg_b is None else f"made {deg_b}"
            add("qualifier", f"superlative {how}: {r.a_text or '—'} → {r.b_text or '—'}", r.a_text, r.b_text)

        content_a = [w for w in r.a if is_content_word(w) and not _is_number(w)]
        content_b = [w for w in r.b if is_content_word(w) and not _is_number(w)]
        # an item added to or left out of a list ("location, income level, or army") is not drift
        side = r.a or r.b
        joined = bool({r.before, r.after} & _LIST_JOINERS) or side[0] in _LIST_JOINERS or side[-1] in _LIST_JOINERS
        if joined and not (r.a and r.b) and not set(side) & CLAUSE_CHANGERS and len([w for w in side if w not in _LIST_JOINERS]) <= LIST_ITEM_WORDS:
            continue
        # words said elsewhere in the other rendering are repeated, not added or cut
        # ("The government [of a country at war] must work" after "The parliament of a country at war")
        new_b = [w for w in content_b if w not in words_a]
        new_a = [w for w in content_a if w not in words_b]
        # a whole sentence run on into one rendering is the next sentence of the passage, taken in
        # by one outlet and not the other: a choice of excerpt, not a change of the claim
        if (not r.a and r.b_sentences) or (not r.b and r.a_sentences):
            continue
        # a phrase replaced by a pro-form ("the strongman in any dispute" / "the one who"), or a
        # pro-form spelled out, still refers to the same thing: a rewording, not content cut or added
        if _pro_form(r.a) or _pro_form(r.b):
            continue
        if (len(content_b) - len(content_a) >= 2 and len(new_b) >= 2) or (not r.a and r.before is not None and b_set & CLAUSE_CHANGERS):
            add("content_added", f"content added: {r.b_text}", r.a_text, r.b_text)
        elif (len(content_a) - len(content_b) >= 2 and len(new_a) >= 2 and r.before is not None and r.after is not None) or (
            not r.b and a_set & CLAUSE_CHANGERS
        ):
            add("content_cut", f"content cut: {r.a_text}", r.a_text, r.b_text)
    return reasons


def _degree(words: Sequence[str], after: str | None) -> str | None:
    """The degree a changed stretch gives what follows: ``absolute`` (a superlative: "the hardest",
    "the most difficult"), ``relative`` ("one of the most difficult") or ``None``. ``after``: the
    shared word after the stretch, which may be the superlative itself ("one of the [most]")."""
    ws = [*words, after] if after else list(words)
    sup = [k for k, w in enumerate(ws) if w in SUPERLATIVES and not (w in ("most", "least") and k + 1 < len(ws) and ws[k + 1] == "of")]
    if not sup:
        return None
    one_of = any(ws[k] == "one" and ws[k + 1] == "of" for k in range(min(sup[0], len(ws) - 1)))
    return "relative" if one_of else "absolute"


def _pro_form(words: Sequence[str]) -> bool:
    """A stretch of function words with a pro-form among them ("one who", "them all")."""
    return bool(words) and any(w in PRO_FORMS for w in words) and not any(is_content_word(w) for w in words)


def _polarity(negators: Counter[str]) -> int:
    """How many negators a clause has (which ones does not matter: "not ... any" / "no")."""
    return sum(negators.values())


def _bare_negation_change(r: Region) -> bool:
    """A negator added or dropped with nothing else changed around it but function words
    ("did [not] order", "[never] accept")."""
    if _negations(r.a) == _negations(r.b):
        return False
    rest = [w for w in [*r.a, *r.b] if w not in NEGATIONS]
    return all(not is_content_word(w) or w in QUALIFIERS for w in rest)


def same_notation(r: Region) -> bool:
    """True when a region only writes the same quantity another way ("300" / "three hundred")."""
    return bool(r.a) and bool(r.b) and all(_is_number(w) for w in r.a + r.b) and _quantities(r.a) == _quantities(r.b)


def _change(what: str, before: Sequence[str], after: Sequence[str]) -> str:
    """'qualifier dropped: fully', 'modal changed: will → would', 'name added: Kyiv'."""
    a, b = " ".join(before), " ".join(after)
    if a and b:
        return f"{what} changed: {a} → {b}"
    if a:
        return f"{what} dropped: {a}"
    return f"{what} added: {b}"


def _modifier_change(r: Region) -> bool:
    """One content word added or dropped right before a shared content word: an adjective or
    adverb qualifying it ("the [brutal] invasion", "[clearly] wrong")."""
    side = r.a if r.a and not r.b else r.b if r.b and not r.a else None
    proper = r.a_proper if r.a else r.b_proper
    if side is None or len(side) != 1 or any(proper):
        return False
    word = side[0]
    return is_content_word(word) and r.after is not None and is_content_word(r.after) and word not in NEGATIONS
