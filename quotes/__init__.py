"""quotes: find direct quotations in news articles, say who said them, align them across outlets.

>>> from quotes import Article, find_quotes
>>> article = Article(id="bbc-1", text='"We will win," said Jane Holloway.')
>>> [(q.text, q.speaker, q.cue) for q in find_quotes(article)]     # doctest: +SKIP
[('We will win,', 'Jane Holloway', 'said')]
"""

from quotes.engines import Engine, get_engine
from quotes.errors import EngineUnavailable, InputError, QuotesError
from quotes.extract import find_quotes, find_quotes_in_document
from quotes.models import (
    AlignedQuote,
    Article,
    DiffOp,
    DriftReason,
    Quote,
    QuoteGroup,
    Variant,
    VerifyResult,
)

__all__ = [
    "AlignedQuote",
    "Article",
    "DiffOp",
    "DriftReason",
    "Engine",
    "EngineUnavailable",
    "InputError",
    "Quote",
    "QuoteGroup",
    "QuotesError",
    "Variant",
    "VerifyResult",
    "find_quotes",
    "find_quotes_in_document",
    "get_engine",
]
__version__ = "0.1.0"
