"""The Learn pages' body figures: the muscle-activity chart (content/muscles.md, `emg`) and the
posture schematic (content/posture.md, `schematic`). Each draws exactly what its content block
says; the muscle chart writes each row's evidence level, read from references.yaml."""

from __future__ import annotations

import pytest

from retroedu.content.evidence import LEVEL_BY_ID, Reference
from retroedu.figures import muscles, posture, style
from retroedu.figures.learn import learn_figure
from tests.conftest import LIBRARY

EMG = LIBRARY.page("muscles").page.meta["emg"]
FINDINGS = muscles.muscle_findings(EMG)
REFS = LIBRARY.references


def test_every_content_row_is_a_bar_pointing_the_way_the_content_says() -> None:
    fig = muscles.emg_figure(FINDINGS, REFS)
    drawn = {row: x for trace in fig.data for row, x in zip(trace.y, trace.x, strict=True)}
    assert len(drawn) == len(EMG)
    for row in EMG:
        key = f"<b>{row['muscle']}</b><br>{row['where']}"
        assert drawn[key] == (1 if row["change"] == "more" else -1), row["muscle"]


def test_each_row_writes_its_strongest_level_on_the_chart() -> None:
    fig = muscles.emg_figure(FINDINGS, REFS)
    notes = {note.y: note.text.replace("<br>", " ") for note in fig.layout.annotations}
    for row in EMG:
        levels = [REFS[key].level for key in row["refs"]]
        strongest = min(levels, key=lambda level: level.rank)
        note = notes[f"<b>{row['muscle']}</b><br>{row['where']}"]
        assert f"\u00b7 [{strongest.badge}] " in note, note
    # The worked cases: the student poster is a lab study; the 1985 newspaper report is
    # expert opinion or a practice report.
    assert "[lab] walking" in notes["<b>Rectus femoris</b><br>front of the thigh"]
    assert "[expert] running" in notes["<b>Hamstrings</b><br>back of the thigh"]


def test_more_and_less_differ_by_words_and_pattern_not_colour_alone() -> None:
    fig = muscles.emg_figure(FINDINGS, REFS)
    more, less = fig.data
    notes = {note.y: note.text.replace("<br>", " ") for note in fig.layout.annotations}
    for trace, words in ((more, "more active backward"), (less, "less active backward")):
        assert all(f") {words} \u00b7" in notes[row] for row in trace.y)
    assert more.marker.pattern.shape == ""
    assert less.marker.pattern.shape == "/"


def test_the_words_above_each_bar_fit_a_phone() -> None:
    """No line of a bar's words is longer than a 390-px phone has room for (about 46
    characters at 14 px); the muscle line is short enough too."""
    for note in muscles.emg_figure(FINDINGS, REFS).layout.annotations:
        lines = [line.replace("<b>", "").replace("</b>", "") for line in note.text.split("<br>")]
        assert max(map(len, lines)) <= 46, lines


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_centre_line_does_not_show_through_the_words(theme: str) -> None:
    """The words above each bar sit on the page's own colour, opaque: through the translucent
    veil the 'same' line still crossed "thigh" and "walking" on a phone."""
    for note in style.themed(muscles.emg_figure(FINDINGS, REFS), theme)["layout"]["annotations"]:
        assert note["bgcolor"] == style.PALETTES[theme].surface


def test_the_table_and_the_text_alternative_say_the_same() -> None:
    table = muscles.emg_table(FINDINGS, REFS)
    assert table["Backward against forward"].tolist() == [
        muscles.CHANGE_WORDS[finding.change] for finding in FINDINGS
    ]
    alt = muscles.emg_alt(FINDINGS, REFS)
    for finding in FINDINGS:
        assert f"{finding.muscle} ({finding.where}): {muscles.CHANGE_WORDS[finding.change]}" in alt


def test_strongest_level_picks_the_best_ranked_source() -> None:
    refs = {
        "a": Reference("a", "A", 2001, "T", "J", LEVEL_BY_ID["anecdote"]),
        "b": Reference("b", "B", 2002, "T", "J", LEVEL_BY_ID["trial"]),
    }
    assert muscles.strongest_level(["a", "b"], refs).id == "trial"
    with pytest.raises(ValueError, match="Unknown or missing sources"):
        muscles.strongest_level(["zzz"], refs)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            {"muscle": "M", "where": "w", "change": "same", "measured": "m", "refs": ["x"]},
            "more or less",
        ),
        ({"muscle": "M", "where": "w", "change": "more", "measured": "m"}, "needs 'refs'"),
        ({"muscle": "M", "where": "", "change": "more", "measured": "m", "refs": ["x"]}, "'where'"),
        (
            {
                "muscle": "M",
                "where": "w",
                "change": "more",
                "measured": "m",
                "refs": ["x"],
                "size": 2,
            },
            "unknown field",
        ),
    ],
)
def test_a_bad_emg_row_is_refused_with_a_reason(row: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        muscles.muscle_findings([row])


def test_the_muscle_chart_needs_the_references() -> None:
    with pytest.raises(ValueError, match="needs the references"):
        learn_figure("emg", LIBRARY.page("muscles").page.meta)


# --- posture -------------------------------------------------------------------------------

LABELS = posture.schematic_labels(LIBRARY.page("posture").page.meta["schematic"])


def test_the_schematic_says_it_is_a_schematic_on_the_drawing() -> None:
    fig = posture.posture_figure(LABELS)
    texts = [note.text for note in fig.layout.annotations]
    assert texts[0] == "<i>Schematic drawing, not a measurement</i>"
    assert "schematic" in posture.posture_alt(LABELS).lower()


def test_every_cue_from_the_content_is_drawn() -> None:
    fig = posture.posture_figure(LABELS)
    drawn = " ".join(note.text.replace("<br>", " ") for note in fig.layout.annotations)
    for part in ("head", "trunk", "arms", "feet", "travel"):
        assert LABELS[part] in drawn, part


def test_the_schematic_block_needs_every_part() -> None:
    with pytest.raises(ValueError, match="needs exactly"):
        posture.schematic_labels({"head": "Look back."})
    with pytest.raises(ValueError, match="schematic trunk needs the text field 'trunk'"):
        posture.schematic_labels({part: ("" if part == "trunk" else "x") for part in posture.PARTS})
