"""Hostile and broken input through app.py: every page, every link key, every widget (issue 8).

Hypothesis opens each page the navigation registers with a link whose values are drawn from
out-of-range numbers, zero, negatives, NaN, infinities, huge and tiny floats, empty and very long
strings, unicode and HTML/JavaScript payloads (plus unknown keys), then sends the page's widgets
such values as a hostile client could (values the browser's own widgets never send included).
Every run must end without an exception; a link value that was refused must produce the short
notice; and no text a user supplied may be shown back, least of all in an element that renders
HTML.

Pages and their inputs are discovered (tests/hostile.py), so new pages and inputs are covered
without editing this file. How many values were tried per page goes to
artifacts/hostile_inputs.json (and is printed with `-s`).
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from retroedu.links import fields as registry
from tests.conftest import ROOT, open_link
from tests.hostile import (
    DANGEROUS_HTML,
    PAYLOADS,
    Field,
    PageInputs,
    echo_probe,
    fields_of,
    html_bodies,
    page_inputs,
    shown_text,
)

NOTICE = "could not be used"
PAGES = page_inputs()
# Examples per page: calculators (numbers or text to type) get more; override with an env variable.
MANY = int(os.environ.get("RETROEDU_HOSTILE_EXAMPLES", "12"))
FEW = max(3, MANY // 4)
SUMMARY = ROOT / "artifacts" / "hostile_inputs.json"
TRIED: defaultdict[str, Counter[str]] = defaultdict(Counter)


@pytest.fixture(scope="module", autouse=True)
def hostile_summary() -> Iterator[None]:
    yield
    SUMMARY.parent.mkdir(parents=True, exist_ok=True)
    SUMMARY.write_text(json.dumps(TRIED, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for script, counts in sorted(TRIED.items()):
        print(f"hostile inputs tried on {script}: {dict(counts)}")


# --- what a link and a hostile client can send -----------------------------------------------

hostile_text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=3000),
)
any_float = st.floats(allow_nan=True, allow_infinity=True)


def _number_text(field: Field) -> st.SearchStrategy[str]:
    low = -1e6 if field.low is None else field.low
    high = 1e6 if field.high is None else field.high
    inside = (
        st.integers(math.ceil(low), math.floor(high)).map(str)
        if field.whole
        else st.floats(low, high).map(lambda x: f"{x:g}")
    )
    edges = st.sampled_from([low, high, low - 1, high + 1, low - 1e-9, high + 1e-9, 0, -0.0, 0.5])
    return st.one_of(inside, edges.map(repr), any_float.map(repr), st.integers().map(str))


def url_value(field: Field) -> st.SearchStrategy[str]:
    """Text for one link key: hostile, or plausible (so that combinations get exercised)."""
    if field.kind == "number":
        plausible = _number_text(field)
    elif field.kind == "choice":
        plausible = st.sampled_from(field.options).flatmap(
            lambda option: st.sampled_from([option, option.lower(), option.upper(), f" {option} "])
        )
    elif field.kind == "flag":
        plausible = st.sampled_from(["true", "false", "True", "FALSE", "1", "0", "yes", "on"])
    else:
        plausible = st.text(max_size=10)
    return st.one_of(hostile_text, plausible)


@st.composite
def links(draw: st.DrawFn, page: PageInputs) -> dict[str, str]:
    """Some of the page's link keys with drawn values, and maybe a key the page does not know."""
    chosen = (
        draw(st.lists(st.sampled_from(page.url_fields), unique=True)) if page.url_fields else []
    )
    params = {field.url_key: draw(url_value(field)) for field in chosen}
    for name in draw(
        st.lists(st.sampled_from(["x", "__proto__", "page", "<script>", "é"]), max_size=2)
    ):
        params.setdefault(name, draw(hostile_text))
    return params


def widget_value(field: Field) -> st.SearchStrategy[object]:
    """A value as a hostile client could send it over the WebSocket for this widget."""
    if field.kind == "number":
        low = -1e6 if field.low is None else field.low
        high = 1e6 if field.high is None else field.high
        if field.whole:
            # Whole-number widgets cannot take NaN/inf in Streamlit 1.67; RetroEdu has none left.
            return st.one_of(st.integers(int(low), int(high)), st.integers(-(10**20), 10**20))
        return st.one_of(st.floats(low, high), any_float, st.sampled_from([0.0, -0.0, 5e-324]))
    if field.kind == "choice":
        return st.sampled_from(field.options)
    if field.kind == "flag":
        return st.booleans()
    return hostile_text


def set_widget(at: AppTest, field: Field, value: object) -> None:
    widget = {
        "number": at.number_input,
        "choice": at.radio if field.key in {r.key for r in at.radio} else at.selectbox,
        "flag": at.toggle if field.key in {t.key for t in at.toggle} else at.checkbox,
        "text": at.text_input if field.key in {t.key for t in at.text_input} else at.text_area,
    }[field.kind]
    widget(key=field.key).set_value(value)


# --- what every run must satisfy --------------------------------------------------------------


def accepted(field: Field, raw: str, settled: object) -> bool:
    """Did the widget take the link's value as given (independently of the app's own check)?"""
    if settled is None:
        return raw.strip() == ""
    if isinstance(settled, bool):
        return raw.strip().lower() in ({"true", "1"} if settled else {"false", "0"})
    if isinstance(settled, int | float):
        try:
            number = float(raw)
        except ValueError:
            return False
        return math.isfinite(number) and math.isclose(number, settled, abs_tol=1e-9)
    return raw.strip().lower() == str(settled).strip().lower()


def no_exception(at: AppTest, tried: object) -> None:
    assert not at.exception, f"{tried!r} raised: {[e.value for e in at.exception]}"


@functools.cache
def plain_visit_text(script: str) -> str:
    """What the page shows with no link values (user text found there is the page's own)."""
    return shown_text(open_link(script, {}))


def nothing_echoed(at: AppTest, script: str, texts: list[str]) -> None:
    """No user-supplied text is shown back, and nothing that renders HTML carries a payload."""
    shown = shown_text(at)
    for text in texts:
        probe = echo_probe(text)
        if probe and probe not in plain_visit_text(script):
            assert probe not in shown, f"user text shown back: {probe!r}"
    for body in html_bodies(at):
        found = DANGEROUS_HTML.search(body)
        assert found is None, f"an element that renders HTML carries {found.group(0)!r}"


def check_link_run(at: AppTest, page: PageInputs, link: dict[str, str]) -> None:
    no_exception(at, link)
    fields = {field.url_key: field for field in page.url_fields}
    refused = [
        raw
        for key, raw in link.items()
        if key in fields
        and fields[key].key in at.session_state
        and not accepted(fields[key], raw, at.session_state[fields[key].key])
    ]
    if any(raw.strip() for raw in refused):
        notices = " ".join(str(info.value) for info in at.info)
        assert NOTICE in notices, f"refused {refused!r} without a notice"
    unknown = [raw for key, raw in link.items() if key not in fields]
    nothing_echoed(at, page.key, [*refused, *unknown, *(key for key in link if key not in fields)])


#: Inputs whose text a page shows back by design, as plain text.
SHOWN = {
    *(key for key, field in registry.FIELDS.items() if isinstance(field, registry.TextField)),
    "team_paste",
}


def check_widget_run(at: AppTest, script: str, changes: list[tuple[Field, object]]) -> None:
    no_exception(at, [(field.key, value) for field, value in changes])
    # Bounds as the page drew them in this run (the calorie page's follow the units).
    now = {field.key: field for field in fields_of(at)}
    for key in {field.key for field, _ in changes} & now.keys():
        field, settled = now[key], at.session_state[key]
        if field.kind == "number" and settled is not None:
            assert math.isfinite(settled), f"{field.key} kept {settled!r}"
            assert field.low is None or settled >= field.low, f"{field.key}={settled!r}"
            assert field.high is None or settled <= field.high, f"{field.key}={settled!r}"
    # Text a page shows back on purpose (a team's name on the title slide, a squad's names in its
    # table) is still checked for live HTML, but may appear as the plain text it is.
    typed = [
        str(value) for field, value in changes if field.kind == "text" and field.key not in SHOWN
    ]
    nothing_echoed(at, script, typed)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.url_path or "home")
def test_hostile_links_and_widget_values(page: PageInputs) -> None:
    tried = TRIED[page.key]

    @settings(
        max_examples=MANY if any(f.kind in {"number", "text"} for f in page.page_fields) else FEW,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def hostile_visit(data: st.DataObject) -> None:
        link = data.draw(links(page), label="link")
        at = open_link(page.key, link)
        tried["link values"] += len(link)
        check_link_run(at, page, link)

        present = fields_of(at)
        changes: list[tuple[Field, object]] = (
            data.draw(
                st.lists(
                    st.sampled_from(present).flatmap(
                        lambda field: st.tuples(st.just(field), widget_value(field))
                    ),
                    max_size=4,
                    unique_by=lambda change: change[0].key,
                ),
                label="widget values",
            )
            if present
            else []
        )
        for field, value in changes:
            set_widget(at, field, value)
        at.run()
        tried["widget values"] += len(changes)
        tried["examples"] += 1
        check_widget_run(at, page.key, changes)

    hostile_visit()


# Streamlit 1.67's NumberInputSerde.deserialize calls int() on a whole-number widget's value, so
# NaN/inf sent over the WebSocket for such a widget raise inside Streamlit before the page runs.
# Every RetroEdu number input is therefore a decimal widget (the deck's slide number is shown
# with "%.0f"); this test fails if a whole-number widget comes back.
NUMBER_FIELDS = [
    pytest.param(page.key, field.key, id=f"{page.key}-{field.key}")
    for page in PAGES
    for field in page.page_fields
    if field.kind == "number"
]


def test_no_page_has_a_whole_number_widget() -> None:
    whole = [(page.key, field.key) for page in PAGES for field in page.page_fields if field.whole]
    assert whole == []


@pytest.mark.parametrize(("script", "key"), NUMBER_FIELDS)
@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_non_finite_value_into_a_number_widget(script: str, key: str, value: float) -> None:
    at = open_link(script, {})
    at.number_input(key=key).set_value(value).run()
    TRIED[script]["widget values"] += 1
    no_exception(at, {key: value})
