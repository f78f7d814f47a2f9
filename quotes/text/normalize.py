"""Text normalisation for comparing quote renderings: the one place that decides which
surface differences do not count.

rapidfuzz (since 3.0) does no preprocessing of its own, so every lexical comparison in the
toolkit goes through :func:`words` (or :func:`tokens`, which keeps character offsets) first.

What is folded away, in this order:

- Unicode compatibility forms (NFKC), letter case (``casefold``), accents on Latin letters;
- typographic quote marks and apostrophes (``’ ‘ ‛ ′``→``'``), every dash and hyphen glyph;
- in-word hyphens, which are *joined*: ``non-stop`` and ``nonstop`` are both ``nonstop``
  (a hyphen between two numbers separates them instead: ``2024-25`` → ``2024 25``);
- thousands separators (``10,000`` → ``10000``) and ``%``/``per cent`` (→ ``percent``);
- scale suffixes (``1.5bn`` → ``1.5 billion``; ``£20m`` → ``20 million`` after a currency sign only);
- common contractions: ``didn't`` → ``did not``, ``won't`` → ``will not``, ``we'll`` → ``we will``;
- all other punctuation and whitespace.

>>> words("They’ll advance NON-STOP — didn't they?")
['they', 'will', 'advance', 'nonstop', 'did', 'not', 'they']
>>> normalize("advance non-stop,") == normalize("Advance nonstop")
True

Spelling variants (``colour``/``color``, ``organise``/``organize``, ``travelled``/``traveled``)
are not rewritten in :func:`words`; :func:`spelling_key` maps a word to a key that is equal for
such variants, and the comparison code uses it to call a change orthographic.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from quotes.text.lexicon.variants import (
    CURRENCY_SCALE_ABBREVIATIONS,
    CURRENCY_SIGNS,
    NEGATIONS,
    NUMBER_SCALES,
    NUMBER_VALUES,
    SCALE_ABBREVIATIONS,
    STOPWORDS,
)

__all__ = [
    "WordToken",
    "normalize",
    "words",
    "tokens",
    "squash",
    "spelling_key",
    "is_content_word",
    "STOPWORDS",
    "NEGATIONS",
]

_QUOTE_MARKS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00ad": None,  # soft hyphen: invisible, never a word boundary
    }
)

# A word: letters/digits, possibly joined by in-word hyphens or apostrophes, or a percent sign.
# Matched on the raw text so every token keeps its character offsets.
_WORD_RE = re.compile(r"\w+(?:[-\u2010\u2011'\u2019\u00ad.,]\w+)*%?|%", re.UNICODE)

_CONTRACTIONS: dict[str, tuple[str, ...]] = {
    "can't": ("can", "not"), "cannot": ("can", "not"), "won't": ("will", "not"), "shan't": ("shall", "not"),
    "ain't": ("is", "not"), "it's": ("it", "is"), "that's": ("that", "is"), "there's": ("there", "is"),
    "here's": ("here", "is"), "what's": ("what", "is"), "who's": ("who", "is"), "he's": ("he", "is"),
    "she's": ("she", "is"), "let's": ("let", "us"),
}
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("n't", "not"), ("'ll", "will"), ("'re", "are"), ("'ve", "have"), ("'m", "am"),
)

# number words as the digits they stand for, for spelling_key ("three" ~ "3")
_NUMBER_WORDS: dict[str, str] = {w: str(v) for w, v in {**NUMBER_VALUES, **NUMBER_SCALES}.items()}


class WordToken(NamedTuple):
    """One normalised word and the character span of the surface word it came from.

    A contraction gives two tokens with the same span (``didn't`` → ``did``, ``not``).
    """

    word: str
    start: int
    end: int


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


_SCALED = re.compile(r"(\d+(?:\.\d+)?)([a-z]+)")


def _currency_amount(raw: str) -> str:
    """``raw`` with a scale suffix spelled out, for a word right after a currency sign ("20m" →
    "20 million"); any other word as it is."""
    scaled = _SCALED.fullmatch(raw.lower())
    if scaled and scaled.group(2) in CURRENCY_SCALE_ABBREVIATIONS:
        return f"{scaled.group(1)} {CURRENCY_SCALE_ABBREVIATIONS[scaled.group(2)]}"
    return raw


@lru_cache(maxsize=65536)
def _normalize_word(raw: str) -> tuple[str, ...]:
    w = unicodedata.normalize("NFKC", raw).translate(_QUOTE_MARKS).casefold()
    w = _strip_accents(w)
    # compatibility forms can bring in punctuation (¼ → 1⁄4): it separates words like any other
    w = re.sub(r"[^\w'.,%\-]", " ", w)
    if w == "%":
        return ("percent",)
    percent = w.endswith("%")
    if percent:
        w = w[:-1]
    if re.fullmatch(r"(?:[^\W\d]\.)+[^\W\d]?", w):  # acronyms with dots: u.s. -> us
        w = w.replace(".", "")
    # thousands separators and decimal points survive only between digits
    w = re.sub(r"(?<=\d),(?=\d{3}\b)", "", w)
    w = re.sub(r"(?<=\d)-(?=\d)|(?<=\d)-(?=[^\W\d])", " ", w)  # 2024-25, 28-point
    w = re.sub(r"(?<!\d)[.,](?!\d)|(?<=\d)[.,](?!\d)|(?<!\d)[.,](?=\d)", " ", w)
    w = w.replace(",", " ")
    w = w.replace("-", "")
    out: list[str] = []
    for part in w.split():
        part = part.strip("'")
        if not part:
            continue
        scaled = _SCALED.fullmatch(part)
        if scaled and scaled.group(2) in SCALE_ABBREVIATIONS:
            out.extend((scaled.group(1), SCALE_ABBREVIATIONS[scaled.group(2)]))
            continue
        if part in _CONTRACTIONS:
            out.extend(_CONTRACTIONS[part])
            continue
        for suffix, full in _SUFFIXES:
            if part.endswith(suffix) and len(part) > len(suffix):
                out.extend((part[: -len(suffix)], full))
                break
        else:
            out.append(part)
    if percent:
        out.append("percent")
    return tuple(out)


def tokens(text: str) -> list[WordToken]:
    """Normalised words of ``text`` with the ``[start, end)`` span of each in ``text``.

    >>> [(t.word, t.start, t.end) for t in tokens("Won't stop")]
    [('will', 0, 5), ('not', 0, 5), ('stop', 6, 10)]
    """
    out: list[WordToken] = []
    for m in _WORD_RE.finditer(text):
        raw = m.group()
        if m.start() and text[m.start() - 1] in CURRENCY_SIGNS:
            raw = _currency_amount(raw)
        for w in _normalize_word(raw):
            out.append(WordToken(w, m.start(), m.end()))
    # "per cent" is one unit of meaning: fold it to the single word "percent"
    i = 0
    merged: list[WordToken] = []
    while i < len(out):
        if out[i].word == "per" and i + 1 < len(out) and out[i + 1].word == "cent":
            merged.append(WordToken("percent", out[i].start, out[i + 1].end))
            i += 2
            continue
        merged.append(out[i])
        i += 1
    return merged


def words(text: str) -> list[str]:
    """The normalised words of ``text`` (see the module docstring for what is folded).

    >>> words("“Kim Jong-un sent 10,000 soldiers”")
    ['kim', 'jongun', 'sent', '10000', 'soldiers']
    """
    return [t.word for t in tokens(text)]


def normalize(text: str) -> str:
    """``text`` as one normalised string: its :func:`words` joined by single spaces."""
    return " ".join(words(text))


def squash(text: str) -> str:
    """Normalised text with no spaces at all, so ``"non stop"``, ``"non-stop"`` and ``"nonstop"`` agree."""
    return "".join(words(text))


_BRITISH_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("iser", "izer"), ("isers", "izers"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"),
    ("ogue", "og"), ("ogues", "ogs"), ("tre", "ter"), ("tres", "ters"), ("ence", "ense"), ("our", "or"),
    ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("ement", "ment"),
)


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """A key equal for British/American and similar spelling variants of one normalised word.

    Folds ``-ise/-ize``, ``-yse/-yze``, ``-our/-or``, ``-tre/-ter``, ``-ogue/-og``,
    ``-ence/-ense``, ``judgement``/``judgment``, doubled consonants (``travelled``), ``ae``/``oe``
    digraphs, and number words (``three`` → ``3``). Only used to compare two words that were
    aligned with each other, so the rare collision between unrelated words does no harm.

    >>> spelling_key("denuclearisation") == spelling_key("denuclearization")
    True
    """
    w = _NUMBER_WORDS.get(word, word)
    if len(w) >= 6:
        for brit, amer in _BRITISH_SUFFIXES:
            if w.endswith(brit):
                w = w[: -len(brit)] + amer
                break
        w = w.replace("ae", "e").replace("oe", "e")
    # collapse doubled letters: travelled/traveled, focussed/focused
    w = re.sub(r"([a-z])\1", r"\1", w)
    return w


def is_content_word(word: str) -> bool:
    """True for a normalised word that carries content (not a function word, not a bare digit)."""
    return word not in STOPWORDS and len(word) > 1 and not word.isdigit()
