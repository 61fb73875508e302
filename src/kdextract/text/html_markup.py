"""HTML saved as text: a page from a meeting portal or a CMS export kept as .txt. Its tags and character
references are replaced (block tags by line breaks, table cells by a column gap, the rest by nothing, ``&nbsp;`` by a
blank, ``&sect;`` by "§"), so the text reads as the page does; every change is an edit of the view, offsets kept.
Tags are read only where the text holds two or more of the common ones; character references always.

>>> from kdextract.text.view import TextView
>>> v = TextView.identity("<p>Budget&nbsp;2026</p><p>12&nbsp;mnkr</p>")
>>> v.rewrite(html_markup(v.text)).text
'\\nBudget 2026\\n\\n12 mnkr\\n'
"""

from __future__ import annotations

import html

import regex

from kdextract.pattern_cache import compile_re
from kdextract.text.view import Replacement

_BLOCK = ("p|div|br|h[1-6]|li|ul|ol|tr|table|tbody|thead|tfoot|section|article|header|footer|nav|main|blockquote"
          "|title|html|head|body|hr|dl|dt|dd|pre|form|caption")
_INLINE = "span|strong|b|i|em|u|a|font|img|small|sup|sub|abbr|label|mark|meta|link"
_INLINE_NAMES = frozenset(_INLINE.split("|"))
#: A tag of the common ones, its attributes on one line and bounded.
_TAG = compile_re(r"<(/?)(" + _BLOCK + r"|td|th|" + _INLINE + r")\b[^<>\n]{0,400}+>", regex.IGNORECASE)
#: What the browser never shows: comments, scripts and style sheets (bounded, closed on the same page).
_HIDDEN = compile_re(r"<!--.{0,4000}?-->|<(script|style)\b[^<>]{0,400}>.{0,20000}?</\1\s*>",
                     regex.IGNORECASE | regex.DOTALL)
#: A character reference: named ("&nbsp;", "&aring;") or numeric ("&#167;", "&#xA7;").
_REFERENCE = compile_re(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: Fewest tags that make a text HTML.
_MIN_TAGS = 2


def html_markup(text: str) -> list[Replacement]:
    """The replacements that read ``text``'s HTML tags (where it holds two or more) and character references."""
    reps: list[Replacement] = []
    tags = list(_TAG.finditer(text)) if "</" in text or "<br" in text or "<BR" in text else []
    if len(tags) >= _MIN_TAGS:  # (a tag inside a hidden part gives way to it: the normaliser keeps the earlier)
        reps.extend((m.start(), m.end(), "", "html hidden") for m in _HIDDEN.finditer(text))
        reps.extend((m.start(), m.end(), _tag_text(m.group(2).lower()), "html tag") for m in tags)
    if "&" in text:
        for m in _REFERENCE.finditer(text):
            char = html.unescape(m.group())
            if char != m.group():
                reps.append((m.start(), m.end(), " " if char in "\u00a0\u202f" else char, "html character reference"))
    return reps


def _tag_text(name: str) -> str:
    """A table cell's tag leaves a column gap, a block's a line break, an inline one nothing."""
    return "   " if name in ("td", "th") else "" if name in _INLINE_NAMES else "\n"
