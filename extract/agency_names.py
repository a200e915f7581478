"""Bodies no list knows: a capitalised head noun ("Sở", "Trung tâm", "Ban quản lý") and the proper name
after it, up to a clear boundary (grammar in patterns/agency_heads.tsv).

Vietnamese names of bodies capitalise the first word of the name after the head and of each coordinated
part ("Sở Quy hoạch - Kiến trúc", "Trung tâm Kiểm soát bệnh tật tỉnh"), so a name starts with a capital
word and runs over the lower-case words that complete it until punctuation, another body, a role cue or
verb ("chủ trì", "hướng dẫn"), or a place ("tỉnh", "huyện Mẫu Sơn").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from plangraph.extract.rules import compile_regex, read_table

# a name's lower-case tail longer than this without a boundary reads into the sentence: it is cut
# after the first lower-case word ("Sở Quy hoạch Kiến trúc khẩn trương hoàn thiện hồ sơ …")
_MAX_LOWER_RUN = 6
_PUNCTUATION = ",;:()[]“”\"'"
_TOKEN = re.compile(r"\n|[,;:()\[\]“”\"']|[^\s,;:()\[\]“”\"']+")


@dataclass(frozen=True)
class Grammar:
    heads: tuple[tuple[re.Pattern[str], str, bool], ...]  # (head, kind, whether a place is part of the name)
    any_head: re.Pattern[str]
    exclude: re.Pattern[str]
    stop: re.Pattern[str]  # ends a name where a lower-case word starts
    cue: re.Pattern[str]  # ends a name in any case
    opener: re.Pattern[str]  # a capital word that ends a name: it opens the next phrase ("Các sở")
    level: re.Pattern[str]


@dataclass(frozen=True)
class OpenName:
    start: int
    end: int
    kind: str


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    rows = read_table("agency_heads.tsv", ("id", "type", "kind", "place", "cue", "example"))
    heads = sorted(((row["cue"], row["kind"], row["place"] == "yes") for row in rows if row["type"] == "head"),
                   key=lambda head: -max(len(c) for c in head[0].split("|")))
    for row in rows:
        compile_regex(row, "cue", 0)

    def joined(kind: str) -> str:
        return "|".join(f"(?:{row['cue']})" for row in rows if row["type"] == kind)

    return Grammar(
        heads=tuple((re.compile(rf"(?:{cue})(?!\w)"), kind, place) for cue, kind, place in heads),
        any_head=re.compile(rf"(?<!\w)(?:{'|'.join(cue for cue, _, _ in heads)})(?!\w)"),
        exclude=re.compile(rf"(?:{joined('not')})", re.IGNORECASE),
        stop=re.compile(rf"(?:{joined('stop')}|{joined('cue')})(?!\w)", re.IGNORECASE),
        cue=re.compile(rf"(?:{joined('cue')})(?!\w)", re.IGNORECASE),
        opener=re.compile(rf"(?:{joined('opener')})(?!\w)"),
        level=re.compile(rf"(?:{joined('level')})(?!\w)", re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def head_kinds() -> frozenset[str]:
    """The kinds a body gets from its head alone ("so", "trung-tam")."""
    return frozenset(kind for _, kind, _ in grammar().heads)


def is_head(word: str) -> bool:
    """Whether `word` (one written word) is a head noun that opens a body's name."""
    return bool(grammar().any_head.fullmatch(word))


def open_names(text: str) -> list[OpenName]:
    """Every head noun followed by a name, with the kind its head gives.

    >>> text = "Sở Quy hoạch - Kiến trúc chủ trì"
    >>> [(text[n.start:n.end], n.kind) for n in open_names(text)]
    [('Sở Quy hoạch - Kiến trúc', 'so')]
    """
    g = grammar()
    found = []
    ordinary = 0  # end of the last head word that opens an ordinary word ("Cục bộ")
    for match in g.any_head.finditer(text):
        if match.start() < ordinary:
            continue
        excluded = g.exclude.match(text, match.start())
        if excluded:
            ordinary = excluded.end()
            continue
        for head, kind, place in g.heads:
            opened = head.match(text, match.start())
            if opened is None:
                continue
            end = name_end(text, opened.end(), places=place)
            if end > opened.end():
                found.append(OpenName(match.start(), end, kind))
                break
    return found


def _word_at(text: str, position: int) -> str:
    match = _TOKEN.match(text, position)
    return match.group(0) if match else ""


def _capital(word: str) -> bool:
    return bool(word) and word[0].isupper()


def name_end(text: str, position: int, *, named: bool = False, joins: bool = True, places: bool = True) -> int:
    """End of the name that starts at `position` (after a head noun), or `position` when there is none.

    With `named`, the name before `position` is already known ("Hội Nông dân") and only a place may
    follow ("tỉnh", "Khu vực IV"). Without `joins`, "và" and commas end the name (names in a list);
    without `places`, a place ends it.
    """
    g = grammar()
    tokens = list(_TOKEN.finditer(text, position, min(len(text), position + 240)))
    end = position
    seen = named  # a capital word of the name has been read
    placed = named  # a place was read: only capital place names may follow
    comma: int | None = None  # end before a comma that is inside the name if a 'và' part follows
    lower_run, cut = 0, position
    capitals = 0  # capital words in a row
    i = 0
    while i < len(tokens):
        raw, at = tokens[i].group(0), tokens[i].start()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if raw == "\n":
            wrapped = nxt is not None and nxt.group(0)[:1].islower() and not g.stop.match(text, nxt.start())
            if seen and not wrapped:
                break
        elif raw == ",":
            # "Sở Văn hóa, Thể thao và Du lịch"
            if not seen or named or placed or not joins or not _goes_on(text, nxt):
                break
            comma = end if comma is None else comma
            capitals = 0
        elif raw in _PUNCTUATION:
            break
        else:
            bare = raw.rstrip("./")
            if not bare:
                break
            level = g.level.match(text, at) if seen and comma is None else None
            if level and not places:
                break
            if level:
                end, placed = level.end(), True
                while i < len(tokens) and tokens[i].end() <= level.end():
                    i += 1
                if i < len(tokens) and tokens[i].start() < level.end():
                    break  # punctuation glued to the place word
                continue
            if bare in ("-", "–", "và"):
                if bare != raw or not seen or (bare == "và" and (named or not joins)) or not _goes_on(text, nxt):
                    break
                comma = None if bare == "và" else comma
                capitals = 0
            elif _capital(bare):
                nested = _opens_body(text, at)  # the head of the body this one belongs to ("Văn phòng Ban …")
                if seen and (nested or g.opener.match(text, at)):
                    break
                ordinary = g.exclude.match(text, at) if seen else None
                if ordinary:  # "Chi cục Thủy lợi và Phòng, chống thiên tai"
                    end, lower_run, capitals = ordinary.end(), 0, 0
                    while i < len(tokens) and tokens[i].start() < ordinary.end():
                        i += 1
                    continue
                end, seen, lower_run = at + len(bare), True, 0
                # not abbreviations ("TNHH"), nor a nested body's head ("Văn phòng Ban Chỉ huy")
                capitals += 0 if len(bare) > 1 and bare.isupper() or nested else 1
            elif bare[0].isalpha() and seen and not placed:
                if g.stop.match(text, at) or capitals >= 2:
                    break  # after two capital words in a row ("… Núi Mây đào tạo") the sentence goes on
                capitals = 0
                lower_run += 1
                cut = at + len(bare) if lower_run == 1 else cut
                if lower_run > _MAX_LOWER_RUN:
                    return cut if comma is None else comma
                end = at + len(bare)
            else:
                break
            if bare != raw:
                break
        i += 1
    return end if comma is None else comma


def _goes_on(text: str, token: re.Match[str] | None) -> bool:
    """Whether the name goes on with `token`: a capital word that is neither a body's head nor a cue."""
    return token is not None and _capital(token.group(0)) and not _opens_body(text, token.start()) \
        and not grammar().cue.match(text, token.start())


def _opens_body(text: str, position: int) -> bool:
    """Whether a head noun that is not an ordinary word starts at `position`."""
    g = grammar()
    return bool(g.any_head.match(text, position)) and not g.exclude.match(text, position)
