"""The SPARQL workbench and the API docs in a real browser: they work offline, from this server only."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from browser import chromium, foreign, needs_chromium, requested
from test_server import Server, serve, stop

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def server(seed_store: Path) -> Iterator[Server]:
    running = serve(seed_store, PLANGRAPH_WORKERS="1")
    yield running
    stop(running)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as driver:
        yield driver


def wait(driver: Any, css: str, timeout: float = 30) -> list[Any]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))  # type: ignore[no-any-return]


def test_workbench_yasgui_query_shows_a_table(server: Server, browser: Any, tmp_path: Path) -> None:
    requested(browser)
    browser.get(f"{server.url}/sparql")
    wait(browser, ".yasqe_queryButton")[0].click()
    cells = wait(browser, ".yasr table tbody tr td")
    browser.save_screenshot(str(tmp_path / "sparql.png"))
    assert (tmp_path / "sparql.png").stat().st_size > 10_000
    visible = browser.find_element("css selector", ".yasr").text
    assert "Lạng Sơn" in visible and "title" in visible  # a plan title in a column headed by the variable
    assert len(cells) >= 8
    assert not foreign(requested(browser), server.url)
    unnamed = browser.execute_script(
        "return Array.from(document.querySelectorAll('#yasgui input, #yasgui select, #yasgui textarea'))"
        ".filter(f => !f.getAttribute('aria-label') && !(f.id && document.querySelector(`label[for='${f.id}']`)))"
        ".map(f => f.outerHTML.slice(0, 80))")
    assert not unnamed, unnamed


def test_workbench_named_query_example_runs(server: Server, browser: Any) -> None:
    from selenium.webdriver.support.ui import Select
    browser.get(f"{server.url}/sparql")
    wait(browser, ".yasqe_queryButton")
    Select(browser.find_element("css selector", "#example-select")).select_by_value("tasks_by_agency")
    browser.find_element("css selector", "#example-load").click()
    query = browser.execute_script("return window.yasgui.getTab().getQuery()")
    where = query.split("WHERE", 1)[1].split("GROUP BY")[0]
    # every use of the parameter is its value; only a subquery's projection still names it
    assert "\"so van hoa\"" in query and all("SELECT" in line for line in where.splitlines() if "?agency_key" in line)
    browser.find_element("css selector", ".yasqe_queryButton").click()
    wait(browser, ".yasr table tbody tr td")
    assert "Sở Văn hóa" in browser.find_element("css selector", ".yasr").text


def test_workbench_docs_served_without_cdn(server: Server, browser: Any, tmp_path: Path) -> None:
    requested(browser)
    browser.get(f"{server.url}/docs")
    operations = wait(browser, ".opblock")
    browser.save_screenshot(str(tmp_path / "docs.png"))
    assert any("/queries/tasks_by_agency" in op.text for op in operations)
    assert not foreign(requested(browser), server.url)
    page = httpx.get(f"{server.url}/docs").text
    assert "cdn." not in page and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert httpx.get(f"{server.url}/redoc").status_code == 404


def test_workbench_opens_a_named_query_from_its_link(server: Server, browser: Any) -> None:
    browser.get(f"{server.url}/sparql?example=reporting_calendar")
    wait(browser, ".yasqe_queryButton")
    assert "reporting" in browser.execute_script("return window.yasgui.getTab().getQuery()").lower()
    assert browser.find_element("css selector", "#example-select").get_attribute("value") == "reporting_calendar"
