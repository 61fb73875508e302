"""Finders for municipalities, regions, agencies and other listed organisations (gazetteers)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.models import OrganisationKind
from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import (
    WB_L,
    WB_R,
    ambiguous_municipality_names,
    gazetteer,
    is_first_name,
    is_sentence_start,
    key_of,
    kind_words,
    municipalities,
    official_name,
    ocr_beginning,
    ocr_pattern,
    ocr_regex,
    ocr_skeleton,
    org_rules,
)
from kdextract.records.org_context import in_context, needs_context, whole_cell
from kdextract.records.org_candidates import FULL_ABBR, FULL_NAME, FULL_OFFICIAL, FULL_SHORT, Cand
from kdextract.text.fold import fold_key
from kdextract.text.spans import Coverage
from kdextract.text.word_starts import Alternatives


#: Where a municipality's bare name can start: not inside a word, a hyphenated word or after a slash.
_BARE_LEAD = WB_L + r"(?<![\p{L}][-\u2013/])"


@lru_cache(maxsize=1)
def _municipality_alternatives() -> tuple[Alternatives, Alternatives]:
    """The municipalities' full forms ("Kalix kommun", in any case; an irregular official stem too: "Falu kommun")
    and bare names (as written)."""
    names = [(name, len(name) >= 5) for name in sorted(municipalities(), key=len, reverse=True)]
    stems = [(stem, len(stem) >= 5) for name, stem in org_rules().official_stems.items() if fold_key(stem) != fold_key(name)]
    full = Alternatives(WB_L, "name", [(ocr_pattern(n, tolerant), ocr_beginning(n, tolerant))
                                       for n, tolerant in sorted(names + stems, key=lambda p: -len(p[0]))],
                        r"(?P<gs>s)?[ \t]+(?P<word>" + kind_words("municipality") + r")(?P<suf>s|en|ens)?" + WB_R,
                        regex.IGNORECASE)
    bare = Alternatives(_BARE_LEAD, "name", [(ocr_pattern(n, tolerant, first_exact=True),
                                              ocr_beginning(n, tolerant, first_exact=True)) for n, tolerant in names],
                        r"(?P<gs>s)?" + WB_R + r"(?![-\u2013]\p{L})")
    return full, bare


@lru_cache(maxsize=1)
def _municipality_lookup() -> dict[str, str]:
    """The municipalities by folded name and by name in lower case (which tells "Håbo" from "Habo")."""
    folded = {fold_key(name): name for name in municipalities()}
    return folded | {name.casefold(): name for name in municipalities()}


@lru_cache(maxsize=1)
def _stem_municipalities() -> dict[str, str]:
    """The municipalities by an irregular official stem ("Falu" -> "Falun"): read only before "kommun", as a bare
    word the stem names no municipality ("Falu tingsrätt" is the court's own name)."""
    return {fold_key(stem): name for name, stem in org_rules().official_stems.items()}


@lru_cache(maxsize=4)
def bare_municipalities(text: str) -> tuple[regex.Match[str], ...]:
    """The matches of the municipalities' bare names in ``text`` (the municipalities' and the companies' finders
    read them)."""
    return tuple(_municipality_alternatives()[1].finditer(text))


@lru_cache(maxsize=8192)
def muni_name(surface: str) -> str | None:
    """The gazetteer municipality an (OCR-garbled) surface form stands for."""
    lookup = _municipality_lookup()
    if (exact := lookup.get(surface.casefold())) is not None:
        return exact
    f = fold_key(surface)
    if f in lookup:
        return lookup[f]
    for name in _municipality_skeletons().get(ocr_skeleton(surface), ()):
        if ocr_regex(name, len(name) >= 5).fullmatch(surface):
            return name
    return None


@lru_cache(maxsize=1)
def _municipality_skeletons() -> dict[str, list[str]]:
    """Municipality names by OCR skeleton: a surface is checked against the OCR-tolerant patterns
    of the few names that can read as it, not against every name of its length."""
    out: dict[str, list[str]] = {}
    for name in municipalities():
        out.setdefault(ocr_skeleton(name), []).append(name)
    return out

#: A letterhead typed letter-spaced ("S Ä F F L E   K O M M U N"): capitals one blank apart, words three apart.
_LETTER_SPACED = compile_re(r"(?<![\p{L}\p{N}][ ]?)(?P<a>\p{Lu}(?:[ ]\p{Lu}){2,})[ ]{2,4}(?P<b>\p{Lu}(?:[ ]\p{Lu}){3,5})"
                               r"(?![ ]?[\p{L}\p{N}])")


def _letter_spaced(text: str) -> Iterator[Cand]:
    """A municipality's name typed letter-spaced, the typewriter's emphasis ("S Ä F F L E   K O M M U N")."""
    for m in _LETTER_SPACED.finditer(text):
        name, word = m.group("a").replace(" ", "").capitalize(), m.group("b").replace(" ", "").lower()
        muni = muni_name(name[:-1] if name.endswith("s") and muni_name(name) is None else name)
        if muni is None or word not in ("kommun", "stad"):
            continue
        yield Cand(m.start(), m.end(), m.group(), kind="municipality", key="muni:" + muni, form=f"{name} {word}",
                   full=FULL_OFFICIAL, rule="organisations/municipality_spaced", method="gazetteer", score=0.95,
                   explanation=f"the municipality name {muni} typed letter-spaced",
                   canonical=official_name(muni))


_CAPITALISED_WORD_BEFORE = compile_re(r"(\p{Lu}[\p{L}\-]+)[ ]$")
_WORD_AFTER = compile_re(r"[ ]+(\p{L}+)")


@lru_cache(maxsize=1)
def _institution_after() -> regex.Pattern[str]:
    """The word after a place's name, an institution's adjective before it skipped ("Luleå tekniska universitet")."""
    adjectives = sorted(org_rules().institutions_after_place.adjectives, key=lambda w: (-len(w), w))
    return compile_re(r"[ ]+(?:(?:" + "|".join(map(regex.escape, adjectives)) + r")[ ]+(?=\p{Ll}))?(\p{L}+)")


def find_municipalities(text: str) -> Iterator[Cand]:
    rules = org_rules()
    ambiguous = ambiguous_municipality_names()
    place_nouns = set(rules.place_nouns_after_municipality)
    institutions = rules.institutions_after_place.heads
    taken = Coverage()
    for m in _municipality_alternatives()[0].finditer(text):
        muni = muni_name(m.group("name")) or _stem_municipalities().get(fold_key(m.group("name")))
        if muni is None:
            continue
        word = m.group("word")
        form = text[m.start(): m.end("word")]
        gen = bool(m.group("suf") and m.group("suf").endswith("s"))
        if m.group("suf") in ("en", "ens"):
            form = text[m.start(): m.start("word")] + word   # "Kalix kommunen" -> "Kalix kommun"
        yield Cand(m.start(), m.end(), m.group(), kind="municipality", key="muni:" + muni, form=form,
                   full=FULL_OFFICIAL, rule="organisations/municipality_full", method="gazetteer", score=0.97,
                   explanation=f"'{word}' after the municipality name {muni}",
                   canonical=official_name(muni), genitive=gen)
        taken.add(m.start(), m.end())
    yield from _letter_spaced(text)
    bare_hits = []
    for m in bare_municipalities(text):
        if taken.overlaps(m.start(), m.start() + 1):
            continue
        name = m.group("name")
        muni = muni_name(name)
        if muni is None:
            continue
        if name.isupper() and len(name) > 1:
            continue
        # "Anna Lund": a surname after a given name is no municipality
        before = text[max(0, m.start() - 40): m.start()]
        pm = _CAPITALISED_WORD_BEFORE.search(before)
        if pm and is_first_name(pm.group(1)):
            continue
        if after_postcode(text, m.start()) or signing_place(text, m.start(), m.end()):
            continue
        after = text[m.end(): m.end() + 30]
        nm = _WORD_AFTER.match(after)
        if nm and nm.group(1) in place_nouns:
            continue
        # (a capitalised head too, as letterheads and attendance lists write it: "Örebro Universitet")
        kind = institutions.get(nm.group(1).lower()) if nm and nm.group(1)[1:].islower() else None
        if kind is None and (inst := _institution_after().match(after)) is not None and inst.group(1).islower():
            nm, kind = inst, institutions.get(inst.group(1))
        if nm and kind is not None and (not m.group("gs") or kind == "agency"):
            end = m.end() + nm.end()  # "Lycksele tingsrätt", "Hässleholms tingsrätt": a court or a university
            yield Cand(m.start(), end, text[m.start():end], kind=kind, key="inst:" + key_of(text[m.start():end]),
                       form=text[m.start():end], full=FULL_NAME, rule="organisations/place_institution",
                       method="rule", score=0.9, explanation=f"'{nm.group(1)}' after the place name {muni}",
                       head_key=definite_listed(nm.group(1)))
            continue
        bare_hits.append((m, muni))
    for i, (m, muni) in enumerate(bare_hits):
        if muni in ambiguous:
            if is_sentence_start(text, m.start()):
                continue
            if not _in_list_context(text, m, bare_hits, i):
                continue
        gen = bool(m.group("gs"))
        yield Cand(m.start(), m.end(), m.group(), kind="municipality", key="muni:" + muni,
                   form=m.group("name"), full=FULL_SHORT, rule="organisations/municipality_bare",
                   method="gazetteer", score=0.85, explanation=f"municipality name {muni}",
                   canonical=official_name(muni), genitive=gen)

@lru_cache(maxsize=1)
def _signing_place_after() -> regex.Pattern[str]:
    return compile_re(org_rules().signing_place_after)


def signing_place(text: str, start: int, end: int) -> bool:
    """A town's name that opens its line before a date: a signature's place and date ("Ekby den 11 februari 2027",
    "Ekby, 2027-02-11"), no mention of the municipality."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _signing_place_after().match(text, end) is not None


@lru_cache(maxsize=1)
def _postcode_before() -> regex.Pattern[str]:
    return compile_re(org_rules().postcode_before_place + r"[ \t]+\Z")


def after_postcode(text: str, start: int) -> bool:
    """A place name at ``start`` that follows a postcode ("103 33 Stockholm"): the town of a postal address."""
    return _postcode_before().search(text, max(0, start - 20), start) is not None


@lru_cache(maxsize=64)
def definite_listed(head: str) -> str | None:
    """The key of the listed definite form of an institution's head ("tingsrätt" -> "Tingsrätten"), which the
    text's bare "tingsrätten" then refers back to the named one ("Lycksele tingsrätt")."""
    for ending in ("en", "et", "n"):
        hit = gaz_lookup(head + ending)
        if hit is not None:
            return "gaz:" + hit[0]
    return None


#: the gap between two items of a list: ", ", " och ", " samt ", "/" …
_LIST_GAP = compile_re(r"\s*(?:[,;/]|och|samt|eller)\s*(?:och\s*)?")

def _in_list_context(text: str, m: regex.Match[str], hits: list[tuple[regex.Match[str], str]],
                     i: int) -> bool:
    """An ambiguous name ("Mark", "Vara") counts in a list of municipalities or a tabbed attendance line."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    if "\t" in text[line_start: m.start()] or text[m.end(): m.end() + 1] == "\t":
        return True
    for j in (i - 1, i + 1):
        if 0 <= j < len(hits):
            o = hits[j][0]
            a, b = (o, m) if j < i else (m, o)
            gap = text[a.end(): b.start()]
            if _LIST_GAP.fullmatch(gap):
                return True
    return False

@lru_cache(maxsize=1)
def _gazetteer_entries() -> tuple[tuple[str, str, OrganisationKind, str], ...]:
    """(form, canonical, kind, rule) for regions, agencies and known organisations."""
    out: list[tuple[str, str, OrganisationKind, str]] = []
    for parts in gazetteer("regions.txt"):
        for p in parts:
            out.append((p, parts[0], "region", "organisations/gazetteer_region"))
    for parts in gazetteer("agencies.txt"):
        for p in parts:
            out.append((p, parts[0], "agency", "organisations/gazetteer_agency"))
    for item in org_rules().known:
        for p in [item.name, *item.aliases]:
            out.append((p, item.name, item.kind, "organisations/gazetteer_known"))
    return tuple(out)

#: Where a listed name can start: not inside a word or a hyphenated word.
_GAZETTEER_LEAD = WB_L + r"(?<![\p{L}][-\u2013])"


@lru_cache(maxsize=1)
def _gazetteer_alternatives() -> tuple[Alternatives, Alternatives]:
    """The listed names in any case, and the short forms and abbreviations as written."""
    ci, cs = [], []
    for form, *_ in sorted(_gazetteer_entries(), key=lambda e: len(e[0]), reverse=True):
        if _case_sensitive(form):
            cs.append((ocr_pattern(form, False), ocr_beginning(form, False)))
        else:
            ci.append((ocr_pattern(form, True), ocr_beginning(form, True)))
    tail = r"(?P<gs>:s|s)?" + WB_R + r"(?![-\u2013]\p{L})"
    # short forms and abbreviations: not before a number ("AF 2", a table's cell)
    return (Alternatives(_GAZETTEER_LEAD, "form", ci, tail, regex.IGNORECASE),
            Alternatives(_GAZETTEER_LEAD, "form", cs, tail + r"(?![ \t]*\d)"))


@lru_cache(maxsize=1)
def _gazetteer_lookup() -> dict[str, tuple[str, OrganisationKind, str]]:
    """The listed organisations by folded form (the longest forms first)."""
    lookup: dict[str, tuple[str, OrganisationKind, str]] = {}
    for form, canon, kind, rule in sorted(_gazetteer_entries(), key=lambda e: len(e[0]), reverse=True):
        lookup.setdefault(fold_key(form), (canon, kind, rule))
    return lookup

def _abbreviation(form: str) -> bool:
    return sum(c.isupper() for c in form) >= 2 and len(form) <= 6 and " " not in form


def _case_sensitive(form: str) -> bool:
    """Abbreviations and short forms are matched as written, the others in any case."""
    return _abbreviation(form) or len(form) < 7


@lru_cache(maxsize=8192)
def gaz_lookup(surface: str) -> tuple[str, OrganisationKind, str] | None:
    """The listed organisation an (OCR-garbled) surface form names: (canonical name, kind, rule)."""
    lookup = _gazetteer_lookup()
    f = fold_key(surface)
    if f in lookup:
        return lookup[f]
    for form, canon, kind, rule in _gazetteer_skeletons().get(ocr_skeleton(surface), ()):
        if ocr_regex(form, True).fullmatch(surface):
            return canon, kind, rule
    return None


@lru_cache(maxsize=1)
def _gazetteer_skeletons() -> dict[str, list[tuple[str, str, OrganisationKind, str]]]:
    """The gazetteer's entries by OCR skeleton (see ``ocr_skeleton``), in list order."""
    out: dict[str, list[tuple[str, str, OrganisationKind, str]]] = {}
    for entry in _gazetteer_entries():
        out.setdefault(ocr_skeleton(entry[0]), []).append(entry)
    return out

#: A capitalised compound's first part and "och" right before a listed name written in the lower case: the two
#: fields of one body ("Landsbygds- och näringsdepartementet", "Kultur- och\nfritidsdepartementet").
_COORDINATED_BEFORE = compile_re(r"(?<![\p{L}\-])\p{Lu}\p{Ll}+-[ \t]+(?:och|samt)[ \t]*\n?[ \t]*\Z")

#: A capitalised word (a place's name) after a listed name, on its line, not before another capitalised word
#: (a person's name) unless a column's gap parts them ("PRO Ekby   Eva Ek": the branch's cell, then a name's).
_PLACE_AFTER = compile_re(r"[ \t]+(\p{Lu}[\p{L}\-]*)(?![\p{L}\-]|[ ]{1,2}\p{Lu})")


@lru_cache(maxsize=1)
def _numbered_branch() -> regex.Pattern[str]:
    """A branch's word and number after an association's name ("avdelning 12", "avd. 3")."""
    words = sorted(org_rules().branch_words.words, key=len, reverse=True)
    return compile_re(r"[ \t]+(?:" + "|".join(map(regex.escape, words)) + r")[ \t]*\d{1,4}(?![\d\p{L}])",
                         regex.IGNORECASE)


def find_gazetteer(text: str) -> Iterator[Cand]:
    ambiguous = needs_context()
    for listed in _gazetteer_alternatives():
        for m in listed.finditer(text):
            form = " ".join(m.group("form").split())  # a name wrapped over a line break is one name
            hit = gaz_lookup(form)
            if hit is None:
                continue
            canon, kind, rule = hit
            local = kind == "association" and form[:1].isupper() and not m.group("gs")
            branch = _PLACE_AFTER.match(text, m.end()) if local else None
            if branch is not None and muni_name(branch.group(1)) is None and not whole_cell(text, m.start(), branch.end()):
                branch = None  # (a capital after the name that fills a column's cell: "PRO Norra", "SPF Seniorerna Ekvik")
            numbered = _numbered_branch().match(text, m.end()) if local and branch is None else None
            if branch is not None or numbered is not None:
                # "Korpen Ekby", "SKPF avdelning 12": the association's local branch, named with its place or number
                end = branch.end() if branch is not None else numbered.end() if numbered is not None else m.end()
                yield Cand(m.start(), end, text[m.start():end], kind=kind, key="branch:" + key_of(text[m.start():end]),
                           form=text[m.start():end], full=FULL_OFFICIAL, rule="organisations/local_branch",
                           method="rule", score=0.9, head_key="gaz:" + canon,  # a bare "PRO" is the one branch's
                           explanation=f"listed association {canon} + its branch {text[m.end():end].strip()!r}")
                continue
            if fold_key(form) in ambiguous and not in_context(text, m.start(), m.end("form")):
                continue
            # a genitive -s only where the form itself does not end in s
            gen = bool(m.group("gs"))
            end = m.end()
            if m.group("gs") == "s" and form.endswith("s"):
                end -= 1
                gen = False
            coord = _COORDINATED_BEFORE.search(text, max(0, m.start() - 60), m.start()) if form[:1].islower() else None
            if coord is not None:  # "Landsbygds- och näringsdepartementet": a body of its own, not the listed one
                whole = " ".join(text[coord.start():end].split())
                yield Cand(coord.start(), end, text[coord.start():end], kind=kind, key="coord:" + key_of(whole),
                           form=whole, full=FULL_NAME, rule=rule, method="gazetteer", score=0.9,
                           explanation=f"a field coordinated with the listed {kind} {canon}", genitive=gen)
                continue
            is_abbr = _abbreviation(form)
            yield Cand(m.start(), end, text[m.start():end], kind=kind, key="gaz:" + canon, form=form,
                       full=FULL_ABBR if is_abbr else FULL_NAME, rule=rule, method="gazetteer", score=0.95,
                       explanation=f"listed {kind} {canon}",
                       canonical=canon if fold_key(canon) != fold_key(form) else None, genitive=gen)
