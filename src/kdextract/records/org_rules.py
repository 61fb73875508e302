"""Rule and gazetteer finders for organisation mentions.

Each finder yields ``Cand`` objects: a span, the surface form, a merge ``key`` and how
"full" the form is (used to pick the canonical name). ``organisations.py`` merges them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from kdextract.models import OrganisationKind
from kdextract.records.name_utils import (
    WB_L,
    WB_R,
    gazetteer,
    is_first_name,
    is_sentence_start,
    key_of,
    lower_word_elsewhere,
    municipalities,
    ocr_pattern,
    ocr_regex,
    org_rules,
)
from kdextract.text.fold import fold_key

# how full a form is: the canonical name is the fullest form seen
FULL_OFFICIAL = 4   # "Kalix kommun", an expansion of an abbreviation, an owner-named body
FULL_NAME = 3       # a body's definite compound, a gazetteer name
FULL_SHORT = 2      # a bare municipality, a short form
FULL_ABBR = 1       # an abbreviation, an indefinite form


@dataclass
class Cand:
    start: int
    end: int
    text: str
    kind: OrganisationKind
    key: str
    form: str                      # nominative surface form (genitive -s removed)
    full: int
    rule: str
    method: str = "rule"           # rule | gazetteer | model
    score: float = 0.9
    explanation: str = ""
    canonical: str | None = None   # gazetteer spelling, kept as an alias
    aliases: list[str] = field(default_factory=list)
    head_key: str | None = None    # key of the body part of an owner-named organisation
    link_only: bool = False        # only a mention of an organisation found otherwise
    genitive: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


# --------------------------------------------------------------------------- helpers

_CAP = r"\p{Lu}[\p{L}\-]*"
_HEAD_CHARS = r"[\p{L}][\p{L}\-]*?"


def _strip_gen(s: str) -> tuple[str, bool]:
    if s.endswith(":s"):
        return s[:-2], True
    return s, False


@lru_cache(maxsize=1)
def _municipality_regexes() -> tuple[regex.Pattern[str], regex.Pattern[str], dict[str, str]]:
    munis = municipalities()
    alts, bare, lookup = [], [], {}
    for name in sorted(munis, key=len, reverse=True):
        tolerant = len(name) >= 5
        alts.append(ocr_pattern(name, tolerant))
        bare.append(ocr_pattern(name, tolerant, first_exact=True))
    full = regex.compile(
        WB_L + r"(?P<name>" + "|".join(alts) + r")(?P<gs>s)?[ \t]+(?P<word>kommun|stad|Stad|Kommun|KOMMUN|STAD)"
        r"(?P<suf>s|en|ens)?" + WB_R, regex.IGNORECASE)
    bare_re = regex.compile(WB_L + r"(?<![\p{L}][-\u2013/])(?P<name>" + "|".join(bare) + r")(?P<gs>s)?" + WB_R
                            + r"(?![-\u2013]\p{L})")
    for name in munis:
        lookup[fold_key(name)] = name
    return full, bare_re, lookup


@lru_cache(maxsize=8192)
def _muni_name(surface: str) -> str | None:
    """The gazetteer municipality an (OCR-garbled) surface form stands for."""
    _, _, lookup = _municipality_regexes()
    f = fold_key(surface)
    if f in lookup:
        return lookup[f]
    for name, pattern in _ocr_patterns_by_length().get(len(surface), ()):
        if pattern.fullmatch(surface):
            return name
    return None


@lru_cache(maxsize=1)
def _ocr_patterns_by_length() -> dict[int, list[tuple[str, regex.Pattern[str]]]]:
    """Municipality names with their OCR-tolerant patterns, by length."""
    out: dict[int, list[tuple[str, regex.Pattern[str]]]] = {}
    for name in municipalities():
        out.setdefault(len(name), []).append((name, ocr_regex(name, len(name) >= 5)))
    return out


# --------------------------------------------------------------------------- municipalities

def find_municipalities(text: str) -> Iterator[Cand]:
    full, bare, _ = _municipality_regexes()
    rules = org_rules()
    ambiguous = set(rules["ambiguous_municipalities"])
    place_nouns = set(rules["place_nouns_after_municipality"])
    taken: list[tuple[int, int]] = []
    for m in full.finditer(text):
        muni = _muni_name(m.group("name"))
        if muni is None:
            continue
        word = m.group("word")
        form = text[m.start(): m.end("word")]
        gen = bool(m.group("suf") and m.group("suf").endswith("s"))
        if m.group("suf") in ("en", "ens"):
            form = text[m.start(): m.start("word")] + word   # "Kalix kommunen" -> "Kalix kommun"
        yield Cand(m.start(), m.end(), m.group(), "municipality", "muni:" + muni, form, FULL_OFFICIAL,
                   "organisations/municipality_full", "gazetteer", 0.97,
                   f"'{word}' after the municipality name {muni}", canonical=f"{muni} {munis_word(muni)}",
                   genitive=gen)
        taken.append((m.start(), m.end()))
    bare_hits = []
    for m in bare.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        name = m.group("name")
        muni = _muni_name(name)
        if muni is None:
            continue
        if name.isupper() and len(name) > 1:
            continue
        # "Anna Lund": a surname after a given name is no municipality
        before = text[max(0, m.start() - 40): m.start()]
        pm = regex.search(r"(\p{Lu}[\p{L}\-]+)[ ]$", before)
        if pm and is_first_name(pm.group(1)):
            continue
        after = text[m.end(): m.end() + 30]
        nm = regex.match(r"[ ]+(\p{L}+)", after)
        if nm and nm.group(1) in place_nouns:
            continue
        bare_hits.append((m, muni))
    for i, (m, muni) in enumerate(bare_hits):
        if muni in ambiguous:
            if is_sentence_start(text, m.start()):
                continue
            if not _in_list_context(text, m, bare_hits, i):
                continue
        gen = bool(m.group("gs"))
        yield Cand(m.start(), m.end(), m.group(), "municipality", "muni:" + muni, m.group("name"), FULL_SHORT,
                   "organisations/municipality_bare", "gazetteer", 0.85, f"municipality name {muni}",
                   canonical=f"{muni} {munis_word(muni)}", genitive=gen)


def munis_word(muni: str) -> str:
    return "stad" if municipalities()[muni] == "stad" else "kommun"


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
            if regex.fullmatch(r"\s*(?:[,;/]|och|samt|eller)\s*(?:och\s*)?", gap):
                return True
    return False


# --------------------------------------------------------------------------- gazetteers

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
    for item in org_rules()["known"]:
        for p in [item["name"], *item.get("aliases", [])]:
            out.append((p, item["name"], item.get("kind", "other"), "organisations/gazetteer_known"))
    return tuple(out)


@lru_cache(maxsize=1)
def _gazetteer_regex() -> tuple[regex.Pattern[str], regex.Pattern[str],
                                dict[str, tuple[str, OrganisationKind, str]]]:
    ci, cs = [], []
    lookup: dict[str, tuple[str, OrganisationKind, str]] = {}
    for form, canon, kind, rule in sorted(_gazetteer_entries(), key=lambda e: len(e[0]), reverse=True):
        upper = sum(c.isupper() for c in form)
        abbreviation = upper >= 2 and len(form) <= 6 and " " not in form
        if abbreviation or len(form) < 7:
            cs.append(ocr_pattern(form, False) if abbreviation else
                      ocr_pattern(form[0], False) + ocr_pattern(form[1:], False))
        else:
            ci.append(ocr_pattern(form, True))
        lookup.setdefault(fold_key(form), (canon, kind, rule))
    tail = r"(?P<gs>:s|s)?" + WB_R + r"(?![-\u2013]\p{L})(?![ \t]*\d)"
    ci_re = regex.compile(WB_L + r"(?<![\p{L}][-\u2013])(?P<form>" + "|".join(ci) + r")" + tail, regex.I)
    cs_re = regex.compile(WB_L + r"(?<![\p{L}][-\u2013])(?P<form>" + "|".join(cs) + r")" + tail)
    return ci_re, cs_re, lookup


def _gaz_lookup(surface: str) -> tuple[str, OrganisationKind, str] | None:
    _, _, lookup = _gazetteer_regex()
    f = fold_key(surface)
    if f in lookup:
        return lookup[f]
    for form, canon, kind, rule in _gazetteer_entries():
        if len(form) == len(surface) and ocr_regex(form, True).fullmatch(surface):
            return canon, kind, rule
    return None


def find_gazetteer(text: str) -> Iterator[Cand]:
    ci_re, cs_re, _ = _gazetteer_regex()
    for rx in (ci_re, cs_re):
        for m in rx.finditer(text):
            form = m.group("form")
            hit = _gaz_lookup(form)
            if hit is None:
                continue
            canon, kind, rule = hit
            # a genitive -s only where the form itself does not end in s
            gen = bool(m.group("gs"))
            end = m.end()
            if m.group("gs") == "s" and form.endswith("s"):
                end -= 1
                gen = False
            is_abbr = sum(c.isupper() for c in form) >= 2 and len(form) <= 6 and " " not in form
            yield Cand(m.start(), end, text[m.start():end], kind, "gaz:" + canon, form,
                       FULL_ABBR if is_abbr else FULL_NAME, rule, "gazetteer", 0.95,
                       f"listed {kind} {canon}", canonical=canon if fold_key(canon) != fold_key(form) else None,
                       genitive=gen)


# --------------------------------------------------------------------------- bodies

def _heads() -> list[dict[str, Any]]:
    heads: list[dict[str, Any]] = org_rules()["body_heads"]
    return heads


def _form_info(head: dict[str, Any], form: str) -> tuple[bool, bool, str]:
    """(definite, genitive, nominative form) of one inflection of a head."""
    stem = head["stem"]
    forms = head["forms"]
    gen = form.endswith("s") and form != stem
    nom = form[:-1] if gen else form
    definite = nom != stem or head.get("indefinite_ok", False)
    return definite, gen, nom if nom in forms else stem
    # (nom is always one of the forms for the shipped heads)


@lru_cache(maxsize=1)
def _body_regex() -> regex.Pattern[str]:
    parts = []
    for i, head in enumerate(_heads()):
        if head.get("standalone", True) is False:
            continue
        forms = sorted(head["forms"], key=len, reverse=True)
        parts.append(f"(?P<h{i}>" + "|".join(ocr_pattern(f) for f in forms) + ")")
    coord = r"(?P<coord>(?:[\p{L}][\p{L}\-]*-[ \t]*,[ \t]*)*[\p{L}][\p{L}\-]*-[ \t]+(?:och|samt|eller|&)[ \t]+)?"
    return regex.compile(WB_L + r"(?<![\p{L}\-])" + coord + r"(?P<pre>[\p{L}][\p{L}\-]*?)(?:" + "|".join(parts) + ")"
                         + WB_R + r"(?![-\u2013]\p{L})", regex.I)


def _which_head(m: regex.Match[str]) -> tuple[dict[str, Any], str]:
    for i, head in enumerate(_heads()):
        g = m.groupdict().get(f"h{i}")
        if g:
            return head, g
    raise AssertionError("no head group")


def find_bodies(text: str) -> Iterator[Cand]:
    rules = org_rules()
    negatives = {fold_key(n) for n in rules["body_negatives"]}
    for m in _body_regex().finditer(text):
        head, form_text = _which_head(m)
        pre = m.group("pre") or ""
        coord = m.group("coord") or ""
        if len(regex.sub(r"[^\p{L}]", "", pre)) < 2:
            continue
        if head.get("coordinated_only") and not coord:
            continue
        form = _match_form(head, form_text)
        definite, gen, nom = _form_info(head, form)
        nominative = text[m.start(): m.start("pre") + len(pre)] + _recase(nom, form_text)
        if fold_key(nominative) in negatives or fold_key(pre + nom) in negatives:
            continue
        if pre.isupper() and len(pre) > 1 and not pre.endswith("-"):
            continue
        key = key_of(coord + pre + head["stem"])
        yield Cand(m.start(), m.end(), m.group(), head["kind"], "body:" + key, nominative,
                   FULL_NAME if definite else FULL_ABBR, "organisations/body_compound", "rule", 0.85,
                   f"compound ending in '{head['stem']}'", link_only=not definite, genitive=gen)


def _match_form(head: dict[str, Any], surface: str) -> str:
    forms: list[str] = head["forms"]
    for f in sorted(forms, key=len, reverse=True):
        if len(f) == len(surface) and ocr_regex(f).fullmatch(surface):
            return f
    stem: str = head["stem"]
    return stem


def _recase(nom: str, surface: str) -> str:
    """``nom`` spelled like ``surface`` (keeps OCR letters of the matched text)."""
    return surface[: len(nom)] if len(surface) >= len(nom) else nom


@lru_cache(maxsize=1)
def _owner_regex() -> regex.Pattern[str]:
    parts = []
    for i, head in enumerate(_heads()):
        forms = sorted(head["forms"], key=len, reverse=True)
        parts.append(f"(?P<h{i}>" + "|".join(ocr_pattern(f) for f in forms) + ")")
    owner = r"(?P<owner>\p{Lu}[\p{L}\-]*s(?:[ \t]+kommunernas)?)"
    coord = r"(?P<coord>[\p{L}][\p{L}\-]*-?[ \t]+(?:och|&)[ \t]+)?"
    return regex.compile(WB_L + owner + r"[ \t]+" + coord + r"(?P<pre>[\p{L}\-]*?)(?:" + "|".join(parts) + ")"
                         + WB_R, regex.I)


def find_owned(text: str) -> Iterator[Cand]:
    """'Dalarnas museum', 'Dalakommunernas samrådsgrupp': a place's body."""
    stop = {fold_key(s) for s in org_rules()["owner_stoplist"]}
    for m in _owner_regex().finditer(text):
        owner = m.group("owner")
        if not owner[0].isupper():
            continue
        fo = fold_key(owner)
        if fo in stop or (" " not in owner and lower_word_elsewhere(text, owner)):
            continue
        if (is_sentence_start(text, m.start()) and regex.search(r"(ens|ets|ernas|arnas|ornas)$", fo)
                and "kommunerna" not in fo):
            continue
        if is_first_name(owner[:-1]) or is_first_name(owner):
            continue
        head, form_text = _which_head(m)
        form = _match_form(head, form_text)
        _, gen, nom = _form_info(head, form)
        pre = m.group("pre") or ""
        coord = m.group("coord") or ""
        if coord and not pre:
            continue
        if head.get("whole_word") and pre:
            continue
        if pre and pre.endswith("-"):
            continue
        nominative = text[m.start(): m.start("pre") + len(pre)] + _recase(nom, form_text)
        # the indefinite is the name ("Dalarnas museum"); a definite after a genitive is odd
        key = key_of(owner + coord + pre + head["stem"])
        yield Cand(m.start(), m.end(), m.group(), head["kind"], "owned:" + key, nominative, FULL_OFFICIAL,
                   "organisations/owner_genitive", "rule", 0.85, f"'{owner}' + '{head['stem']}'",
                   head_key="body:" + key_of(coord + pre + head["stem"]), genitive=gen)


@lru_cache(maxsize=1)
def _bare_head_regex() -> regex.Pattern[str]:
    forms = []
    for head in _heads():
        if head.get("standalone", True) is False:
            forms += [f for f in head["forms"] if f != head["stem"] and f != head["stem"] + "s"]
    return regex.compile(WB_L + r"(?P<f>" + "|".join(ocr_pattern(f) for f in sorted(forms, key=len, reverse=True))
                         + r")" + WB_R, regex.I)


def find_bare_heads(text: str) -> Iterator[Cand]:
    """'högskolan', 'ledningsgruppen': links to an owner-named organisation of that head."""
    for m in _bare_head_regex().finditer(text):
        for head in _heads():
            if head.get("standalone", True) is False:
                form = _match_form(head, m.group("f"))
                if form in head["forms"] and ocr_regex(form).fullmatch(m.group("f")):
                    _, gen, nom = _form_info(head, form)
                    yield Cand(m.start(), m.end(), m.group(), head["kind"], "", _recase(nom, m.group("f")),
                               FULL_ABBR, "organisations/bare_head", "rule", 0.6, f"bare '{head['stem']}'",
                               head_key="body:" + key_of(head["stem"]), link_only=True, genitive=gen)
                    break


_UTSKOTT = regex.compile(WB_L + r"(?P<o>[\p{L}\-]+(?:styrelsens|nämndens))[ \t]+(?P<u>\p{L}*utskott)(?P<s>et|s|ets)?"
                         + WB_R, regex.I)


def find_utskott(text: str) -> Iterator[Cand]:
    for m in _UTSKOTT.finditer(text):
        form = m.group("o") + " " + m.group("u")
        yield Cand(m.start(), m.end(), m.group(), "committee", "utskott:" + key_of(form), form, FULL_OFFICIAL,
                   "organisations/utskott", "rule", 0.85, "a board's working committee",
                   genitive=(m.group("s") or "").endswith("s"))


# --------------------------------------------------------------------------- named shapes

@lru_cache(maxsize=1)
def _head_then_name_re() -> regex.Pattern[str]:
    heads = org_rules()["head_then_name"]
    alts = "|".join(regex.escape(h[0]) + "(?i:" + regex.escape(h[1:]) + ")" for h in heads)
    alts += "|" + "|".join(regex.escape(h[0].lower()) + "(?i:" + regex.escape(h[1:]) + ")"
                           for h in heads if h[0].isupper() and h != "Region")
    return regex.compile(WB_L + r"(?P<head>" + alts + r")(?P<i>[ \t]+i)?[ \t]+(?P<name>\p{Lu}[\p{L}\-]+"
                         r"(?:[ \t]+\p{Lu}[\p{L}\-]+)?)(?P<lan>[ \t]+län)?" + WB_R)


def find_head_then_name(text: str) -> Iterator[Cand]:
    """'Samordningsförbundet Norra Dalarna', 'Länsstyrelsen i Uppsala län', 'Högskolan Dalarna'."""
    heads = org_rules()["head_then_name"]
    for m in _head_then_name_re().finditer(text):
        head = m.group("head")
        kind = heads.get(head[0].upper() + head[1:].lower(), heads.get(head, "other"))
        name_tokens = m.group("name").split()
        # stop before a sentence start or a person
        end = m.end("name")
        if len(name_tokens) == 2 and (is_first_name(name_tokens[1]) or lower_word_elsewhere(text, name_tokens[1])):
            end = m.start("name") + len(name_tokens[0])
        if m.group("lan") and end == m.end("name"):
            end = m.end("lan")
        surface = text[m.start():end]
        if is_first_name(name_tokens[0]):
            continue
        yield Cand(m.start(), end, surface, kind, "named:" + key_of(surface), surface, FULL_OFFICIAL,
                   "organisations/head_then_name", "rule", 0.85, f"'{head}' followed by a name")


@lru_cache(maxsize=1)
def _unit_for_re() -> regex.Pattern[str]:
    units = org_rules()["unit_for_heads"]
    return regex.compile(WB_L + r"(?P<u>(?i:" + "|".join(map(regex.escape, units)) + r"))[ \t]+för[ \t]+"
                         r"(?P<n>\p{Lu}\p{Ll}+(?:[ \t]+(?:och|&)[ \t]+\p{Ll}+)?)" + WB_R)


def find_unit_for(text: str) -> Iterator[Cand]:
    """'förvaltningen för Stöd och omsorg' (alias 'Stöd och omsorg')."""
    for m in _unit_for_re().finditer(text):
        yield Cand(m.start(), m.end(), m.group(), "administration", "unitfor:" + key_of(m.group()), m.group(),
                   FULL_OFFICIAL, "organisations/unit_for_name", "rule", 0.8,
                   f"'{m.group('u')} för' + name", aliases=[m.group("n")])


_STOP_INITIAL = frozenset("""det den de en ett nu vi av med i på för från till om och att som där här efter under
inför enligt genom mellan hos vid även både samt bland dessutom kommunen avtal avtalet leverantör leverantören
företaget bolaget firman nuvarande nya ny alla""".split())


def _trim_initial(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    while tokens:
        s, e = tokens[0]
        w = text[s:e]
        if w.lower() in _STOP_INITIAL or (is_sentence_start(text, s) and lower_word_elsewhere(text, w)):
            tokens = tokens[1:]
        else:
            break
    return tokens


@lru_cache(maxsize=1)
def _company_res() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Company forms after a name ("Kalix Energi AB"), and sports club abbreviations."""
    rules = org_rules()
    forms = sorted(rules["company_forms"], key=len, reverse=True)
    company = regex.compile(r"(?P<name>(?:(?:\p{Lu}[\p{L}\.&\-]*|&)[ \t]+){1,4})(?P<form>"
                            + "|".join(map(regex.escape, forms)) + r")" + WB_R)
    abbr = "|".join(map(regex.escape, rules["club_abbreviations"]))
    club = regex.compile(r"(?:(?P<pre>\p{Lu}[\p{L}]*)[ \t]+)?(?P<a>" + abbr + r")" + WB_R
                         + r"(?:[ \t]+(?P<post>\p{Lu}\p{Ll}+))?")
    return company, club


_TOKEN = regex.compile(r"\S+")


def find_companies(text: str) -> Iterator[Cand]:
    rules = org_rules()
    company, club = _company_res()
    for m in company.finditer(text):
        toks = [(t.start() + m.start("name"), t.end() + m.start("name"))
                for t in _TOKEN.finditer(m.group("name"))]
        toks = _trim_initial(text, toks)
        if not toks:
            continue
        start = toks[0][0]
        surface = text[start:m.end()]
        yield Cand(start, m.end(), surface, "company", "co:" + key_of(surface), surface, FULL_OFFICIAL,
                   "organisations/company_form", "rule", 0.9, f"company form '{m.group('form')}'")
    # municipal companies: "Kalix Bostäder"
    words = sorted(rules["municipal_company_words"], key=len, reverse=True)
    _, bare, _ = _municipality_regexes()
    for m in bare.finditer(text):
        if m.group("gs"):
            continue
        nm = regex.match(r"[ \t]+(" + "|".join(map(regex.escape, words)) + r")" + WB_R, text[m.end():])
        if nm:
            end = m.end() + nm.end()
            surface = text[m.start():end]
            yield Cand(m.start(), end, surface, "company", "co:" + key_of(surface), surface, FULL_OFFICIAL,
                       "organisations/municipal_company", "rule", 0.85, "municipality + company word")
    # clubs: "Kalix FF", "LdB FC Malmö", "IFK Göteborg"
    for m in club.finditer(text):
        pre, post = m.group("pre"), m.group("post")
        start = m.start("pre") if pre else m.start("a")
        end = m.end("post") if post else m.end("a")
        if pre and (pre.lower() in _STOP_INITIAL or (is_sentence_start(text, start) and lower_word_elsewhere(text, pre))):
            start, pre = m.start("a"), None
        if post and lower_word_elsewhere(text, post):
            end, post = m.end("a"), None
        if not pre and not post:
            continue
        if start > 0 and regex.match(r"[\p{L}\-]", text[start - 1]):
            continue
        surface = text[start:end]
        yield Cand(start, end, surface, "association", "club:" + key_of(surface), surface, FULL_OFFICIAL,
                   "organisations/sports_club", "rule", 0.8, "sports club abbreviation")


@lru_cache(maxsize=1)
def _english_re() -> regex.Pattern[str]:
    heads = org_rules()["english_heads"]
    return regex.compile(r"(?P<n>(?:\p{Lu}[\p{L}\-']+[ \t]+){1,4})(?P<h>" + "|".join(heads) + r")" + WB_R
                         + r"(?:[ \t]+(?:of|for)[ \t]+\p{Lu}\p{L}+(?:[ \t]+\p{Lu}\p{L}+){0,3})?")


def find_english(text: str) -> Iterator[Cand]:
    for m in _english_re().finditer(text):
        toks = [(t.start() + m.start("n"), t.end() + m.start("n")) for t in _TOKEN.finditer(m.group("n"))]
        toks = _trim_initial(text, toks)
        if not toks:
            continue
        surface = text[toks[0][0]:m.end()]
        aliases = []
        if len(toks) == 1 and m.end() == m.end("h") and toks[0][1] - toks[0][0] >= 5:
            aliases.append(text[toks[0][0]:toks[0][1]])
        yield Cand(toks[0][0], m.end(), surface, "other", "en:" + key_of(surface), surface, FULL_OFFICIAL,
                   "organisations/english_head", "rule", 0.8, f"English head '{m.group('h')}'", aliases=aliases)


_KOMMUNERNA = regex.compile(WB_L + r"(?P<w>\p{Lu}[\p{L}\-]*?(?:s[ \t]+k|k)ommunerna)(?P<g>s)?" + WB_R)


def find_kommunerna(text: str) -> Iterator[Cand]:
    """'Dalakommunerna', 'Dalarnas kommunerna', 'Klimatkommunerna': named groups of municipalities."""
    neg = {fold_key(n) for n in org_rules()["kommunerna_negatives"]}
    for m in _KOMMUNERNA.finditer(text):
        w = m.group("w")
        if fold_key(w) in neg or fold_key(w.split()[0]) in neg:
            continue
        first = w.split()[0]
        if " " in w and (fold_key(first) in {fold_key(s) for s in org_rules()["owner_stoplist"]} or is_first_name(first[:-1])):
            continue
        if " " not in w and len(w) <= len("kommunerna") + 1:
            continue
        yield Cand(m.start(), m.end(), m.group(), "cooperation", "grp:" + key_of(w), w, FULL_NAME,
                   "organisations/kommunerna", "rule", 0.8, "named group of municipalities",
                   genitive=bool(m.group("g")))


@lru_cache(maxsize=None)
def _abbr_key(full: str) -> str:
    """The merge key the rules give the body an abbreviation stands for."""
    for finder in (find_utskott, find_bodies):
        for c in finder(full):
            if c.start == 0 and c.end == len(full):
                return c.key
    return "body:" + key_of(full)


@lru_cache(maxsize=1)
def _adjective_body_re() -> regex.Pattern[str]:
    heads = org_rules()["adjective_heads"]
    return regex.compile(WB_L + r"(?P<adj>\p{L}+a)[ \t]+(?P<h>" + "|".join(ocr_pattern(h) for h in heads)
                         + r")(?P<g>s)?" + WB_R)


def find_adjective_bodies(text: str) -> Iterator[Cand]:
    """'Tekniska kontoret', 'tekniska nämnden': an adjective (-a) + a board's or office's head noun."""
    rules = org_rules()
    listed = {fold_key(a) for a in rules["body_adjectives"]}
    stop = {fold_key(a) for a in rules["adjective_stoplist"]}
    for m in _adjective_body_re().finditer(text):
        adj = m.group("adj")
        fa = fold_key(adj)
        if fa in stop:
            continue
        if fa not in listed:
            if not adj[0].isupper() or (is_sentence_start(text, m.start()) and lower_word_elsewhere(text, adj)):
                continue
        form = text[m.start():m.end("h")]
        yield Cand(m.start(), m.end(), m.group(), "administration" if "kontor" in fold_key(m.group("h")) or "forvaltning"
                   in fold_key(m.group("h")) else "committee", "adj:" + key_of(form), form, FULL_NAME,
                   "organisations/adjective_body", "rule", 0.8, f"'{adj}' + '{m.group('h')}'",
                   genitive=bool(m.group("g")))


@lru_cache(maxsize=1)
def _abbreviation_res() -> list[tuple[str, str, regex.Pattern[str]]]:
    return [(a, full, regex.compile(r"(?<![\p{L}\p{N}/])" + regex.escape(a) + r"(?P<g>:s)?(?![\p{L}\p{N}])(?![ \t]*\d)"))
            for a, full in org_rules()["abbreviations"].items()]


_CASE_NUMBER_BEFORE = regex.compile(r"(?i)(dnr|diarienummer)[\s.:]*\S*$")


def find_abbreviation_links(text: str) -> Iterator[Cand]:
    """Abbreviations of a municipality's boards ('KS', 'KF') as mentions of the board."""
    for a, full, rx in _abbreviation_res():
        for m in rx.finditer(text):
            if _CASE_NUMBER_BEFORE.search(text[max(0, m.start() - 25):m.start()]):
                continue
            head_key = _abbr_key(full)
            yield Cand(m.start(), m.end(), m.group(), "committee", head_key, a, FULL_ABBR,
                       "organisations/board_abbreviation", "rule", 0.75, f"'{a}' = {full}", canonical=full,
                       genitive=bool(m.group("g")))


_PAREN_AFTER = regex.compile(r"(?P<a>(?<![\p{L}\-])\p{Lu}[\p{Lu}\p{Ll}]{1,7}(?![\p{L}\-]))[ \t]*\((?P<x>\p{Lu}[^()\n]{3,90})\)")
_PAREN_ABBR = regex.compile(r"\([ \t]*(?P<a>\p{Lu}[\p{Lu}\p{Ll}]{1,7})[ \t]*\)")


def _is_abbr(a: str) -> bool:
    return sum(c.isupper() for c in a) >= 2 and a[0].isupper()


def _initials_match(words: list[str], abbr: str) -> bool:
    inits = "".join(w[0] for w in words if w and w[0].isalpha()).lower()
    return inits == abbr.lower()


def find_abbreviations(text: str, found: list[Cand]) -> Iterator[Cand]:
    """'ICLD (Swedish ... Centre ...)' and 'Idrott utan gränser (IUG)': expansion + abbreviation."""
    rules = org_rules()
    org_words = {fold_key(w) for w in rules["abbreviation_org_words"]}
    type_words: dict[str, OrganisationKind] = rules["preceding_type_words"]
    ends = {c.end: c for c in found if not c.link_only}
    for m in _PAREN_AFTER.finditer(text):
        a, x = m.group("a"), m.group("x").strip()
        if not _is_abbr(a):
            continue
        words = x.split()
        inner = [c for c in found if c.start >= m.start("x") and c.end <= m.end("x") and not c.link_only]
        if inner:
            c = max(inner, key=lambda c: c.length)
            yield Cand(m.start("a"), m.end("a"), a, c.kind, c.key, a, FULL_ABBR, "organisations/abbreviation",
                       "rule", 0.85, f"abbreviation of {c.form}")
            continue
        if not any(fold_key(w) in org_words for w in words):
            continue
        key = "abbr:" + key_of(x)
        yield Cand(m.start("x"), m.start("x") + len(x), x, "other", key, x, FULL_OFFICIAL,
                   "organisations/abbreviation_expansion", "rule", 0.8, f"expansion of '{a}'", aliases=[a])
        yield Cand(m.start("a"), m.end("a"), a, "other", key, a, FULL_ABBR, "organisations/abbreviation", "rule",
                   0.8, f"abbreviation of {x}")
    for m in _PAREN_ABBR.finditer(text):
        a = m.group("a")
        if not _is_abbr(a):
            continue
        j = m.start()
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j in ends:
            c = ends[j]
            yield Cand(m.start("a"), m.end("a"), a, c.kind, c.key, a, FULL_ABBR, "organisations/abbreviation",
                       "rule", 0.85, f"abbreviation of {c.form}")
            continue
        # the words before the parenthesis whose initials spell the abbreviation
        line_start = max(text.rfind("\n", 0, j) + 1, 0)
        before = list(regex.finditer(r"[\p{L}\-]+", text[line_start:j]))
        for n in range(len(a), min(len(a) + 3, len(before)) + 1):
            ws = before[-n:]
            words = [w.group() for w in ws]
            content = [w for w in words if w.lower() not in ("och", "för", "i", "av", "&")] if n > len(a) else words
            if not words[0][0].isupper() or not _initials_match(content if n > len(a) else words, a):
                continue
            s = line_start + ws[0].start()
            x = text[s:j]
            prev = regex.search(r"(\p{L}+)[ \t]+$", text[max(0, s - 30):s])
            kind = type_words.get(prev.group(1).lower()) if prev else None
            if kind is None and not any(fold_key(w) in org_words for w in words):
                break
            key = "abbr:" + key_of(x)
            yield Cand(s, j, x, kind or "other", key, x, FULL_OFFICIAL, "organisations/abbreviation_expansion",
                       "rule", 0.8, f"expanded by '{a}'", aliases=[a])
            yield Cand(m.start("a"), m.end("a"), a, kind or "other", key, a, FULL_ABBR,
                       "organisations/abbreviation", "rule", 0.8, f"abbreviation of {x}")
            break


@lru_cache(maxsize=1)
def _type_word_re() -> regex.Pattern[str]:
    alts = "|".join(f"[{t[0]}{t[0].upper()}]" + regex.escape(t[1:]) for t in org_rules()["preceding_type_words"])
    return regex.compile(WB_L + r"(?P<t>" + alts + r")[ \t]+"
                         r"(?P<n>\p{Lu}[\p{L}\-]+(?:[ \t]+\p{Lu}[\p{L}\-]+){0,2})" + WB_R)


def find_type_word_names(text: str) -> Iterator[Cand]:
    """'föreningen Gröna Vägen', 'nätverket EnergiNord': a type word followed by a capitalised name."""
    types = org_rules()["preceding_type_words"]
    for m in _type_word_re().finditer(text):
        n = m.group("n")
        if is_first_name(n.split()[0]):
            continue
        yield Cand(m.start("n"), m.end("n"), n, types[m.group("t").lower()], "typed:" + key_of(n), n, FULL_NAME,
                   "organisations/type_word_name", "rule", 0.75, f"named after '{m.group('t')}'")


def rule_candidates(text: str) -> list[Cand]:
    cands: list[Cand] = []
    for finder in (find_municipalities, find_gazetteer, find_bodies, find_owned, find_bare_heads, find_utskott,
                   find_head_then_name, find_unit_for, find_companies, find_english, find_kommunerna,
                   find_abbreviation_links, find_type_word_names, find_adjective_bodies):
        cands.extend(finder(text))
    cands.extend(find_abbreviations(text, cands))
    return cands
