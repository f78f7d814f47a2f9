"""What attribution knows about one article: tokens, reporting verbs, mentions, document authors.

An :class:`AttributionContext` is built once per article; the rules (:mod:`.rules`), the
carry-over (:mod:`.carry`) and mention resolution (:mod:`.resolve`) read it and never change
it, except for :attr:`AttributionContext.history`, which the driver appends to as it goes.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from quotes.extract.textview import TextView
from quotes.text.lexicon import AUX_AND_ADVERBS, AUTHOR_VERBS, DOCUMENT_WORDS, PREPOSITIONS, reporting_lemma
from quotes.extract.marks import QuoteSpan
from quotes.extract.mentions import Mention, MentionIndex


@dataclass
class Attribution:
    """The decision for one quote."""

    speaker: Optional[str] = None
    mention: Optional[str] = None
    cue: Optional[str] = None
    method: Optional[str] = None
    confidence: float = 0.0
    had_cue: bool = False
    """A reporting verb or "according to" was seen around the quote, whether or not it gave a speaker."""


class AttributionContext:
    """One article as attribution reads it (see the module docstring)."""

    def __init__(self, view: TextView, mentions: MentionIndex) -> None:
        self.view = view
        self.mentions = mentions
        self._mention_firsts = [m.first for m in mentions.mentions]
        self.tokens = view.tokens
        self.use_lemma = view.doc.has("lemma")
        self.use_pos = view.doc.has("pos")
        self.use_parse = view.doc.has("depparse")
        self.cues = [self.cue_lemma(i) for i in range(len(self.tokens))]
        if not self.use_pos:
            for i, tok in enumerate(self.tokens):
                # "Ferrer, 58, calls the film …": a noun-like form is a verb right after its subject
                if self.cues[i] is None and view.outside(i):
                    lemma = reporting_lemma(tok.text, ambiguous=True)
                    if lemma and tok.text[:1].islower() and self.subject_left(i) is not None:
                        self.cues[i] = lemma
        self.authors = self.document_authors()
        if not view.doc.has("ner"):
            self._mark_speaking_people()
        self.history: list[tuple[QuoteSpan, Attribution]] = []
        """Quotes decided so far, in text order, with their attributions (the driver fills it)."""

    def _mark_speaking_people(self) -> None:
        """Without NER, a name that is the subject of a reporting verb is taken to be a person,
        unless it is an acronym, a news outlet, a capital ("Seoul says") or an organisation."""
        for c, lemma in enumerate(self.cues):
            if not lemma or lemma == "according to":
                continue
            subject = self.subject_left(c)
            if subject is None or subject.kind != "name" or subject.referent is None:
                continue
            ref = self.mentions.referents[subject.referent]
            acronym = subject.name.replace("-", "").isupper()
            if not ref.media and not ref.place and not acronym and "<org>" not in ref.descriptors:
                ref.person = True

    # -- cues -----------------------------------------------------------------------------------
    def cue_lemma(self, i: int) -> Optional[str]:
        tok = self.tokens[i]
        if not self.view.outside(i):
            return None
        if tok.text.lower() == "according" and i + 1 < len(self.tokens) and self.tokens[i + 1].text.lower() == "to":
            return "according to"
        lemma = reporting_lemma(tok.text, tok.lemma if self.use_lemma else None)
        if lemma is None:
            return None
        if self.use_pos and tok.pos not in {"VERB", "AUX"}:
            return None
        return lemma

    def cue_text(self, i: int) -> str:
        if self.cues[i] == "according to":
            return "according to"
        tok = self.tokens[i]
        # "was quoted as saying" reads best whole
        if tok.text.lower() in {"quoted"} and i + 2 < len(self.tokens) and self.tokens[i + 1].text.lower() == "as":
            return self.view.doc.text[tok.start : self.tokens[i + 2].end]
        return tok.text

    # -- subjects -------------------------------------------------------------------------------
    def skip_left(self, j: int, lo: int) -> int:
        while j >= lo and (
            self.tokens[j].text.lower() in AUX_AND_ADVERBS
            or (self.tokens[j].text.endswith("ly") and self.tokens[j].text.islower())
        ):
            j -= 1
        return j

    def subject_left(self, c: int) -> Optional[Mention]:
        lo = self.view.sentence_bounds[self.view.sentence_of[c]][0]
        j = self.skip_left(c - 1, lo)
        if j >= lo and self.tokens[j].text == ",":
            return self._subject_before_aside(j, lo)
        found = self.mentions.ending_at.get(j + 1)
        if found is None:
            return None
        mention = self.mentions.mentions[found]
        before = mention.first - 1
        if before > lo and self.tokens[before].text.lower() in {"of", "at", "from", "for"}:
            head = self.mentions.ending_at.get(before)
            if head is not None:
                return self.mentions.mentions[head]
        return mention

    def _subject_before_aside(self, comma: int, lo: int) -> Optional[Mention]:
        """Subject of "X, <aside>, said": the aside itself when it is a bare name ("The minister,
        Sergei Lavrov, told"), otherwise the mention before it ("Kim, in turn, stated";
        "Kim Yo Jong, the sister of Kim Jong Un, said")."""
        for k in range(comma - 1, max(lo, comma - 16) - 1, -1):
            if not self.view.outside(k):
                return None
            if self.tokens[k].text != ",":
                continue
            inner = self.mentions.ending_at.get(comma)
            if inner is not None:
                m = self.mentions.mentions[inner]
                if m.kind == "name" and m.first == k + 1:
                    return m
            outer = self.mentions.ending_at.get(k)
            return self.mentions.mentions[outer] if outer is not None else None
        return None

    def subject_of_cue(self, c: int, depth: int = 0) -> Optional[Mention]:
        """Subject of the reporting verb at ``c``; participles and coordinated verbs inherit theirs."""
        found = self.subject_left(c)
        if found is not None or depth > 3:
            return found
        lo = self.view.sentence_bounds[self.view.sentence_of[c]][0]
        j = self.skip_left(c - 1, lo)
        inherits = self.tokens[c].text.lower().endswith("ing") or (
            j >= lo and self.tokens[j].text.lower() in {"and", "but", ",", "then"}
        )
        if not inherits:
            return None
        for k in range(c - 1, lo - 1, -1):
            if self.cues[k] and self.cues[k] != "according to":
                return self.subject_of_cue(k, depth + 1) or self.document_subject(k)
        # the sentence's subject: "Kim, on Friday, hosted … and expressed"
        subject = self.sentence_subject(lo)
        return subject if subject is not None and subject.first < c else None

    def document_subject(self, c: int) -> Optional[Mention]:
        """"The letter said …": the subject is a document; its author is the speaker."""
        lo = self.view.sentence_bounds[self.view.sentence_of[c]][0]
        j = self.skip_left(c - 1, lo)
        if j >= lo and self.tokens[j].text.lower() in DOCUMENT_WORDS:
            return self.authors.get(self.tokens[j].text.lower())
        return None

    def document_authors(self) -> dict[str, Mention]:
        """Document noun → the mention of its author: "Putin's letter", "a letter from Putin", "Putin sent a letter"."""
        authors: dict[str, Mention] = {}
        for i, tok in enumerate(self.tokens):
            word = tok.text.lower()
            if word not in DOCUMENT_WORDS or not self.view.outside(i):
                continue
            author: Optional[Mention] = None
            if i + 2 < len(self.tokens) and self.tokens[i + 1].text.lower() in {"from", "by"}:
                k = self.mentions.starting_at.get(i + 2)
                author = self.mentions.mentions[k] if k is not None else None
            if author is None:
                for j in range(i - 1, max(-1, i - 8), -1):
                    if self.tokens[j].text in {"'s", "’s"} and j in self.mentions.ending_at:
                        author = self.mentions.mentions[self.mentions.ending_at[j]]
                        break
                    if self.tokens[j].text.lower() in {"his", "her", "its", "their"}:
                        break  # "in his letter, …": the sentence's speaker below decides
                    if self.tokens[j].text.lower() in AUTHOR_VERBS:
                        author = self.subject_left(j)
                        break
            if author is None:
                # "In a statement, the council said …": the speaker of the sentence wrote it
                hi = self.view.sentence_bounds[self.view.sentence_of[i]][1]
                for c in range(i + 1, hi):
                    if self.cues[c] and self.cues[c] != "according to":
                        author = self.subject_left(c)
                        break
            if author is not None and author.kind != "pronoun":
                authors[word] = author
        return authors


    def salient(self, m: Mention) -> bool:
        """A mention that is a subject: first in its sentence, or right before a reporting verb."""
        lo = self.view.sentence_bounds[self.view.sentence_of[m.first]][0]
        if self.sentence_subject(lo) is m:
            return True
        k = m.last
        if k < len(self.tokens) and self.tokens[k].text == ",":
            k += 1  # "the charity's chair, Helen Carver, said"
        while k < len(self.tokens) and self.tokens[k].text.lower() in AUX_AND_ADVERBS:
            k += 1
        return k < len(self.tokens) and bool(self.cues[k]) and self.cues[k] != "according to"

    def sentence_subject(self, lo: int) -> Optional[Mention]:
        """The first mention of a person (a name taken for one, a pronoun or a description) in the
        sentence starting at token ``lo``, outside prepositional phrases ("In a statement read by
        Ms Thorne, …" is not about Ms Thorne; "above Scarinish harbour" is no one)."""
        hi = self.view.sentence_bounds[self.view.sentence_of[lo]][1]
        for m in self.mentions.mentions[bisect_left(self._mention_firsts, lo) :]:
            if m.first >= hi:
                return None
            if m.media or (m.first > 0 and self.tokens[m.first - 1].text.lower() in PREPOSITIONS):
                continue
            if m.kind == "name" and not (m.referent is not None and self.mentions.referents[m.referent].person):
                continue
            return m
        return None


    def close_token(self, span: QuoteSpan) -> int:
        """Index of the first token after the quote's closing mark (or its end)."""
        end = (span.close_mark + 1) if span.close_mark is not None else span.end
        return self.view.token_range(end, len(self.view.doc.text)).start

    def open_token(self, span: QuoteSpan) -> int:
        return self.view.token_range(span.open_mark, span.open_mark + 1).start


    def children(self, i: int) -> list[int]:
        s = self.view.sentence_of[i]
        lo, hi = self.view.sentence_bounds[s]
        lo, hi = max(0, lo - 40), min(len(self.tokens), hi + 40)
        return [k for k in range(lo, hi) if self.tokens[k].head == i]

    def mention_covering(self, i: int) -> Optional[Mention]:
        for m in self.mentions.mentions:
            if m.first <= i < m.last:
                return m
        return None


    def quote_only_paragraph(self, paragraph: int) -> bool:
        rng = self.view.paragraph_tokens(paragraph)
        return bool(rng) and all(not self.view.outside(i) or not self.tokens[i].text[:1].isalnum() for i in rng)

