"""The calculators and the deck with the keyboard alone, in Chromium.

The numbers themselves are unit-tested (tests/unit/test_heart.py, test_energy.py and
test_calculators.py) and link round-trips are app-tested (tests/app/test_links.py). Here: focus order, typing and
confirming with Enter, and the deck's key shortcuts, which only a browser has.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from retroedu.calculators.calories import CaloriesInputs, calories_view
from retroedu.calculators.heart import HeartInputs, heart_view
from retroedu.links import fields
from tests.browser.conftest import (
    SLIDES,
    NewPage,
    assert_no_exception,
    deck_key,
    heading,
    open_handout,
    open_page,
    settle,
)
from tests.conftest import CALORIE_WORDS

pytestmark = pytest.mark.browser

HANDOUT_KEYS = ("handout_name", "handout_paper", "handout_week")
#: Every input of each calculator page, by widget key: the shared sidebar's, the calculator's
#: own (from the field registry), and the handout's.
CALCULATOR_INPUTS = {
    "heart-rate": (*fields.FRAME, *fields.HEART, *HANDOUT_KEYS),
    "calories": (*fields.FRAME, *fields.CALORIES, "pace", *HANDOUT_KEYS),
}


# Records, in the page, the widget key of every input that gets the keyboard focus (the input
# itself, not the help button beside it in the same widget), and the one that has it now.
FOCUS_RECORDER = """() => {
    window.__retroFocused = new Set();
    document.addEventListener('focusin', (event) => {
        const input = event.target;
        window.__retroFocus = null;
        if (!['INPUT', 'TEXTAREA'].includes(input.tagName)) return;
        const holder = input.closest('[class*="st-key-"]');
        if (!holder) return;
        const key = [...holder.classList].find((name) => name.startsWith('st-key-')).slice(7);
        window.__retroFocused.add(key);
        window.__retroFocus = key;
    }, true);
}"""


def tab_to(page: Page, wanted: set[str], limit: int = 300, batch: int = 10) -> set[str]:
    """Press Tab until every key in `wanted` has had the focus (or `limit` presses); return the
    keys that had it. With one key wanted, stop while that input has the focus."""
    page.evaluate(FOCUS_RECORDER)
    seen: set[str] = set()
    for pressed in range(limit):
        page.keyboard.press("Tab")
        if len(wanted) == 1 or pressed % batch == batch - 1:
            now, focused = page.evaluate("() => [window.__retroFocus, [...window.__retroFocused]]")
            seen = set(focused)
            if wanted <= seen and (len(wanted) > 1 or now in wanted):
                break
    return seen


@pytest.mark.parametrize("calculator", list(CALCULATOR_INPUTS))
def test_tab_reaches_every_input_of_a_calculator(
    new_page: NewPage, base_url: str, calculator: str
) -> None:
    """From the top of the page, Tab alone reaches every input: sidebar, calculator and, once
    unfolded with Enter, the handout."""
    page = open_handout(open_page(new_page(), f"{base_url}/{calculator}"))
    page.evaluate("() => document.activeElement.blur()")
    wanted = set(CALCULATOR_INPUTS[calculator])
    assert wanted <= tab_to(page, wanted), "Tab does not reach every input"


# True once every expected metric label shows its expected value.
SHOWS_METRICS_JS = """(wanted) => {
  const labels = [...document.querySelectorAll("[data-testid='stMetricLabel']")];
  const values = [...document.querySelectorAll("[data-testid='stMetricValue']")];
  const shown = Object.fromEntries(
    labels.map((label, i) => [label.innerText.trim(), (values[i]?.innerText || "").trim()]));
  return Object.entries(wanted).every(([label, value]) => shown[label] === value);
}"""


def shown_metrics(page: Page) -> dict[str, str]:
    """Label and value of every metric on the page, as shown."""
    labels = page.get_by_test_id("stMetricLabel").all_inner_texts()
    values = page.get_by_test_id("stMetricValue").all_inner_texts()
    return {label.strip(): value.strip() for label, value in zip(labels, values, strict=True)}


def heart_metrics(age: float) -> dict[str, str]:
    view = heart_view(HeartInputs(age_years=age))
    return {"Max heart rate [bpm]": f"{view.max_bpm:.0f}"}


def calorie_metrics(weight: float) -> dict[str, str]:
    view = calories_view(CaloriesInputs(weight=weight), CALORIE_WORDS)
    minutes = view.inputs.minutes
    return {
        f"{result.mode.label}, {minutes:g} min": f"{result.session_kcal(minutes).central:.0f} kcal"
        for result in view.shown()  # the gaits that make sense at the speed: the answer
    }


@pytest.mark.parametrize(
    ("calculator", "key", "typed", "metrics"),
    [
        ("heart-rate", "age", "55", heart_metrics(55)),
        ("calories", "weight", "80", calorie_metrics(80)),
    ],
    ids=["heart-rate-age", "calories-weight"],
)
def test_a_typed_value_reaches_the_results_and_the_link(
    new_page: NewPage,
    base_url: str,
    calculator: str,
    key: str,
    typed: str,
    metrics: dict[str, str],
) -> None:
    """Tab to a number, type a value and confirm with Enter: the results and the address follow."""
    page = open_page(new_page(), f"{base_url}/{calculator}")
    assert key in tab_to(page, {key})
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "([key, value]) => Number(new URL(location.href).searchParams.get(key)) === value",
        arg=[key, float(typed)],
    )
    settle(page)
    linked = parse_qs(urlsplit(page.url).query)[key]
    assert [float(value) for value in linked] == [float(typed)]
    # The address changes first; the calculator's run then redraws the numbers.
    page.wait_for_function(SHOWS_METRICS_JS, arg=metrics)
    shown = shown_metrics(page)
    assert {label: shown.get(label) for label in metrics} == metrics
    assert_no_exception(page)


def slide_in_link(page: Page) -> float:
    return float(parse_qs(urlsplit(page.url).query)["slide"][0])


def press_and_expect_slide(page: Page, key: str, number: int) -> None:
    deck_key(page, key)
    # Numbers, not text: a decimal widget shown as a whole number may write "3" or "3.0".
    page.wait_for_function(
        "(n) => Number(new URL(location.href).searchParams.get('slide')) === n", arg=number
    )
    settle(page)
    expect(heading(page)).to_have_text(SLIDES[number - 1])
    assert slide_in_link(page) == number


def test_the_deck_steps_with_the_arrow_keys(new_page: NewPage, base_url: str) -> None:
    """Right arrow shows the next slide, Left arrow the previous; the address keeps the slide."""
    page = open_page(new_page(), f"{base_url}/team-talk?slide=2")
    expect(heading(page)).to_have_text(SLIDES[1])
    press_and_expect_slide(page, "ArrowRight", 3)
    press_and_expect_slide(page, "ArrowLeft", 2)


def test_the_deck_steps_with_a_presentation_clicker(new_page: NewPage, base_url: str) -> None:
    """Page Down and Page Up (what a presentation clicker sends) step the slides like the arrows."""
    page = open_page(new_page(), f"{base_url}/team-talk?slide=2&present=true")
    expect(heading(page)).to_have_text(SLIDES[1])
    press_and_expect_slide(page, "PageDown", 3)
    press_and_expect_slide(page, "PageUp", 2)
