"""Shareable links: the address that reopens a page with the same settings. Pure; no Streamlit.

Streamlit keeps each calculator setting in the URL (widgets bound to query parameters), so a link
is the app's address, the page's path and the settings as query parameters, in the form the
widgets read back.

>>> page_url("http://127.0.0.1:8501", "heart-rate", {"age": 50, "resting_hr": None, "units": "metric"})
'http://127.0.0.1:8501/heart-rate?age=50&units=metric'
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Collection, Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit

from retroedu import site
from retroedu.content.i18n import N_, ReaderError


def param_text(value: object) -> str:
    """One setting as the text a bound widget reads back from the URL.

    Numbers lose trailing zeros, flags are "true"/"false", text stays as it is.

    >>> [param_text(v) for v in (70.0, 5.25, 40, True, "tanaka")]
    ['70', '5.25', '40', 'true', 'tanaka']
    >>> param_text(float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: A link can only carry finite numbers (got nan).
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"A link can only carry finite numbers (got {value}).")
        return f"{value:.6g}"
    return str(value)


def app_base(current_url: str, page_keys: Collection[str] = site.BY_KEY) -> str:
    """The app's own address: `current_url` without a page's path, query or fragment.

    The last path segment is taken as a page's path when it names a page in `page_keys`.

    >>> app_base("http://localhost:8501/heart-rate")
    'http://localhost:8501'
    >>> app_base("https://example.org/retroedu/calories?weight=80#top")
    'https://example.org/retroedu'
    >>> app_base("http://localhost:8501/")
    'http://localhost:8501'
    """
    parts = urlsplit(current_url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValueError(f"{current_url!r} is not a web address (http or https).")
    path = parts.path.rstrip("/")
    head, _, last = path.rpartition("/")
    if last.lower() in page_keys:
        path = head
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def page_url(base: str, page_path: str, params: Mapping[str, object]) -> str:
    """The link to `page_path` with `params` (settings whose value is None are left out).

    >>> page_url("http://h:1/app", "home", {"present": True})
    'http://h:1/app/?present=true'
    """
    query = urlencode(
        {key: param_text(value) for key, value in params.items() if value is not None}
    )
    address = f"{base.rstrip('/')}/{'' if page_path == site.HOME else page_path}"
    return f"{address}?{query}" if query else address


#: The one setting for the address patients reach RetroEdu at (an environment variable, read by
#: the app's glue and passed down as a plain value; see docs/deploy.md).
PUBLIC_URL_SETTING = "RETROEDU_PUBLIC_URL"
#: Host names a phone outside this computer cannot open: this machine, or names that only a local
#: network resolves.
LOCAL_NAMES = ("localhost",)
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")
HOST_NAME = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
)


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def is_loopback(host: str) -> bool:
    """True for this computer itself (no other device can open it).

    >>> [is_loopback(h) for h in ("127.0.0.1", "::1", "localhost", "app.localhost", "10.0.0.2")]
    [True, True, True, True, False]
    """
    name = host.lower().rstrip(".")
    ip = _ip(name)
    if ip is not None:
        return ip.is_loopback or ip.is_unspecified
    return name in LOCAL_NAMES or name.endswith(".localhost")


def is_local(host: str) -> bool:
    """True for an address a patient's phone cannot be counted on to open: this computer, a
    private, link-local or shared network address, a name without a dot, or a name only a local
    network resolves.

    >>> [is_local(h) for h in ("127.0.0.1", "192.168.1.20", "10.1.2.3", "fe80::1", "clinic-pc")]
    [True, True, True, True, True]
    >>> [is_local(h) for h in ("retroedu.example.org", "93.184.215.14", "pc.local", "2a00:1450::1")]
    [False, False, True, False]
    """
    name = host.lower().rstrip(".")
    ip = _ip(name)
    if ip is not None:
        return not ip.is_global
    return is_loopback(name) or "." not in name or name.endswith(LOCAL_SUFFIXES)


def public_address(text: str) -> str:
    """The address RetroEdu is reached at, as the deployment sets it in `PUBLIC_URL_SETTING`:
    an http(s) address with a host (and a path, if RetroEdu lives under one), checked and
    without a trailing slash. Anything else raises `ValueError` saying what to fix (a
    `ReaderError`: the handout's section says it in the reader's language).

    >>> public_address(" https://retroedu.example.org/ ")
    'https://retroedu.example.org'
    >>> public_address("http://192.168.1.20:8501/retroedu/")
    'http://192.168.1.20:8501/retroedu'
    >>> public_address("retroedu.example.org")
    Traceback (most recent call last):
    ...
    retroedu.content.i18n.ReaderError: RETROEDU_PUBLIC_URL must start with http:// or https:// and name a host, for example https://retroedu.example.org.
    """
    named = {"setting": PUBLIC_URL_SETTING, "example": "https://retroedu.example.org"}
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        raise ReaderError(
            N_(
                "{setting} is not a web address (check the host and the port); for example "
                "{example}."
            ),
            **named,
        ) from None
    host = parts.hostname or ""
    if parts.scheme not in {"http", "https"} or not host:
        raise ReaderError(
            N_(
                "{setting} must start with http:// or https:// and name a host, for example "
                "{example}."
            ),
            **named,
        )
    if parts.username is not None or parts.password is not None:
        raise ReaderError(
            N_("{setting} must not carry a user name or password: it is printed on every handout."),
            **named,
        )
    if parts.query or parts.fragment:
        raise ReaderError(
            N_(
                "{setting} must be the app's address only, without ?... or #...; for example "
                "{example}."
            ),
            **named,
        )
    if _ip(host) is None and not HOST_NAME.fullmatch(host):
        raise ReaderError(
            N_(
                "{setting} names a host with characters a web address cannot hold (letters, "
                "digits, dots and hyphens only; write international names in their xn-- form); "
                "for example {example}."
            ),
            **named,
        )
    if is_loopback(host):
        raise ReaderError(
            N_(
                "{setting} names this computer ({host}), which a patient's phone cannot open; "
                "give the address phones use, for example {example}."
            ),
            host=host,
            **named,
        )
    netloc = parts.netloc if port is None else f"{parts.netloc.rsplit(':', 1)[0]}:{port}"
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))


def reachable_base(public: str | None, current_base: str) -> str | None:
    """The base address a handout's QR code and link use: the configured public address when
    there is one, else the address the app is served at when a phone can open it, else None (no
    QR code: the sheet writes the settings out instead).

    >>> reachable_base("https://retroedu.example.org", "http://127.0.0.1:8501")
    'https://retroedu.example.org'
    >>> reachable_base(None, "https://retroedu.example.org/app"), reachable_base(None, "http://127.0.0.1:8501")
    ('https://retroedu.example.org/app', None)
    """
    if public:
        return public
    host = urlsplit(current_base).hostname or ""
    return None if is_local(host) else current_base
