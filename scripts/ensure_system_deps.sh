#!/usr/bin/env bash
# Make the system tools the test suite needs available: a Chromium for the browser tests,
# poppler's pdftoppm for rendering the handout PDF, and nginx for the replicas-behind-a-proxy
# test. Uses what the machine has; otherwise tries Playwright's browser download (Chromium);
# otherwise, on Debian/Ubuntu as root, installs the distro packages.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

have_chromium() {
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || command -v google-chrome >/dev/null 2>&1 \
    || "$PY" - <<'PY' 2>/dev/null
import os, sys
from playwright.sync_api import sync_playwright
with sync_playwright() as p:
    sys.exit(0 if os.path.exists(p.chromium.executable_path) else 1)
PY
}

apt_install() {
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure_system_deps: installing $* with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    return 1
  fi
}

if ! have_chromium; then
  echo "ensure_system_deps: no Chromium found; trying Playwright's download" >&2
  "$PY" -m playwright install chromium >/dev/null 2>&1 || apt_install chromium || true
fi
if ! have_chromium; then
  echo "ensure_system_deps: could not find or install a Chromium. Install one (e.g. 'apt-get install chromium') and re-run." >&2
  exit 1
fi

if ! command -v pdftoppm >/dev/null 2>&1; then
  apt_install poppler-utils || {
    echo "ensure_system_deps: pdftoppm (poppler-utils) is missing; install it and re-run." >&2
    exit 1
  }
fi
have_nginx() {
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]
}
if ! have_nginx; then
  # nginx-light where it exists (Debian 12); plain nginx elsewhere. Only the binary is used: the
  # tests run it unprivileged on loopback with a generated config, so its service is not started.
  apt_install nginx-light || apt_install nginx || true
fi
if ! have_nginx; then
  echo "ensure_system_deps: nginx is missing; install it (e.g. 'apt-get install nginx') and re-run." >&2
  exit 1
fi
echo "ensure_system_deps: Chromium, pdftoppm and nginx are available."
