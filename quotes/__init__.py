"""quotes: find direct quotations in news articles, attribute them, align them across outlets."""

from quotes.models import Article, Quote

__all__ = ["Article", "Quote"]
__version__ = "0.1.0"
