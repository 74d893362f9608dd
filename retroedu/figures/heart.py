"""Heart-rate figures: plain numbers in, a Plotly figure out. No Streamlit, no physiology.

Colours come from the Okabe-Ito palette and never carry meaning alone: every zone is labelled
inside its band, the target band is hatched and labelled, every formula line has its own dash
and marker, and the user's values are written next to their marks. Fonts are at least 14 px so
a projector can show them.

>>> fig = zone_bands_figure([("% of max HR", [("Zone 1", 90.0, 108.0)])])
>>> fig.data[0].base, fig.data[0].y
((90.0,), (18.0,))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from retroedu.calculators.heart import HeartView
from retroedu.content.i18n import ENGLISH, N_, Language
from retroedu.figures import style
from retroedu.models import heart

EN_DASH, PLUS_MINUS = "\u2013", "\u00b1"

#: Okabe-Ito colours from easy to hard (sky blue, bluish green, yellow, orange, vermilion).
ZONE_COLOURS = (style.SKY, style.GREEN, style.YELLOW, style.ORANGE, style.VERMILION)
FONT_PX, SMALL_FONT_PX = style.FONT_PX, style.SMALL_FONT_PX
#: The articles' target band: a pale hatched column, labelled in dark ink in both themes.
TARGET_FILL, TARGET_HATCH = "#E4E8EC", "#8A939C"

#: One style per formula line: colour, dash and marker, so a grey print-out still tells them apart.
LINE_STYLES = (
    (style.BLUE, "solid", "circle"),
    (style.VERMILION, "dash", "square"),
    (style.GREEN, "dot", "diamond"),
    (style.PURPLE, "dashdot", "triangle-up"),
    (style.LIGHT.line, "longdash", "x"),
)

#: A labelled range of heart rates: (label, low [bpm], high [bpm]).
Span = tuple[str, float, float]


@dataclass(frozen=True)
class Target:
    """A heart-rate range drawn as its own hatched column, with guide lines across the chart.

    `column` labels the column (may contain ``<br>``); `label` is written inside the band.
    """

    column: str
    label: str
    low_bpm: float
    high_bpm: float


def _bpm_range(low_bpm: float, high_bpm: float, lang: Language = ENGLISH) -> str:
    return f"{lang.number(low_bpm, 0)}{EN_DASH}{lang.number(high_bpm, 0)}"


def _plain(label: str) -> str:
    """A chart label as one line of text (Plotly breaks lines with ``<br>``)."""
    return label.replace("<br>", " ")


def _column(
    column: str,
    spans: Sequence[Span],
    *,
    one_line: bool = False,
    lang: Language = ENGLISH,
    **marker: Any,
) -> dict[str, Any]:
    """One column of stacked bands as a single bar trace (one bar per band, same x)."""
    gap = " \u00b7 " if one_line else "<br>"
    texts = [
        f"<b>{_plain(label) if one_line else label}</b>{gap}{_bpm_range(low, high, lang)}"
        for label, low, high in spans
    ]
    return {
        "type": "bar",
        "x": [column] * len(spans),
        "y": [high - low for _, low, high in spans],
        "base": [low for _, low, _ in spans],
        "width": 0.8,
        "marker": {"line": {"color": style.LIGHT.surface, "width": 2}, **marker},
        "text": texts,
        "textposition": "inside",
        "insidetextanchor": "middle",
        "textangle": 0,
        "textfont": {"size": SMALL_FONT_PX, "color": style.ON_DATA},
        "hovertext": [f"{_plain(column)}<br>{text}" for text in texts],
        "hoverinfo": "text",
        "name": _plain(column),
        "showlegend": False,
    }


def _line(axis: str, at: float, **line: Any) -> dict[str, Any]:
    """A dotted guide line across the plot at `at` on the x or y axis, drawn behind the data."""
    across = {"x0": 0, "x1": 1, "y0": at, "y1": at, "xref": "paper", "yref": "y"}
    if axis == "x":
        across = {"x0": at, "x1": at, "y0": 0, "y1": 1, "xref": "x", "yref": "paper"}
    return {
        "type": "line",
        "layer": "between",  # above the grid, under the bands
        "line": {"color": style.LIGHT.line, "width": 2, "dash": "dot", **line},
        **across,
    }


def zone_bands_figure(
    columns: Sequence[tuple[str, Sequence[Span]]],
    *,
    target: Target | None = None,
    height_px: int = 560,
    one_line: bool = False,
    lang: Language = ENGLISH,
) -> go.Figure:
    """Zones as stacked, labelled bands, one column per zone model, heart rate up the y axis.
    Words and numbers in `lang` (the labels in `columns` and `target` already are).

    `columns` holds (column label, [(zone label, low [bpm], high [bpm]), ...]) from the lowest
    zone up. `target` adds a hatched column and dotted guide lines behind the bands at its
    limits. Labels take two lines so they stay legible in a phone-width column; `one_line` puts
    each on one line, for a wide but short chart (a slide) where two lines overflow a band.

    >>> zones = [("% of max HR", [("Zone 1", 90.0, 108.0)])]
    >>> zone_bands_figure(zones, one_line=True).data[0].text
    ('<b>Zone 1</b> \u00b7 90\u2013108',)
    """
    traces = [
        _column(
            column,
            spans,
            one_line=one_line,
            lang=lang,
            color=[ZONE_COLOURS[i % len(ZONE_COLOURS)] for i in range(len(spans))],
        )
        for column, spans in columns
    ]
    everything = [span for _, spans in columns for span in spans]
    shapes = []
    if target is not None:
        band = (target.label, target.low_bpm, target.high_bpm)
        everything.append(band)
        traces.append(
            _column(
                target.column,
                [band],
                one_line=one_line,
                lang=lang,
                color=TARGET_FILL,
                pattern={"shape": "/", "fgcolor": TARGET_HATCH, "solidity": 0.15},
            )
        )
        shapes = [_line("y", target.low_bpm), _line("y", target.high_bpm)]
    bottom = min((low for _, low, _ in everything), default=0.0)
    top = max((high for _, _, high in everything), default=1.0)
    pad = max(4.0, 0.05 * (top - bottom))
    layout = style.layout(
        height_px,
        barmode="overlay",
        uniformtext={"minsize": 13, "mode": "show"},
        bargap=0.2,
        shapes=shapes,
        yaxis=style.axis(lang._("Heart rate [bpm]"), range=[bottom - pad, top + pad]),
        xaxis=style.axis("", tickfont={"size": FONT_PX, "color": style.LIGHT.text}, showgrid=False),
        separators=lang.plotly_separators,
    )
    return go.Figure(data=traces, layout=layout)


def zone_bands_alt(
    columns: Sequence[tuple[str, Sequence[Span]]],
    target: Target | None = None,
    lang: Language = ENGLISH,
) -> str:
    """A text alternative for `zone_bands_figure`: every band's numbers, in reading order.

    >>> alt = zone_bands_alt([("% of max HR", [("Zone 1", 90, 108), ("Zone 2", 108, 126)])])
    >>> alt.replace(EN_DASH, "-")
    'Heart-rate zones in beats per minute. % of max HR: Zone 1 90-108, Zone 2 108-126.'
    """
    parts = [lang._("Heart-rate zones in beats per minute.")]
    for column, spans in columns:
        bands = ", ".join(f"{label} {_bpm_range(low, high, lang)}" for label, low, high in spans)
        parts.append(f"{_plain(column)}: {bands}.")
    if target is not None:
        limits = _bpm_range(target.low_bpm, target.high_bpm, lang)
        parts.append(f"{_plain(target.column)}: {_plain(target.label)} {limits}.")
    return " ".join(parts)


@dataclass(frozen=True)
class AgeMark:
    """The user's point on the formulas chart: age [years], estimate [bpm], its spread [bpm]."""

    age_years: float
    max_hr_bpm: float
    formula_label: str
    error_bpm: float
    measured_bpm: float | None = None


def _point_label(x: float, y: float, text: str, *, above: bool) -> dict[str, Any]:
    return {
        "x": x,
        "y": y,
        "text": text,
        "showarrow": True,
        "arrowhead": 0,
        "arrowcolor": style.LIGHT.line,
        "ax": 36,
        "ay": -40 if above else 40,
        "font": {"size": FONT_PX, "color": style.LIGHT.text},
        "bgcolor": style.LIGHT.surface,
        "bordercolor": style.LIGHT.line,
        "borderwidth": 1,
        "borderpad": 3,
    }


def formulas_by_age_figure(
    ages_years: Sequence[float],
    curves: Mapping[str, Sequence[float]],
    mark: AgeMark,
    *,
    highlight: str,
    height_px: int = 500,
    lang: Language = ENGLISH,
) -> go.Figure:
    """Every max-HR formula across ages, the highlighted one with a shaded ±2-error band, its
    words and numbers in `lang`.

    `curves` maps a legend label to predictions [bpm] at `ages_years`; `highlight` names the
    curve the band surrounds (the formula in use). The user's age gets a dotted line and their
    estimate (and measured maximum, if any) a labelled point.
    """
    ages = list(ages_years)
    centre = list(curves[highlight])
    spread = 2 * mark.error_bpm
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "x": [*ages, *reversed(ages)],
            "y": [*(v + spread for v in centre), *(v - spread for v in reversed(centre))],
            "fill": "toself",
            "fillcolor": "rgba(86,180,233,0.22)",
            "line": {"width": 0},
            "hoverinfo": "skip",
            "name": lang._("{formula} {spread} bpm: about 95 % of people").format(
                formula=highlight, spread=f"{PLUS_MINUS}{lang.number(spread, 0)}"
            ),
        }
    ]
    age_at = lang._("age %{x:.0f}: %{y:.0f} bpm")
    for index, (label, values) in enumerate(curves.items()):
        colour, dash, symbol = LINE_STYLES[index % len(LINE_STYLES)]
        traces.append(
            {
                "type": "scatter",
                "x": ages,
                "y": list(values),
                "mode": "lines+markers",
                "line": {"color": colour, "dash": dash, "width": 4 if label == highlight else 2},
                "marker": {"symbol": symbol, "size": 9, "maxdisplayed": 8},
                "name": label,
                "hovertemplate": f"{label}<br>{age_at}<extra></extra>",
            }
        )
    measured = mark.measured_bpm
    said = {
        "age": lang.number(mark.age_years),
        "max": lang.number(mark.max_hr_bpm, 0),
        "formula": mark.formula_label,
    }
    traces.append(
        {
            "type": "scatter",
            "x": [mark.age_years],
            "y": [mark.max_hr_bpm],
            "mode": "markers",
            "marker": {
                "size": 14,
                "color": style.LIGHT.line,
                "line": {"color": style.LIGHT.surface, "width": 2},
            },
            "name": (
                lang._("You, age {age}: {max} bpm ({formula})").format(**said)
                if measured is None
                else lang._("{formula} at age {age}: {max} bpm").format(**said)
            ),
            "hovertemplate": lang._("age %{x:g}: %{y:.0f} bpm") + "<extra></extra>",
        }
    )
    estimate_text = lang._("You") if measured is None else mark.formula_label
    notes = [
        _point_label(
            mark.age_years,
            mark.max_hr_bpm,
            f"{estimate_text}: {lang.number(mark.max_hr_bpm, 0)}",
            above=measured is None or measured <= mark.max_hr_bpm,
        )
    ]
    if measured is not None:
        traces.append(
            {
                "type": "scatter",
                "x": [mark.age_years],
                "y": [measured],
                "mode": "markers",
                "marker": {
                    "symbol": "star",
                    "size": 18,
                    "color": style.ORANGE,
                    "line": {"color": style.LIGHT.line, "width": 1.5},
                },
                "name": lang._("Your measured max: {max} bpm").format(max=lang.number(measured, 0)),
                "hovertemplate": lang._("measured: %{y:.0f} bpm") + "<extra></extra>",
            }
        )
        notes.append(
            _point_label(
                mark.age_years,
                measured,
                lang._("Measured: {max}").format(max=lang.number(measured, 0)),
                above=measured > mark.max_hr_bpm,
            )
        )
    layout = style.layout(
        height_px,
        annotations=notes,
        shapes=[_line("x", mark.age_years)],
        xaxis=style.axis(lang._("Age [years]")),
        yaxis=style.axis(lang._("Max heart rate [bpm]")),
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -0.2,
            "x": 0,
            "font": {"size": SMALL_FONT_PX, "color": style.LIGHT.text},
        },
        hovermode="closest",
        separators=lang.plotly_separators,
    )
    return go.Figure(data=traces, layout=layout)


def formulas_by_age_alt(
    ages_years: Sequence[float],
    curves: Mapping[str, Sequence[float]],
    mark: AgeMark,
    lang: Language = ENGLISH,
) -> str:
    """A text alternative for `formulas_by_age_figure`: each formula at both ends, and you.

    >>> alt = formulas_by_age_alt([20, 80], {"Fox": [200, 140]}, AgeMark(40, 180, "Fox", 11))
    >>> alt.replace(PLUS_MINUS, "+/-")
    'Predicted max heart rate from age 20 to 80. Fox: 200 to 140 bpm. You: age 40, 180 +/- 22 bpm (Fox).'
    """
    first, last = ages_years[0], ages_years[-1]
    parts = [
        lang._("Predicted max heart rate from age {first} to {last}.").format(
            first=lang.number(first), last=lang.number(last)
        )
    ]
    parts += [
        lang._("{label}: {first} to {last} bpm.").format(
            label=label, first=lang.number(values[0], 0), last=lang.number(values[-1], 0)
        )
        for label, values in curves.items()
    ]
    parts.append(
        lang._("You: age {age}, {max} {spread} bpm ({formula}).").format(
            age=lang.number(mark.age_years),
            max=lang.number(mark.max_hr_bpm, 0),
            spread=f"{PLUS_MINUS} {lang.number(2 * mark.error_bpm, 0)}",
            formula=mark.formula_label,
        )
    )
    if mark.measured_bpm is not None:
        parts.append(
            lang._("Measured max: {max} bpm.").format(max=lang.number(mark.measured_bpm, 0))
        )
    return " ".join(parts)


#: Chart column label of each zone method.
METHOD_COLUMNS = {"hrmax5": N_("By % of<br>max HR"), "hrr5": N_("By % of<br>HR reserve")}
#: Each zone method's name in a sentence ("Your zones, by % of max HR").
METHOD_NAMES = {
    "hrmax5": N_("% of max HR"),
    "hrr5": N_("% of heart-rate reserve"),
    "acsm": N_("ACSM intensity class"),
}
#: Formula names as the legend shows them.
LEGEND = {key: formula.label for key, formula in heart.FORMULAS.items()}


def _zone_columns(
    view: HeartView, methods: Sequence[str], lang: Language = ENGLISH
) -> list[tuple[str, list[Span]]]:
    return [
        (
            lang._(METHOD_COLUMNS[key]),
            [
                (lang._(str(zone)), float(low), float(high))
                for zone, low, high in zip(
                    view.tables[key].zone,
                    view.tables[key].low_bpm,
                    view.tables[key].high_bpm,
                    strict=True,
                )
            ],
        )
        for key in methods
        if key in view.tables
    ]


def _target(view: HeartView, lang: Language = ENGLISH) -> Target:
    low, high = heart.ARTICLE_TARGET_FRACTIONS
    share = f"{lang.number(100 * low, 0)}{EN_DASH}{lang.number(100 * high, 0)}"
    return Target(
        lang._("Articles'<br>target"),
        lang._("{share} %<br>of max").format(share=share),
        *view.target_bpm,
    )


def zones_figure(
    view: HeartView,
    methods: Sequence[str] = tuple(METHOD_COLUMNS),
    *,
    height_px: int = 560,
    one_line: bool = False,
    lang: Language = ENGLISH,
) -> go.Figure:
    """The view's zones by each of `methods`, with the articles' target band beside them."""
    return zone_bands_figure(
        _zone_columns(view, methods, lang),
        target=_target(view, lang),
        height_px=height_px,
        one_line=one_line,
        lang=lang,
    )


def zones_alt(
    view: HeartView, methods: Sequence[str] = tuple(METHOD_COLUMNS), lang: Language = ENGLISH
) -> str:
    """The text alternative of `zones_figure`."""
    return zone_bands_alt(_zone_columns(view, methods, lang), _target(view, lang), lang)


def _mark(view: HeartView) -> AgeMark:
    return AgeMark(
        view.inputs.age_years,
        view.estimate_bpm,
        view.formula.name,
        view.formula.error_bpm,
        view.inputs.max_hr_bpm,
    )


def _curves(view: HeartView, lang: Language = ENGLISH) -> dict[str, list[float]]:
    return {
        formula.label_in(lang): view.ages[key].tolist() for key, formula in heart.FORMULAS.items()
    }


def formulas_figure(view: HeartView, lang: Language = ENGLISH) -> go.Figure:
    """Every formula across ages, with the reader's age, estimate and measured maximum marked."""
    return formulas_by_age_figure(
        view.ages["age"].tolist(),
        _curves(view, lang),
        _mark(view),
        highlight=view.formula.label_in(lang),
        lang=lang,
    )


def formulas_alt(view: HeartView, lang: Language = ENGLISH) -> str:
    """The text alternative of `formulas_figure`."""
    return formulas_by_age_alt(view.ages["age"].tolist(), _curves(view, lang), _mark(view), lang)


#: What the hero bar writes under each boundary's number on the last one.
MAX_WORD = N_("max")


@dataclass(frozen=True)
class ZoneBar:
    """The recommended zones as the hero bar draws them: (zone, name, low, high) [bpm] per zone,
    lowest first, and the method's name as the page shows it."""

    method: str
    zones: tuple[tuple[str, str, float, float], ...]

    @property
    def boundaries_bpm(self) -> tuple[float, ...]:
        """Every zone's lower limit and the last zone's upper limit, lowest first."""
        return (*(low for _, _, low, _ in self.zones), self.zones[-1][3])


def zone_bar(view: HeartView, lang: Language = ENGLISH) -> ZoneBar:
    """The hero bar's numbers: exactly the rows of `view.hero` (the recommended method), the
    zones named in `lang`."""
    hero = view.hero
    if hero.empty:
        raise ValueError("There are no zones to draw: " + (view.problem or "no zone table."))
    return ZoneBar(
        view.method,
        tuple(
            (lang._(str(zone)), lang._(str(name)), float(low), float(high))
            for zone, name, low, high in zip(
                hero.zone, hero.name, hero.low_bpm, hero.high_bpm, strict=True
            )
        ),
    )


#: A two-word zone name longer than this is set on two lines. [characters]
ONE_LINE_CHARS = 10


def _broken(name: str) -> str:
    """A zone's name broken at its comma or hyphen, or a long two-word name at its space, so it
    fits a narrow segment unshrunk (Spanish "Casi máxima" was set at half size on a phone); a
    short one stays on one line, where a third line would shrink it instead.

    >>> _broken("Vigorous, lower end"), _broken("Near-maximal"), _broken("Casi máxima")
    ('Vigorous,<br>lower end', 'Near-<br>maximal', 'Casi<br>máxima')
    >>> _broken("Very light")
    'Very light'
    """
    if ", " in name or "-" in name:
        return name.replace(", ", ",<br>").replace("-", "-<br>")
    if name.count(" ") == 1 and len(name) > ONE_LINE_CHARS:
        return name.replace(" ", "<br>")
    return name


def zone_bar_figure(bar: ZoneBar, *, height_px: int = 170, lang: Language = ENGLISH) -> go.Figure:
    """The recommended zones as one horizontal colour bar, like a sports watch shows them.

    Each zone is a segment in its colour, named inside in text ("Zone 1", "Very light"), so the
    bar reads without colour; the heart rate at every boundary is written under the bar.

    >>> bar = ZoneBar("hrmax5", (("Zone 1", "Very light", 90.0, 108.0),
    ...                          ("Zone 2", "Light", 108.0, 126.0)))
    >>> fig = zone_bar_figure(bar)
    >>> fig.data[0].base, fig.data[0].x, fig.layout.xaxis.ticktext
    ((90.0, 108.0), (18.0, 18.0), ('90', '108', '126 max'))
    """
    low, high = bar.boundaries_bpm[0], bar.boundaries_bpm[-1]
    texts = [f"<b>{zone}</b><br>{_broken(name)}" for zone, name, _, _ in bar.zones]
    bpm = lang._("bpm")
    trace = {
        "type": "bar",
        "orientation": "h",
        "y": ["zones"] * len(bar.zones),
        "x": [top - bottom for _, _, bottom, top in bar.zones],
        "base": [bottom for _, _, bottom, _ in bar.zones],
        "width": 0.9,
        "marker": {
            "color": [ZONE_COLOURS[i % len(ZONE_COLOURS)] for i in range(len(bar.zones))],
            "line": {"color": style.LIGHT.surface, "width": 3},
        },
        "text": texts,
        "textposition": "inside",
        "insidetextanchor": "middle",
        "textangle": 0,
        "textfont": {"size": FONT_PX, "color": style.ON_DATA},
        "hovertext": [
            f"{zone} \u00b7 {name}: {_bpm_range(bottom, top, lang)} {bpm}"
            for zone, name, bottom, top in bar.zones
        ],
        "hoverinfo": "text",
        "showlegend": False,
        "name": lang._("Your zones"),
    }
    ticks = [lang.number(value, 0) for value in bar.boundaries_bpm]
    ticks[-1] += f" {lang._(MAX_WORD)}"
    # Room beyond the ends for their numbers ("173 max"), which Plotly would otherwise hide.
    pad = 0.04 * (high - low)
    layout = style.layout(
        height_px,
        barmode="overlay",
        bargap=0,
        margin={"l": 8, "r": 8, "t": 4, "b": 8},
        xaxis=style.axis(
            lang._("Heart rate [bpm]"),
            range=[low - pad, high + pad],
            tickmode="array",
            tickvals=list(bar.boundaries_bpm),
            ticktext=ticks,
            tickfont={"size": FONT_PX, "color": style.LIGHT.text},
            showgrid=False,
            ticks="outside",
            ticklen=6,
            tickcolor=style.LIGHT.line,
            ticklabeloverflow="allow",
            fixedrange=True,
        ),
        yaxis={"visible": False, "fixedrange": True},
        dragmode=False,
        separators=lang.plotly_separators,
    )
    return go.Figure(data=[trace], layout=layout)


def zone_bar_alt(bar: ZoneBar, method_name: str, lang: Language = ENGLISH) -> str:
    """A text alternative for `zone_bar_figure`.

    >>> bar = ZoneBar("hrmax5", (("Zone 1", "Very light", 90.0, 108.0),))
    >>> zone_bar_alt(bar, "% of max HR").replace(EN_DASH, "-")
    'Your heart-rate zones by % of max HR: Zone 1 (Very light) 90-108 bpm.'
    """
    bpm = lang._("bpm")
    listed = ", ".join(
        f"{zone} ({name}) {_bpm_range(bottom, top, lang)} {bpm}"
        for zone, name, bottom, top in bar.zones
    )
    return lang._("Your heart-rate zones by {method}: {zones}.").format(
        method=method_name, zones=listed
    )
