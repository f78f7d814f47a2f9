"""``quotes eval GOLD.json [PRED.jsonl | ARTICLES...]``: measure the tool against hand-checked quotes.

    quotes eval fixtures/seeds.gold.json                  # run find on the gold's own articles
    quotes eval fixtures/seeds.gold.json found.jsonl      # score a `quotes find`/`quotes align` output
    quotes eval fixtures/seeds.gold.json seeds/ --errors  # run find on a folder, list every error

Prints detection precision/recall/F1, speaker accuracy and end-to-end F1 (span and speaker
both right), plus pairwise cluster P/R/F1 and variant-label accuracy when the predictions
carry ``cluster``/``variant``. See :mod:`quotes.evaluate` for the matching rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional, Union

import typer

from quotes.cli.app import Failures, app, die, warn
from quotes.cli.find import extract_paths, internal_error
from quotes.errors import EngineUnavailable, InputError, QuotesError
from quotes.evaluate import (
    DEFAULT_KINDS,
    EvalReport,
    evaluate,
    load_gold,
    read_predictions,
)
from quotes.io.inputs import first_json_object
from quotes.models import Quote


@app.command("eval")
def eval_command(
    gold: str = typer.Argument(..., metavar="GOLD", help="Gold file (format of fixtures/seeds.gold.json)."),
    predictions: Optional[list[str]] = typer.Argument(
        None, metavar="PRED",
        help="`quotes find`/`quotes align` JSONL to score, or articles to run find on (default: the gold's own articles).",
    ),
    engine: str = typer.Option("stanza", "--engine", "-e", help="Language engine when articles are given: stanza or spacy."),
    models_dir: Optional[str] = typer.Option(None, "--models-dir", help="Stanza resources folder."),
    kinds: str = typer.Option(",".join(DEFAULT_KINDS), "--kinds", "-k", help="Gold quote kinds to score, comma-separated."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures (and errors) as JSON."),
    show_errors: bool = typer.Option(False, "--errors", help="List every missed, extra and wrongly attributed quote."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for running find."),
) -> None:
    """Score quotes against a gold file: detection P/R/F1, speaker accuracy, end-to-end F1."""
    scored_kinds = [k.strip() for k in kinds.split(",") if k.strip()]
    if not scored_kinds:
        die("--kinds: give at least one kind, e.g. speech,fragment", 2)
    report_error = failures = Failures()

    try:
        gold_set = load_gold(gold)
        paths = predictions or [str(Path(gold).parent / a.file) for a in gold_set.articles]
        rows: list[Union[Quote, dict[str, Any]]] = []
        article_paths = []
        for path in paths:
            if _is_predictions(path):
                for row in read_predictions(path):
                    if isinstance(row, InputError):
                        report_error(str(row))
                    else:
                        rows.append(row)
            else:
                article_paths.append(path)
        if article_paths:
            for _article, quotes in extract_paths(article_paths, engine=engine, models_dir=models_dir,
                                                  workers=workers, on_error=report_error):
                rows.extend(quotes)
        result = evaluate(gold, rows, kinds=scored_kinds)
    except EngineUnavailable as exc:
        die(str(exc), 2)
    except QuotesError as exc:
        die(str(exc), exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - a bug must still end in one line, not a traceback
        internal_error(exc)

    if result.unknown_articles:
        shown = ", ".join(result.unknown_articles[:5]) + (" …" if len(result.unknown_articles) > 5 else "")
        warn(f"predictions name {len(result.unknown_articles)} article(s) the gold does not have ({shown}); they were not scored")
    if as_json:
        data = result.model_dump(mode="json")
        if not show_errors:
            data.pop("errors")
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        if show_errors:
            for error in result.errors:
                typer.echo(str(error))
            if result.errors:
                typer.echo("")
        typer.echo(format_report(result))
    if failures:
        raise typer.Exit(1)


def _is_predictions(path: str) -> bool:
    """A JSONL file of quote rows or scorer-style predictions (they carry "article"; articles carry "id")."""
    first = first_json_object(path)
    return first is not None and "article" in first and "id" not in first


def format_report(report: EvalReport) -> str:
    """The figures as a small fixed-width table.

    >>> from quotes.evaluate import evaluate
    >>> print(format_report(evaluate("fixtures/seeds.gold.json", [])).splitlines()[0])
    gold quotes 36   predicted 0   matched 0
    """
    lines = [
        f"gold quotes {report.gold_quotes}   predicted {report.predicted}   matched {report.matched}",
        f"{'':<16}{'P':>7}{'R':>7}{'F1':>7}",
        _prf_line("detection", report.detect_p, report.detect_r, report.detect_f1),
        _prf_line("end-to-end", report.e2e_p, report.e2e_r, report.e2e_f1),
    ]
    if report.cluster_f1 is not None:
        lines.append(_prf_line("cluster pairs", report.cluster_p, report.cluster_r, report.cluster_f1)
                     + f"   ({report.cluster_pairs_gold} gold pairs)")
    right = round(report.speaker_acc * report.speaker_scored)
    lines.append(f"{'speaker acc.':<16}{report.speaker_acc:>7.3f}   ({right} of {report.speaker_scored} matched quotes with a gold speaker)")
    if report.variant_acc is not None and report.variant_gold:
        right = round(report.variant_acc * report.variant_gold)
        lines.append(f"{'variant acc.':<16}{report.variant_acc:>7.3f}   ({right} of {report.variant_gold} non-reference members)")
    return "\n".join(lines)


def _prf_line(name: str, p: Optional[float], r: Optional[float], f: Optional[float]) -> str:
    return f"{name:<16}{p or 0.0:>7.3f}{r or 0.0:>7.3f}{f or 0.0:>7.3f}"
