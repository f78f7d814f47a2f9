"""Stanza engine: the default. Uses every English processor whose model is on disk."""

from __future__ import annotations

import logging
from typing import Any, Optional, Sequence

from quotes.annotate.document import AnnotatedDocument, Entity, Sentence, Token
from quotes.annotate.base import layers_for
from quotes.annotate.resources import (
    LANG,
    missing_models_message,
    models_dir,
    present_processors,
)
from quotes.errors import EngineUnavailable

log = logging.getLogger(__name__)

_FULL = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
_FALLBACK = ("tokenize", "mwt")


class StanzaEngine:
    """Stanza pipeline built once with the processors present in the models directory.

    >>> engine = StanzaEngine()
    >>> engine.processors[:2]          # then pos, lemma, depparse, ner where their models are present
    ('tokenize', 'mwt')
    """

    name = "stanza"

    def __init__(self, models_path: Optional[str] = None) -> None:
        try:
            import stanza
        except ImportError:  # pragma: no cover - stanza is a hard dependency
            raise EngineUnavailable("stanza is not installed; run `pip install quotes`") from None
        self._stanza = stanza
        self.models_dir = str(models_dir(models_path))
        present = present_processors(models_path)
        if "tokenize" not in present:
            raise EngineUnavailable(missing_models_message(models_path))
        wanted = tuple(p for p in _FULL if p in present)
        self.pipeline, self.processors = self._build(wanted)

    def _build(self, wanted: tuple[str, ...]) -> tuple[Any, tuple[str, ...]]:
        # A processor's model may be present while a model it depends on (pretrain, charlm) is
        # not; then the tokenizer-only pipeline is still better than no pipeline.
        attempts = [wanted] if wanted == _FALLBACK[: len(wanted)] else [wanted, tuple(p for p in _FALLBACK if p in wanted)]
        last: Exception | None = None
        for procs in attempts:
            try:
                pipe = self._stanza.Pipeline(
                    LANG,
                    dir=self.models_dir,
                    processors=",".join(procs),
                    download_method=None,
                    logging_level="WARN",
                    use_gpu=False,
                )
                if procs != wanted:
                    log.warning("Stanza: could not load %s; using %s", ",".join(wanted), ",".join(procs))
                return pipe, procs
            except Exception as exc:  # stanza raises several unrelated types for missing/corrupt models
                last = exc
        first = str(last).splitlines()[0] if last and str(last) else type(last).__name__
        raise EngineUnavailable(f"cannot load Stanza models from {self.models_dir}: {first}; run `quotes models download`")

    def annotate(self, text: str) -> AnnotatedDocument:
        """Annotate one text."""
        if not text.strip():
            return AnnotatedDocument(text=text, engine=self.name, layers=layers_for(self.processors))
        return self._convert(text, self.pipeline(text))

    def annotate_many(self, texts: Sequence[str]) -> list[AnnotatedDocument]:
        """Annotate several texts in one Stanza bulk call."""
        nonempty = [t for t in texts if t.strip()]
        docs = iter(self.pipeline.bulk_process([self._stanza.Document([], text=t) for t in nonempty])) if nonempty else iter(())
        return [self._convert(t, next(docs)) if t.strip() else self.annotate(t) for t in texts]

    def _convert(self, text: str, doc: Any) -> AnnotatedDocument:
        parsed = any(p in self.processors for p in ("pos", "lemma", "depparse"))
        tokens: list[Token] = []
        sentences: list[Sentence] = []
        for s_index, sent in enumerate(doc.sentences):
            first = len(tokens)
            word_index: dict[int, int] = {}
            for tok in sent.tokens:
                units = tok.words if parsed else [tok]
                for unit in units:
                    start = getattr(unit, "start_char", None)
                    end = getattr(unit, "end_char", None)
                    if start is None or end is None:  # words of a multi-word token share its span
                        start, end = tok.start_char, tok.end_char
                    if parsed:
                        word_index[unit.id] = len(tokens)
                    # Token(...) is validated in pydantic-core, which is faster than model_construct's
                    # Python loop over the fields; a tokenizer-only run leaves the parse fields unset.
                    tokens.append(
                        Token(
                            text=unit.text,
                            start=start,
                            end=end,
                            sentence=s_index,
                            pos=getattr(unit, "upos", None),
                            lemma=getattr(unit, "lemma", None),
                            head=getattr(unit, "head", None),
                            deprel=getattr(unit, "deprel", None),
                        )
                        if parsed
                        else Token(text=unit.text, start=start, end=end, sentence=s_index)
                    )
            if "depparse" in self.processors:
                for t in tokens[first:]:
                    if t.head is not None:
                        t.head = -1 if t.head == 0 else word_index.get(t.head, -1)
            if len(tokens) > first:
                sentences.append(
                    Sentence(start=tokens[first].start, end=tokens[-1].end, first=first, last=len(tokens))
                )
        entities = [
            Entity(text=e.text, start=e.start_char, end=e.end_char, label=e.type)
            for e in (doc.ents if "ner" in self.processors else [])
        ]
        return AnnotatedDocument.model_construct(
            text=text,
            engine=self.name,
            tokens=tokens,
            sentences=sentences,
            entities=entities,
            layers=layers_for(self.processors),
        )
