"""Name keys: the one place a person's name is reduced to comparable words.

:func:`plain_words` is the one normaliser underneath (Unicode folded, diacritics and curly
apostrophes made plain, lower case, hyphens split, possessive endings dropped); the keys are
views of it:

- :func:`name_key` keys a name as one article writes it (attribution groups "Mr Kim", "Kim" and
  "Kim Jong-un" of one article with it): honorifics and role words out, order kept;
- :func:`name_tokens` / :func:`speaker_key` reduce a speaker name to the words of the person's
  name for comparisons across articles (descriptions, titles and suffixes out);
- :func:`scorer_tokens` is the reference scorer's reading, which ``quotes.evaluate`` must match
  exactly (its own fixed title list).

>>> name_key("Mr Kim Jong-un")
('kim', 'jong', 'un')
>>> speaker_key("North Korea’s leader Kim Jong-un")
'kim jong un'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from quotes.text.lexicon import HONORIFICS, ROLE_WORDS, SCORER_TITLE_WORDS, SURNAME_HONORIFICS, TITLES

__all__ = ["TITLES", "name_key", "name_tokens", "plain_words", "scorer_tokens", "speaker_key"]

_PRONOUNS = frozenset("he she they it him her them i we you his hers their its who".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())

_MARKS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_MARKS)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=16384)
def name_tokens(name: Optional[str]) -> tuple[str, ...]:
    """The lower-cased words of the person's name in ``name``, titles and descriptions removed.

    >>> name_tokens("State Duma Speaker Vyacheslav Volodin")
    ('vyacheslav', 'volodin')
    >>> name_tokens("he")
    ()
    """
    if not name:
        return ()
    raw = re.findall(r"[^\W_]+(?:'[^\W_]+)?", _plain(name).replace("-", " ").replace(".", ". "))
    # "the Russian leader", "a spokesman": a description, not a name
    if raw and raw[0].lower() in ("the", "a", "an"):
        return ()
    # "North Korea's leader Kim": the possessive and everything before it describe the person
    for i in range(len(raw) - 1, -1, -1):
        if raw[i].lower().endswith("'s") and i < len(raw) - 1:
            raw = raw[i + 1 :]
            break
    low = [t.lower() for t in raw]
    # drop everything up to the last title that still has a name after it ("Prime Minister John Major")
    cut = 0
    for i, t in enumerate(low[:-1]):
        if t in TITLES:
            cut = i + 1
    low, raw = low[cut:], raw[cut:]
    # in a capitalised name, leading lower-case words are descriptions ("veteran"), not name parts
    if any(t[:1].isupper() for t in raw):
        while len(low) > 1 and raw[0][:1].islower():
            low, raw = low[1:], raw[1:]
    low = [t for t in low if t not in _SUFFIXES]
    if all(t in TITLES for t in low) or (len(low) == 1 and low[0] in _PRONOUNS):
        return ()
    return tuple(low)


def speaker_key(name: Optional[str]) -> str:
    """A name reduced to its person-name words, lower case, one space apart ('' when there is none).

    >>> speaker_key("Kim Jong-un"), speaker_key("kim jong un"), speaker_key("Mr Kim")
    ('kim jong un', 'kim jong un', 'kim')
    """
    return " ".join(name_tokens(name))


_SPLIT = re.compile(r"[\s\-‐‑‒–—]+")


@lru_cache(maxsize=16384)
def plain_words(text: Optional[str]) -> tuple[str, ...]:
    """The words of a name, plain: the one normaliser every key here builds on.

    >>> plain_words("Luiz Inácio Lula’s"), plain_words("Jong-un")
    (('luiz', 'inacio', 'lula'), ('jong', 'un'))
    """
    words = (w.removesuffix("'s").rstrip(".") for w in _SPLIT.split(_plain(text or "").lower()))
    return tuple(w.rstrip("'") for w in words if w.rstrip("'"))


def name_key(surface: str, surnames: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Name words without honorifics or role words: ``"Mr Kim Jong-un"`` → ``("kim", "jong", "un")``.

    A role word right after an honorific is a surname ("Mr. King", "Ms Bishop"), and so is one
    in ``surnames`` (the role words an article uses that way, so its "Charlie King" keeps "king").

    >>> name_key("Putin’s"), name_key("President Inácio"), name_key("Mr. King")
    (('putin',), ('inacio',), ('king',))
    >>> name_key("Charlie King"), name_key("Charlie King", frozenset({"king"}))
    (('charlie',), ('charlie', 'king'))
    """
    words = plain_words(surface)
    return tuple(
        w for i, w in enumerate(words)
        if w not in HONORIFICS and (w not in ROLE_WORDS or w in surnames or (i > 0 and words[i - 1] in SURNAME_HONORIFICS))
    )


def scorer_tokens(name: Optional[str]) -> list[str]:
    """A speaker name as the reference scorer compares it: plain words, punctuation out, its title list out.

    >>> scorer_tokens("President Luiz Inácio Lula da Silva's")
    ['luiz', 'inacio', 'lula', 'da', 'silva']
    """
    text = re.sub(r"[-‐‑‒–—]", " ", _plain(name or ""))
    text = re.sub(r"[^\w\s']", " ", text.lower()).replace("'s", "")
    return [t for t in text.split() if t not in SCORER_TITLE_WORDS]
