"""Normalisation: which surface differences do not count when renderings are compared."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.text.normalize import (
    is_content_word,
    normalize,
    spelling_key,
    squash,
    tokens,
    words,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("advance non-stop,", "advance nonstop"),
        ("Advance NON‑STOP", "advance non-stop"),  # non-breaking hyphen, case
        ("“We will win”", '"we will win"'),
        ("It’s over — finally.", "it is over - finally"),
        ("They didn't order it", "they did not order it"),
        ("10,000 troops", "10000 troops"),
        ("50% of them", "50 per cent of them"),
        ("Erdoğan said", "Erdogan said"),
        ("ﬁnal   word", "final word"),
        ("U.S. forces", "US forces"),
        ("$1.5bn plant", "$1.5 billion plant"),
        ("a €3tn debt", "a €3 trillion debt"),
        ("£20m a year", "£20 million a year"),
        ("$5k bonus", "$5 thousand bonus"),
    ],
)
def test_surface_differences_fold_away(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("did not order", "did order"),
        ("5.5 percent", "55 percent"),
        ("2024-25", "202425"),
        ("ran 10m", "ran 10 million"),  # no currency sign: may be metres
        ("$1.5bn", "$1.5 million"),
    ],
)
def test_real_differences_stay(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


def test_words_splits_contractions_and_drops_punctuation() -> None:
    assert words("Won't they? We’ll see.") == ["will", "not", "they", "we", "will", "see"]


def test_tokens_keep_offsets_into_the_raw_text() -> None:
    text = "“Kim Jong-un’s   soldiers,” he said"
    for tok in tokens(text):
        assert 0 <= tok.start < tok.end <= len(text)
    assert [text[t.start : t.end] for t in tokens(text)][:2] == ["Kim", "Jong-un’s"]


def test_squash_meets_split_and_joined_spellings() -> None:
    assert squash("non stop") == squash("non-stop") == squash("nonstop")


@pytest.mark.parametrize(
    ("a", "b"),
    [("denuclearisation", "denuclearization"), ("colour", "color"), ("travelled", "traveled"),
     ("defence", "defense"), ("centre", "center"), ("catalogue", "catalog"), ("three", "3")],
)
def test_spelling_key_matches_spelling_variants(a: str, b: str) -> None:
    assert spelling_key(a) == spelling_key(b)


@pytest.mark.parametrize(("a", "b"), [("for", "four"), ("not", "now"), ("form", "from")])
def test_spelling_key_keeps_short_words_apart(a: str, b: str) -> None:
    assert spelling_key(a) != spelling_key(b)


def test_content_words() -> None:
    assert is_content_word("sovereignty")
    assert not is_content_word("the")
    assert not is_content_word("would")
    assert not is_content_word("2025")


@given(st.text(max_size=80))
def test_normalize_is_idempotent_and_never_fails(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    for tok in tokens(text):
        assert 0 <= tok.start <= tok.end <= len(text)
