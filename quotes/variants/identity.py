"""Speaker identity across articles: "Kim Jong-un", "Kim Jong Un", "Mr Kim" and "Kim" are one person.

Each article names its speakers in its own way. :func:`speaker_key` reduces a name to the
words of the person's name (case, accents, hyphens, titles and job descriptions removed);
:func:`same_speaker` says whether two names can be the same person without any context; a
:class:`SpeakerIndex` built over a whole corpus resolves a bare surname ("Kim", "Putin") to
the one full name it belongs to, and only when exactly one full name in the corpus has it:

>>> speaker_key("North Korea’s leader Kim Jong-un")
'kim jong un'
>>> speaker_key("Russian President Vladimir Putin")
'vladimir putin'
>>> same_speaker("Mr Kim", "Kim Jong Un"), same_speaker("Kim Jong Un", "Kim Yo Jong")
(True, False)
>>> index = SpeakerIndex(["Kim Jong Un", "Kim Yo Jong", "Mr Kim", "Putin", "Vladimir Putin"])
>>> index.key("President Putin"), index.key("Mr Kim")
('vladimir putin', 'kim')

``index.key("Mr Kim")`` stays ``'kim'`` because two different Kims are in the corpus: a bare
"Kim" is not merged with either of them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Optional

from quotes.text.lexicon import is_place
from quotes.text.lexicon.variants import NOT_PERSON_NAMES
from quotes.text.names import TITLES, name_tokens, speaker_key

__all__ = ["speaker_key", "name_tokens", "person_tokens", "same_speaker", "matches", "SpeakerIndex", "TITLES"]


def _fold(token: str) -> str:
    """A name word with transliteration noise folded: doubled letters (Zelenskyy) and a final
    -iy (Zelenskiy) both give Zelensky; a possessive ending (Francis's, Francis') is dropped."""
    t = re.sub(r"'s?$", "", token)
    t = re.sub(r"([a-z])\1", r"\1", t)
    return re.sub(r"iy$", "y", t)


@lru_cache(maxsize=16384)
def person_tokens(name: Optional[str]) -> tuple[str, ...]:
    """The words of a person's name for comparison across articles: :func:`name_tokens`
    with possessives, stray words that never name a person and transliteration noise folded.

    >>> person_tokens("Francis’s"), person_tokens("Volodymyr Zelenskiy"), person_tokens("Friday")
    (('francis',), ('volodymyr', 'zelensky'), ())
    """
    return tuple(f for f in (_fold(t) for t in name_tokens(name)) if f and f not in NOT_PERSON_NAMES and f not in TITLES)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    if a == b or "".join(a) == "".join(b):
        return True
    if len(a) == 1 or len(b) == 1:
        short, long_ = (a, b) if len(a) == 1 else (b, a)
        # family name first (Kim Jong Un) or last (Vladimir Putin); a place is a person's name
        # only as a surname ("Israel" declaring something is the state, not Israel Katz)
        if is_place(short):
            return short[0] == long_[-1]
        return short[0] in (long_[0], long_[-1])
    if a[-1] != b[-1]:
        return False
    fa, fb = a[0], b[0]
    # initials (V. Putin) and short forms of one first name (Radek / Radoslaw)
    return fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb)) or (
        len(fa) >= 3 and len(fb) >= 3 and fa[:3] == fb[:3]
    )


def same_speaker(a: Optional[str], b: Optional[str]) -> bool:
    """True when the names ``a`` and ``b`` can denote the same person, without any corpus context.

    Case, accents, hyphens, titles and roles do not matter; a bare surname matches a full name
    that has it first or last; initials match a first name. Unknown names (``None``, pronouns)
    match nothing.

    >>> same_speaker("Putin", "President Vladimir Putin"), same_speaker("V. Putin", "Vladimir Putin")
    (True, True)
    >>> same_speaker("Hillary Clinton", "Bill Clinton"), same_speaker("Israel", "Israel Katz")
    (False, False)
    """
    return _compatible(person_tokens(a), person_tokens(b))


def matches(query: str, name: Optional[str]) -> bool:
    """True when a ``--speaker QUERY`` selects a quote whose speaker is ``name``.

    Same rules as :func:`same_speaker`; a bare surname selects every person who has it
    (``--speaker Kim`` selects Kim Jong Un and Kim Yo Jong).

    >>> matches("putin", "Russian President Vladimir Putin"), matches("Kim Jong-un", "Mr Kim")
    (True, True)
    """
    return same_speaker(query, name)


class SpeakerIndex:
    """Resolves every name used in a corpus to one key per person.

    Full names (two words or more) that are compatible become one person (``"Kim Jong-un"``,
    ``"Kim Jong Un"``; ``"V. Putin"``, ``"Vladimir Putin"``; ``"Radek Sikorski"``, ``"Radoslaw
    Sikorski"``). A one-word name ("Kim", "Putin", "Mr Kim", "Lula") joins the person whose
    full name has it as a word (first, middle or last), only when exactly one person in the
    corpus does; otherwise it stays a person of its own. Names are compared with
    :func:`person_tokens`, so "Francis's", "Zelenskyy" and "Zelenskiy" find "Francis" and
    "Zelensky", and a weekday left in the speaker slot is no name at all.

    >>> idx = SpeakerIndex(["Vladimir Putin", "Putin", "Kim Jong-un"])
    >>> idx.key("putin"), idx.display("putin")
    ('vladimir putin', 'Vladimir Putin')
    >>> idx.key(None)
    ''
    >>> idx = SpeakerIndex(["Luiz Inácio Lula da Silva", "Lula", "Volodymyr Zelenskyy", "Zelenskiy", "Friday"])
    >>> idx.key("Lula"), idx.key("Zelenskiy"), idx.key("Friday")
    ('luiz inacio lula da silva', 'volodymyr zelensky', '')
    >>> SpeakerIndex(["Israel Katz", "Israel"]).key("Israel")
    'israel'
    """

    def __init__(self, names: Iterable[Optional[str]] = ()) -> None:
        self._counts: Counter[str] = Counter()
        self._resolved: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._surface: dict[tuple[str, ...], Counter[str]] = {}
        self._keys: dict[Optional[str], str] = {}  # key() and display() of names asked for already
        self._displays: dict[Optional[str], Optional[str]] = {}
        self.add(names)

    def add(self, names: Iterable[Optional[str]]) -> None:
        """Add names seen in more documents; keys of names already added may change (a bare
        surname becomes ambiguous when a second person with it appears)."""
        for name in names:
            if name:
                self._counts[name] += 1
        self._build()

    def _build(self) -> None:
        by_tokens: dict[tuple[str, ...], Counter[str]] = {}
        for name, n in self._counts.items():
            toks = person_tokens(name)
            if toks:
                by_tokens.setdefault(toks, Counter())[name] += n
        full = sorted((t for t in by_tokens if len(t) > 1), key=lambda t: (-len(t), -sum(by_tokens[t].values()), t))
        # compatible full names share their last word or their letters; only those are compared
        people: list[list[tuple[str, ...]]] = []
        buckets: dict[str, list[int]] = {}
        for toks in full:
            bucket_keys = (toks[-1], "".join(toks))
            candidates = sorted({i for k in bucket_keys for i in buckets.get(k, ())})
            for i in candidates:
                if all(_compatible(toks, other) for other in people[i]):
                    people[i].append(toks)
                    break
            else:
                i = len(people)
                people.append([toks])
            for k in bucket_keys:
                if i not in buckets.setdefault(k, []):
                    buckets[k].append(i)
        resolved: dict[tuple[str, ...], tuple[str, ...]] = {}
        by_word: dict[str, set[tuple[str, ...]]] = {}
        for person in people:
            canon = max(person, key=lambda t: (sum(by_tokens[t].values()), len(t), t))
            for toks in person:
                resolved[toks] = canon
                for t in toks:  # any word of a full name: "Lula" in "Luiz Inacio Lula da Silva"
                    if len(t) > 2:
                        by_word.setdefault(t, set()).add(canon)
        for toks in by_tokens:
            if len(toks) == 1:
                owners = by_word.get(toks[0], set())
                if is_place(toks):
                    owners = {c for c in owners if c[-1] == toks[0]}  # see _compatible
                resolved[toks] = next(iter(owners)) if len(owners) == 1 else toks
        surface: dict[tuple[str, ...], Counter[str]] = {}
        for toks, names in by_tokens.items():
            surface.setdefault(resolved[toks], Counter()).update(names)
        self._resolved, self._surface = resolved, surface
        self._keys, self._displays = {}, {}

    def key(self, name: Optional[str]) -> str:
        """The person key of ``name`` in this corpus ('' for no name or a pronoun)."""
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = self._key(name)
        return key

    def _key(self, name: Optional[str]) -> str:
        toks = person_tokens(name)
        if not toks:
            return ""
        if toks in self._resolved:
            return " ".join(self._resolved[toks])
        # a name not seen when the index was built: resolve it against the known people
        owners = {canon for t, canon in self._resolved.items() if _compatible(toks, t)}
        return " ".join(owners.pop()) if len(owners) == 1 else " ".join(toks)

    def display(self, name: Optional[str]) -> Optional[str]:
        """The most frequent full surface form used for the person ``name`` denotes."""
        if name not in self._displays:
            self._displays[name] = self._display(name)
        return self._displays[name]

    def _display(self, name: Optional[str]) -> Optional[str]:
        key = self.key(name)
        if not key:
            return None
        names = self._surface.get(tuple(key.split()))
        if not names:
            return name
        # prefer the names whose tokens are the canonical ones ("Vladimir Putin" over "President Putin")
        best = [n for n in names if " ".join(person_tokens(n)) == key] or list(names)
        return max(best, key=lambda n: (names[n], -len(n), n))
