"""What can be a person's name: the shape of name tokens, and the words that never are names.

Every people finder proposes spans; these checks say whether the words can be a name at all
(no organisation words, roles, places or common words inside it) and trim the words that a
form or a heading glued to a name ("Tjänstemän Eva Ek", "Eva Ek Justerande"): form labels
(``protocol.json``), the capitalised words of municipal documents listed in ``people.json``
(``not_names``: weekdays, months, headings, letterhead words) and the labels of the form.

>>> trim_never_names(["Ledamöter", "Eva", "Lund"]), trim_never_names(["Eva", "Lund", "Underskrift"])
((1, 3), (0, 2))
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.layout.form import protocol_rules
from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import WB_L, WB_R, is_first_name, is_role, lower_word_elsewhere, org_rules
from kdextract.records.org_places import gaz_lookup, muni_name
from kdextract.resources import Pattern, Rules, WordList
from kdextract.text.fold import fold_key
from kdextract.text.lexicon import load_lexicon

TOKEN = r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
_TOKEN = compile_re(TOKEN)


@lru_cache(maxsize=4)
def name_runs(text: str) -> tuple[regex.Match[str], ...]:
    """``NAME_RUN``'s matches in ``text`` (cached: three people finders read them)."""
    return tuple(NAME_RUN.finditer(text))


class NameParticles(WordList):
    """Lower-case words inside a surname; the patronymic ones and the article prefixes name a person by themselves."""

    patronymic: list[str]
    prefixes: list[str]


class PeopleRules(Rules, file="people.json"):
    """Attendance and signature labels, parties, the words that end a name run and the words never in a name."""

    attendance_labels: list[Pattern]
    signature_labels: dict[str, str]
    parties: list[str]
    couple_joiners: list[str]
    verb_stops: list[str]
    member_verbs: list[str]
    not_names: list[str]
    noun_endings: list[str]
    definite_endings: list[str]
    place_endings: list[str]
    place_nouns: list[str]
    named_after_heads: WordList
    organisation_endings: list[str]
    surname_min_letters: int
    surname_vowels: str
    name_particles: NameParticles
    presenter_headers: WordList
    unit_words: WordList


#: A lower-case word inside a surname (``people.json`` ``name_particles``: "van der", "de la", "du", "bin").
PARTICLE = r"(?:" + "|".join(map(regex.escape, sorted(PeopleRules.load().name_particles.words,
                                                      key=lambda w: (-len(w), w)))) + r")"
NAME_RUN = compile_re(WB_L + TOKEN + r"(?:[ ](?:" + PARTICLE + r"[ ])?" + TOKEN + r")+" + WB_R)
PARTICLE_RE = compile_re(PARTICLE)


#: How often running Swedish writes a word that ends a company's two-word name ("vatten" 8, "el" 6; "tran" 0).
_UNIT_WORD_COUNT = 3


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Folded words that end a company's, unit's, product's or place's two-word name (``unit_words`` and the
    municipal companies' words of ``organisations.json``)."""
    return frozenset(fold_key(w) for w in (*PeopleRules.load().unit_words.words,
                                           *org_rules().municipal_company_words))


def listed_unit(words: list[str]) -> bool:
    """Two words, no listed given name first and a listed unit word last: a company, unit, product or place ("Ekby
    Hamn", "Procapita Support", "Ekby Torg"), no person."""
    return len(words) == 2 and not is_first_name(words[0]) and fold_key(words[-1]) in _unit_words()


def unit_name(words: list[str]) -> bool:
    """``listed_unit``, or two words with no listed given name first and a frequent common word or a plural noun
    last: a company or unit ("Ekby Vatten", "Ekby Bostäder"), no person ("Nhung Tran" is one; so may a third word
    be: "Carolina Ibáñez Lund"). (A surname may be such a word too: "Karlsson", "Hammarberg"; a name joined to a
    person's is read so, not a name the NER model proposes.)"""
    last = words[-1]
    return listed_unit(words) or len(words) == 2 and not is_first_name(words[0]) \
        and (common_noun(last) or load_lexicon().count(last.lower()) >= _UNIT_WORD_COUNT)


@lru_cache(maxsize=1)
def never_names() -> frozenset[str]:
    """Folded words that are never part of a person's name: ``not_names`` and the words of the form labels."""
    words = {fold_key(w) for w in PeopleRules.load().not_names}
    words |= {fold_key(w) for lb in protocol_rules().labels for w in lb.label.split() if len(w) > 2}
    return frozenset(words)


def never_name(word: str) -> bool:
    """A capitalised word of forms and headings, never part of a name ("Sammanträdesdatum", "Tisdagen")."""
    return fold_key(word.strip(",.;:()")) in never_names()


def given_never_name(word: str) -> bool:
    """A never-name word that is also a listed given name ("Maj", "Dag"): a name's first word only where the
    person's party in brackets follows the name ("Maj Berg (KD)") or a name's word follows it (``given_first``)."""
    return never_name(word) and is_first_name(word.strip(",.;:()"))


def given_first(tokens: list[str], party_after: bool = False) -> bool:
    """``tokens`` open with a given name that is also a month or a word of time ("Maj", "Dag") and that is a name's
    first word here: a party follows the name, or the next word is a listed given name ("Maj Britt Lindqvist") or
    a capitalised word that is no form word or common noun ("Dag Hammar"; not "14 Maj Kommunhuset")."""
    if not tokens or not given_never_name(tokens[0]):
        return False
    if party_after:
        return True
    nxt = tokens[1] if len(tokens) > 1 else ""
    return _TOKEN.fullmatch(nxt) is not None and not never_name(nxt) and not is_role(nxt) and (
        is_first_name(nxt) or not (noun_like(nxt) or common_noun(nxt) or definite_noun(nxt)))


def trim_never_names(tokens: list[str], party_after: bool = False) -> tuple[int, int]:
    """The ``[i, j)`` of ``tokens`` left when never-name words are cut from both ends (a given name that is also
    such a word stays first where ``given_first`` says so: "Maj Berg (KD)", "Maj Britt Lindqvist")."""
    i, j = 0, len(tokens)
    while i < j and never_name(tokens[i]) and not (i == 0 and given_first(tokens, party_after)):
        i += 1
    while j > i and never_name(tokens[j - 1]):
        j -= 1
    return i, j


@lru_cache(maxsize=1)
def _noun_endings() -> tuple[str, ...]:
    return tuple(sorted({fold_key(e) for e in PeopleRules.load().noun_endings}, key=len, reverse=True))


def noun_like(word: str) -> bool:
    """A capitalised common noun ("Boendeutredning", "Verksamhet"): a noun ending, and no listed given name."""
    return not is_first_name(word) and fold_key(word).endswith(_noun_endings())


#: Shortest definite noun taken (a shorter word may be a foreign given name: "Susan", "Janet").
_DEFINITE_WORD = 8
#: Shortest stem of its last part ("hus" of "Kulturhuset").
_DEFINITE_STEM = 3


@lru_cache(maxsize=4096)
def definite_noun(word: str) -> bool:
    """A capitalised noun in its definite form ("Kulturhuset", "Räddningschefen"): its (last) part a common word
    that is one still once a definite ending is cut off, and no listed given name."""
    low = word.lower()
    if is_first_name(word) or not low.isalpha():
        return False
    if len(low) < _DEFINITE_WORD:
        return False
    lexicon = load_lexicon()
    _, last = lexicon.analyse(low)  # a compound's last part ("huset" of "kulturhuset")
    return last in lexicon.common and any(last.endswith(e) and len(last) - len(e) >= _DEFINITE_STEM
                                          and last[:-len(e)] in lexicon.common
                                          for e in PeopleRules.load().definite_endings)


#: Shortest common noun taken, and shortest last part of a compound one ("grupp" of "Styrgrupp").
_NOUN_WORD = 8
_NOUN_PART = 4


@lru_cache(maxsize=4096)
def common_noun(word: str) -> bool:
    """A capitalised long common word ("Skolskjuts") or compound ("Styrgrupp"), and no listed given name."""
    low = word.lower()
    if len(low) < _NOUN_WORD or not low.isalpha() or is_first_name(word):
        return False
    lexicon = load_lexicon()
    if low in lexicon.common:
        return True
    parts, last = lexicon.analyse(low)
    return parts >= 2 and len(last) >= _NOUN_PART and last in lexicon.common


@lru_cache(maxsize=1)
def _place_endings() -> tuple[str, ...]:
    return tuple(fold_key(e) for e in PeopleRules.load().place_endings)


def place_like(word: str) -> bool:
    """A street, road or building name's word ("Storgatan", "Ringväg", "Hus"): a place ending."""
    return fold_key(word).endswith(_place_endings())


@lru_cache(maxsize=1)
def _place_nouns() -> tuple[str, ...]:
    return tuple(fold_key(e) for e in PeopleRules.load().place_nouns)


def after_place_noun(text: str, start: int) -> bool:
    """The word right before ``start`` on its line is a place's noun ("verksamhetsområdet Hovby Norra")."""
    before = text[max(0, start - 40):start].rsplit("\n", 1)[-1].split()
    return bool(before) and fold_key(before[-1]).endswith(_place_nouns())


@lru_cache(maxsize=1)
def _organisation_endings() -> tuple[str, ...]:
    return tuple(fold_key(e) for e in PeopleRules.load().organisation_endings)


def organisation_like(word: str) -> bool:
    """A club's, school's or company's word ("Bandyklubb", "Yrkeshögskolan"): an organisation ending."""
    return fold_key(word).endswith(_organisation_endings())


_GENITIVE_NEXT = compile_re(r"[ \t]*(?:\([^()\n]{1,6}\)[ \t]*)?(?P<next>\p{Ll}\p{L}*)")


@lru_cache(maxsize=1)
def _verb_stops() -> frozenset[str]:
    return frozenset(fold_key(w) for w in PeopleRules.load().verb_stops)


def genitive_end(text: str, end: int) -> bool:
    """The name ending at ``end`` is a genitive ("Eva Lunds (S) förslag"): a final s after a consonant, a noun after
    it (not a verb or a conjunction of ``verb_stops``: "Per Lindfors (C) och …", "Per Lindfors yrkar …")."""
    last = text[max(0, end - 3):end]
    if not (len(last) == 3 and last[2] == "s" and last[1] not in "aeiouyåäös" and last[1].isalpha()):
        return False
    m = _GENITIVE_NEXT.match(text, end)
    return m is not None and fold_key(m.group("next")) not in _verb_stops()


@lru_cache(maxsize=16384)
def _known_organisation(word: str) -> bool:
    """A word that is a listed organisation's name or alias (OCR look-alikes too); cached per word."""
    return gaz_lookup(word) is not None


@lru_cache(maxsize=1)
def body_heads() -> tuple[str, ...]:
    """Folded stems of the heads of public bodies' names ("förvaltning", "nämnd"), longer than four letters."""
    return tuple(fold_key(h.stem) for h in org_rules().body_heads if len(h.stem) > 4)


@lru_cache(maxsize=8)
def body_head_endings(*inflections: str) -> tuple[str, ...]:
    """``body_heads`` with each of ``inflections`` ("" for none) added: one ``str.endswith`` checks them all."""
    return tuple(h + ending for h in body_heads() for ending in inflections)


@lru_cache(maxsize=16384)
def _token_facts(token: str) -> tuple[bool, bool, bool, bool]:
    """What a name's token is by itself: (a particle, never in a name, a listed organisation, a municipality)."""
    never = (not _TOKEN.fullmatch(token) or never_name(token) or is_role(token)
             or fold_key(token).endswith(body_head_endings("", "en")))
    return PARTICLE_RE.fullmatch(token) is not None, never, _known_organisation(token), muni_name(token) is not None


def name_ok(tokens: list[str], text: str, strict: bool, party_after: bool = False, bracket: bool = False) -> bool:
    """Tokens that can be a person's name (no org words, roles, places, never-names or common words); a third name
    that is a municipality's too ("Lind Berg") is the last surname only where the person's party or role follows
    it (``party_after``: "Maria Lind Berg (S)", "…, ekonomichef", "… som
    ekonomichef") or it ends a sentence of prose ("… är Maria Lind Berg."), elsewhere the place the person comes from;
    a first word that is a given name and a month ("Maj") only where ``given_first`` says so (``bracket``: a
    party in brackets follows)."""
    facts = [_token_facts(t) for t in tokens]
    if not 2 <= sum(not particle for particle, *_ in facts) <= 4:
        return False
    last = len(tokens) - 1
    for i, (t, (particle, never, organisation, municipality)) in enumerate(zip(tokens, facts)):
        if particle:
            continue
        if never and i == 0 and given_first(tokens, bracket):
            continue  # "Maj Berg (KD)", "Maj Britt Lindqvist"
        if never or (i > 0 and organisation) or (i == last and i >= 2 and municipality and not party_after):
            return False
        if strict and i > 0 and lower_word_elsewhere(text, t):
            return False
    place = facts[0][3] or tokens[0].endswith("s") and muni_name(tokens[0][:-1]) is not None  # "Åbys Seniorträffar"
    return not (place and not is_first_name(tokens[0]))
