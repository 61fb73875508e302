"""Bullets in flattened text: each one starts a line that text extraction ran into the one before.

A PDF-to-text transcript that lost its line breaks keeps a list's bullet glyphs ("… i juni. • Ansökan om …");
the glyph is no word of a sentence, so every one stands where a list item's line began. The round and square glyphs
always count; a dash is a range, a minus or a dash in prose too, so it counts only in a run of dash items that each
follow a sentence end ("… protokoll. - Under punkten …", ``DASH_RUN`` or more on the line), and then also right after
a number that ends a heading ("Möte 2026-03-05 - En justerare …"), and after an item's title ("3. Budget - Läget …",
``title_dash``); there a glyph item whose short title ran into the first dash item heads those items ("… klar.
* Belysning - Två lampor saknas. - …", ``dash_topics``).

>>> t = "2. Bygget • Arbetet startar i maj. • Kostnaden är 4 mnkr."
>>> [t[k:k + 7] for k in bullet_starts(t, 0, len(t))]
['• Arbet', '• Kostn']
"""

from __future__ import annotations

from kdextract.layout.rules import rules
from kdextract.layout.words import is_first_name
from kdextract.pattern_cache import compile_re

#: The glyphs that only ever mark a list item: with the private-use code points that a Word or PDF symbol font's
#: bullets come out as (Symbol's U+F0B7 "•", Wingdings' U+F0A7 "▪", U+F076 "❖", U+F0D8 "➢", U+F0FC "✓", U+F06E "■").
BULLETS = "•▪►●◦\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e"

_TOKEN = compile_re(r"\S+")
_BULLET = compile_re(rf"(?<=[ \t])[{BULLETS}](?=[ \t])")
#: A dash between blanks before a capitalised word, and what stands before it: a sentence end or a number's end.
_DASH = compile_re(r"(?<=(?P<end>[.!?])?(?P<num>\d)?[ \t])[-–](?=[ \t]+\p{Lu}\p{Ll})")
#: A glyph item's short title (no sentence end inside) that runs into a dash item: a topic over its dash items.
_DASH_TOPIC = compile_re(rf"[*{BULLETS}][ \t]+(?P<title>\p{{Lu}}[^.!?:\n*{BULLETS}]{{0,80}}?)"
                         r"[ \t]+[-–][ \t]+\p{Lu}")
#: Fewest dash items after a sentence end that make a flattened list of them.
DASH_RUN = 2


def dash_run(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` holds a run of dash items, each after a sentence end ("… klar. - Under …"), the first one
    also after a glyph item's title that opens it ("* Belysning - Två lampor saknas. - …")."""
    opens = _DASH_TOPIC.match(text, start, end) is not None
    return sum(1 for m in _DASH.finditer(text, start, end) if m.group("end")) + opens >= DASH_RUN


def title_dash(text: str, start: int, end: int) -> int | None:
    """In a line that holds a run of dash items: the end of an item's title that its first dash item ran into
    ("1. Föregående möte - Protokollet lades …" gives the end of "möte"), the title read in ``text[start:end]``."""
    m = _DASH.search(text, start, end)
    return len(text[:m.start()].rstrip()) if m is not None and m.start() > start else None


def sentence_dash(text: str, start: int, t_end: int) -> int | None:
    """The end of an item's title at ``start`` (read to ``t_end``) that its first dash item ran into where no run of
    them says so: after the dash a sentence opens with a person's given name and a lower-case word, or with a
    definite noun, its subject ("1. Budget - Eva redovisade …", "4. Avtalet - Avtalet med … löper ut …"); not a
    title's second part after its dash ("2. Medborgarförslag - Belysning vid badet")."""
    dash = _DASH.search(text, start, t_end)
    if dash is None or dash.start() <= start:
        return None
    words = [m.group() for _, m in zip(range(3), _TOKEN.finditer(text, dash.end(), t_end + 200))]
    if len(words) < 3 or not words[0][1:].replace("-", "").isalpha():
        return None
    nxt = words[1] if words[1][:1].islower() or not is_first_name(words[0]) else words[2]
    person = is_first_name(words[0]) and nxt.isalpha() and nxt.islower()
    subject = rules().sentence_subject.match(words[0]) is not None and words[1].isalpha() and words[1].islower()
    return len(text[:dash.start()].rstrip()) if person or subject else None


def dash_topics(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """In ``text[start:end]`` that holds a run of dash items: each glyph item's start and its title's end, where the
    title ran into the first dash item ("… gjord. * Trygghetsvandring - Gruppen bestämde …")."""
    if not dash_run(text, start, end):
        return []
    return [(m.start(), m.end("title")) for m in _DASH_TOPIC.finditer(text, start, end)
            if text[max(start, m.start() - 8):m.start()].rstrip()[-1:] in ("", ".", "!", "?")]


def bullet_starts(text: str, start: int, end: int) -> list[int]:
    """Where each bullet of ``text[start:end]`` that follows other text on its line stands."""
    dashes = [m for m in _DASH.finditer(text, start, end) if m.group("end") or m.group("num")] \
        if dash_run(text, start, end) else []
    return sorted([m.start() for m in _BULLET.finditer(text, start, end)] + [m.start() for m in dashes])
