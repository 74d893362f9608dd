"""What every page looks like, measured and compared: issue 13's contrast, layout, type-size and
screenshot checks, in the light and the dark theme, on a laptop, a phone and a projector.

Measured on every view (a page at one size in one theme), in RetroEdu's own content (the main
block and the sidebar's widgets; Streamlit's page menu, toolbar and header are left out):

- contrast of every visible text against what is really behind it, at least 4.5:1, or 3:1 for
  large text (24 px and up, or 18.66 px bold) and for icons. HTML text: its colour and opacity
  over the composited backgrounds of its ancestors. Chart text (axis titles, ticks, legend,
  annotations, slider labels, labels inside bars): its fill and opacity over every filled shape
  the browser painted under it (page, paper, plot area, legend box, bar, band), taken at five
  points along the text, the worst counting. Disabled controls are exempt, as in WCAG 1.4.3;
- chart labels neither cut off by the chart's edge nor overlapping each other;
- type at or above the floor for the screen: chart text 14 px on a laptop, 12 px on a phone; in
  presentation mode body text 28 px and chart text `PRESENT_CHART_TEXT_MIN_PX` at 1920x1080.

The first screen of each view, its charts masked (measured above instead), is compared with a
baseline PNG in tests/browser/snapshots/
(pixelmatch's colour distance, as Streamlit's own e2e suite, plus a 1-px shift tolerance).
After an intended change, `make snapshots` rewrites the baselines that differ
(UPDATE_SNAPSHOTS=1); look at them before committing. A mismatch leaves actual, expected and
diff images in artifacts/snapshot-failures/<name>/.

Each test loads one page once, in a browser context that prefers its theme (so the script's
st.context.theme.type is right on the first run), and checks it at each size by resizing the
window; a slide is reached with the deck's own arrow-key shortcut. The counts of views and texts
measured go to artifacts/visual-summary.json and the closing lines of the run.
"""

from __future__ import annotations

import io
import json
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    ARTIFACTS,
    CHART_SLIDES,
    PHONE,
    SLIDES,
    TOUR,
    WATCH_RUNS_JS,
    NewPage,
    assert_no_exception,
    deck_key,
    heading,
    open_page,
    settle,
)

pytestmark = pytest.mark.browser

# ---------------------------------------------------------------------------------------------
# Screens, floors and tolerances

LAPTOP = {"width": 1366, "height": 768}
PROJECTOR = {"width": 1920, "height": 1080}
PROJECTOR_720 = {"width": 1280, "height": 720}
SIZES = {"laptop": LAPTOP, "phone": PHONE, "1080p": PROJECTOR, "720p": PROJECTOR_720}
THEMES = ("light", "dark")

#: WCAG 2.x AA: normal text, and large text (24 px, or 18.66 px bold) and icons.
MIN_CONTRAST, MIN_CONTRAST_LARGE = 4.5, 3.0
#: Chart text, by screen. Presentation mode's chart floor is one constant for both projector
#: sizes (chart type is sized in px, not by the screen): raise it when the deck raises its type.
PRESENT_CHART_TEXT_MIN_PX = 20.0
CHART_TEXT_MIN_PX = {
    "laptop": 14.0,
    "phone": 12.0,
    "1080p": PRESENT_CHART_TEXT_MIN_PX,
    "720p": PRESENT_CHART_TEXT_MIN_PX,
}
#: Body text in presentation mode (paragraphs and lists; not controls, captions, tables, badges
#: or metric labels, which Streamlit draws at 0.875-0.9 of it): 28 px on a 1920 px screen;
#: assets/present.css scales the root size with the width (about 21 px at 1280 px).
BODY_TEXT_MIN_PX = {"1080p": 28.0, "720p": 21.0}
#: Two chart labels overlap when their letters' boxes (the text's box less the font's line gap,
#: 0.15 em at each end of a line) share more than this in both directions. A label is cut off
#: when it reaches more than CLIP_TOLERANCE_PX past the chart's drawing or the screen. [CSS px]
OVERLAP_TOLERANCE_PX = 2.0
CLIP_TOLERANCE_PX = 1.0

#: Snapshot comparison, as Streamlit's e2e `assert_snapshot` (pixelmatch): a pixel differs when
#: its YIQ colour distance exceeds PIXEL_THRESHOLD (0..1; 0.05 is Streamlit's default) with no
#: match within SHIFT_PX pixels; an image fails when more than IMAGE_THRESHOLD of its pixels
#: differ. Streamlit allows 0.2 % across machines; two renders here are identical (see the
#: README), so the limit is 0.02 %: about 210 px of a 1366x768 screen, under one changed word.
PIXEL_THRESHOLD = 0.05
IMAGE_THRESHOLD = 0.0002
SHIFT_PX = 1
SNAPSHOTS = Path(__file__).parent / "snapshots"
#: What a chart looks like in a screenshot compared with a baseline (see `compare_snapshot`).
CHART_MASK = "#C8CCD2"
SNAPSHOT_FAILURES = ARTIFACTS / "snapshot-failures"
#: Hidden in presentation-mode screenshots: there the help icons come out 16 or 28 px at random
#: from one load to the next (an app bug, reported), which would fail comparisons at random.
PRESENT_SCREENSHOT_STYLE = (
    "[data-testid='stTooltipIcon'] svg, [data-testid='stTooltipHoverTarget'] svg "
    "{ visibility: hidden !important; }"
)
#: `make snapshots` sets this to rewrite the baselines that no longer match.
UPDATE_SNAPSHOTS = os.environ.get("UPDATE_SNAPSHOTS", "") not in {"", "0"}
REFRESH = "make snapshots (UPDATE_SNAPSHOTS=1 pytest tests/browser/test_visual.py)"

#: What is measured: RetroEdu's content. The page menu, toolbar and header are Streamlit's.
ROOTS = ["[data-testid='stMain']", "[data-testid='stSidebarUserContent']"]
EXCLUDE = [
    "[data-testid='stHeader']",
    "[data-testid='stToolbar']",
    "[data-testid='stDecoration']",
    "[data-testid='stStatusWidget']",
    "[data-testid='stSidebarNav']",
    "[data-testid='stElementToolbar']",
    ".modebar-container",
]

# ---------------------------------------------------------------------------------------------
# The measurement, in the page

MEASURE_JS = r"""
({ roots, exclude }) => {
  const W = window.innerWidth;
  // ---- colours: [r, g, b, alpha] ----
  const pen = document.createElement('canvas').getContext('2d');
  function parse(c) {  // unknown (a pattern, a gradient) is null
    if (!c || c === 'none' || c === 'transparent') return [0, 0, 0, 0];
    let m = /^rgba?\(([^)]+)\)$/.exec(c.trim());
    if (!m) {  // hex, names, color(srgb ...): let a canvas normalise it
      pen.fillStyle = '#010203'; pen.fillStyle = c;
      const n = pen.fillStyle;
      if (n === '#010203' && !/^#010203$/i.test(c.trim())) return null;
      if (n[0] === '#') return [1, 3, 5].map(i => parseInt(n.slice(i, i + 2), 16)).concat([1]);
      m = /^rgba?\(([^)]+)\)$/.exec(n);
      if (!m) return null;
    }
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number.parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  const solid = c => parse(c) || [0, 0, 0, 0];
  function over(top, bottom) {  // source-over compositing
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const ch = i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
    return [ch(0), ch(1), ch(2), a];
  }
  const withAlpha = (c, k) => [c[0], c[1], c[2], c[3] * k];
  function luminance(c) {
    const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function contrast(fg, bg) {  // text alpha blended over the background first
    const a = luminance(over(fg, bg)), b = luminance(bg);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }
  const hex = c => '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('')
    + (c[3] < 0.995 ? `/${c[3].toFixed(2)}` : '');
  const num = (v, d) => { const n = Number.parseFloat(v); return Number.isNaN(n) ? d : n; };

  // ---- element properties, memoised ----
  const styles = new Map();
  const style = el => { let s = styles.get(el); if (!s) { s = getComputedStyle(el); styles.set(el, s); } return s; };
  const opacities = new Map();
  function opacity(el) {  // product of `opacity` up the tree
    if (!el || el.nodeType !== 1) return 1;
    if (opacities.has(el)) return opacities.get(el);
    const o = num(style(el).opacity, 1) * opacity(el.parentElement);
    opacities.set(el, o);
    return o;
  }
  const CANVAS = [document.documentElement, document.body].reduce(
    (c, e) => over(solid(style(e).backgroundColor), c), [255, 255, 255, 1]);
  const backgrounds = new Map();
  function background(el) {  // ancestors' background colours composited, over the canvas
    if (!el || el.nodeType !== 1) return { bg: CANVAS, unknown: false };
    if (backgrounds.has(el)) return backgrounds.get(el);
    const s = style(el);
    const own = withAlpha(solid(s.backgroundColor), num(s.opacity, 1));
    let found;
    if (own[3] >= 1) found = { bg: own, unknown: false };
    else {
      const below = background(el.parentElement);
      found = { bg: over(own, below.bg), unknown: below.unknown || s.backgroundImage !== 'none' };
    }
    backgrounds.set(el, found);
    return found;
  }
  const excluded = el => exclude.some(sel => el.closest(sel));
  // Whether any of a box is left by ancestors that hide their overflow and by the screen's
  // sides (a folded sidebar sits off screen). Inside a scrolling container, anything can be
  // scrolled into the container's own window, so from there on that window counts.
  function shown(el, box) {
    let l = box.left, r = box.right, t = box.top, b = box.bottom;
    for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
      const s = style(e);
      if (s.display === 'none') return false;
      const scrollX = s.overflowX === 'auto' || s.overflowX === 'scroll';
      const scrollY = s.overflowY === 'auto' || s.overflowY === 'scroll';
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
        const c = e.getBoundingClientRect();
        if (scrollX) { l = c.left; r = c.right; } else if (s.overflowX !== 'visible') { l = Math.max(l, c.left); r = Math.min(r, c.right); }
        if (scrollY) { t = c.top; b = c.bottom; } else if (s.overflowY !== 'visible') { t = Math.max(t, c.top); b = Math.min(b, c.bottom); }
      }
      if (r - l < 2 || b - t < 2) return false;
    }
    return Math.min(r, W) - Math.max(l, 0) >= 2;
  }
  function visible(el, box) {
    if (box.width < 2 || box.height < 2) return false;  // includes 1-px "screen reader only"
    const s = style(el);
    if (s.visibility !== 'visible' || s.display === 'none') return false;
    if (opacity(el) < 0.05) return false;
    return shown(el, box);
  }
  const round = v => Math.round(v * 100) / 100;
  const boxOf = b => [Math.round(b.left), Math.round(b.top), Math.round(b.width), Math.round(b.height)];

  const items = [];
  function add(kind, el, text, fg, bg, box, extra) {
    const s = style(el);
    const weight = Number.parseInt(s.fontWeight, 10) || 400;
    const px = num(s.fontSize, 0) * (extra.scale || 1);
    const icon = /Material Symbols/.test(s.fontFamily);
    const large = px >= 24 || (px >= 18.66 && weight >= 700);
    const disabled = !!el.closest('button:disabled, [aria-disabled="true"], input:disabled, textarea:disabled');
    const secondary = !!el.closest('table, small, sub, sup, .stMarkdownBadge, [data-testid="stCaptionContainer"], [data-testid="stMetricLabel"], [data-testid="stMetricDelta"]');
    const control = !!el.closest('button, a, summary, label, input, textarea, [role="button"], [role="tab"], [role="option"], [data-testid="stWidgetLabel"]');
    items.push({
      kind: icon ? 'icon' : kind, text: text.replace(/\s+/g, ' ').slice(0, 60),
      fg: hex(fg), bg: hex(bg), ratio: round(extra.ratio ?? contrast(fg, bg)),
      px: round(px), bold: weight >= 700, large, disabled, control, secondary, box: boxOf(box),
      where: extra.where, chart: extra.chart ?? null, bgUnknown: !!extra.bgUnknown,
    });
  }

  const rootEls = roots.map(r => document.querySelector(r)).filter(Boolean);
  // ---- HTML text ----
  for (const root of rootEls) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: n => n.nodeValue.trim() && !n.parentElement.closest('svg, script, style, noscript, template')
        ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
    });
    const done = new Set();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (done.has(el) || excluded(el)) continue;
      done.add(el);
      const range = document.createRange();
      range.selectNodeContents(n);
      const box = range.getBoundingClientRect();
      if (!visible(el, box)) continue;
      const fg = withAlpha(solid(style(el).color), opacity(el));
      const { bg, unknown } = background(el);
      const where = (el.closest('[data-testid]')?.getAttribute('data-testid') || '') + ' ' + el.tagName.toLowerCase();
      add('html', el, n.nodeValue.trim(), fg, bg, box, { where, bgUnknown: unknown });
    }
    // what is typed in a field is not a text node
    for (const el of root.querySelectorAll('input, textarea')) {
      if (['hidden', 'checkbox', 'radio', 'range', 'file'].includes(el.type) || !el.value || excluded(el)) continue;
      const box = el.getBoundingClientRect();
      if (!visible(el, box)) continue;
      const fg = withAlpha(solid(style(el).color), opacity(el));
      const { bg, unknown } = background(el);
      add('html', el, el.value, fg, bg, box, { where: 'field ' + el.tagName.toLowerCase(), bgUnknown: unknown });
    }
  }

  // ---- chart text (Plotly SVG) ----
  const overlaps = [], clipped = [];
  const charts = rootEls.flatMap(r => [...r.querySelectorAll('.js-plotly-plot')]);
  charts.forEach((gd, index) => {
    const holder = gd.closest("[data-testid='stPlotlyChart']") || gd;
    const chart = (gd.closest('[class*="st-key-"]')?.className.match(/st-key-[\w-]+/)?.[0] || `chart ${index + 1}`)
      + ' (' + (holder.getAttribute('aria-label') || gd.querySelector('[aria-label]')?.getAttribute('aria-label') || '').slice(0, 30) + ')';
    const order = new Map([...gd.querySelectorAll('*')].map((e, i) => [e, i]));
    const svgs = [...gd.querySelectorAll('svg.main-svg')];
    if (!svgs.length) return;
    // the page under the chart, then each drawing layer's own background (the paper)
    const base = svgs.reduce((c, s) => over(withAlpha(solid(style(s).backgroundColor), opacity(s)), c), background(holder).bg);
    // A hatched fill (a pattern): behind a text are both its background and its lines.
    function patternColours(fill) {
      const id = /url\(["']?#([^"')]+)/.exec(fill);
      const pattern = id && document.getElementById(id[1]);
      if (!pattern) return null;
      let back = [0, 0, 0, 0];
      const lines = [];
      for (const e of pattern.querySelectorAll('rect, path, circle')) {
        const s = style(e);
        const k = num(s.opacity, 1);
        if (e.tagName === 'rect') back = over(withAlpha(solid(s.fill), num(s.fillOpacity, 1) * k), back);
        const stroke = parse(s.stroke);
        if (stroke && s.stroke !== 'none') lines.push(withAlpha(stroke, num(s.strokeOpacity, 1) * k));
        else if (e.tagName !== 'rect') lines.push(withAlpha(solid(s.fill), num(s.fillOpacity, 1) * k));
      }
      return [back, ...lines.map(c => over(c, back))];
    }
    // every filled shape, in painting order: plot area, bars, bands, legend and annotation boxes
    const fills = [];
    for (const el of gd.querySelectorAll('path, rect, circle, ellipse, polygon')) {
      if (el.closest('defs, clipPath, mask, marker, pattern')) continue;
      const s = style(el);
      if (s.display === 'none' || s.visibility !== 'visible') continue;
      const k = num(s.fillOpacity, 1) * opacity(el);
      const plain = parse(s.fill);
      const colours = (plain ? [plain] : patternColours(s.fill) || []).map(c => withAlpha(c, k))
        .filter(c => c[3] >= 0.01);
      if (!colours.length) continue;
      const b = el.getBoundingClientRect();
      if (b.width < 1 || b.height < 1) continue;
      fills.push({ el, colours, b, at: order.get(el), m: null });
    }
    function behind(text, x, y) {  // every colour that may be behind (x, y): more than one on a hatch
      let layers = [base];
      const at = order.get(text);
      for (const p of fills) {
        if (p.at > at || x < p.b.left || x > p.b.right || y < p.b.top || y > p.b.bottom) continue;
        if (!p.m) { const ctm = p.el.getScreenCTM(); p.m = ctm ? ctm.inverse() : 'none'; }
        if (p.m === 'none') continue;
        if (!p.el.isPointInFill(new DOMPoint(x, y).matrixTransform(p.m))) continue;
        layers = layers.flatMap(bg => p.colours.map(c => over(c, bg)));
        if (layers.length > 8) layers = layers.slice(0, 8);
      }
      return layers;
    }
    const paper = svgs[0].getBoundingClientRect();
    const hs = style(holder);
    const edge = {
      l: Math.max(paper.left, 0, hs.overflowX === 'visible' ? -1e9 : holder.getBoundingClientRect().left),
      r: Math.min(paper.right, W, hs.overflowX === 'visible' ? 1e9 : holder.getBoundingClientRect().right),
      t: paper.top, b: paper.bottom,
    };
    const labels = [];
    for (const t of gd.querySelectorAll('text')) {
      const text = t.textContent.trim();
      if (!text) continue;
      const box = t.getBoundingClientRect();
      if (box.width < 1 || box.height < 1) continue;
      const s = style(t);
      if (s.display === 'none' || s.visibility !== 'visible' || opacity(t) < 0.05) continue;
      if (t.closest('.hoverlayer')) continue;  // nothing is hovered
      const fg = withAlpha(solid(s.fill), num(s.fillOpacity, 1) * opacity(t));
      // the worst of five points along the text's middle
      let worst = null;
      for (const k of [0.1, 0.3, 0.5, 0.7, 0.9]) {
        for (const bg of behind(t, box.left + k * box.width, box.top + box.height / 2)) {
          const r = contrast(fg, bg);
          if (!worst || r < worst.r) worst = { r, bg };
        }
      }
      const classes = [];
      for (let e = t; e && e !== gd; e = e.parentElement) classes.push(...e.classList);
      const has = re => classes.some(c => re.test(c));
      const axis = classes.map(c => /^([xy])\d*(tick|title)$|^g-([xy])\d*(title)$/.exec(c)).find(Boolean);
      const role = axis ? axis[0].replace(/^g-/, '')
        : has(/^g-gtitle$/) ? 'title' : has(/^legendtitletext$/) ? 'legend title' : has(/^legendtext$/) ? 'legend'
        : has(/^annotation$/) ? 'annotation' : has(/^slider-container$/) ? 'slider'
        : has(/^updatemenu-container$/) ? 'menu' : has(/^colorbar$/) ? 'colorbar'
        : has(/^(bartext|point|slice)$/) ? 'label in bar' : has(/^textpoint$/) ? 'label'
        : classes[0] || 'text';
      const ctm = t.getScreenCTM();
      add('chart', t, text, fg, worst.bg, box, {
        where: role, chart, ratio: worst.r, scale: ctm ? Math.hypot(ctm.a, ctm.b) : 1,
      });
      // the glyph box less the font's line gap (0.15 em at each end of a line), across the
      // line's direction: Source Sans' line box is 1.36 em, its letters about 1 em
      const gap = 0.15 * num(s.fontSize, 0) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
      const turned = ctm && Math.abs(ctm.b) > Math.abs(ctm.a);
      labels.push({ role, text: text.slice(0, 40), b: {
        left: box.left + (turned ? gap : 0), right: box.right - (turned ? gap : 0),
        top: box.top + (turned ? 0 : gap), bottom: box.bottom - (turned ? 0 : gap) } });
      const out = Math.max(edge.l - box.left, box.right - edge.r, edge.t - box.top, box.bottom - edge.b);
      if (out > 0) {
        clipped.push({ chart, where: role, text: text.slice(0, 40), out: round(out), box: boxOf(box),
          edge: [edge.l, edge.t, edge.r, edge.b].map(Math.round) });
      }
    }
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i].b, b = labels[j].b;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 0 && h > 0) {
          overlaps.push({ chart, a: `${labels[i].role} "${labels[i].text}"`,
            b: `${labels[j].role} "${labels[j].text}"`, w: round(w), h: round(h) });
        }
      }
    }
  });
  // one string: Playwright's own serialisation of thousands of objects is slow
  return JSON.stringify({ items, overlaps, clipped, charts: charts.length, canvas: hex(CANVAS) });
}
"""


# ---------------------------------------------------------------------------------------------
# Checks of one view


class KnownAppBugError(AssertionError):
    """Raised when a view's only problems are app bugs listed in KNOWN_BUGS (the test's xfail
    catches exactly this; anything else fails the test)."""


@dataclass(frozen=True)
class Known:
    """An app bug a test is expected to find: offenders of `check` in views whose name matches
    `views`, with a text matching `text` (regular expressions)."""

    check: str  # "contrast", "overlap", "clipped", "size"
    views: str
    text: str
    reason: str

    def covers(self, view: str, check: str, line: str) -> bool:
        return (
            check == self.check
            and re.search(self.views, view) is not None
            and re.search(self.text, line) is not None
        )


#: App bugs found by these tests, by test id. Each marks its test xfail(strict=True): the test
#: fails again as soon as the bug is fixed (then delete the entry) or anything else goes wrong.
KNOWN_BUGS: dict[str, list[Known]] = {}


@dataclass
class ViewResult:
    """What one view's checks found, one line per offender."""

    name: str
    problems: dict[str, list[str]] = field(default_factory=dict)
    record: dict[str, Any] = field(default_factory=dict)


def describe(item: dict[str, Any]) -> str:
    place = f"{item['chart']} {item['where']}" if item["chart"] else item["where"]
    return f"{place} {item['text']!r}"


def measure(page: Page, view: str, size: str, snapshot: str | None) -> ViewResult:
    """Measure the view open in `page` (contrast, cut-off and overlapping chart labels, type
    sizes for `size`) and compare its first screen with baseline `snapshot`."""
    result = ViewResult(view)
    # The screenshot first: measuring reads the page but must not be what is compared.
    started = time.perf_counter()
    style = PRESENT_SCREENSHOT_STYLE if size in BODY_TEXT_MIN_PX else None
    snap = compare_snapshot(page, snapshot, style) if snapshot else None
    compared = time.perf_counter()
    found: dict[str, Any] = json.loads(
        page.evaluate(MEASURE_JS, {"roots": ROOTS, "exclude": EXCLUDE})
    )
    measured = time.perf_counter()
    items = found["items"]
    html = [i for i in items if i["kind"] != "chart"]
    chart = [i for i in items if i["kind"] == "chart"]

    contrast = []
    for item in items:
        need = MIN_CONTRAST_LARGE if item["large"] or item["kind"] == "icon" else MIN_CONTRAST
        item["need"] = need
        if item["ratio"] < need and not item["disabled"]:
            contrast.append(
                f"{describe(item)}: {item['ratio']:.2f}:1 < {need}:1 ({item['fg']} on "
                f"{item['bg']}, {item['px']:g} px{' bold' if item['bold'] else ''})"
            )
    unknown_bg = [describe(i) for i in items if i["bgUnknown"]]
    overlaps = [
        f"{o['chart']}: {o['a']} x {o['b']} ({o['w']:g} x {o['h']:g} px)"
        for o in found["overlaps"]
        if min(o["w"], o["h"]) > OVERLAP_TOLERANCE_PX
    ]
    clipped = [
        f"{c['chart']} {c['where']} {c['text']!r}: {c['out']:g} px past the edge "
        f"(box {c['box']}, drawing {c['edge']})"
        for c in found["clipped"]
        if c["out"] > CLIP_TOLERANCE_PX
    ]
    small = [
        f"{describe(i)}: {i['px']:g} px < {CHART_TEXT_MIN_PX[size]:g} px"
        for i in chart
        if i["px"] < CHART_TEXT_MIN_PX[size]
    ]
    if size in BODY_TEXT_MIN_PX:
        floor = BODY_TEXT_MIN_PX[size]
        small += [
            f"{describe(i)}: {i['px']:g} px < {floor:g} px (body text)"
            for i in html
            if is_body(i) and i["px"] < floor
        ]
    result.problems = {
        "contrast": contrast,
        "unknown background": unknown_bg,
        "overlap": overlaps,
        "clipped": clipped,
        "size": small,
    }
    if snap:
        result.problems["snapshot"] = [snap["problem"]] if snap["problem"] else []
    result.record = {
        "view": view,
        "size": size,
        "charts": found["charts"],
        "html_texts": len(html),
        "chart_texts": len(chart),
        "low_contrast": len(contrast),
        "overlapping": len(overlaps),
        "clipped": len(clipped),
        "too_small": len(small),
        "worst_html_ratio": min((i["ratio"] for i in html if not i["disabled"]), default=None),
        "worst_chart_ratio": min((i["ratio"] for i in chart), default=None),
        "smallest_chart_px": min((i["px"] for i in chart), default=None),
        "problems": {k: v for k, v in result.problems.items() if v},
        "snapshot": snap,
        "seconds": {
            "snapshot": round(compared - started, 3),
            "measure": round(measured - compared, 3),
        },
    }
    return result


def is_body(item: dict[str, Any]) -> bool:
    """Body text: written content (markdown), not a control's label, a caption, a table, a
    badge or a metric's label."""
    return (
        item["kind"] == "html"
        and item["where"].startswith("stMarkdownContainer ")
        and not item["control"]
        and not item["secondary"]
    )


def known_key(request: pytest.FixtureRequest) -> str:
    """The test's name as KNOWN_BUGS lists it (without pytest-playwright's browser id)."""
    return request.node.name.replace("[chromium-", "[")


def verdict(test_id: str, results: Iterable[ViewResult], records: list[dict[str, Any]]) -> None:
    """Fail with every offender of every view; raise KnownAppBugError when the only offenders are
    app bugs listed for this test."""
    known = KNOWN_BUGS.get(test_id, [])
    new: list[str] = []
    expected: list[str] = []
    for result in results:
        records.append(result.record)
        for check, lines in result.problems.items():
            for line in lines:
                entry = f"[{result.name}] {check}: {line}"
                if any(k.covers(result.name, check, line) for k in known):
                    expected.append(entry)
                else:
                    new.append(entry)
    if new:
        listed = "\n  ".join(
            new[:60] + ([f"... and {len(new) - 60} more"] if len(new) > 60 else [])
        )
        also = f"\n(and {len(expected)} known app-bug offenders)" if expected else ""
        raise AssertionError(f"{len(new)} problems:\n  {listed}{also}")
    if expected:
        listed = "\n  ".join(expected[:30])
        raise KnownAppBugError(f"{len(expected)} offenders of known app bugs:\n  {listed}")


def param(test: str, test_id: str, *values: Any) -> Any:
    """A parameter set of `test` with id `test_id`, marked xfail(strict=True) when KNOWN_BUGS
    lists app bugs for `test[test_id]`."""
    bugs = KNOWN_BUGS.get(f"{test}[{test_id}]", [])
    reason = "; ".join(dict.fromkeys(k.reason for k in bugs))
    marks = [pytest.mark.xfail(strict=True, raises=KnownAppBugError, reason=reason)] if bugs else []
    return pytest.param(*values, id=test_id, marks=marks)


# ---------------------------------------------------------------------------------------------
# Snapshots

#: pixelmatch's largest YIQ distance: threshold t means a squared distance over 35215 * t * t.
MAX_YIQ_DELTA = 35215.0


def yiq_delta(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """pixelmatch's colour distance (Kotsarenko and Ramos' YIQ), squared, per pixel."""
    d = a - b
    y = d[..., 0] * 0.29889531 + d[..., 1] * 0.58662247 + d[..., 2] * 0.11448223
    i = d[..., 0] * 0.59597799 - d[..., 1] * 0.27417610 - d[..., 2] * 0.32180189
    q = d[..., 0] * 0.21147017 - d[..., 1] * 0.52261711 + d[..., 2] * 0.31114694
    return np.asarray(0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q)


def nearest_delta(a: np.ndarray, b: np.ndarray, shift: int) -> np.ndarray:
    """Per pixel of `a`, the smallest distance to a pixel of `b` at most `shift` px away."""
    h, w = a.shape[:2]
    padded = np.pad(b, ((shift, shift), (shift, shift), (0, 0)), mode="edge")
    best = yiq_delta(a, b)
    for dy in range(-shift, shift + 1):
        for dx in range(-shift, shift + 1):
            if dx or dy:
                moved = padded[shift + dy : shift + dy + h, shift + dx : shift + dx + w]
                np.minimum(best, yiq_delta(a, moved), out=best)
    return best


def different_pixels(actual: np.ndarray, expected: np.ndarray) -> tuple[np.ndarray, float]:
    """The pixels that differ (a boolean image) and the largest distance on pixelmatch's 0..1
    scale. A pixel differs when neither image has a pixel within SHIFT_PX of it that is closer
    than PIXEL_THRESHOLD (a glyph moved by one pixel is not a change)."""
    mask = np.zeros(actual.shape[:2], dtype=bool)
    changed = np.any(actual != expected, axis=2)
    if not changed.any():
        return mask, 0.0
    # Only the region that changed at all, with a margin for the shift.
    ys, xs = np.nonzero(changed)
    m = SHIFT_PX + 1
    y0, y1 = max(ys.min() - m, 0), min(ys.max() + m + 1, actual.shape[0])
    x0, x1 = max(xs.min() - m, 0), min(xs.max() + m + 1, actual.shape[1])
    a = actual[y0:y1, x0:x1].astype(np.float32)
    b = expected[y0:y1, x0:x1].astype(np.float32)
    delta = np.maximum(nearest_delta(a, b, SHIFT_PX), nearest_delta(b, a, SHIFT_PX))
    mask[y0:y1, x0:x1] = delta > MAX_YIQ_DELTA * PIXEL_THRESHOLD**2
    return mask, float(np.sqrt(delta.max() / MAX_YIQ_DELTA))


def optimised_png(image: Image.Image) -> bytes:
    """The smallest lossless PNG Pillow makes of `image` (a palette when it has <= 256 colours)."""
    rgb = image.convert("RGB")
    candidates = []
    if rgb.getcolors(256) is not None:
        pal = io.BytesIO()
        rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            pal, "PNG", optimize=True
        )
        candidates.append(pal.getvalue())
    plain = io.BytesIO()
    rgb.save(plain, "PNG", optimize=True)
    candidates.append(plain.getvalue())
    return min(candidates, key=len)


def compare_snapshot(page: Page, name: str, style: str | None = None) -> dict[str, Any]:
    """Screenshot the page's first screen and compare it with snapshots/<name>.png.

    Returns what was found: `problem` is None when it matches (or when UPDATE_SNAPSHOTS rewrote
    the baseline)."""
    baseline = SNAPSHOTS / f"{name}.png"
    failures = SNAPSHOT_FAILURES / name
    for old in failures.glob("*.png"):
        old.unlink()
    # Nothing moves and nothing is hovered: the pointer never entered the page.
    # Charts are masked: Plotly's own layout (legends above the plot push the margins by text it
    # measured) can land a few pixels apart from one load to the next on a busy machine. Their
    # text is checked by measurement instead (contrast, cut off, overlapping, size).
    png = page.screenshot(
        animations="disabled",
        caret="hide",
        scale="css",
        style=style,
        mask=[page.get_by_test_id("stPlotlyChart")],
        mask_color=CHART_MASK,
    )
    image = Image.open(io.BytesIO(png)).convert("RGB")
    actual = np.asarray(image)
    total = actual.shape[0] * actual.shape[1]
    found: dict[str, Any] = {"name": name, "pixels": total, "differ": None, "problem": None}

    def keep(*pairs: tuple[str, Image.Image]) -> str:
        failures.mkdir(parents=True, exist_ok=True)
        for kind, picture in pairs:
            picture.save(failures / f"{kind}_{name}.png")
        return str(failures.relative_to(ARTIFACTS.parent))

    if not baseline.exists():
        if UPDATE_SNAPSHOTS:
            baseline.parent.mkdir(parents=True, exist_ok=True)
            baseline.write_bytes(optimised_png(image))
            found["written"] = True
            return found
        where = keep(("actual", image))
        found["problem"] = (
            f"no baseline {baseline.name}; create it with {REFRESH} (this run's screen: {where})"
        )
        return found
    expected_image = Image.open(baseline).convert("RGB")
    expected = np.asarray(expected_image)
    if expected.shape != actual.shape:
        differ, largest = total, 1.0
        mask = None
    else:
        mask, largest = different_pixels(actual, expected)
        differ = int(mask.sum())
    found.update(differ=differ, share=differ / total, largest=round(largest, 4))
    if differ <= IMAGE_THRESHOLD * total:
        return found
    if UPDATE_SNAPSHOTS:
        baseline.write_bytes(optimised_png(image))
        found["written"] = True
        return found
    if mask is None:
        where = keep(("actual", image), ("expected", expected_image))
        found["problem"] = (
            f"{name}: size {image.size} differs from the baseline's {expected_image.size}; "
            f"see {where}; refresh with {REFRESH} if intended"
        )
        return found
    # pixelmatch's diff: a faded copy of the baseline, the differing pixels red
    grey = expected.astype(np.float32) @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    diff = np.repeat((grey * 0.1 + 255 * 0.9)[..., None], 3, axis=2)
    diff[mask] = (255, 0, 0)
    where = keep(
        ("actual", image),
        ("expected", expected_image),
        ("diff", Image.fromarray(diff.astype(np.uint8), "RGB")),
    )
    found["problem"] = (
        f"{name}: {differ / total:.3%} of pixels differ ({differ} px, limit "
        f"{IMAGE_THRESHOLD:.3%}; largest colour distance {largest:.2f}, threshold "
        f"{PIXEL_THRESHOLD}); see {where}; refresh with {REFRESH} if intended"
    )
    return found


# ---------------------------------------------------------------------------------------------
# Opening views


# Loads every face the page declares (a bold or italic face is otherwise fetched only when first
# drawn, after Plotly has measured its text in a fallback font), then waits for them.
LOAD_FONTS_JS = """async () => {
  await Promise.all([...document.fonts].map((face) => face.load().catch(() => null)));
  await document.fonts.ready;
}"""


def open_view(new_page: NewPage, url: str, theme: str, size: str) -> Page:
    """`url` in a new browser context that prefers `theme`, at screen `size`, settled, its
    charts drawn again once every font face has loaded (so their layout does not depend on
    which face arrived first)."""
    page = new_page(viewport=SIZES[size], color_scheme=theme)
    open_page(page, url)
    assert_no_exception(page)
    scheme = page.get_by_test_id("stApp").evaluate("app => getComputedStyle(app).colorScheme")
    assert scheme == theme, f"the app came up {scheme}, not {theme}"
    page.evaluate(LOAD_FONTS_JS)
    if page.get_by_test_id("stPlotlyChart").count():
        # A width change makes Streamlit draw each chart again, measuring with the loaded faces.
        wider = {**SIZES[size], "width": SIZES[size]["width"] + 1}
        page.set_viewport_size(wider)
        settle(page)
        resize(page, size)
    return page


def resize(page: Page, size: str) -> None:
    page.set_viewport_size(SIZES[size])
    settle(page)


def view_name(key: str, theme: str, size: str) -> str:
    return f"{key}-{theme}-{SIZES[size]['width']}x{SIZES[size]['height']}"


# ---------------------------------------------------------------------------------------------
# The deck in presentation mode: every slide at 1920x1080 in light, two in dark, and a slide
# with a chart and one without at 1280x720. Longest tests first (xdist hands out tests in order).

NO_CHART = next(n for n in range(1, len(SLIDES) + 1) if n not in CHART_SLIDES)
DECK_HALF = (len(SLIDES) + 1) // 2
#: (test id, theme, first slide, [(slide, size, snapshot?)]) in the order they are shown.
DECK_RUNS = [
    (
        "light-first-half",
        "light",
        1,
        [
            step
            for n in range(1, DECK_HALF + 1)
            for step in [(n, "1080p", True)]
            + ([(n, "720p", False)] if n in (NO_CHART, CHART_SLIDES[0]) else [])
        ],
    ),
    (
        "light-second-half",
        "light",
        DECK_HALF + 1,
        [(n, "1080p", True) for n in range(DECK_HALF + 1, len(SLIDES) + 1)],
    ),
    (
        "dark",
        "dark",
        min(NO_CHART, CHART_SLIDES[0]),
        [
            step
            for n in sorted({NO_CHART, CHART_SLIDES[0]})
            for step in [(n, "1080p", True), (n, "720p", False)]
        ],
    ),
]


def slide_name(n: int, theme: str, size: str) -> str:
    return view_name(f"team-talk-slide-{n}-present", theme, size)


@pytest.mark.parametrize(
    ("theme", "first", "steps"),
    [
        param("test_deck_in_presentation_mode", test_id, theme, first, steps)
        for test_id, theme, first, steps in DECK_RUNS
    ],
)
def test_deck_in_presentation_mode(
    request: pytest.FixtureRequest,
    new_page: NewPage,
    base_url: str,
    visual_records: list[dict[str, Any]],
    theme: str,
    first: int,
    steps: list[tuple[int, str, bool]],
) -> None:
    """Deck slides in presentation mode, reached with the deck's arrow-key shortcut: readable
    (contrast, labels, body text 28 px and chart text at the floor on a 1080p projector) and as
    in their baselines at 1920x1080."""
    size = steps[0][1]
    page = open_view(new_page, f"{base_url}/team-talk?slide={first}&present=true", theme, size)
    current, results = first, []
    for n, step_size, snap in steps:
        while current < n:
            deck_key(page, "ArrowRight")
            current += 1
            page.wait_for_function(
                "(n) => Number(new URL(location.href).searchParams.get('slide')) === n",
                arg=current,
            )
            settle(page)
            expect(heading(page)).to_have_text(SLIDES[current - 1])
        if step_size != size:
            resize(page, step_size)
            size = step_size
        name = slide_name(n, theme, size)
        results.append(measure(page, name, size, name if snap else None))
    verdict(known_key(request), results, visual_records)


# ---------------------------------------------------------------------------------------------
# The calculators in presentation mode

CALCULATORS = ["heart-rate", "calories"]


@pytest.mark.parametrize(
    ("key", "theme"),
    [
        param("test_calculator_in_presentation_mode", f"{key}-{theme}", key, theme)
        for key in CALCULATORS
        for theme in THEMES
    ],
)
def test_calculator_in_presentation_mode(
    request: pytest.FixtureRequest,
    new_page: NewPage,
    base_url: str,
    visual_records: list[dict[str, Any]],
    key: str,
    theme: str,
) -> None:
    """A calculator with ?present=true at 1920x1080 (compared with its baseline) and 1280x720:
    readable in the theme, large type, chart labels whole and apart."""
    page = open_view(new_page, f"{base_url}/{key}?present=true", theme, "1080p")
    name = view_name(f"{key}-present", theme, "1080p")
    results = [measure(page, name, "1080p", name)]
    resize(page, "720p")
    results.append(measure(page, view_name(f"{key}-present", theme, "720p"), "720p", None))
    verdict(known_key(request), results, visual_records)


# ---------------------------------------------------------------------------------------------
# Every registered page, both themes, laptop and phone


@pytest.mark.parametrize(
    ("key", "path", "theme"),
    [
        param("test_page_in_theme", f"{key}-{theme}", key, path, theme)
        for key, path in TOUR
        for theme in THEMES
    ],
)
def test_page_in_theme(
    request: pytest.FixtureRequest,
    new_page: NewPage,
    base_url: str,
    visual_records: list[dict[str, Any]],
    key: str,
    path: str,
    theme: str,
) -> None:
    """A registered page at 390x844 and 1366x768 in one theme: every text readable against what
    is behind it, chart labels whole, apart and at the size floor, and each first screen as in
    its baseline. Opened on the phone (where space is short, the load is the real thing), then
    widened: the sidebar opens and the charts redraw."""
    page = open_view(new_page, base_url + path, theme, "phone")
    results = []
    for size in ("phone", "laptop"):
        if size != "phone":
            resize(page, size)
        name = view_name(key, theme, size)
        results.append(measure(page, name, size, name))
    verdict(known_key(request), results, visual_records)


# ---------------------------------------------------------------------------------------------
# A live theme switch


@pytest.mark.parametrize(
    "key", [param("test_chart_text_stays_readable_on_a_live_theme_switch", "calories", "calories")]
)
def test_chart_text_stays_readable_on_a_live_theme_switch(
    request: pytest.FixtureRequest,
    new_page: NewPage,
    base_url: str,
    visual_records: list[dict[str, Any]],
    key: str,
) -> None:
    """Light, then the computer switches to dark with the page open: Streamlit re-themes the
    page without rerunning the script, so the figure still carries light colours; the CSS the
    app adds (retroedu/figures/style.py, chart_css) must keep every chart text readable."""
    page = open_view(new_page, f"{base_url}/{key}", "light", "laptop")
    page.evaluate(WATCH_RUNS_JS)
    page.emulate_media(color_scheme="dark")
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector(\"[data-testid='stApp']\"))"
        ".colorScheme === 'dark'"
    )
    settle(page)
    runs = page.evaluate("() => window.__retroRuns")
    assert runs == 0, f"the theme switch reran the script {runs} times; this test needs none"
    result = measure(page, f"{key}-live-switch-to-dark-1366x768", "laptop", None)
    verdict(known_key(request), [result], visual_records)
