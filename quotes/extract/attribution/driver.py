"""The attribution driver: run the rules in their declared order, then carry-over.

Order (:data:`RULES`; the first rule whose mention resolves to a speaker decides and names
itself in ``Quote.method``):

============== ===== ==========================================================================
rule           conf. pattern
============== ===== ==========================================================================
``turn-label`` 0.9   a transcript turn quoted whole: "WALLACE: Let's start with …"
``parse``      0.92  the quote hangs in the dependency parse from a reporting verb (parsed documents only)
``after``      0.95  "Q," X said / "Q," said X / "Q," X told … / "Q", according to X
``before``     0.88  X said: "Q" / X said the memorial "is …" / Putin: "Q"
``according-to`` 0.8 … "Q" …, according to X, anywhere in the sentence
``later``      0.7   a reporting verb later in the quote's sentence
``signature``  0.85  "Q" ― Sonya Herridge: a dash and a name closing the paragraph, or a
                     line of their own under a quote that closes its paragraph
``colon-intro`` 0.85 Zelensky told parliament: ¶ "Q" — a paragraph ending in a colon hands the
                     next one's quote to its speaker (less sure than a cue in the quote's own
                     sentence, 0.88: the line may introduce a document or a list)
============== ===== ==========================================================================

Then, for a quote no rule attributes, carry-over (:mod:`.carry`): ``same-paragraph`` (0.8),
``continuation`` (0.75), and ``unresolved`` when the rule's words name no one it can identify
("the statement said", a "he" with no one before: ``speaker_mention`` set, speaker null; an
unnamed person, "the spokeswoman", is the speaker as described). A mention that is not a name is
worth 0.9 of its rule's confidence.

A quote inside a quote (``depth > 0``) is read by :func:`nested_attribution`: the rules run on it
with the outer quote taken as reporter's text, and only a speaker the outer words name counts
(``nested``, the rule's confidence x :data:`NESTED_FACTOR`); otherwise it has no speaker, and the
pipeline makes it a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from quotes.extract.attribution import rules
from quotes.extract.attribution.carry import carry_over, pending
from quotes.extract.attribution.context import Attribution, AttributionContext
from quotes.extract.attribution.resolve import antecedent, speaker_of
from quotes.extract.attribution.rules import Candidate
from quotes.extract.marks import QuoteSpan
from quotes.extract.mentions import find_mentions
from quotes.text.names import name_key

__all__ = ["RULES", "Proposal", "Rule", "attribute", "attribute_all", "nested_attribution", "read_inside"]

DESCRIPTION_FACTOR = 0.9
"""A pronoun or a description is a less sure speaker than a name (its resolution may be wrong)."""
NESTED_FACTOR = 0.8
"""A quote inside a quote is reported at second hand: its speaker is less sure than the rule's
own confidence (the outer speaker may paraphrase, the inner cue may be theirs)."""


@dataclass(frozen=True)
class Rule:
    """An attribution rule with its name (the ``method`` it gives) and its confidence."""

    name: str
    find: Callable[[AttributionContext, QuoteSpan], Optional[Candidate]]
    confidence: float
    needs_parse: bool = False


RULES: tuple[Rule, ...] = (
    Rule("turn-label", rules.turn_label, 0.9),
    Rule("parse", rules.parse, 0.92, needs_parse=True),
    Rule("after", rules.after, 0.95),
    Rule("before", rules.before, 0.88),
    Rule("according-to", rules.according_to, 0.8),
    Rule("later", rules.later, 0.7),
    Rule("signature", rules.signature, 0.85),
    Rule("colon-intro", rules.colon_intro, 0.85),
)
"""The rules in the order they are tried (the module docstring's table)."""
CONFIDENCE: dict[str, float] = {rule.name: rule.confidence for rule in RULES}


@dataclass
class Proposal:
    """A rule's candidate with the speaker its mention resolves to (None when it names no one)."""

    rule: Rule
    candidate: Candidate
    speaker: Optional[str]


def propose(ctx: AttributionContext, span: QuoteSpan) -> list[Proposal]:
    """Every rule's candidate for ``span``, in rule order."""
    found: list[Proposal] = []
    for rule in RULES:
        if rule.needs_parse and not ctx.use_parse:
            continue
        candidate = rule.find(ctx, span)
        if candidate is not None:
            speaker = candidate.speaker or speaker_of(ctx, candidate.mention)
            found.append(Proposal(rule, candidate, speaker))
    return found


def attribute(ctx: AttributionContext, span: QuoteSpan, proposals: Optional[list[Proposal]] = None) -> Attribution:
    """Attribute one quote span (spans must come in text order: carry-over reads the ones before)."""
    proposals = propose(ctx, span) if proposals is None else proposals
    hit = next((p for p in proposals if p.speaker), None)
    if hit is not None:
        mention = hit.candidate.mention
        # "after" finds "according to X" too and then names itself so
        method = hit.candidate.method
        named = mention is None or mention.kind == "name"
        confidence = CONFIDENCE[method] * (1.0 if named else DESCRIPTION_FACTOR)
        cue = ctx.cue_text(hit.candidate.cue) if mention is not None else None
        result = Attribution(hit.speaker, mention.text if mention is not None else hit.speaker, cue, method, confidence, True)
    else:
        seen = bool(proposals)
        unresolved = next((p.candidate for p in proposals if p.candidate.mention is not None and not p.candidate.mention.media), None)
        result = carry_over(ctx, span) or (
            Attribution(None, unresolved.mention.text, ctx.cue_text(unresolved.cue), "unresolved", 0.0, True)
            if unresolved is not None and unresolved.mention is not None else Attribution(had_cue=seen)
        )
        result.had_cue = result.had_cue or seen
    ctx.history.append((span, result))
    return result


def enclosing(spans: list[QuoteSpan], span: QuoteSpan) -> Optional[QuoteSpan]:
    """The quote that holds a nested ``span`` (the nearest one a level up that is still open)."""
    for s in reversed(spans):
        if s.depth == span.depth - 1 and s.open_mark < span.open_mark and (s.close_mark is None or s.close_mark > span.open_mark):
            return s
    return None


def _within(span: QuoteSpan, start: int) -> bool:
    return span.open_mark < start < (span.close_mark if span.close_mark is not None else span.end)


def read_inside(ctx: AttributionContext, spans: list[QuoteSpan], outer: QuoteSpan) -> AttributionContext:
    """The article re-read with ``outer``'s words as reporter's text (its nested quotes a level up)."""
    lifted = [s.model_copy(update={"depth": s.depth - 1}) if _within(outer, s.open_mark) else s for s in spans if s is not outer]
    view = ctx.view.with_spans(lifted)
    return AttributionContext(view, find_mentions(view))


def nested_attribution(
    ctx: AttributionContext,
    spans: list[QuoteSpan],
    span: QuoteSpan,
    outer_speaker: Optional[str] = None,
    inside: Optional[AttributionContext] = None,
) -> Attribution:
    """A quote inside a quote, attributed by the outer quote's own words: "The Pope uses the term
    'white flag'", "the DGMO telephoned and informed him, 'There will be …'". The outer quote is
    read as if it were reporter's text and the rules run on the inner span; only a cue and a
    speaker inside the outer quote count (the reporter's "…," Bruni said names the outer speaker,
    not the inner one); a pronoun there is never the outer speaker, who would say "I". No such
    words: no speaker. ``inside`` is :func:`read_inside` of the outer quote, when the caller has it
    (the quotes nested in one outer quote share it)."""
    outer = enclosing(spans, span)
    if outer is None:
        return Attribution()
    inner_ctx = inside or read_inside(ctx, spans, outer)
    inner = next(s for s in inner_ctx.view.spans if s.open_mark == span.open_mark)
    for proposal in propose(inner_ctx, inner):
        mention = proposal.candidate.mention
        if mention is None or not _within(outer, mention.start) or not _within(outer, inner_ctx.tokens[proposal.candidate.cue].start):
            continue
        speaker = proposal.speaker
        if mention.kind == "pronoun" and outer_speaker is not None:
            person = antecedent(inner_ctx, mention, exclude=_canonical(inner_ctx, outer_speaker))
            speaker = person.name if person is not None else None
        if not speaker:
            continue
        named = mention.kind == "name"
        confidence = proposal.rule.confidence * NESTED_FACTOR * (1.0 if named else DESCRIPTION_FACTOR)
        cue = inner_ctx.cue_text(proposal.candidate.cue)
        return Attribution(_canonical(ctx, speaker), mention.text, cue, "nested", confidence, True)
    return Attribution()


def _canonical(ctx: AttributionContext, speaker: str) -> str:
    """The article's name for a speaker found in a re-read of it (the fullest name with that key)."""
    key = name_key(speaker)
    for ref in ctx.mentions.referents:
        if key and ref.key[-len(key):] == key:
            return ref.name
    return speaker


def attribute_all(ctx: AttributionContext, spans: list[QuoteSpan]) -> list[tuple[QuoteSpan, Attribution, list[Proposal]]]:
    """Every span's attribution after carry-over both ways, with the rules' proposals (a nested
    span's from :func:`nested_attribution`, with no proposals)."""
    decided: list[tuple[QuoteSpan, Attribution, list[Proposal]]] = []
    inside: dict[int, AttributionContext] = {}  # one re-read per outer quote, keyed by its open mark
    for span in spans:
        if span.depth:
            outer = enclosing(spans, span)
            if outer is None:
                decided.append((span, Attribution(), []))
                continue
            held = next((a.speaker for s, a, _ in reversed(decided) if s is outer), None)
            if outer.open_mark not in inside:
                inside[outer.open_mark] = read_inside(ctx, spans, outer)
            decided.append((span, nested_attribution(ctx, spans, span, held, inside[outer.open_mark]), []))
            continue
        proposals = propose(ctx, span)
        decided.append((span, attribute(ctx, span, proposals), proposals))
    pairs = [(s, a) for s, a, _ in decided]
    return [(s, pending(s, a, pairs[i + 1 :]), p) for i, (s, a, p) in enumerate(decided)]
