"""Word's automatic list numbering ("I.", "1.", "a)", "1.2."), which is not in a paragraph's
text: the numbering definitions of word/numbering.xml and the counters of a document read in order."""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLETS = "-+•–"  # bullets the outline reads as items; any other symbol becomes "-"
_ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50),
          ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


@dataclass(frozen=True)
class Level:
    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    legal: bool = False  # isLgl: every number of the label in arabic


@dataclass
class Numbering:
    """Definitions (list id → levels) and the running counters of each list."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId → levels
    lists: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, tuple[int | None, Level | None]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId → level → value
    started: set[str] = field(default_factory=set)  # numIds whose start overrides were applied

    def label(self, num_id: str, level: int) -> str:
        """The label Word shows before the next paragraph of list `num_id` at `level` ("II.",
        "2.1.", "a)", "-"), counting it; "" when the list is unknown or shows nothing."""
        abstract = self.lists.get(num_id)
        if abstract is None or num_id == "0":
            return ""
        levels = dict(self.levels.get(abstract, {}))
        for ilvl, (_, override) in self.overrides.get(num_id, {}).items():
            if override is not None:
                levels[ilvl] = override
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for ilvl, (start, _) in self.overrides.get(num_id, {}).items():
                if start is not None:
                    counters[ilvl] = start - 1
                    for deeper in [k for k in counters if k > ilvl]:
                        del counters[deeper]
        definition = levels.get(level, Level())
        counters[level] = counters.get(level, definition.start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if definition.format == "bullet":
            symbol = definition.text.strip()
            return symbol if symbol in _BULLETS else "-"
        if definition.format == "none":
            return definition.text.replace("%", "").strip() if "%" not in definition.text else ""
        text = definition.text
        for k in range(9, -1, -1):
            token = f"%{k + 1}"
            if token in text:
                shown = levels.get(k, Level())
                value = counters.get(k, shown.start)
                text = text.replace(token, _format(value, "decimal" if definition.legal else shown.format))
        return text.strip()


def _format(value: int, kind: str) -> str:
    if kind in ("upperRoman", "lowerRoman"):
        written, rest = "", value
        for symbol, amount in _ROMAN:
            while rest >= amount:
                written, rest = written + symbol, rest - amount
        return written.upper() if kind == "upperRoman" else written
    if kind in ("upperLetter", "lowerLetter"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        letter = letters[(value - 1) % 26] * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if kind == "upperLetter" else letter
    if kind == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _level(element: etree._Element) -> tuple[int, Level]:
    def value(tag: str, default: str) -> str:
        found = element.find(W + tag)
        return default if found is None else str(found.get(W + "val", default))

    ilvl = int(element.get(W + "ilvl", "0"))
    legal = element.find(W + "isLgl")
    return ilvl, Level(int(value("start", "1") or 1), value("numFmt", "decimal"), value("lvlText", ""),
                       legal is not None and legal.get(W + "val", "true") not in ("0", "false"))


def parse_numbering(xml: bytes | None) -> Numbering:
    """The lists defined in word/numbering.xml (empty when the document has none)."""
    numbering = Numbering()
    if not xml:
        return numbering
    root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    for abstract in root.iter(W + "abstractNum"):
        numbering.levels[str(abstract.get(W + "abstractNumId"))] = dict(_level(lvl) for lvl in abstract.iter(W + "lvl"))
    for num in root.iter(W + "num"):
        num_id = str(num.get(W + "numId"))
        target = num.find(W + "abstractNumId")
        if target is None:
            continue
        numbering.lists[num_id] = str(target.get(W + "val"))
        for override in num.iter(W + "lvlOverride"):
            ilvl = int(override.get(W + "ilvl", "0"))
            start = override.find(W + "startOverride")
            lvl = override.find(W + "lvl")
            numbering.overrides.setdefault(num_id, {})[ilvl] = (
                int(start.get(W + "val", "1")) if start is not None else None,
                _level(lvl)[1] if lvl is not None else None)
    return numbering
