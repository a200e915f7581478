"""Bodies no list knows are read like listed ones: in real plans, every mention of two or three listed
bodies is replaced by an invented body of the same head, and the responsibilities must stay the same
(same tasks, same roles, the new names in place of the old)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from plangraph.extract.agencies import mentions
from plangraph.extract.find import find_facts
from plangraph.extract.normalize import normalize
from plangraph.extract.outline import outline
from plangraph.extract.paths import ROOT
from plangraph.extract.tables import find_tables, table_spans

REAL_TEXTS = ROOT.parent / "shared" / "real" / "texts"

# invented bodies, well-formed like real ones, named by the head they replace
INVENTED: dict[str, tuple[str, ...]] = {
    "Sở": ("Sở Hải đảo - Thủy sản", "Sở Năng lượng và Khoáng sản", "Sở Đô thị mới"),
    "Trung tâm": ("Trung tâm Bảo tồn di sản tỉnh", "Trung tâm Điều phối cứu hộ tỉnh"),
    "Ban": ("Ban Thi đua - Khen thưởng tỉnh", "Ban Điều phối vùng cao tỉnh"),
    "Hội": ("Hội Làm vườn tỉnh", "Hội Sinh vật cảnh tỉnh"),
    "Liên đoàn": ("Liên đoàn Bóng bàn tỉnh",),
    "Đài": ("Đài Khí tượng Thủy văn tỉnh",),
    "Văn phòng": ("Văn phòng Điều phối chương trình giảm nghèo tỉnh",),
    "Bộ Chỉ huy": ("Bộ Chỉ huy Phòng thủ dân sự tỉnh",),
    "Chi cục": ("Chi cục Thủy sản tỉnh",),
}


def _responsibilities(text: str) -> Counter[tuple[str, str, str, str]]:
    clean = normalize(text).text
    tables = find_tables(clean)
    facts = find_facts(clean, outline(clean, skip=table_spans(tables)), tables)
    found: Counter[tuple[str, str, str, str]] = Counter()
    for task in facts.tasks:
        words = " ".join(task.text.split())
        for role, agencies in (("lead", task.leads), ("coordinate", task.coordinators)):
            for agency in agencies:
                found[(task.section, words, role, agency.name)] += 1
    return found


def _written(name: str) -> re.Pattern[str]:
    """A name as it may be written: any spaces or line breaks between its words."""
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in name.split()) + r"(?!\w)")


def _swap(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        text = _written(old).sub(new, text)
    return text


def _head(name: str) -> str | None:
    return next((h for h in sorted(INVENTED, key=len, reverse=True) if name.startswith(h + " ")), None)


def _choose(clean: str, responsible: Counter[tuple[str, str, str, str]], count: int = 3) -> list[tuple[str, str]]:
    """Up to `count` listed bodies with a capitalised name that carry responsibilities, each with an
    invented body of its head; a body is skipped when some mention of it would survive the swap."""
    named = Counter(name for (_, _, _, name) in responsible.elements())
    pairs: list[tuple[str, str]] = []
    used: Counter[str] = Counter()
    for name, _ in named.most_common():
        head = _head(name)
        if head is None or not name[len(head) + 1:][:1].isupper() or used[head] >= len(INVENTED[head]):
            continue
        new = INVENTED[head][used[head]]
        if any(m.agency.name == name for m in mentions(_swap(clean, [*pairs, (name, new)]))):
            continue  # written in a form the swap cannot reach ("các Sở: Nội vụ, …")
        pairs.append((name, new))
        used[head] += 1
        if len(pairs) == count:
            break
    return pairs


def _expected(found: Counter[tuple[str, str, str, str]], pairs: list[tuple[str, str]]) -> Counter[tuple[str, str, str, str]]:
    return Counter({(section, _swap(words, pairs), role, _swap(name, pairs)): n
                    for (section, words, role, name), n in found.items()})


def substitution_figures(path: Path) -> tuple[list[tuple[str, str]], int, int, int]:
    """(pairs swapped, responsibilities of the original, of the changed text, in both after the swap)."""
    clean = normalize(path.read_text(encoding="utf-8")).text
    before = _responsibilities(clean)
    pairs = _choose(clean, before)
    expected = _expected(before, pairs)
    after = _responsibilities(_swap(clean, pairs))
    return pairs, sum(expected.values()), sum(after.values()), sum((expected & after).values())


TEXTS = sorted(REAL_TEXTS.glob("*.txt")) if REAL_TEXTS.is_dir() else []


@pytest.mark.skipif(not TEXTS, reason=f"no real plans at {REAL_TEXTS}")
@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_agency_substitution_keeps_the_responsibilities(path: Path) -> None:
    clean = normalize(path.read_text(encoding="utf-8")).text
    before = _responsibilities(clean)
    pairs = _choose(clean, before)
    if not pairs:
        pytest.skip("no listed body with a capitalised name carries a responsibility here")
    expected = _expected(before, pairs)
    after = _responsibilities(_swap(clean, pairs))
    assert any(new in {name for (*_, name) in after} for _, new in pairs)
    assert after == expected, (pairs, sorted((expected - after).elements())[:5], sorted((after - expected).elements())[:5])
