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
from quotes.extract.kinds import classify_text, is_title, words_of
from quotes.annotate.document import Token
from quotes.extract.marks import QuoteSpan, find_spans
from quotes.extract.mentions import find_mentions
from quotes.extract.textview import TextView
from quotes.extract.usage import coordinated, gives_a_name, in_headline, is_stage_direction, named_as_term, reported_in_clause, said_as_words, stands_as_sentence, titled, voiced_right_before
from quotes.models import Article, Quote, QuoteKind
from quotes.text.lexicon import CALLING_CUES

_PRECEDING_WORDS = re.compile(r"([\w\-]+)\W*\s*([\w\-]+)\W*$")
_SCARE_QUOTE_MAX_WORDS = 3
"""Terms and scare quotes run to one to three words ("white flag", "Nation First", "era of war");
a span that short needs words before it saying somebody said it; a longer one is judged by its own
words (``classify_text``). A round number, not fitted."""


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
    spans = find_spans(article.text)
    if not spans:
        return []  # no quotation marks: no need to run the engine
    eng = engine if isinstance(engine, Engine) else get_engine(engine or "stanza", models_dir)
    return _quotes_of(article, eng.annotate(article.text), spans, None)


def find_quotes_in_document(article: Article, doc: AnnotatedDocument, *, model: Optional[SpeakerModel] = None) -> list[Quote]:
    """The quotes of ``article`` given its annotated document (for callers that annotate in bulk).

    ``model`` replaces the shipped speaker ranker (``tools/train_ranker.py`` passes the one it trains).
    """
    spans = find_spans(doc.text)
    return _quotes_of(article, doc, spans, model) if spans else []


def _quotes_of(article: Article, doc: AnnotatedDocument, spans: list[QuoteSpan], model: Optional[SpeakerModel]) -> list[Quote]:
    view = TextView(doc, spans)
    ctx = AttributionContext(view, find_mentions(view))
    decided = attribute_all(ctx, spans)
    ranked = rank(ctx, decided, model)
    quotes: list[Quote] = []
    paras = view.layout.paragraphs
    kinds: list[QuoteKind] = []
    marked: dict[int, list[tuple[int, int]]] = {}
    for s in spans:
        marked.setdefault(s.paragraph, []).append((s.open_mark, (s.close_mark if s.close_mark is not None else s.end) + 1))
    # one reading per paragraph: its quotes share the line and its quoted ranges
    headlines = {p: in_headline(doc.text, *paras[p], quoted) for p, quoted in marked.items()}
    for index, ((span, by_rules, _), attribution) in enumerate(zip(decided, ranked)):
        tokens = [view.tokens[i] for i in view.token_range(span.start, span.end)]
        previous = decided[index - 1][0] if index else None
        after_quote = previous is not None and previous.paragraph == span.paragraph and previous.depth == span.depth
        kind = _kind(
            doc.text,
            span,
            paras[span.paragraph],
            tokens,
            had_speaker=bool(by_rules.speaker or by_rules.had_cue),
            speaker_decided=by_rules.speaker is not None,
            previous_kind=kinds[-1] if after_quote else None,
            previous_close=previous.close_mark if after_quote and previous is not None else None,
            previous_text=previous.text if after_quote and previous is not None else None,
            headline=headlines[span.paragraph],
        )
        kinds.append(kind)
        if kind == "name":
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


def _kind(
    text: str,
    span: QuoteSpan,
    paragraph: tuple[int, int],
    tokens: list[Token],
    *,
    had_speaker: bool,
    speaker_decided: bool = False,
    previous_kind: Optional[QuoteKind],
    previous_close: Optional[int],
    previous_text: Optional[str] = None,
    headline: bool,
) -> QuoteKind:
    """A span's kind: its own words first, then how the reporter's sentence uses it.

    A short span that nobody is said to speak is a term or scare quote (a name), unless the words
    before it say somebody said it ("used the term", "chanted", "calls people") or it is
    coordinated with a quote just before ("“Miss Piggy” and “Miss Housekeeping”"). A headline's short
    quotes are the headline's report of somebody's words ("Lula accuses Israel of ‘genocide’").
    A quote inside a quote whose speaker no rule decides is a name (:func:`unattributed_nested`).
    ``headline``: the span's paragraph is a Title Case headline (:func:`~quotes.extract.usage.in_headline`
    of the line and its quotes).
    """
    lo, hi = paragraph
    if is_stage_direction(span.text) or titled(text, span.open_mark, lo) or unattributed_nested(span, speaker_decided):
        return "name"
    naming = _named(text, span.open_mark) or named_as_term(text, span.open_mark, lo)
    kind = classify_text(span.text, tokens, naming_cue=naming, headline=headline)
    if kind == "name" and not naming and listed_with_a_quoted_title(text, span, previous_kind, previous_close, previous_text):
        return previous_kind or kind
    if kind == "name" and not naming and gives_a_name(text, span.open_mark, lo):
        kind = "fragment"
    if kind == "name" and not naming and span.depth == 0 and (
        voiced_right_before(text, span.open_mark, lo) or (had_speaker and _attributed_sentence(text, span, lo, hi))
    ):
        return classify_text(span.text, tokens, headline=True)
    if kind == "name" or len(words_of(span.text)) > _SCARE_QUOTE_MAX_WORDS:
        return kind
    if span.depth == 0 and (had_speaker or stands_as_sentence(text, span.open_mark, span.text, lo)):
        return kind
    if previous_kind is not None and coordinated(text, span.open_mark, previous_close):
        return previous_kind
    if said_as_words(text, span.open_mark, lo, characterising=span.depth == 0):
        return kind
    if span.depth == 0 and reported_in_clause(text, span.open_mark, lo):
        return kind
    return "name"


def listed_with_a_quoted_title(
    text: str, span: QuoteSpan, previous_kind: Optional[QuoteKind], previous_close: Optional[int], previous_text: Optional[str]
) -> bool:
    """True when a Title Cased span is listed ("and", "or", a comma) right after a Title Cased
    span that is somebody's words: "called the winner “Miss Piggy” and “Miss Housekeeping”".

    The second of such a pair is used as the first is (PolNeAR train and dev: 5 of 5 such pairs
    share their kind); after a quote that is no title ("‘blood and water’ ‘Operation Sindoor’")
    the title is a name of its own.
    """
    return (
        previous_kind not in (None, "name")
        and previous_text is not None
        and is_title(previous_text)
        and is_title(span.text)
        and coordinated(text, span.open_mark, previous_close)
    )


def unattributed_nested(span: QuoteSpan, speaker_decided: bool) -> bool:
    """True for a quote inside another quote whose speaker no attribution rule decided.

    Words a speaker repeats inside his own quote ("he would say, ‘uh huh,’", "what they called
    ‘the comeback of the decade’") are his citation of somebody unnamed, a term or a scare quote:
    the gold sets mark most of them as names (news: 4 names to 4 quotes, and the quotes are the
    ones whose outer words name their speaker), and a quote with no speaker is of no use to a
    fact-checker. A nested quote that a rule does attribute keeps its kind (attribution gives one to
    a nested quote whose outer words name its speaker: "the gaffer told me, ‘Be ready’").
    """
    return span.depth > 0 and not speaker_decided


def _attributed_sentence(text: str, span: QuoteSpan, lo: int, hi: int) -> bool:
    """A quote punctuated as a sentence of its own with the reporter's words after it in its
    paragraph ("“Happy New Year!,” he tweeted"): somebody's words even in Title Case. A Title Cased
    line that is all quote is a subheading."""
    after = span.close_mark + 1 if span.close_mark is not None else span.end
    return stands_as_sentence(text, span.open_mark, span.text, lo) and bool(text[after:hi].strip(" .\"'”’"))


_NAMING_CUES = CALLING_CUES - {"calling", "calls", "called"}


def _named(text: str, open_mark: int) -> bool:
    """The words before the quote call it a name: so-called "X", dubbed "X", known as "X"."""
    window = text[max(0, open_mark - 40) : open_mark]
    # The answer is True only for a word of _NAMING_CUES or "known" matched in the window, and the
    # lower case of an ASCII word's letters is the same inside the window's lower case: without
    # such a word there, the (slow, backtracking) search below cannot say True.
    low = window.lower()
    if "known" not in low and not any(cue in low for cue in _NAMING_CUES):
        return False
    before = _PRECEDING_WORDS.search(window)
    if not before:
        return False
    last, prev = before.group(2).lower(), before.group(1).lower()
    return last in _NAMING_CUES or (last == "as" and prev == "known")
