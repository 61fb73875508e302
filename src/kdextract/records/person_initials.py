"""A person named by an initial and a surname ("E. Lindqvist") where a role or a list of people stands around it: a
title in brackets after it ("E. Lindqvist (planarkitekt)"), a title before or after it ("projektledare E.
Lindqvist", "E. Lindqvist, nämndsekreterare"), or a full name beside it in a list ("Eva Ek, E. Lindqvist och …");
or where it fills the rest of a line after a label and its colon ("Föreningen Ekbyns Vänner: E. Lindqvist"), a label
that may name a person (not a place's, a time's, a case's or a document's: "Plats: A. Storsalen", "Bilaga: C.
Norrgården" are a room and an enclosure). A given name before the initial is the person's first name, the initial a
middle name's ("Eva T. Lindqvist"), and needs no role. A list's letter before a common word ("A. Avtal", "B. Budget")
is no person.

>>> [c.name for c in find_initialled("Från förvaltningen: E. Lindqvist (planarkitekt)\\n")]
['E. Lindqvist']
>>> [c.name for c in find_initialled("Ekbyns Vänner: K. Lindqvist\\nHon sa att Eva T. Lindqvist kommer.")]
['K. Lindqvist', 'Eva T. Lindqvist']
>>> [c.name for c in find_initialled("A. Avtal (bilaga)\\nB. Budget\\n")]
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from kdextract.layout.form import form_label
from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import is_first_name, lower_word_elsewhere, org_rules, role_base
from kdextract.records.org_places import gaz_lookup, muni_name
from kdextract.records.person_candidate import PCand
from kdextract.records.person_names import TOKEN, never_name
from kdextract.records.person_roles import role_after, role_before
from kdextract.text.fold import fold_key
from kdextract.text.lexicon import load_lexicon
from kdextract.text.word_starts import WB_L, WB_R, after_blanks

#: One or two initials and a surname ("E. Lindqvist", "K.-E. Berg").
_INITIALLED = compile_re(WB_L + r"\p{Lu}\.(?:-?\p{Lu}\.)?[ ](?P<sur>" + TOKEN + r")" + WB_R)
#: A title in brackets right after the name and its blanks: "(planarkitekt)" (matched from the bracket:
#: ``after_blanks``).
_BRACKET_ROLE = compile_re(r"\((?P<role>\p{Ll}[\p{L}\-]+)\)")
#: A full name (a given name first) and a list's comma or "och" right before the name, or right after it.
_LISTED_BEFORE = compile_re(r"(?P<given>" + TOKEN + r")[ ]" + TOKEN + r"(?:,[ \t]*\n?|[ \t]+och)[ \t]*\Z")
#: A given name right before the initial ("Eva T. Lindqvist").
_GIVEN_BEFORE = compile_re(r"(?<![\p{L}\-])(?P<given>" + TOKEN + r")[ ]\Z")
#: A line's label and its colon right before the name ("Föreningen Ekbyns Vänner: "), and the line's end after it.
_LABEL_BEFORE = compile_re(r"(?m)^[ \t]*(?P<label>\p{Lu}[^:\n]{0,80}?)[ \t]*:[ \t]*\Z")
#: A label's number after its word ("Bilaga 2", "Rum 4B").
_LABEL_NUMBER = compile_re(r"[ \t]+\d+\p{L}?\Z")
#: The protocol form's fields whose value is a person (protocol.json): an attendance list, adjusters, signatures,
#: a memo's author.
_PERSON_FIELDS = frozenset({"attendance", "adjusters", "signatures", "signature", "author"})
_LINE_END = compile_re(r"[ \t]*(?:\n|\Z)")
_LISTED_AFTER = compile_re(r"(?:,|[ \t]+och)[ \t]*\n?[ \t]*(?P<given>" + TOKEN + r")[ ]" + TOKEN + WB_R)


def _surname_ok(text: str, sur: str) -> bool:
    """A surname no common or never-name word, given name, role, place or listed organisation."""
    return not (sur.casefold() in load_lexicon().common or never_name(sur) or is_first_name(sur)
                or role_base(sur) is not None or muni_name(sur) is not None or gaz_lookup(sur) is not None
                or lower_word_elsewhere(text, sur))


def role_around(text: str, start: int, end: int) -> tuple[str | None, int] | None:
    """The role that stands around the name (None where none does; a role of None where a list of people does)."""
    b = _BRACKET_ROLE.match(text, after_blanks(text, end))
    if b is not None and (base := role_base(b.group("role"))) is not None:
        return base, 3
    role, _, prio = role_after(text, end)
    if role:
        return role, prio
    role, prio = role_before(text, start)
    if role:
        return role, prio
    before = _LISTED_BEFORE.search(text, max(0, start - 60), start)
    after = _LISTED_AFTER.match(text, end)
    if any(m is not None and is_first_name(m.group("given")) for m in (before, after)):
        return None, 0
    return None


def label_value(text: str, start: int, end: int) -> bool:
    """The name fills the rest of its line after a label and its colon, a label that may name a person."""
    if _LINE_END.match(text, end) is None or (m := _LABEL_BEFORE.search(text, max(0, start - 100), start)) is None:
        return False
    label = _LABEL_NUMBER.sub("", m.group("label"))
    field = form_label(label)
    return (field is None or field.field in _PERSON_FIELDS) and fold_key(label) not in _thing_labels()


@lru_cache(maxsize=1)
def _thing_labels() -> frozenset[str]:
    """The labels, folded, whose value is an item's document (sections.json 'item_document_labels': "Bilaga",
    "Handlingar") or a meeting's room (organisations.json 'venue_words': "Sal", "Konferensrum")."""
    return frozenset(fold_key(w) for w in (*rules().item_document_labels, *org_rules().venue_words))


def find_initialled(text: str) -> Iterator[PCand]:
    """The names of an initial and a surname that a role, a list of people, a label or a given name stands
    around."""
    for m in _INITIALLED.finditer(text):
        if not _surname_ok(text, m.group("sur")):
            continue
        given = _GIVEN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        named = given is not None and is_first_name(given.group("given"))
        start = given.start() if given is not None and named else m.start()
        around = role_around(text, start, m.end())
        if around is None and (named or label_value(text, start, m.end())):
            around = None, 0
        if around is None:
            continue
        role, prio = around
        yield PCand(start, m.end(), text[start:m.end()], rule="people/initialled", score=0.8, role=role,
                    role_prio=prio, explanation="an initial and a surname beside a role, a list of people, a label "
                    "or a given name")
