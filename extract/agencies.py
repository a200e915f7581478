"""Agency mentions: named bodies (spaCy PhraseMatcher on a folded key), committees by level,
vague groups ("các đơn vị liên quan"), distributive lists ("các Sở: Nội vụ, Tư pháp") and bodies no
list knows, read from a head noun and the name after it ("Trung tâm Bảo tồn di sản tỉnh", see
agency_names.py).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from plangraph.extract.agency_names import head_kinds as _head_kinds
from plangraph.extract.agency_names import name_end, open_names
from plangraph.extract.cues import fold_pattern
from plangraph.extract.facts import Agency
from plangraph.extract.iris import slug
from plangraph.extract.normalize import fold, strip_marks
from plangraph.extract.rules import Row, read_table

if TYPE_CHECKING:  # spaCy is imported where it is first used: half a second and 65 MB that a
    # process which never extracts (a build's parent, the server, a query) does not pay
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from thinc.types import Ints2d

_LIST_GAP = re.compile(r"^\s*(?:[,;]\s*(?:và\s+)?|và\s+|cùng\s+|/\s*)", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    agency: Agency
    start: int
    end: int


@lru_cache(maxsize=1)
def tokenizer() -> Language:
    """One token per syllable, punctuation split off (`spacy.Tokenizer.v1` on a blank 'vi')."""
    import spacy

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    # The matcher reads only each token's key (NORM, set by `_keyed`): the lexical attributes spaCy
    # computes for every word it has not seen (shape, like_num, like_email …) took most of the
    # tokenizer's time on a new plan, whose names and numbers are mostly new words.
    nlp.vocab.lex_attr_getters = {}  # type: ignore[attr-defined]  # (not in spaCy's type stubs)
    return nlp


def _keyed(text: str) -> Doc:
    """`text` as tokens whose NORM is their match key, set for all tokens at once (through a Token
    object each, setting them took longer than the matching)."""
    from spacy.attrs import NORM, ORTH

    doc = tokenizer().make_doc(text)
    norms = doc.to_array([ORTH])
    norms[:] = [_norm_of(orth) for orth in norms.tolist()]
    doc.from_array([NORM], cast("Ints2d", norms))  # spaCy's stubs type the array as floats
    return doc


@lru_cache(maxsize=65536)
def _norm_of(orth: int) -> int:
    """The match key of a token's text (folded, no marks, one kind of dash), by the texts' string
    ids; plans reuse a few thousand syllables."""
    strings = tokenizer().vocab.strings
    key: int = strings.add(strip_marks(strings[orth]).replace("–", "-").replace("—", "-"))
    return key


@lru_cache(maxsize=1)
def _named() -> tuple[PhraseMatcher, dict[str, Row]]:
    from spacy.matcher import PhraseMatcher

    rows = read_table("agencies.tsv", ("id", "kind", "name", "example"))
    matcher = PhraseMatcher(tokenizer().vocab, attr="NORM")
    by_id: dict[str, Row] = {}
    for row in rows:
        matcher.add(row["id"], [_keyed(row["name"])])
        if row["name"].startswith("Sở "):
            matcher.add(row["id"] + "#bare", [_keyed(row["name"][3:])])
        by_id[row["id"]] = row
        city = _city_name(row["name"])
        if city != row["name"]:
            matcher.add(row["id"] + "#city", [_keyed(city)])
            by_id[row["id"] + "#city"] = replace(row, fields={**row.fields, "name": city})
    return matcher, by_id


# A province's bodies as a centrally governed city names them.
_CITY_WORDS = ((re.compile(r" tỉnh$"), " thành phố"), (re.compile(r"\bTỉnh ủy\b"), "Thành ủy"),
               (re.compile(r"^Tỉnh Đoàn$"), "Thành Đoàn"))


def _city_name(name: str) -> str:
    """"Công an tỉnh" → "Công an thành phố", "Văn phòng Tỉnh ủy" → "Văn phòng Thành ủy"."""
    for pattern, city in _CITY_WORDS:
        name = pattern.sub(city, name)
    return name


@lru_cache(maxsize=1)
def _grammar() -> dict[str, str]:
    rows = read_table("agency_grammar.tsv", ("id", "kind", "cue", "example"))
    kinds: dict[str, list[str]] = {}
    for row in rows:
        kinds.setdefault(row["kind"], []).append(row["cue"])
    return {kind: "|".join(f"(?:{c})" for c in cues) for kind, cues in kinds.items()}


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern[str]]:
    g = _grammar()
    noun = f"(?:{g['group-noun']})"
    qualifiers = rf"(?:\s+(?:{g['group-qualifier']})(?!\w))*"
    # nouns a plan may list without commas ("các cơ quan đơn vị liên quan", "các sở ban ngành")
    uncommaed = r"(?:cơ quan|đơn vị|địa phương|ban ngành|ngành)(?!\w)"
    listed = rf"{noun}(?!\w)(?:\s*,\s*(?:các\s+)?{noun}(?!\w)|\s+{uncommaed})*"
    # A group opens with "các". "và X" ends it only as its last single noun: "các sở, ngành và địa phương"
    # is one group, "các sở, ngành và cơ quan, đơn vị liên quan" two. Without "các", a group must end in
    # "liên quan" and stand after "và" or "với" ("phối hợp với cơ quan, đơn vị liên quan"), or open the text
    # or follow "; " when its nouns name no kind of body (a table cell "Cơ quan, địa phương liên quan";
    # "Doanh nghiệp, sở, ban, ngành có liên quan" is two); kinds of body alone between semicolons are a
    # group each (a table cell "Viện, Trường; Doanh nghiệp; Sở, ban, ngành có liên quan": three); the press,
    # "báo, đài", is one among other bodies ("…, báo, đài và các đơn vị có liên quan").
    unnamed = r"(?:cơ quan|đơn vị|địa phương)(?!\w)"
    kinds = rf"(?:{noun}|viện|trường)(?!\w)"
    last = rf"(?:\s*,?\s*và\s+{noun}(?!\w)(?!\s*,))?"
    group = (rf"(?:(?<!\w)các\s+(?!sở\s*:)|(?<!\w)(?=sở\s*,\s*(?:ban|ngành)(?!\w))){listed}{last}{qualifiers}"
             rf"|(?:(?<=và\s)|(?<=với\s)){listed}\s+(?:có\s+)?liên\s+quan"
             rf"|(?:^|(?<=;\s)){unnamed}(?:\s*,\s*{unnamed})*\s+(?:có\s+)?liên\s+quan"
             rf"|(?:^|(?<=;\s)){kinds}(?:\s*,\s*{kinds})*(?=\s*(?:;|$))"
             rf"|(?<=,\s)(?:các\s+)?báo\s*,\s*đài(?=\s*(?:,|và\s|$))")
    return {
        # these two run on the folded text, so their cues are folded the same way
        "committee": re.compile(fold_pattern(g["committee"]), re.IGNORECASE),
        "committee-area": re.compile(fold_pattern(rf"\s+(?:{g['committee-area']})(?!\w)"), re.IGNORECASE),
        "group": re.compile(fold_pattern(group), re.IGNORECASE),
        # a sector or force named by what it does: "ngành Thuế", "lực lượng Công an"
        "sector": re.compile(fold_pattern(rf"(?<!\w)(?:{g['sector']})\s+(?:{g['sector-noun']})(?!\w)"), re.IGNORECASE),
        "title": re.compile(rf"^\s*(?:{g['title']})\s+", re.IGNORECASE),
        "lead-in": re.compile(rf"^\s*(?:{g['lead-in']})\s+", re.IGNORECASE),
        "distributive": re.compile(r"(?<!\w)các\s+sở\s*:\s*", re.IGNORECASE),
        "national": re.compile(g["national"]),
        "forward": re.compile(fold_pattern(rf"\s+(?:{g['forward']})(?!\w)"), re.IGNORECASE),
    }


@lru_cache(maxsize=1)
def party_cue() -> re.Pattern[str]:
    """The opening of a heading that names a body by what it is ("Các cơ sở nuôi trồng thủy sản")."""
    return re.compile(rf"\s*(?:{_grammar()['party']})", re.IGNORECASE)


@lru_cache(maxsize=1)
def other_parties_cue() -> re.Pattern[str]:
    """Where a heading naming a body by what it is goes on with other parties (", tổ chức, cá nhân
    có liên quan")."""
    return re.compile(_grammar()["party-others"], re.IGNORECASE)


def is_national(name: str) -> bool:
    """Whether a body is national (a ministry, the Government), not one province's.

    >>> is_national("Bộ Giáo dục và Đào tạo"), is_national("Bộ Chỉ huy Quân sự tỉnh")
    (True, False)
    """
    return bool(_regexes()["national"].match(name))


def _committee_name(text: str) -> str:
    """'UỶ BAN NHÂN DÂN các huyện' → 'Ủy ban nhân dân các huyện' (one spelling, one case); levels written
    with a slash are listed ('các xã/phường' → 'các xã, phường')."""
    key = fold(re.sub(r"\s*/\s*", ", ", " ".join(text.split()).strip(" ,;:.")))
    return key[:1].upper() + key[1:]


def _named_mentions(text: str) -> list[Mention]:
    matcher, rows = _named()
    doc = _keyed(text)
    found = []
    distributive = [m.end() for m in _regexes()["distributive"].finditer(text)]
    for match_id, start, end in matcher(doc):
        key = tokenizer().vocab.strings[match_id]
        span = doc[start:end]
        bare = key.endswith("#bare")
        if bare and not _in_distributive_list(text, span.start_char, distributive):
            continue
        row = rows[key.removesuffix("#bare")]
        name, end = row["name"], span.end_char
        if not bare and not name.startswith("Sở "):  # a Sở is named without its province
            end = _place_end(text, end)
            branch = _BRANCH.match(text, end)  # "Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II"
            if branch:
                end = max(end, _place_end(text, branch.end()))
            name = name + " ".join([""] + text[span.end_char:end].split())
        found.append(Mention(Agency(name, row["kind"]), span.start_char, end))
    return found


_BRANCH = re.compile(r"\s*[-–]\s*Chi\s+nhánh(?!\w)")


def _place_end(text: str, position: int) -> int:
    """End of a place after a body's name: "tỉnh", "các cấp", capital place names ("Khu vực IV")."""
    return name_end(text, position, named=True)


def _in_distributive_list(text: str, position: int, openers: list[int]) -> bool:
    """Whether a bare Sở name at `position` follows "các Sở:" with only names and commas between."""
    for opener in openers:
        if opener <= position and not re.search(r"[.;]|\sđể\s|\strong\s", text[opener:position]):
            return True
    return False


def _grammar_mentions(text: str) -> list[Mention]:
    found = []
    folded = fold(text)
    for match in _regexes()["committee"].finditer(folded):
        name = _committee_name(text[match.start():match.end()])
        level = "tinh" if name.lower().endswith("tỉnh") else "cap-duoi"
        places = _COMMITTEE_LIST.search(name)
        colon = re.match(r"\s*:\s*", text[match.end():match.end() + 4])
        named = _names_after(text, match.end() + colon.end()) if places and colon else []
        for index, (start, end) in enumerate(named):  # "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền"
            written = " ".join(text[start:end].split())
            level_word = places.group(1) if places else ""
            if written.lower().startswith(level_word):  # "các phường: Phường 1, Phường 3"
                level_word = ""
            found.append(Mention(Agency(" ".join(f"Ủy ban nhân dân {level_word} {written}".split()),
                                        "uy-ban-nhan-dan-cap-duoi"),
                                 match.start() if index == 0 else start, end))
        place = _PLACE_NAME.match(text, match.end()) if _ONE_LOCALITY.search(name) and "," not in name else None
        if place:  # "Ủy ban nhân dân phường Yên Bái"
            found.append(Mention(Agency(f"{name} {' '.join(place[1].split())}", "uy-ban-nhan-dan-cap-duoi"),
                                 match.start(), place.end()))
        elif not named:
            end = match.end()
            area = _regexes()["committee-area"].match(folded, end) if _COMMITTEES.search(name) else None
            if area:  # "Ủy ban nhân dân các xã khu vực ven biển", "… các xã, phường liên quan"
                name, end = f"{name} {' '.join(text[end:area.end()].split())}", area.end()
            found.append(Mention(Agency(name, f"uy-ban-nhan-dan-{level}"), match.start(), end))
    for match in _regexes()["group"].finditer(folded):
        if _regexes()["forward"].match(folded, match.end()):
            continue  # "các đơn vị sau đây": the bodies are named in the list below
        written = " ".join(text[match.start():match.end()].split()).rstrip(" ,")
        # one spelling per group, whatever the capitals: "Các Sở, ngành" and "các sở, ngành" meet
        name = fold(written).replace("ủy ban nhân dân", "Ủy ban nhân dân")  # "… trực thuộc Ủy ban nhân dân tỉnh"
        found.append(Mention(Agency(name, "nhom-khong-ro", vague=True),
                             match.start(), match.start() + len(written)))
    for match in _regexes()["sector"].finditer(folded):
        written = " ".join(text[match.start():match.end()].split())
        found.append(Mention(Agency(written, "nhom-khong-ro", vague=True), match.start(), match.end()))
    for body in open_names(text):
        written = " ".join(text[body.start:body.end].split())
        found.append(Mention(Agency(written, body.kind), body.start, body.end))
    return found + _distributed(text)


def _distributed(text: str) -> list[Mention]:
    """Each name after "các Sở:" ("các Sở: Nội vụ, Hải đảo - Thủy sản và Y tế"), read like an unlisted
    Sở (a listed one wins where both are found)."""
    return [Mention(Agency("Sở " + " ".join(text[start:end].split()), "so"), start, end)
            for opener in _regexes()["distributive"].finditer(text) for start, end in _names_after(text, opener.end())]


# the levels of locality whose committees a text names by level ("các xã", "huyện")
_LEVELS = "xã|phường|thị trấn|huyện|quận|thị xã"
# one commune, ward or district's committee and its name: "Ủy ban nhân dân phường Yên Bái", "… xã A Lưới 3"
_ONE_LOCALITY = re.compile(rf"(?<!các )(?<!cấp )(?:{_LEVELS}|đặc khu)$")
_PLACE_NAME = re.compile(r"\s+((?:[A-ZĐ][^\W\d_]*|\d{1,2})(?:\s+(?:[A-ZĐ][^\W\d_]*|\d{1,2}(?!\d)))*)(?![\w/])")

# "Ủy ban nhân dân các xã" before a colon and the communes' names
_COMMITTEE_LIST = re.compile(rf"\bcác\s+({_LEVELS})$")
# the committees of one or more levels of locality: "các xã", "các huyện, thành phố"
_COMMITTEES = re.compile(rf"\bcác\s+(?:{_LEVELS})(?:\s*[,/]\s*(?:{_LEVELS}|thành phố|đặc khu))*$")


_PLACE_NUMBER = re.compile(r"[ \t]+\d{1,2}(?![\d/.,]\d)(?!\w)")


def _names_after(text: str, position: int) -> list[tuple[int, int]]:
    """Spans of the capitalised names listed from `position` on ("Nội vụ, Hải đảo - Thủy sản và Y tế")."""
    spans = []
    while position < len(text) and text[position].isupper():
        end = name_end(text, position, joins=False, places=False)
        if end <= position:
            break
        numbered = _PLACE_NUMBER.match(text, end)  # "A Lưới 3", "Phường 1"
        end = numbered.end() if numbered else end
        spans.append((position, end))
        gap = _LIST_GAP.match(text[end:end + 12])
        if gap is None or not gap.end():
            break
        position = end + gap.end()
    return spans


def _grown(text: str, mention: Mention, end: int) -> Mention:
    """A listed body whose name the text writes longer ("Ban Quản lý dự án đầu tư xây dựng tỉnh"): the
    canonical name and the rest as written. A Sở's name is whole as listed ("Sở Du lịch truyền thông
    quảng bá …" is "Sở Du lịch" and its duty)."""
    if end <= name_end(text, mention.end, named=True) or mention.agency.name.startswith("Sở "):
        return mention  # only a place follows: a Sở stays without it, another body has it already
    name = mention.agency.name + " " + " ".join(text[mention.end:end].split())
    return Mention(Agency(name, mention.agency.kind), mention.start, end)


_LEVEL_ONLY = "các cấp"  # a group that is only a level: after a body's name it is the body's ("Công an các cấp")


def _grammar_rank(mention: Mention) -> int:
    """0 for committees and groups (as named bodies), 1 for a body guessed from its head word, 2 for a level
    alone ("các cấp"), which gives way to the body it follows."""
    agency = mention.agency
    if agency.kind and not agency.vague and not agency.kind.startswith("uy-ban-nhan-dan"):
        return 1
    return 2 if agency.name == _LEVEL_ONLY else 0


@lru_cache(maxsize=4096)
def mentions(text: str) -> tuple[Mention, ...]:
    """All agency mentions in `text`, in text order; where they overlap, named bodies, committees
    and groups win over head-word guesses, then the longer one. Remembered per text: a paragraph's
    mentions are asked for by its roles, its deadlines' recipients and its fields, and a heading's
    by every section below it.

    >>> [m.agency.name for m in mentions("Sở Nội vụ phối hợp với Sở Tài chính và các đơn vị liên quan")]
    ['Sở Nội vụ', 'Sở Tài chính', 'các đơn vị liên quan']
    """
    grammar = _grammar_mentions(text)
    opened = {m.start: m.end for m in grammar if m.agency.kind in _head_kinds()}
    ranked = [(0, _grown(text, m, opened.get(m.start, 0))) for m in _named_mentions(text)]
    ranked += [(_grammar_rank(m), m) for m in grammar]
    ranked.sort(key=lambda pm: (pm[0], -(pm[1].end - pm[1].start), pm[1].start))
    chosen: list[Mention] = []
    for _, mention in ranked:
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    chosen.sort(key=lambda m: m.start)
    return tuple(_named_group(text, m, chosen[i + 1].start if i + 1 < len(chosen) else len(text))
                 for i, m in enumerate(chosen))


def _named_group(text: str, mention: Mention, limit: int) -> Mention:
    """A group whose capitalised noun a name follows ("các Ban Xây dựng Đảng") is named by it."""
    if not mention.agency.vague or not text[mention.end - 1:mention.end].isalpha():
        return mention
    noun = text[mention.start:mention.end].split()[-1]
    if not noun[:1].isupper() or not text[mention.end:mention.end + 2].lstrip(" ")[:1].isupper():
        return mention
    end = min(name_end(text, mention.end, joins=False), limit)
    if end <= mention.end:
        return mention
    written = " ".join(text[mention.start:end].split())
    return Mention(Agency(written[:1].lower() + written[1:], mention.agency.kind, vague=True), mention.start, end)


def _strip(cue: str, gap: str) -> str:
    match = _regexes()[cue].match(gap)
    return gap[match.end():] if match else gap


def list_at(text: str, position: int, found: Sequence[Mention] | None = None) -> list[Mention]:
    """The agencies listed from `position` on ("A, B và C …"), skipping lead-ins and titles.

    >>> [m.agency.name for m in list_at("Giám đốc Sở Tư pháp, Sở Y tế thực hiện", 0)]
    ['Sở Tư pháp', 'Sở Y tế']
    """
    found = mentions(text) if found is None else found
    listed: list[Mention] = []
    cursor = position
    for mention in found:
        if mention.start < cursor:
            continue
        gap = text[cursor:mention.start]
        if listed:
            separator = _LIST_GAP.match(gap)
            if separator is None:
                break
            gap = gap[separator.end():]
        if _strip("title", _strip("lead-in", gap)).strip():
            break
        listed.append(mention)
        cursor = mention.end
    return listed


def distinct(agencies: list[Agency]) -> tuple[Agency, ...]:
    """Agencies without repeats (same folded name), in first-seen order."""
    seen: set[str] = set()
    out = []
    for agency in agencies:
        key = strip_marks(agency.name)
        if key not in seen:
            seen.add(key)
            out.append(agency)
    return tuple(out)
