"""Every page a visitor can reach from / (to depth 3), served as run.sh serves it: built with the
base of the port it is served on. Each answers HTML with one h1, a language, headings in order and
labelled form fields; every IRI a page
shows answers on that port; a browser at 390 px and 1280 px never scrolls sideways and fetches
nothing from another host."""
from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from browser import chromium, foreign, needs_chromium, requested
from test_server import Server, serve_from, stop

from plangraph.extract.paths import SAMPLE_CORPUS_DIR
from tests.processes import free_port

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
DEPTH = 3
PER_KIND = 1  # pages of one layout look alike: one of each kind goes to the browser


class Page(HTMLParser):
    """What the crawl needs from one page: its links, h1 count, language and the IRIs it shows."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.h1 = 0
        self.lang: str | None = None
        self.levels: list[int] = []
        self.labelled: set[str] = set()
        self.fields: list[tuple[str, bool]] = []  # (id, named by aria-label, title or an enclosing label)
        self.in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        # a link that declares another media type or a download is a file, not a page
        if tag == "a" and found.get("href") and "download" not in found and "type" not in found:
            self.links.append(str(found["href"]))
        if tag == "h1":
            self.h1 += 1
        if tag == "html":
            self.lang = found.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        if tag == "label":
            self.in_label += 1
            if found.get("for"):
                self.labelled.add(str(found["for"]))
        if tag in ("input", "select", "textarea") and found.get("type") not in ("hidden", "submit", "button"):
            named = bool(found.get("aria-label") or found.get("title") or self.in_label)
            self.fields.append((str(found.get("id") or ""), named))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self.in_label:
            self.in_label -= 1

    def unlabelled(self) -> list[str]:
        """Form fields that no <label for> names (nor an aria-label)."""
        return [field or "(no id)" for field, named in self.fields if not named and field not in self.labelled]

    def skipped_levels(self) -> list[int]:
        """Headings that go down more than one level at once (h1 then h3)."""
        return [b for a, b in zip([0] + self.levels, self.levels) if b > a + 1]


@dataclass
class Crawl:
    origin: str
    pages: dict[str, int] = field(default_factory=dict)  # path → depth
    problems: list[str] = field(default_factory=list)
    shown: dict[str, str] = field(default_factory=dict)  # IRI of this host → page it was shown on
    kinds: dict[str, list[str]] = field(default_factory=dict)


def kind(path: str) -> str:
    """Pages with the same layout share a kind: names and numbers in the path become '*'.

    >>> kind("/eli/vn/lai-chau/kh/2021/12-kh/task/V.1-2?lang=en")
    '/eli/vn/*/kh/*/*/task/*?lang'
    """
    parts = urlsplit(path)
    segments = ["*" if re.search(r"[\d\-.%_]", s) or len(s) > 14 else s for s in parts.path.split("/")]
    keys = sorted(k.split("=")[0] for k in parts.query.split("&") if k)
    return "/".join(segments) + ("?" + "&".join(keys) if keys else "")


def crawl(origin: str) -> Crawl:
    result = Crawl(origin)
    host = urlsplit(origin).netloc
    iri = re.compile(r"https?://(?:127\.0\.0\.1|localhost)(?::\d+)?/[^\s\"'<>)]*")
    queue = ["/"]
    result.pages["/"] = 0
    with httpx.Client(headers={"Accept": BROWSER_ACCEPT}, timeout=120) as client:
        while queue:
            path = queue.pop(0)
            response = client.get(origin + path)
            media = response.headers.get("content-type", "")
            if response.status_code != 200 or not media.startswith("text/html"):
                result.problems.append(f"{path}: {response.status_code} {media}")
                continue
            page = Page()
            page.feed(response.text)
            if page.h1 != 1 or not page.lang:
                result.problems.append(f"{path}: {page.h1} h1, lang={page.lang!r}")
            if page.skipped_levels() or page.unlabelled():
                result.problems.append(f"{path}: headings {page.levels}, unlabelled fields {page.unlabelled()}")
            result.kinds.setdefault(kind(path), []).append(path)
            for shown in iri.findall(response.text):
                result.shown.setdefault(shown.replace("&amp;", "&"), path)
            if result.pages[path] >= DEPTH:
                continue
            for link in page.links:
                target = urlsplit(urljoin(origin + path, link))
                if target.netloc != host or "format=" in target.query:
                    continue
                local = target.path + ("?" + target.query if target.query else "")
                if local not in result.pages:
                    result.pages[local] = result.pages[path] + 1
                    queue.append(local)
    return result


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`PORT=… bash scripts/run.sh` in short: build with the base of the port, then serve on it."""
    port = free_port()
    store = tmp_path_factory.mktemp("crawl") / "store"
    subprocess.run([sys.executable, "-m", "plangraph.api.cli", "build", str(SAMPLE_CORPUS_DIR), "--store", str(store),
                    "--base", f"http://127.0.0.1:{port}"], check=True, capture_output=True)
    running = serve_from(["--store", str(store)], port=port, PLANGRAPH_WORKERS="1", PLANGRAPH_PAGE_WORKERS="2")
    yield running
    stop(running)


@pytest.fixture(scope="module")
def crawled(server: Server) -> Crawl:
    return crawl(server.url)


def test_crawl_every_page_is_html_with_one_h1_a_language_ordered_headings_and_labels(crawled: Crawl) -> None:
    assert len(crawled.pages) > 50
    assert not crawled.problems, crawled.problems[:20]
    for route in ("/sparql", "/docs", "/ontology", "/shapes", "/void"):
        assert route in crawled.pages, route


def test_crawl_every_iri_shown_answers_on_the_served_port(server: Server, crawled: Crawl) -> None:
    elsewhere = {iri: page for iri, page in crawled.shown.items() if not iri.startswith(server.url + "/")}
    assert not elsewhere, list(elsewhere.items())[:10]
    minted = [iri for iri in crawled.shown if re.match(rf"{re.escape(server.url)}/(eli|org|ref|graph)/", iri)]
    assert len(minted) > 50
    with httpx.Client(headers={"Accept": BROWSER_ACCEPT}, timeout=120) as client:
        failing = [(iri, crawled.shown[iri], status) for iri in sorted(set(crawled.shown))
                   if (status := client.get(iri).status_code) != 200]
    assert not failing, failing[:10]


def _settle(driver: Any) -> None:
    """Wait until the page and its scripts have drawn (Yasgui and Swagger UI build their DOM late)."""
    for _ in range(50):
        if driver.execute_script("return document.readyState") == "complete":
            break
        time.sleep(0.1)
    for _ in range(50):  # the workbench and the API docs draw their content with scripts
        if driver.execute_script("return !document.querySelector('#yasgui, #swagger-ui') || "
                                 "!!document.querySelector('.CodeMirror, .opblock, .information-container')"):
            return
        time.sleep(0.1)


@needs_chromium[0]
@needs_chromium[1]
@pytest.mark.parametrize("width", [390, 1280])
def test_crawl_no_page_scrolls_sideways_or_fetches_from_another_host(server: Server, crawled: Crawl,
                                                                    width: int, tmp_path: Path) -> None:
    samples = sorted(path for paths in crawled.kinds.values() for path in paths[:PER_KIND])
    too_wide: list[str] = []
    outside: list[str] = []
    with chromium(width, 900) as driver:
        for path in samples:
            requested(driver)
            driver.get(server.url + path)
            _settle(driver)
            page_width, view = driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if page_width > view:
                too_wide.append(f"{path}: {page_width} > {view}")
                driver.save_screenshot(str(tmp_path / f"wide-{len(too_wide)}.png"))
            outside += foreign(requested(driver), server.url)
        driver.get(server.url + "/")
        _settle(driver)
        driver.save_screenshot(str(tmp_path / f"home-{width}.png"))
        assert driver.find_element("css selector", "h1").is_displayed()
    assert len(samples) > 10
    assert not too_wide, too_wide
    assert not outside, outside[:10]
