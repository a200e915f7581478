"""Pages for researchers, auditors and evidence in context, in-process over the sample store."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from plangraph.api.storage.store import OxigraphStore
from plangraph.extract.iris import base_iri
from tests.conftest import inline_client, text_of

HTML = {"Accept": "text/html"}
TASKS = """PREFIX plan: <https://w3id.org/plangraph/ontology#>
SELECT (COUNT(DISTINCT ?task) AS ?n) WHERE { ?plan plan:hasTask ?task FILTER NOT EXISTS { ?task plan:leadAgency ?a } }"""


@pytest.fixture(scope="module")
def store(seed_store: Path) -> OxigraphStore:
    return OxigraphStore.in_memory_copy(seed_store)


@pytest.fixture(scope="module")
def client(seed_store: Path, store: OxigraphStore) -> Iterator[TestClient]:
    with inline_client(seed_store, store) as test_client:
        yield test_client


def local(iri: str) -> str:
    return iri[len(base_iri()):]


def test_user_pages_agency_lists_tasks_by_plan_with_province_in_title(client: TestClient) -> None:
    page = client.get("/org/bac-kan/so-tai-chinh", headers=HTML)
    assert page.status_code == 200
    assert re.search(r"<h1[^>]*>Sở Tài chính — Bắc Kạn</h1>", page.text)
    assert len(re.findall(r"<h1", page.text)) == 1
    rows = re.findall(r'<tr class="duty (\w+)">(.*?)</tr>', page.text, re.S)
    assert rows and all("/task/" in body for _, body in rows)
    tasks = [re.search(r'href="([^"]+/task/[^"]+)"', body).group(1) for _, body in rows]  # type: ignore[union-attr]
    assert len(tasks) == len(set(tasks))  # each task once, not once per inverse property
    assert "phối hợp với Sở Kế hoạch và Đầu tư" in text_of(page.text)


def test_user_pages_same_department_of_two_provinces_has_two_titles(client: TestClient) -> None:
    titles = {re.search(r"<h1[^>]*>(.*?)</h1>", client.get(f"/org/{p}/so-van-hoa-the-thao-va-du-lich",
                                                           headers=HTML).text).group(1)  # type: ignore[union-attr]
              for p in ("bac-kan", "lai-chau")}
    assert len(titles) == 2 and all("Sở Văn hóa, Thể thao và Du lịch" in t for t in titles)


def test_user_pages_who_filters_by_province_and_role(client: TestClient) -> None:
    every = client.get("/who")
    lai_chau = client.get("/who", params={"province": f"{base_iri()}/ref/province/lai-chau", "role": "lead"})
    assert every.status_code == lai_chau.status_code == 200
    rows = re.findall(r'<tr class="who-row[^"]*">(.*?)</tr>', lai_chau.text, re.S)
    assert 0 < len(rows) < len(re.findall(r'<tr class="who-row', every.text))
    assert all("Lai Châu" in text_of(r) and "chủ trì" in text_of(r) for r in rows)


def test_user_pages_audit_counts_each_task_without_lead_once(client: TestClient, store: OxigraphStore) -> None:
    expected = int(str(store.select(TASKS).rows[0]["n"]))
    page = client.get("/audit")
    assert page.status_code == 200
    assert f"Nhiệm vụ không có cơ quan chủ trì ({expected})" in text_of(page.text)
    assert len(re.findall(r'<tr class="finding no_lead">', page.text)) == expected
    assert 'id="shacl-findings"' in page.text


def test_user_pages_audit_csv_has_bom_and_every_finding(client: TestClient) -> None:
    response = client.get("/audit", params={"format": "csv"})
    assert response.status_code == 200 and response.text.startswith("\ufeff")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert {"gap", "shacl"} <= {r["kind"] for r in rows}
    assert all(r["text"] for r in rows if r["check"] == "no_lead")


def test_user_pages_evidence_shows_whole_text_with_span_marked(client: TestClient) -> None:
    plan_page = client.get("/eli/vn/bac-kan/qd/2021/1472-qd-ubnd", headers=HTML).text
    links = re.findall(r'class="evidence-link" href="([^"#]+)#span">([^<]+)</a>', plan_page)
    assert links
    href, quote = links[0]
    page = client.get(href, headers=HTML)
    assert page.status_code == 200
    marked = re.search(r'<mark id="span" class="span">(.*?)</mark>', page.text, re.S)
    assert marked and unescape(marked.group(1)) == unescape(quote)
    before = page.text[page.text.index('id="source-text"'):marked.start()]
    assert len(text_of(before)) > 100  # the text before the span is there too


def test_user_pages_named_query_page_has_form_table_downloads_and_sparql(client: TestClient) -> None:
    page = client.get("/queries/indicators_by_year", params={"year": "2025", "about": "thư viện"}, headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'id="query-form"' in page.text and 'id="param-year"' in page.text
    rows = re.findall(r"<tr>(.*?)</tr>", page.text.split('id="query-results"')[1], re.S)
    assert len(rows) > 1 and all("2025" in r for r in rows[1:])
    assert 'id="query-csv"' in page.text and 'id="query-json"' in page.text
    assert "SELECT" in page.text.split('id="query-sparql"')[1]
    assert client.get("/queries/indicators_by_year", params={"year": "2025"}).headers["content-type"].startswith(
        "application/json")  # a client that asks for nothing gets JSON, as before


def test_user_pages_named_query_page_without_parameters_shows_the_form_only(client: TestClient) -> None:
    page = client.get("/queries/indicators_by_year", headers=HTML)
    assert page.status_code == 200 and 'id="query-hint"' in page.text and 'id="query-results"' not in page.text
    bad = client.get("/queries/indicators_by_year", params={"year": "20x5"}, headers=HTML)
    assert bad.status_code == 422 and "not a valid year" in bad.text and 'id="query-form"' in bad.text


def test_user_pages_query_list_links_every_query_page(client: TestClient) -> None:
    page = client.get("/queries", headers=HTML)
    names = set(re.findall(r'class="query-link" href="/queries/(\w+)\?', page.text))
    assert names == {q["name"] for q in client.get("/queries").json()["queries"]}


@pytest.mark.parametrize("key", ["so-van-hoa-the-thao-va-du-lich", "Sở Văn hóa, Thể thao và Du lịch"])
def test_user_pages_agency_duties_takes_a_kind_by_short_name(client: TestClient, key: str) -> None:
    by_iri = client.get("/queries/agency_duties",
                        params={"kind": f"{base_iri()}/ref/agency-kind/so-van-hoa-the-thao-va-du-lich"}).json()
    by_name = client.get("/queries/agency_duties", params={"kind_key": key}).json()
    assert by_iri["rows"] and len(by_name["rows"]) == len(by_iri["rows"])
    assert {r["kind"] for r in by_name["rows"]} == {f"{base_iri()}/ref/agency-kind/so-van-hoa-the-thao-va-du-lich"}


def test_user_pages_task_page_names_its_agencies_and_links_its_evidence(client: TestClient) -> None:
    page = client.get("/eli/vn/bac-kan/qd/2021/1472-qd-ubnd/task/V.3-1", headers=HTML)
    assert page.status_code == 200
    lead = re.search(r'<dd class="lead">(.*?)</dd>', page.text, re.S)
    assert lead and text_of(lead.group(1)) == "Sở Tài chính"
    assert "Sở Kế hoạch và Đầu tư" in text_of(re.search(r'<dd class="coordinate">(.*?)</dd>', page.text, re.S).group(1))  # type: ignore[union-attr]
    assert re.search(r'class="evidence-link" href="/eli/vn/bac-kan/[^"]+/evidence/[^"]+#span"', page.text)


def test_user_pages_task_without_lead_says_so(client: TestClient) -> None:
    audit = client.get("/audit").text
    task = re.search(r'<tr class="finding no_lead"><td><a class="finding-link" href="([^"]+)"', audit)
    assert task
    page = client.get(task.group(1), headers=HTML)
    assert 'id="no-lead"' in page.text


@pytest.mark.parametrize("path", ["/who", "/audit", "/compare", "/org/bac-kan/so-tai-chinh", "/queries"])
def test_user_pages_speak_english_when_asked(client: TestClient, path: str) -> None:
    vi = text_of(client.get(path, params={"lang": "vi"}, headers=HTML).text)
    en = text_of(client.get(path, params={"lang": "en"}, headers=HTML).text)
    client.cookies.clear()  # the switch is remembered in a cookie
    words = {"/who": ("Ai làm gì", "Who does what"), "/audit": ("Kiểm tra", "Tasks without a lead"),
             "/compare": ("So sánh kế hoạch", "Compare plans"), "/org/bac-kan/so-tai-chinh": ("chủ trì", "lead"),
             "/queries": ("Câu hỏi sẵn có", "Ready questions")}[path]
    assert words[0] in vi and words[1] in en and words[1] not in vi.replace("English", "")


def test_user_pages_search_tells_same_named_agencies_apart(client: TestClient) -> None:
    page = client.get("/search", params={"q": "so van hoa", "lang": "vi"})
    client.cookies.clear()
    names = [text_of(a) for a in re.findall(r'<li class="result"><a href="/org/[^"]+">(.*?)</a>', page.text, re.S)]
    assert len(names) >= 2 and len(set(names)) == len(names)
    assert any(name.endswith("— Bắc Kạn") for name in names)
