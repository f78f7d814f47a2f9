"""Say who said each quote, in the order news writing uses attribution.

Rules, tried in turn for each quote (the first that finds a speaker decides, and names itself
in ``Quote.method``):

``parse``          the quote hangs in the dependency parse from a reporting verb whose subject is known
``after``          "Q," X said / "Q," said X / "Q," X told … / "Q," X was quoted as saying
``before``         X said: "Q" / X said the memorial "is …" / X told … "Q" (nearest reporting verb before the quote)
``according-to``   … "Q", according to X
``later``          a reporting verb later in the same sentence
``continuation``   a quote-only paragraph, or a paragraph carrying on a quote, continues the previous speaker
``same-paragraph`` another quote of the paragraph was attributed ("A," he said, "B.")
``unresolved``     the text names a speaker it never identifies ("the spokeswoman"): reported in
                   ``speaker_mention``, with a null speaker

``before`` also covers a colon after the speaker's clause ("Sutcliffe smiled: "Q"").

A subject that is a news outlet ("…, KCNA reported") is passed over: the words belong to the
person the outlet quotes. Pronouns go to the person they refer to, epithets ("the Russian
leader") to the person whose titles fit, a letter's or statement's words to its author.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from quotes.extract.textview import TextView
from quotes.text.lexicon import (
    AUX_AND_ADVERBS,
    DOCUMENT_WORDS,
    PERSON_PRONOUNS,
    UNNAMED_ROLES,
    reporting_lemma,
)
from quotes.extract.marks import QuoteSpan
from quotes.extract.mentions import Mention, MentionIndex, Referent, descriptor_match

_CONFIDENCE = {
    "parse": 0.92,
    "after": 0.95,
    "before": 0.88,
    "according-to": 0.8,
    "later": 0.7,
    "continuation": 0.75,
    "same-paragraph": 0.8,
}
_AUTHOR_VERBS = frozenset("sent wrote issued delivered released signed addressed penned".split())
_PREPOSITIONS = frozenset(
    """by to with from for of at in on about against into over under than like as above below near
    behind beside across through throughout during after before since until within without outside
    inside around among between toward towards via despite upon onto off beyond""".split()
)
_SUBJECT_RELATIONS = ("nsubj", "nsubj:pass", "nsubjpass")
_INHERIT_RELATIONS = ("conj", "xcomp", "advcl", "ccomp", "parataxis", "acl")


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


@dataclass
class _Found:
    mention: Mention
    cue: int
    method: str


class Attributor:
    """Attribution over one article; call :meth:`attribute` on its quote spans in text order."""

    def __init__(self, view: TextView, mentions: MentionIndex) -> None:
        self.view = view
        self.mentions = mentions
        self._mention_firsts = [m.first for m in mentions.mentions]
        self.tokens = view.tokens
        self.use_lemma = view.doc.has("lemma")
        self.use_pos = view.doc.has("pos")
        self.use_parse = view.doc.has("depparse")
        self.cues = [self._cue_lemma(i) for i in range(len(self.tokens))]
        if not self.use_pos:
            for i, tok in enumerate(self.tokens):
                # "Ferrer, 58, calls the film …": a noun-like form is a verb right after its subject
                if self.cues[i] is None and view.outside(i):
                    lemma = reporting_lemma(tok.text, ambiguous=True)
                    if lemma and tok.text[:1].islower() and self._subject_left(i) is not None:
                        self.cues[i] = lemma
        self.authors = self._document_authors()
        if not view.doc.has("ner"):
            self._mark_speaking_people()
        self.history: list[tuple[QuoteSpan, Attribution]] = []

    def _mark_speaking_people(self) -> None:
        """Without NER, a name that is the subject of a reporting verb is taken to be a person,
        unless it is an acronym, a news outlet, a capital ("Seoul says") or an organisation."""
        for c, lemma in enumerate(self.cues):
            if not lemma or lemma == "according to":
                continue
            subject = self._subject_left(c)
            if subject is None or subject.kind != "name" or subject.referent is None:
                continue
            ref = self.mentions.referents[subject.referent]
            acronym = subject.name.replace("-", "").isupper()
            if not ref.media and not ref.place and not acronym and "<org>" not in ref.descriptors:
                ref.person = True

    # -- cues -----------------------------------------------------------------------------------
    def _cue_lemma(self, i: int) -> Optional[str]:
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

    def _cue_text(self, i: int) -> str:
        if self.cues[i] == "according to":
            return "according to"
        tok = self.tokens[i]
        # "was quoted as saying" reads best whole
        if tok.text.lower() in {"quoted"} and i + 2 < len(self.tokens) and self.tokens[i + 1].text.lower() == "as":
            return self.view.doc.text[tok.start : self.tokens[i + 2].end]
        return tok.text

    # -- subjects -------------------------------------------------------------------------------
    def _skip_left(self, j: int, lo: int) -> int:
        while j >= lo and (
            self.tokens[j].text.lower() in AUX_AND_ADVERBS
            or (self.tokens[j].text.endswith("ly") and self.tokens[j].text.islower())
        ):
            j -= 1
        return j

    def _subject_left(self, c: int) -> Optional[Mention]:
        lo = self.view.sentence_bounds[self.view.sentence_of[c]][0]
        j = self._skip_left(c - 1, lo)
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

    def _subject_of_cue(self, c: int, depth: int = 0) -> Optional[Mention]:
        """Subject of the reporting verb at ``c``; participles and coordinated verbs inherit theirs."""
        found = self._subject_left(c)
        if found is not None or depth > 3:
            return found
        lo = self.view.sentence_bounds[self.view.sentence_of[c]][0]
        j = self._skip_left(c - 1, lo)
        inherits = self.tokens[c].text.lower().endswith("ing") or (
            j >= lo and self.tokens[j].text.lower() in {"and", "but", ",", "then"}
        )
        if not inherits:
            return None
        for k in range(c - 1, lo - 1, -1):
            if self.cues[k] and self.cues[k] != "according to":
                return self._subject_of_cue(k, depth + 1) or self._document_subject(k)
        # the sentence's subject: "Kim, on Friday, hosted … and expressed"
        subject = self._sentence_subject(lo)
        return subject if subject is not None and subject.first < c else None

    def _document_subject(self, c: int) -> Optional[Mention]:
        """"The letter said …": the subject is a document; its author is the speaker."""
        lo = self.view.sentence_bounds[self.view.sentence_of[c]][0]
        j = self._skip_left(c - 1, lo)
        if j >= lo and self.tokens[j].text.lower() in DOCUMENT_WORDS:
            return self.authors.get(self.tokens[j].text.lower())
        return None

    def _document_authors(self) -> dict[str, Mention]:
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
                    if self.tokens[j].text.lower() in _AUTHOR_VERBS:
                        author = self._subject_left(j)
                        break
            if author is None:
                # "In a statement, the council said …": the speaker of the sentence wrote it
                hi = self.view.sentence_bounds[self.view.sentence_of[i]][1]
                for c in range(i + 1, hi):
                    if self.cues[c] and self.cues[c] != "according to":
                        author = self._subject_left(c)
                        break
            if author is not None and author.kind != "pronoun":
                authors[word] = author
        return authors

    # -- resolution -----------------------------------------------------------------------------
    def resolve(self, mention: Mention) -> Optional[str]:
        """Canonical speaker name for a mention (pronouns and epithets resolved), or None."""
        if mention.media:
            return None
        if mention.kind == "name":
            ref = self.mentions.referents[mention.referent] if mention.referent is not None else None
            if ref is not None and ref.media:
                return None
            return ref.name if ref else mention.name
        if mention.kind == "pronoun":
            if mention.text.lower() not in PERSON_PRONOUNS:
                return None
            person = self._antecedent(mention)
            if person is not None:
                return person.name
            return next((a.speaker for _, a in reversed(self.history) if a.speaker), None)
        # epithet: the person mentioned before whose titles fit best, the most recent on a tie
        best: tuple[int, int, Optional[Referent]] = (0, -1, None)
        for ref in self.mentions.referents:
            if not ref.person:
                continue
            last = max((self.mentions.mentions[k].start for k in ref.mentions if self.mentions.mentions[k].start < mention.start), default=-1)
            if last < 0:
                continue
            score = descriptor_match(mention.descriptors, ref)
            if (score, last) > best[:2]:
                best = (score, last, ref)
        if best[2] is not None and best[0] >= 1:
            return best[2].name
        if mention.descriptors & {"<office>", "<organisation>"}:
            return mention.name  # "the Fair Work Ombudsman said", "the university council said"
        if mention.descriptors & UNNAMED_ROLES:
            return None  # "the spokeswoman": someone new, not the last person named
        # "Angela Merkel arrived … the chancellor told reporters", "the 45-year-old said":
        # a description refers back to the person last named
        ref = self._recent_person(mention.start, within_sentences=3, mention=mention)
        return ref.name if ref is not None else None

    def _antecedent(self, pronoun: Mention) -> Optional[Referent]:
        """The person "he"/"she" refers to: the last person of that gender named before it,
        preferring a subject ("Judge Hewitt told Ashcroft … She said" → Hewitt)."""
        gender = "f" if pronoun.text.lower() == "she" else "m"
        fallback: Optional[tuple[Referent, int]] = None
        for m in reversed(self.mentions.mentions):
            if m.start >= pronoun.start or m.referent is None or m.possessive:
                continue
            sentence = self.view.sentence_of[m.first]
            if fallback is not None and fallback[1] - sentence > 1:
                break
            ref = self.mentions.referents[m.referent]
            if not ref.person or (ref.gender and ref.gender != gender):
                continue
            if self._salient(m):
                return ref
            if fallback is None:
                fallback = (ref, sentence)
        return fallback[0] if fallback is not None else None

    def _salient(self, m: Mention) -> bool:
        """A mention that is a subject: first in its sentence, or right before a reporting verb."""
        lo = self.view.sentence_bounds[self.view.sentence_of[m.first]][0]
        if self._sentence_subject(lo) is m:
            return True
        k = m.last
        if k < len(self.tokens) and self.tokens[k].text == ",":
            k += 1  # "the charity's chair, Helen Carver, said"
        while k < len(self.tokens) and self.tokens[k].text.lower() in AUX_AND_ADVERBS:
            k += 1
        return k < len(self.tokens) and bool(self.cues[k]) and self.cues[k] != "according to"

    def _sentence_subject(self, lo: int) -> Optional[Mention]:
        """The first mention of a person (a name taken for one, a pronoun or a description) in the
        sentence starting at token ``lo``, outside prepositional phrases ("In a statement read by
        Ms Thorne, …" is not about Ms Thorne; "above Scarinish harbour" is no one)."""
        hi = self.view.sentence_bounds[self.view.sentence_of[lo]][1]
        for m in self.mentions.mentions[bisect_left(self._mention_firsts, lo) :]:
            if m.first >= hi:
                return None
            if m.media or (m.first > 0 and self.tokens[m.first - 1].text.lower() in _PREPOSITIONS):
                continue
            if m.kind == "name" and not (m.referent is not None and self.mentions.referents[m.referent].person):
                continue
            return m
        return None

    def _recent_person(
        self, position: int, within_sentences: Optional[int] = None, mention: Optional[Mention] = None
    ) -> Optional[Referent]:
        """The person mentioned last before ``position`` (a full name counts when no NER says otherwise)."""
        here = self.view.sentence_of[mention.first] if mention is not None else None
        for m in reversed(self.mentions.mentions):
            if m.start >= position or m.referent is None or m.possessive:
                continue
            if within_sentences is not None and here is not None and here - self.view.sentence_of[m.first] > within_sentences:
                return None
            ref = self.mentions.referents[m.referent]
            if ref.person or (within_sentences is not None and len(ref.key) >= 2 and not ref.media and not ref.place
                              and "<org>" not in ref.descriptors):
                return ref
        return None

    def _usable(self, found: Optional[_Found]) -> Optional[tuple[_Found, str]]:
        if found is None:
            return None
        mention = found.mention
        if mention.kind == "epithet" and not mention.descriptors:
            return None
        speaker = self.resolve(mention)
        return (found, speaker) if speaker else None

    # -- rules ----------------------------------------------------------------------------------
    def _close_token(self, span: QuoteSpan) -> int:
        """Index of the first token after the quote's closing mark (or its end)."""
        end = (span.close_mark + 1) if span.close_mark is not None else span.end
        return self.view.token_range(end, len(self.view.doc.text)).start

    def _open_token(self, span: QuoteSpan) -> int:
        return self.view.token_range(span.open_mark, span.open_mark + 1).start

    def _rule_after(self, span: QuoteSpan) -> tuple[Optional[_Found], bool]:
        k = self._close_token(span)
        n = len(self.tokens)
        if k >= n or self.view.paragraph_of[k] != span.paragraph:
            return None, False
        if span.text.rstrip()[-1:] in ".…" and self.tokens[k].text[:1].isupper():
            return None, False  # "… up." Ms Thorne told the court …: a new sentence
        while k < n and self.tokens[k].text in {",", "—", "–", "-", ":"} and self.view.outside(k):
            k += 1
        hi = min(n, k + 12)
        for c in range(k, hi):
            if not self.view.outside(c) or self.view.paragraph_of[c] != span.paragraph:
                break
            if self.tokens[c].text in {".", "!", "?", ";"}:
                break
            if not self.cues[c]:
                continue
            if self.cues[c] == "according to":
                m = self.mentions.starting_at.get(c + 2)
                return (_Found(self.mentions.mentions[m], c, "according-to") if m is not None else None), True
            if c == k and c + 1 < n and (c + 1) in self.mentions.starting_at:
                return _Found(self.mentions.mentions[self.mentions.starting_at[c + 1]], c, "after"), True  # said Kim
            subject = self._subject_left(c) or self._document_subject(c)
            if subject is not None and subject.first <= k + 1:
                return _Found(subject, c, "after"), True
            return None, True
        return None, False

    def _rule_before(self, span: QuoteSpan) -> tuple[Optional[_Found], bool]:
        o = self._open_token(span)
        lo = self.view.sentence_bounds[self.view.sentence_of[o]][0] if o < len(self.tokens) else 0
        seen = False
        fallback: Optional[_Found] = None
        colon = self._colon_intro(o, lo)
        if colon is not None:
            return colon, True
        for c in range(o - 1, lo - 1, -1):
            if not self.cues[c] or self.cues[c] == "according to":
                continue
            seen = True
            subject = self._subject_of_cue(c) or self._document_subject(c)
            if subject is None:
                continue
            if self._usable(_Found(subject, c, "before")):
                return _Found(subject, c, "before"), True
            fallback = fallback or _Found(subject, c, "before")
        return fallback, seen

    def _colon_intro(self, o: int, lo: int) -> Optional[_Found]:
        """X smiled: "Q" / Putin: "Q" — a colon hands the quote to the clause before it."""
        c = o - 1
        if c <= lo or self.tokens[c].text != ":" or not self.view.outside(c):
            return None
        named = self.mentions.ending_at.get(c)
        if named is not None and self.mentions.mentions[named].first == lo:
            return _Found(self.mentions.mentions[named], c - 1, "before")  # headline style "Putin: …"
        subject = self._subject_of_cue(c - 1)
        if subject is not None and self._usable(_Found(subject, c - 1, "before")):
            return _Found(subject, c - 1, "before")
        return None

    def _rule_sentence(self, span: QuoteSpan) -> tuple[Optional[_Found], bool]:
        o = self._open_token(span)
        if o >= len(self.tokens):
            return None, False
        a, b = self.view.sentence_bounds[self.view.sentence_of[o]]
        seen = False
        for c in range(a, b):
            if self.cues[c] == "according to":
                seen = True
                m = self.mentions.starting_at.get(c + 2)
                if m is not None and self._usable(_Found(self.mentions.mentions[m], c, "according-to")):
                    return _Found(self.mentions.mentions[m], c, "according-to"), True
        after = self._close_token(span)
        for c in range(after, b):
            if self.cues[c] and self.cues[c] != "according to":
                seen = True
                subject = self._subject_of_cue(c) or self._document_subject(c)
                if subject is not None and self._usable(_Found(subject, c, "later")):
                    return _Found(subject, c, "later"), True
        return None, seen

    def _rule_parse(self, span: QuoteSpan) -> Optional[_Found]:
        inside = [i for i in self.view.token_range(span.start, span.end) if self.tokens[i].head is not None]
        if not inside:
            return None
        # the quote's own root: a token whose head lies outside the quote
        roots = [i for i in inside if not (span.start <= self.tokens[self.tokens[i].head].start < span.end) or self.tokens[i].head < 0]
        for root in roots[:2]:
            h = self.tokens[root].head
            for _ in range(6):
                if h is None or h < 0 or self.view.paragraph_of[h] != span.paragraph:
                    break
                if self.cues[h] and self.cues[h] != "according to":
                    subject = self._parse_subject(h)
                    if subject is not None and self._usable(_Found(subject, h, "parse")):
                        return _Found(subject, h, "parse")
                    break
                h = self.tokens[h].head
        return None

    def _parse_subject(self, verb: int, depth: int = 0) -> Optional[Mention]:
        for i in self._children(verb):
            if (self.tokens[i].deprel or "") in _SUBJECT_RELATIONS:
                return self._mention_covering(i)
        rel = self.tokens[verb].deprel or ""
        head = self.tokens[verb].head
        if depth < 3 and head is not None and head >= 0 and rel.split(":")[0] in _INHERIT_RELATIONS:
            return self._parse_subject(head, depth + 1)
        return None

    def _children(self, i: int) -> list[int]:
        s = self.view.sentence_of[i]
        lo, hi = self.view.sentence_bounds[s]
        lo, hi = max(0, lo - 40), min(len(self.tokens), hi + 40)
        return [k for k in range(lo, hi) if self.tokens[k].head == i]

    def _mention_covering(self, i: int) -> Optional[Mention]:
        for m in self.mentions.mentions:
            if m.first <= i < m.last:
                return m
        return None

    # -- driver ---------------------------------------------------------------------------------
    def attribute(self, span: QuoteSpan) -> Attribution:
        """Attribute one quote span (spans must come in text order)."""
        seen = False
        found: Optional[tuple[_Found, str]] = None
        if self.use_parse:
            found = self._usable(self._rule_parse(span))
            seen = found is not None
        unresolved: Optional[_Found] = None
        for rule in (self._rule_after, self._rule_before, self._rule_sentence):
            if found:
                break
            candidate, saw = rule(span)
            seen = seen or saw
            found = self._usable(candidate)
            if candidate is not None and not found and unresolved is None and not candidate.mention.media:
                unresolved = candidate
        if found:
            hit, speaker = found
            result = Attribution(
                speaker=speaker,
                mention=hit.mention.text,
                cue=self._cue_text(hit.cue),
                method=hit.method,
                confidence=_CONFIDENCE[hit.method] * (0.9 if hit.mention.kind != "name" else 1.0),
                had_cue=True,
            )
        else:
            result = self._carry_over(span) or self._unresolved(unresolved) or Attribution(had_cue=seen)
            result.had_cue = result.had_cue or seen
        self.history.append((span, result))
        return result

    def _unresolved(self, found: Optional[_Found]) -> Optional[Attribution]:
        """Report who the text says spoke ("the spokeswoman") even when it names nobody: speaker stays null."""
        if found is None:
            return None
        return Attribution(None, found.mention.text, self._cue_text(found.cue), "unresolved", 0.0, True)

    def _carry_over(self, span: QuoteSpan) -> Optional[Attribution]:
        previous = [(s, a) for s, a in self.history if a.speaker and s.depth == 0]
        same_para = [(s, a) for s, a in previous if s.paragraph == span.paragraph]
        if same_para:
            s, a = same_para[-1]
            return Attribution(a.speaker, a.mention, a.cue, "same-paragraph", _CONFIDENCE["same-paragraph"], True)
        if not (span.continues or self._quote_only_paragraph(span.paragraph)):
            return None
        if previous and span.paragraph - previous[-1][0].paragraph <= 2:
            s, a = previous[-1]
            return Attribution(a.speaker, a.mention, a.cue, "continuation", _CONFIDENCE["continuation"], True)
        return self._introduced(span)

    def _introduced(self, span: QuoteSpan) -> Optional[Attribution]:
        """A quote-only paragraph after a paragraph about someone ("…, she is unsentimental about
        the decision." / "“People keep asking …"): the quote is that person's."""
        rng = self.view.paragraph_tokens(span.paragraph - 1)
        if not rng or any(not self.view.outside(i) for i in rng):
            return None
        subject = self._sentence_subject(self.view.sentence_bounds[self.view.sentence_of[rng[-1]]][0])
        speaker = self.resolve(subject) if subject is not None else None
        if subject is None or speaker is None:
            return None
        return Attribution(speaker, subject.text, None, "continuation", _CONFIDENCE["continuation"] * 0.8, True)

    def _quote_only_paragraph(self, paragraph: int) -> bool:
        rng = self.view.paragraph_tokens(paragraph)
        return bool(rng) and all(not self.view.outside(i) or not self.tokens[i].text[:1].isalnum() for i in rng)

    def resolve_pending(self, span: QuoteSpan, attribution: Attribution, following: list[tuple[QuoteSpan, Attribution]]) -> Attribution:
        """A quote with no speaker takes the speaker named later for it: "A," … "B," he said in one
        paragraph, or the last paragraph of a quote that runs over several."""
        if span.depth or (attribution.speaker and not (span.continued and attribution.method == "continuation")):
            return attribution  # a quote carried over paragraphs is attributed where it ends, if it is
        paragraph, carried = span.paragraph, span.continued
        for s, a in following:
            if s.depth:
                continue
            if s.paragraph == paragraph or (carried and s.continues and s.paragraph == paragraph + 1):
                if a.speaker and a.method in {"after", "before", "parse", "according-to"}:
                    method = "same-paragraph" if s.paragraph == span.paragraph else "continuation"
                    return Attribution(a.speaker, a.mention, a.cue, method, _CONFIDENCE[method], True)
                if s.paragraph != paragraph:
                    paragraph, carried = s.paragraph, s.continued
            elif s.paragraph > paragraph:
                break
        return attribution
