"""Documents a plan names by number, and whether it carries them out (implements) or cites them.

The opening of a plan says how it relates to each document: "Thực hiện / Triển khai / Cụ thể
hóa …" documents are implemented, "Căn cứ …", "Xét đề nghị …" documents are cited
(patterns/citation_cues.tsv), except a document that one of them carries out in turn ("Kế hoạch số
178-KH/TU … thực hiện Chỉ thị số 21-CT/TW"). The numbers in the plan's title (and the documents of
an implementing clause one of them leads), the programme its title describes without a number (the
document of that type its opening describes in the same words, or the decision approving it), and
the documents a paragraph of the plan's purpose says it carries out ("1. Mục đích" / "- Triển khai
thực hiện … Nghị quyết số …") are what the plan carries out. Every other number is cited, once.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from plangraph.extract.cited_type import type_before
from plangraph.extract.normalize import is_caps, strip_marks
from plangraph.extract.layout import paragraph_cues
from plangraph.extract.rules import compile_regex, read_table

# A document number: 12/KH-UBND, 93/2020/NĐ-CP, 7a/2009/NQ-CP, 66.2/2025/NQ-CP, 19-2016/NQ-CP, party style 57-NQ/TW; a stray
# space beside a hyphen or around the slash ("119- KH/TU", "07 -NQ/TU", "416/QĐ- TTg", "1660/QĐ -TTg", "23/2012/TT - BCA") is read
# through and dropped, and so is a "số" glued to it ("CHỈ THỊ SỐ29-CT/TU" in a page whose spaces were lost),
# also one whose "ố" a page's font dropped ("Thông tư s27/2015/TT-BLĐTBXH").
DOC_NUMBER = re.compile(
    r"(?:(?<![\w/])|(?<=[sS][ốỐ])|(?<=\s[sS]))(?P<number>\d{1,5}(?:\.\d{1,2}(?=/(?:19|20)\d\d/))?[a-z]?(?:\s?/\s?(?:19|20)\d\d(?=\s?/)|-(?:19|20)\d\d(?=/))?(?:\s?-\s?[A-ZĐ][A-Za-zĐđ&]*)?\s?/\s?[A-ZĐ](?:(?!ngày)[A-Za-zĐđ0-9&])*"
    r"(?:(?:-\s?|\s-(?=[A-ZĐ0-9][A-Za-zĐđ0-9&]*(?:[\s,;.)]|$))|\s-\s(?=[A-ZĐ]{2}[A-Za-zĐđ0-9&]*(?:[\s,;.)]|$)))"
    r"[A-ZĐ0-9](?:(?!ngày)[A-Za-zĐđ0-9&])*)*)")  # a glued "ngày" ends it: "220-KL/TUngày 04/9/2013"
DATE_AFTER = re.compile(
    r"^\s*,?\s*ngày\s+(?P<day>\d{1,2})\s*(?:/\s*|\s+tháng\s+)(?P<month>\d{1,2})\s*(?:/\s*|\s+năm\s+)"
    r"(?P<year>(?:19|20)\d\d)", re.IGNORECASE)
_ISSUER = re.compile(
    r"^\s*của\s+(?P<issuer>[^\W\d_][^;.()“”]*?)(?=\s+(?:về|phê duyệt|quy định|ban hành|hướng dẫn|triển khai|"
    r"thực hiện)\b|[;.()“”]|,\s*[a-zđ]|$)")
_QUOTED = re.compile(r"“([^”]{8,})”")
_ASSIGNED_CHARS = 200  # how far before a number its "… nhiệm vụ được giao tại" lead-in is looked for
_AFTER_CHARS = 3000  # how far after a cited number its date, issuer and sentence are looked for
_CLAUSE = re.compile(r"(?:^|;|\.(?=[\s|]+[A-ZĐ]))[\s|]*", re.MULTILINE)
_TERMINAL = re.compile(r"[.;:!?…][\"”’)]*[\s|]*$")  # a line ending here ends its clause
_LEADING = re.compile(r"\d*")
_YEAR_AFTER_HYPHEN = re.compile(r"-(?:19|20)\d\d$")
_DATED_NUMBER = re.compile(r"^\d+[a-z]?/(?:19|20)\d\d/[a-z]+")  # a number with its year names one document
_NUMBERED_HEADING = re.compile(r"(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*(\S.*)")
_SENTENCE_END = re.compile(r";|\.\s+[A-ZĐ]")
_ITEM_NUMBER = re.compile(r"[\s|]*\d{1,2}(?:\.\d{1,2})*\.\s")
_DESCRIBED_WORDS = 8  # words of a programme's description in a title that its document's sentence repeats
_DESCRIBED_MIN = 5  # fewer words than this describe nothing in particular
_LOOSE_WORDS = 1  # of a title's description, words the approving sentence may leave out
_BRACKETED = re.compile(r"\([^()]*\)")
# "(sau đây gọi tắt là cấp sở)", "(sau đây gọi tắt là Nghị quyết 57-NQ/TW, …)": short names the text gives,
# no part of a title and no new mention of the documents they name
# a short name an opening gives: "(sau đây gọi tắt là …)", or the programme's type alone, "… năm 2050 (Đề án) …"
SHORT_NAMES = re.compile(r"\s*\((?:(?:sau\s+đây\s+)?(?:gọi|viết)\s+tắt\s+là\b[^()]*|đề án|chương trình|chiến lược|kế hoạch)\)",
                         re.IGNORECASE)
_PLACE_WORDS = frozenset({"tinh", "thanh", "tren"})  # a left-out run opening so is the place: "tỉnh X", "thành phố X", "trên địa bàn"
_OWN_ISSUER = re.compile(r"^cua\s.*")  # a title opening "CỦA <issuer>": the plan's own kind was dropped before it
_IMPLEMENTING_WORDS = re.compile(r"^(?:(?:tiep ?tuc|to ?chuc|trien ?khai|thuc ?hien|cu ?the ?hoa)\s+)+")  # marks stripped


@dataclass(frozen=True)
class Citation:
    """A document the plan refers to, with where it is first mentioned (clean-text offsets)."""

    number: str
    relation: str  # implements | cites
    doc_type: str | None
    date: str | None
    issuer: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def doc_types() -> dict[str, str]:
    """Type code (QĐ) → type name (Quyết định)."""
    return {row["code"]: row["name"] for row in read_table("doc_types.tsv", ("id", "code", "name"))}


@lru_cache(maxsize=1)
def _never_carried_out() -> frozenset[str]:
    """Type codes of documents a plan cites but never carries out (a proposal, a report)."""
    rows = read_table("doc_types.tsv", ("id", "code", "carried_out"))
    return frozenset(row["code"] for row in rows if row["carried_out"] == "no")


def type_of_number(number: str) -> str:
    """Type code of a document number: '1472/QĐ-UBND' → 'QĐ', '57-NQ/TW' → 'NQ'; unknown → 'CV' (công văn).

    >>> type_of_number("57-NQ/TW"), type_of_number("93/2020/NĐ-CP"), type_of_number("19-2016/NQ-CP")
    ('NQ', 'NĐ', 'NQ')
    """
    head = number.split("/")[0]
    party_style = "-" in head and not _YEAR_AFTER_HYPHEN.search(head)  # "57-NQ", not "19-2016"
    code = head.split("-", 1)[1] if party_style else number.split("/")[-1].split("-")[0]
    for known in doc_types():
        if strip_marks(code) == strip_marks(known):
            return known
    return "CV"


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[re.Pattern[str], str], ...]:
    rows = read_table("citation_cues.tsv", ("id", "relation", "cue", "example"))
    return tuple((compile_regex(row, "cue", 0 if row["relation"] == "continued" else re.IGNORECASE), row["relation"])
                 for row in rows)


def _said_before(line: str, offset: int, relation: str) -> bool:
    """Whether the words just before a number match a cue of `relation`: "assigned" (the plan
    carries out the tasks that document assigns), "nested" (it is what the document named before
    it carries out), "earlier" (it was issued before, as background)."""
    return bool(_cues_before(line, offset, relation))


def _cues_before(line: str, offset: int, relation: str) -> list[tuple[str, re.Match[str]]]:
    """(the words before a number, each match of a cue of `relation` ending where the number starts)."""
    before = line[max(0, offset - _ASSIGNED_CHARS):offset]
    return [(before, found) for pattern, kind in _cues() if kind == relation and (found := pattern.search(before))]


def _carried_out_by_named(title: str, position: int) -> bool:
    """Whether the number at `position` of a title is what something the title names before it
    carries out ("… CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ …"), not what the
    plan itself carries out ("TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ …")."""
    return any(_OWN_ISSUER.sub("", _IMPLEMENTING_WORDS.sub("", " ".join(_words(before[:found.start()])) + " ")).strip()
               for before, found in _cues_before(title, position, "nested"))


def _purpose_spans(text: str) -> list[tuple[int, int]]:
    """The parts that state the plan's purpose: from a numbered heading naming "mục đích" ("I. MỤC
    ĐÍCH, YÊU CẦU", "1. Mục đích") to the next numbered heading that does not ("2. Yêu cầu"); a Roman
    part's numbered items state its purposes up to one naming "yêu cầu" ("I. MỤC ĐÍCH, YÊU CẦU" / "1.
    Xây dựng và ban hành kế hoạch nhằm …")."""
    spans: list[tuple[int, int]] = []
    start = None
    roman = False  # the span opened at a Roman part's heading
    position = 0
    for line in text.split("\n"):
        heading = _NUMBERED_HEADING.match(line)
        words = strip_marks(heading.group(1)[:40]).lower() if heading else ""
        if heading and "muc dich" in words:
            if start is None:
                start, roman = position, line[:1] in "IVXLC"
        elif heading and start is not None and not (roman and line[:1].isdigit() and "yeu cau" not in words):
            spans.append((start, position))
            start = None
        position += len(line) + 1
    if start is not None:
        spans.append((start, position))
    return spans


def _states_purpose(mention: "_Mention", purposes: list[tuple[int, int]]) -> bool:
    """Whether a number stands in the first sentence of a purpose paragraph that says the plan
    carries out what it names ("- Triển khai thực hiện … Kế hoạch số 14-KH/TU …")."""
    if not any(start <= mention.start < end for start, end in purposes):
        return False
    number = _ITEM_NUMBER.match(mention.line)  # (the stop of "1. Xây dựng …" ends no sentence)
    ends = list(_SENTENCE_END.finditer(mention.line, number.end() if number else 0, mention.offset))
    colon = mention.line.find(":", 0, ends[0].start()) if ends else -1
    if ends and not (colon >= 0 and all(end.group() == ";" and _clause_relation(mention.line, _word_after(
            mention.line, end.end())) == "continued" for end in ends)):
        return False  # a later sentence, unless the next of a list of documents after a colon ("…: A; B")
    return any(relation == "purpose" and pattern.match(mention.line) for pattern, relation in _cues())


def _clause_relation(text: str, position: int) -> str | None:
    for pattern, relation in _cues():
        if relation in ("assigned", "nested", "earlier", "purpose"):
            continue
        if pattern.match(text, position):
            return relation
    return None


def key(number: str) -> str:
    """Match key of a number: no marks, no case, no spaces."""
    return strip_marks(number).replace(" ", "")


def _identity(found: str, seen: dict[str, list[str]]) -> str:
    """The key under which `found` is filed: a dated number names one document whatever its
    issuer code says; a number cut short ("2629/QĐ-T") is the longer one it begins. `seen` holds
    the keys filed so far by their leading digits."""
    same_digits = seen.get(_LEADING.match(found).group(), [])  # type: ignore[union-attr]
    if found in same_digits:
        return found
    dated = _DATED_NUMBER.match(found)
    for other in same_digits:
        if dated and other.startswith(dated.group()):
            return other
        if (found.startswith(other) or other.startswith(found)) and "-" in found and "-" in other:
            return other
    return found


def _cut_at_end(text: str, mention: "_Mention") -> bool:
    """Whether a page cut short ends inside the number: nothing but a dangling hyphen after it, or
    nothing after a code of one letter."""
    rest = _REST.match(text, mention.end)
    if rest is None:
        return False
    return bool(rest.group(1)) or len(re.split(r"[-/]", mention.number)[-1]) == 1


_REST = re.compile(r"\s*([-–])?\s*\Z")  # what may follow a number the text ends inside: a dangling hyphen


def _same_programme(a: str, b: str) -> bool:
    """Whether two quoted names are one programme's, the national name and the province's way of
    writing it alike ("Cả nước thi đua xây dựng xã hội học tập …" / "THI ĐUA XÂY DỰNG XÃ HỘI HỌC TẬP …
    TRÊN ĐỊA BÀN TỈNH NGHỆ AN")."""
    ka, kb = (_SCOPE_WORDS.sub("", " ".join(strip_marks(re.sub(r"[^\w\s]", " ", name)).split()))
              for name in (a, b))
    return ka == kb or SequenceMatcher(None, ka, kb).ratio() >= 0.85


# where a programme runs, which its national and provincial names write differently
_SCOPE_WORDS = re.compile(r"^ca nuoc\s+|\s+(?:tren dia ban\s+)?(?:tinh|thanh pho)\s+\S.*$")


@dataclass
class _Mention:
    number: str
    key: str
    start: int
    end: int
    hint: str | None  # the relation of the opening clause it stands in
    clause: int  # index of that clause (-1 outside the opening)
    line: str
    offset: int  # of the match in `line`


def find_citations(text: str, own_number: str | None, title: str, openings: tuple[tuple[int, int], ...],
                   implementing_title: bool, approves: re.Pattern[str], start: int = 0) -> tuple[Citation, ...]:
    """Every document number in the text (not the recipients list), once each, with its relation.

    `openings` are the spans that say what the plan rests on and carries out (the text before the
    first part; a plan attached to a decision has its own); `implementing_title` tells whether the
    title opens with "Triển khai / Thực hiện …"; `approves` finds a decision approving a programme;
    numbers before `start` (above the header block) are not the plan's.
    """
    own = key(own_number) if own_number else None
    mentions = [m for m in _mentions(text, openings) if m.key != own and m.start >= start]
    seen: dict[str, list[str]] = {}
    for mention in mentions:
        mention.key = _identity(mention.key, seen)
        filed = seen.setdefault(_LEADING.match(mention.key).group(), [])  # type: ignore[union-attr]
        if mention.key not in filed:
            filed.append(mention.key)
    # a number the text ends inside ("… Quyết định số 531/Q", "… số 2113/KH-"), unless it is one named before
    mentions = [m for m in mentions if not (_cut_at_end(text, m) and sum(o.key == m.key for o in mentions) == 1)]
    title_numbers = list(DOC_NUMBER.finditer(title))
    title_keys = [_identity(key(re.sub(r"\s+", "", m["number"])), seen) for m in title_numbers]
    # "THỰC HIỆN NGHỊ QUYẾT SỐ 01/NQ-CP VÀ NGHỊ QUYẾT SỐ 02/NQ-CP": both; "… SỐ 119-KH/TU … VỀ THỰC
    # HIỆN CHỈ THỊ SỐ 37-CT/TW": what the first carries out is only cited
    # "TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 27-NQ/TW": the programme
    # named first is carried out, the number is what it carries out
    first_nested = bool(title_numbers) and _carried_out_by_named(title, title_numbers[0].start())
    carried_in_title = {k for k, m in zip(title_keys[1:], title_numbers[1:])
                        if implementing_title and not first_nested and not _said_before(title, m.start(), "nested")}
    target = title_keys[0] if title_keys and not first_nested else None
    if target is None and implementing_title:
        names = _QUOTED.findall(title)
        for mention in mentions:
            sentence = mention.line[mention.offset:mention.offset + _AFTER_CHARS].split(";")[0]
            if approves.search(sentence) and any(_same_programme(n, q) for n in names for q in _QUOTED.findall(sentence)):
                target = mention.key
                break
    first_of_clause: dict[int, str] = {}
    for mention in mentions:
        first_of_clause.setdefault(mention.clause, mention.key)
    spellings: dict[str, Counter[str]] = {}
    for mention in mentions:
        spellings.setdefault(mention.key, Counter())[mention.number] += 1
    assigned = {m.key for m in mentions if _said_before(m.line, m.offset, "assigned")}
    if target is None and implementing_title:
        assigned |= _described(title, mentions, approves)
    # what the document before carries out (not "… giải pháp triển khai thực hiện Kết luận số …", with none before)
    nested = {id(m) for m in mentions if _said_before(m.line, m.offset, "nested") and _after_a_document(text, m)}
    earlier = {id(m) for m in mentions if _said_before(m.line, m.offset, "earlier")}  # issued before, as background
    purposes = _purpose_spans(text)
    assigned |= {m.key for m in mentions if id(m) not in nested and _states_purpose(m, purposes)}
    leading = ({target} | (carried_in_title if first_nested else set(title_keys))) - {None}  # what the title carries out
    # mentions a clause names as what it carries out, not as what another document carries out
    direct = [m for m in mentions if id(m) not in nested or first_of_clause[m.clause] == m.key]
    led = {m.clause for m in direct if m.key in leading}  # clauses naming what the title carries out
    implemented = {target} | carried_in_title | assigned | {
        m.key for m in direct if m.hint == "implements" and id(m) not in earlier and (not leading or m.clause in led)}
    found: dict[str, Citation] = {}
    for mention in mentions:
        if mention.key == own or mention.key in found:
            continue
        number = _spelling(spellings[mention.key])
        carried_out = mention.key in implemented and type_of_number(number) not in _never_carried_out()
        relation = "implements" if carried_out else "cites"
        found[mention.key] = _citation(number, relation, mention, text)
    return tuple(found.values())


def _after_a_document(text: str, mention: _Mention) -> bool:
    """Whether a document is named before `mention` in its sentence or clause (which a page may have
    broken over lines)."""
    reach = max(0, mention.start - _CLAUSE_CHARS)
    start = max((end.end() for end in _CLAUSE_BREAK.finditer(text, reach, mention.start)), default=reach)
    return DOC_NUMBER.search(text, start, mention.start) is not None


_CLAUSE_CHARS = 800  # how far back a clause's start is looked for
# where a clause ends: ";", a sentence's end, a colon ending its line, a line opening with a number or a bullet
_CLAUSE_BREAK = re.compile(r";|\.\s+(?=[A-ZĐ])|:[ \t]*\n|\n(?=[ \t|]*(?:[IVXLC]+\.|\d{1,2}(?:\.\d{1,2})*\.|[-+•])\s)")


def _spelling(counts: Counter[str]) -> str:
    """How a number is written most often; of spellings as frequent, one with small letters
    ("52-CTr/TU", not a title's "52-CTR/TU"), else the first written."""
    most = max(counts.values())
    frequent = [number for number, count in counts.items() if count == most]
    return next((number for number in frequent if any(c.islower() for c in number)), frequent[0])


def _words(text: str) -> list[str]:
    return strip_marks(re.sub(r"[^\w\s]", " ", text)).split()


def _described(title: str, mentions: list[_Mention], approves: re.Pattern[str]) -> set[str]:
    """Keys of the opening's documents that are the programme an implementing title names by its
    type and description but not its number: the document of that type whose sentence goes on
    with the title's words ("… CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI …" / "Chương
    trình hành động số 02-CTr/TU … thực hiện Nghị quyết Đại hội …"; not "… THỰC HIỆN NGHỊ QUYẾT ĐẠI
    HỘI …" / "Nghị quyết số 50/NQ-CP … thực hiện Nghị quyết Đại hội …", which names another Nghị
    quyết in those words), or the decision approving it
    and names it right after its verb ("… THUỘC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA …" / "Quyết định số …
    phê duyệt Chương trình mục tiêu quốc gia …"; "TRIỂN KHAI THỰC HIỆN CHIẾN LƯỢC CÔNG TÁC DÂN TỘC …"
    / "Nghị quyết số … ban hành Chiến lược công tác dân tộc …")."""
    words = _words(_BRACKETED.sub(" ", title))  # "CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM (OCOP)": the short name is an aside
    names = [_words(name) for name in doc_types().values()]
    items = [words[i:] for i in range(len(words)) if any(words[i:i + len(name)] == name for name in names)]
    carried = _IMPLEMENTING_WORDS.sub("", " ".join(words)).split()  # "TRIỂN KHAI THỰC HIỆN CHIẾN LƯỢC …"
    if carried != words:
        items.append(carried)
    found: set[str] = set()
    for mention in mentions:
        if mention.clause < 0:
            continue
        sentence = mention.line[mention.offset:mention.offset + _AFTER_CHARS].split(";")[0]
        said = f" {' '.join(_words(sentence))} "
        written = type_before(mention.line, mention.offset)
        type_words = _words(written or "")
        # a type only its number gives ("Thông tư liên tịch số 115/2012/TTLT-…", the words before it not
        # read as a type) and the title names nowhere: its sentence repeating the title's words is no sign
        coded = _words(doc_types().get(type_of_number(mention.number), "")) if written is None else []
        foreign = bool(coded) and not any(item[:len(coded)] == coded for item in items)
        # the words after each approving verb, run together: a page that lost spaces ("ViệtNam") still matches
        approved = [_words(sentence[m.end():])[:2 * _DESCRIBED_WORDS] for m in approves.finditer(sentence)]
        for item in items:
            own = item[len(type_words):len(type_words) + _DESCRIBED_WORDS] if item[:len(type_words)] == type_words else []
            run = item[:_DESCRIBED_WORDS + 2]
            described = not foreign and f" {' '.join(own)} " in said and not (
                type_words and f" {' '.join(type_words + own)} " in said)  # not another one of its type
            if (len(own) >= _DESCRIBED_MIN and described
                    or len(run) >= _DESCRIBED_MIN and any(_names_after_verb(run, after) for after in approved)):
                found.add(mention.key)
    return found


def _names_after_verb(run: list[str], after: list[str]) -> bool:
    """Whether the words after an approving verb name what a title's words describe: the same words
    run together (a page that lost spaces: "ViệtNam"), or the same first word and the title's words
    in order among words added ("KHUNG CHIẾN LƯỢC PHÁT TRIỂN DU LỊCH ĐẾN NĂM 2030" / "ban hành Khung
    chiến lược phát triển du lịch tỉnh Lào Cai đến năm 2030"), at most _LOOSE_WORDS of them left
    out ("CHƯƠNG TRÌNH PHÒNG, CHỐNG DỊCH BỆNH LỞ MỒM LONG MÓNG" / "phê duyệt “Chương trình quốc gia
    phòng, chống bệnh lở mồm long móng …”") besides the province the title names ("CHIẾN LƯỢC QUỐC
    GIA VỀ BÌNH ĐẲNG GIỚI TỈNH TÂY NINH" / "ban hành Chiến lược quốc gia về bình đẳng giới"), none
    put in another's place ("PHÁT TRIỂN ĐÔ THỊ" / "phát triển nhà ở" names another programme)."""
    if "".join(after).startswith("".join(run)):
        return True
    run, after = _unglued(run, after), _unglued(after, run)
    if not after or after[0] != run[0]:
        return False
    left_out = 0
    for tag, i1, i2, _, _ in SequenceMatcher(None, run, after, autojunk=False).get_opcodes():
        if tag in ("replace", "delete") and run[i1] in _PLACE_WORDS:
            continue  # "… BÌNH ĐẲNG GIỚI TỈNH TÂY NINH": the province's own, which the national one leaves out
        if tag == "replace":
            return False
        left_out += i2 - i1 if tag == "delete" else 0
    return left_out <= _LOOSE_WORDS


def _unglued(words: list[str], other: list[str]) -> list[str]:
    """`words`, each that is two consecutive words of `other` run together (a page that lost the
    space at a line break: "CHƯƠNGTRÌNH", "quốc giaphòng") split as `other` writes them."""
    pairs = {a + b: (a, b) for a, b in zip(other, other[1:])}
    return [part for word in words for part in (pairs.get(word, (word,)) if word not in other else (word,))]


def _mentions(text: str, openings: tuple[tuple[int, int], ...]) -> list[_Mention]:
    mentions: list[_Mention] = []
    clause, hint = -1, None
    clause_starts: list[int] = []
    previous = ""
    for line_start, line in _body_lines(text):
        if any(start <= line_start + len(line) and line_start < end for start, end in openings):
            strong = {line_start + m.end() for m in _CLAUSE.finditer(line)
                      if m.end() < len(line) and (m.start() > 0 or not previous or _TERMINAL.search(previous))}
            strong |= {_word_after(text, start) for start, _ in openings if line_start <= start < line_start + len(line)}
            indent = len(line) - len(line.lstrip(" |"))
            weak = {line_start + s for s in [indent, *_after_capitals(line)]} - strong
            clause_starts += sorted(strong | {s for s in weak if _clause_relation(text, s) in ("implements", "cites")})
        previous = line
        asides = [aside.span() for aside in SHORT_NAMES.finditer(line)]
        for match in DOC_NUMBER.finditer(line):
            if any(lo <= match.start() < hi for lo, hi in asides):
                continue
            position = line_start + match.start()
            in_opening = any(start <= position < end for start, end in openings)
            if in_opening:
                for start in [s for s in clause_starts if s <= position]:
                    relation = _clause_relation(text, start)
                    clause_starts.remove(start)
                    if relation == "continued" or relation is None and _describes(text, start):
                        continue  # a list going on, or a document's description going on after ";"
                    clause += 1
                    hint = relation
            number = _TERM_HYPHEN.sub(r"QH\1", re.sub(r"\s+", "", match["number"]))
            mentions.append(_Mention(number, key(number), position, line_start + match.end(),
                                     hint if in_opening else None, clause if in_opening else -1,
                                     line, match.start()))
    return mentions


def _describes(text: str, start: int) -> bool:
    """Whether a clause opening in lower case and naming no document goes on describing the one before it
    ("… về dự toán thu ngân sách; thu chi ngân sách địa phương năm 2022; số 163/NQ-HĐND …"), unlike "; xét
    Công văn số 45/SYT-KH …"."""
    end = text.find(";", start)
    return text[start:start + 1].islower() and not DOC_NUMBER.search(text, start, end if end >= 0 else len(text))


_TERM_HYPHEN = re.compile(r"QH-(\d{2})$")  # "163/2024/QH-15": the National Assembly's term is written "QH15"


def _word_after(text: str, position: int) -> int:
    """Where the first word at or after `position` starts (a part of the opening opens a clause there)."""
    ahead = text[position:position + 200]
    return position + len(ahead) - len(ahead.lstrip(" |\n"))


def _after_capitals(line: str) -> list[int]:
    """Starts of sentence-case words right after a run of capitals: where the opening begins in a
    header flattened onto one line ("… TRÊN ĐỊA BÀN TỈNH Thực hiện …")."""
    starts = []
    capitals = False  # the last word with letters has two or more, all capitals
    for match in re.finditer(r"\S+", line):
        letters, in_capitals, sentence_case = _word_case(match.group())
        if capitals and sentence_case:
            starts.append(match.start())
        if letters:
            capitals = in_capitals
    return starts


@lru_cache(maxsize=8192)
def _word_case(word: str) -> tuple[bool, bool, bool]:
    """(whether it has letters, two or more letters all capitals, a capital first and a small letter in
    it); remembered per word, as a text's words repeat."""
    letters = [c for c in word if c.isalpha()]
    return (bool(letters), len(letters) >= 2 and all(c.isupper() for c in letters),
            word[0].isupper() and any(c.islower() for c in word))


def _citation(number: str, relation: str, mention: _Mention, text: str) -> Citation:
    line, offset = mention.line, mention.offset
    after = text[mention.end:mention.end + _AFTER_CHARS].replace("\n", " ")  # bounded: linear on long texts
    doc_type = type_before(line, offset) or doc_types().get(type_of_number(number))
    date_match = DATE_AFTER.match(after)
    date = None
    if date_match:
        date = f"{int(date_match['year']):04d}-{int(date_match['month']):02d}-{int(date_match['day']):02d}"
    rest = after[date_match.end():] if date_match else after
    issuer_match = _ISSUER.match(rest)
    issuer = issuer_match["issuer"].strip() if issuer_match and issuer_match["issuer"][0].isupper() else None
    return Citation(number, relation, doc_type, date, issuer, mention.start, mention.end)


@lru_cache(maxsize=1)
def _after_recipients() -> re.Pattern[str]:
    """A signature or a footnote (paragraphs.tsv), which ends a recipient list."""
    return re.compile(paragraph_cues(("signature", "footnote")))


def _body_lines(text: str) -> list[tuple[int, str]]:
    """Lines outside recipient lists ("Nơi nhận: …" up to the next capitals line, signature or footnote)."""
    lines = []
    position = 0
    skipping = False
    for line in text.split("\n"):
        if line.startswith("Nơi nhận"):
            skipping = True
        elif skipping and (is_caps(line) or _after_recipients().match(line)):
            skipping = False
        if not skipping:
            lines.append((position, line))
        position += len(line) + 1
    return lines
