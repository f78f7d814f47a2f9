"""How the reporter's sentence uses a quoted span: as somebody's words, or as a name or term.

The annotation rule of every gold set here, and of news writing in general, is that a quote is
a quote when the text says somebody said, wrote or called it. These functions read the words
just before the opening mark (characters only, so they work on every engine and without one):

* :func:`said_as_words` — the span is what somebody said: "Francis used the term “white flag”",
  "supporters chanted “USA! USA!”", "calls people “losers”", "he would say, ‘uh huh,’";
* :func:`named_as_term` — the span is a label: "the nickname “Lyin' Ted”", "the hashtag “#X”";
* :func:`coordinated` — "“Miss Piggy” and “Miss Housekeeping”": the second is used as the first;
* :func:`is_stage_direction` — "(CROSSTALK)", "[Applause]" in a transcript: nobody's words;
* :func:`in_headline` — a Title Case headline, where Title Case says nothing about the quote.

>>> text = 'The pope used the term "white flag" in the interview.'
>>> said_as_words(text, text.index('"'), 0)
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from quotes.text.lexicon import FUNCTION_WORDS, reporting_lemma
from quotes.text.lexicon.detection import (
    CHARACTERISING_VERBS,
    JUDGING_VERBS,
    NAMING_NOUNS,
    SAYING_VERBS,
    SPEECH_NOUNS,
    STAGE_DIRECTIONS,
    TITLING_CUES,
    USING_VERBS,
    VOICING_NOUNS,
    VOICING_VERBS,
    WORD_NOUNS,
)

_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…][\"”’']?\s+(?=[\"“‘'A-Z])")
_COORDINATION = re.compile(r"^[,;\s]*(?:(?:and|or|and even|or even|and then)\s+)?(?:(?:a|an|the)\s+)?$")
_SUBJECT_WORDS = frozenset("he she they who i we you it".split())
_POSSESSIVES = frozenset("his her their its my our your".split())
_DETERMINERS = frozenset("a an the this that these those every each".split())

WINDOW_WORDS = 8
"""How far back a characterising verb may stand from its quote: news writing keeps a verb and
its complement within one short clause ("likened the new rules to"); eight words is about one
clause, and a round number."""

REPORTED_WINDOW_WORDS = 12
"""How far back a verb of saying or judging may stand from a quote it reports: a verb, its object
or indirect object and a short "that"-clause ("vented to her husband that it would be") run to a
dozen words; a round number past one clause."""

TERM_VERB_GAP = 3
"""Words allowed between a verb of using and the term noun: "used the term", "employs terms like",
"repeated the very same phrase"."""

VOICING_GAP = 2
"""Words allowed between a voicing or reporting verb and the quote: "chanted", "yelled at him"."""

HEADLINE_CAPITALISED_SHARE = 0.75
"""Share of a line's content words (outside quotes, past the first) that must be capitalised for
the line to be a Title Case headline; body sentences capitalise only names, far below this."""

SENTENCE_CLOSERS = ".,!?"
"""Marks that end a quoted sentence inside the closing mark (a comma stands for the full stop
before the attribution: "“We will win,” she said")."""

HEADLINE_MIN_WORDS = 3
"""Words a line needs outside its quotes to be judged a headline at all."""


def clause_words(text: str, open_mark: int, lo: int) -> list[str]:
    """The words of the sentence before ``open_mark`` (from the paragraph start ``lo``), lower-cased."""
    return list(_clause_words(text, open_mark, lo))


@lru_cache(maxsize=64)
def _clause_words(text: str, open_mark: int, lo: int) -> tuple[str, ...]:
    """:func:`clause_words`, cached: a pure function of its arguments that the kind of one span
    asks for several times (:func:`titled`, :func:`named_as_term`, :func:`said_as_words`, …)."""
    before = text[lo:open_mark]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(before))


def said_as_words(text: str, open_mark: int, lo: int, *, characterising: bool = True) -> bool:
    """True when the words before the quote say that somebody said it (see the module doc).

    ``characterising=False`` (inside a quote) takes "called", "likened … to" only with a subject
    before them ("what he calls ‘hell’"): a bare "and call it ‘negotiations’" is the speaker's own
    scare quote, not another's words.
    """
    words = clause_words(text, open_mark, lo)
    if not words:
        return False
    tail = words[-(TERM_VERB_GAP + 2) :]
    for k, w in enumerate(tail):
        if w in WORD_NOUNS and any(v in USING_VERBS for v in tail[max(0, k - TERM_VERB_GAP) : k]):
            return True
    for w in words[-VOICING_GAP:]:
        if w in VOICING_VERBS or (reporting_lemma(w) is not None and w not in CHARACTERISING_VERBS and w not in WORD_NOUNS):
            return True
    recent = words[-WINDOW_WORDS:]
    for k, w in enumerate(recent):
        if w in SPEECH_NOUNS and k > 0 and (recent[k - 1] in _POSSESSIVES or recent[k - 1].endswith("'s")):
            return True
        if k > 0 and recent[k - 1] in _DETERMINERS:
            continue  # "a call for", "the comparison": a noun, not the verb
        if w in CHARACTERISING_VERBS and not any(x in WORD_NOUNS or x in NAMING_NOUNS for x in recent[k + 1 :]):
            if characterising or (k > 0 and recent[k - 1] in _SUBJECT_WORDS):
                return True
    return False


def reported_in_clause(text: str, open_mark: int, lo: int) -> bool:
    """True when a verb of saying or judging earlier in the reporter's clause has the quote in what
    it reports: "she told her husband that it would be “incredibly ugly”", "the campaign rejected the
    idea as “ludicrous”", "Merkel heralded the deal as a “breakthrough”".

    The verb stands within :data:`REPORTED_WINDOW_WORDS` of the quote, in lower case and not after a
    determiner (so a noun, "the claim", does not count); a naming noun after it ("said the
    nickname") leaves the quote a name.

    >>> text = "The campaign rejected the idea as “ludicrous” on Friday."
    >>> reported_in_clause(text, text.index("“"), 0)
    True
    """
    before = text[lo:open_mark]
    ends = list(_SENTENCE_END.finditer(before))
    raw = _WORD.findall(before[ends[-1].end() :] if ends else before)[-REPORTED_WINDOW_WORDS:]
    for k, word in enumerate(raw):
        w = word.lower().replace("’", "'")
        if word[:1].isupper() or (k > 0 and raw[k - 1].lower() in _DETERMINERS):
            continue
        if w in JUDGING_VERBS or reporting_lemma(w) is not None:
            return not any(x.lower() in NAMING_NOUNS or x.lower() in WORD_NOUNS for x in raw[k + 1 :])
    return False


def voiced_right_before(text: str, open_mark: int, lo: int) -> bool:
    """True when a verb of saying or voicing (not of telling or calling) stands right before the quote, or a noun of voicing
    and "of": what follows is what was said, even in Title Case ("supporters chanted “Lock Him Up”",
    "she tweeted, “Happy New Year!”", "chants of “Four More Years”", "a sign reading “Hands Off”").

    >>> text = "The crowd met him with chants of “Four More Years” and boos."
    >>> voiced_right_before(text, text.index("“"), 0)
    True
    """
    words = clause_words(text, open_mark, lo)
    if not words:
        return False
    if words[-1] == "of":
        return len(words) > 1 and words[-2] in VOICING_NOUNS
    last = words[-1]
    return last in VOICING_VERBS or last in SAYING_VERBS


def stands_as_sentence(text: str, open_mark: int, quoted: str, lo: int) -> bool:
    """True when the quote is a sentence of its own: it opens its paragraph or follows a sentence's
    end, and a full stop, comma, question or exclamation mark closes it inside the marks.

    A scare quote or a term sits inside the reporter's sentence; a quote that stands where a
    sentence starts and is punctuated as one ("“This is fantastic!” beamed a delegate",
    "“Your Honor,” I said") is somebody's words however short it is.

    >>> text = "The judge turned to me. “Mr. Hale?” I stood up."
    >>> stands_as_sentence(text, text.index("“"), "Mr. Hale?", 0)
    True
    """
    if quoted.rstrip()[-1:] not in SENTENCE_CLOSERS:
        return False
    before = text[lo:open_mark].rstrip()
    return not before or bool(_SENTENCE_END.search(before[-3:] + " A"))


def gives_a_name(text: str, open_mark: int, lo: int) -> bool:
    """True when somebody is said to call somebody a Title Cased name: "Trump called the winner
    “Miss Piggy”" (a name the speaker coined, so his words), not "a party called “Forward”".

    The characterising verb needs a subject right before it (a capitalised name or a pronoun)
    and an object between it and the quote.

    >>> text = "Trump called the winner “Miss Piggy” at the time."
    >>> gives_a_name(text, text.index("“"), 0), gives_a_name("a group called “Forward Now”", 15, 0)
    (True, False)
    """
    before = text[lo:open_mark]
    ends = list(_SENTENCE_END.finditer(before))
    raw = _WORD.findall(before[ends[-1].end() :] if ends else before)[-WINDOW_WORDS:]
    for k, w in enumerate(raw[:-1]):
        if w.lower() in CHARACTERISING_VERBS and k > 0:
            subject = raw[k - 1]
            if subject[0].isupper() or subject.lower() in _SUBJECT_WORDS:
                return True
    return False


def named_as_term(text: str, open_mark: int, lo: int) -> bool:
    """True when a naming noun stands right before the quote: "the nickname “Lyin' Ted”"."""
    words = clause_words(text, open_mark, lo)
    return any(w in NAMING_NOUNS for w in words[-2:])


def titled(text: str, open_mark: int, lo: int) -> bool:
    """True when "titled", "entitled" or "headlined" stands right before the quote: a work's title.

    >>> text = "The review, titled “Casual Employment Practices at CPU, 2017–2024”, was published."
    >>> titled(text, text.index("“"), 0)
    True
    """
    words = clause_words(text, open_mark, lo)
    return bool(words) and words[-1] in TITLING_CUES


def coordinated(text: str, open_mark: int, previous_close: int | None) -> bool:
    """True when only "and", "or" or a comma stand between the previous quote's closing mark and this one."""
    if previous_close is None or previous_close >= open_mark:
        return False
    return bool(_COORDINATION.match(text[previous_close + 1 : open_mark]))


def is_stage_direction(quoted: str) -> bool:
    """True for a transcript's stage direction: "(CROSSTALK.)", "[Applause]", "(LAUGHTER)".

    >>> is_stage_direction("(CROSSTALK.)"), is_stage_direction("(and we will win)")
    (True, False)
    """
    body = quoted.strip().rstrip(".,;:")
    if len(body) < 3 or (body[0], body[-1]) not in {("(", ")"), ("[", "]")}:
        return False
    words = _WORD.findall(body)
    return bool(words) and all(w.lower() in STAGE_DIRECTIONS for w in words)


def in_headline(text: str, lo: int, hi: int, quoted: Sequence[tuple[int, int]] = ()) -> bool:
    """True when the line ``text[lo:hi]`` is a Title Case headline, judged on its words outside
    the character ranges ``quoted`` (the quotes of the line, marks included).

    >>> line = "Ramaphosa Challenges US Influence At Summit: ‘We Are All Equal’"
    >>> in_headline(line, 0, len(line), [(line.index("‘"), len(line))])
    True
    """
    pieces, at = [], lo
    for a, b in sorted(quoted):
        if b <= lo or a >= hi:
            continue
        pieces.append(text[at : max(at, a)])
        at = max(at, b)
    pieces.append(text[at:hi])
    words = _WORD.findall(" ".join(pieces))
    if len(words) < HEADLINE_MIN_WORDS:
        return False
    content = [w for w in words[1:] if w.lower() not in FUNCTION_WORDS and not w[0].isdigit()]
    if not content:
        return False
    return sum(w[0].isupper() for w in content) / len(content) >= HEADLINE_CAPITALISED_SHARE
