"""The learned ranker: every plausible speaker of a quote, scored, the best one chosen.

The rules (:mod:`.rules`) and carry-over (:mod:`.carry`) propose; this module decides. For each
quote it gathers *options* — every person the rules proposed, every person mentioned from
:data:`WINDOW_BEFORE` paragraphs before the quote to :data:`WINDOW_AFTER` after it (pronouns and
epithets resolved), the speakers of the quotes before and after, and the article's first-named
person — and describes each by features (which rules proposed it, distance and direction from
the quote, sentence and paragraph position, mention type, subject of a reporting verb, person /
place / organisation, how often the article mentions and quotes it). A logistic regression
trained on PolNeAR's train split (``tools/train_ranker.py``; weights in
``speaker_model.json`` beside this module) gives each option the probability that it is the
speaker. The best option is the speaker when that probability reaches the model's calibrated
threshold; below it the speaker is null.

``Quote.confidence`` is that probability: calibrated on held-out folds of the training
articles, so of the quotes given confidence 0.8, about eight in ten have the right speaker
(on news like PolNeAR's). ``Quote.method`` names where the chosen speaker came from: the rule
that proposed it (``after``, ``before``, …), or ``continuation`` (the previous quote's speaker),
``cataphora`` (the next quote's), ``nearby`` (a person mentioned close by) or ``main-speaker``
(the article's first-named person).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from quotes.extract.attribution.carry import one_quotation
from quotes.extract.attribution.context import Attribution, AttributionContext
from quotes.extract.attribution.driver import CONFIDENCE, Proposal
from quotes.extract.attribution.resolve import resolve
from quotes.extract.marks import QuoteSpan
from quotes.extract.mentions import Mention
from quotes.extract.textview import TextView
from quotes.text.lexicon import AUX_AND_ADVERBS, OBJECT_CUES, PERSON_PRONOUNS, PREPOSITIONS, is_place

__all__ = ["MODEL_PATH", "Option", "SpeakerModel", "options_for", "rank"]

MODEL_PATH = Path(__file__).with_name("speaker_model.json")
WINDOW_BEFORE = 3
"""Paragraphs before the quote's own whose mentions are options: a speech quoted over a few
paragraphs names its speaker once, at its start."""
WINDOW_AFTER = 1
"""Paragraphs after the quote's own (cataphora: the speaker named in the next paragraph)."""
DISTANCE_EDGES = (0, 2, 5, 10, 20, 40)
"""Token-distance buckets: adjacent, within a short clause, a clause, a sentence, two, more."""
ORIGIN_ORDER = ("continuation", "cataphora", "nearby", "main-speaker")
"""Methods of options no rule proposed, most specific first."""


@dataclass
class Option:
    """One person the ranker may choose for a quote: the name, the nearest mention, the features."""

    speaker: str
    mention: Optional[Mention] = None
    features: dict[str, float] = field(default_factory=dict)
    origins: list[str] = field(default_factory=list)
    """Where the option came from: rule names, then :data:`ORIGIN_ORDER` entries."""
    distance: float = math.inf


class SpeakerModel:
    """Logistic regression over option features, with the threshold under which the speaker is null."""

    def __init__(self, weights: dict[str, float], threshold: float) -> None:
        self.weights = weights
        self.threshold = threshold

    @classmethod
    def from_json(cls, text: str) -> "SpeakerModel":
        """The model of a weights file written by ``tools/train_ranker.py``."""
        data = json.loads(text)
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["threshold"]))

    def probability(self, features: dict[str, float]) -> float:
        """P(this option is the speaker).

        >>> SpeakerModel({"bias": 0.0}, 0.5).probability({"bias": 1.0})
        0.5
        """
        z = sum([self.weights.get(k, 0.0) * v for k, v in features.items()])
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def default_model() -> SpeakerModel:
    """The shipped model (read once per process)."""
    return SpeakerModel.from_json(MODEL_PATH.read_text(encoding="utf-8"))


def _bucket(name: str, value: int) -> str:
    for edge in DISTANCE_EDGES:
        if value <= edge:
            return f"{name}<={edge}"
    return f"{name}>{DISTANCE_EDGES[-1]}"


class _Article:
    """What every option of one article shares: resolved mentions and the rules' choices."""

    def __init__(self, ctx: AttributionContext, decided: list[tuple[QuoteSpan, Attribution, list[Proposal]]]) -> None:
        self.ctx = ctx
        self.decided = decided
        mentions = ctx.mentions.mentions
        self.resolved: list[Optional[str]] = [
            resolve(ctx, m) if m.kind != "pronoun" or m.text.lower() in PERSON_PRONOUNS else None for m in mentions
        ]
        self.mention_count: dict[str, int] = {}
        for speaker in self.resolved:
            if speaker:
                self.mention_count[speaker] = self.mention_count.get(speaker, 0) + 1
        self.top_person = max(self.mention_count, key=lambda s: self.mention_count[s], default=None)
        self.quote_count: dict[str, int] = {}
        for _, att, _ in decided:
            if att.speaker:
                self.quote_count[att.speaker] = self.quote_count.get(att.speaker, 0) + 1
        self.place = [_place(ctx, m) for m in mentions]
        self.first_person = next((r for r, m, place in zip(self.resolved, mentions, self.place) if r and m.kind == "name" and not place), None)
        self.in_paragraph: dict[int, list[int]] = {}
        """Paragraph → indices of the mentions that start in it."""
        for k, m in enumerate(mentions):
            self.in_paragraph.setdefault(ctx.view.paragraph_of[m.first], []).append(k)
        self._own_features: dict[int, tuple[Mention, dict[str, float]]] = {}

    def window(self, p: int) -> list[int]:
        """Indices, in order, of the mentions from :data:`WINDOW_BEFORE` paragraphs before ``p`` to
        :data:`WINDOW_AFTER` after it."""
        return sorted(k for q in range(p - WINDOW_BEFORE, p + WINDOW_AFTER + 1) for k in self.in_paragraph.get(q, ()))

    def own_features(self, m: Mention) -> dict[str, float]:
        """:func:`_own_features` of ``m``, computed once per mention object.

        Keyed on the object's id; the entry holds the object, so the id is not reused while the
        article lives. Mentions are not changed once the context is built, and the features read
        nothing of the quote.
        """
        found = self._own_features.get(id(m))
        if found is None:
            found = self._own_features[id(m)] = (m, _own_features(self.ctx, m))
        return found[1]


def _place(ctx: AttributionContext, m: Mention) -> bool:
    """A mention of a country, capital or other place ("Ukraine", "Moscow"). A government speaks
    through its place name only where a rule reads a reporting verb for it ("Ukraine rejected
    …"); being mentioned near a quote is no evidence that a place said it."""
    if m.referent is None:
        return False
    ref = ctx.mentions.referents[m.referent]
    return not ref.person and (ref.place or is_place(ref.key))


def options_for(article: _Article, index: int) -> list[Option]:
    """The options of quote ``index`` of the article, with their features."""
    ctx = article.ctx
    view, tokens = ctx.view, ctx.tokens
    span, att, proposals = article.decided[index]
    p = span.paragraph
    o = ctx.open_token(span)
    c = ctx.close_token(span)
    o_sent = view.sentence_of[o] if o < len(tokens) else -1
    c_sent = view.sentence_of[min(c, len(tokens) - 1)] if tokens else -1
    options: dict[str, Option] = {}

    def option(speaker: str, origin: Optional[str] = None) -> Option:
        found = options.setdefault(speaker, Option(speaker))
        if origin and origin not in found.origins:
            found.origins.append(origin)
        return found

    for prop in proposals:
        if prop.speaker:
            option(prop.speaker, prop.candidate.method)
    mentions = ctx.mentions.mentions
    for k in article.window(p):
        speaker = article.resolved[k]
        if not speaker or article.place[k]:
            continue
        m = mentions[k]
        opt = option(speaker, "nearby")
        # an option is described by its nearest mention: the features of the others go unread
        if _placement(view, m, o, c, p)[2] < opt.distance:
            opt.mention, (opt.features, opt.distance) = m, _mention_features(ctx, m, o, c, o_sent, c_sent, p, article.own_features(m))
    described: set[str] = set()
    for prop in proposals:
        # the words a rule read as the speaker describe that option, however near another mention is
        m = prop.candidate.mention
        if prop.speaker and m is not None and prop.speaker not in described:
            described.add(prop.speaker)
            opt = options[prop.speaker]
            opt.mention, (opt.features, opt.distance) = m, _mention_features(ctx, m, o, c, o_sent, c_sent, p, article.own_features(m))
    previous = next((a.speaker for s, a, _ in reversed(article.decided[:index]) if a.speaker and s.depth == 0), None)
    following = next((a.speaker for s, a, _ in article.decided[index + 1 :] if a.speaker and s.depth == 0), None)
    if att.speaker:
        option(att.speaker, att.method)
    if previous:
        option(previous, "continuation")
    if following:
        option(following, "cataphora")
    if article.first_person:
        option(article.first_person, "main-speaker")
    quote_only = ctx.quote_only_paragraph(p)
    n_quotes = max(1, len(article.decided))
    # the nearest person before and after the quote: the classic strongest baseline
    before = sorted((opt.distance, opt.speaker) for opt in options.values() if opt.mention is not None and opt.mention.last <= o)
    after = sorted((opt.distance, opt.speaker) for opt in options.values() if opt.mention is not None and opt.mention.last > o)
    nearest_before = {sp: rank for rank, (_, sp) in enumerate(before[:2], 1)}
    nearest_after = {sp: rank for rank, (_, sp) in enumerate(after[:2], 1)}
    for speaker, opt in options.items():
        f = dict(opt.features)
        f["bias"] = 1.0
        if speaker in nearest_before:
            f[f"nearest_before={nearest_before[speaker]}"] = 1.0
        if speaker in nearest_after:
            f[f"nearest_after={nearest_after[speaker]}"] = 1.0
        if quote_only:
            f["quote_only"] = 1.0
            if speaker == article.first_person:
                f["quote_only_first_person"] = 1.0
            if speaker in nearest_before:
                f[f"quote_only_nearest_before={nearest_before[speaker]}"] = 1.0
        if opt.mention is None:
            f["no_mention_in_window"] = 1.0
        if att.speaker and speaker == att.speaker:
            # a rule's choice weighs by the confidence declared beside the rule, so a rule the
            # training data never shows still counts; carry-over methods are learned one by one
            if att.method in CONFIDENCE:
                f["rule_confidence"] = att.confidence
            else:
                f[f"rule={att.method}"] = 1.0
            if opt.mention is not None and att.mention == opt.mention.text:
                f["rule_mention"] = 1.0
        declared = [prop.rule.confidence for prop in proposals if prop.speaker == speaker]
        if declared:
            f["proposed_confidence"] = max(declared)
            f["proposals"] = float(len(declared))
        if not att.speaker:
            f["rule_none"] = 1.0
            if att.had_cue:
                f["rule_none_cue"] = 1.0
        if speaker == previous:
            f["prev_speaker"] = 1.0
            if quote_only:
                f["prev_speaker_quote_only"] = 1.0
            if span.continues:
                f["prev_speaker_continues"] = 1.0
        if speaker == following:
            f["next_speaker"] = 1.0
        if speaker == article.first_person:
            f["first_person"] = 1.0
        f["log_mentions"] = math.log1p(article.mention_count.get(speaker, 0))
        if speaker == article.top_person:
            f["top_person"] = 1.0
        own = 1 if att.speaker == speaker else 0
        f["quote_share"] = (article.quote_count.get(speaker, 0) - own) / n_quotes
        opt.features = f
    return list(options.values())


def _mention_features(
    ctx: AttributionContext, m: Mention, o: int, c: int, o_sent: int, c_sent: int, p: int, own: Optional[dict[str, float]] = None
) -> tuple[dict[str, float], float]:
    """Features of one mention as the speaker of the quote opening at token ``o`` and closing before
    ``c``: where it stands from the quote, then its :func:`_own_features` (``own``, when the caller
    has them)."""
    view = ctx.view
    f: dict[str, float] = {}
    ms, mp = view.sentence_of[m.first], view.paragraph_of[m.first]
    side, dist, distance = _placement(view, m, o, c, p)
    if mp == p:
        same_sentence = ms == (o_sent if side == "before" else c_sent)
        f[f"same_sent_{side}" if same_sentence else f"same_para_{side}"] = 1.0
    else:
        f[f"para{mp - p:+d}"] = 1.0
    f[_bucket(f"dist_{side}", dist)] = 1.0
    f.update(own if own is not None else _own_features(ctx, m))
    return f, distance


def _placement(view: TextView, m: Mention, o: int, c: int, p: int) -> tuple[str, int, float]:
    """Where a mention stands from the quote opening at token ``o`` and closing before ``c`` in
    paragraph ``p``: its side ("before" or "after"), its distance in tokens, and the distance that
    ranks mentions (a paragraph away outweighs any distance within one)."""
    side = "before" if m.last <= o else "after"
    dist = o - m.last if side == "before" else max(0, m.first - c)
    return side, dist, dist + 1000.0 * abs(view.paragraph_of[m.first] - p)


def _own_features(ctx: AttributionContext, m: Mention) -> dict[str, float]:
    """The features of a mention that do not depend on the quote: its kind, its referent, the
    reporting verbs around it, whether it is a subject."""
    tokens = ctx.tokens
    f: dict[str, float] = {}
    f[f"kind={m.kind}"] = 1.0
    ref = ctx.mentions.referents[m.referent] if m.referent is not None else None
    if ref is not None:
        if ref.person:
            f["person"] = 1.0
        if ref.place:
            f["place"] = 1.0
        if "<org>" in ref.descriptors:
            f["org"] = 1.0
        if len(ref.key) >= 2:
            f["full_name"] = 1.0
    if "<person>" in m.descriptors:
        f["ner_person"] = 1.0
    if m.possessive:
        f["possessive"] = 1.0
    if m.first > 0 and tokens[m.first - 1].text.lower() in PREPOSITIONS:
        f["after_preposition"] = 1.0
    k = m.last
    while k < len(tokens) and tokens[k].text.lower() in AUX_AND_ADVERBS:
        k += 1
    if k < len(tokens) and ctx.cues[k] and ctx.cues[k] != "according to":
        f["subject_of_cue"] = 1.0
    j = m.first - 1
    if j >= 0 and ctx.cues[j] in OBJECT_CUES:
        f["object_of_cue"] = 1.0  # "told The Epoch Times", "asked the Pope": the hearer
    elif (j >= 0 and ctx.cues[j] and ctx.cues[j] != "according to") or (m.first >= 2 and ctx.cues[m.first - 2] == "according to"):
        f["after_cue"] = 1.0
    if ctx.salient(m):
        f["salient"] = 1.0
    return f


def _method(opt: Option, att: Attribution) -> str:
    if att.speaker == opt.speaker and att.method:
        return att.method
    rules = [o for o in opt.origins if o not in ORIGIN_ORDER]
    if rules:
        return rules[0]
    return next(o for o in ORIGIN_ORDER if o in opt.origins)


def rank(
    ctx: AttributionContext,
    decided: list[tuple[QuoteSpan, Attribution, list[Proposal]]],
    model: Optional[SpeakerModel] = None,
) -> list[Attribution]:
    """The ranker's attribution of every span (nested spans keep the one :func:`~quotes.extract.attribution.driver.nested_attribution` gave)."""
    model = model or default_model()
    article = _Article(ctx, decided)
    out: list[Attribution] = []
    for index, (span, att, _) in enumerate(decided):
        if span.depth:
            out.append(att)
            continue
        scored = [(model.probability(opt.features), opt) for opt in options_for(article, index)]
        if not scored:
            out.append(att)
            continue
        probability, best = max(scored, key=lambda po: po[0])
        if probability < model.threshold:
            out.append(Attribution(None, att.mention, att.cue, "unresolved" if att.mention else None, probability, att.had_cue))
            continue
        mention = best.mention.text if best.mention is not None else att.mention
        if best.speaker == att.speaker:
            mention = att.mention or mention
        cue = att.cue if best.speaker == att.speaker else None
        out.append(Attribution(best.speaker, mention, cue, _method(best, att), probability, True))
    return one_quotation([s for s, _, _ in decided], out, [a for _, a, _ in decided])
