"""One figure style for light and dark: every figure drawn in the light palette, swapped whole
for the dark one, and text that keeps its contrast on both themes' backgrounds."""

from __future__ import annotations

import json
import re
from dataclasses import astuple
from typing import Any

import plotly.graph_objects as go
import pytest

from retroedu.calculators.calories import CaloriesInputs, calories_view
from retroedu.calculators.heart import HeartInputs, heart_view
from retroedu.figures import energy, heart, learn, style
from tests.conftest import CALORIE_WORDS, LIBRARY

THEME = {"light": "#FFFFFF", "dark": "#121417"}  # backgroundColor in .streamlit/config.toml


def luminance(colour: str) -> float:
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def every_figure() -> dict[str, go.Figure]:
    view = heart_view(HeartInputs(age_years=50, resting_hr_bpm=60, max_hr_bpm=175))
    calories = calories_view(CaloriesInputs(speed=7.0, grade_pct=-4.0), CALORIE_WORDS)
    toe, users, myths = (
        LIBRARY.page(name).page.meta for name in ("toe_to_heel", "notable_users", "myths")
    )
    return {
        "zones": heart.zones_figure(view),
        "formulas": heart.formulas_figure(view),
        "cost": energy.cost_by_speed_figure(calories.chart),
        "contact": learn.learn_figure("contact", toe).figure,
        "knee": learn.learn_figure("knee_load", toe).figure,
        "timeline": learn.learn_figure("timeline", users).figure,
        "claims": learn.learn_figure("claims", myths).figure,
    }


FIGURES = every_figure()


def colours(spec: dict[str, Any]) -> set[str]:
    return {match.upper() for match in re.findall(r"#[0-9A-Fa-f]{6}\b", json.dumps(spec))}


@pytest.mark.parametrize(("role", "floor"), [("text", 7.0), ("muted", 4.5), ("line", 3.0)])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_page_colours_keep_their_contrast_on_the_theme_background(
    theme: str, role: str, floor: float
) -> None:
    colour = getattr(style.PALETTES[theme], role)
    assert contrast(colour, THEME[theme]) >= floor
    assert style.PALETTES[theme].surface == THEME[theme]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_open_markers_stand_out_on_the_theme_background(theme: str) -> None:
    """An open marker (an outline only, like the timeline's cross for "unconfirmed") is drawn in
    its colour alone, so that colour reaches 3:1 against the page (WCAG 1.4.11)."""
    found = 0
    for name, fig in FIGURES.items():
        for trace in style.themed(fig, theme)["data"]:
            marker = trace.get("marker", {})
            if str(marker.get("symbol", "")).endswith("-open"):
                found += 1
                assert contrast(marker["color"], THEME[theme]) >= 3.0, (name, trace.get("name"))
    assert found, "no open markers drawn: the test checks nothing"


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_a_dark_figure_keeps_no_light_page_colour(name: str) -> None:
    light = style.themed(FIGURES[name], "light")
    dark = style.themed(FIGURES[name], "dark")
    light_only = {c.upper() for c in astuple(style.LIGHT) if c.startswith("#")}
    assert colours(light) & light_only, "the figure draws nothing in the page's colours"
    assert not colours(dark) & light_only
    # Data colours and marks drawn on data are the same in both themes.
    kept = colours(light) - light_only
    assert kept <= colours(dark)


def test_value_labels_are_outlined_in_the_page_colour_of_either_theme() -> None:
    """A gridline behind a value stops at its digits: the outline is the page's own colour."""
    for theme in ("light", "dark"):
        labels = [t for t in style.themed(FIGURES["knee"], theme)["data"] if t["type"] == "scatter"]
        assert len(labels) == 2  # forward and backward
        for trace in labels:
            halo = trace["textfont"]["shadow"]
            assert set(re.findall(r"#[0-9A-F]{6}", halo)) == {THEME[theme]}, halo


def test_light_is_the_figure_as_built_and_a_missing_theme_is_light() -> None:
    figure = FIGURES["zones"]
    assert style.themed(figure, None) == style.themed(figure, "light") == figure.to_plotly_json()


def test_text_inside_zone_bands_stays_dark_on_their_light_fills() -> None:
    bands = style.themed(FIGURES["zones"], "dark")["data"][0]
    assert bands["textfont"]["color"] == style.ON_DATA
    for fill in heart.ZONE_COLOURS:
        assert contrast(style.ON_DATA, fill) >= 4.5, fill


def test_the_css_follows_a_theme_switch_before_the_rerun() -> None:
    css = style.chart_css()
    assert f"light-dark({style.LIGHT.text}, {style.DARK.text})" in css
    assert ".legendtext" in css
    # A second axis (the calorie chart's pace axis) and the notes drawn in the text colour too.
    assert ".x2tick" in css
    assert ".g-y2title" in css
    assert "text.annotation-text[style*='fill: rgb(14, 17, 22)']" in css
    assert "rect.bg[style*='fill: rgb(255, 255, 255)']" in css


def over(fill: str, page: str) -> str:
    """An `rgba(r,g,b,a)` fill laid over an opaque page colour, as the eye sees it."""
    *rgb, alpha = (float(part) for part in re.findall(r"[\d.]+", fill))
    base = (int(page.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return "#" + "".join(
        f"{round(alpha * c + (1 - alpha) * b):02X}" for c, b in zip(rgb, base, strict=True)
    )


def test_the_likely_range_shows_on_the_dark_page_at_least_as_on_the_light() -> None:
    """16 % of the Okabe-Ito blue over the dark page measured 1.13:1: the band was gone. The
    calorie chart's bands, as drawn in each theme, stand out at least as much as in light."""
    cost = FIGURES["cost"]
    for theme in ("light", "dark"):
        fills = [t["fillcolor"] for t in style.themed(cost, theme)["data"] if t.get("fillcolor")]
        assert fills, theme
        seen = min(contrast(over(fill, THEME[theme]), THEME[theme]) for fill in fills)
        if theme == "light":
            light_seen = seen
    assert seen >= light_seen >= 1.2
