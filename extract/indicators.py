"""Quantitative targets a plan sets: value, unit, year, subject, comparator and span.

A target is a number with a unit (extract/measures.py). Every value under an objective heading
("Mục tiêu", "Chỉ tiêu") counts; elsewhere, outside funding sections, only values a sentence sets
out after a target cue ("phấn đấu", "bảo đảm"); values reported as past ("ước đạt") and the
baseline of a change ("từ 45% lên 60%") never do. A heading that states values ("1. 100% xã …")
is read as an item, and sets them outside objective sections too ("3. Hoàn thiện 500ha mặt
bằng"). Clauses end at ";" and at sentence ends; a short "Label:" opening an item belongs to
each of its clauses. Within a clause a shared prefix belongs to every value, an
enumeration's shared tail (from its first predicate, "có", "được", …) belongs to every value
before it, a value with no words of its own continues the previous target, and a "tương ứng" /
"lần lượt" list maps its values onto the previous targets in order. Cues live in
patterns/indicator_cues.tsv.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from plangraph.extract.cues import cues, either as _either, fold_pattern, key as _key
from plangraph.extract.facts import Indicator
from plangraph.extract.measures import Measure, find_measures, unit_rows
from plangraph.extract.metadata import PlanInfo
from plangraph.extract.outline import Item, Section
from plangraph.extract.screens import search as screened_search

_SCALE = re.compile(r"^(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+")  # a count's scale word: "triệu lượt khách"
_STRONG_WORDS = 3  # a subject with fewer words outside the weak cues continues the previous one
_NOT_LETTER = r"(?![^\W\d_])"
_WORD_START = r"(?<![^\W\d_])"
_EDGE_PUNCTUATION = " \t,.;:–-"
_LEAD_IN_WORDS = 8  # a paragraph this short (or ending with ":") can set the year of what follows
_HEADING_WORDS = 30  # a heading this short that states a value sets it; a longer one ran into its text
_LABEL_WORDS = 6  # "Label: …" this short opens every clause of its item; a longer lead-in is dropped
_CLAUSE_CHARS = re.compile(r"[().;]")
_NON_SPACE = re.compile(r"\S")
_SENTENCE_NEXT = re.compile(r"\s+[\d(“\"]|\s+[^\W\d_]")
_NUMBER_NEXT = re.compile(r"\s+\d")
_COMPARED = re.compile(r"(?<!\w)so\s+với(?!\w)")  # on the folded text


@dataclass(frozen=True)
class _Target:
    start: int
    end: int
    measure: Measure
    subject: str
    unit: str
    year: int | None
    comparator: str | None
    inner: bool


def _clauses(text: str, at_semicolons: bool = True) -> list[tuple[int, int]]:
    """Spans of the clauses of an item: split at ";" and sentence ends, never inside brackets."""
    spans, start, depth = [], 0, 0
    for stop in _CLAUSE_CHARS.finditer(text):  # brackets and stops: no other character counts
        char, i = stop.group(), stop.start()
        depth += (char == "(") - (char == ")")
        if depth > 0:
            continue
        if (char == ";" and at_semicolons) or (char == "." and _sentence_end(text, i + 1)):
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _sentence_end(text: str, after: int) -> bool:
    """Whether a full stop before `after` ends a sentence: the text ends, or a capital, a number or
    a bracket follows."""
    following = _NON_SPACE.search(text, after)
    if following is None:
        return True
    return bool(_SENTENCE_NEXT.match(text, after) and following.group().isupper() or _NUMBER_NEXT.match(text, after))


@lru_cache(maxsize=8192)
def _years(key: str, kind: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, year) of each year cue of one kind, by position (asked once per value of an item)."""
    return tuple(sorted((m.start(), m.end(), int(m["year"])) for cue in cues(kind) for m in cue.finditer(key)))


@lru_cache(maxsize=8192)
def clean_subject(piece: str) -> str:
    """A subject without year cues, fillers and joining words at its edges (remembered per piece:
    the words between values are cleaned for each reading of a clause).

    >>> clean_subject("Phấn đấu đến năm 2025, đạt")
    ''
    """
    key = _key(piece)
    for start, end, _ in _years(key, "year_before") + _years(key, "year_after"):
        piece = piece[:start] + " " * (end - start) + piece[end:]
    for kind in ("aside", "drop"):  # notes and "chỉ tiêu tương ứng" are never part of a subject
        key = _key(piece)
        for cue in cues(kind):
            for found in cue.finditer(key):
                piece = piece[:found.start()] + " " * (found.end() - found.start()) + piece[found.end():]
    lead, trail = _edges()
    while True:
        before = piece
        piece = piece.strip(_EDGE_PUNCTUATION).lstrip(")").rstrip("(").strip(_EDGE_PUNCTUATION)
        for pattern in (lead, trail):
            match = pattern.search(_key(piece))
            if match:
                piece = piece[:match.start()] + piece[match.end():]
        if piece == before:
            return re.sub(r"\s+", " ", piece)


@lru_cache(maxsize=None)
def _ending(kind: str, word: bool = False) -> re.Pattern[str]:
    """A cue of `kind` at the end of a key (as a whole word when `word`), compiled once (matched as
    written: without the cues' own case-insensitive flag)."""
    return re.compile((_WORD_START if word else "") + rf"(?:{_either(kind).pattern})\s*$")


@lru_cache(maxsize=1)
def _edges() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Fillers and joining words at the start and at the end of a subject."""
    edge = "|".join(f"(?:{c.pattern})" for kind in ("filler", "link") for c in cues(kind))
    return (re.compile(rf"^(?:{edge}){_NOT_LETTER}", re.IGNORECASE),
            re.compile(rf"(?<![^\W\d_])(?:{edge})$", re.IGNORECASE))


def _strong(subject: str) -> bool:
    rest = _either("weak").sub(" ", _key(subject))
    return len(re.findall(r"[^\W\d_]+", rest)) >= _STRONG_WORDS


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _new_words(subject: str, previous: str) -> str:
    """`subject`, unless all its words are in `previous` already; without the words it opens with
    as `previous` does (a clause's lead shared by its values: "Thu hút" of "Thu hút 10 triệu lượt
    khách, tăng 18%/năm")."""
    words, before = _key(subject).split(), _key(previous).split()
    if set(words) <= set(before):
        return ""
    shared = next((k for k, (a, b) in enumerate(zip(words, before)) if a != b), min(len(words), len(before)))
    return " ".join(subject.split()[shared:])


def _counted(measure: Measure) -> str:
    """The word a count counts ("lượt khách" of "triệu lượt khách"), "" for other kinds."""
    return _SCALE.sub("", measure.unit.split("/")[0]) if measure.kind == "count" else ""


def _tail(own: str) -> str:
    match = _either("predicate").search(_key(own))
    return own[match.start():] if match else ""


def _main_subjects(text: str, start: int, end: int, values: list[Measure]) -> list[str]:
    """Subjects of the values of one clause (brackets holding values already blanked)."""
    shared = _after_lead_in(text[start:values[0].start])
    owns = [""] * len(values)
    prefixes = [""] * len(values)
    for i in range(1, len(values)):
        between = text[values[i - 1].end:values[i].start]
        key = _key(between).rstrip(" \t")
        if _ending("link", word=True).search(key) or key.endswith(":"):
            prefixes[i] = clean_subject(between)
            owns[i - 1] = clean_subject(values[i - 1].gap)
        else:  # "A đạt 10 triệu USD, tốc độ tăng 8%": words after the last comma name the next value
            own, comma, head = between.rpartition(",")
            prefixes[i] = clean_subject(head) if comma else ""
            owns[i - 1] = clean_subject(f"{values[i - 1].gap} {own if prefixes[i] else between}")
    owns[-1] = clean_subject(f"{values[-1].gap} {text[values[-1].end:end]}")
    tail = _tail(owns[-1])
    subjects = []
    for i, own in enumerate(owns):
        if own and i < len(owns) - 1 and not _either("predicate").search(_key(own)):
            own = _join(own, tail)
        if not own:
            own = next((o for o in owns[i + 1:] if o), "")
        subjects.append(_join(shared, prefixes[i], own))
    return subjects


def _after_lead_in(prefix: str) -> str:
    """A shared prefix without a long lead-in ending in a colon ("…, cụ thể: tỷ lệ A đạt") or
    before a restarting cue (", bảo đảm")."""
    before, colon, after = prefix.rpartition(":")
    if colon and len(clean_subject(before).split()) > _LABEL_WORDS and _strong(clean_subject(after)):
        prefix = after
    restarts = [m.end() for cue in cues("restart") for m in cue.finditer(_key(prefix))]
    if restarts:  # "Rà soát hồ sơ, bảo đảm 100% …": what is measured comes after the cue
        prefix = prefix[max(restarts):]
    return clean_subject(prefix)


def _label(text: str) -> tuple[int, str]:
    """(end, words) of a short label opening an item ("Tại địa bàn đô thị: …"), else (0, "")."""
    match = re.match(r"([^:;.()]{1,80}):\s", text)
    if not match:
        return 0, ""
    label = clean_subject(match[1])
    if not label or len(label.split()) > _LABEL_WORDS or find_measures(match[1]):
        return 0, ""
    return match.end(), label


def _year_of(measure: Measure, following: int, clause: tuple[int, int], key: str,
              default: int | None) -> int | None:
    before = _years(key, "year_before")
    for start, _, year in _years(key, "year_after"):
        if measure.end <= start < min(following, clause[1]) and not _COMPARED.search(key, measure.end, start):
            return year  # not the year a value is compared with ("… 90% … so với năm 2020")
    inside = [y for s, e, y in before if clause[0] <= s and e <= measure.start]
    if inside:
        return inside[-1]
    after = [y for s, _, y in before if measure.end <= s < min(following, clause[1])
             and not _COMPARED.search(key, measure.end, s)]
    if after:
        return after[0]
    earlier = [y for _, e, y in before if e <= measure.start]
    return earlier[-1] if earlier else default


def _per_year(unit: str, key: str) -> str:
    """A count "hằng năm" is per year; a percentage only when it is a rate ("tăng … 5% mỗi năm")."""
    if "/" in unit or not _either("per_year").search(key):
        return unit
    if unit == "%" and not _either("rate").search(key):
        return unit
    return f"{unit}/năm"


def _comparator(before: str, span: str) -> str | None:
    """">=" for "ít nhất …" / "… trở lên", ">" / "<" for "trên" / "dưới" right before the value."""
    if _either("at_least").search(before) or _either("at_least").search(span):
        return ">="
    for kind, symbol in (("above", ">"), ("below", "<")):
        if _ending(kind, word=True).search(before):
            return symbol
    return None


def _set_out(text: str) -> list[tuple[int, int]]:
    """Spans where a plan sets targets outside its objective sections: from a cue ("phấn đấu",
    "bảo đảm", …) to the end of its sentence."""
    key = _key(text)
    spans = []
    for start, end in _clauses(text, at_semicolons=False):
        match = screened_search(_either("target"), key, start, end)
        if match:
            spans.append((match.start(), end))
    return spans


def _reported(key: str, measures: Sequence[Measure]) -> list[Measure]:
    """Values that report the past ("ước đạt 8%", "đã đạt 95%"): a past cue since the previous
    value, and no target cue after it; and baselines ("tăng từ 45% lên 60%": 45%)."""
    found = []
    previous_end = 0
    for i, measure in enumerate(measures):
        before = key[previous_end:measure.start]
        past = [m.start() for m in _either("past").finditer(before)]
        aims = [m.start() for m in _either("target").finditer(before)]
        if past and (not aims or aims[-1] < past[-1]):
            found.append(measure)
        elif i + 1 < len(measures) and _ending("from").search(before) and \
                _ending("to").search(key[measure.end:measures[i + 1].start]):
            found.append(measure)
        previous_end = measure.end
    return found


def _inherit_unit(unit: str, previous: str) -> str:
    if "/" not in unit and previous.split("/")[0] == unit:
        return previous
    return unit


def item_targets(text: str, default_year: int | None, gated: bool = False,
                 earlier: Sequence[_Target] = ()) -> list[_Target]:
    """The targets of one bullet or paragraph, in text order (offsets into `text`).

    `gated`: outside objective sections only values after a target cue in their sentence count.
    `earlier`: the targets before this item, onto whose last ones a "lần lượt" / "tương ứng"
    list with no targets of its own item before it maps.
    """
    measures = find_measures(text)
    if not measures or gated and not screened_search(_either("target"), _key(text)):
        return []
    allowed = _set_out(text) if gated else [(0, len(text))]
    if not any(s <= m.start < e for m in measures for s, e in allowed):
        return []
    label_end, label = _label(text)
    key = _key(text)
    # "Hàng năm, A tăng trên 03%; B tăng trên 05%.": every value of the item is per year
    yearly = _either("per_year").match(key, len(key) - len(key.lstrip()))
    brackets = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]
    targets: list[_Target] = []
    previous_clause: list[_Target] = []
    for cs, ce in _clauses(text):
        in_clause = [m for m in measures if cs <= m.start and m.end <= ce]
        if not in_clause:
            continue
        held = [b for b in brackets if cs <= b[0] and b[1] <= ce
                and any(b[0] < m.start < b[1] for m in in_clause)]
        main = [m for m in in_clause if not any(b[0] < m.start < b[1] for b in held)]
        masked = text
        for b0, b1 in held:
            masked = masked[:b0] + " " * (b1 - b0) + masked[b1:]
        clause_key = _key(masked[cs:ce])
        respective = bool(screened_search(_either("respective"), clause_key))
        sources = previous_clause or list(earlier[-len(main):] if len(earlier) >= len(main) else ())
        subjects = _main_subjects(masked, cs, ce, main) if main else []
        current: list[_Target] = []
        for i, measure in enumerate(main):
            following = main[i + 1].start if i + 1 < len(main) else ce
            # the words of this value alone: since the previous value, and up to the next comma
            own = masked[main[i - 1].end if i else cs:measure.end] + masked[measure.end:following].split(",")[0]
            subject, unit = subjects[i], _per_year(measure.unit, (yearly.group(0) + " " if yearly else "") + _key(own))
            if not _strong(subject):
                source = None
                if respective and i < len(sources):
                    source, subject = sources[i], sources[i].subject
                elif current or targets:
                    source = (current or targets)[-1]
                    subject = _join(source.subject, _new_words(subject, source.subject))
                if source is not None:
                    unit = _inherit_unit(unit, source.unit)
                else:  # "Thu hút 10 - 12 triệu lượt khách": what is counted names the value too
                    subject = _join(subject, _new_words(_counted(measure), subject))
            if cs >= label_end and label:
                subject = _join(_new_words(label, subject), subject)
            comparator = _comparator(_key(masked[cs:measure.start]), _key(masked[measure.start:following]))
            year = _year_of(measure, following, (cs, ce), key, default_year)
            current.append(_Target(cs, ce, measure, subject, unit, year, comparator, False))
        for measure in in_clause:
            if measure in main:
                continue
            b0, b1 = next(b for b in held if b[0] < measure.start < b[1])
            outer = [t for t in current if t.measure.start < b0] or current or targets[-1:]
            inner = clean_subject(text[b0 + 1:measure.start])
            own = clean_subject(text[measure.end:b1 - 1])
            subject = _join(inner, own, outer[-1].subject if outer else "")
            year = outer[-1].year if outer else _year_of(measure, b1, (cs, ce), key, default_year)
            unit = _per_year(measure.unit, _key(text[b0:b1]))
            current.append(_Target(cs, ce, measure, subject, unit, year, None, True))
        targets.extend(current)
        mains = [t for t in current if not t.inner]
        if mains:
            previous_clause = mains
    reported = _reported(key, measures)
    kept = [t for t in targets
            if any(s <= t.measure.start < e for s, e in allowed) and t.measure not in reported]
    return sorted(kept, key=lambda t: t.measure.start)


def _matches(section: Section, kind: str) -> bool:
    return _title_matches(section.title, kind)


@lru_cache(maxsize=4096)
def _title_matches(title: str, kind: str) -> bool:
    """Whether a heading's title has a cue of `kind` (asked again for every section below it)."""
    return any(cue.search(_key(title)) for cue in cues(kind))


def is_objective(section: Section) -> bool:
    """Whether a section states objectives (its own or an enclosing heading says so)."""
    chain = [section, *section.ancestors()]
    return any(_matches(s, "objective") for s in chain) and not _in_budget(section)


def heading_year(section: Section) -> int | None:
    """The target year the nearest period heading gives ("Giai đoạn 2021 - 2025" → 2025)."""
    for node in [section, *section.ancestors()]:
        year = _title_year(node.title)
        if year is not None:
            return year
    return None


@lru_cache(maxsize=4096)
def _title_year(title: str) -> int | None:
    key = _key(title.strip())
    for cue in cues("heading_year"):
        match = cue.search(key)
        if match:
            return int(match["year"])
    return None


def find_indicators(root: Section, plan: PlanInfo | None = None) -> tuple[Indicator, ...]:
    """Every quantitative target of an outline: all values under objective headings, and elsewhere
    (outside funding sections) the values a sentence sets out ("phấn đấu", "bảo đảm 100% …").

    >>> from extract.outline import outline
    >>> root = outline("I. MỤC TIÊU\\n1. Giai đoạn 2021 - 2025\\n- Phấn đấu 70% thư viện cấp xã có dịch vụ.")
    >>> [(i.section, i.value, i.unit, i.year, i.subject) for i in find_indicators(root)]
    [('I.1', 70.0, '%', 2025, 'thư viện cấp xã có dịch vụ')]
    """
    fallback = (plan.period_end or plan.horizon) if plan else None
    found: list[Indicator] = []
    earlier: list[_Target] = []
    for section in root.walk():
        if not section.path or _in_budget(section):
            continue
        gated = not is_objective(section)
        year = heading_year(section) or fallback
        ordinal = 0
        for item in statements(section):
            # a heading that states a value sets it ("3. Hoàn thiện 500ha mặt bằng sạch")
            heading = (item.start == section.start and item.text == section.title
                       and len(item.text.split()) <= _HEADING_WORDS)
            targets = item_targets(item.text, year, gated and not heading, earlier)
            earlier.extend(t for t in targets if not t.inner)
            if not targets:
                year = _lead_in_year(item.text) or year
            for target in targets:
                ordinal += 1
                start, end = _trim(item.text, target.start, target.end)
                m = target.measure
                found.append(Indicator(section.path, ordinal, target.subject, m.value, m.value_max,
                                       target.unit, target.year, target.comparator,
                                       item.start + start, item.start + end))
    return tuple(found)


def _in_budget(section: Section) -> bool:
    return any(_matches(s, "budget") for s in [section, *section.ancestors()])


def statements(section: Section) -> list[Item]:
    """A section's items, after its heading when the heading itself states values ("1. 100% xã …")."""
    if not find_measures(section.title):
        return section.items
    return [Item("", section.title, section.start, section.start + len(section.title)), *section.items]


def _lead_in_year(text: str) -> int | None:
    """The year a short lead-in paragraph ("Đến năm 2030:") gives the bullets after it."""
    if len(text.split()) > _LEAD_IN_WORDS and not text.rstrip().endswith(":"):
        return None
    years = _years(_key(text), "year_before") + _years(_key(text), "heading_year")
    return years[-1][2] if years else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


__all__ = ["Measure", "clean_subject", "cues", "find_indicators", "find_measures", "heading_year",
           "is_objective", "item_targets", "statements", "unit_rows"]
