"""Start RetroEdu with `streamlit run app.py`, after checking the port, with a readable message on failure.

Used by `make run`. Exits with status 2 and one plain sentence (no traceback) when the port is taken
or invalid.
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def port_problem(host: str, port: int) -> str | None:
    """Why RetroEdu cannot listen on host:port, in one sentence, or None if it can."""
    if not 1 <= port <= 65535:
        return f"Port {port} is not a valid port number; choose one between 1 and 65535."
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (
                    f"Port {port} is already in use (is RetroEdu or another server already running?). "
                    f"Stop it, or start on another port: make run PORT={port + 1}"
                )
            if exc.errno == errno.EACCES:
                return f"Port {port} needs administrator rights; use a port above 1024, e.g. PORT=8501."
            return f"Cannot listen on {host}:{port}: {exc.strerror}."
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", default="8501", help="TCP port to serve on (default 8501)")
    parser.add_argument("--address", default="0.0.0.0", help="address to listen on (default all)")
    args = parser.parse_args(argv)
    try:
        port = int(args.port)
    except ValueError:
        print(f"RetroEdu: {args.port!r} is not a port number; use e.g. PORT=8501.", file=sys.stderr)
        return 2
    problem = port_problem(args.address, port)
    if problem:
        print(f"RetroEdu: {problem}", file=sys.stderr)
        return 2
    print(f"RetroEdu: starting on http://localhost:{port}  (Ctrl+C to stop)", flush=True)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "app.py"),
        "--server.port",
        str(port),
        "--server.address",
        args.address,
    ]
    os.chdir(ROOT)
    os.execv(sys.executable, command)
    return 0  # pragma: no cover  (execv does not return)


if __name__ == "__main__":
    sys.exit(main())
