"""``quotes eval GOLD.json [PRED.jsonl | ARTICLES...]``: measure the tool against hand-checked quotes.

    quotes eval fixtures/seeds.gold.json                  # run find on the gold's own articles
    quotes eval fixtures/seeds.gold.json found.jsonl      # score a `quotes find`/`quotes align` output
    quotes eval fixtures/seeds.gold.json seeds/ --errors  # run find on a folder, list every error

Prints detection precision/recall/F1, speaker accuracy and end-to-end F1 (span and speaker
both right), plus pairwise cluster P/R/F1 and variant-label accuracy when the predictions
carry ``cluster``/``variant``. Library: :func:`quotes.evaluate.evaluate_paths`; see
:mod:`quotes.evaluate` for the matching rules.
"""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer

from quotes.cli.app import Failures, app, die, exit_on_error, warn
from quotes.cli.options import Engine, EngineOption, ModelsDirOption, WorkersOption
from quotes.evaluate import DEFAULT_KINDS, EvalReport
from quotes.evaluate import evaluate_paths, format_errors


@app.command("eval")
def eval_command(
    gold: Annotated[str, typer.Argument(metavar="GOLD", help="Gold file (format of fixtures/seeds.gold.json).")],
    predictions: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="PRED", show_default="the gold's own articles",
                       help="`quotes find`/`quotes align` JSONL to score, or articles to run find on."),
    ] = None,
    engine: EngineOption = Engine.stanza,
    models_dir: ModelsDirOption = None,
    kinds: Annotated[str, typer.Option("--kinds", "-k", help="Gold quote kinds to score, comma-separated.")] = ",".join(DEFAULT_KINDS),
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures (and errors) as JSON.")] = False,
    show_errors: Annotated[bool, typer.Option("--errors", help="List every missed, extra and wrongly attributed quote, grouped by cause.")] = False,
    workers: WorkersOption = 1,
) -> None:
    """Score quotes against a gold file: detection P/R/F1, speaker accuracy, end-to-end F1."""
    scored_kinds = [k.strip() for k in kinds.split(",") if k.strip()]
    if not scored_kinds:
        die("--kinds: give at least one kind, e.g. speech,fragment", 2)
    failures = Failures()
    with exit_on_error():
        result = evaluate_paths(gold, predictions, kinds=scored_kinds, engine=engine.value, models_dir=models_dir,
                                workers=workers, on_error=failures)
    if result.unknown_articles:
        shown = ", ".join(result.unknown_articles[:5]) + (" …" if len(result.unknown_articles) > 5 else "")
        warn(f"predictions name {len(result.unknown_articles)} article(s) the gold does not have ({shown}); they were not scored")
    if as_json:
        data = result.model_dump(mode="json")
        if not show_errors:
            data.pop("errors")
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        if show_errors and result.errors:
            typer.echo(format_errors(result))  # grouped by cause, largest group first
        typer.echo(format_report(result))
    failures.exit()


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
