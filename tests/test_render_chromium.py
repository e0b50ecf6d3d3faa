"""The HTML brief as a person sees it: opened in headless Chromium (Debian's `chromium`).

Chromium is driven through the DevTools protocol over a websocket (websocket-client): no browser
download, no network (the page is a file:// URL and Chromium's background services are off). The
test records every request the page makes, scrolls to each chart and to the map, checks each is
visible and not blank, and keeps a full-page screenshot in build/test-artifacts/ (gitignored) and in
pytest's tmp dir.
"""

from __future__ import annotations

import base64
import io
import itertools
import json
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "build" / "test-artifacts"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions", "--mute-audio",
    "--hide-scrollbars", "--window-size=1280,900", "--remote-debugging-port=0", "--remote-allow-origins=*",
]


class Page:
    """The few DevTools calls the test needs: call a method, collect events while waiting."""

    def __init__(self, ws_url: str):
        import websocket  # websocket-client, a test dependency

        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.ids = itertools.count(1)
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        message_id = next(self.ids)
        self.ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, event: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == event for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {event} within {timeout} s")
            self.events.append(json.loads(self.ws.recv()))

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result["result"].get("value")

    def close(self) -> None:
        self.ws.close()


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    if CHROMIUM is None:
        pytest.fail("Debian's `chromium` is not installed: `./dev test` installs it (apt-get install chromium) when run as root.")
    profile = tmp_path_factory.mktemp("chromium-profile")  # a new, empty user-data-dir
    process = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.is_file() and port_file.read_text().strip()):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chromium did not start (exit code {process.poll()})")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def open_page(port: int) -> Page:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT")
    with urllib.request.urlopen(request, timeout=10) as response:
        target = json.loads(response.read())
    return Page(target["webSocketDebuggerUrl"])


def png_pixels(data: bytes) -> np.ndarray:
    import matplotlib.image

    return matplotlib.image.imread(io.BytesIO(data), format="png")


def load(page: Page, path: Path) -> tuple[list[str], list[dict]]:
    """Open the file; return (URLs requested other than the page itself, failed loads)."""
    page.call("Network.enable")
    page.call("Page.enable")
    page.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
    url = path.resolve().as_uri()
    page.call("Page.navigate", url=url)
    page.wait_for("Page.loadEventFired")
    time.sleep(0.3)  # let late requests (fonts, images) show up, were there any
    page.call("Runtime.evaluate", expression="1")  # drains pending events into page.events
    requested = [e["params"]["request"]["url"] for e in page.events if e.get("method") == "Network.requestWillBeSent"]
    failed = [e["params"] for e in page.events if e.get("method") == "Network.loadingFailed"]
    # data: URIs are content inside the file (matplotlib may inline a colour bar as one), not requests.
    return [u for u in requested if u != url and not u.startswith("data:")], failed


def test_brief_html_opens_with_no_request_and_every_chart_visible(default_brief, chromium, tmp_path):
    html_path = default_brief.out_dir / "brief.html"
    page = open_page(chromium)
    try:
        others, failed = load(page, html_path)
        assert others == [], f"brief.html requested {others}"
        assert failed == []
        keys = page.evaluate("Array.from(document.querySelectorAll('figure.chart')).map(f => f.id)")
        expected = {f"fig-{c.key}" for c in default_brief.charts}
        assert set(keys) == expected
        assert {"fig-pca", "fig-heatmap", "fig-map"} | {f"fig-profile-{c.number}" for c in default_brief.facts.clusters} <= set(keys)
        height = page.evaluate("window.innerHeight")
        for key in keys:
            box = page.evaluate(
                f"(() => {{ const svg = document.querySelector('#{key} svg'); svg.scrollIntoView({{block: 'center'}});"
                f" const r = svg.getBoundingClientRect(); return {{top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
                f" width: r.width, height: r.height, scrollX: window.scrollX, scrollY: window.scrollY,"
                f" marks: svg.querySelectorAll('path, use, text').length}}; }})()"
            )
            assert box["width"] > 300 and box["height"] > 150, (key, box)
            assert box["top"] >= 0 and box["bottom"] <= height and box["left"] >= 0 and box["right"] <= 1280, (key, box)
            assert box["marks"] > 20, (key, box)
            # The clip is in page coordinates: the box in the viewport plus the scroll offset.
            shot = page.call("Page.captureScreenshot", format="png", clip={"x": box["left"] + box["scrollX"], "y": box["top"] + box["scrollY"], "width": box["width"], "height": box["height"], "scale": 1})
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            (ARTIFACTS / f"{key}.png").write_bytes(base64.b64decode(shot["data"]))
            pixels = png_pixels(base64.b64decode(shot["data"]))[..., :3]
            ink = (pixels.mean(axis=2) < 0.9).mean()  # share of non-white pixels
            assert ink > 0.01, f"{key} looks blank ({ink:.4f} of pixels inked)"
        circles = page.evaluate("document.querySelectorAll('#fig-map g[id^=\"map-province-\"]').length")
        assert circles == 34  # every province placed on the map
        full = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
    finally:
        page.close()
    image = base64.b64decode(full["data"])
    assert png_pixels(image).shape[0] > 3000  # the whole brief, not one screen
    (tmp_path / "brief-chromium.png").write_bytes(image)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "brief-chromium.png").write_bytes(image)


PHONE_WIDTH = 390


def test_on_a_phone_the_page_never_scrolls_sideways_and_tables_scroll_in_their_containers(default_brief, chromium):
    page = open_page(chromium)
    try:
        page.call("Page.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=PHONE_WIDTH, height=844, deviceScaleFactor=1, mobile=True)
        page.call("Page.navigate", url=(default_brief.out_dir / "brief.html").resolve().as_uri())
        page.wait_for("Page.loadEventFired")
        layout = page.evaluate(
            "(() => { const wraps = Array.from(document.querySelectorAll('.table-wrap'));"
            " return {page: document.documentElement.scrollWidth, body: document.body.scrollWidth, viewport: window.innerWidth,"
            " tables: document.querySelectorAll('table').length, wrapped: document.querySelectorAll('.table-wrap > table').length,"
            " wraps: wraps.map(w => ({overflow: getComputedStyle(w).overflowX, right: w.getBoundingClientRect().right,"
            "   scrolls: w.scrollWidth > w.clientWidth + 1})),"
            " figures: Array.from(document.querySelectorAll('figure.chart svg')).map(s => s.getBoundingClientRect().right)}; })()"
        )
        assert layout["viewport"] == PHONE_WIDTH
        assert layout["page"] <= PHONE_WIDTH and layout["body"] <= PHONE_WIDTH, layout  # no sideways scroll of the page
        assert layout["tables"] == layout["wrapped"] > 10  # every table in its container
        assert all(w["overflow"] == "auto" and w["right"] <= PHONE_WIDTH for w in layout["wraps"])
        assert sum(w["scrolls"] for w in layout["wraps"]) >= len(default_brief.facts.clusters)  # the wide ones scroll inside
        assert all(right <= PHONE_WIDTH for right in layout["figures"])  # charts scale down
        moved = page.evaluate(
            "(() => { const w = Array.from(document.querySelectorAll('.table-wrap')).find(w => w.scrollWidth > w.clientWidth + 1);"
            " w.scrollLeft = 120; return [w.scrollLeft, window.scrollX]; })()"
        )
        assert moved[0] > 0 and moved[1] == 0  # the table moved, the page did not
        shot = page.call("Page.captureScreenshot", format="png")
    finally:
        page.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "brief-phone.png").write_bytes(base64.b64decode(shot["data"]))
