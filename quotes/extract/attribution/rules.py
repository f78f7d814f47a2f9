"""Attribution rules: plain functions ``(context, span) -> Candidate | None``.

Each rule reads one pattern of news writing and proposes the words that name the speaker. It
returns ``None`` when its pattern is absent, a :class:`Candidate` with ``mention=None`` when it
saw a reporting cue but no subject for it (the quote is then someone's words, not a term), and
otherwise the mention it found. Who that mention is, the rules do not say: :mod:`.resolve` does.

The rules and their confidences are listed, in the order the driver tries them, in
:data:`quotes.extract.attribution.driver.RULES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from quotes.extract.attribution.context import TERM_NOUN_REACH, AttributionContext
from quotes.text.lexicon.detection import USING_VERBS, VOICING_VERBS
from quotes.text.lexicon import AUX_AND_ADVERBS, CLAUSE_REPORTING_LEMMAS, PREPOSITIONS, SPEECH_NOUNS, SUBORDINATORS
from quotes.extract.attribution.resolve import speaker_of
from quotes.extract.marks import QuoteSpan
from quotes.extract.mentions import Mention

__all__ = ["Candidate", "according_to", "after", "before", "colon_intro", "later", "parse", "relayed", "signature", "turn_label"]

AFTER_WINDOW = 12
"""Tokens after a closing mark searched for the cue: "Q," said the former Leeds midfielder on Sunday (a
clause of news attribution is rarely longer)."""
PARSE_CLIMB = 6
"""Heads climbed from the quote's root to its reporting verb (a verb chain "said he would add")."""
_SUBJECT_RELATIONS = ("nsubj", "nsubj:pass", "nsubjpass")
_INHERIT_RELATIONS = ("conj", "xcomp", "advcl", "ccomp", "parataxis", "acl")
_CLAUSE_ENDS = frozenset({".", "!", "?", ";"})
_DASHES = frozenset({"―", "—", "–", "-", "--"})
_TURN_LABEL = re.compile(r"\s*([A-Z][A-Z.'’\- ]{1,30}[A-Z]):\s")
_AFTER_PUNCT = frozenset({",", "—", "–", "-", ":"})


@dataclass
class Candidate:
    """What a rule found: the mention naming the speaker (None: a cue with no subject), the cue's token, the rule."""

    mention: Optional[Mention]
    cue: int
    method: str
    speaker: Optional[str] = None
    """The speaker itself, for a rule that reads it from words no mention covers (a transcript's "PENCE:")."""


_RELAY_CUES = frozenset({"quote", "report", "cite"})
"""Cues by which an outlet or a person passes on somebody else's words ("quoted Lula as saying",
"reported Zelensky said"): the person they name is the speaker."""


def relayed(ctx: AttributionContext, c: int) -> Optional[Mention]:
    """The person a relaying cue at ``c`` names as the speaker, or None: "the channel quoted Lula
    da Silva as saying" → Lula da Silva; "the Kyiv Independent reported (that) Zelensky said" →
    Zelensky. News writing credits the words to the one who said them, not to who passed them on."""
    if ctx.cues[c] not in _RELAY_CUES:
        return None
    tokens = ctx.tokens
    k = c + 1
    if k < len(tokens) and tokens[k].text.lower() == "that":
        k += 1
    found = ctx.mentions.starting_at.get(k)
    if found is None:
        return _quoted_pronoun(ctx, c, k)
    mention = ctx.mentions.mentions[found]
    if mention.media or mention.possessive:
        return None
    j = mention.last
    if j < len(tokens) and tokens[j].text.lower() == "as" and ctx.cues[c] == "quote":
        return mention  # quoted X as saying
    j = ctx_skip_right(ctx, j)
    if j < len(tokens) and ctx.cues[j] and ctx.cues[j] != "according to" and ctx.view.outside(j):
        return mention  # reported X said
    return None


def _quoted_pronoun(ctx: AttributionContext, c: int, k: int) -> Optional[Mention]:
    """"the agency quoted him as saying": the object pronoun at ``k`` as a pronoun mention, which
    resolves to the person it stands for (the pronoun finder keeps only subjects)."""
    tokens = ctx.tokens
    if ctx.cues[c] != "quote" or k + 1 >= len(tokens) or tokens[k + 1].text.lower() != "as":
        return None
    if tokens[k].text.lower() not in {"him", "her"} or not ctx.view.outside(k):
        return None
    t = tokens[k]
    return Mention(first=k, last=k + 1, start=t.start, end=t.end, text=t.text, kind="pronoun")


def ctx_skip_right(ctx: AttributionContext, j: int) -> int:
    """First token from ``j`` that is no auxiliary or adverb ("had earlier said")."""
    while j < len(ctx.tokens) and ctx.tokens[j].text.lower() in AUX_AND_ADVERBS:
        j += 1
    return j


def after(ctx: AttributionContext, span: QuoteSpan) -> Optional[Candidate]:
    """"Q," X said / "Q," said X / "Q," X told … / "Q," X was quoted as saying (also "Q", according to X)."""
    tokens, view = ctx.tokens, ctx.view
    k = ctx.close_token(span)
    n = len(tokens)
    if k >= n or view.paragraph_of[k] != span.paragraph:
        return None
    if span.text.rstrip()[-1:] in ".…" and tokens[k].text[:1].isupper():
        return None  # "… up." Ms Thorne told the court …: a new sentence
    while k < n and tokens[k].text in _AFTER_PUNCT and view.outside(k):
        k += 1
    for c in range(k, min(n, k + AFTER_WINDOW)):
        if not view.outside(c) or view.paragraph_of[c] != span.paragraph or tokens[c].text in _CLAUSE_ENDS:
            break
        if not ctx.cues[c]:
            continue
        if ctx.cues[c] == "according to":
            m = ctx.mentions.starting_at.get(c + 2)
            return Candidate(ctx.mentions.mentions[m] if m is not None else None, c, "according-to")
        passed_on = relayed(ctx, c)
        if passed_on is not None:
            return Candidate(passed_on, c, "after")
        if c == k and c + 1 < n and (c + 1) in ctx.mentions.starting_at:
            return Candidate(ctx.mentions.mentions[ctx.mentions.starting_at[c + 1]], c, "after")  # said Kim
        inverted = _inverted_subject(ctx, c) if c > k else None
        if inverted is not None:
            return Candidate(inverted, c, "after")  # "…” that Sanders can win, said Steve Elmendorf
        subject = ctx.subject_left(c) or ctx.document_subject(c)
        if subject is not None and subject.first <= k + 1:
            return Candidate(subject, c, "after")
        return Candidate(None, c, "after")
    return _after_appositives(ctx, span, k)


APPOSITIVE_REACH = 30
"""Tokens a chain of appositives may run between the name after a quote and its verb: "“Q,” Scott
Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said" (two
descriptions of a dozen words each, longer than :data:`AFTER_WINDOW`)."""


def _after_appositives(ctx: AttributionContext, span: QuoteSpan, k: int) -> Optional[Candidate]:
    """"Q," NAME, <description>, <description>, said: the name right after the quote is the
    subject of a reporting verb that follows its appositives."""
    tokens, view = ctx.tokens, ctx.view
    found = ctx.mentions.starting_at.get(k)
    if found is None:
        return None
    name = ctx.mentions.mentions[found]
    if name.kind != "name" or name.last >= len(tokens) or tokens[name.last].text != ",":
        return None
    for j in range(name.last + 1, min(len(tokens), name.last + APPOSITIVE_REACH)):
        if not view.outside(j) or view.paragraph_of[j] != span.paragraph or tokens[j].text in _CLAUSE_ENDS:
            return None
        if tokens[j].text != ",":
            continue
        c = ctx_skip_right(ctx, j + 1)
        if c < len(tokens) and ctx.cues[c] and ctx.cues[c] != "according to" and view.outside(c):
            return Candidate(name, c, "after")
    return None


def before(ctx: AttributionContext, span: QuoteSpan) -> Optional[Candidate]:
    """X said: "Q" / X said the memorial "is …" / X told … "Q" / Putin: "Q" (nearest cue before the quote)."""
    tokens = ctx.tokens
    o = ctx.open_token(span)
    lo = ctx.view.sentence_bounds[ctx.view.sentence_of[o]][0] if o < len(tokens) else 0
    colon = _colon_intro(ctx, o, lo)
    if colon is not None:
        return colon
    fallback: Optional[Candidate] = None
    for c in range(o - 1, lo - 1, -1):
        if not ctx.cues[c] or ctx.cues[c] == "according to":
            continue
        if _other_term(ctx, c, o):
            continue
        main = main_clause_subject(ctx, c, o, lo)
        if main is not None:
            return main
        takes_quote = all(t.text.lower() in _PASSIVE_LINKS for t in tokens[c + 1 : o])
        agent = passive_agent(ctx, c, ctx.close_token(span)) if takes_quote else None
        if agent is not None and speaker_of(ctx, agent):
            return Candidate(agent, c, "before")
        subject = relayed(ctx, c) or ctx.subject_of_cue(c) or ctx.document_subject(c)
        if subject is None:
            fallback = fallback or Candidate(None, c, "before")
            continue
        if speaker_of(ctx, subject):
            return _reported_by(ctx, Candidate(subject, c, "before"))
        if fallback is None or fallback.mention is None:
            fallback = Candidate(subject, c, "before")
    return fallback


PASSIVE_AUXILIARIES = frozenset("is are was were be been being get gets got".split())
"""Words that make the verb after them passive ("was declared", "has been called")."""
_BETWEEN_PASSIVE = AUX_AND_ADVERBS - PASSIVE_AUXILIARIES
_PASSIVE_LINKS = frozenset("as a an the".split())
"""Words between a passive cue and the quote it takes: "was declared “…”", "was described as a
“…”" (after any other word the quote sits in a phrase of its own: "was reported in a “hit piece”
by the Times")."""
AGENT_REACH = 6
"""Tokens after the quote searched for the agent's "by": "… “persona non grata” by Israel today"."""


def passive_agent(ctx: AttributionContext, c: int, close: int) -> Optional[Mention]:
    """The agent of a passive cue: "Lula was declared “persona non grata” by Israel" → Israel
    (the subject before a passive verb is the one spoken of, not the speaker). None when the cue
    at ``c`` is not passive or no "by" and mention follow the quote (``close``: the first token
    after its closing mark)."""
    tokens, view = ctx.tokens, ctx.view
    j = c - 1
    while j >= 0 and tokens[j].text.lower() in _BETWEEN_PASSIVE:
        j -= 1
    if j < 0 or tokens[j].text.lower() not in PASSIVE_AUXILIARIES or not tokens[c].text.lower().endswith(("ed", "en", "id")):
        return None
    hi = min(len(tokens), close + AGENT_REACH, view.sentence_bounds[view.sentence_of[c]][1])
    for k in range(close, hi):
        if not view.outside(k):
            return None
        if tokens[k].text.lower() == "by":
            found = ctx.mentions.starting_at.get(k + 1)
            if found is None and tokens[k + 1 : k + 2] and tokens[k + 1].text.lower() == "the":
                found = ctx.mentions.starting_at.get(k + 2)  # "by the Foreign Ministry"
            return ctx.mentions.mentions[found] if found is not None else None
    return None


OUTER_REACH = 8
"""Tokens between an outer reporting verb and the subject of the clause it reports: "Obama said
he expected that Americans will say …", "Ryan told CNN on Tuesday that Ginsburg's comments …" (an
object, a time, "that"; a reported clause rarely starts further on)."""


_CLAUSE_OPENERS = frozenset("that it it's he she they we i there there's".split())
"""Words that open a reported clause ("said that …", "said it is …"): a preposition after them is the clause's own."""


def outer_report(ctx: AttributionContext, c: int, subject: Mention) -> Optional[tuple[int, Mention]]:
    """The reporting verb (and its subject) whose reported clause holds the cue at ``c`` and its
    ``subject``: in "Israel said Clinton called on members to be “closely coordinated”" the
    quotation marks are the reporter's record of what Israel said, so the words are Israel's.
    None when no verb of saying takes the clause (a comma, a clause end or another cue comes
    first) or its subject names no one."""
    tokens, view = ctx.tokens, ctx.view
    if subject.first >= c or ctx.cues[c] == "according to":
        return None
    lo = view.sentence_bounds[view.sentence_of[c]][0]
    for k in range(subject.first - 1, max(lo, subject.first - OUTER_REACH) - 1, -1):
        if tokens[k].text in _CLAUSE_ENDS or tokens[k].text == "," or not view.outside(k):
            return None
        lemma = ctx.cues[k]
        if not lemma:
            continue
        if lemma not in CLAUSE_REPORTING_LEMMAS or tokens[k].text.lower() in SPEECH_NOUNS:
            return None
        between = [t.text.lower().replace("’", "'") for t in tokens[k + 1 : subject.first]]
        b = len(between) - (2 if between[-1:] == ["the"] else 1)
        if b >= 0 and between[b] in PREPOSITIONS and not any(w in _CLAUSE_OPENERS for w in between):
            return None  # "replied on Friday to Haddad's remarks that …": the verb's own object, no clause
        outer = _quoted_as(ctx, k) or ctx.subject_of_cue(k) or ctx.document_subject(k)
        if outer is None or outer.first >= subject.first or not speaker_of(ctx, outer):
            return None
        return k, outer
    return None


QUOTED_AS_REACH = 6
"""Tokens from "quoted" to the "as" before "saying": the one quoted ("him", "Lula da Silva",
"Deputy Foreign Minister Sergei Ryabkov")."""


def _quoted_as(ctx: AttributionContext, k: int) -> Optional[Mention]:
    """The one a relaying cue quotes when the cue at ``k`` is its "as saying": "the agency quoted
    him as saying Ankara would respond “in kind”" → him (the speaker of the clause "saying" reports)."""
    if k < 2 or ctx.tokens[k - 1].text.lower() != "as":
        return None
    for c in range(k - 2, max(-1, k - 2 - QUOTED_AS_REACH), -1):
        if ctx.cues[c] == "quote":
            return relayed(ctx, c)
    return None


def utters(ctx: AttributionContext, c: int) -> bool:
    """The cue at ``c`` is a verb that says its own subject uttered the quoted words (using a
    term, voicing them), not a verb of reporting: "Bruni explained that the interviewer used the
    term “white flag”" gives the term to the interviewer, however many reporters stand around the
    clause. Characterising verbs are not among them: "Israel said Clinton called on members to be
    “closely coordinated”" records Israel's words."""
    return ctx.cues[c] in USING_VERBS or ctx.cues[c] in VOICING_VERBS


def _reported_by(ctx: AttributionContext, found: Candidate) -> Candidate:
    """``found``, or the outer reporter's candidate when its clause is reported (:func:`outer_report`)."""
    if found.mention is None or relayed(ctx, found.cue) is not None or utters(ctx, found.cue):
        return found
    outer = outer_report(ctx, found.cue, found.mention)
    return found if outer is None else Candidate(outer[1], outer[0], found.method)


def main_clause_subject(ctx: AttributionContext, c: int, o: int, lo: int) -> Optional[Candidate]:
    """The main clause's subject when the cue at ``c`` sits in an adverbial clause that opens
    the sentence and the main clause follows before the quote at ``o``: "After Gov. Jerry Brown
    criticized Bill Clinton, Hillary shot back, “…”" → Hillary, not Brown. None otherwise."""
    tokens, view = ctx.tokens, ctx.view
    if tokens[lo].text.lower() not in SUBORDINATORS:
        return None
    comma = next((k for k in range(c + 1, o) if tokens[k].text == "," and view.outside(k)), None)
    if comma is None:
        return None
    found = ctx.mentions.starting_at.get(comma + 1)
    if found is None:
        return None
    subject = ctx.mentions.mentions[found]
    verb = ctx_skip_right(ctx, subject.last)
    if subject.possessive or verb >= o or not (tokens[verb].text.isalpha() and tokens[verb].text.islower()):
        return None
    return Candidate(subject, verb, "before") if speaker_of(ctx, subject) else None


def _colon_intro(ctx: AttributionContext, o: int, lo: int) -> Optional[Candidate]:
    """X smiled: "Q" / Putin: "Q" — a colon hands the quote to the clause before it."""
    c = o - 1
    if c <= lo or ctx.tokens[c].text != ":" or not ctx.view.outside(c):
        return None
    named = ctx.mentions.ending_at.get(c)
    if named is not None and ctx.mentions.mentions[named].first == lo:
        return Candidate(ctx.mentions.mentions[named], c - 1, "before")  # headline style "Putin: …"
    subject = ctx.subject_of_cue(c - 1)
    if subject is not None and speaker_of(ctx, subject):
        return Candidate(subject, c - 1, "before")
    if not any(ctx.cues[k] for k in range(lo, c)):
        # "Jeb Bush broke down what was wrong with the image to the newspaper: “…”": with no
        # reporting verb, the clause a colon closes is its subject's introduction of the words
        subject = ctx.sentence_subject(lo)
        if subject is not None and subject.kind != "pronoun" and speaker_of(ctx, subject):
            return Candidate(subject, c - 1, "before")
    return None


_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she"}


def colon_intro(ctx: AttributionContext, span: QuoteSpan) -> Optional[Candidate]:
    """A paragraph ending in a colon introduces the quote that opens the next one: "Zelensky told
    parliament:", "The key quotes from his address follow:", "Putin:" → the next paragraph's
    quote. The speaker is, in turn, the name the line consists of, the subject of its reporting
    verb, its grammatical subject, or the owner of "his address"."""
    view, tokens = ctx.view, ctx.tokens
    own = view.paragraph_tokens(span.paragraph)
    if not own or ctx.open_token(span) != own[0]:
        return None
    before_it = view.paragraph_tokens(span.paragraph - 1)
    if not before_it:
        return None
    colon = before_it[-1]
    if tokens[colon].text != ":" or not view.outside(colon):
        return None
    lo = view.sentence_bounds[view.sentence_of[colon]][0]
    named = ctx.mentions.ending_at.get(colon)
    if named is not None and ctx.mentions.mentions[named].first == lo:
        return Candidate(ctx.mentions.mentions[named], colon, "colon-intro")
    for c in range(colon - 1, lo - 1, -1):
        if ctx.cues[c] and ctx.cues[c] != "according to":
            subject = relayed(ctx, c) or ctx.subject_of_cue(c) or ctx.document_subject(c)
            if subject is not None and speaker_of(ctx, subject):
                return Candidate(subject, c, "colon-intro")
    subject = ctx.sentence_subject(lo)
    if subject is not None and speaker_of(ctx, subject):
        return Candidate(subject, colon, "colon-intro")
    for i in range(lo, colon):
        pronoun = _POSSESSIVE_PRONOUNS.get(tokens[i].text.lower())
        if pronoun is not None and view.outside(i):
            owner = Mention(first=i, last=i + 1, start=tokens[i].start, end=tokens[i].end, text=pronoun, kind="pronoun")
            if speaker_of(ctx, owner):
                return Candidate(owner, colon, "colon-intro")
    return None


def _other_term(ctx: AttributionContext, c: int, o: int) -> bool:
    """The cue at ``c`` is a verb of using a term that is not the quote opening at token ``o``:
    "used the term white flag “to indicate …”" (the term comes right after "the term", or not at all)."""
    return ctx.cues[c] in USING_VERBS and not 0 < o - c <= TERM_NOUN_REACH + 1


def according_to(ctx: AttributionContext, span: QuoteSpan) -> Optional[Candidate]:
    """… "Q" …, according to X (anywhere in the quote's sentence)."""
    o = ctx.open_token(span)
    if o >= len(ctx.tokens):
        return None
    a, b = ctx.view.sentence_bounds[ctx.view.sentence_of[o]]
    seen: Optional[Candidate] = None
    for c in range(a, b):
        if ctx.cues[c] == "according to":
            m = ctx.mentions.starting_at.get(c + 2)
            if m is not None and speaker_of(ctx, ctx.mentions.mentions[m]):
                return Candidate(ctx.mentions.mentions[m], c, "according-to")
            seen = seen or Candidate(None, c, "according-to")
    return seen


def later(ctx: AttributionContext, span: QuoteSpan) -> Optional[Candidate]:
    """A reporting verb later in the quote's sentence: "Q" was the message X gave on Friday."""
    o = ctx.open_token(span)
    if o >= len(ctx.tokens):
        return None
    b = ctx.view.sentence_bounds[ctx.view.sentence_of[o]][1]
    seen: Optional[Candidate] = None
    for c in range(ctx.close_token(span), b):
        if ctx.cues[c] and ctx.cues[c] != "according to":
            inverted = _inverted_subject(ctx, c)
            if inverted is not None:
                return Candidate(inverted, c, "later")
            subject = relayed(ctx, c) or ctx.subject_of_cue(c) or ctx.document_subject(c)
            if subject is not None and speaker_of(ctx, subject):
                return Candidate(subject, c, "later")
            seen = seen or Candidate(None, c, "later")
    return seen


def _inverted_subject(ctx: AttributionContext, c: int) -> Optional[Mention]:
    """"…, said Steve Elmendorf, a strategist": a verb of saying after a comma with a name right
    after it has that name for subject (news writing's inversion), not a name before the comma."""
    if c < 1 or ctx.tokens[c - 1].text != "," or ctx.cues[c] not in CLAUSE_REPORTING_LEMMAS:
        return None
    found = ctx.mentions.starting_at.get(c + 1)
    if found is None:
        return None
    mention = ctx.mentions.mentions[found]
    return mention if mention.kind != "pronoun" and not mention.possessive and speaker_of(ctx, mention) else None


def parse(ctx: AttributionContext, span: QuoteSpan) -> Optional[Candidate]:
    """The quote hangs in the dependency parse from a reporting verb whose subject is a known speaker."""
    tokens = ctx.tokens
    inside = [i for i in ctx.view.token_range(span.start, span.end) if tokens[i].head is not None]
    # the quote's own root: a token whose head lies outside the quote
    roots = [i for i in inside if tokens[i].head < 0 or not (span.start <= tokens[tokens[i].head].start < span.end)]
    for root in roots[:2]:
        h = tokens[root].head
        for _ in range(PARSE_CLIMB):
            if h is None or h < 0 or ctx.view.paragraph_of[h] != span.paragraph:
                break
            if ctx.cues[h] and ctx.cues[h] != "according to" and not _other_term(ctx, h, ctx.open_token(span)):
                subject = relayed(ctx, h) or _parse_subject(ctx, h)
                if subject is not None and speaker_of(ctx, subject):
                    return _reported_by(ctx, Candidate(subject, h, "parse"))
                break
            h = tokens[h].head
    return None


def _parse_subject(ctx: AttributionContext, verb: int, depth: int = 0) -> Optional[Mention]:
    for i in ctx.children(verb):
        if (ctx.tokens[i].deprel or "") in _SUBJECT_RELATIONS:
            return ctx.mention_covering(i)
    rel = ctx.tokens[verb].deprel or ""
    head = ctx.tokens[verb].head
    if depth < 3 and head is not None and head >= 0 and rel.split(":")[0] in _INHERIT_RELATIONS:
        return _parse_subject(ctx, head, depth + 1)
    return None


def signature(ctx: AttributionContext, span: QuoteSpan) -> Optional[Candidate]:
    """"Q" ― Sonya Herridge: a dash and a name closing the paragraph sign the quote (reader
    comments, vox pops, epigraphs), or a line of its own after a quote that closes its paragraph
    ("Q." ¶ "- Bernie Sanders.", as fact-checks list the claims they check)."""
    tokens, view = ctx.tokens, ctx.view
    k = ctx.close_token(span)
    if k < len(tokens) and tokens[k].text in {",", "."} and view.outside(k):
        k += 1
    # an engine may glue the dash to the closing mark ("”―")
    if k + 1 >= len(tokens) or tokens[k].text.lstrip("”\"’'»") not in _DASHES:
        return None
    line = view.paragraph_of[k]
    if line != span.paragraph and not (line == span.paragraph + 1 and view.paragraph_of[k - 1] != line):
        return None
    found = ctx.mentions.starting_at.get(k + 1)
    if found is None:
        return None
    mention = ctx.mentions.mentions[found]
    end = mention.last
    text = view.doc.text

    def line_ends(i: int) -> bool:
        # the name closes its line (a list of signed comments can be one paragraph of lines)
        return i < len(tokens) and "\n" in text[tokens[i - 1].end : tokens[i].start]

    while end < len(tokens) and view.paragraph_of[end] == line and not tokens[end].text[:1].isalnum() and not line_ends(end):
        end += 1  # a closing full stop
    if end < len(tokens) and view.paragraph_of[end] == line and (tokens[end].text != "," or line != span.paragraph) and not line_ends(end):
        return None  # the name runs on into a sentence: "— Kim said" is the after rule's
    return Candidate(mention, k, "signature")


def turn_label(ctx: AttributionContext, span: QuoteSpan) -> Optional[Candidate]:
    """A transcript turn quoted whole: "WALLACE: Let's start with …" is Wallace's; the label
    goes to the article's person of that surname when there is one."""
    match = _TURN_LABEL.match(span.text)
    if match is None:
        return None
    label = match.group(1).strip()
    words = label.lower().replace("’", "'").split()
    speaker = None
    for ref in ctx.mentions.referents:
        if not (ref.media or ref.place) and ref.key and ref.key[-len(words):] == tuple(words):
            speaker = ref.name
            break
    if speaker is None:
        speaker = " ".join(w.capitalize() for w in label.split())
    return Candidate(None, ctx.open_token(span), "turn-label", speaker=speaker)
