"""Say what a quotation-mark span is: reported ``speech``, a ``fragment`` of someone's words, or a ``name``.

>>> classify_text("Memorial Museum of Combat Feats")
'name'
>>> classify_text("Our heroes destroyed the invaders,")
'speech'
>>> classify_text("advance non-stop,")
'fragment'
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from quotes.annotate.document import Token
from quotes.models import QuoteKind

_TITLE_SMALL = frozenset("of the and for in on a an to at by with or de des du da di del la le les von van und et y e".split())
_SUBJECTS = frozenset("i we you he she they it this that there these those what who".split())
_FINITE = frozenset(
    """am is are was were will would can could shall should may might must have has had do does did
    won't can't don't didn't isn't aren't wasn't weren't hasn't haven't wouldn't couldn't
    'm 're 's 've 'll 'd""".split()
)
_INNER_STOP = re.compile(r"[.!?]\s+\S")
_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*", re.UNICODE)


def words_of(text: str) -> list[str]:
    """The words of a quote, apostrophes and in-word hyphens kept."""
    return _WORD.findall(text)


def is_title(text: str) -> bool:
    """True for a Title Cased name or term: "Comprehensive Strategic Partnership".

    A full stop or comma inside the closing mark is the sentence's, as American style puts it
    ("on CNN's “State of the Union.”"); a question or exclamation mark is the quote's own.
    """
    words = words_of(text)
    if len(words) < 2 or len(words) > 12 or text.rstrip()[-1:] in "!?" or _INNER_STOP.search(text):
        return False
    capitals = 0
    for w in words:
        if w[0].isupper():
            capitals += 1
        elif w.lower() not in _TITLE_SMALL:
            return False
    return capitals >= 2


def has_clause(text: str, tokens: Optional[Sequence[Token]] = None) -> bool:
    """True when the quoted words hold a clause with its own subject and verb.

    With a dependency parse, a subject relation inside the quote decides; otherwise a subject
    word followed closely by a finite verb, or a capitalised opening of four words or more.
    """
    if tokens and any(t.deprel for t in tokens):
        return any((t.deprel or "").startswith("nsubj") for t in tokens)
    words = [w.lower().replace("’", "'") for w in words_of(text)]
    for i, w in enumerate(words):
        if w in _SUBJECTS or (i > 0 and words[i - 1] in {"our", "my", "your", "their", "his", "her"}):
            window = words[i + 1 : i + 4]
            if any(v in _FINITE or v.endswith("ed") for v in window):
                return True
    stripped = text.lstrip("([—–-… ")
    return bool(stripped[:1].isupper() and len(words) >= 4 and not is_title(text))


def classify_text(
    text: str, tokens: Optional[Sequence[Token]] = None, naming_cue: bool = False, headline: bool = False
) -> QuoteKind:
    """Kind of a quote from its own words (attribution may later turn a cue-less scare quote into a name).

    In a Title Case ``headline`` every word is capitalised, so Title Case says nothing about the quote.
    """
    if not headline and is_title(text):
        return "name"
    if naming_cue and len(words_of(text)) <= 6:
        return "name"
    return "speech" if has_clause(text, tokens) else "fragment"
