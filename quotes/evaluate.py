"""Score quotes against a hand-checked gold file: the library behind ``quotes eval``.

The gold format is the one of ``fixtures/seeds.gold.json`` (``/work/shared/gold/README.md``):
``articles[]`` with ``id``, ``file`` (relative to the gold file's folder) and ``quotes[]``
(``id``, ``text``, ``start``, ``end``, ``kind``, ``speaker``, ``cluster``, ``variant``), plus
``speakers`` (canonical name → the names used for that person).

    from quotes import find_quotes
    from quotes.evaluate import evaluate
    from quotes.io.inputs import iter_articles

    found = [q for a in iter_articles(["seeds/"]) for q in find_quotes(a)]
    report = evaluate("fixtures/seeds.gold.json", found)
    print(report.detect_f1, report.speaker_acc, report.e2e_f1)
    for error in report.errors:
        print(error)          # "missed 001: 'forged at the cost of blood'" ...

Matching follows the project's reference scorer (``shared/tools/score.py``), so both give the
same figures on the same predictions:

- Only gold quotes of the scored kinds (``speech`` and ``fragment`` by default) count;
  predictions of kind ``name`` are ignored.
- A prediction belongs to the gold article whose ``id`` or file stem equals its ``article``
  (a path is reduced to its stem).
- A prediction and a gold quote match when their spans, trimmed of surrounding spaces and
  punctuation, overlap by at least half of their union (or, for a prediction without offsets,
  when their normalised texts are at least 50 % similar). Matches are made greedily, best
  overlap first, one to one.
- A speaker is right when its name tokens (:func:`quotes.text.names.scorer_tokens`: titles
  dropped, diacritics ignored) equal one of the gold speaker's names, or one name's tokens
  contain the other's, a descriptive gold source ("Mr. Kelly, a retired astronaut") judged by
  its head before the first comma; a bare pronoun is never right. A gold
  speaker ``"*"`` is not scored, a gold ``null`` wants no speaker.
- End-to-end counts a quote as right when it is matched *and* its speaker is right.
- With ``cluster`` on the predictions: pairwise precision/recall/F1 over pairs of quotes in
  different articles (gold pairs whose quotes were not found count as missed).
- With ``variant`` on the predictions: accuracy of the labels of matched non-reference members.
- Every error carries a ``cause`` (:data:`CAUSES`): why the speaker is wrong (null though the
  speaker is named nearby, a non-person, someone quoted elsewhere, …), why a quote is extra
  (a name or term, wrong boundaries) or missed (taken for a name). :func:`errors_by_cause` groups
  them; :func:`format_errors` is what ``quotes eval --errors`` prints.

Article texts are read with :func:`quotes.io.inputs.read_text_file`, exactly as ``quotes find``
reads them, so gold offsets and found offsets refer to the same string.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from rapidfuzz import fuzz

from quotes.errors import InputError
from quotes.io.inputs import first_json_object, iter_json_objects, read_text_file
from quotes.models import Quote
from quotes.run.pipeline import OnError, read_inputs, report_error
from quotes.text.lexicon import DATE_WORDS
from quotes.text.names import scorer_tokens

__all__ = [
    "CAUSES", "DEFAULT_KINDS", "EvalError", "EvalReport", "GoldArticle", "GoldQuote", "GoldSet", "errors_by_cause",
    "evaluate", "evaluate_paths", "format_errors", "load_gold", "read_predictions", "span_overlap", "speaker_right",
    "trim_span",
]

DEFAULT_KINDS: tuple[str, ...] = ("speech", "fragment")
"""Quote kinds scored by default: ``name`` quotes report nobody's words."""

MATCH_THRESHOLD = 0.5

# Pronouns never count as a speaker on their own (as in the reference scorer).
_PRONOUNS = frozenset("he she they it him her his them i we you".split())
# Characters trimmed from both ends of a span before spans are compared.
_SPAN_PUNCT = frozenset(" \t\n\"'“”‘’«»„,.;:!?—–-…()[]")
_DASHES = re.compile(r"[-‐‑‒–—]")
_NOT_WORD = re.compile(r"[^\w\s']")


CAUSES: dict[str, str] = {
    "null-named-nearby": "no speaker given, though the speaker is named in the quote's paragraph or the two before",
    "null-named-elsewhere": "no speaker given, though the speaker is named elsewhere in the article",
    "null-unnamed": "no speaker given; the article names the speaker only by a description",
    "non-person": "the speaker given is a date, a weekday, a possessive or a place, not a person",
    "name-form": "the right person under a name the gold does not accept (a title or word glued to it)",
    "other-speaker": "the speaker given is someone quoted elsewhere in the article (an interviewer, the other side)",
    "wrong-person": "the speaker given is someone else the article names",
    "spurious-speaker": "a speaker given where the gold has none",
    "extra-name": "a name or term taken for a quote",
    "extra-boundary": "a quote with the wrong boundaries (two quotes merged, or one split)",
    "extra-unannotated": "a quote the gold does not have at all",
    "missed-as-name": "a quote taken for a name or term",
    "missed-boundary": "found, but with the wrong boundaries",
    "missed": "not found",
    "variant": "wrong variant label",
}
"""Error causes, in the order ``quotes eval --errors`` groups them: key → what it means."""



# --- models -------------------------------------------------------------------------------------


class GoldQuote(BaseModel):
    """One annotated quotation of a gold article."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    start: int
    end: int
    kind: str
    speaker: Optional[str] = None
    cluster: Optional[str] = None
    variant: Optional[str] = None


class GoldArticle(BaseModel):
    """A gold article: its file (relative to the gold file), its text and its quotes."""

    model_config = ConfigDict(extra="ignore")

    id: str
    file: str
    text: str = ""
    quotes: list[GoldQuote] = Field(default_factory=list)


class GoldSet(BaseModel):
    """A whole gold file, with every article's text read."""

    model_config = ConfigDict(extra="ignore")

    articles: list[GoldArticle]
    speakers: dict[str, list[str]] = Field(default_factory=dict)


class EvalError(BaseModel):
    """One disagreement with the gold: a missed quote, an extra one, a wrong speaker or variant label."""

    kind: Literal["missed", "extra", "speaker", "variant"]
    article: str
    gold_id: Optional[str] = None
    text: str = Field(description="The gold quote's text (the prediction's for an extra quote).")
    gold_speaker: Optional[str] = None
    predicted_speaker: Optional[str] = None
    gold_variant: Optional[str] = None
    predicted_variant: Optional[str] = None
    gold_name: bool = Field(default=False, description="An extra quote that overlaps a gold `name` quote.")
    cause: str = Field(default="", description="Why it went wrong, one of :data:`CAUSES` (see :func:`error_cause`).")

    def __str__(self) -> str:
        text = repr(_clip(self.text, 70))
        if self.cause:
            text = f"{text}  [{self.cause}]"
        if self.kind == "missed":
            return f"missed   {self.article}: {self.gold_id} {text}"
        if self.kind == "extra":
            return f"extra    {self.article}: {'(gold name) ' if self.gold_name else ''}{text}"
        if self.kind == "speaker":
            return f"speaker  {self.article}: {self.gold_id} gold={self.gold_speaker!r} predicted={self.predicted_speaker!r} {text}"
        return f"variant  {self.article}: {self.gold_id} gold={self.gold_variant} predicted={self.predicted_variant} {text}"


class EvalReport(BaseModel):
    """The figures of one evaluation; cluster and variant figures only when predictions carry them."""

    kinds: list[str]
    gold_quotes: int = Field(description="Gold quotes of the scored kinds.")
    predicted: int = Field(description="Predictions of the scored articles (not of kind `name`).")
    matched: int
    detect_p: float
    detect_r: float
    detect_f1: float
    speaker_scored: int = Field(description="Matched quotes whose gold speaker is scored (not null, not '*').")
    speaker_acc: float
    e2e_p: float
    e2e_r: float
    e2e_f1: float
    unknown_articles: list[str] = Field(default_factory=list, description="Prediction articles the gold does not have.")
    cluster_pairs_gold: Optional[int] = None
    cluster_p: Optional[float] = None
    cluster_r: Optional[float] = None
    cluster_f1: Optional[float] = None
    variant_gold: Optional[int] = None
    variant_acc: Optional[float] = None
    errors: list[EvalError] = Field(default_factory=list)


# --- reading --------------------------------------------------------------------------------------


def load_gold(path: str) -> GoldSet:
    """Read a gold file and the article texts it points to (paths relative to its folder).

    Raises :class:`InputError` naming the gold file or the article file that is wrong.
    """
    try:
        raw = json.loads(read_text_file(path))
    except ValueError as exc:
        raise InputError(f"not a valid JSON gold file ({exc}); check the file", path) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("articles"), list):
        raise InputError('not a gold file: expected a JSON object with an "articles" list; see fixtures/seeds.gold.json', path)
    try:
        gold = GoldSet.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise InputError(f"not a gold file ({loc}: {first['msg']}); see fixtures/seeds.gold.json", path) from None
    base = Path(path).parent
    for article in gold.articles:
        article.text = read_text_file(str(base / article.file))
    return gold


def read_predictions(path: str) -> Iterator[Union[dict[str, Any], InputError]]:
    """Yield the prediction rows of a JSONL file (``quotes find``/``quotes align`` output or any
    ``{"article", "text", "start", "end", "speaker", "kind", "cluster", "variant"}`` lines).

    Lines that are not JSON objects with an ``article`` come out as :class:`InputError`.
    """
    hint = 'each line must be a JSON object with at least "article" and "text"'
    return iter_json_objects(path, hint, required=("article",))


# --- normalisation ----------------------------------------------------------------------------------


def _norm_text(text: Optional[str]) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("’", "'").replace("‘", "'")
    text = _DASHES.sub(" ", text)
    text = _NOT_WORD.sub(" ", text.lower())
    return " ".join(text.split())


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` with surrounding spaces and punctuation trimmed, as spans are compared."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start] in _SPAN_PUNCT:
        start += 1
    while end > start and text[end - 1] in _SPAN_PUNCT:
        end -= 1
    return start, end


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap of two character spans as a share of their union (a match needs :data:`MATCH_THRESHOLD`)."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def speaker_right(predicted: Optional[str], gold: Optional[str], speakers: dict[str, list[str]]) -> bool:
    """The scorer's speaker test: ``predicted`` counts as ``gold`` (see the module docstring).

    >>> speaker_right("Kim", "Kim Jong Un", {}), speaker_right("he", "Kim Jong Un", {})
    (True, False)
    """
    if gold == "*":
        return True
    if gold is None:
        return predicted in (None, "", "null")
    if not predicted or _norm_text(predicted) in _PRONOUNS:
        return False
    tokens = scorer_tokens(predicted)
    if not tokens:
        return False
    names = [gold] + [n for n in speakers.get(gold, []) if _norm_text(n) not in _PRONOUNS]
    if any(tokens == scorer_tokens(n) for n in names if scorer_tokens(n)):
        return True
    # a descriptive gold source ("Mr. Kelly, a retired astronaut") is judged by its head before the comma;
    # "Kim" for "Kim Jong Un", "Hillary Clinton" for "Clinton".
    canonical = set(scorer_tokens(gold.split(",")[0]))
    return bool(canonical) and (set(tokens) <= canonical or canonical <= set(tokens))


def _variant_label(value: Optional[str]) -> str:
    value = (value or "").lower().strip()
    return "translation" if value.startswith("translation") else value


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n]


# --- scoring ---------------------------------------------------------------------------------------


@dataclass
class _Match:
    article: str
    gold: GoldQuote
    pred: dict[str, Any]


def evaluate(
    gold_path: str,
    predictions: Iterable[Union[BaseModel, dict[str, Any]]],
    *,
    kinds: Sequence[str] = DEFAULT_KINDS,
) -> EvalReport:
    """Score ``predictions`` (``Quote``/``AlignedQuote`` objects or plain dicts) against a gold file.

    >>> report = evaluate("fixtures/seeds.gold.json", [])
    >>> report.gold_quotes, report.detect_r
    (36, 0.0)
    """
    gold = load_gold(gold_path)
    kinds = tuple(kinds)
    lookup: dict[str, GoldArticle] = {a.id: a for a in gold.articles}
    for article in gold.articles:
        lookup.setdefault(Path(article.file).stem, article)

    by_article: dict[str, list[dict[str, Any]]] = {}
    named_by_article: dict[str, list[dict[str, Any]]] = {}
    unknown: set[str] = set()
    for item in predictions:
        row = item.model_dump(mode="json") if isinstance(item, BaseModel) else dict(item)
        key = str(row.get("article"))
        if key not in lookup:
            key = Path(key).stem
        if key not in lookup:
            if (row.get("kind") or "").lower() != "name":
                unknown.add(key)
            continue
        target = named_by_article if (row.get("kind") or "").lower() == "name" else by_article
        target.setdefault(lookup[key].id, []).append(row)

    tp = fp = fn = 0
    right_speakers = speaker_scored = e2e_tp = 0
    matches: list[_Match] = []
    errors: list[EvalError] = []
    for article in gold.articles:
        golds = [q for q in article.quotes if q.kind in kinds]
        names = [q for q in article.quotes if q.kind not in kinds]
        preds = by_article.get(article.id, [])
        pairs = _match(article.text, golds, preds)
        for gi, pi in pairs:
            g, p = golds[gi], preds[pi]
            matches.append(_Match(article.id, g, p))
            ok = speaker_right(p.get("speaker"), g.speaker, gold.speakers)
            if g.speaker not in (None, "*"):
                speaker_scored += 1
                right_speakers += ok
            e2e_tp += ok
            if not ok:
                cause = _speaker_cause(article, g, p.get("speaker"), golds)
                errors.append(EvalError(kind="speaker", article=article.id, gold_id=g.id, text=g.text,
                                        gold_speaker=g.speaker, predicted_speaker=p.get("speaker"), cause=cause))
        found_g = {gi for gi, _ in pairs}
        found_p = {pi for _, pi in pairs}
        tp += len(found_g)
        for gi, g in enumerate(golds):
            if gi not in found_g:
                fn += 1
                cause = _missed_cause(article.text, g, preds, named_by_article.get(article.id, []))
                errors.append(EvalError(kind="missed", article=article.id, gold_id=g.id, text=g.text,
                                        gold_speaker=g.speaker, cause=cause))
        for pi, p in enumerate(preds):
            if pi not in found_p:
                fp += 1
                span = _pred_span(article.text, p)
                is_name = span is not None and any(
                    span_overlap(trim_span(article.text, q.start, q.end), span) >= MATCH_THRESHOLD for q in names
                )
                boundary = span is not None and any(
                    span_overlap(trim_span(article.text, q.start, q.end), span) > 0 for q in golds
                )
                cause = "extra-name" if is_name else "extra-boundary" if boundary else "extra-unannotated"
                errors.append(EvalError(kind="extra", article=article.id, text=str(p.get("text") or ""),
                                        predicted_speaker=p.get("speaker"), gold_name=is_name, cause=cause))

    detect = _prf(tp, fp, fn)
    wrong_speaker = tp - e2e_tp
    e2e = _prf(e2e_tp, fp + wrong_speaker, fn + wrong_speaker)
    report = EvalReport(
        kinds=list(kinds),
        gold_quotes=tp + fn,
        predicted=tp + fp,
        matched=tp,
        detect_p=detect[0], detect_r=detect[1], detect_f1=detect[2],
        speaker_scored=speaker_scored,
        speaker_acc=right_speakers / speaker_scored if speaker_scored else 0.0,
        e2e_p=e2e[0], e2e_r=e2e[1], e2e_f1=e2e[2],
        unknown_articles=sorted(unknown),
    )
    if any(m.pred.get("cluster") is not None for m in matches):
        _score_clusters(report, gold, matches, kinds)
    _score_variants(report, matches, errors)
    report.errors = errors
    return report


def errors_by_cause(report: EvalReport) -> dict[str, list[EvalError]]:
    """The report's errors grouped by cause, in the order of :data:`CAUSES` (empty groups left out).

    >>> report = evaluate("fixtures/seeds.gold.json", [])
    >>> {cause: len(errors) for cause, errors in errors_by_cause(report).items()}
    {'missed': 36}
    """
    groups: dict[str, list[EvalError]] = {}
    for cause in CAUSES:
        members = [e for e in report.errors if e.cause == cause]
        if members:
            groups[cause] = members
    return groups


def format_errors(report: EvalReport) -> str:
    """Every error under a heading per cause, largest group first: what ``quotes eval --errors`` prints."""
    lines: list[str] = []
    groups = sorted(errors_by_cause(report).items(), key=lambda kv: -len(kv[1]))
    for cause, members in groups:
        lines.append(f"== {cause} ({len(members)}): {CAUSES[cause]}")
        lines.extend(str(e) for e in members)
        lines.append("")
    return "\n".join(lines)


def _speaker_cause(article: GoldArticle, gold: GoldQuote, predicted: Optional[str], golds: list[GoldQuote]) -> str:
    """Why a matched quote's speaker is wrong (keys of :data:`CAUSES`)."""
    if gold.speaker is None:
        return "spurious-speaker"
    gold_words = set(scorer_tokens((gold.speaker or "").split(",")[0]))
    if not predicted:
        text = article.text
        surname = [w for w in scorer_tokens((gold.speaker or "").split(",")[0]) if len(w) > 1][-1:]
        if not surname:
            return "null-unnamed"
        words = _norm_text(text[max(0, gold.start - 1500) : gold.end + 300]).split()
        if surname[0] in words:
            return "null-named-nearby"
        return "null-named-elsewhere" if surname[0] in _norm_text(text).split() else "null-unnamed"
    words = scorer_tokens(predicted)
    raw = _norm_text(predicted).split()
    if not words or set(raw) & DATE_WORDS or predicted.rstrip().endswith(("'s", "’s", "'", "’")):
        return "non-person"
    if gold_words & set(words):
        return "name-form"
    others = {w for q in golds if q.speaker not in (None, "*", gold.speaker) for w in scorer_tokens(q.speaker.split(",")[0])}
    if set(words) <= others:
        return "other-speaker"
    return "wrong-person"


def _missed_cause(text: str, gold: GoldQuote, preds: list[dict[str, Any]], named: list[dict[str, Any]]) -> str:
    span = trim_span(text, gold.start, gold.end)
    if any((s := _pred_span(text, p)) is not None and span_overlap(span, s) >= MATCH_THRESHOLD for p in named):
        return "missed-as-name"
    if any((s := _pred_span(text, p)) is not None and span_overlap(span, s) > 0 for p in preds):
        return "missed-boundary"
    return "missed"


def _pred_span(text: str, pred: dict[str, Any]) -> Optional[tuple[int, int]]:
    if pred.get("start") is None or pred.get("end") is None:
        return None
    return trim_span(text, int(pred["start"]), int(pred["end"]))


def _match(text: str, golds: list[GoldQuote], preds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one greedy matching, best similarity first; returns (gold index, prediction index)."""
    candidates = []
    for gi, g in enumerate(golds):
        gold_span = trim_span(text, g.start, g.end)
        for pi, p in enumerate(preds):
            span = _pred_span(text, p)
            if span is not None:
                sim = span_overlap(gold_span, span)
            else:
                sim = fuzz.ratio(_norm_text(g.text), _norm_text(p.get("text") or "")) / 100
            if sim >= MATCH_THRESHOLD:
                candidates.append((sim, gi, pi))
    # Ties go to the later gold quote and prediction, as in the reference scorer.
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _score_clusters(report: EvalReport, gold: GoldSet, matches: list[_Match], kinds: tuple[str, ...]) -> None:
    """Pairwise cluster P/R/F1 over quotes in different articles."""
    found_gold_pairs: set[tuple[str, str]] = set()
    predicted_pairs: set[tuple[str, str]] = set()
    for m1, m2 in combinations(matches, 2):
        if m1.article == m2.article:
            continue
        key = tuple(sorted((m1.gold.id, m2.gold.id)))
        if m1.gold.cluster and m1.gold.cluster == m2.gold.cluster:
            found_gold_pairs.add(key)  # type: ignore[arg-type]
        c1 = m1.pred.get("cluster")
        if c1 is not None and c1 == m2.pred.get("cluster"):
            predicted_pairs.add(key)  # type: ignore[arg-type]
    all_gold_pairs: set[tuple[str, str]] = set()
    scored = [(a.id, q) for a in gold.articles for q in a.quotes if q.kind in kinds]
    for (a1, q1), (a2, q2) in combinations(scored, 2):
        if a1 != a2 and q1.cluster and q1.cluster == q2.cluster:
            all_gold_pairs.add(tuple(sorted((q1.id, q2.id))))  # type: ignore[arg-type]
    p, r, f = _prf(
        len(found_gold_pairs & predicted_pairs),
        len(predicted_pairs - found_gold_pairs),
        len(all_gold_pairs - predicted_pairs),
    )
    report.cluster_pairs_gold = len(all_gold_pairs)
    report.cluster_p, report.cluster_r, report.cluster_f1 = p, r, f


def _score_variants(report: EvalReport, matches: list[_Match], errors: list[EvalError]) -> None:
    """Variant-label accuracy over matched gold members that are not their cluster's reference."""
    labelled = [m for m in matches if m.gold.variant and _variant_label(m.gold.variant) != "reference"]
    if not labelled or not any(m.pred.get("variant") for m in labelled):
        return
    right = 0
    for m in labelled:
        gold_label, predicted = _variant_label(m.gold.variant), _variant_label(m.pred.get("variant"))
        if gold_label == predicted:
            right += 1
        else:
            errors.append(EvalError(kind="variant", article=m.article, gold_id=m.gold.id, text=m.gold.text,
                                    gold_variant=gold_label, predicted_variant=predicted or None, cause="variant"))
    report.variant_gold = len(labelled)
    report.variant_acc = right / len(labelled)


def evaluate_paths(
    gold: str,
    paths: Optional[Sequence[str]] = None,
    *,
    kinds: Sequence[str] = DEFAULT_KINDS,
    engine: str = "stanza",
    models_dir: Optional[str] = None,
    workers: int = 1,
    on_error: Optional[OnError] = None,
) -> EvalReport:
    """``quotes eval GOLD [PATH...]``: score predictions files, or the quotes found in articles.

    A JSONL file whose rows name an ``article`` (``quotes find``/``quotes align`` output, or
    any scorer-style predictions) is scored as it is; other paths are articles to run find on.
    Without ``paths``, find runs on the gold's own articles.
    """
    if not paths:
        folder = Path(gold).parent
        paths = [str(folder / a.file) for a in load_gold(gold).articles]
    rows: list[Union[Quote, dict[str, Any]]] = []
    articles = []
    for path in paths:
        if _is_predictions(path):
            for row in read_predictions(path):
                if isinstance(row, InputError):
                    report_error(on_error, row)
                else:
                    rows.append(row)
        else:
            articles.append(path)
    if articles:
        rows.extend(read_inputs(articles, engine=engine, models_dir=models_dir, workers=workers, on_error=on_error).quotes)
    return evaluate(gold, rows, kinds=kinds)


def _is_predictions(path: str) -> bool:
    """Rows that name an ``article`` (quote rows, scorer-style predictions); articles carry ``id``."""
    first = first_json_object(path)
    return first is not None and "article" in first and "id" not in first


def _is_predictions(path: str) -> bool:
    """Rows that name an ``article`` (quote rows, scorer-style predictions); articles carry ``id``."""
    first = first_json_object(path)
    return first is not None and "article" in first and "id" not in first
