"""Two replicas behind a real nginx (issue 7): the set-up docs/deploy.md describes, on loopback.

The module starts two `streamlit run app.py` processes that share one `server.cookieSecret`, and
nginx with the config `benchmarks/replicas.py` generates (WebSocket upgrade on /_stcore/stream,
affinity by a `retroedu_route` cookie, passive health checks). Then, in Chromium, through the proxy:

- the health check answers, and a shared link renders with its settings (the WebSocket works);
- a reader's inputs rerun the page, and a file the page serves (the zone CSV, which lives in one
  replica's memory) downloads: every request of that reader reached one replica;
- new readers spread over both replicas;
- with one replica stopped, a new reader is served by the other.

nginx comes from `make test` (scripts/ensure_system_deps.sh installs it); a missing nginx fails
these tests rather than skipping them.
"""

from __future__ import annotations

import collections
import secrets
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from benchmarks.replicas import COOKIE, nginx, nginx_binary
from tests.browser.conftest import assert_no_exception, start_server, stop_server, wait_for_app
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

DASH = "\u2013"


@dataclass
class Deployment:
    proxy: str
    access_log: Path
    replicas: dict[str, subprocess.Popen[bytes]]  # "127.0.0.1:port" -> the replica's process

    def requests_by_route(self) -> dict[str, list[tuple[str, str]]]:
        """(upstream, path) of every proxied request, by the reader's affinity cookie."""
        by_route: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
        for line in self.access_log.read_text(encoding="utf-8").splitlines():
            # "$upstream_addr $retroedu_route $request_uri $status"; the first field holds
            # "a, b" when nginx passed a request on from a replica that refused it.
            upstream, route, uri, _status = line.rsplit(" ", 3)
            by_route[route].append((upstream, uri))
        return by_route

    def leave(self, page: Page) -> list[tuple[str, str]]:
        """Close the reader's browser and return its requests. nginx logs a WebSocket when it
        closes, so wait for the reader's /_stcore/stream line."""
        route = route_of(page)
        page.context.close()
        deadline = time.monotonic() + 10
        while True:
            requests = self.requests_by_route()[route]
            if any(uri.startswith("/_stcore/stream") for _, uri in requests):
                return requests
            assert time.monotonic() < deadline, f"no WebSocket logged for this reader: {requests}"
            time.sleep(0.1)


@pytest.fixture(scope="module")
def deployment() -> Iterator[Deployment]:
    binary = nginx_binary()
    assert binary, "nginx is missing: run `make test` (it installs it) or `apt-get install nginx`"
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
    logs = ROOT / "artifacts"
    started = [start_server(logs / f"server-replica-{i}.log", env) for i in (1, 2)]
    try:
        ports = [int(url.rsplit(":", 1)[1]) for url, _ in started]
        with nginx(binary, ports) as (proxy, access_log):
            yield Deployment(
                proxy,
                access_log,
                {f"127.0.0.1:{port}": p for port, (_, p) in zip(ports, started, strict=True)},
            )
    finally:
        for _, proc in started:
            stop_server(proc)


def route_of(page: Page) -> str:
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert COOKIE in cookies, "nginx gave the reader no affinity cookie"
    return cookies[COOKIE]


def open_through_proxy(browser: Browser, deployment: Deployment, path: str) -> Page:
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.goto(deployment.proxy + path)
    wait_for_app(page)
    return page


def test_health_check_answers_through_the_proxy(deployment: Deployment) -> None:
    with urllib.request.urlopen(f"{deployment.proxy}/_stcore/health", timeout=10) as response:
        assert response.status == 200
        assert response.read() == b"ok"


def test_a_reader_stays_on_one_replica_for_reruns_and_downloads(
    browser: Browser, deployment: Deployment
) -> None:
    page = open_through_proxy(browser, deployment, "/heart-rate?age=30&formula=nes")
    # Nes at 30: 211 - 0.64 x 30 = 191.8 -> 192 bpm; the page ran over the proxied WebSocket.
    expect(page.get_by_test_id("stMetric").first).to_contain_text("192")

    box = page.get_by_role("spinbutton", name="Age [years]", exact=True)
    box.fill("60")
    box.press("Enter")
    wait_for_app(page)
    # Nes at 60: 211 - 38.4 = 172.6 -> 173; zone 1 (50-60 % of max) = 86.3-103.56 -> 86-104
    expect(page.get_by_test_id("stMetric").first).to_contain_text("173")
    expect(page.get_by_test_id("stTable").first).to_contain_text(f"86{DASH}104")
    assert "age=60" in page.url

    # The CSV is held in the memory of the replica that ran this reader's script.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download zones (CSV)").click()
    csv_text = Path(download.value.path()).read_text(encoding="utf-8")
    # The file keeps one decimal: zone 1 = 0.5 x 172.6 = 86.3 to 0.6 x 172.6 = 103.56 -> 103.6
    assert ",Zone 1," in csv_text
    assert ",86.3,103.6," in csv_text
    assert_no_exception(page)

    requests = deployment.leave(page)
    paths = [uri for _, uri in requests]
    assert any(uri.startswith("/_stcore/stream") for uri in paths), paths
    assert any(uri.startswith("/media/") for uri in paths), paths
    upstreams = {upstream for upstream, _ in requests}
    assert len(upstreams) == 1, f"one reader reached several replicas: {sorted(upstreams)}"
    assert upstreams <= set(deployment.replicas)


def test_new_readers_spread_over_both_replicas(browser: Browser, deployment: Deployment) -> None:
    # Each new reader gets a random cookie, so each lands on either replica with even odds:
    # 16 readers all on one replica would happen once in 2**15 runs.
    seen: set[str] = set()
    for _ in range(16):
        page = open_through_proxy(browser, deployment, "/")
        expect(page.get_by_role("heading", level=1).first).to_be_visible()
        requests = deployment.leave(page)
        seen |= {upstream for upstream, uri in requests if uri.startswith("/_stcore/stream")}
        if seen == set(deployment.replicas):
            break
    assert seen == set(deployment.replicas)


def test_a_stopped_replica_is_passed_over(browser: Browser, deployment: Deployment) -> None:
    # Runs last in this module: it stops one replica for good.
    down, proc = next(iter(deployment.replicas.items()))
    stop_server(proc)
    streams = []
    for _ in range(6):  # several new readers, so some would have hashed to the stopped one
        page = open_through_proxy(browser, deployment, "/calories?weight=80&speed=10")
        # 80 kg at 10 km/h (166.7 m/min), forward run: (3.5 + 0.2 x 166.7) x 80 / 1000 x 5 = 14.7
        expect(page.get_by_text("14.7 kcal/min").first).to_be_visible()
        assert_no_exception(page)
        streams += [u for u, uri in deployment.leave(page) if uri.startswith("/_stcore/stream")]
    # A refused connection shows as "down, live" in nginx's $upstream_addr: the last one served.
    assert all(upstream.split(", ")[-1] != down for upstream in streams), streams
