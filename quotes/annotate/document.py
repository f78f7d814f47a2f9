"""The engine-neutral annotated document every language engine produces.

Quote finding and attribution read only these models, never Stanza or spaCy objects, so
both engines feed the same logic. Layers an engine did not produce stay ``None`` /
empty and are listed as absent in :attr:`AnnotatedDocument.layers`.
"""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, Field

Layer = str
"""One of ``"pos"``, ``"lemma"``, ``"depparse"``, ``"ner"``."""


class Token(BaseModel):
    """A word with character offsets into the document text."""

    text: str
    start: int
    end: int
    sentence: int = Field(description="Index of the sentence holding the token.")
    pos: Optional[str] = Field(default=None, description="Universal POS tag (UPOS), when parsed.")
    lemma: Optional[str] = None
    head: Optional[int] = Field(default=None, description="Document-level index of the syntactic head; -1 for a root.")
    deprel: Optional[str] = Field(default=None, description="Universal Dependencies relation to the head.")


class Sentence(BaseModel):
    """A sentence as a half-open token range ``[first, last)`` and character span."""

    start: int
    end: int
    first: int
    last: int


class Entity(BaseModel):
    """A named-entity span (PERSON, ORG, GPE, …) with character offsets."""

    text: str
    start: int
    end: int
    label: str


class AnnotatedDocument(BaseModel):
    """Text plus the linguistic layers one engine produced for it."""

    text: str
    engine: str
    tokens: list[Token] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    layers: frozenset[Layer] = Field(default_factory=frozenset)

    def has(self, layer: Layer) -> bool:
        """True when the engine produced ``layer`` (``"pos"``, ``"lemma"``, ``"depparse"``, ``"ner"``)."""
        return layer in self.layers
