"""Pages in a real headless browser (Debian's chromium + chromedriver) against a running server."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import chromium, needs_chromium
from test_server import Server, serve, stop

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def server(seed_store: Path) -> Iterator[Server]:
    running = serve(seed_store, PLANGRAPH_WORKERS="2")
    yield running
    stop(running)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as driver:
        yield driver


def wait_for(driver: object, css: str) -> object:
    return WebDriverWait(driver, 30).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))  # type: ignore[arg-type]


def test_pages_plan_list_leads_to_plan_page_with_evidence(server: Server, browser: object) -> None:
    browser.get(f"{server.url}/")  # type: ignore[attr-defined]
    wait_for(browser, "#plans")
    links = browser.find_elements(By.CSS_SELECTOR, "a.plan-link")  # type: ignore[attr-defined]
    assert len(links) >= 3
    target = next(link for link in links if "Bắc Kạn" in link.text)
    title = target.text
    target.click()
    heading = wait_for(browser, "#plan-title")
    assert heading.text == title  # type: ignore[attr-defined]
    citations = browser.find_elements(By.CSS_SELECTOR, "#citations tr.citation")  # type: ignore[attr-defined]
    assert any("206/QĐ-TTg" in row.text for row in citations)
    quotes = browser.find_elements(By.CSS_SELECTOR, "blockquote.evidence")  # type: ignore[attr-defined]
    assert quotes and all(q.text.strip() for q in quotes)
    for section in ("#sources", "#citations"):
        assert browser.find_elements(By.CSS_SELECTOR, section)  # type: ignore[attr-defined]


def search(browser: object, text: str) -> list[str]:
    box = wait_for(browser, "#search-box")
    box.clear()  # type: ignore[attr-defined]
    box.send_keys(text, Keys.ENTER)  # type: ignore[attr-defined]
    WebDriverWait(browser, 30).until(  # type: ignore[arg-type]
        lambda d: d.find_elements(By.CSS_SELECTOR, "#results, #no-results"))
    return [r.text for r in browser.find_elements(By.CSS_SELECTOR, "li.result")]  # type: ignore[attr-defined]


def test_pages_search_ignores_diacritics(server: Server, browser: object) -> None:
    browser.get(f"{server.url}/")  # type: ignore[attr-defined]
    with_marks = search(browser, "Ủy ban nhân dân tỉnh Lạng Sơn")
    without_marks = search(browser, "uy ban nhan dan tinh lang son")
    assert with_marks and with_marks == without_marks
    assert any("Lạng Sơn" in text for text in with_marks)


def test_pages_agency_page_links_back_to_its_plan(server: Server, browser: object) -> None:
    browser.get(f"{server.url}/search?q=bac%20kan")  # type: ignore[attr-defined]
    wait_for(browser, "#results")
    agency = next(a for a in browser.find_elements(By.CSS_SELECTOR, "li.result a")  # type: ignore[attr-defined]
                  if "/org/" in a.get_attribute("href"))
    agency.click()
    wait_for(browser, "#resource-label")
    plans = browser.find_elements(By.CSS_SELECTOR, "main a.plan-link")  # type: ignore[attr-defined]
    assert any("/eli/vn/bac-kan/" in a.get_attribute("href") for a in plans)
