"""Property tests: for any text, ``find_quotes`` returns valid quotes and never raises.

Texts mix words, every quote mark the toolkit knows (and apostrophes), punctuation and
newlines, so unbalanced, nested and stray marks all come up. Runs the real Stanza engine
(loaded once per session).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.models import Article, Quote

MARKS = ['"', "'", "«", "»", "„", "“", "”", "‘", "’", "‹", "›", "‚"]
WORDS = ["said", "he", "she", "told", "Kim", "Jong", "Un", "Putin", "the", "leader", "according", "to",
         "KCNA", "reported", "we", "will", "not", "win", "It's", "don't", "Mr", "Smith", "dollars", "6'2"]
PIECES = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(WORDS),
    st.sampled_from([" ", " ", " ", "\n", "\n\n", ", ", ". ", ": ", "? ", "! ", " — ", "...", "(", ")"]),
    st.text(max_size=4),  # anything at all, including control characters and astral symbols
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)

pytestmark = pytest.mark.slow


def check(quotes: object, text: str) -> None:
    assert isinstance(quotes, list)
    for q in quotes:
        assert isinstance(q, Quote)
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.kind in ("speech", "fragment", "name")
        assert 0.0 <= q.confidence <= 1.0
        if q.kind == "name":
            assert q.speaker is None


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_any_text_gives_valid_quotes(stanza_engine, text: str) -> None:  # type: ignore[no-untyped-def]
    from quotes.extract.pipeline import find_quotes

    check(find_quotes(text, engine=stanza_engine), text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.sampled_from(MARKS + [" ", "\n", "a", "b", "."]), max_size=80))
def test_texts_made_of_quote_marks_give_valid_quotes(stanza_engine, text: str) -> None:  # type: ignore[no-untyped-def]
    from quotes.extract.pipeline import find_quotes

    article = Article(id="marks", text=text)
    quotes = find_quotes(article, engine=stanza_engine)
    check(quotes, text)
    assert all(q.article == "marks" for q in quotes)
