"""What researchers, analysts and auditors do, in a real headless browser, from `/` and without SPARQL.

Each journey saves a screenshot under the test's temporary folder and checks the text it needs is
visible on the page at that moment.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from test_pages import browser, server, wait_for  # noqa: F401  (module fixtures reused)
from test_server import Server

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

pytestmark = [pytest.mark.browser]


def visible_text(driver: object) -> str:
    return str(driver.find_element(By.TAG_NAME, "body").text)  # type: ignore[attr-defined]


def snapshot(driver: object, folder: Path, name: str, *expected: str) -> Path:
    """Save a screenshot and check that each expected text is visible on the page."""
    path = folder / f"{name}.png"
    assert driver.save_screenshot(str(path))  # type: ignore[attr-defined]
    assert path.stat().st_size > 5000
    shown = visible_text(driver)
    for text in expected:
        assert text in shown, f"{text!r} is not visible on {name}"
    return path


def open_home(driver: object, server_: Server) -> None:
    driver.set_window_size(1280, 900)  # type: ignore[attr-defined]
    driver.get(f"{server_.url}/")  # type: ignore[attr-defined]
    wait_for(driver, "#plans")


def test_user_journeys_researcher_finds_who_leads_a_task_in_a_province(
        server: Server, browser: object, tmp_path: Path) -> None:  # noqa: F811
    open_home(browser, server)
    browser.find_element(By.ID, "nav-who").click()  # type: ignore[attr-defined]
    wait_for(browser, "#who-filter")
    Select(browser.find_element(By.ID, "who-province")).select_by_visible_text("Bắc Kạn")  # type: ignore[attr-defined]
    Select(browser.find_element(By.ID, "who-role")).select_by_value("lead")  # type: ignore[attr-defined]
    browser.find_element(By.ID, "who-task").send_keys("bo tri kinh phi")  # type: ignore[attr-defined]
    browser.find_element(By.ID, "who-submit").click()  # type: ignore[attr-defined]
    wait_for(browser, "#who-tasks")
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "tr.who-task")  # type: ignore[attr-defined]
               if "phối hợp với Sở Kế hoạch và Đầu tư" in r.text)
    lead = row.find_element(By.CSS_SELECTOR, "td.lead a")
    assert lead.text == "Sở Tài chính"
    snapshot(browser, tmp_path, "who", "Sở Tài chính", "bố trí kinh phí")
    lead.click()
    heading = wait_for(browser, "h1")
    assert heading.text == "Sở Tài chính — Bắc Kạn"  # type: ignore[attr-defined]
    snapshot(browser, tmp_path, "agency", "Sở Tài chính — Bắc Kạn", "bố trí kinh phí", "chủ trì")


def test_user_journeys_analyst_compares_two_provinces(server: Server, browser: object,  # noqa: F811
                                                      tmp_path: Path) -> None:
    open_home(browser, server)
    browser.find_element(By.ID, "nav-compare").click()  # type: ignore[attr-defined]
    wait_for(browser, "#compare-form")
    for province in ("bac-kan", "lai-chau"):
        browser.find_element(  # type: ignore[attr-defined]
            By.CSS_SELECTOR, f"input[name=province][value$='/ref/province/{province}']").click()
    browser.find_element(By.ID, "compare-submit").click()  # type: ignore[attr-defined]
    WebDriverWait(browser, 30).until(  # type: ignore[arg-type]
        lambda d: d.find_elements(By.CSS_SELECTOR, "#chart-targets svg .mark-symbol path, #chart-targets svg path"))
    wait_for(browser, "#chart-coverage svg")
    heads = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#compare-indicators thead th")]  # type: ignore[attr-defined]
    assert heads[2:] == ["Bắc Kạn", "Lai Châu"]
    rows = browser.find_elements(By.CSS_SELECTOR, "#compare-indicators tr.indicator-row")  # type: ignore[attr-defined]
    both = [r for r in rows if all(td.text.strip() for td in r.find_elements(By.CSS_SELECTOR, "td")[1:])]
    assert both, "no indicator kind and year has targets in both provinces"
    assert "%" in both[0].text
    browser.execute_script("document.getElementById('charts').scrollIntoView()")  # type: ignore[attr-defined]
    snapshot(browser, tmp_path, "compare", "Bắc Kạn", "Lai Châu", "Chỉ tiêu phần trăm theo năm")
    svg = browser.find_element(By.CSS_SELECTOR, "#chart-targets svg")  # type: ignore[attr-defined]
    assert svg.is_displayed() and svg.size["width"] > 200 and svg.size["height"] > 100
    fetched = browser.execute_script(  # type: ignore[attr-defined]
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert fetched and all(url.startswith(server.url + "/") for url in fetched), fetched  # charts load nothing remote


def test_user_journeys_auditor_follows_a_no_lead_finding_to_its_source_text(
        server: Server, browser: object, tmp_path: Path) -> None:  # noqa: F811
    open_home(browser, server)
    browser.find_element(By.ID, "nav-audit").click()  # type: ignore[attr-defined]
    wait_for(browser, "#no_lead")
    finding = browser.find_element(By.CSS_SELECTOR, "#no_lead a.finding-link")  # type: ignore[attr-defined]
    text = finding.text
    snapshot(browser, tmp_path, "audit", "Nhiệm vụ không có cơ quan chủ trì", text[:40])
    finding.click()
    heading = wait_for(browser, "h1")
    assert heading.text == text  # type: ignore[attr-defined]
    snapshot(browser, tmp_path, "task", text[:40])
    browser.find_element(By.CSS_SELECTOR, "a[href*='/evidence/']").click()  # type: ignore[attr-defined]
    mark = wait_for(browser, "mark#span")
    WebDriverWait(browser, 10).until(  # type: ignore[arg-type]
        lambda d: 0 <= d.execute_script("return document.getElementById('span').getBoundingClientRect().top")
        < d.execute_script("return window.innerHeight"))
    assert mark.is_displayed() and mark.text.strip()  # type: ignore[attr-defined]
    assert " ".join(mark.text.split())[:30] == " ".join(text.split())[:30]  # type: ignore[attr-defined]
    snapshot(browser, tmp_path, "source", mark.text.strip()[:30])  # type: ignore[attr-defined]
