"""A writer named in a document's head rather than under it: a report's byline, a memo's running header.

* byline: "Eva Ek, kommundirektör" on a line of its own under a report's title, or the title before the
  name ("Kommundirektör Eva Ek") where flattened text ran the head onto one line.
* running header: "Eva Ek, TJÄNSTESKRIVELSE Datum (4)".
"""

from __future__ import annotations

from kdextract.pattern_cache import compile_re
from kdextract.records.meta_reader import Reader, meta_rules
from kdextract.records.name_utils import is_first_name

_HEADER_NAME = compile_re(r"(?P<name>(?P<given>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
                             r"[ \t]*,")
#: A capitalised word (a signer's title where ``signature_roles`` reads it), then a given name and a surname.
_TITLED_NAME = compile_re(r"(?<![\p{L}])(?P<title>\p{Lu}\p{Ll}+)[ \t]+"
                             r"(?P<name>(?P<given>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]+"
                             r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-])")


def byline(r: Reader) -> str | None:
    """A head line that is a name and a signer's title ("Eva Ek, kommundirektör" under a report's title), or
    that holds a signer's title before a name ("… Ekby kommun Kommundirektör Eva Ek Ekonomi: …")."""
    rules = meta_rules()
    for line in r.head:
        head, comma, title = line.text.partition(",")
        name = rules.person.match(head.strip()) if comma and rules.role.match(title.strip()) else None
        if name is not None and len(title.split()) <= 4:
            start = line.start + (len(head) - len(head.lstrip()))
            r.note("author", start, start + len(name.group("name")), "byline", "a name and title in the head")
            return str(name.group("name"))
    for line in r.head:
        for m in _TITLED_NAME.finditer(line.text):
            role = rules.role.match(m.group("title"))
            if role is not None and role.end() == len(m.group("title")) and is_first_name(m.group("given")):
                start = line.start + m.start("name")
                r.note("author", start, start + len(m.group("name")), "byline", "a title and a name in the head")
                return m.group("name")
    return None


def in_header(r: Reader) -> str | None:
    """A memo's running header that names its writer before its kind: "Eva Ek, TJÄNSTESKRIVELSE Datum (4)"."""
    rules = meta_rules()
    for line in r.page_headers:
        m = _HEADER_NAME.match(line.text)
        if m is None or not is_first_name(m.group("given")):
            continue
        if any(pattern.search(line.text, m.end()) for _, pattern in rules.kinds):
            r.note("author", line.start, line.start + m.end("name"), "author_header", "named in the running header")
            return m.group("name")
    return None
