"""The HTML report in a real browser: headless Chromium (Debian ``chromium``) driven by Playwright.

Checks what a reader sees: the groups, the highlighted words, the header counts, that a
quote's link lands on its mark in the article, that the page works without JavaScript, and
that loading it makes no request except for the file itself. Takes a screenshot of the seeds
report; with ``QUOTES_UPDATE_SCREENSHOT=1`` it replaces ``docs/report-screenshot.png`` (a test run
never changes a tracked file otherwise).

Needs ``/usr/bin/chromium`` (``apt-get install chromium``) and the ``playwright`` Python
package; never ``playwright install``: the system Chromium is used. Skips when either is missing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator

import pytest

from quotes.models import Article, Quote, QuoteGroup
from quotes.report.html import render_report, summarize

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "fixtures" / "report" / "putin_letter.json"
HOSTILE = ROOT / "fixtures" / "report" / "hostile.txt"
SCREENSHOT = ROOT / "docs" / "report-screenshot.png"
UPDATE_SCREENSHOT = os.environ.get("QUOTES_UPDATE_SCREENSHOT") == "1"
CHROMIUM = Path(os.environ.get("QUOTES_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def load_fixture() -> tuple[list[QuoteGroup], dict[str, Article], list[Quote]]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    articles = {}
    for a in data["articles"]:
        path = ROOT / a["path"]
        articles[path.stem] = Article(id=path.stem, text=path.read_text(encoding="utf-8"))
    return (
        [QuoteGroup.model_validate(g) for g in data["groups"]],
        articles,
        [Quote.model_validate(q) for q in data["quotes"]],
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        pytest.skip(f"headless Chromium not found at {CHROMIUM} (apt-get install chromium, or set QUOTES_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def data() -> tuple[list[QuoteGroup], dict[str, Article], list[Quote]]:
    return load_fixture()


@pytest.fixture(scope="module")
def report_file(data, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_report(*data, title="The Putin letter, as reported"), encoding="utf-8")
    return path


class Visit:
    """A page opened on a report file, with every request, console error and dialog recorded."""

    def __init__(self, browser: Any, path: Path, **context_options: Any) -> None:
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def _route(self, route: Any) -> None:
        if route.request.url.split("#")[0] == self.url:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def visit(browser, report_file) -> Iterator[Visit]:
    v = Visit(browser, report_file)
    yield v
    v.close()


def test_groups_diffs_and_counts_are_rendered(visit, data):
    groups, articles, quotes = data
    page = visit.page
    assert page.locator("article.group:visible").count() == len(groups)
    expected = summarize(groups, quotes, articles).model_dump()
    shown = {k: int(page.locator(f'dd[data-count="{k}"]').inner_text()) for k in expected}
    assert shown == expected
    assert page.locator("section.speaker:visible h2").evaluate_all("hs => hs.map(h => h.firstChild.textContent)") == [
        "Vladimir Putin", "Vyacheslav Volodin", "Kim Jong Un"]  # whose words changed most first

    drift = next(m for g in groups for m in g.members if m.variant == "drift")
    card = page.locator(f'figure[data-quote="{drift.id}"]')
    assert card.is_visible()
    replaced_old = card.locator("del.d-rep").all_inner_texts()
    replaced_new = card.locator("ins.d-rep").all_inner_texts()
    removed = card.locator("del.d-del").all_inner_texts()
    assert replaced_old == [op.a for op in drift.diff if op.op == "replace"]
    assert replaced_new == [op.b for op in drift.diff if op.op == "replace"]
    assert removed == [op.a for op in drift.diff if op.op == "delete"]
    for span in card.locator("del, ins").all():
        assert span.is_visible()
    # each kind of change looks different from the others and from plain text
    looks = card.evaluate(
        """c => ['del.d-rep', 'ins.d-rep', 'del.d-del'].map(sel => {
             const s = getComputedStyle(c.querySelector(sel));
             return [s.backgroundColor, s.textDecorationLine, s.fontWeight, s.color].join('|');
           }).concat([getComputedStyle(c.querySelector('blockquote')).backgroundColor])"""
    )
    assert len(set(looks)) == 4, looks
    assert "line-through" in looks[0] and "line-through" in looks[2] and "line-through" not in looks[1]
    reasons = card.locator("li.reason")
    assert reasons.evaluate_all("ls => ls.map(l => l.dataset.code)") == [r.code for r in drift.reasons]
    assert all(r.is_visible() for r in reasons.all())
    assert visit.errors == []


def test_quote_link_lands_on_its_mark_in_the_article(visit, data):
    groups, _, _ = data
    page = visit.page
    member = next(m for g in groups for m in g.members if m.variant == "drift")
    link = page.locator(f'figure[data-quote="{member.id}"] a.src')
    href = link.get_attribute("href")
    link.click()
    page.wait_for_function("h => location.hash === h", arg=href)
    # scrolling is smooth: wait until the mark has arrived in the viewport
    page.wait_for_function(
        "() => { const r = document.querySelector(':target').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
        timeout=5000,
    )
    target = page.evaluate(
        """() => { const t = document.querySelector(':target');
                   const r = t.getBoundingClientRect();
                   return {tag: t.tagName, quote: t.dataset.quote, text: t.textContent,
                           inView: r.top >= 0 && r.bottom <= innerHeight,
                           outline: getComputedStyle(t).outlineStyle}; }"""
    )
    assert target["tag"] == "MARK" and target["quote"] == member.id
    assert target["text"] == member.text
    assert target["inView"] and target["outline"] != "none"
    # and the arrow after the mark goes back to the card
    page.locator(f'{href} ~ a.back').first.click()
    page.wait_for_function("() => document.querySelector(':target')?.tagName === 'FIGURE'")
    assert page.evaluate("() => document.querySelector(':target').dataset.quote") == member.id


def test_loading_the_report_fetches_nothing(visit, report_file):
    assert visit.blocked == []
    assert visit.requests == [report_file.as_uri()]
    visit.page.mouse.wheel(0, 20000)  # scrolling to the articles loads nothing either
    visit.page.wait_for_timeout(200)
    assert visit.blocked == [] and len(visit.requests) == 1
    assert visit.errors == []  # a fetch the page's Content-Security-Policy refused would be logged here


def test_filters_narrow_the_page(visit, data):
    page = visit.page
    filters = page.locator(".filters")
    assert filters.is_visible()
    assert page.locator("[data-shown]").inner_text() == "4 of 4 groups shown"
    page.locator("input[name=drift-only]").check()
    assert page.locator("article.group:visible").count() == 1
    assert page.locator("[data-shown]").inner_text() == "1 of 4 groups shown"
    page.locator("input[name=drift-only]").uncheck()
    page.select_option("select[name=speaker]", label="Vyacheslav Volodin")
    assert page.locator("section.speaker:visible").count() == 1
    assert page.locator("article.group:visible").count() == 1
    assert page.locator("article.group:visible figure").count() == 2


def test_report_works_without_javascript(browser, report_file, data):
    groups, _, quotes = data
    v = Visit(browser, report_file, java_script_enabled=False)
    try:
        page = v.page
        assert not page.locator(".filters").is_visible()
        assert page.locator("article.group:visible").count() == len(groups)
        assert page.locator("figure.rendering:visible").count() == sum(len(g.members) for g in groups)
        first = quotes[0]
        page.locator(f'[data-quote="{first.id}"] a.src').first.click()
        assert page.evaluate("() => document.querySelector(':target').dataset.quote") == first.id
    finally:
        v.close()


def test_print_layout_hides_navigation(visit):
    page = visit.page
    page.emulate_media(media="print")
    assert not page.locator("nav.toc").is_visible()
    assert page.locator("article.group").first.is_visible()
    assert page.locator("a.back").first.is_hidden()


def test_hostile_article_runs_nothing_and_fetches_nothing(browser, tmp_path):
    text = HOSTILE.read_text(encoding="utf-8")
    said = ["<script>alert('pwned')</script> a done deal,", "We will not raise taxes & we will not cut <b>services</b>,"]
    quotes = [
        Quote(article="hostile", text=t, start=text.index(t), end=text.index(t) + len(t), kind="speech", speaker="Jane Roe", index=i)
        for i, t in enumerate(said)
    ]
    art = Article(id="hostile", text=text, outlet="<img src=x onerror=alert(2)>", url="javascript:alert(3)")
    path = tmp_path / "hostile.html"
    path.write_text(render_report([], {"hostile": art}, quotes, title="<script>alert(4)</script>"), encoding="utf-8")
    v = Visit(browser, path)
    try:
        page = v.page
        page.wait_for_timeout(200)
        assert v.dialogs == [] and v.blocked == [] and v.requests == [path.as_uri()] and v.errors == []
        assert page.locator("img").count() == 0 and page.locator("script").count() == 1
        assert "<script>alert('pwned')</script>" in page.locator("article.source .body").inner_text()
        assert page.title() == "<script>alert(4)</script>"
    finally:
        v.close()


@pytest.mark.slow
def test_report_of_the_seeds_and_its_screenshot(browser, stanza_engine, seeds_dir, tmp_path):
    """The real pipeline (find → align → report) on the five seeds, as a reader sees it."""
    from quotes.variants.align import align, is_cross_article
    from quotes.extract.pipeline import find_quotes
    from quotes.io.inputs import iter_articles

    articles = {a.id: a for a in iter_articles([str(seeds_dir)]) if isinstance(a, Article)}
    quotes = [q for a in articles.values() for q in find_quotes(a, engine=stanza_engine)]
    groups = align(quotes, semantic=False)
    path = tmp_path / "seeds.html"
    path.write_text(render_report(groups, articles, quotes, title="Five articles on Pyongyang and Moscow"), encoding="utf-8")
    v = Visit(browser, path)
    try:
        page = v.page
        cross = [g for g in groups if is_cross_article(g)]
        assert page.locator("article.group:visible").count() == len(cross) > 0
        expected = summarize(groups, quotes, articles).model_dump()
        assert {k: int(page.locator(f'dd[data-count="{k}"]').inner_text()) for k in expected} == expected
        assert page.locator("article.source:visible").count() == len(articles)
        changed = [m for g in cross for m in g.members[1:] if any(op.op != "equal" for op in m.diff)]
        if changed:
            assert page.locator("figure.rendering :is(ins, del)").first.is_visible()
        assert v.blocked == [] and v.requests == [path.as_uri()] and v.errors == []
        shot = SCREENSHOT if UPDATE_SCREENSHOT else tmp_path / "report-screenshot.png"
        page.set_viewport_size({"width": 1280, "height": 1800})  # the header and the first groups
        page.screenshot(path=str(shot))
    finally:
        v.close()
    assert shot.stat().st_size > 10_000
