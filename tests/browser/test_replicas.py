"""Two replicas behind a real nginx (issue 7): the set-up docs/deploy.md describes, on loopback.

Two `streamlit run app.py` processes share one `server.cookieSecret`; nginx runs the config
`benchmarks/replicas.py` generates (WebSocket upgrade on /_stcore/stream, affinity by a
`retroedu_route` cookie, passive health checks). Every deployment has its own free ports and a
temporary folder, so xdist workers never share one; the test that stops a replica gets a
deployment of its own, so no other test depends on running before it.

nginx comes from `make test` (scripts/ensure_system_deps.sh installs it); a missing nginx fails
these tests rather than skipping them.
"""

from __future__ import annotations

import collections
import contextlib
import secrets
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from benchmarks.replicas import COOKIE, nginx, nginx_binary
from retroedu.calculators.heart import HeartInputs, heart_view
from tests.browser.conftest import (
    DESKTOP,
    Server,
    assert_no_exception,
    heading,
    open_page,
    settle,
    start_server,
    title_of,
)

pytestmark = pytest.mark.browser


@dataclass
class Deployment:
    proxy: str
    access_log: Path
    replicas: dict[str, Server]  # "127.0.0.1:port" -> the replica

    def requests_by_route(self) -> dict[str, list[tuple[str, str]]]:
        """(upstream, path) of every proxied request, by the reader's affinity cookie."""
        by_route: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
        for line in self.access_log.read_text(encoding="utf-8").splitlines():
            # "$upstream_addr $retroedu_route $request_uri $status"; the first field holds
            # "a, b" when nginx passed a request on from a replica that refused it.
            upstream, route, uri, _status = line.rsplit(" ", 3)
            by_route[route].append((upstream, uri))
        return by_route

    def wait_for(self, route: str, prefix: str, timeout_s: float = 15) -> list[tuple[str, str]]:
        """The requests of `route` once one of them starts with `prefix` (nginx logs a request
        when it ends: a WebSocket when it closes). Polls the log."""
        deadline = time.monotonic() + timeout_s
        while True:
            requests = self.requests_by_route().get(route, [])
            if any(uri.startswith(prefix) for _, uri in requests):
                return requests
            assert time.monotonic() < deadline, f"no {prefix} logged for {route}: {requests}"
            time.sleep(0.05)

    def leave(self, page: Page) -> list[tuple[str, str]]:
        """Close the reader's browser; return every request it made (its WebSocket included)."""
        route = route_of(page)
        page.context.close()
        return self.wait_for(route, "/_stcore/stream")

    def visit(self, route: str) -> str:
        """One plain request for the start page with the affinity cookie `route`; the replica
        nginx sent it to."""
        request = urllib.request.Request(f"{self.proxy}/", headers={"Cookie": f"{COOKIE}={route}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
        return self.wait_for(route, "/")[-1][0]


@contextlib.contextmanager
def deployment_in(folder: Path) -> Iterator[Deployment]:
    binary = nginx_binary()
    assert binary, "nginx is missing: run `make test` (it installs it) or `apt-get install nginx`"
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
    servers = []
    try:
        for number in (1, 2):
            servers.append(start_server(folder / f"replica-{number}.log", env))
        with nginx(binary, [server.port for server in servers]) as (proxy, access_log):
            yield Deployment(
                proxy, access_log, {f"127.0.0.1:{server.port}": server for server in servers}
            )
    finally:
        for server in servers:
            server.stop()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    """Two replicas behind nginx, shared by the tests that leave them running."""
    with deployment_in(tmp_path_factory.mktemp("replicas")) as deployed:
        yield deployed


def route_of(page: Page) -> str:
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert COOKIE in cookies, "nginx gave the reader no affinity cookie"
    return cookies[COOKIE]


def test_the_health_check_answers_through_the_proxy(deployment: Deployment) -> None:
    """nginx passes /_stcore/health on to a replica, which answers "ok"."""
    with urllib.request.urlopen(f"{deployment.proxy}/_stcore/health", timeout=10) as response:
        assert response.status == 200
        assert response.read() == b"ok"


def test_a_reader_stays_on_one_replica_for_reruns_and_downloads(
    browser: Browser, deployment: Deployment
) -> None:
    """A reader's page, its reruns over the proxied WebSocket and a file the page serves (held
    in one replica's memory) all reach the same replica."""
    page = browser.new_context(viewport=DESKTOP).new_page()
    open_page(page, f"{deployment.proxy}/heart-rate?age=30&formula=nes")
    box = page.locator(".st-key-age input")
    box.fill("60")
    box.press("Enter")
    page.wait_for_function("() => new URL(location.href).searchParams.get('age') === '60'")
    settle(page)
    expected = heart_view(HeartInputs(age_years=60, formula="nes")).max_bpm
    metric = page.get_by_test_id("stMetric").filter(has_text="Max heart rate")
    expect(metric.get_by_test_id("stMetricValue")).to_have_text(f"{expected:.0f}")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download zones (CSV)").click()
    assert Path(download.value.path()).read_bytes().startswith(b"\xef\xbb\xbf")
    assert_no_exception(page)

    requests = deployment.leave(page)
    paths = [uri for _, uri in requests]
    assert any(uri.startswith("/media/") for uri in paths), paths
    upstreams = {upstream for upstream, _ in requests}
    assert len(upstreams) == 1, f"one reader reached several replicas: {sorted(upstreams)}"
    assert upstreams <= set(deployment.replicas)


def test_new_readers_spread_over_both_replicas(deployment: Deployment) -> None:
    """Each new reader gets a random affinity cookie, so new readers land on both replicas
    (16 readers all on one replica would happen once in 2**15 runs)."""
    seen: set[str] = set()
    for _ in range(16):
        with urllib.request.urlopen(f"{deployment.proxy}/", timeout=10) as response:
            assert response.status == 200
            cookie = response.headers.get("Set-Cookie", "")
        assert cookie.startswith(f"{COOKIE}="), f"no affinity cookie: {cookie!r}"
        route = cookie.split(";")[0].split("=", 1)[1]
        seen.add(deployment.wait_for(route, "/")[0][0])
        if seen == set(deployment.replicas):
            break
    assert seen == set(deployment.replicas)


@pytest.fixture
def own_deployment(tmp_path: Path) -> Iterator[Deployment]:
    """Two replicas behind nginx for one test (which may stop one of them)."""
    with deployment_in(tmp_path) as deployed:
        yield deployed


def test_a_reader_of_a_stopped_replica_is_served_by_the_other(
    browser: Browser, own_deployment: Deployment
) -> None:
    """With one replica stopped, a reader whose cookie points at it gets the page, working,
    from the other replica."""
    down = next(iter(own_deployment.replicas))
    route = next(f"reader-{n}" for n in range(64) if own_deployment.visit(f"reader-{n}") == down)
    own_deployment.replicas[down].stop()

    context = browser.new_context(viewport=DESKTOP)
    context.add_cookies([{"name": COOKIE, "value": route, "url": own_deployment.proxy}])
    page = context.new_page()
    open_page(page, f"{own_deployment.proxy}/calories?weight=80&speed=10")
    expect(heading(page)).to_have_text(title_of("calories"))
    expect(page.locator(".st-key-weight input")).to_have_value("80")
    assert_no_exception(page)
    streams = [
        upstream
        for upstream, uri in own_deployment.leave(page)
        if uri.startswith("/_stcore/stream")
    ]
    # A refused connection shows as "down, live" in nginx's $upstream_addr: the last one served.
    assert streams
    assert all(upstream.split(", ")[-1] != down for upstream in streams), streams
