"""The benchmark tooling's own logic (no timing here): statistics, verdicts, protocol, nginx set-up."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.NumberInput_pb2 import NumberInput
from streamlit.testing.v1 import AppTest

from benchmarks.common import Figure, page_targets, percentile, table
from benchmarks.frame_cost import FRAME_APP, PARTS, frame_env
from benchmarks.protocol import RunResult, StreamlitSession, Widget, loopback_only
from benchmarks.replicas import nginx_conf, spread


def test_percentile_interpolates_between_ranks() -> None:
    # ranks 0..3 of [10, 20, 30, 40]; p95 sits at rank 2.85 -> 30 + 0.85 * (40 - 30) = 38.5
    assert percentile([40, 10, 30, 20], 95) == pytest.approx(38.5)
    assert percentile([40, 10, 30, 20], 50) == pytest.approx(25.0)


def test_figure_verdicts() -> None:
    assert Figure("a", 110.0, 100.0, limit=1.15).passed is True  # 1.10x <= 1.15
    assert Figure("a", 120.0, 100.0, limit=1.15).passed is False  # 1.20x
    assert Figure("a", 1.9, 1.0, limit=1.8, compare="min-ratio").passed is True
    assert Figure("a", 0.5, limit=2.0, compare="value").passed is True
    assert Figure("a", 1.0).passed is None  # no target: reported, not judged
    text = table([Figure("rerun", 120.0, 100.0, "ms", "ratio <= 1.15", 1.15)])
    assert "1.20x" in text
    assert "FAIL" in text


def test_number_input_alternates_within_its_bounds() -> None:
    proto = NumberInput(
        id="$$ID-abc-age", data_type=NumberInput.INT, step=1, has_min=True, min=10, has_max=True
    )
    proto.max = 100
    proto.default = 100  # at the maximum, so the neighbour is below
    widget = Widget(proto.id, "age", "number_input", proto)
    assert [widget.next_value() for _ in range(4)] == [99, 100, 99, 100]
    widget.value = 99
    assert widget.state().int_value == 99


def test_empty_optional_number_input_starts_at_its_minimum() -> None:
    proto = NumberInput(id="$$ID-abc-rest", data_type=NumberInput.INT, step=1, has_min=True, min=30)
    widget = Widget(proto.id, "rest", "number_input", proto)
    assert widget.next_value() == 31


def test_load_generator_refuses_non_loopback_hosts() -> None:
    loopback_only("http://127.0.0.1:8501")
    with pytest.raises(ValueError, match="loopback"):
        loopback_only("http://example.org:8501")


def test_targets_are_read_from_the_page_registry() -> None:
    assert [t.url_path for t in page_targets()] == ["heart-rate", "calories"]
    assert page_targets(["home"])[0].url_path == ""
    with pytest.raises(SystemExit, match="unknown page"):
        page_targets(["nowhere"])


def test_access_log_spread_and_stickiness(tmp_path: Path) -> None:
    log = tmp_path / "access.log"
    log.write_text(
        "127.0.0.1:1 r1 /_stcore/health 200\n"
        "127.0.0.1:1 r1 /_stcore/stream 101\n"
        "127.0.0.1:2 r2 /_stcore/stream 101\n",
        encoding="utf-8",
    )
    assert spread(log) == ({"127.0.0.1:1": 1, "127.0.0.1:2": 1}, True)
    with log.open("a", encoding="utf-8") as handle:
        handle.write("127.0.0.1:2 r1 /_stcore/health 200\n")  # r1 moved: not sticky
    assert spread(log)[1] is False


def test_nginx_config_upgrades_websockets_and_hashes_on_the_cookie(tmp_path: Path) -> None:
    conf = nginx_conf(tmp_path, 8080, [8501, 8502])
    assert "hash $retroedu_route consistent;" in conf
    assert "proxy_set_header Upgrade $http_upgrade;" in conf
    assert "listen 127.0.0.1:8080;" in conf
    assert conf.count("server 127.0.0.1:85") == 2
    nginx = shutil.which("nginx") or shutil.which("/usr/sbin/nginx")
    assert nginx, "nginx is missing: `make test` installs it (scripts/ensure_system_deps.sh)"
    path = tmp_path / "nginx.conf"
    path.write_text(conf, encoding="utf-8")
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_a_widget_in_a_fragment_reruns_only_that_fragment() -> None:
    """As the browser does: the delta names the fragment, the change asks for its rerun."""
    session = StreamlitSession("http://127.0.0.1:8501", "heart-rate")
    for key, fragment in (("age", "frag-1"), ("units", "")):
        msg = ForwardMsg()
        msg.delta.fragment_id = fragment
        proto = msg.delta.new_element.number_input
        proto.id, proto.data_type, proto.step = f"$$ID-abc-{key}", NumberInput.INT, 1
        session._on_delta(msg, RunResult(False, 0.0), 0.0, first=True)
    assert session.widgets["age"].fragment_id == "frag-1"
    assert session.widgets["units"].fragment_id == ""
    assert session._client_state(False, "frag-1").fragment_id == "frag-1"
    assert session._client_state(False).fragment_id == ""


def test_the_frame_app_draws_every_part_of_the_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    """The frame-cost yardstick with everything on: five inputs bound to the address, the
    sidebar's controls, the answer under the chart, and the registry's navigation."""
    for name, value in frame_env(["fragment", *PARTS]).items():
        monkeypatch.setenv(name, value)
    app = AppTest.from_file(str(FRAME_APP), default_timeout=30).run()
    assert not app.exception
    counts = {
        kind: len(getattr(app, kind))
        for kind in ("number_input", "radio", "selectbox", "toggle", "table", "metric", "expander")
    }
    assert counts == {
        "number_input": 3,
        "radio": 2,
        "selectbox": 2,
        "toggle": 1,
        "table": 1,
        "metric": 2,
        "expander": 2,
    }
    assert len(app.sidebar.radio) == 1
    app.number_input(key="value").set_value(41).run()
    assert not app.exception
    assert app.metric[1].value == "82"
