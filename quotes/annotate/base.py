"""The engine interface: text in, engine-neutral :class:`AnnotatedDocument` out."""

from __future__ import annotations

from typing import Protocol, Sequence, runtime_checkable

from quotes.annotate.document import AnnotatedDocument


@runtime_checkable
class Engine(Protocol):
    """A language engine. Build it once per process and reuse it (see :func:`quotes.annotate.get_engine`)."""

    name: str
    processors: tuple[str, ...]

    def annotate(self, text: str) -> AnnotatedDocument:
        """Annotate one text."""
        ...

    def annotate_many(self, texts: Sequence[str]) -> list[AnnotatedDocument]:
        """Annotate several texts, batching where the engine can."""
        ...


def layers_for(processors: Sequence[str]) -> frozenset[str]:
    """The document layers a set of processors produces (``tokenize``/``mwt`` add none)."""
    return frozenset(p for p in processors if p in {"pos", "lemma", "depparse", "ner"})
