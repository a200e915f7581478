"""The plan's own facts: type, number, dates, province, issuer, title, signer, period, citations."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from plangraph.extract import header
from plangraph.extract.citations import (DATE_AFTER, DOC_NUMBER, SHORT_NAMES, Citation, doc_types, find_citations,
                                        type_of_number)
from plangraph.extract.iris import content_digest
from plangraph.extract.layout import paragraph_cues
from plangraph.extract.normalize import MARKER, fold, is_caps, strip_marks
from plangraph.extract.reference import find_province, province_named
from plangraph.extract.rules import compile_regex, finditer_at, read_table

_LAW = re.compile(r"\bLuật\s+(?P<name>[A-ZĐ][\wđ]*(?:\s+(?!ngày|số|và|của|năm|tại|đã|được)[\wđ]+)*)")
_LAW_WORD = re.compile("Luật")  # where `_LAW` can start (the engine tries its leading \b at every position)
_PERIOD_HEADING_WORDS = 8  # "Giai đoạn 2021 - 2025", not a paragraph that mentions a period
_HEADER_CHARS = 1500  # a date line with no province in it is only trusted this near the top


@dataclass(frozen=True)
class PlanInfo:
    doc_type: str
    type_code: str
    number: str | None
    issued: str | None
    year: int | None
    province: str | None
    issuer: str | None
    title: str | None
    title_span: tuple[int, int] | None
    signer_name: str | None
    signer_position: str | None
    period_start: int | None
    period_end: int | None
    horizon: int | None
    laws: tuple[str, ...]
    citations: tuple[Citation, ...]
    digest: str = ""  # of the whole text: names a plan that its number and title cannot


@lru_cache(maxsize=1)
def _header() -> dict[str, re.Pattern[str]]:
    rows = read_table("plan_header.tsv", ("id", "kind", "cue"))
    return {row["kind"]: compile_regex(row, "cue", re.MULTILINE | re.IGNORECASE) for row in rows}


@lru_cache(maxsize=1)
def _issuers() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = read_table("issuers.tsv", ("id", "cue", "name"))
    return tuple((compile_regex(row, "cue", 0), row["name"]) for row in rows)


def _caps_lines(text: str) -> list[tuple[int, str]]:
    found = []
    position = 0
    for line in text.split("\n"):
        if is_caps(line, 4):
            found.append((position, line.strip()))
        position += len(line) + 1
    return found


def _doc_type_and_title(text: str, after: int) -> tuple[str, tuple[int, int] | None]:
    """The instrument's type and the span of the plan's title (a decision carrying a plan: the plan's)."""
    names = {fold(name): name for name in doc_types().values()}
    typed = [(position, line, names[fold(line.strip(" |:"))]) for position, line in _caps_lines(text)
             if fold(line.strip(" |:")) in names]  # "QUYẾT ĐỊNH:" too, a decision's enacting words
    plan_lines = [position + len(line) for position, line, name in typed if name == "Kế hoạch"]
    instrument, span = header.find_title(text, after, plan_lines, _type_names())
    if typed and (instrument is None or typed[0][0] < after):
        instrument = typed[0][2]
    return instrument or "Kế hoạch", span


@lru_cache(maxsize=1)
def _type_names() -> dict[str, str]:
    """Folded instrument names as a header writes them ("chương trình hành động") → type names."""
    names = {fold(name): name for name in doc_types().values()}
    names["chương trình hành động"] = names.get("chương trình", "Chương trình")
    names["kế hoạch hành động"] = names.get("kế hoạch", "Kế hoạch")
    return names


# a short name the text gives a document it names: "… Đề án đổi mới … thủ tục hành chính (sau đây gọi là Đề án)"
_DEFINED = re.compile(r"\(\s*(?:sau\s+đây\s+)?(?:gọi|viết)(?:\s+tắt)?\s+là\s*:?\s*[“\"]?(?P<short>[^()“”\"]{2,40}?)[”\"]?\s*\)",
                      re.IGNORECASE)
_DEFINED_REACH = 300  # how far before its short name the named document's name starts, in characters


def _spelled_out(title: str, text: str, before: int) -> str:
    """A title that uses a short name defined before it (an issuing sentence's "… ban hành Kế hoạch
    triển khai thực hiện Đề án trên địa bàn tỉnh") with the name in full: "… thực hiện Đề án đổi mới
    việc thực hiện cơ chế một cửa … trên địa bàn tỉnh"."""
    for defined in _DEFINED.finditer(text, 0, before):
        short = defined["short"].strip()
        named = text.lower().rfind(short.lower(), max(0, defined.start() - _DEFINED_REACH), defined.start())
        if named < 0 or len(re.findall(rf"(?<!\w){re.escape(short)}(?!\w)", title)) != 1:
            continue
        full = " ".join(text[named:defined.start()].split())
        if len(full) > len(short):
            title = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", lambda _: full, title)
    return title


def _iso(day: str | None, month: str | None, year: str | None) -> str | None:
    if not (day and month and year):
        return None
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def extract_plan(text: str, outline_titles: list[str], opening_end: int | None = None,
                 first_items: tuple[tuple[str, str], ...] = ()) -> PlanInfo:
    """Plan metadata from a clean text, the titles of its headings (for period headings), where
    its first part starts (the end of its opening, which says what the plan carries out) and the
    (heading title, first paragraph) of its sections (a general objective may state the period)."""
    cue = _header()
    number_match = cue["number"].search(text)
    number = None
    value = header.number_value(number_match) if number_match else None  # "2891/QĐ -UBND" read whole
    flat_number = header.own_number(text)
    if flat_number and (value is None or (flat_number.start() < number_match.start() and value.startswith("/"))):  # type: ignore[union-attr]
        value = header.number_value(flat_number)
    dateline = _dateline(text)
    after = max(dateline.end() if dateline else 0, flat_number.end() if flat_number else 0,
                number_match.end() if number_match and number_match.start() < header.HEAD_CHARS else 0)
    doc_type, title_span = _doc_type_and_title(text, after)
    title = SHORT_NAMES.sub("", header.squeeze(text[title_span[0]:title_span[1]])) if title_span else None
    if title and title_span:
        title = _spelled_out(title, text, title_span[0])
    type_code = next((c for c, n in doc_types().items() if n == doc_type), "KH")
    if value:
        if DOC_NUMBER.fullmatch(value):
            number = value
        if "/" in value:
            type_code = type_of_number(value if value[0].isdigit() else "0" + value)
    issued = year = None
    place = None
    if dateline:
        issued = _iso(dateline["day"], dateline["month"], dateline["year"])
        year = int(dateline["year"])
        place = find_province(dateline["place"], loose_spacing=True)
    elif field := header.issued_field(text):
        issued = _iso(field["day"], field["month"], field["year"])
        year = int(field["year"])
    attached = cue["attached"].search(text)
    if attached and DOC_NUMBER.fullmatch(attached["value"]):
        if number is None and fold(attached["type"]) == fold(doc_type):
            number = attached["value"]
            type_code = type_of_number(number)
        date = DATE_AFTER.match(attached["rest"])
        if date and issued is None and number == attached["value"]:
            issued = _iso(date["day"], date["month"], date["year"])
            year = int(date["year"])
    named = _province_from_header(text)
    if place and named and f" {fold(named)}".endswith(f" {fold(place)}"):  # "Thừa\nThiên Huế, ngày …" under "TỈNH THỪA THIÊN HUẾ"
        place = named
    province = named or place or (find_province(title) if title else None)
    signer_name, signer_position, body = _signer(text)
    if not signer_name:
        signer_name, field_position = header.signer_field(text)
        signer_position = signer_position or field_position
    if not signer_name:
        signer_name, run_in_position = _run_in_signature(text)
        signer_position = signer_position or _position_case(run_in_position)
    authority = header.authority(text)
    issuer = _issuer(body or "", province) or _issuer(header.squeeze(authority.group()) if authority else "", province)
    if issuer is None and number and province:  # a header whose issuer cell is empty: "665/KH-UBND" names it
        issuer = _issuer(number.rsplit("-", 1)[-1], province)
    end = opening_end or _opening_end_without_outline(text)
    period_start, period_end, horizon = _ended_before(_period(title or "", outline_titles), year)
    if period_start is None and period_end and year and cue["from_now"].search(title or ""):
        period_start = year  # "TỪ NAY ĐẾN NĂM 2015": from the year the plan was issued
    if (period_start, period_end, horizon) == (None, None, None):
        period_start, period_end, horizon = _ended_before((*_objective_period(first_items), None), year)
    if (period_start, period_end, horizon) == (None, None, None) and (issuing := cue["issuing"].search(text, 0, end)):
        # "… ban hành Kế hoạch … năm 2016 …, như sau:"
        period_start, period_end, horizon = _ended_before(_period(issuing["name"], []), year)
    openings: tuple[tuple[int, int], ...] = ((0, end),)
    if title_span and title_span[0] > end:  # a plan attached to a decision: its own opening
        found = _header()["opening_end"].search(text, title_span[1], title_span[1] + header.HEAD_CHARS)
        openings += ((title_span[1], found.end() if found else title_span[1]),)
    elif title_span:  # the title's "THỰC HIỆN …" opens no clause of the opening: it starts after the title
        openings = ((0, title_span[0]), (title_span[1], end))
    start = header.block_start(text)  # a portal's lists above the header are not the plan's text
    carried_out = title or ""
    if not cue["implementing"].search(carried_out) and (article := cue["issued-with"].search(text, start)):
        # a decision whose title names no programme: "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực
        # hiện Chương trình phòng, chống ma túy …" says what its plan carries out
        carried_out = article["name"]
    citations = find_citations(text, number, carried_out, openings,
                               bool(cue["implementing"].search(carried_out)), cue["approves"], start)
    return PlanInfo(doc_type, type_code, number, issued, year, province, issuer, title, title_span,
                    signer_name, signer_position, period_start, period_end, horizon,
                    _laws(text[start:]), citations,
                    content_digest(text) if not (number and year) and not (title and not number) else "")


def lists_basis(heading: str) -> bool:
    """Whether a heading says what stands under it lists what the plan rests on ("I. CĂN CỨ XÂY DỰNG
    KẾ HOẠCH", "CƠ SỞ PHÁP LÝ", "1. Các văn bản chỉ đạo"): it belongs to the opening.

    >>> lists_basis("CĂN CỨ PHÁP LÝ XÂY DỰNG KẾ HOẠCH"), lists_basis("MỤC ĐÍCH, YÊU CẦU")
    (True, False)
    """
    return bool(_header()["basis"].match(heading.strip()))


def _opening_end_without_outline(text: str) -> int:
    """Where the opening of a text with no outlined parts ends: after its "… như sau:"."""
    found = _header()["opening_end"].search(text, 0, header.HEAD_CHARS)
    return found.end() if found else header.HEAD_CHARS


def has_plan_header(text: str) -> bool:
    """Whether a clean text opens with a plan's header (its number or an instrument title, and a
    date line or an issuing body), so that it is a plan even when its structure cannot be outlined.

    >>> has_plan_header("Số: 5/KH-UBND\\nHà Giang, ngày 3 tháng 4 năm 2020"), has_plan_header("Xin chào.")
    (True, False)
    """
    return header.has_plan_header(text, _dateline(text[:header.HEAD_CHARS]) is not None)


def _dateline(text: str) -> re.Match[str] | None:
    """The "Place, ngày … tháng … năm …" line: one naming a province, else a short one near the top."""
    candidates = _datelines(text) or _datelines(header.flat(text[:header.HEAD_CHARS]))  # a date in table cells
    named = [m for m in candidates if find_province(m["place"], loose_spacing=True)]
    if named:
        return named[0]
    near = [m for m in candidates if m.start() < _HEADER_CHARS and len(m["place"].split()) <= 5]
    if near:
        return near[0]
    # a page that dropped the comma ("Hưng Yên ngày 27 tháng 8 năm 2025"): only where the place is a province
    return next((m for m in _header()["dateline-bare"].finditer(text, 0, _HEADER_CHARS)
                 if find_province(m["place"], loose_spacing=True)), None)

# The date line cue opens with its place: 2 to 40 characters, no comma or cell bar, then ", ngày".
_PLACE_FIRST = r"(?P<place>[^\n,|]{2,40}?),\s*ngày"
_PLACE_CHARS = 40


def _datelines(text: str) -> list[re.Match[str]]:
    """The date line cue's matches, as `finditer` gives them, found near each ", ngày" only.

    Tried at every position, the cue's opening (a lazy run of up to 40 characters) costs as much as
    the rest of the plan's header; a match starts at most 40 characters before the first comma
    after it, which must open ", ngày", so only those starts are tried. A cue that does not open
    this way is run as it is.
    """
    cue = _header()["dateline"]
    if not cue.pattern.startswith(_PLACE_FIRST):
        return list(cue.finditer(text))
    found = []
    resume = 0  # finditer goes on where the previous match ended
    for comma in re.finditer(r",\s*ngày", text, cue.flags):
        for start in range(max(resume, comma.start() - _PLACE_CHARS), comma.start() - 1):
            match = cue.match(text, start)
            if match:
                found.append(match)
                resume = match.end()
                break
    return found


def _ended_before(period: tuple[int | None, int | None, int | None], year: int | None
                  ) -> tuple[int | None, int | None, int | None]:
    """(start, end, horizon), none of them where the span ended before the plan was issued: "… GIÁM SÁT …
    TỪ NĂM 2009 ĐẾN HẾT NĂM 2023" in a plan of 2025, a purpose recalling a resolution "… giai đoạn 2012 -
    2020" in a plan of 2022, is what the plan is about, not its time."""
    _, end, horizon = period
    if end is not None and year is not None and end < year and not horizon:
        return None, None, None
    return period


def _province_from_header(text: str) -> str | None:
    for _, line in _caps_lines(text[:3000]):
        if "TỈNH" in line or "THÀNH PHỐ" in line:
            found = find_province(line.split("TỈNH")[-1].split("THÀNH PHỐ")[-1])
            if found:
                return found
    return None


def _signer(text: str) -> tuple[str | None, str | None, str | None]:
    """(name, position, body) from the last signature block: TM. BODY / KT. … / POSITION / Name.
    A table row is read cell by cell (a row may hold the recipients and the signature side by side)."""
    lines = [cell.strip() for line in text.split("\n") for cell in line.split("|")]
    blocks = [i for i, line in enumerate(lines) if _header()["signature"].match(line)]
    if not blocks:
        return _own_signature(lines)
    first = blocks[-1]
    while first - 1 in blocks:
        first -= 1
    body = None
    tm = _header()["signature"].match(lines[first])
    if tm and lines[first].startswith("TM"):
        body = tm["value"]
    one_line = header.signature_in_line(lines[blocks[-1]])
    if one_line:
        return one_line[0], _position_case(one_line[1]), body
    position = None
    for line in lines[blocks[-1] + 1:blocks[-1] + _SIGNATURE_LINES]:
        if not line or _header()["signed"].match(line) or _recipient_line().match(line):
            continue  # (the recipients' lines may stand between, as a PDF export interleaves two columns)
        glued = _GLUED_NAME.match(line)
        if glued and glued["name"][:1].isupper() and glued["name"][1:2].islower():
            position, line = glued["position"], glued["name"]  # "PHÓ CHỦ TỊCHSơn Thị Ánh Hồng": a lost line break
        if is_caps(line) and not MARKER.match(line):
            if header.position_in(line):  # (not the capitals of a title after a page's last cell)
                position = line
            elif line.startswith("PHÓ") and line == lines[-1] and lines[blocks[-1]].startswith("KT"):
                position = _cut_deputy(lines[blocks[-1]])  # "KT. CHỦ TỊCH" / "PHÓ CH": a page ended inside the position
            continue
        words = line.split()
        if 2 <= len(words) <= 5 and all(w[0].isupper() for w in words if w[0].isalpha()):
            if position is None:
                value = _header()["signature"].match(lines[blocks[-1]])
                position = value["value"] if value else None
            return line, _position_case(position), body
        break
    return None, _position_case(position), body


_SIGNATURE_LINES = 16
_OWN_POSITION = re.compile(r"(?:PHÓ\s+)?CHỦ\s+TỊCH")
_GLUED_NAME = re.compile(rf"(?P<position>{_OWN_POSITION.pattern})(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){{1,4}})")


def _cut_deputy(line: str) -> str | None:
    """The deputy's position that a page cut short after "KT. CHỦ TỊCH" ("PHÓ CH"): "PHÓ CHỦ TỊCH"."""
    value = _header()["signature"].match(line)
    position = header.position_in(value["value"]) if value and value["value"] else None
    return f"PHÓ {position}" if position and not position.startswith("PHÓ") else position


def _own_signature(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """(name, position, None) of a decision its Chairman signs himself: "CHỦ TỊCH" alone on its line
    (no "TM." or "KT." above it) after the recipients or the text's closing "./.", and the name below
    it when there is one."""
    for i, line in enumerate(lines):
        if _OWN_POSITION.fullmatch(line) and any(_recipient_line().match(before) or before.endswith("./.")
                                                  for before in lines[max(0, i - _SIGNATURE_LINES):i]):
            for after in lines[i + 1:i + _SIGNATURE_LINES]:
                words = after.split()
                if 2 <= len(words) <= 5 and all(w[0].isupper() for w in words) and not is_caps(after):
                    return after, _position_case(line), None
            return None, _position_case(line), None
    return None, None, None


_SIGNATURE_START = re.compile(r"(?<!\S)(?:TM|KT)\.\s*(?=[A-ZĐ]{2})")
_SIGNATURE_REACH = 1000  # how far after a run-in signature's "TM."/"KT." its name is looked for, in characters
_NAME_WORDS = 5
_NAME_BEFORE = frozenset(".;:,-–)")  # what a name run into the recipients follows, besides capitals


def _run_in_signature(text: str) -> tuple[str | None, str | None]:
    """(name, position in capitals) of a signature whose column an export ran into the recipients'
    lines: "KT. CHỦ TỊCH - CT, các PCT …; PHÓ CHỦ TỊCH - Các đơn vị …; - Lưu: VT, DL. Trần Hữu Thùy
    Giang". After the last "TM."/"KT.", the first name opening with a family name (family_names.tsv)
    that follows a stop or capitals (not "… tỉnh Ninh Bình") and is no province's, and the last
    position before it."""
    starts = list(_SIGNATURE_START.finditer(text))
    if not starts:
        return None, None
    start = starts[-1].start()
    for found in _family_name().finditer(text, start, start + _SIGNATURE_REACH):
        words = []
        for word in text[found.start():found.start() + 80].split()[:_NAME_WORDS + 1]:
            if not (word[0].isupper() and (len(word) == 1 or word[1:].islower())):
                break
            words.append(word)
        before = text[start:found.start()].rstrip()
        previous = before.split()[-1] if before.split() else ""
        if not 2 <= len(words) <= _NAME_WORDS or not (before[-1:] in _NAME_BEFORE or is_caps(previous, 2)):
            continue
        name = " ".join(words)
        if find_province(name):
            continue
        positions = [m.group() for m in header.positions(before)]
        return (name, positions[-1]) if positions else (None, None)
    return None, None


@lru_cache(maxsize=1)
def _family_name() -> re.Pattern[str]:
    names = sorted((row["name"] for row in read_table("family_names.tsv", ("id", "name"))), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?=\s)")


@lru_cache(maxsize=1)
def _recipient_line() -> re.Pattern[str]:
    """A line of the recipients: its heading (paragraphs.tsv), a bullet or the archive's "Lưu:"."""
    return re.compile(rf"[-–+•]\s|Lưu\s*:|{paragraph_cues(('recipients',))}")


def _position_case(position: str | None) -> str | None:
    """'PHÓ CHỦ TỊCH' → 'Phó Chủ tịch' (the title as the gold and the law write it)."""
    if not position:
        return None
    text = " ".join(position.lower().split())
    return (text[0].upper() + text[1:]).replace("chủ tịch", "Chủ tịch").replace("bí thư", "Bí thư")


def _issuer(body: str, province: str | None) -> str | None:
    """The issuing body named in capitals (a signature's "TM. …" or the header's first line), in
    full: "Ủy ban nhân dân thành phố Đà Nẵng" for a city, "… tỉnh …" for a province."""
    known = province_named(province) if province else None
    kind = known.kind if known else "tỉnh"
    for pattern, name in _issuers():
        if pattern.search(body):
            return " ".join(name.format(province=province or "", kind=kind).split())
    return None


_AND_BEFORE = re.compile(r"\bvà\s*$", re.IGNORECASE)  # "GIAI ĐOẠN 2021 - 2025 VÀ NĂM 2021": one more year, not the plan's


def _period(title: str, headings: list[str]) -> tuple[int | None, int | None, int | None]:
    """(start, end, horizon) from the plan's own title, completed by short period headings
    ("Giai đoạn 2021 - 2025"); a title naming one year ("… năm 2024"), or one year after the spans
    of what it carries out ("… ĐẾN NĂM 2030 - NĂM 2023"), is a plan for that year."""
    cue = _header()
    start = end = horizon = None
    short = [h for h in headings if len(h.split()) <= _PERIOD_HEADING_WORDS]
    for source in [title, *short]:
        period = cue["period"].search(source)
        if period and start is None:
            start, end = int(period["start"]), end or int(period["end"])
            if period["later"] and int(period["later"]) > end:  # "GIAI ĐOẠN 2012-2015 VÀ 2020": the last stage's year
                end = int(period["later"])
        years = [int(found["year"]) for found in cue["horizon"].finditer(source)]
        if years and horizon is None:
            horizon = max(years)  # "… ĐỊNH HƯỚNG NĂM 2030, TẦM NHÌN ĐẾN NĂM 2050": the vision's year
        if source is title and end is None:
            for until in cue["until"].finditer(source):
                if not cue["horizon"].match(source, max(0, until.start() - 12)) and \
                        not re.search(r"(?:định hướng|tầm nhìn)\s+$", source[:until.start()], re.IGNORECASE):
                    end = int(until["year"])
                    break
    singles = [single for single in cue["single"].finditer(title) if not cue["dated"].search(title[:single.start()])]
    if start is None and end is None and singles:
        start = end = int(singles[0]["year"])
    elif singles and cue["implementing"].search(title) and not _AND_BEFORE.search(title[:singles[-1].start()]) \
            and singles[-1].start() > max((m.end() for kind in ("period", "horizon", "until")
                                           for m in cue[kind].finditer(title)), default=len(title)):
        # "THỰC HIỆN KHUNG CHIẾN LƯỢC … ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2050 - NĂM 2023": the spans
        # belong to what the plan carries out, the year named last is the plan's own
        start = end = int(singles[-1]["year"])
        horizon = None
    return start, end, horizon


def _objective_period(first_items: tuple[tuple[str, str], ...]) -> tuple[int | None, int | None]:
    """The period a plan's general objective or its time frame states ("Mục tiêu chung" / "… trong
    giai đoạn 2026-2030", "Thời gian thực hiện" / "Từ năm 2021 đến năm 2025"), for a plan whose
    title names none."""
    for heading, paragraph in first_items:
        if _header()["objective"].match(heading) or _header()["timeframe"].match(heading):
            found = _header()["period"].search(paragraph)
            if found:
                return int(found["start"]), int(found["end"])
    return None, None


def _laws(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for match in finditer_at(_LAW, text, (m.start() for m in _LAW_WORD.finditer(text))):
        name = "Luật " + match["name"].strip()
        if name not in found:
            found.append(name)
    return tuple(found)
