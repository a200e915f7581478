"""Deterministic IRIs: the same text always mints the same IRIs, and renderings of one plan meet."""
from __future__ import annotations

import hashlib
import os
import re
from urllib.parse import quote

from rdflib import URIRef

from plangraph.extract.normalize import strip_marks

DEFAULT_BASE = "http://127.0.0.1:8000"
_SLUG_LIMIT = 90
_DIGEST = 12  # hex digits of a content digest in an IRI


def base_iri() -> str:
    """The configured base (environment PLANGRAPH_BASE), without a trailing slash."""
    return os.environ.get("PLANGRAPH_BASE", DEFAULT_BASE).rstrip("/")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-'; long slugs keep a hash of the rest.

    >>> slug("Sở Văn hóa, Thể thao và Du lịch")
    'so-van-hoa-the-thao-va-du-lich'
    """
    words = re.findall(r"[a-z0-9]+", strip_marks(text))
    value = "-".join(words)
    if len(value) > _SLUG_LIMIT:
        digest = hashlib.sha1(value.encode()).hexdigest()[:8]
        value = value[:_SLUG_LIMIT].rstrip("-") + "-" + digest
    return value or "x"


def plan_iri(province: str | None, type_code: str, year: int | None, number: str | None,
             title: str | None, base: str | None = None, content: str = "") -> URIRef:
    """ELI-style plan IRI. Renderings of one plan meet: the same number and year, or (a plan
    without a number) the same title and province, with no year segment so that renderings with
    and without the date line agree. What names no plan by itself is told apart by `content`
    (a digest of the plan's text): a number without a year, a plan with neither number nor title.

    >>> plan_iri("Lai Châu", "KH", None, None, None, "http://x", "ab12cd34ef56aa")
    rdflib.term.URIRef('http://x/eli/vn/lai-chau/kh/draft/text-ab12cd34ef56')
    """
    root = f"{base or base_iri()}/eli/vn/{slug(province or 'unknown')}/{slug(type_code)}"
    if number and year:
        return URIRef(f"{root}/{year}/{slug(number)}")
    if number:
        return URIRef(f"{root}/undated/{slug(number)}" + (f"-{content[:_DIGEST]}" if content else ""))
    if title:
        return URIRef(f"{root}/draft/{slug(title)}")
    return URIRef(f"{root}/draft/" + (f"text-{content[:_DIGEST]}" if content else "untitled"))


def content_digest(text: str) -> str:
    """A digest of a text that ignores case, marks, spacing and punctuation, so that renderings of
    one text agree.

    >>> content_digest("Kế hoạch: Sở Y tế") == content_digest("KE HOACH  so y te")
    True
    """
    words = re.findall(r"[a-z0-9]+", strip_marks(text))
    return hashlib.sha1(" ".join(words).encode()).hexdigest()


def part_iri(plan: URIRef, kind: str, key: str) -> URIRef:
    """A part of a plan: section, task, indicator, …; `key` may hold dots (section paths)."""
    return URIRef(f"{plan}/{kind}/{quote(key.replace(' ', '_'), safe='.-_~')}")


def source_iri(plan: URIRef, sha256: str) -> URIRef:
    """The source text (an expression of the plan) and its named graph."""
    return URIRef(f"{plan}/source/{sha256[:16]}")


def agency_iri(province: str | None, name: str, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}/org/{slug(province or 'vn')}/{slug(_levels_in_order(name))}")


# the committees of several levels, in whatever order a plan lists them ("xã, phường" / "phường, xã")
_LEVELS = re.compile(r"^(ủy ban nhân dân (?:các |cấp )?)((?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|đặc khu)"
                     r"(?:\s*(?:,|và|/)\s*(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|đặc khu))+)$")


def _levels_in_order(name: str) -> str:
    """One key for a group of committees listed in any order.

    >>> _levels_in_order("Ủy ban nhân dân phường, xã, đặc khu") == _levels_in_order("Ủy ban nhân dân xã, phường, đặc khu")
    True
    """
    match = _LEVELS.match(" ".join(name.lower().split()))
    if not match:
        return name
    levels = re.split(r"\s*(?:,|và|/)\s*", match[2])
    return match[1] + " ".join(sorted(levels))


def agency_kind_iri(kind: str, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}/ref/agency-kind/{slug(kind)}")


def indicator_kind_iri(kind: str, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}/ref/indicator-kind/{slug(kind)}")


def province_iri(name: str, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}/ref/province/{slug(name)}")


def document_iri(number: str, base: str | None = None) -> URIRef:
    """A cited document known only by its number."""
    return URIRef(f"{base or base_iri()}/eli/vn/doc/{slug(number)}")


def doc_type_iri(code: str, base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}/ref/document-type/{slug(code)}")


def inferred_graph_iri(base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}/graph/inferred")


def document_inferred_graph_iri(document_graph: str) -> URIRef:
    """The graph holding what the rules infer from one source document's graph alone.

    >>> document_inferred_graph_iri("http://x/eli/vn/a/kh/2024/1/source/ab")
    rdflib.term.URIRef('http://x/eli/vn/a/kh/2024/1/source/ab/inferred')
    """
    return URIRef(f"{document_graph}/inferred")


def reference_graph_iri(base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}/graph/reference")


def facts_graph_iri(base: str | None = None) -> URIRef:
    """The graph holding each distinct fact of the source documents once (the default graph's data)."""
    return URIRef(f"{base or base_iri()}/graph/facts")
