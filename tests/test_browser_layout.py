"""The reader's pages in a real Chromium: desktop and phone layout, right-to-left quotes, dark
mode and print, and screenshots for review. Layout is checked with bounding boxes and computed
styles, so a CSS change that breaks the page fails here."""

from __future__ import annotations

import pytest

from tests.browsing import ARTIFACTS, DESKTOP, EXPLAINERS, FIXTURE, FIXTURE_EXPLAINER, PHONE, READER_PAGES, REAL, REAL_EXPLAINER, bottom, box, ids, right

pytestmark = pytest.mark.browser

# Links a reader taps on their own (not words inside a sentence, which WCAG 2.5.8 exempts).
TAP_TARGETS = (
    "a.quote__source, .sources li > a, .timeline__source a, .speaker__name a, .speaker__role a, "
    ".background__name a, .background__parties a, .explainer__tags a, .pager a, .card__title a"
)


# ----------------------------------------------------------------------------- desktop layout


@pytest.mark.parametrize("site,path", EXPLAINERS, ids=ids(EXPLAINERS))
def test_desktop_sidebar_sits_beside_the_story_with_each_speakers_quotes_together(visit, site, path):
    page = visit(site, path, viewport=DESKTOP).page
    header, aside, story = box(page.locator(".explainer__header")), box(page.locator("aside.who-said-what")), box(page.locator(".explainer__story"))

    assert aside["x"] >= right(story), f"sidebar {aside} is not to the right of the story {story}"
    assert aside["y"] < bottom(story) and story["y"] < bottom(aside), "sidebar and story do not share any height"
    assert aside["y"] >= bottom(header) and story["y"] >= bottom(header), "header is not above both columns"
    assert story["width"] > aside["width"] >= 250, f"story {story['width']}px, sidebar {aside['width']}px"

    sections = page.locator("aside.who-said-what section.speaker")
    names = sections.locator("h3.speaker__name").all_inner_texts()
    assert names and len(names) == len(set(names)), f"a speaker appears in more than one group: {names}"
    previous_bottom = box(page.locator("aside.who-said-what h2"))["y"]
    for section in sections.all():
        outer = box(section)
        assert outer["y"] >= previous_bottom - 0.5, "speaker groups overlap or are out of order"
        previous_bottom = bottom(outer)
        quotes = section.locator("li.quote").all()
        assert quotes, "a speaker without quotes"
        for quote in quotes:
            inner = box(quote)
            assert outer["x"] - 0.5 <= inner["x"] and right(inner) <= right(outer) + 0.5, "quote spills out of the sidebar"
            assert outer["y"] - 0.5 <= inner["y"] and bottom(inner) <= bottom(outer) + 0.5, "quote is not with its speaker"


@pytest.mark.parametrize("site,path", EXPLAINERS, ids=ids(EXPLAINERS))
def test_timeline_is_an_ordered_list_read_in_date_order_top_to_bottom(visit, site, path):
    page = visit(site, path, viewport=DESKTOP).page
    timeline = page.locator("section.background ol.timeline")
    assert timeline.evaluate("el => el.tagName") == "OL"
    events = timeline.locator(":scope > li.timeline__event").all()
    assert len(events) >= 2
    dates = [event.locator("time.timeline__date").get_attribute("datetime") for event in events]
    tops = [box(event)["y"] for event in events]
    # ISO dates of any precision ("2011", "2016-09", "2016-10-18") sort as strings.
    assert dates == sorted(dates), f"timeline is not in date order: {dates}"
    assert tops == sorted(tops) and len(set(tops)) == len(tops), f"timeline items are not laid out top to bottom: {tops}"
    # What a screen reader announces: one list, its items in the same order.
    snapshot = timeline.aria_snapshot()
    assert snapshot.startswith("- list"), snapshot
    positions = [snapshot.find(event.locator(".timeline__text").inner_text().strip()[:30]) for event in events]
    assert -1 not in positions and positions == sorted(positions), snapshot


# ----------------------------------------------------------------------------- phone layout


OUTSIDE_VIEWPORT_JS = """() => {
  const width = document.documentElement.clientWidth, found = [];
  for (const e of document.querySelectorAll('.md-content *')) {
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height || (r.left >= -0.5 && r.right <= width + 0.5)) continue;
    let scroller = false;
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) { scroller = true; break; }
    }
    if (!scroller) found.push(`${e.tagName.toLowerCase()}.${e.className} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
  }
  return found.slice(0, 5);
}"""


@pytest.mark.parametrize("site,path", READER_PAGES, ids=ids(READER_PAGES))
def test_phone_nothing_scrolls_sideways(visit, site, path):
    page = visit(site, path, viewport=PHONE, is_mobile=True, has_touch=True).page
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]")
    assert max(widths[:2]) <= widths[2], f"/{path} scrolls sideways at {PHONE['width']}px: scrollWidth {widths[:2]} > {widths[2]}"
    # Material sets `html { overflow-x: hidden }`, which turns a sideways scroll into text cut
    # off at the edge: so nothing in the content may stick out of the viewport either, unless
    # it sits in its own scrolling box (a wide table).
    outside = page.evaluate(OUTSIDE_VIEWPORT_JS)
    assert not outside, f"/{path} at {PHONE['width']}px: cut off at the edge: {outside}"


@pytest.mark.parametrize("site,path", EXPLAINERS, ids=ids(EXPLAINERS))
def test_phone_sidebar_comes_after_the_summary_and_before_the_story(visit, site, path):
    page = visit(site, path, viewport=PHONE, is_mobile=True, has_touch=True).page
    dek, aside, story = box(page.locator(".explainer__dek")), box(page.locator("aside.who-said-what")), box(page.locator(".explainer__story"))
    assert bottom(dek) <= aside["y"], "sidebar is not below the summary"
    assert bottom(aside) <= story["y"], "sidebar is not above the story"
    assert abs(aside["x"] - story["x"]) < 20 and aside["width"] > 0.8 * story["width"], "sidebar and story are not stacked in one column"


@pytest.mark.parametrize("site,path", EXPLAINERS, ids=ids(EXPLAINERS))
def test_phone_text_is_readable(visit, site, path):
    page = visit(site, path, viewport=PHONE, is_mobile=True, has_touch=True).page
    sizes = page.locator("blockquote.quote__text p").evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 14, f"quote text {sizes} px"
    body = page.locator(".explainer__story p").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert body >= 14
    small = page.locator(".quote__meta, .speaker__role, .timeline__source").evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert min(small) >= 12, f"attribution lines {small} px"


PHONE_TAP_PAGES = [(FIXTURE, FIXTURE_EXPLAINER), (REAL, REAL_EXPLAINER), (FIXTURE, ""), (FIXTURE, "conflicts/valley-dispute/")]


@pytest.mark.parametrize("site,path", PHONE_TAP_PAGES, ids=ids(PHONE_TAP_PAGES))
def test_phone_tap_targets_are_at_least_24px(visit, site, path):
    """WCAG 2.2 SC 2.5.8 (target size, minimum): 24 by 24 CSS pixels."""
    page = visit(site, path, viewport=PHONE, is_mobile=True, has_touch=True).page
    targets = page.locator(f".md-content {TAP_TARGETS.replace(', ', ', .md-content ')}")
    sizes = targets.evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return [e.className || e.parentElement.className, e.textContent.trim().slice(0, 30), r.width, r.height]; })"
    )
    assert sizes, "no tap targets found"
    small = [s for s in sizes if s[2] < 24 or s[3] < 24]
    assert not small, f"tap targets under 24x24 px: {small}"


# ----------------------------------------------------------------------------- right to left


def test_arabic_quote_is_right_to_left_and_its_attribution_stays_left_to_right(visit):
    page = visit(FIXTURE, FIXTURE_EXPLAINER, viewport=DESKTOP).page
    quote = page.locator("blockquote.quote__text[lang=ar]")
    assert quote.count() == 1
    assert quote.get_attribute("dir") == "rtl"
    style = quote.evaluate("e => { const s = getComputedStyle(e); return [s.direction, s.textAlign]; }")
    assert style[0] == "rtl" and style[1] in ("start", "right"), style
    # Right-aligned on screen: the short line hugs the right edge of the quote.
    text = quote.locator("p").evaluate(
        "p => { const r = document.createRange(); r.selectNodeContents(p); const t = r.getBoundingClientRect();"
        " const b = p.getBoundingClientRect(); return [t.left - b.left, b.right - t.right]; }"
    )
    assert text[1] < 2 and text[0] > 20, f"Arabic text is not right-aligned (gap left {text[0]}, right {text[1]})"
    assert quote.inner_text().strip() == "السلام أولاً، ثم الباقي."
    # The quote bar stands where the Arabic line starts: on the right.
    bars = quote.evaluate("e => [parseFloat(getComputedStyle(e).borderLeftWidth), parseFloat(getComputedStyle(e).borderRightWidth)]")
    assert bars[0] == 0 and bars[1] > 0, f"quote bar (left, right) = {bars}"

    item = quote.locator("xpath=ancestor::li[1]")
    meta = item.locator("p.quote__meta")
    speaker = quote.locator("xpath=ancestor::section[1]").locator("h3.speaker__name")
    for attribution in (meta, speaker):
        direction, align = attribution.evaluate("e => [getComputedStyle(e).direction, getComputedStyle(e).textAlign]")
        assert direction == "ltr" and align in ("start", "left"), (attribution, direction, align)
    assert speaker.inner_text().strip() == "Amal Haddad"
    assert meta.inner_text().strip() == "Interview · Test Radio · 12 July 2021 · Source: Truce signed"
    aside = box(page.locator("aside.who-said-what"))
    assert box(meta)["x"] - aside["x"] < 40, "attribution is not on the left"

    # The translated quote keeps its Arabic original right-to-left when opened.
    original = page.locator("details.quote__original")
    original.locator("summary").click()
    assert original.locator("blockquote[lang=ar]").evaluate("e => getComputedStyle(e).direction") == "rtl"


# ----------------------------------------------------------------------------- dark mode, print


def test_palette_toggle_switches_to_dark_and_back(visit):
    page = visit(FIXTURE, FIXTURE_EXPLAINER, viewport=DESKTOP, color_scheme="light").page
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    background = "() => getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(scheme) == "default"
    light = page.evaluate(background)
    page.locator('label.md-header__button[title="Switch to dark mode"]').click()
    page.wait_for_function(f"({scheme})() === 'slate'")
    assert page.evaluate(background) != light
    page.locator('label.md-header__button[title="Switch to light mode"]').click()
    page.wait_for_function(f"({scheme})() === 'default'")
    assert page.evaluate(background) == light


def test_print_keeps_quotes_timeline_and_source_urls_and_hides_the_chrome(visit):
    page = visit(FIXTURE, FIXTURE_EXPLAINER, viewport=DESKTOP).page
    page.emulate_media(media="print")
    for selector in ("aside.who-said-what", "li.quote", "blockquote.quote__text", "p.quote__meta", "ol.timeline > li", ".sources li"):
        for element in page.locator(selector).all():
            assert element.is_visible(), f"{selector} is hidden in print"
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert page.locator(selector).count() and not page.locator(selector).first.is_visible(), f"{selector} is printed"
    links = page.locator(".md-content a[href^='http']")
    assert links.count() >= 3
    for link in links.all():
        href, printed = link.evaluate("a => [a.href, getComputedStyle(a, '::after').content]")
        assert href in printed, f"{href} is not printed after its link ({printed})"
    # One column on paper: the sidebar full width, before the story.
    aside, story = box(page.locator("aside.who-said-what")), box(page.locator(".explainer__story"))
    assert bottom(aside) <= story["y"]


# ----------------------------------------------------------------------------- screenshots


SCREENSHOTS = {"desktop": (DESKTOP, "light"), "phone": (PHONE, "light"), "desktop-dark": (DESKTOP, "dark")}


@pytest.mark.parametrize("look", SCREENSHOTS)
@pytest.mark.parametrize("site,path", [EXPLAINERS[0], EXPLAINERS[2]], ids=ids([EXPLAINERS[0], EXPLAINERS[2]]))
def test_screenshot_for_review(visit, site, path, look):
    """Not asserted: full-page pictures in test-artifacts/ for a human to look at."""
    viewport, scheme = SCREENSHOTS[look]
    page = visit(site, path, viewport=viewport, color_scheme=scheme, is_mobile=viewport is PHONE).page
    ARTIFACTS.mkdir(exist_ok=True)
    name = f"browser-{site}-{path.strip('/').split('/')[-1]}-{look}.png"
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
