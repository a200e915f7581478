"""The interface speaks Vietnamese, switches to English, and shows people's dates and field names."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from plangraph.extract.iris import base_iri
from tests.conftest import inline_client, text_of

HTML = {"Accept": "text/html"}
BAC_KAN = "/eli/vn/bac-kan/qd/2021/1472-qd-ubnd"


@pytest.fixture(scope="module")
def client(seed_store: Path) -> Iterator[TestClient]:
    with inline_client(seed_store) as test_client:
        yield test_client


def test_language_vietnamese_by_default_english_on_switch_and_remembered(client: TestClient) -> None:
    client.cookies.clear()
    page = client.get("/", headers=HTML)
    assert '<html lang="vi">' in page.text and "Kế hoạch cấp tỉnh" in page.text
    assert 'href="/?lang=en"' in page.text  # the switch
    english = client.get("/?lang=en", headers=HTML)
    assert '<html lang="en">' in english.text and "Provincial plans" in english.text
    assert "lang=en" in english.headers["set-cookie"]
    later = client.get("/search?q=bac", headers=HTML)  # the cookie carries the choice to the next page
    assert '<html lang="en">' in later.text and "Search" in text_of(later.text)
    back = client.get("/search?q=bac&lang=vi", headers=HTML)
    assert '<html lang="vi">' in back.text and "Tìm kiếm" in text_of(back.text)
    client.cookies.clear()


def test_language_dates_as_people_write_them(client: TestClient) -> None:
    client.cookies.clear()
    page = text_of(client.get(BAC_KAN, headers=HTML).text)
    assert "20/11 hằng năm" in page
    assert "--11-20" not in page and "(annual)" not in page
    english = text_of(client.get(BAC_KAN + "?lang=en", headers=HTML).text)
    assert "20/11 every year" in english
    client.cookies.clear()


def test_language_field_names_are_readable(client: TestClient) -> None:
    client.cookies.clear()
    page = client.get(BAC_KAN, headers=HTML).text
    headers = re.findall(r"<th>([^<]*)</th>", page)
    assert "Cơ quan ban hành" in headers and "Số hiệu" in headers
    assert not {"passed_by", "id_local", "date_document", "hasTask"} & set(headers)
    english = re.findall(r"<th>([^<]*)</th>", client.get(BAC_KAN + "?lang=en", headers=HTML).text)
    assert "Issued by" in english and "Number" in english
    client.cookies.clear()


def test_language_type_links_go_to_the_served_vocabulary(client: TestClient) -> None:
    page = client.get("/ref/province/ba-ria-vung-tau", headers=HTML).text
    links = re.findall(r'href="([^"]*)"', page)
    assert "/ontology#Province" in links
    assert not [link for link in links if link.startswith("https://w3id.org/plangraph/")]
    vocabulary = client.get("/ontology", headers=HTML)
    assert vocabulary.status_code == 200 and 'id="Task"' in vocabulary.text and "Nhiệm vụ" in vocabulary.text
    turtle = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle") and "plan:Task" in turtle.text
    shapes = client.get("/shapes", headers=HTML)
    assert 'id="TaskLead"' in shapes.text and "Nhiệm vụ không có cơ quan chủ trì." in shapes.text
    assert re.escape(base_iri()) in client.get("/shapes?format=turtle").text.replace("\\\\", "\\")


def test_language_query_pages_show_human_dates(client: TestClient) -> None:
    client.cookies.clear()
    page = text_of(client.get("/queries/deadlines", headers=HTML).text)
    assert "20/11" in page and "--11-20" not in page
