"""``find_quotes``: text → annotated document → quote spans → kinds → speakers.

>>> from quotes import find_quotes
>>> [(q.text, q.speaker) for q in find_quotes('Kim Jong Un said ties would "advance non-stop".')]
[('advance non-stop', 'Kim Jong Un')]
"""

from __future__ import annotations

import re
from typing import Optional, Union

from quotes.annotate import Engine, get_engine
from quotes.annotate.document import AnnotatedDocument
from quotes.extract.attribution.context import Attribution, AttributionContext
from quotes.extract.attribution.driver import attribute_all
from quotes.extract.attribution.ranker import SpeakerModel, rank
from quotes.extract.kinds import classify_text, words_of
from quotes.extract.marks import find_spans
from quotes.extract.mentions import find_mentions
from quotes.extract.textview import TextView
from quotes.models import Article, Quote
from quotes.text.lexicon import CALLING_CUES

_PRECEDING_WORDS = re.compile(r"([\w\-]+)\W*\s*([\w\-]+)\W*$")
_SCARE_QUOTE_MAX_WORDS = 3


def find_quotes(
    text_or_article: Union[str, Article],
    *,
    engine: Union[Engine, str, None] = None,
    models_dir: Optional[str] = None,
) -> list[Quote]:
    """Every quotation in an article, in text order, with kind and speaker.

    ``engine`` is an :class:`~quotes.annotate.Engine`, an engine name (``"stanza"``, the default,
    or ``"spacy"``) or None; engines are built once per process and reused.

    >>> quotes = find_quotes('"We will win," Kim said.')
    >>> quotes[0].speaker, quotes[0].cue, quotes[0].method
    ('Kim', 'said', 'after')
    """
    article = text_or_article if isinstance(text_or_article, Article) else Article(id="text", text=text_or_article)
    if not find_spans(article.text):
        return []  # no quotation marks: no need to run the engine
    eng = engine if isinstance(engine, Engine) else get_engine(engine or "stanza", models_dir)
    return find_quotes_in_document(article, eng.annotate(article.text))


def find_quotes_in_document(article: Article, doc: AnnotatedDocument, *, model: Optional[SpeakerModel] = None) -> list[Quote]:
    """The quotes of ``article`` given its annotated document (for callers that annotate in bulk).

    ``model`` replaces the shipped speaker ranker (``tools/train_ranker.py`` passes the one it trains).
    """
    spans = find_spans(doc.text)
    if not spans:
        return []
    view = TextView(doc, spans)
    ctx = AttributionContext(view, find_mentions(view))
    decided = attribute_all(ctx, spans)
    ranked = rank(ctx, decided, model)
    quotes: list[Quote] = []
    for index, ((span, by_rules, _), attribution) in enumerate(zip(decided, ranked)):
        tokens = [view.tokens[i] for i in view.token_range(span.start, span.end)]
        kind = classify_text(span.text, tokens, naming_cue=_named(doc.text, span.open_mark))
        # the rules, not the ranker, say whether anyone is said to speak: a ranker's guess
        # does not turn a term into a quote
        if kind != "name" and span.depth == 0 and not by_rules.speaker and not by_rules.had_cue:
            if len(words_of(span.text)) <= _SCARE_QUOTE_MAX_WORDS:
                kind = "name"  # a short quote with no one saying it: a term or scare quote
        if kind == "name" or span.depth > 0:
            attribution = Attribution()
        quotes.append(
            Quote(
                article=article.id,
                text=span.text,
                start=span.start,
                end=span.end,
                kind=kind,
                speaker=attribution.speaker,
                speaker_mention=attribution.mention,
                cue=attribution.cue,
                method=attribution.method,
                confidence=round(attribution.confidence, 3),
                index=index,
                paragraph=span.paragraph,
                nested=span.depth > 0,
            )
        )
    return quotes


def _named(text: str, open_mark: int) -> bool:
    """The words before the quote call it a name: so-called "X", dubbed "X", known as "X"."""
    before = _PRECEDING_WORDS.search(text[max(0, open_mark - 40) : open_mark])
    if not before:
        return False
    last, prev = before.group(2).lower(), before.group(1).lower()
    return last in CALLING_CUES - {"calling", "calls", "called"} or (last == "as" and prev == "known")
