"""The page templates and what they share: links for IRIs, the two languages, readable names and dates."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi.templating import Jinja2Templates
from jinja2 import pass_context

from plangraph.api.web import i18n
from plangraph.extract.iris import base_iri

ONTOLOGY_NS = "https://w3id.org/plangraph/ontology#"
ONTOLOGY_IRI = "https://w3id.org/plangraph/ontology"
SHAPES_NS = "https://w3id.org/plangraph/shapes#"
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def href(term: object) -> str:
    """Where a page links for an IRI: this server's path for minted IRIs and for the vocabulary, else the IRI.

    >>> href("https://w3id.org/plangraph/ontology#Task")
    '/ontology#Task'
    """
    text = str(term)
    base = base_iri()
    if text.startswith(base + "/"):
        return text[len(base):]
    if text.startswith(ONTOLOGY_NS):
        return "/ontology#" + text[len(ONTOLOGY_NS):]
    if text == ONTOLOGY_IRI:
        return "/ontology"
    if text.startswith(SHAPES_NS):
        return "/shapes#" + text[len(SHAPES_NS):]
    return text


def short(term: object) -> str:
    """A compact name for a class or property IRI."""
    return i18n.local_name(term)


def page_language_of(request: Any) -> str:
    """The language a request's page is shown in (?lang=, else the cookie, else Vietnamese)."""
    return i18n.pick_language(request.scope.get("query_string", b"").decode("latin-1"),
                              request.headers.get("cookie"))


def _lang(context: Any) -> str:
    request = context.get("request")
    return i18n.DEFAULT if request is None else page_language_of(request)


@pass_context
def translate(context: Any, key: str) -> str:
    """`{{ t('nav.plans') }}`: one interface message in the page's language."""
    return i18n.message(key, _lang(context))


@pass_context
def page_language(context: Any) -> str:
    """`{{ page_lang() }}`: the page's language code, for `<html lang>`."""
    return _lang(context)


@pass_context
def field(context: Any, term: object) -> str:
    """`{{ p|field }}`: a readable name for a property or column in the page's language."""
    return i18n.field_label(term, _lang(context))


@pass_context
def when(context: Any, value: object, recurrence: object = "") -> str:
    """`{{ d.date|when(d.recurrence) }}`: a due date as people write it (20/11 hằng năm)."""
    return i18n.human_date(value, recurrence, _lang(context))


@pass_context
def switch_url(context: Any) -> str:
    """This page in the other language."""
    request = context.get("request")
    other = "en" if _lang(context) == "vi" else "vi"
    if request is None:
        return f"?lang={other}"
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", other)]
    return f"{request.url.path}?{urlencode(params)}"


TEMPLATES.env.filters["href"] = href
TEMPLATES.env.filters["short"] = short
TEMPLATES.env.filters["field"] = field
TEMPLATES.env.filters["when"] = when
TEMPLATES.env.globals["t"] = translate
TEMPLATES.env.globals["page_lang"] = page_language
TEMPLATES.env.globals["switch_url"] = switch_url
