"""The public data contract of the toolkit.

Every stage hands the next one these pydantic models, and the CLI prints them:

    text ─▶ Article ─▶ AnnotatedDocument ─▶ Quote ─▶ QuoteGroup / Variant ─▶ reports

`Quote` is also the stable JSONL contract of ``quotes find --format jsonl``: one
object per quote, ``text == article_text[start:end]``.

>>> from quotes import Article, find_quotes
>>> quotes = find_quotes(Article(id="a1", text='"We will win," said Jane Holloway.'))
>>> quotes[0].id, quotes[0].text, quotes[0].kind, quotes[0].speaker
('a1#0', 'We will win,', 'speech', 'Jane Holloway')
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

QuoteKind = Literal["speech", "fragment", "name"]
"""`speech`: a clause or more of reported speech. `fragment`: a word or phrase of someone's
words built into the reporter's sentence. `name`: a title, term or scare quote (never given a
speaker)."""

VariantLabel = Literal["reference", "identical", "orthographic", "truncation", "translation", "drift"]
"""How a member of a :class:`QuoteGroup` differs from the group's reference rendering."""


class Article(BaseModel):
    """One news article: the text quotes are found in, plus optional provenance.

    ``id`` is what every quote found in it carries as ``Quote.article`` (the file stem when
    read from a ``.txt`` file, the ``id`` field when read from JSONL).
    """

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    outlet: Optional[str] = None
    url: Optional[str] = None
    date: Optional[str] = None
    source: Optional[str] = Field(default=None, description="Path the article was read from, if any.")


class Quote(BaseModel):
    """A direct quotation found in an article, with its attribution.

    ``start``/``end`` are 0-based Python ``str`` offsets into the article text exactly as read,
    so ``article.text[start:end] == text`` (the characters inside the quotation marks).
    """

    model_config = ConfigDict(extra="ignore")

    article: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: QuoteKind
    speaker: Optional[str] = Field(default=None, description="Canonical speaker name within the article, or null.")
    speaker_mention: Optional[str] = Field(default=None, description="Surface string the speaker was resolved from.")
    cue: Optional[str] = Field(default=None, description="Reporting verb or phrase, e.g. 'said', 'according to'.")
    method: Optional[str] = Field(default=None, description="Name of the attribution rule that decided the speaker.")
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    index: int = Field(default=0, ge=0, description="Position of the quote in its article, in text order (0-based).")
    paragraph: int = Field(default=0, ge=0, description="Index of the paragraph the quote opens in.")
    nested: bool = Field(default=False, description="True for a quote inside another quote.")

    @property
    def id(self) -> str:
        """A stable identifier: ``<article>#<index>``."""
        return f"{self.article}#{self.index}"


class DiffOp(BaseModel):
    """One word-level edit turning the reference rendering (``a``) into a variant (``b``)."""

    op: Literal["equal", "replace", "insert", "delete"]
    a: str = ""
    b: str = ""


DriftReasonCode = Literal[
    "negation",
    "number",
    "modality",
    "tense",
    "entity",
    "qualifier",
    "content_added",
    "content_cut",
    "wording",
]


class DriftReason(BaseModel):
    """Why a variant was labelled ``drift``: the kind of change and the words involved."""

    code: DriftReasonCode
    detail: str
    a: str = ""
    b: str = ""


class Variant(BaseModel):
    """The result of comparing two renderings: ``compare(reference, other)``."""

    label: VariantLabel
    score: float = Field(ge=0.0, le=1.0, description="Similarity used for the decision, 0..1.")
    lexical: float = Field(default=0.0, ge=0.0, le=1.0)
    semantic: Optional[float] = Field(default=None, description="Embedding similarity when the semantic extra is on.")
    diff: list[DiffOp] = Field(default_factory=list)
    reasons: list[DriftReason] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Why the label: its rule in words, reasons not counted as drift, and what was left out of the comparison (an editorial insertion in brackets).")


class AlignedQuote(Quote):
    """A quote occurrence inside a :class:`QuoteGroup` (the ``quotes align`` JSONL row)."""

    cluster: Optional[str] = None
    variant: Optional[VariantLabel] = None
    score: Optional[float] = None
    diff: list[DiffOp] = Field(default_factory=list)
    reasons: list[DriftReason] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list, description="e.g. 'misattributed' when another outlet names another speaker.")
    notes: list[str] = Field(default_factory=list, description="Why the label: its rule in words, reasons not counted as drift, and what was left out of the comparison (an editorial insertion in brackets).")
    signals: list[str] = Field(default_factory=list, description="Signals the alignment used: 'lexical', 'semantic:<model>'.")
    also_in: list[str] = Field(default_factory=list, description="Other clusters that sentences of this quote belong to.")


class QuoteGroup(BaseModel):
    """Renderings of one original utterance across articles; ``members[0]`` is the reference."""

    id: str
    speaker: Optional[str] = None
    reference: AlignedQuote
    members: list[AlignedQuote]
    flags: list[str] = Field(default_factory=list)
    signals: list[str] = Field(default_factory=list, description="Signals the alignment used: 'lexical', 'semantic:<model>'.")

    @property
    def articles(self) -> int:
        """How many articles the renderings come from."""
        return len({m.article for m in self.members})

    @property
    def cross_article(self) -> bool:
        """True when the renderings come from two articles or more: the one test of a real alignment."""
        return self.articles >= 2


VerifyStatus = Literal["verbatim", "orthographic", "drift", "not_found"]


class VerifyResult(BaseModel):
    """A quote checked against an original text (transcript, official statement)."""

    quote: Quote
    status: VerifyStatus
    score: float = Field(ge=0.0, le=1.0)
    source_start: Optional[int] = None
    source_end: Optional[int] = None
    source_text: Optional[str] = None
    diff: list[DiffOp] = Field(default_factory=list)
    reasons: list[DriftReason] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0,
                              description="Calibrated probability that the status is right (see quotes.variants.verify).")
    source: Optional[str] = Field(default=None, description="Name of the source (file) the match or the candidate is in.")
    source_speaker: Optional[str] = Field(default=None, description="The turn label of the matching passage (TRUMP, Mr. Trump), when the source has turns.")
    source_section: Optional[str] = Field(default=None, description="The `== ... ==` section of the source the passage is in (a debate's date).")
    evidence: str = Field(default="", description="The origin rule's verdict in words: what was aligned, or why the best candidate was rejected.")
    candidate_start: Optional[int] = Field(default=None, description="not_found: the best candidate stretch of the source (offsets), for a user to look at.")
    candidate_end: Optional[int] = None
    candidate_text: Optional[str] = None
