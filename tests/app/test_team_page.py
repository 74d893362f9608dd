"""The Team zones page through app.py: pasted text and an uploaded file give every athlete's zones,
bad rows are listed by row with their problem, and nothing the coach entered leaves the session."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from tests.conftest import run_page

PAGE = "team-zones"
SQUAD = "name\tage\tsex\tresting HR\tmax HR\nAna\t30\tF\t60\t\nBo\t-3\t\t\t\nCy\t45\tM\t\t190\nDi\t30\t\t110\t105\n"


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def test_the_page_asks_for_a_table_before_showing_anything() -> None:
    at = run_page(PAGE)
    no_exception(at)
    assert "Paste a table or upload a file" in at.info[0].value
    assert not at.get("plotly_chart")


def test_pasted_rows_give_zones_and_each_bad_row_is_named() -> None:
    at = run_page(PAGE)
    at.text_area(key="team_paste").set_value(SQUAD).run()
    no_exception(at)
    problems = at.dataframe[0].value
    assert problems.iloc[:, 0].tolist() == [3, 5]  # spreadsheet rows of Bo and Di
    assert "Age -3 is outside" in problems.iloc[0, 2]
    assert "must be lower than maximum" in problems.iloc[1, 2]
    assert "2 of 4 rows gave no zones" in at.warning[0].value
    table = at.dataframe[-1].value
    assert table.iloc[:, 0].tolist() == ["Ana", "Cy"]
    # Ana: Tanaka 187, resting 60 -> zone 1 by reserve 123.5-136.2, shown whole.
    assert table.loc[0, "Zone 1"] == "124\u2013136"
    [chart] = at.get("plotly_chart")
    figure = json.loads(chart.proto.spec)
    assert figure["data"][0]["y"] == ["Ana", "Cy"]
    assert [button.proto.label for button in at.get("download_button")][-2:] == [
        "Team zones (CSV)",
        "Zone cards (PDF, eight per page)",
    ]


def test_an_uploaded_file_replaces_the_pasted_text() -> None:
    at = run_page(PAGE)
    at.text_area(key="team_paste").set_value(SQUAD).run()
    at.file_uploader(key="team_file").upload(
        "squad.csv", "name;age\nJosé;30\n".encode("cp1252"), "text/csv"
    ).run()
    no_exception(at)
    assert at.dataframe[-1].value.iloc[:, 0].tolist() == ["José"]
    assert any("not UTF-8" in info.value for info in at.info)


def test_an_unreadable_file_gives_a_sentence_not_a_traceback() -> None:
    at = run_page(PAGE)
    at.file_uploader(key="team_file").upload("squad.xlsx", b"PK\x03\x04junk").run()
    no_exception(at)
    assert "could not be read as an Excel workbook" in at.error[0].value


def test_nothing_entered_reaches_the_address() -> None:
    at = run_page(PAGE)
    at.text_area(key="team_paste").set_value(SQUAD).run()
    assert "Ana" not in json.dumps(dict(at.query_params))
