"""Mention → speaker: the person a name, a pronoun or an epithet refers to.

Kept apart from the rules: a rule finds *which words* name the speaker; this module says *who*
they are. Names go to their referent's fullest form; "he"/"she" to the last person of that
gender named before, preferring a subject; an epithet ("the Russian leader") to the person whose
titles fit best; a document's words to its author.
"""

from __future__ import annotations

from typing import Optional

from quotes.extract.attribution.context import AttributionContext
from quotes.text.lexicon import DOCUMENT_WORDS, PRONOUN_GENDERS, ROLE_WORDS, SPEECH_NOUNS, SUBORDINATORS, UNNAMED_ROLES, is_organisation, is_place
from quotes.extract.mentions import Mention, Referent, descriptor_match

__all__ = [
    "antecedent",
    "apposed_name",
    "description",
    "named_later",
    "other_role",
    "recent_organisation",
    "recent_person",
    "resolve",
    "speaker_of",
]


DESCRIPTION_ANTECEDENT_SENTENCES = 3
"""How far back a description looks for whom it stands for ("the 45-year-old said" → the person,
"the group said" → the organisation): the sentences of one short paragraph."""

_UNNAMED_PEOPLE = UNNAMED_ROLES - DOCUMENT_WORDS - SPEECH_NOUNS
"""Unnamed roles that are people ("the spokeswoman", "the interviewer"), not documents ("the statement")."""


def resolve(ctx: AttributionContext, mention: Mention) -> Optional[str]:
    """Canonical speaker name for a mention (pronouns and epithets resolved), or None."""
    if mention.media:
        return None
    if mention.members:
        # "Trump and Ryan issued a statement": both speak; each name as the article gives it in full
        names = [resolve(ctx, ctx.mentions.mentions[k]) for k in mention.members]
        return " and ".join(names) if all(names) else None
    if mention.kind == "name":
        ref = ctx.mentions.referents[mention.referent] if mention.referent is not None else None
        if ref is not None and ref.media:
            return None
        return ref.name if ref else mention.name
    if mention.kind == "pronoun":
        if mention.text.lower() not in PRONOUN_GENDERS:
            return None
        person = antecedent(ctx, mention)
        if person is not None:
            return person.name
        return next((a.speaker for _, a in reversed(ctx.history) if a.speaker), None)
    if "<group>" in mention.descriptors:
        return description(mention)  # "Scott's family", "Clinton's campaign": the group speaks, not its owner
    if "<indefinite>" in mention.descriptors:
        # "a senior U.S. official said": someone new, whom the article does not name; the
        # description is all a reader knows of the speaker, and it is true
        return description(mention)
    # "the president of Brazil, Luiz Lula, said": an office in apposition is the person it names
    named = appositive_referent(ctx, mention)
    if named is not None:
        return named.name
    # epithet: the person mentioned before whose titles fit best, the most recent on a tie
    titled = titled_referent(ctx, mention) or (titled_referent(ctx, mention, ahead=True) if in_headline(ctx, mention) else None)
    if titled is not None:
        return titled.name
    if "<organisation>" in mention.descriptors and mention.last - mention.first == 2:
        # "the group said", "the company wrote": the organisation named just before, else the
        # description ("group" alone is no one's name)
        named = recent_organisation(ctx, mention)
        return named.name if named is not None else description(mention)
    if mention.descriptors & {"<office>", "<organisation>"}:
        return mention.name  # "the Fair Work Ombudsman said", "the university council said"
    if "<owned>" in mention.descriptors:
        # "Donald Trump's campaign manager says": a role held for someone the text names, so a
        # person of its own; it is who the titles say, the name it stands in apposition to, or
        # else the description, never whoever was named last ("the end of the Cold War. …
        # Donald Trump's campaign manager says")
        apposed = apposed_name(ctx, mention)
        return apposed.name if apposed is not None else description(mention)
    if "<style>" in mention.descriptors:
        return description(mention)  # "the Holy Father" with no pope named: the style is all the text says
    if mention.descriptors & UNNAMED_ROLES:
        # "The interviewer used the term …", "the spokeswoman said": someone the article does not
        # name (never the last person named); the description is who they are to a reader
        # ("the statement said" describes a document, whose author is no one here)
        return description(mention) if mention.descriptors & _UNNAMED_PEOPLE else None
    # "Angela Merkel arrived … the chancellor told reporters", "the 45-year-old said":
    # a description refers back to the person last named
    ref = recent_person(ctx, mention.start, within_sentences=DESCRIPTION_ANTECEDENT_SENTENCES, mention=mention)
    if ref is not None and other_role(mention, ref):
        return description(mention)
    return ref.name if ref is not None else None


def description(mention: Mention) -> str:
    """A description as a speaker's name: its words, with a sentence-opening article in lower case.

    >>> description(Mention(first=0, last=2, start=0, end=15, text="The interviewer", kind="epithet"))
    'the interviewer'
    """
    first, _, rest = mention.text.partition(" ")
    if rest and first in {"The", "A", "An"}:
        return f"{first.lower()} {rest}"
    return mention.text


def other_role(mention: Mention, ref: Referent) -> bool:
    """The epithet names a role and the person has titles of their own, none of which fits it:
    "Vatican spokesman Matteo Bruni explained that the journalist …" (the journalist is not Bruni)."""
    return bool(mention.descriptors & ROLE_WORDS) and bool(ref.descriptors & ROLE_WORDS) and descriptor_match(mention.descriptors, ref) == 0


ROLE_COMPLEMENT_WORDS = 4
"""Words an "of" phrase may add to a role before the name in apposition: "director of
communications", "head of the foreign ministry"."""


def appositive_referent(ctx: AttributionContext, mention: Mention) -> Optional[Referent]:
    """The person an epithet names in apposition: "The Israeli Prime Minister, Benjamin Netanyahu, …"."""
    k = mention.last
    if k < len(ctx.tokens) and ctx.tokens[k].text.lower() == "of":
        # "The Vatican's director of communications, Matteo Bruni": the role's complement first
        end = min(len(ctx.tokens), k + 1 + ROLE_COMPLEMENT_WORDS)
        k += 1
        while k < end and ctx.tokens[k].text.isalpha() and ctx.view.outside(k):
            k += 1
    if k >= len(ctx.tokens) or ctx.tokens[k].text != ",":
        return None
    found = ctx.mentions.starting_at.get(k + 1)
    if found is None:
        return None
    name = ctx.mentions.mentions[found]
    if name.kind != "name" or name.referent is None:
        return None
    ref = ctx.mentions.referents[name.referent]
    # a full name in apposition to a role ("the president of Brazil, Luiz Lula") is its holder,
    # even where no NER or title marks the name as a person's
    # (a small NER model's ORG for a person's name does not count against it; an organisation's
    # own last word does: "the group's leader, Hamas Council")
    holder = bool(mention.descriptors & ROLE_WORDS) and len(ref.key) >= 2 and not (ref.place or ref.media or is_organisation(ref.key))
    return ref if ref.person or holder else None


def apposed_name(ctx: AttributionContext, mention: Mention) -> Optional[Referent]:
    """The name an epithet follows in apposition: "Andrii Yurash, Ukraine's ambassador to the
    Holy See, said" (the epithet is the name's second mention, not someone new)."""
    k = mention.first - 1
    if k < 1 or ctx.tokens[k].text != ",":
        return None
    found = ctx.mentions.ending_at.get(k)
    if found is None:
        return None
    name = ctx.mentions.mentions[found]
    if name.kind != "name" or name.referent is None or name.possessive:
        return None
    ref = ctx.mentions.referents[name.referent]
    return None if ref.media or ref.place or "<org>" in ref.descriptors else ref


def in_headline(ctx: AttributionContext, mention: Mention) -> bool:
    """The mention is in the article's first line and that line is a title (no closing full stop):
    a headline names its people before the text does ("President claims …" over a story on Lula)."""
    if ctx.view.paragraph_of[mention.first] != 0:
        return False
    line = ctx.view.paragraph_tokens(0)
    return bool(line) and ctx.tokens[line[-1]].text not in {".", "!", "?"}


def titled_referent(ctx: AttributionContext, mention: Mention, ahead: bool = False) -> Optional[Referent]:
    """The person named before an epithet whose titles fit it best ("the 87-year-old pope" →
    Pope Francis), the most recent on a tie; None when no title fits. ``ahead``: people named
    anywhere in the article count (for a headline), the first named on a tie."""
    best: tuple[int, int, Optional[Referent]] = (0, -1, None)
    for ref in ctx.mentions.referents:
        if not ref.person:
            continue
        starts = [ctx.mentions.mentions[k].start for k in ref.mentions]
        last = -min(starts, default=0) if ahead else max((s for s in starts if s < mention.start), default=-1)
        if not ahead and last < 0:
            continue
        score = descriptor_match(mention.descriptors, ref)
        if (score, last) > best[:2]:
            best = (score, last, ref)
    return best[2] if best[2] is not None and best[0] >= 1 else None


def antecedent(ctx: AttributionContext, pronoun: Mention, exclude: Optional[str] = None) -> Optional[Referent]:
    """The person "he"/"she" refers to: the last person of that gender named before it,
    preferring a subject ("Judge Hewitt told Ashcroft … She said" → Hewitt). ``exclude`` is a
    person the pronoun cannot be: inside someone's quote "he" is never the speaker (who says "I").
    Any other pronoun ("I", "we", "they") stands for no one person named before it: None (a nested
    quote's "I don't think you hear her saying, ‘…’" is not the last man named). "him" and "her"
    are read as "he" and "she" (a relaying cue's "quoted him as saying")."""
    gender = PRONOUN_GENDERS.get(pronoun.text.lower())
    if gender is None:
        return None
    later = named_later(ctx, pronoun)
    fallback: Optional[tuple[Referent, int]] = None
    for m in reversed(ctx.mentions.mentions):
        if m.start >= pronoun.start or m.possessive:
            continue
        # "The 87-year-old pope was asked …: “…,” he said": a title that fits a person named before
        titled = None
        if m.kind == "epithet" and m.referent is None:
            titled = appositive_referent(ctx, m) or titled_referent(ctx, m)
        if m.referent is None and titled is None:
            continue
        sentence = ctx.view.sentence_of[m.first]
        if fallback is not None and fallback[1] - sentence > 1:
            break
        ref = titled if titled is not None else ctx.mentions.referents[m.referent]
        # an epithet's holder in apposition is a person whatever NER said of the name ("The
        # Vatican's director of communications, Matteo Bruni, issued …. He said …" → Bruni)
        if not (ref.person or titled is not None) or (ref.gender and ref.gender != gender):
            continue
        if (exclude is not None and ref.name == exclude) or ref.index in later:
            continue
        if ctx.salient(m):
            return ref
        if fallback is None:
            fallback = (ref, sentence)
    return fallback[0] if fallback is not None else None


def named_later(ctx: AttributionContext, pronoun: Mention) -> set[int]:
    """Referents a main-clause pronoun cannot be: the people its own sentence names after it,
    before any quote ("Indeed, he continued, the Pope's view …": he is not the Pope). A pronoun
    in a clause that opens with a subordinator may name ahead ("When he arrived, Trump said …"),
    so it excludes no one."""
    view = ctx.view
    sentence = view.sentence_of[pronoun.first]
    lo, hi = view.sentence_bounds[sentence]
    if any(ctx.tokens[k].text.lower() in SUBORDINATORS for k in range(lo, pronoun.first)):
        return set()
    # up to the next quote: "He said, “…,” Trump said" names the same man again after the quote
    hi = next((k for k in range(pronoun.last, hi) if not view.outside(k)), hi)
    later: set[int] = set()
    for k in range(pronoun.last, hi):
        found = ctx.mentions.starting_at.get(k)
        if found is None:
            continue
        m = ctx.mentions.mentions[found]
        ref = ctx.mentions.referents[m.referent] if m.kind == "name" and m.referent is not None else (
            titled_referent(ctx, m) if m.kind == "epithet" else None
        )
        if ref is not None:
            later.add(ref.index)
    return later


def recent_person(
    ctx: AttributionContext, position: int, within_sentences: Optional[int] = None, mention: Optional[Mention] = None
) -> Optional[Referent]:
    """The person mentioned last before ``position`` (a full name counts when no NER says otherwise)."""
    here = ctx.view.sentence_of[mention.first] if mention is not None else None
    for m in reversed(ctx.mentions.mentions):
        if m.start >= position or m.referent is None or m.possessive:
            continue
        if within_sentences is not None and here is not None and here - ctx.view.sentence_of[m.first] > within_sentences:
            return None
        ref = ctx.mentions.referents[m.referent]
        if ref.person or (within_sentences is not None and len(ref.key) >= 2 and not ref.media and not ref.place
                          and "<org>" not in ref.descriptors):
            return ref
    return None


def recent_organisation(ctx: AttributionContext, mention: Mention) -> Optional[Referent]:
    """The organisation named last before ``mention`` within :data:`DESCRIPTION_ANTECEDENT_SENTENCES`
    sentences ("The Pew Research Center … the group said"), or None. A place, an outlet or a
    person is not one."""
    here = ctx.view.sentence_of[mention.first]
    for m in reversed(ctx.mentions.mentions):
        if m.start >= mention.start or m.referent is None:
            continue
        if here - ctx.view.sentence_of[m.first] > DESCRIPTION_ANTECEDENT_SENTENCES:
            return None
        ref = ctx.mentions.referents[m.referent]
        if "<org>" in ref.descriptors and not (ref.person or ref.place or ref.media or is_place(ref.key)):
            return ref
    return None


def speaker_of(ctx: AttributionContext, mention: Optional[Mention]) -> Optional[str]:
    """The speaker a rule's mention names, or None (an epithet without descriptors names no one)."""
    if mention is None or (mention.kind == "epithet" and not mention.descriptors):
        return None
    return resolve(ctx, mention)
