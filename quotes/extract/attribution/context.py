"""What attribution knows about one article: tokens, reporting verbs, mentions, document authors.

An :class:`AttributionContext` is built once per article; the rules (:mod:`.rules`), the
carry-over (:mod:`.carry`) and mention resolution (:mod:`.resolve`) read it and never change
it, except for :attr:`AttributionContext.history`, which the driver appends to as it goes.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Optional

from quotes.extract.textview import DocumentLayout, TextView
from quotes.text.lexicon import (
    AUX_AND_ADVERBS,
    AUTHOR_VERBS,
    DOCUMENT_WORDS,
    FUNCTION_WORDS,
    OWNER_DETERMINERS,
    PREPOSITIONS,
    SPEECH_NOUNS,
    is_place,
    reporting_form,
    reporting_lemma,
)
from quotes.text.lexicon.detection import CHARACTERISING_VERBS, USING_VERBS, VOICING_VERBS, WORD_NOUNS
from quotes.extract.marks import QuoteSpan
from quotes.extract.mentions import Mention, MentionIndex




OPENING_SUBJECT_REACH = 4
"""Tokens after an opening participle's comma within which its subject's mention starts: "the
country's President Cyril Ramaphosa" (a determiner and a possessive before the title)."""
OPENING_NAME_WORDS = 2
"""Words a name opening a sentence needs (in itself or in the full name the article gives it) to be
taken for a person's without other evidence: one capitalised word there may be a city ("Orlando
has …") or a verb ("Couple that with …")."""
PARENTHESIS_REACH = 8
"""Tokens a parenthesis between a subject and its verb may hold: "(D)", "(R-Ky.)", "(D-N.Y.)", "(pictured)"."""
TERM_NOUN_REACH = 3
"""Words after a verb of using within which the noun of words must come: "used the term",
"employed the loaded word" (a determiner and an adjective at most)."""
SPEECH_NOUN_MODIFIERS = 2
"""Adjectives that may stand between a speech noun's owner and the noun ("Francis' recent public remarks")."""


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


_VERB_POS = frozenset({"VERB", "AUX"})


def _lemma_cues(layout: DocumentLayout) -> list[Optional[str]]:
    """Each token's reporting-verb lemma (or "according to"), as if it were reporter's text.

    Once per document (:meth:`DocumentLayout.shared`): the context drops the ones inside
    quotation marks, which is the only part that depends on the spans.
    """
    doc = layout.doc
    use_lemma, use_pos = doc.has("lemma"), doc.has("pos")
    tokens, lower = layout.tokens, layout.lower
    cues: list[Optional[str]] = []
    for i, tok in enumerate(tokens):
        if lower[i] == "according" and i + 1 < len(tokens) and lower[i + 1] == "to":
            cues.append("according to")
            continue
        lemma = reporting_lemma(tok.text, tok.lemma if use_lemma else None)
        cues.append(None if lemma is None or (use_pos and tok.pos not in _VERB_POS) else lemma)
    return cues


def _ambiguous_lemmas(layout: DocumentLayout) -> list[Optional[str]]:
    """Each lower-case token's reporting lemma, noun-like forms included ("calls", "claims"):
    a cue when a subject stands right before it and the engine gave no parts of speech."""
    return [reporting_form(tok.text) if tok.text[:1].islower() else None for tok in layout.tokens]


def _words_cues(layout: DocumentLayout) -> list[Optional[str]]:
    """Each token as a verb that is no reporting verb but gives its subject the quoted words:
    using a term ("Francis used the term “white flag”"), voicing ("chanting “U-S-A!”") or
    characterising ("likened the rules to “…”", "rated the claim “false”"); as if it were
    reporter's text, once per document like :func:`_lemma_cues`."""
    use_pos = layout.doc.has("pos")
    # _words_cue gives None for any other word
    return [_words_cue(layout, i, use_pos) if tok.text in _WORDS_CUE_VERBS else None for i, tok in enumerate(layout.tokens)]


_WORDS_CUE_VERBS = VOICING_VERBS | CHARACTERISING_VERBS | USING_VERBS | {"put"}


def _words_cue(layout: DocumentLayout, i: int, use_pos: bool) -> Optional[str]:
    tok = layout.tokens[i]
    word = tok.text
    if not word.islower() or (use_pos and tok.pos not in _VERB_POS):
        return None
    if word in VOICING_VERBS or word in CHARACTERISING_VERBS:
        return word
    if word == "put" and i + 1 < len(layout.tokens) and layout.lower[i + 1] == "it":
        return word  # "As Vulture put it, “…”": the idiom reports the words that follow
    if word in USING_VERBS:
        ahead = layout.lower[i + 1 : i + 1 + TERM_NOUN_REACH]
        if any(w in WORD_NOUNS for w in ahead):
            return word
    return None


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
        layout, quote_of = view.layout, view.quote_of
        # words inside quotation marks are no cues
        self.cues = [cue if q == -1 else None for cue, q in zip(layout.shared(_lemma_cues), quote_of)]
        if not self.use_pos:
            for i, lemma in enumerate(layout.shared(_ambiguous_lemmas)):
                # "Ferrer, 58, calls the film …": a noun-like form is a verb right after its subject
                if lemma and self.cues[i] is None and quote_of[i] == -1:
                    subject = self.subject_left(i)
                    # "32% of Republican claims": after a preposition the name qualifies a noun
                    if subject is not None and not (subject.first > 0 and self.tokens[subject.first - 1].text.lower() in PREPOSITIONS):
                        self.cues[i] = lemma
        for i, cue in enumerate(layout.shared(_words_cues)):
            if cue is not None and self.cues[i] is None and quote_of[i] == -1:
                self.cues[i] = cue
        for i, low in enumerate(layout.lower):
            # "Lula's remarks", "Francis' recent remarks": a speech noun with an owner is a cue
            # whatever its part of speech (its subject is resolved by subject_of_cue)
            if low in SPEECH_NOUNS and self.cues[i] is None and quote_of[i] == -1 and self.speech_owner(i) is not None:
                self.cues[i] = low
        self.authors = self.document_authors()
        if not view.doc.has("ner"):
            self._mark_speaking_people()
        self.history: list[tuple[QuoteSpan, Attribution]] = []
        """Quotes decided so far, in text order, with their attributions (the driver fills it)."""
        self._quote_only: dict[int, bool] = {}
        """:meth:`quote_only_paragraph` memo (of this view's spans)."""

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
        """The first token left of ``j`` that is no auxiliary or adverb ("has also said")."""
        while j >= lo and (self.tokens[j].text.lower() in AUX_AND_ADVERBS or self._adverb(j, lo)):
            j -= 1
        return j

    def _adverb(self, j: int, lo: int) -> bool:
        """A lower-case "-ly" word read as an adverb ("repeatedly"), unless a determiner or a
        possessive makes it a noun ("Scott's family", "the rally", "his ally")."""
        word = self.tokens[j].text
        if not (word.endswith("ly") and word.islower()):
            return False
        before = self.tokens[j - 1].text if j - 1 >= lo else ""
        return not (before.lower() in OWNER_DETERMINERS or before.lower() in {"the", "a", "an", "'s", "’s"} or before[-2:] in {"'s", "’s"})

    def subject_left(self, c: int) -> Optional[Mention]:
        lo = self.view.sentence_bounds[self.view.sentence_of[c]][0]
        j = self.skip_left(self._before_parenthesis(c - 1, lo), lo)
        if j >= lo and self.tokens[j].text == ",":
            return self._subject_before_aside(j, lo)
        if j - 1 > lo and self.tokens[j].text.lower() == "who" and self.tokens[j - 1].text == ",":
            # "Omar Haddad, who called the plan …": a relative clause's subject is the name it follows
            found = self.mentions.ending_at.get(j - 1)
            return self.mentions.mentions[found] if found is not None else None
        found = self.mentions.ending_at.get(j + 1)
        if found is None:
            return None
        mention = self.mentions.mentions[found]
        before = mention.first - 1
        if before > lo and (self.tokens[before].text.lower() in {"of", "at", "from", "for"} or self._participle(before)):
            # "the head of Hamas said", "the journalist interviewing Francis used": the name is
            # the object of what heads the subject
            head = self.mentions.ending_at.get(before)
            if head is not None:
                found_head = self.mentions.mentions[head]
                if self._participle(before) and found_head.kind == "epithet":
                    # the description runs through the participle: "the journalist interviewing Francis"
                    text = self.view.doc.text[found_head.start : mention.end]
                    return replace(found_head, last=mention.last, end=mention.end, text=text)
                return found_head
        return mention

    def _participle(self, j: int) -> bool:
        """Token ``j`` is a lower-case participle that is no cue of its own ("interviewing",
        "accompanying"): a name after it is its object."""
        word = self.tokens[j].text
        return word.islower() and word.endswith("ing") and word not in FUNCTION_WORDS and word not in PREPOSITIONS and not self.cues[j]

    def _before_parenthesis(self, j: int, lo: int) -> int:
        """The token before a short parenthesis ending at ``j`` ("Lisa Madigan (D) asserted",
        "Rand Paul (R-Ky.) said": a party, a state, an age), else ``j`` itself."""
        if j < lo or self.tokens[j].text != ")":
            return j
        for k in range(j - 1, max(lo, j - PARENTHESIS_REACH) - 1, -1):
            if self.tokens[k].text == "(":
                return self.skip_left(k - 1, lo)
        return j

    def _subject_before_aside(self, comma: int, lo: int) -> Optional[Mention]:
        """Subject of "X, <aside>, said": the aside itself when it is a bare name ("The minister,
        Sergei Lavrov, told"), otherwise the mention before it ("Kim, in turn, stated";
        "Kim Yo Jong, the sister of Kim Jong Un, said")."""
        # "Michael Mulgrew, president of the United Federation of Teachers, which represents the
        # city's educators, said": the name opening the sentence heads the chain of asides
        opening = self.mentions.starting_at.get(lo)
        if opening is not None:
            m = self.mentions.mentions[opening]
            aside = self.tokens[m.last + 1].text if m.last + 1 < comma else ""
            # the aside must read as a description ("president of …", "a former …", "who …"),
            # not a dateline ("Johannesburg, Nov 20 …")
            # (or an age: "Cory James, 22, of Flint, Mich., said")
            age = aside.isdigit() and m.last + 2 < comma and self.tokens[m.last + 2].text == ","
            if m.kind == "name" and self.tokens[m.last].text == "," and (aside[:1].islower() or age) and not m.media:
                return m
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

    def speech_noun_start(self, c: int) -> Optional[int]:
        """First token of the noun phrase a speech noun at ``c`` heads ("Lula's remarks",
        "the Pope's recent comments", "his words"), or None when ``c`` is no owned speech noun."""
        if self.tokens[c].text.lower() not in SPEECH_NOUNS:
            return None
        lo = self.view.sentence_bounds[self.view.sentence_of[c]][0]
        j = c - 1
        for _ in range(SPEECH_NOUN_MODIFIERS):
            word = self.tokens[j].text if j >= lo else ""
            if not (word.isalpha() and word.islower() and word not in FUNCTION_WORDS and self.cues[j] is None):
                break
            j -= 1  # "recent", "earlier", "controversial"
        if j < lo:
            return None
        if self.tokens[j].text.lower() in OWNER_DETERMINERS:
            return j
        found = self.mentions.ending_at.get(j + 1)
        if found is None and self.tokens[j].text in {"'s", "’s", "'", "’"}:
            found = self.mentions.ending_at.get(j)
        if found is None:
            return None
        mention = self.mentions.mentions[found]
        if not (mention.possessive or mention.text[-1:] in "'’s" and self.tokens[mention.last - 1].text[-2:].lower() in {"'s", "’s"}
                or self.tokens[mention.last - 1].text[-1:] in "'’"):
            return None
        first = mention.first
        if first - 1 >= lo and self.tokens[first - 1].text.lower() == "the":
            first -= 1
        return first

    def speech_owner(self, c: int) -> Optional[Mention]:
        """The owner of the speech noun at ``c`` ("Lula" of "Lula's remarks"), or None."""
        start = self.speech_noun_start(c)
        if start is None:
            return None
        k = start + 1 if self.tokens[start].text.lower() == "the" else start
        found = self.mentions.starting_at.get(k)
        return self.mentions.mentions[found] if found is not None else None

    def governing_verb(self, c: int) -> Optional[int]:
        """The reporting verb whose object is the speech-noun phrase at ``c`` ("condemned Lula's
        remarks as", "called the minister's words"), or None."""
        start = self.speech_noun_start(c)
        if start is None:
            return None
        lo = self.view.sentence_bounds[self.view.sentence_of[c]][0]
        j = self.skip_left(start - 1, lo)
        if j >= lo and self.cues[j] and self.cues[j] != "according to" and self.tokens[j].text.lower() not in SPEECH_NOUNS:
            return j
        return None

    def subject_of_cue(self, c: int, depth: int = 0) -> Optional[Mention]:
        """Subject of the reporting verb at ``c``; participles and coordinated verbs inherit theirs.
        An owned speech noun's subject is its owner, or the subject of the verb it is the object of."""
        if self.tokens[c].text.lower() in SPEECH_NOUNS and depth <= 3:
            verb = self.governing_verb(c)
            if verb is not None:
                return self.subject_of_cue(verb, depth + 1)
            owner = self.speech_owner(c)
            if owner is not None:
                return owner
        lo = self.view.sentence_bounds[self.view.sentence_of[c]][0]
        opening = self.opening_participle_subject(c)
        if opening is not None:
            return opening
        j = self.skip_left(c - 1, lo)
        # "Clinton spoke in Tulsa, Oklahoma, arguing …": a participle after a comma takes the
        # clause's subject, never the name that ends the clause before it
        trailing = self.tokens[c].text.lower().endswith("ing") and j >= lo and self.tokens[j].text == ","
        found = None if trailing else self.subject_left(c)
        if found is not None and self.tokens[c].text.lower().endswith("ing") and self._after_preposition(found, but={"with"}):
            # "Stanton wrote a letter to Loretta Lynch asking …": a preposition's object does not
            # do what the participle says; the clause's subject does
            found, trailing = None, True
        if found is not None or depth > 3:
            return found
        inherits = self.tokens[c].text.lower().endswith("ing") or (
            j >= lo and self.tokens[j].text.lower() in {"and", "but", ",", "then"}
        )
        if not inherits:
            return None
        if c - 1 >= lo and self.cues[c - 1] and self.tokens[c - 1].text.lower() in SPEECH_NOUNS:
            return self.subject_of_cue(c - 1, depth + 1)  # "Francis' remarks calling for …"
        for k in range(c - 1, lo - 1, -1):
            # a participle inherits a verb's subject, never a speech noun's owner
            if self.cues[k] and self.cues[k] != "according to" and self.tokens[k].text.lower() not in SPEECH_NOUNS:
                inherited = self.subject_of_cue(k, depth + 1) or self.document_subject(k)
                if inherited is not None:
                    return inherited
                break  # "Speaking at a town hall in Salem, Trump went after Bush, calling …": the sentence's subject
        # the sentence's subject: "Kim, on Friday, hosted … and expressed"
        for subject in (self.sentence_subject(lo), self.opening_name(lo)):
            if subject is not None and subject.first < c:
                return subject  # ("telling the crowd" names the listener after the verb, not its subject)
        return None

    def opening_participle_subject(self, c: int) -> Optional[Mention]:
        """The subject named after a participle that opens its sentence: "Insisting that South
        Africa will not be “bullied by anyone”, the country's President Cyril Ramaphosa took aim
        …" → Ramaphosa (the first mention after the comma closing the participle's phrase)."""
        word = self.tokens[c].text
        if not (word[:1].isupper() and word.lower().endswith("ing")):
            return None
        hi = self.view.sentence_bounds[self.view.sentence_of[c]][1]
        for comma in range(c + 1, hi):
            if self.tokens[comma].text != "," or not self.view.outside(comma):
                continue
            # the first mention after a comma that a verb follows ("Salem, New Hampshire, Trump
            # went …": a place between commas is the phrase's, not the subject)
            m = next((self.mentions.mentions[self.mentions.starting_at[k]] for k in range(comma + 1, min(hi, comma + 1 + OPENING_SUBJECT_REACH))
                      if k in self.mentions.starting_at), None)
            if m is None or m.possessive or m.media or m.last >= hi:
                continue
            ref = self.mentions.referents[m.referent] if m.referent is not None else None
            verb = self.tokens[m.last].text
            if (ref is None or not (ref.place or is_place(ref.key))) and verb.isalpha() and verb.islower():
                return m
        return None

    def _after_preposition(self, m: Mention, but: frozenset[str] | set[str] = frozenset()) -> bool:
        """The mention is a preposition's object ("to Attorney General Loretta Lynch"), the
        prepositions in ``but`` aside ("with Gorka noting …" makes Gorka the participle's subject)."""
        k = m.first - 1
        if k >= 0 and self.tokens[k].text.lower() == "the":
            k -= 1
        return k >= 0 and self.tokens[k].text.lower() in PREPOSITIONS - set(but)

    def opening_name(self, lo: int) -> Optional[Mention]:
        """The name that opens the sentence at ``lo`` as the subject of the verb right after it
        ("Carly Fiorina threw her support behind …"), when nothing says the name is a person's:
        a subject that acts is someone, unless the name is a place, an outlet or an organisation."""
        found = self.mentions.starting_at.get(lo)
        if found is None:
            return None
        m = self.mentions.mentions[found]
        if m.kind != "name" or m.media or m.possessive or m.last >= len(self.tokens):
            return None
        ref = self.mentions.referents[m.referent] if m.referent is not None else None
        if ref is not None and (ref.place or ref.media or "<org>" in ref.descriptors):
            return None
        # a surname counts when the article gives the full name ("Hillary Clinton … Clinton seemed")
        if max(len(m.name_key), len(ref.key) if ref is not None else 0) < OPENING_NAME_WORDS:
            return None
        verb = self.tokens[m.last].text
        return m if verb.isalpha() and verb.islower() and verb not in FUNCTION_WORDS else None

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
        for i, word in enumerate(self.view.layout.lower):
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
            if m.kind == "name" and not m.members and not (m.referent is not None and self.mentions.referents[m.referent].person):
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
        if paragraph not in self._quote_only:
            rng = self.view.paragraph_tokens(paragraph)
            self._quote_only[paragraph] = bool(rng) and all(not self.view.outside(i) or not self.tokens[i].text[:1].isalnum() for i in rng)
        return self._quote_only[paragraph]

