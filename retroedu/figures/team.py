"""The team's zones in one chart: one row per athlete, the five zones as stacked bands. Pure.

Each athlete's bands come from their `HeartView` (the heart-rate calculator's view model), in the
zone colours of the calculator's own chart; hovering a band gives its heart rates. Names are shown
as text: characters Plotly would read as markup are replaced by look-alikes.

>>> from retroedu.calculators.team import read_roster, team_view
>>> fig = team_figure(team_view(read_roster("name,age\\n<b>Ana</b>,40\\nBo,60\\n")))
>>> fig.data[0].name, fig.data[0].y[1], fig.data[0].base, fig.data[0].x
('Zone 1', 'Bo', (90.0, 83.0), (18.0, 16.6))
>>> "<" in fig.data[0].y[0]
False
"""

from __future__ import annotations

import plotly.graph_objects as go

from retroedu.calculators.team import TeamView, zone_names
from retroedu.content.i18n import ENGLISH, Language
from retroedu.figures import style
from retroedu.figures.heart import ZONE_COLOURS

EN_DASH = "\u2013"
#: Height of one athlete's row, and of the axes and legend around them. [px]
ROW_PX, FRAME_PX = 30, 120


def plain_label(text: str) -> str:
    """Text Plotly shows as written: its markup characters replaced by look-alikes.

    >>> plain_label("<a href='x'>A&B</a>") == "\u2039a href='x'\u203aA\uff06B\u2039/a\u203a"
    True
    """
    return text.replace("<", "\u2039").replace(">", "\u203a").replace("&", "\uff06")


def row_labels(team: TeamView, lang: Language = ENGLISH) -> list[str]:
    """Each athlete's label on the chart: the name, with the roster row when a name repeats
    (a category axis would otherwise draw two athletes on one row).

    >>> from retroedu.calculators.team import read_roster, team_view
    >>> row_labels(team_view(read_roster("name,age\\nAna,40\\nAna,41\\nBo,30\\n")))
    ['Ana (row 2)', 'Ana (row 3)', 'Bo']
    """
    names = [plain_label(athlete.name) for athlete in team.athletes]
    return [
        lang._("{name} (row {row})").format(name=name, row=athlete.row)
        if names.count(name) > 1
        else name
        for name, athlete in zip(names, team.athletes, strict=True)
    ]


def team_figure(team: TeamView, lang: Language = ENGLISH) -> go.Figure:
    """Every athlete's zones as a row of stacked bands, heart rate along the x axis. [bpm]"""
    views = [athlete.view for athlete in team.athletes]
    names = row_labels(team, lang)
    bpm = lang._("bpm")
    traces = []
    for index, zone in enumerate(zone_names(views)):
        lows = [round(float(view.hero.low_bpm.iloc[index]), 1) for view in views]
        highs = [round(float(view.hero.high_bpm.iloc[index]), 1) for view in views]
        traces.append(
            go.Bar(
                name=lang._(zone),
                y=names,
                x=[round(high - low, 1) for low, high in zip(lows, highs, strict=True)],
                base=lows,
                orientation="h",
                marker={
                    "color": ZONE_COLOURS[index % len(ZONE_COLOURS)],
                    "line": {"color": style.LIGHT.surface, "width": 1},
                },
                hovertext=[
                    f"{name}<br>{lang._(zone)}: "
                    f"{lang.number(low, 0)}{EN_DASH}{lang.number(high, 0)} {bpm}"
                    for name, low, high in zip(names, lows, highs, strict=True)
                ],
                hoverinfo="text",
            )
        )
    layout = style.layout(
        FRAME_PX + ROW_PX * max(1, len(names)),
        barmode="overlay",
        bargap=0.25,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0, "traceorder": "normal"},
        xaxis=style.axis(lang._("Heart rate [bpm]")),
        yaxis=style.axis("", autorange="reversed", showgrid=False, type="category"),
        separators=lang.plotly_separators,
    )
    return go.Figure(data=traces, layout=layout)


def team_alt(team: TeamView, lang: Language = ENGLISH) -> str:
    """The chart's text alternative: each athlete's zone bounds in order.

    >>> from retroedu.calculators.team import read_roster, team_view
    >>> team_alt(team_view(read_roster("name,age\\nAna,40\\n"))).replace(EN_DASH, "-")
    'Heart-rate zones in beats per minute, one row per athlete. Ana: 90-108, 108-126, 126-144, 144-162, 162-180.'
    """
    parts = [lang._("Heart-rate zones in beats per minute, one row per athlete.")]
    for athlete in team.athletes:
        hero = athlete.view.hero
        bands = ", ".join(
            f"{lang.number(low, 0)}{EN_DASH}{lang.number(high, 0)}"
            for low, high in zip(hero.low_bpm, hero.high_bpm, strict=True)
        )
        parts.append(f"{athlete.name}: {bands}.")
    return " ".join(parts)
