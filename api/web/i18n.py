"""The interface's two languages: Vietnamese (default) and English, chosen by ?lang= or a cookie.

Words of the vocabulary come from the ontology's own @vi / @en labels; everything else the pages
say is in MESSAGES, one row per message.
"""
from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qs

from rdflib import RDFS, Literal, URIRef
from rdflib.namespace import SKOS

from plangraph.extract.schemas import ontology_graph

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
COOKIE = "lang"

# key: (Vietnamese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "site.tagline": ("Kế hoạch cấp tỉnh thành dữ liệu liên kết", "Provincial plans as linked data"),
    "nav.plans": ("Kế hoạch", "Plans"),
    "nav.who": ("Ai làm gì", "Who does what"),
    "nav.compare": ("So sánh", "Compare"),
    "nav.audit": ("Kiểm tra", "Audit"),
    "nav.queries": ("Câu hỏi sẵn có", "Ready questions"),
    "nav.sparql": ("SPARQL", "SPARQL"),
    "nav.ontology": ("Từ vựng", "Vocabulary"),
    "nav.dataset": ("Bộ dữ liệu", "Dataset"),
    "nav.docs": ("Tài liệu API", "API docs"),
    "nav.menu": ("Điều hướng chính", "Main navigation"),
    "nav.switch": ("English", "Tiếng Việt"),
    "search.label": ("Tìm kiếm", "Search"),
    "search.placeholder": ("vd. so van hoa", "e.g. so van hoa"),
    "search.button": ("Tìm", "Search"),
    "search.title": ("Tìm kiếm", "Search"),
    "search.results_of": ("Kết quả tìm", "Results for"),
    "search.matching": ("Khớp với", "Matching"),
    "search.ignored": ("không phân biệt dấu và chữ hoa", "marks and case ignored"),
    "search.results": ("kết quả", "results"),
    "search.none": ("Không có kết quả.", "Nothing matches."),
    "search.hint": ("Gõ tên kế hoạch, cơ quan hoặc tỉnh, có dấu hay không dấu đều được.",
                    "Type a plan title, an agency or a province, with or without diacritics."),
    "sparql.title": ("Truy vấn SPARQL", "SPARQL workbench"),
    "sparql.intro": ("Điểm truy vấn SPARQL 1.1 chỉ đọc. Đồ thị mặc định là hợp của đồ thị mọi văn bản nguồn; "
                     "kết quả hiện thành bảng.",
                     "A read-only SPARQL 1.1 endpoint. The default graph is the union of every source text's "
                     "graph; results show as a table."),
    "sparql.examples": ("Câu hỏi mẫu", "Ready examples"),
    "sparql.load": ("Mở câu hỏi", "Open example"),
    "sparql.open_in": ("Mở trong trình truy vấn SPARQL", "Open in the SPARQL workbench"),
    "sparql.query": ("Câu truy vấn", "Query"),
    "sparql.format": ("Định dạng", "Format"),
    "sparql.field": ("Tùy chọn của trình truy vấn", "Workbench setting"),
    "sparql.run": ("Chạy", "Run"),
    "sparql.endpoint": ("Địa chỉ điểm truy vấn", "Endpoint address"),
    "sparql.nojs": ("Trình duyệt chưa bật JavaScript: dùng biểu mẫu đơn giản dưới đây.",
                    "JavaScript is off: use the plain form below."),
    "docs.title": ("Tài liệu API", "API documentation"),
    "docs.intro": ("Mọi thao tác của API, với tham số và ví dụ (OpenAPI: ", "Every API operation with its "
                   "parameters and examples (OpenAPI: "),
    "ontology.title": ("Từ vựng plangraph", "plangraph vocabulary"),
    "ontology.classes": ("Lớp", "Classes"),
    "ontology.properties": ("Thuộc tính", "Properties"),
    "ontology.shapes": ("Ràng buộc SHACL", "SHACL shapes"),
    "ontology.term": ("Thuật ngữ", "Term"),
    "ontology.label": ("Nhãn", "Label"),
    "ontology.definition": ("Định nghĩa", "Definition"),
    "ontology.kind": ("Loại", "Kind"),
    "ontology.parent": ("Thuộc", "Broader"),
    "ontology.download": ("Tải Turtle", "Download Turtle"),
    "ontology.target": ("Áp dụng cho", "Applies to"),
    "ontology.severity": ("Mức độ", "Severity"),
    "ontology.message": ("Thông báo", "Message"),
    "ontology.path": ("Thuộc tính kiểm tra", "Checked property"),
    "ontology.version": ("Phiên bản", "Version"),
    "ontology.domain": ("Áp dụng cho lớp", "Domain"),
    "ontology.range": ("Giá trị thuộc lớp", "Range"),
    "ontology.shapes_intro": ("Các ràng buộc SHACL dùng để kiểm tra dữ liệu: Violation là lỗi cấu trúc, Warning là "
                              "lỗ hổng cần kiểm tra, Info là ghi chú.",
                              "The SHACL shapes the data is checked with: a Violation is structural breakage, a "
                              "Warning an audit gap, Info a note."),
    "ontology.shapes_link": ("Xem các ràng buộc SHACL", "See the SHACL shapes"),
    "resource.statements": ("Các phát biểu", "Statements"),
    "resource.referred": ("Được nhắc đến bởi", "Referred to by"),
    "void.title": ("Bộ dữ liệu", "Dataset"),
    "plans.title": ("Kế hoạch cấp tỉnh", "Provincial plans"),
    "plans.count": ("kế hoạch. Mỗi kế hoạch dẫn tới nhiệm vụ, cơ quan chủ trì, chỉ tiêu, thời hạn và đoạn văn bản gốc.",
                    "plans. Each links to its tasks, owners, indicators, deadlines and the text they came from."),
    "plans.questions": ("Câu hỏi sẵn có", "Ready-made questions"),
    "col.province": ("Tỉnh", "Province"), "col.number": ("Số hiệu", "Number"), "col.year": ("Năm", "Year"),
    "col.title": ("Tiêu đề", "Title"), "col.issuer": ("Cơ quan ban hành", "Issuer"),
    "col.sources": ("Văn bản nguồn", "Source texts"), "col.section": ("Mục", "Section"),
    "col.task": ("Nhiệm vụ", "Task"), "col.lead": ("Chủ trì", "Lead"), "col.coordinate": ("Phối hợp", "Coordinating"),
    "col.due": ("Thời hạn", "Due"), "col.evidence": ("Bằng chứng", "Evidence"),
    "col.indicator": ("Chỉ tiêu", "Indicator"), "col.target": ("Mục tiêu", "Target"),
    "col.date": ("Thời hạn", "Date"), "col.what": ("Nội dung", "What"), "col.who": ("Ai thực hiện", "Who"),
    "col.to": ("Báo cáo cho", "To whom"), "col.relation": ("Quan hệ", "Relation"),
    "plan.statements": ("Mọi phát biểu", "All statements"), "plan.sources": ("Văn bản nguồn", "Source texts"),
    "plan.tasks": ("Nhiệm vụ", "Tasks"), "plan.indicators": ("Chỉ tiêu", "Indicators"),
    "plan.deadlines": ("Thời hạn và báo cáo", "Deadlines and reports"),
    "plan.citations": ("Căn cứ và văn bản viện dẫn", "Legal basis and citations"),
    "plan.audit": ("Kiểm tra kế hoạch này", "Audit this plan"),
    "plan.no_owner": ("chưa có cơ quan chủ trì", "no owner"),
    "plan.no_tasks": ("Không tìm thấy nhiệm vụ nào trong văn bản.", "No tasks were found in this plan's text."),
    "plan.no_indicators": ("Không tìm thấy chỉ tiêu nào trong văn bản.",
                           "No indicators were found in this plan's text."),
    "plan.no_deadlines": ("Không tìm thấy thời hạn nào trong văn bản.", "No deadlines were found in this plan's text."),
    "date.annual": ("hằng năm", "every year"),
    "date.quarterly": ("hằng quý", "every quarter"),
    "date.monthly": ("hằng tháng", "every month"),
    "date.daily": ("hằng ngày", "every day"),
    "date.day": ("ngày {d} hằng tháng", "day {d} of every month"),
    "role.lead": ("chủ trì", "lead"),
    "role.coordinate": ("phối hợp", "coordinate"),
    "relation.implements": ("triển khai", "implements"),
    "relation.cites": ("viện dẫn", "cites"),
    "download.csv": ("Tải CSV", "Download CSV"),
    "download.json": ("JSON", "JSON"),
}

# Terms the ontology does not define (other vocabularies, query columns): key is the local name.
FIELDS: dict[str, tuple[str, str]] = {
    "id_local": ("Số hiệu", "Number"),
    "passed_by": ("Cơ quan ban hành", "Issued by"),
    "date_document": ("Ngày ban hành", "Date issued"),
    "jurisdiction": ("Tỉnh, thành phố", "Province"),
    "title": ("Tiêu đề", "Title"),
    "type_document": ("Loại văn bản", "Document type"),
    "based_on": ("Căn cứ", "Based on"),
    "ensures_implementation_of": ("Triển khai văn bản", "Implements"),
    "cites": ("Viện dẫn", "Cites"),
    "realizes": ("Thể hiện kế hoạch", "Text of plan"),
    "is_realized_by": ("Văn bản nguồn", "Source text"),
    "is_part_of": ("Thuộc phần", "Part of"),
    "has_part": ("Gồm phần", "Has part"),
    "type": ("Loại", "Type"),
    "label": ("Nhãn", "Label"),
    "prefLabel": ("Tên", "Name"),
    "altLabel": ("Tên khác", "Other name"),
    "notation": ("Mã", "Code"),
    "inScheme": ("Thuộc danh mục", "In scheme"),
    "classification": ("Loại cơ quan", "Agency kind"),
    "subOrganizationOf": ("Trực thuộc", "Part of organisation"),
    "transitiveSubOrganizationOf": ("Trực thuộc (gián tiếp)", "Within organisation"),
    "isReplacedBy": ("Được thay bằng", "Replaced by"),
    "wasDerivedFrom": ("Rút ra từ", "Derived from"),
    "exact": ("Trích dẫn", "Quote"),
    "start": ("Vị trí đầu", "Start offset"),
    "end": ("Vị trí cuối", "End offset"),
    "value": ("Giá trị", "Value"),
    "minValue": ("Giá trị nhỏ nhất", "Minimum"),
    "maxValue": ("Giá trị lớn nhất", "Maximum"),
    "unitText": ("Đơn vị", "Unit"),
    "repeatFrequency": ("Chu kỳ lặp", "Repeats every"),
    "seeAlso": ("Xem thêm", "See also"),
    "description": ("Mô tả", "Description"), "language": ("Ngôn ngữ", "Language"),
    "homepage": ("Trang chủ", "Home page"), "landingPage": ("Trang giới thiệu", "Landing page"),
    "sparqlEndpoint": ("Điểm truy vấn SPARQL", "SPARQL endpoint"), "triples": ("Số bộ ba", "Triples"),
    "uriSpace": ("Không gian IRI", "IRI space"), "vocabulary": ("Từ vựng dùng", "Vocabulary used"),
    "distribution": ("Cách truy cập", "Distribution"), "accessURL": ("Địa chỉ truy cập", "Access URL"),
    "accessService": ("Dịch vụ truy cập", "Access service"), "endpointURL": ("Địa chỉ dịch vụ", "Endpoint URL"),
    "servesDataset": ("Phục vụ bộ dữ liệu", "Serves dataset"),
    "endpointDescription": ("Mô tả dịch vụ", "Endpoint description"), "endpoint": ("Điểm truy vấn", "Endpoint"),
    "supportedLanguage": ("Ngôn ngữ truy vấn", "Query language"), "feature": ("Tính năng", "Feature"),
    "resultFormat": ("Định dạng kết quả", "Result format"), "defaultDataset": ("Bộ dữ liệu mặc định", "Default dataset"),
    "plan": ("Kế hoạch", "Plan"), "document": ("Văn bản nguồn", "Source text"),
    "province": ("Tỉnh", "Province"), "number": ("Số hiệu", "Number"), "issued": ("Ngày ban hành", "Issued"),
    "year": ("Năm", "Year"), "issuer": ("Cơ quan ban hành", "Issuer"),
    "signer_name": ("Người ký", "Signed by"), "signer_position": ("Chức vụ người ký", "Signer's position"),
    "period_start": ("Từ năm", "From"), "period_end": ("Đến năm", "To"), "horizon": ("Tầm nhìn", "Horizon"),
    "section": ("Mục", "Section"), "task_text": ("Nhiệm vụ", "Task"), "task": ("Nhiệm vụ", "Task"),
    "agency": ("Cơ quan", "Agency"), "role": ("Vai trò", "Role"), "subject": ("Chỉ tiêu", "Indicator"),
    "value_max": ("Đến", "Up to"), "unit": ("Đơn vị", "Unit"), "what": ("Nội dung", "What"),
    "date": ("Thời hạn", "Date"), "recurrence": ("Lặp lại", "Repeats"),
    "cited_number": ("Văn bản được dẫn", "Cited document"), "relation": ("Quan hệ", "Relation"),
    "amount": ("Số tiền", "Amount"), "period": ("Giai đoạn", "Period"), "due": ("Thời hạn", "Due"),
    "who": ("Ai thực hiện", "Who"), "to": ("Báo cáo cho", "To whom"),
}


def pick_language(query_string: str, cookie_header: str | None) -> str:
    """The language asked for by ?lang=, else by the cookie, else Vietnamese.

    >>> pick_language("lang=en", None), pick_language("", "lang=en; x=1"), pick_language("lang=fr", None)
    ('en', 'en', 'vi')
    """
    asked = parse_qs(query_string).get("lang", [""])[0]
    if asked in LANGUAGES:
        return asked
    for part in (cookie_header or "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == COOKIE and value in LANGUAGES:
            return value
    return DEFAULT


def message(key: str, lang: str) -> str:
    """One interface message in the language (Vietnamese when the key has no row: a bug shows)."""
    vi, en = MESSAGES[key]
    return en if lang == "en" else vi


@lru_cache(maxsize=1)
def _ontology_labels() -> dict[str, tuple[str, str]]:
    graph = ontology_graph()
    labels: dict[str, dict[str, str]] = {}
    for subject, label in graph.subject_objects(RDFS.label):
        if isinstance(subject, URIRef) and isinstance(label, Literal) and label.language in LANGUAGES:
            labels.setdefault(str(subject), {})[str(label.language)] = str(label)
    for subject, label in graph.subject_objects(SKOS.prefLabel):
        if isinstance(subject, URIRef) and isinstance(label, Literal) and label.language in LANGUAGES:
            labels.setdefault(str(subject), {}).setdefault(str(label.language), str(label))
    return {iri: (names.get("vi", names.get("en", "")), names.get("en", names.get("vi", "")))
            for iri, names in labels.items()}


def local_name(term: object) -> str:
    """The last part of an IRI (after '#' or '/').

    >>> local_name("http://data.europa.eu/eli/ontology#passed_by")
    'passed_by'
    """
    text = str(term)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rstrip("/").rsplit("/", 1)[-1]


def field_label(term: object, lang: str) -> str:
    """A readable name for a property, class or result column: the ontology's label, a table row,
    else the local name with its underscores and camel humps as spaces.

    >>> field_label("http://data.europa.eu/eli/ontology#passed_by", "en")
    'Issued by'
    >>> field_label("https://w3id.org/plangraph/ontology#leadAgency", "vi")
    'cơ quan chủ trì'
    >>> field_label("someNewField", "en")
    'some new field'
    """
    names = _ontology_labels().get(str(term)) or FIELDS.get(local_name(term))
    if names:
        return names[1] if lang == "en" else names[0]
    name = local_name(term)
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).replace("_", " ").lower()


_DURATIONS = {"P1Y": "annual", "P3M": "quarterly", "P1M": "monthly", "P1D": "daily"}
_DATE = re.compile(r"^(?:(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?"
                   r"|--(?P<md_month>\d{2})-(?P<md_day>\d{2})|---(?P<g_day>\d{2}))$")


def human_date(value: object, recurrence: object = "", lang: str = DEFAULT) -> str:
    """A due date as people write it: 20/11 hằng năm, 30/06/2025, 06/2026, 2025.

    >>> human_date("--11-20", "annual")
    '20/11 hằng năm'
    >>> human_date("2025-06-30", "", "en"), human_date("2026-06"), human_date("2025")
    ('30/06/2025', '06/2026', '2025')
    >>> human_date("--12-20", "P1Y", "en")
    '20/12 every year'
    >>> human_date("---15", "monthly", "en")
    'day 15 of every month'
    """
    text = "" if value is None else str(value).strip()
    every = str(recurrence or "").strip()
    every = _DURATIONS.get(every, every)
    match = _DATE.match(text)
    if not match:
        shown = text
    elif match["g_day"]:
        return message("date.day", lang).format(d=int(match["g_day"]))
    elif match["md_month"]:
        shown = f"{match['md_day']}/{match['md_month']}"
    elif match["day"]:
        shown = f"{match['day']}/{match['month']}/{match['year']}"
    elif match["month"]:
        shown = f"{match['month']}/{match['year']}"
    else:
        shown = match["year"]
    if every and f"date.{every}" in MESSAGES:
        return f"{shown} {message(f'date.{every}', lang)}".strip()
    return f"{shown} ({every})" if every else shown


Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


class LanguageCookie:
    """ASGI middleware: `?lang=en|vi` is remembered in a cookie for the following pages."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [""])[0]
        if asked not in LANGUAGES:
            await self.app(scope, receive, send)
            return

        async def remember(event: MutableMapping[str, Any]) -> None:
            if event["type"] == "http.response.start":
                cookie = f"{COOKIE}={asked}; Path=/; Max-Age=31536000; SameSite=Lax"
                event["headers"] = [*event.get("headers", []), (b"set-cookie", cookie.encode("latin-1"))]
            await send(event)

        await self.app(scope, receive, remember)
