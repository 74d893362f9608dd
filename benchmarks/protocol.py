"""A headless Streamlit client: speaks the browser's own protocol on `/_stcore/stream`.

What the frontend does, and so what `StreamlitSession` does (checked against Chromium's frames):

1. Open a WebSocket to `/_stcore/stream` with subprotocol `streamlit` (the frontend also puts an
   XSRF token and a previous session id in that header; neither is needed to open a session).
2. Send `BackMsg.rerun_script` with a `ClientState`: the URL's query string, `page_name` = the
   page's URL path on the first run, the browser's context (timezone, locale, URL, colour scheme)
   and the widget states the reader has set so far (none at first). By default a session opens
   the app's root and then follows the navigation to the page (a reader clicking the sidebar
   link); `direct=True` opens the page's URL path as a shared link does.
3. Read `ForwardMsg`s: `new_session` (with the run id), `navigation` (the page's script hash,
   which every later rerun names), `delta`s (the elements; widgets carry their ids), and
   `script_finished` for the same run id: the rerun is done.
4. A widget change is another `rerun_script`, now with `page_script_hash` and every widget value
   the reader has changed (the frontend sends those; unchanged widgets keep their defaults).
   A widget drawn inside an `st.fragment` arrives in a delta that names the fragment
   (`delta.fragment_id`); changing it asks for a rerun of that fragment only (`fragment_id` in
   the ClientState), which ends with `FINISHED_FRAGMENT_RUN_SUCCESSFULLY`.

Messages the server marks `cacheable` are remembered by hash and named in `cached_message_hashes`,
as the frontend does, so the server may send small `ref_hash` messages instead of repeats.
Loopback only: `StreamlitSession` refuses any host other than 127.0.0.x / localhost.
"""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlparse

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.NumberInput_pb2 import NumberInput
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import WebSocketException
from websockets.typing import Origin, Subprotocol

WIDGET_ID = re.compile(r"^\$\$ID-[0-9a-f]+-(?P<key>.*)$")
DRIVABLE = {"number_input", "slider", "radio", "selectbox", "checkbox"}
MAX_CACHED_MESSAGE_AGE = 2  # runs; Streamlit's global.maxCachedMessageAge default


def loopback_only(url: str) -> None:
    host = urlparse(url).hostname or ""
    if not (host == "localhost" or host.startswith("127.")):
        raise ValueError(f"the load generator only talks to loopback addresses, not {host!r}")


@dataclass
class Widget:
    """A widget as the first run described it, and the value the simulated reader gave it."""

    id: str
    key: str
    kind: str
    element: Any  # the widget's protobuf (NumberInput, Radio, ...)
    value: Any = None  # what the reader set; None = untouched (default)
    base: Any = None  # the value before the first change
    flips: int = 0
    fragment_id: str = ""  # the fragment the widget is drawn in ("" outside any fragment)

    def current(self) -> Any:
        if self.value is not None:
            return self.value
        el = self.element
        if self.kind == "number_input":
            if el.set_value:
                raw = el.value
            elif el.HasField("default"):
                raw = el.default
            else:  # an optional input shown empty: the reader types the smallest allowed value
                raw = el.min if el.has_min else 0
            return int(raw) if el.data_type == NumberInput.INT else raw
        if self.kind == "slider":
            return next(iter(el.value if el.set_value else el.default))
        if self.kind in {"radio", "selectbox"}:
            return el.raw_value if el.set_value and el.raw_value else el.options[el.default]
        if self.kind == "checkbox":
            return el.value if el.set_value else el.default
        raise ValueError(f"widget {self.key!r} of kind {self.kind} cannot be driven")

    def next_value(self) -> Any:
        """Alternate between the first value and a neighbour, so every change redraws the chart."""
        if self.base is None:
            self.base = self.current()
        self.flips += 1
        if self.flips % 2 == 0:
            return self.base
        el, base = self.element, self.base
        if self.kind in {"number_input", "slider"}:
            step = el.step or 1
            bounded = self.kind == "slider" or el.has_max
            value = base - step if bounded and base + step > el.max else base + step
            if self.kind == "number_input" and el.data_type == NumberInput.INT:
                return int(value)
            return value
        if self.kind in {"radio", "selectbox"}:
            options = list(el.options)
            return (
                options[(options.index(base) + 1) % len(options)] if base in options else options[0]
            )
        return not base

    def state(self) -> WidgetState:
        state = WidgetState(id=self.id)
        if self.kind == "number_input":
            if self.element.data_type == NumberInput.INT:
                state.int_value = int(self.value)
            else:
                state.double_value = float(self.value)
        elif self.kind == "slider":
            state.double_array_value.data.append(float(self.value))
        elif self.kind in {"radio", "selectbox"}:
            state.string_value = str(self.value)
        else:
            state.bool_value = bool(self.value)
        return state


@dataclass
class RunResult:
    """One script run as the client saw it."""

    ok: bool
    latency_s: float  # request sent -> script_finished received
    chart_s: float | None = None  # request sent -> last plotly_chart delta received
    error: str = ""
    messages: int = 0
    bytes: int = 0
    not_found: bool = False  # the server sent page_not_found (the reader sees a dialog)


@dataclass
class StreamlitSession:
    """One simulated reader of one page."""

    base_url: str
    url_path: str = ""
    query_string: str = ""
    affinity_cookie: str | None = None  # proxy cookie to fetch first and send on the WebSocket
    direct: bool = False  # open the page by its URL path (a shared link) instead of via the nav
    timeout_s: float = 30.0
    widgets: dict[str, Widget] = field(default_factory=dict)
    page_script_hash: str = ""
    nav_pages: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    cookie: str = ""
    _ws: ClientConnection | None = None
    _cache: dict[str, int] = field(default_factory=dict)  # message hash -> run number last seen
    _runs: int = 0
    _driven: int = 0

    async def open(self) -> RunResult:
        """Connect and run the page once, as a browser opening the page's URL does."""
        loopback_only(self.base_url)
        parsed = urlparse(self.base_url)
        headers = {}
        if self.affinity_cookie:
            self.cookie = await asyncio.to_thread(self._fetch_cookie, self.affinity_cookie)
            headers["Cookie"] = self.cookie
        self._ws = await asyncio.wait_for(
            connect(
                f"ws://{parsed.netloc}/_stcore/stream",
                subprotocols=[Subprotocol("streamlit")],
                additional_headers=headers,
                origin=Origin(f"{parsed.scheme}://{parsed.netloc}"),
                max_size=None,
                ping_interval=None,
                compression=None,
                open_timeout=self.timeout_s,
            ),
            self.timeout_s,
        )
        opened = await self._run(first=True)
        if not self.direct and self.url_path and opened.ok:
            # Open the app at its root, then follow the navigation to the page, as a reader
            # clicking the sidebar link does (a direct link is `direct=True`).
            page_hash = self.nav_pages.get(self.url_path)
            if page_hash is None:
                return RunResult(
                    False, opened.latency_s, error=f"no page {self.url_path!r} in the navigation"
                )
            self.page_script_hash = page_hash
            self.query_string = ""
            return await self._run(first=False)
        return opened

    def _fetch_cookie(self, name: str) -> str:
        """Visit the page through the proxy, as a browser does, and keep the affinity cookie."""
        with urllib.request.urlopen(f"{self.base_url}/_stcore/health", timeout=self.timeout_s) as r:
            cookie = SimpleCookie()
            for header in r.headers.get_all("Set-Cookie") or []:
                cookie.load(header)
        if name not in cookie:
            raise RuntimeError(f"the proxy set no {name!r} cookie")
        return f"{name}={cookie[name].value}"

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    def drive_keys(self, wanted: tuple[str, ...]) -> list[str]:
        """The widget keys from `wanted` this page has (in that order), else any drivable one."""
        present = [key for key in wanted if key in self.widgets]
        return present or [k for k, w in self.widgets.items() if w.kind in DRIVABLE][:1]

    async def change(self, keys: tuple[str, ...]) -> RunResult:
        """Change the next widget of `keys` (in turn) and wait for the rerun to finish."""
        usable = self.drive_keys(keys)
        if not usable:
            return RunResult(False, 0.0, error="no widget to change on this page")
        widget = self.widgets[usable[self._driven % len(usable)]]
        self._driven += 1
        widget.value = widget.next_value()
        return await self._run(first=False, fragment_id=widget.fragment_id)

    def _client_state(self, first: bool, fragment_id: str = "") -> ClientState:
        state = ClientState(query_string=self.query_string)
        if first:
            state.page_name = self.url_path if self.direct else ""
        else:
            state.page_script_hash = self.page_script_hash
        if fragment_id:
            state.fragment_id = fragment_id
        state.widget_states.SetInParent()
        for widget in self.widgets.values():
            if widget.value is not None:
                state.widget_states.widgets.append(widget.state())
        state.cached_message_hashes.extend(sorted(self._cache))
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "UTC", 0, "en-US"
        info.url = f"{self.base_url}/{self.url_path}"
        info.is_embedded, info.color_scheme = False, "light"
        return state

    async def _run(self, first: bool, fragment_id: str = "") -> RunResult:
        assert self._ws is not None, "open() first"
        self._runs += 1
        message = BackMsg()
        message.rerun_script.CopyFrom(self._client_state(first, fragment_id))
        started = time.perf_counter()
        deadline = started + self.timeout_s
        run_id = ""
        result = RunResult(ok=False, latency_s=0.0)
        try:
            await self._ws.send(message.SerializeToString())
            while True:
                data = await asyncio.wait_for(
                    self._ws.recv(), max(0.001, deadline - time.perf_counter())
                )
                if not isinstance(data, bytes):
                    raise RuntimeError("the server sent a text frame")
                result.messages += 1
                result.bytes += len(data)
                msg = ForwardMsg.FromString(data)
                kind = msg.WhichOneof("type")
                if msg.metadata.cacheable and msg.hash:
                    self._cache[msg.hash] = self._runs
                if kind == "ref_hash":
                    self._cache[msg.ref_hash] = self._runs
                if kind == "new_session":
                    run_id = msg.metadata.run.script_run_id
                    if msg.new_session.page_script_hash:
                        self.page_script_hash = msg.new_session.page_script_hash
                elif kind == "navigation":
                    self.page_script_hash = msg.navigation.page_script_hash or self.page_script_hash
                    self.nav_pages = {}  # the last navigation message of a run is app.py's
                    for page in msg.navigation.app_pages:
                        if page.url_pathname:
                            self.nav_pages[page.url_pathname] = page.page_script_hash
                        if page.is_default:
                            self.nav_pages.setdefault("", page.page_script_hash)
                elif kind == "page_info_changed":
                    self.query_string = msg.page_info_changed.query_string
                elif kind == "page_not_found":
                    # Sent when the URL path names no registered page. Readers see a "Page not
                    # found" dialog, so it is counted, not ignored.
                    result.not_found = True
                elif kind == "delta":
                    self._on_delta(msg, result, started, first)
                elif kind == "script_finished":
                    if run_id and msg.metadata.run.script_run_id not in {"", run_id}:
                        continue  # a late message from an earlier run
                    result.latency_s = time.perf_counter() - started
                    status = msg.script_finished
                    if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                        result.error = result.error or "script failed to compile"
                    elif status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        result.error = result.error or "run was interrupted by another rerun"
                    result.ok = not result.error
                    break
        except TimeoutError:
            result.error = f"no script_finished within {self.timeout_s:g} s"
            result.latency_s = time.perf_counter() - started
        except (WebSocketException, OSError, RuntimeError) as exc:
            result.error = f"connection: {type(exc).__name__}: {exc}"
            result.latency_s = time.perf_counter() - started
        self._cache = {
            h: run for h, run in self._cache.items() if self._runs - run < MAX_CACHED_MESSAGE_AGE
        }
        return result

    def _on_delta(self, msg: ForwardMsg, result: RunResult, started: float, first: bool) -> None:
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            result.error = (
                f"exception shown: {element.exception.type}: {element.exception.message[:200]}"
            )
        elif kind == "plotly_chart":
            result.chart_s = time.perf_counter() - started
        elif kind in DRIVABLE:
            proto = getattr(element, kind)
            match = WIDGET_ID.match(proto.id)
            key = match.group("key") if match else proto.id
            known = self.widgets.get(key)
            if known is None or known.id != proto.id:
                self.widgets[key] = Widget(proto.id, key, kind, proto)
            elif first:
                known.element = proto
            self.widgets[key].fragment_id = msg.delta.fragment_id
