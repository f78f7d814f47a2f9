"""verify(source, quotes): each quote against an original text, under the origin rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.models import Quote
from quotes.variants.verify import origin_confidence, verify, verify_quote

# a town-hall transcript written for these tests: a moderator and two candidates
TOWN_HALL = """== 2024-10-03 ==
MODERATOR: Good evening from Dayton. Governor Reyes, the first question is yours.
REYES: Thank you. Our factories are closing and our young people are leaving the valley for good. I will bring the steel plant back to Dayton, and I will do it in my first year.
MODERATOR: Senator Whitfield, your response?
WHITFIELD: The governor has promised the steel plant three times already. What people in this valley need is a job training program that works, and I have a plan for one.
REYES: The senator voted against the river bridge twice. Twice. That's the record.
MODERATOR: Let's turn to health care.
WHITFIELD: Nobody in this state should go bankrupt because a child got sick. Nobody.
== 2024-10-17 ==
MODERATOR: Welcome back to the second debate.
REYES: I said it two weeks ago and I'll say it again: I will bring the steel plant back to Dayton.
WHITFIELD: We will lower the price of insulin for every family in this state, and we will pay for it by closing the loopholes that the big drug companies use.
"""


def q(text: str, speaker: str | None = None, index: int = 0) -> Quote:
    return Quote(article="times-0412", index=index, text=text, start=0, end=len(text), kind="speech", speaker=speaker)


def test_verbatim_in_the_speakers_turn() -> None:
    r = verify_quote(TOWN_HALL, q("I will bring the steel plant back to Dayton, and I will do it in my first year.", "Maria Reyes"))
    assert r.status == "verbatim" and r.confidence == 1.0
    assert TOWN_HALL[r.source_start : r.source_end] == r.source_text
    assert r.source_text == "I will bring the steel plant back to Dayton, and I will do it in my first year"
    assert (r.source_speaker, r.source_section) == ("REYES", "2024-10-03")


def test_orthographic() -> None:
    r = verify_quote(TOWN_HALL, q("nobody in this state should go bankrupt because a child got sick", "Tom Whitfield"))
    assert r.status == "orthographic"
    assert r.source_text == "Nobody in this state should go bankrupt because a child got sick"
    assert r.source_speaker == "WHITFIELD"


def test_drift_shows_the_diff_and_the_reason() -> None:
    r = verify_quote(TOWN_HALL, q("We will not lower the price of insulin for every family in this state, and we will pay for it by closing the loopholes", "Whitfield"))
    assert r.status == "drift"
    assert [x.code for x in r.reasons] == ["negation"]
    assert ("insert", "", "not") in [(d.op, d.a, d.b) for d in r.diff]
    assert r.source_text is not None and r.source_text.startswith("We will lower the price of insulin")
    assert r.evidence.startswith("8 of the quote's 8 content words in order in one passage")
    assert 0.5 < r.confidence == round(origin_confidence(1.0), 4)


def test_a_changed_word_in_a_long_quote_is_drift() -> None:
    r = verify_quote(TOWN_HALL, q("What people in this valley need is a job training program that succeeds, and I have a plan for one.", "Whitfield"))
    assert r.status == "drift"
    assert ("replace", "works", "succeeds") in [(d.op, d.a, d.b) for d in r.diff]


def test_not_found_names_the_best_candidate_and_why() -> None:
    # said at a rally: shares "steel plant" and "Dayton" with a debate turn, nothing more
    r = verify_quote(TOWN_HALL, q("The steel plant in Dayton was shut by people who never worked a day in their lives.", "Reyes"))
    assert r.status == "not_found"
    assert r.candidate_text is not None and "steel plant" in r.candidate_text
    assert TOWN_HALL[r.candidate_start : r.candidate_end] == r.candidate_text
    assert r.evidence.startswith("best candidate rejected (turns of REYES): only")
    assert r.source_start is None and r.source_text is None
    assert r.confidence > 0.9


def test_a_quote_from_elsewhere_sharing_a_frame_is_not_drift() -> None:
    # same frame ("I will bring ... back to ..."), a different promise
    r = verify_quote(TOWN_HALL, q("I will bring the jobs back to Ohio, and I will bring our children home.", "Reyes"))
    assert r.status == "not_found"
    assert "content" in r.evidence


def test_short_quotes_need_an_exact_match() -> None:
    assert verify_quote(TOWN_HALL, "steel plant").status == "verbatim"
    r = verify_quote(TOWN_HALL, q("the steel mill", "Reyes"))
    assert r.status == "not_found"
    assert "short quote (2 content words)" in r.evidence
    assert verify_quote(TOWN_HALL, "Twice.").status == "verbatim"
    assert verify_quote(TOWN_HALL, "TWICE").status == "orthographic"
    assert verify_quote(TOWN_HALL, "her").status == "not_found"  # not inside "there"
    # a short quote written with a hyphen the transcript does not have is still orthographic
    r = verify_quote(TOWN_HALL, q("job-training program", "Whitfield"))
    assert (r.status, r.source_text) == ("orthographic", "job training program")


def test_speaker_checks_only_that_speakers_turns() -> None:
    moderator = "Governor Reyes, the first question is yours."
    assert verify_quote(TOWN_HALL, q(moderator)).status == "verbatim"
    r = verify_quote(TOWN_HALL, q(moderator), speaker="Reyes")
    assert r.status == "not_found"
    # without --speaker, a quote is checked against its own speaker's turns
    assert verify_quote(TOWN_HALL, q(moderator, "Maria Reyes")).status == "not_found"
    assert verify_quote(TOWN_HALL, q(moderator, "Lena Park")).status == "verbatim"  # no turns of hers: all turns


def test_several_sources_name_the_matching_one() -> None:
    rally = "Thank you, Toledo! We are going to win this state, and we are going to win it big."
    sources = [("debate.txt", TOWN_HALL), ("rally.txt", rally)]
    results = verify(sources, [q("we are going to win this state, and we are going to win it big", "Reyes", 0),
                               q("I will bring the steel plant back to Dayton.", "Reyes", 1)])
    assert [(r.status, r.source) for r in results] == [("orthographic", "rally.txt"), ("verbatim", "debate.txt")]
    assert rally[results[0].source_start : results[0].source_end] == results[0].source_text


def test_min_confidence_trades_precision_for_recall() -> None:
    quote = q("Our factories are closing and our young people are moving away from the valley and the state.", "Reyes")
    strict = verify_quote(TOWN_HALL, quote)
    assert strict.status == "not_found" and strict.candidate_text
    loose = verify(TOWN_HALL, [quote], min_confidence=0.02)[0]
    assert loose.status == "drift"
    assert loose.confidence == pytest.approx(1 - strict.confidence, abs=1e-3)
    assert verify(TOWN_HALL, [quote], min_confidence=0.99)[0].status == "not_found"


def test_ellipsis_parts_are_checked_in_order() -> None:
    assert verify_quote(TOWN_HALL, "Our factories are closing ... I will do it in my first year").status == "verbatim"
    assert verify_quote(TOWN_HALL, "I will do it in my first year ... Our factories are closing").status == "drift"
    assert verify_quote(TOWN_HALL, "Our factories are closing … and the moon is made of cheese tonight").status == "not_found"


def test_results_keep_order_and_quotes() -> None:
    quotes = [q(t, "Reyes", i) for i, t in enumerate(["Twice.", "The senator voted against the river bridge twice. That's his record.", "nothing of the sort"])]
    results = verify(TOWN_HALL, quotes)
    assert [r.quote.id for r in results] == ["times-0412#0", "times-0412#1", "times-0412#2"]
    assert [r.status for r in results] == ["verbatim", "drift", "not_found"]


def test_plain_statement_without_turns(seeds_dir: Path) -> None:
    source = (seeds_dir / "003_009268604145ada5.txt").read_text(encoding="utf-8")
    r = verify_quote(source, "this was fully-proved by the heroic participation of the D.P.R.K. soldiers")
    assert r.status == "orthographic" and r.source_speaker is None
    assert source[r.source_start : r.source_end].startswith("This was fully proved")
    # a retranslation keeps the names and half the content words: not enough to call it this sentence's misquote
    retold = verify_quote(source, "This was evidenced by the valiant involvement of DPRK troops in liberating the Kursk region from Ukrainian forces,")
    assert retold.status == "not_found" and retold.candidate_text and retold.candidate_text.startswith("This was fully proved")


def test_empty_inputs() -> None:
    assert verify("Some original text.", []) == []
    assert verify_quote("Some original text.", "…").status == "not_found"
    assert verify_quote("", "anything at all").status == "not_found"


def test_one_file_per_speaker_is_searched_for_that_speaker() -> None:
    # the layout of a transcript reduced to one file per speaker, one turn a line
    reyes = "== 2024-10-03 ==\nI will bring the steel plant back to Dayton.\n== 2024-10-17 ==\nWe will cut the property tax in half."
    whitfield = "== 2024-10-03 ==\nWe will cut the property tax in half, she says. She said that in 2020."
    sources = [("debates-reyes.txt", reyes), ("debates-whitfield.txt", whitfield)]
    r, w, nobody = verify(sources, [q("We will cut the property tax in half.", "Maria Reyes"),
                                    q("She said that in 2020.", "Tom Whitfield"),
                                    q("She said that in 2020.", "Maria Reyes")])
    assert (r.status, r.source, r.source_section) == ("verbatim", "debates-reyes.txt", "2024-10-17")
    assert (w.status, w.source) == ("verbatim", "debates-whitfield.txt")
    assert nobody.status == "not_found"  # in a file, but not in hers
    # a quote of someone no file is named after is looked for everywhere
    assert verify(sources, [q("She said that in 2020.", "Lena Park")])[0].source == "debates-whitfield.txt"
