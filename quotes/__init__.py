"""quotes: find direct quotations in news articles, say who said them, align them across outlets.

The public face; everything a pipeline needs is importable from here::

    from quotes import Article, find_quotes, align, compare, verify, evaluate, QuoteStore, render_report

The package's folders are its data flow: ``text`` (normalisation, names, paragraphs, word
lists) → ``annotate`` (text → :class:`AnnotatedDocument`) → ``extract`` (document → :class:`Quote`,
with attribution) → ``variants`` (quotes → :class:`QuoteGroup`, variant labels, verify) →
``store`` / ``run`` / ``io`` → ``report`` → ``cli``.
"""

from quotes._version import __version__
from quotes.annotate import Engine, get_engine
from quotes.annotate.document import AnnotatedDocument
from quotes.errors import EngineUnavailable, InputError, QuotesError
from quotes.evaluate import evaluate, evaluate_paths
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
from quotes.report.html import render_report, write_report
from quotes.run.pipeline import align_paths, find_in_paths, read_inputs, verify_paths
from quotes.store.db import QuoteStore
from quotes.variants.align import align
from quotes.variants.compare import compare
from quotes.variants.verify import verify

__all__ = [
    "AlignedQuote",
    "AnnotatedDocument",
    "Article",
    "DiffOp",
    "DriftReason",
    "Engine",
    "EngineUnavailable",
    "InputError",
    "Quote",
    "QuoteGroup",
    "QuoteStore",
    "QuotesError",
    "Variant",
    "VerifyResult",
    "__version__",
    "align",
    "align_paths",
    "compare",
    "evaluate",
    "evaluate_paths",
    "find_in_paths",
    "find_quotes",
    "find_quotes_in_document",
    "get_engine",
    "read_inputs",
    "render_report",
    "verify",
    "verify_paths",
    "write_report",
]
