"""AnnotatedDocument → Quote: quotation marks, the text view, kinds, mentions and attribution.

The stages, in data-flow order: :mod:`~quotes.extract.marks` (quotation-mark spans) →
:mod:`~quotes.extract.textview` (tokens, repaired sentences, quote membership) →
:mod:`~quotes.extract.mentions` (names, pronouns, epithets) → :mod:`~quotes.extract.attribution`
(who said it) → :mod:`~quotes.extract.kinds` (speech, fragment, name); :mod:`~quotes.extract.pipeline`
runs them.
"""

from quotes.extract.pipeline import find_quotes, find_quotes_in_document

__all__ = ["find_quotes", "find_quotes_in_document"]
