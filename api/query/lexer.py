"""A SPARQL lexer: enough of the grammar to tell keywords from data, without running anything.

Keywords are told apart from strings, IRIs, comments, prefixed names, variables and language
tags as the grammar does, so `"SERVICE"`, `?service` or `ex:service` are data while a bare
`SERVICE` or `INSERT` is the keyword.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

_TOKEN = re.compile(r'''
    (?P<comment>\#[^\n\r]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>[\w.\-]*:(?:[\w.\-:%]|\\.)*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<other>\S)
''', re.VERBOSE | re.DOTALL)


# `<` is an IRI or the less-than operator, which only the parser can tell. Without spaces an
# operator can look like an IRI that hides a keyword: `FILTER(?a<?b)SERVICE?x#>` is a filter, a
# SERVICE clause and a comment. Such an "IRI" (a SERVICE word before a variable) is read as tokens.
_HIDDEN_SERVICE = re.compile(r"(?<!\w)service[?$]\w", re.IGNORECASE)


def tokens(query: str) -> Iterator[tuple[str, str, int]]:
    """The query's tokens as (kind, text, offset), comments left out; kinds: string, iri, var,
    lang, pname, word, other."""
    position = 0
    while True:
        match = _TOKEN.search(query, position)
        if match is None:
            return
        kind, text = match.lastgroup or "other", match.group()
        if kind == "iri" and _HIDDEN_SERVICE.search(text):
            kind, text = "other", "<"
        if kind != "comment":
            yield kind, text, match.start()
        position = match.start() + len(text)


def lex(query: str) -> list[tuple[str, str]]:
    """The query's tokens as (kind, text), comments left out."""
    return [(kind, text) for kind, text, _ in tokens(query)]



UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})


def is_update(query: str) -> bool:
    """Whether the text is a SPARQL update (its first keyword after BASE and PREFIX declarations is one).

    >>> is_update("PREFIX e: <http://x/> insert data { e:a e:b e:c }"), is_update("SELECT * { ?s ?p ?o }")
    (True, False)
    """
    tokens = lex(query)
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        word = text.upper() if kind == "word" else ""
        if word == "BASE":
            i += 2
        elif word == "PREFIX":
            i += 3
        else:
            return word in UPDATE_KEYWORDS
    return False
