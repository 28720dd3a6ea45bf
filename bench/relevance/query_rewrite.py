"""The two ways a query is put to the engines ("operators").

`as_typed` passes the text unchanged, so each engine applies its default
operator (OR with BM25 ranking for both Archivar and plain Xapian).
`every_word_required` rewrites the text to `w1 AND w2 AND "a phrase"`:
quoted phrases stay intact, punctuation around words is dropped (a
question mark would otherwise be a word of its own), and tokens with no
letter or digit disappear. Queries are assumed to contain no boolean
operators of their own.
"""

import re

_TOKEN = re.compile(r'"[^"]*"|\S+')
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


def as_typed(text):
    return text


def every_word_required(text):
    """Returns `text` with its words and phrases joined by AND."""
    parts = [_clean(token) for token in _TOKEN.findall(text)]
    return " AND ".join(part for part in parts if part)


def _clean(token):
    if _is_phrase(token):
        return token if _has_word_character(token) else ""
    return _EDGE_PUNCTUATION.sub("", token)


def _is_phrase(token):
    return len(token) >= 2 and token.startswith('"') and token.endswith('"')


def _has_word_character(text):
    return re.search(r"[^\W_]", text) is not None


# Name shown in the report -> rewrite function, in report order.
OPERATORS = {
    "default operator (query as typed)": as_typed,
    "every word required (w1 AND w2 AND ...)": every_word_required,
}
