"""A quote's comparable units: the speaker's words cut into sentences.

Alignment compares sentences, not whole quotes: one outlet quotes two sentences in one
span, another quotes each on its own, a third takes four words of the second. So

- :func:`speaker_text` removes what the speaker did not say: an editor's bracketed insertion
  (``[the war]``, ``(Russian President Vladimir)``) is left out, a bracketed letter that
  restores a word is kept (``[W]hen`` → ``When``);
- :func:`without_nested` leaves out a quotation nested inside the quote (``the Pope clearly
  stated: "negotiation is never a surrender"``): those are words somebody else said, or a term
  the speaker holds at a distance, and they are compared as their own quote;
- :func:`comparable_text` is both: the words compared and cut into units;
- :func:`sentences` cuts the result at sentence ends and at gaps (``…``, ``...``, ``[…]``),
  never after a title or an initial (``Mr.``, ``U.S.``);
- :func:`stem` folds a content word to a crude stem, so that two translations that use
  different forms of one word (``negotiating`` / ``negotiations``) still share it.

>>> speaker_text("[W]hen it comes to the white flag, we know [the] Vatican's strategy")
"When it comes to the white flag, we know Vatican's strategy"
>>> sentences("Negotiations are never a surrender. It is the courage not to carry a country to suicide.")
['Negotiations are never a surrender.', 'It is the courage not to carry a country to suicide.']
>>> sentences("We will win ... and we will rebuild")
['We will win', 'and we will rebuild']
>>> stem("negotiating") == stem("negotiations") == stem("negotiate")
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from quotes.text.lexicon.variants import SENTENCE_ABBREVIATIONS, STEM_SUFFIXES

__all__ = ["speaker_text", "without_nested", "nested_quotes", "comparable_text", "sentences", "split_gaps", "stem", "GAP_RE", "EDITORIAL_RE", "STEM_LENGTH"]

GAP_RE = re.compile(r"\s*(?:\[\s*(?:\.\s?\.\s?\.|\u2026)\s*\]|\(\s*(?:\.\s?\.\s?\.|\u2026)\s*\)|\.\s?\.\s?\.|\u2026)\s*")
"""An ellipsis marking words left out: ``…``, ``...``, ``. . .``, ``[…]``, ``[...]``."""

EDITORIAL_RE = re.compile(r"\[[^\[\]]*\]|\([^()]*\)")
"""Square brackets (always the editor's) and parentheses inside a quote (in news copy an
editor's gloss far more often than the speaker's own aside)."""

_SENT_END = re.compile(r"(?<=[.!?;])[\"'\u201d\u2019\u00bb]?\s+(?=[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9])")


def speaker_text(text: str) -> str:
    """``text`` without editorial insertions (see the module docstring); gaps are kept."""

    def repl(m: re.Match[str]) -> str:
        inner = m.group()[1:-1]
        if GAP_RE.fullmatch(m.group()):
            return m.group()
        start, end = m.start(), m.end()
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        # a bracket glued to a word restores letters of the speaker's word: [W]hen, country[’s]
        if re.fullmatch(r"[^\W\d_]['\u2019\w]{0,2}|['\u2019]\w{1,2}", inner) and (before.isalpha() or after.isalpha()):
            return inner
        return " "

    out = EDITORIAL_RE.sub(repl, text)
    return re.sub(r"[ \t]+([,.;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", out)).strip()


_NESTED_RE = re.compile(
    "(?:(?<![\\w\u2019'])\u2018(?=\\w)[^\u2018\u2019]*?(?<=[\\w.,!?])\u2019(?!\\w)"  # ‘…’ (’ inside a word is an apostrophe)
    "|\u201c[^\u201c\u201d]*\u201d"  # “…”
    '|"[^"]*"'
    "|(?<![\\w'\u2019])'(?=\\w)[^']*?(?<=[\\w.,!?])'(?!\\w))"  # '…' (an apostrophe is glued to a letter before it)
)
"""A quotation inside the quote, in any of the marks news copy uses; a single mark counts only
where it opens before a word and closes after one (not the apostrophe of "Vatican's")."""


def nested_quotes(text: str) -> list[str]:
    """The quotations nested inside ``text``, marks included.

    >>> nested_quotes("The Pope uses the term 'white flag', as the Pope's aide said")
    ["'white flag'"]
    """
    return [m.group() for m in _NESTED_RE.finditer(text)]


def without_nested(text: str) -> str:
    """``text`` without the quotations nested inside it (``text`` itself when nothing else is left).

    >>> without_nested('the Pope clearly stated: \u201cnegotiation is never a surrender,\u201d he said')
    'the Pope clearly stated: he said'
    """
    out = " ".join(_NESTED_RE.sub(" ", text).split())
    return out if re.search(r"\w", out) else text


def comparable_text(text: str) -> str:
    """The words of a quote that are compared with other renderings: no editorial insertion
    (:func:`speaker_text`), no nested quotation (:func:`without_nested`); gaps are kept."""
    return speaker_text(without_nested(text))


def split_gaps(text: str) -> list[str]:
    """The parts of ``text`` between gaps (ellipses), empty parts dropped."""
    return [p.strip() for p in GAP_RE.split(text) if p and p.strip(" ,;:-\u2013\u2014")]


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (cut at sentence ends and at gaps), in order."""
    out: list[str] = []
    for part in split_gaps(text):
        start = 0
        for m in _SENT_END.finditer(part):
            head = part[start : m.start()].rstrip("\"'\u201d\u2019\u00bb")
            last = re.findall(r"[\w.]+$", head)
            word = last[0].rstrip(".").lower() if last else ""
            # no cut after a title (Mr.), an initial or an acronym with dots (U.S.)
            if head.endswith(".") and (word in SENTENCE_ABBREVIATIONS or re.fullmatch(r"(?:\w\.)*\w", word) and len(word.replace(".", "")) <= 2):
                continue
            piece = part[start : m.start() + len(m.group().rstrip())].strip()
            if piece:
                out.append(piece)
            start = m.end()
        tail = part[start:].strip()
        if tail:
            out.append(tail)
    return out


STEM_LENGTH = 7
"""Stems are cut to this many letters: a truncation stemmer (as in early IR systems) that folds
word families (terror/terrorism/terrorist) without a dictionary."""


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem of a normalised word: up to two suffixes stripped (never below four
    letters), then cut to :data:`STEM_LENGTH` letters."""
    w = word
    for _ in range(2):
        for suffix in STEM_SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        else:
            break
    return w[:STEM_LENGTH]
