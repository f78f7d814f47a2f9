"""Annotated documents built by hand, with no language model: a regex tokenizer and sentence splitter.

Tokens follow the engines' conventions where attribution cares: titles keep their full stop
("Mr.", "Sen."), a possessive "'s" is its own token, quotation marks and punctuation are tokens
of their own. Entities and a dependency parse can be given explicitly.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from quotes.annotate.document import AnnotatedDocument, Entity, Sentence, Token
from quotes.extract.attribution.context import AttributionContext
from quotes.extract.marks import QuoteSpan, find_spans
from quotes.extract.mentions import find_mentions
from quotes.extract.textview import TextView

_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sens?|Reps?|Gov|Gen|St|Lt|Col|Prof|Rev)\.(?=\s)"  # titles with their stop
    r"|(?:[A-Z]\.){2,}"  # U.S., U.N.
    r"|['’]s\b"  # possessive
    r"|[^\W_]+(?:[-‐][^\W_]+)*(?:['’][a-z]{1,2}\b(?<!['’]s))?"  # words, hyphenated, don't
    r"|[^\w\s]"  # marks and punctuation, one each
)


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """``(text, start, end)`` of each token.

    >>> [t for t, _, _ in tokenize("Mr. Kim’s aide said: “No.”")]
    ['Mr.', 'Kim', '’s', 'aide', 'said', ':', '“', 'No', '.', '”']
    """
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def document(
    text: str,
    entities: Sequence[tuple[str, str]] = (),
    parse: Optional[dict[str, tuple[str, str]]] = None,
) -> AnnotatedDocument:
    """An AnnotatedDocument of ``text``.

    ``entities``: ``(surface, label)`` pairs, each marking every occurrence of ``surface``.
    ``parse``: ``{dependent word: (head word, relation)}`` over the first occurrence of each word;
    with it the document has a ``depparse`` layer (unlisted words hang from the root).
    """
    raw = tokenize(text)
    starts = {0}
    for i, (tok, _, _) in enumerate(raw[:-1]):
        nxt = raw[i + 1][0]
        if tok in {".", "!", "?"} and (nxt[:1].isupper() or nxt in "“\"‘"):
            starts.add(i + 1)
        if tok in "”\"" and i > 0 and raw[i - 1][0] in {".", "!", "?"} and nxt[:1].isupper():
            starts.add(i + 1)
    sentence_of, s = [], -1
    for i in range(len(raw)):
        s += i in starts
        sentence_of.append(s)
    tokens = [Token(text=t, start=a, end=b, sentence=sentence_of[i]) for i, (t, a, b) in enumerate(raw)]
    layers: set[str] = set()
    if parse is not None:
        layers.add("depparse")
        first = {}
        for i, tok in enumerate(tokens):
            first.setdefault(tok.text, i)
        for tok in tokens:
            tok.head, tok.deprel = -1, "root"
        for dep, (head, rel) in parse.items():
            tokens[first[dep]].head, tokens[first[dep]].deprel = first[head], rel
    sentences = []
    bounds = sorted(starts) + [len(tokens)]
    for a, b in zip(bounds, bounds[1:]):
        if b > a:
            sentences.append(Sentence(start=tokens[a].start, end=tokens[b - 1].end, first=a, last=b))
    ents = []
    for surface, label in entities:
        layers.add("ner")
        for m in re.finditer(re.escape(surface), text):
            ents.append(Entity(text=surface, start=m.start(), end=m.end(), label=label))
    ents.sort(key=lambda e: e.start)
    return AnnotatedDocument(text=text, engine="handmade", tokens=tokens, sentences=sentences, entities=ents, layers=frozenset(layers))


def context(text: str, **kwargs: object) -> tuple[AttributionContext, list[QuoteSpan]]:
    """The attribution context of ``text`` and its quote spans."""
    doc = document(text, **kwargs)  # type: ignore[arg-type]
    spans = find_spans(text)
    view = TextView(doc, spans)
    return AttributionContext(view, find_mentions(view)), spans
