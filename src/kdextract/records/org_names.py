"""Finders for organisations with a proper name: 'Head Name' shapes, English names, abbreviations (companies:
``org_companies``)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.models import OrganisationKind
from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import (
    WB_L,
    WB_R,
    gazetteer,
    is_first_name,
    is_sentence_start,
    key_of,
    lower_word_elsewhere,
    org_rules,
)
from kdextract.records.org_associations import place_after
from kdextract.records.org_units import abbr_key
from kdextract.records.org_candidates import FULL_ABBR, FULL_NAME, FULL_OFFICIAL, Cand
from kdextract.records.org_filters import ABBREVIATION_RULE, abbreviation_elsewhere
from kdextract.records.org_places import gaz_lookup, muni_name
from kdextract.records.person_names import body_head_endings
from kdextract.text.fold import fold_key
from kdextract.text.spans import SpanIndex
from kdextract.text.word_starts import Anchored, Beginnings, matches_at, starts_before


def _capitalised(most: int) -> str:
    """A pattern for one to ``most`` capitalised words in a row ("Norra Dalarna"), never over a column gap
    ("REGION NORRA      PROTOKOLL")."""
    return r"\p{Lu}[\p{L}\-]+(?:[ ]{1,2}\p{Lu}[\p{L}\-]+){0,%d}" % (most - 1)


# A county's two-word name that a line break splits before its genitive and "län" ("i Västra\nGötalands län").
_WRAPPED_COUNTY = r"\p{Lu}[\p{L}\-]+[ \t]*\n[ \t]*\p{Lu}[\p{L}\-]+s(?=[ \t]+län(?![\p{L}]))"


@lru_cache(maxsize=1)
def _head_then_name() -> Anchored:
    heads = org_rules().head_then_name
    alts = "|".join(regex.escape(h[0]) + "(?i:" + regex.escape(h[1:]) + ")" for h in heads)
    alts += "|" + "|".join(regex.escape(h[0].lower()) + "(?i:" + regex.escape(h[1:]) + ")"
                           for h in heads if h[0].isupper() and h != "Region")
    pattern = compile_re(WB_L + r"(?P<head>" + alts + r")(?:(?P<i>[ \t]+i)[ \t]*\n[ \t]*|(?P<i2>[ \t]+i)?[ \t]+|(?P<wrap>[ \t]*\n[ \t]*))(?P<name>" + _WRAPPED_COUNTY + "|" + _capitalised(2)
                            + r"(?:–\p{Lu}[\p{L}\-]+)?)(?P<lan>(?:[ \t]+|[ \t]*\n[ \t]*)län)?" + WB_R)
    return Anchored(pattern, Beginnings(heads))


def find_head_then_name(text: str) -> Iterator[Cand]:
    """'Samordningsförbundet Norra Dalarna', 'Länsstyrelsen i Jämtlands län', 'Högskolan Dalarna', a pair of places
    joined by a dash ('Gymnasieförbundet Dal–Ås'); a name on the next line where a full line ends in the head.
    A form that is another one's genitive in the same text ('Region Norrmarks' of 'Region Norrmark') is that one."""
    cands = list(_heads_then_names(text))
    forms = {c.key: c.form for c in cands}
    for c in cands:
        if c.form.endswith("s") and (stem := "named:" + key_of(c.form[:-1])) in forms:
            c.key, c.form, c.genitive = stem, forms[stem], True
        yield c


def _heads_then_names(text: str) -> Iterator[Cand]:
    heads = org_rules().head_then_name
    places = frozenset(org_rules().heads_before_a_place)
    for m in _head_then_name().finditer(text):
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
        if is_first_name(name_tokens[0]) or m.group("wrap") and not _wrapped_at_full_line(text, m, name_tokens[0]):
            continue
        if (m.group("i") or m.group("i2")) and head[0].upper() + head[1:].lower() in places:
            continue  # "förskolan i Norrby": the preschool in a place, no name
        form = LINE_BREAK.sub(" ", surface)  # "Länsstyrelsen i\nJämtlands län" wraps after its "i"
        yield Cand(m.start(), end, surface, kind=kind, key="named:" + key_of(form), form=form,
                   full=FULL_OFFICIAL, rule="organisations/head_then_name", method="rule", score=0.85,
                   explanation=f"'{head}' followed by a name", head_key=_listed_head(head))

#: Shortest line of running text that a column's end wraps (a shorter one ends where its writer ended it).
FULL_LINE = 50


def _wrapped_at_full_line(text: str, m: regex.Match[str], name: str) -> bool:
    """A head at the end of a full line of running text, its name opening the next line ("… Förskolan" /
    "Lärkan håller …"): no line of its own, and a name that is no common word of the text or public body."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    return (m.start() - line_start + len(m.group("head")) >= FULL_LINE and bool(text[line_start:m.start()].strip())
            and not lower_word_elsewhere(text, name) and not fold_key(name).endswith(body_head_endings("", "en", "s")))


@lru_cache(maxsize=64)
def _listed_head(head: str) -> str | None:
    """The key of a listed head ("Länsstyrelsen"): a bare mention of it refers back to the one named organisation
    it heads ("Länsstyrelsen i Jämtlands län") where the text names only one."""
    hit = gaz_lookup(head)
    return "gaz:" + hit[0] if hit is not None else None


#: Words that never open a company's or a named organisation's name ("Styrelsen", "Kommunen").
STOP_INITIAL = frozenset(org_rules().company_initial_stopwords)


#: A company's type word in the definite form ("bolaget"), as the end of a compound before a name ("Nätbolaget").
_COMPANY_TYPE_ENDS = tuple(sorted(w for w, k in org_rules().preceding_type_words.items() if k == "company"))


def trim_initial(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``tokens`` without the words that open no name ("Styrelsen", a sentence's common first word, a company's
    type in a definite compound before a name of two words or more: "Nätbolaget Ekby Elnät AB")."""
    while tokens:
        s, e = tokens[0]
        w = text[s:e]
        if w.lower() in STOP_INITIAL or (is_sentence_start(text, s) and lower_word_elsewhere(text, w)) \
                or (len(tokens) >= 3 and w.lower().endswith(_COMPANY_TYPE_ENDS)):
            tokens = tokens[1:]
        else:
            break
    return tokens


#: A run of non-blanks (a name's word).
TOKEN_RUN = compile_re(r"\S+")
#: A line break with the blanks around it.
LINE_BREAK = compile_re(r"[ \t]*\n[ \t]*")


@lru_cache(maxsize=1)
def _english_re() -> regex.Pattern[str]:
    heads = org_rules().english_heads
    return compile_re(r"(?P<n>(?<![\p{L}\p{N}\-'])(?:\p{Lu}[\p{L}\-']++[ \t]+){1,4})(?P<h>" + "|".join(heads) + r")" + WB_R
                         + r"(?:[ \t]+(?:of|for)[ \t]+\p{Lu}\p{L}+(?:[ \t]+\p{Lu}\p{L}+){0,3})?")

@lru_cache(maxsize=1)
def _english_heads() -> Beginnings:
    return Beginnings(org_rules().english_heads, case_sensitive=True)


#: An English name is one to four capitalised words before its head (read backwards).
_ENGLISH_NAME_BACK = compile_re(r"(?r)(?:[^ \t\n]+[ \t]+){1,4}")
_ENGLISH_NAME_START = compile_re(r"(?<![\p{L}\p{N}\-'])\p{Lu}")


def find_english(text: str) -> Iterator[Cand]:
    """'Nordic Energy Network': capitalised words before an English head, tried only before the heads."""
    starts = starts_before(text, _english_heads().starts(text), _ENGLISH_NAME_BACK, _ENGLISH_NAME_START)
    for m in matches_at(_english_re(), text, starts):
        toks = [(t.start() + m.start("n"), t.end() + m.start("n")) for t in TOKEN_RUN.finditer(m.group("n"))]
        toks = trim_initial(text, toks)
        if not toks:
            continue
        surface = text[toks[0][0]:m.end()]
        aliases = []
        if len(toks) == 1 and m.end() == m.end("h") and toks[0][1] - toks[0][0] >= 5:
            aliases.append(text[toks[0][0]:toks[0][1]])
        yield Cand(toks[0][0], m.end(), surface, kind="other", key="en:" + key_of(surface), form=surface,
                   full=FULL_OFFICIAL, rule="organisations/english_head", method="rule", score=0.8,
                   explanation=f"English head '{m.group('h')}'", aliases=aliases)

@lru_cache(maxsize=1)
def _abbreviation_res() -> list[tuple[str, str, regex.Pattern[str]]]:
    return [(a, full, compile_re(r"(?<![\p{L}\p{N}/])" + regex.escape(a) + r"(?P<g>:s)?(?![\p{L}\p{N}])"
                                 r"(?![ \t]*(?!\d{4}-\d\d-\d\d[ \t]*\n?[ \t]*§)\d)"))
            for a, full in org_rules().abbreviations.items()]

_CASE_NUMBER_BEFORE = compile_re(r"(?i)(dnr|diarienummer)[\s.:]*\S*$")

def find_abbreviation_links(text: str) -> Iterator[Cand]:
    """Abbreviations of a municipality's boards ('KS', 'KF') as mentions of the board (also where they cite its
    decision by its day and §: 'KS 2026-09-08 § 143')."""
    for a, full, rx in _abbreviation_res():
        for m in rx.finditer(text):
            if _CASE_NUMBER_BEFORE.search(text[max(0, m.start() - 25):m.start()]) or abbreviation_elsewhere(
                    text, m.start(), m.end()):
                continue
            head_key = abbr_key(full)
            yield Cand(m.start(), m.end(), m.group(), kind="committee", key=head_key, form=a, full=FULL_ABBR,
                       rule=ABBREVIATION_RULE, method="rule", score=0.75, explanation=f"'{a}' = {full}",
                       canonical=full, genitive=bool(m.group("g")))

_PAREN_AFTER = compile_re(r"(?P<a>(?<![\p{L}\-])\p{Lu}[\p{Lu}\p{Ll}]{1,7}(?![\p{L}\-]))[ \t]*\((?P<x>\p{Lu}[^()\n]{3,90})\)")

#: Words or a line break, searched backwards (for the words right before an abbreviation).
_WORDS_BACK = compile_re(r"(?r)[\p{L}\-]+|\n")

_PAREN_ABBR = compile_re(r"\([ \t]*(?P<a>\p{Lu}[\p{Lu}\p{Ll}]{1,7})[ \t]*\)")

def _is_abbr(a: str) -> bool:
    return sum(c.isupper() for c in a) >= 2 and a[0].isupper()

def _initials_match(words: list[str], abbr: str) -> bool:
    inits = "".join(w[0] for w in words if w and w[0].isalpha()).lower()
    return inits == abbr.lower()

def _last_words(text: str, end: int, most: int) -> list[tuple[int, int, str]]:
    """Up to ``most`` words (letters and hyphens) of the line before ``end``, in text order, as (start, end, word).

    Read backwards from ``end``: the cost is that of the words taken, not of the line.
    """
    words: list[tuple[int, int, str]] = []
    for m in _WORDS_BACK.finditer(text, 0, end):
        if m.group() == "\n" or len(words) == most:
            break
        words.append((m.start(), m.end(), m.group()))
    return words[::-1]


_WORD_BEFORE = compile_re(r"(\p{L}+)[ \t]+$")


@lru_cache(maxsize=1)
def _abbreviation_org_words() -> frozenset[str]:
    return frozenset(fold_key(w) for w in org_rules().abbreviation_org_words)


def find_abbreviations(text: str, found: list[Cand]) -> Iterator[Cand]:
    """'NCLG (Nordic Centre for ... Governance)' and 'Kultur utan gränser (KUG)': expansion + abbreviation."""
    org_words = _abbreviation_org_words()
    type_words: dict[str, OrganisationKind] = org_rules().preceding_type_words
    ends = {c.end: c for c in found if not c.link_only}
    by_span = SpanIndex((c.start, c.end, c) for c in found if not c.link_only)
    for m in _PAREN_AFTER.finditer(text):
        a, x = m.group("a"), m.group("x").strip()
        if not _is_abbr(a):
            continue
        words = x.split()
        inner = by_span.within(m.start("x"), m.end("x"))
        if inner:
            c = max(inner, key=lambda c: c.length)
            yield Cand(m.start("a"), m.end("a"), a, kind=c.kind, key=c.key, form=a, full=FULL_ABBR,
                       rule="organisations/abbreviation", method="rule", score=0.85,
                       explanation=f"abbreviation of {c.form}")
            continue
        if not any(fold_key(w) in org_words for w in words):
            continue
        key = "abbr:" + key_of(x)
        yield Cand(m.start("x"), m.start("x") + len(x), x, kind="other", key=key, form=x, full=FULL_OFFICIAL,
                   rule="organisations/abbreviation_expansion", method="rule", score=0.8,
                   explanation=f"expansion of '{a}'", aliases=[a])
        yield Cand(m.start("a"), m.end("a"), a, kind="other", key=key, form=a, full=FULL_ABBR,
                   rule="organisations/abbreviation", method="rule", score=0.8,
                   explanation=f"abbreviation of {x}")
    for m in _PAREN_ABBR.finditer(text):
        a = m.group("a")
        if not _is_abbr(a):
            continue
        j = m.start()
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j in ends:
            c = ends[j]
            yield Cand(m.start("a"), m.end("a"), a, kind=c.kind, key=c.key, form=a, full=FULL_ABBR,
                       rule="organisations/abbreviation", method="rule", score=0.85,
                       explanation=f"abbreviation of {c.form}")
            continue
        # the words before the parenthesis (on its line) whose initials spell the abbreviation
        before = _last_words(text, j, len(a) + 3)
        for n in range(len(a), len(before) + 1):
            ws = before[-n:]
            words = [w[2] for w in ws]
            content = [w for w in words if w.lower() not in ("och", "för", "i", "av", "&")] if n > len(a) else words
            if not words[0][0].isupper() or not _initials_match(content if n > len(a) else words, a):
                continue
            s = ws[0][0]
            x = text[s:j]
            prev = _WORD_BEFORE.search(text[max(0, s - 30):s])
            kind = type_words.get(prev.group(1).lower()) if prev else None
            if kind is None and not any(fold_key(w) in org_words for w in words):
                break
            key = "abbr:" + key_of(x)
            yield Cand(s, j, x, kind=kind or "other", key=key, form=x, full=FULL_OFFICIAL,
                       rule="organisations/abbreviation_expansion", method="rule", score=0.8,
                       explanation=f"expanded by '{a}'", aliases=[a])
            yield Cand(m.start("a"), m.end("a"), a, kind=kind or "other", key=key, form=a, full=FULL_ABBR,
                       rule="organisations/abbreviation", method="rule", score=0.8,
                       explanation=f"abbreviation of {x}")
            break

@lru_cache(maxsize=1)
def _type_word() -> Anchored:
    types = org_rules().preceding_type_words
    alts = "|".join(f"[{t[0]}{t[0].upper()}]" + regex.escape(t[1:]) for t in types)
    joiners = "|".join(sorted(org_rules().association_name_joiners.words, key=lambda w: (-len(w), w)))
    pattern = compile_re(WB_L + r"(?P<t>" + alts + r")[ \t]+(?P<n>" + _capitalised(3) + ")" + WB_R
                         + r"(?:[ \t]+(?:" + joiners + r")[ \t]+(?P<more>\p{Lu}[\p{L}\-]+)" + WB_R + ")?"
                         + r"(?:[ \t]+i[ \t]+(?P<place>\p{Lu}[\p{L}\-]+)" + WB_R + ")?")
    return Anchored(pattern, Beginnings(types))


@lru_cache(maxsize=1)
def _region_places() -> frozenset[str]:
    """The places the regions are named for, folded ("blekinge" of "Region Blekinge")."""
    return frozenset(fold_key(parts[0].removeprefix("Region ")) for parts in gazetteer("regions.txt"))


#: A lower-case word after a name: the name before it is a genitive where it ends in -s ("Gläntans lokaler").
_LOWER_WORD_AFTER = compile_re(r"[ \t]+\p{Ll}")


def _bare_elsewhere(text: str, name: str, at: int) -> bool:
    """``name`` stands elsewhere in ``text`` as a whole word (not at ``at``): the -s of "Gläntans" is a genitive's
    where "Gläntan" is written too, not the end of the name ("Folkets Hus i …")."""
    i = text.find(name)
    while i >= 0:
        after = text[i + len(name):i + len(name) + 1]
        if i != at and not after.isalpha() and (i == 0 or not text[i - 1].isalpha()):
            return True
        i = text.find(name, i + 1)
    return False


def find_type_word_names(text: str) -> Iterator[Cand]:
    """'föreningen Gröna Vägen', 'nätverket EnergiNord': a type word followed by a capitalised name (with the
    type word where it is capitalised and one of ``type_words_in_name``: 'Föreningen Gröna Vägen'), and the
    municipality or region it is named for after "i" ('Föreningen Folkets Hus i Ekby', '… i Blekinge'); an
    association's the place it belongs to, whatever its name ('föreningen Byaträffen i Hällmyran'), and a second
    capitalised word after one of ``association_name_joiners`` ('föreningen Vuxna på Stan')."""
    types = org_rules().preceding_type_words
    in_name = frozenset(org_rules().type_words_in_name.words)
    for m in _type_word().finditer(text):
        n = m.group("n")
        if is_first_name(n.split()[0]) and m.group("t") not in in_name:
            continue  # (a capitalised "Stiftelsen" opens its name, a person's too: "Stiftelsen Anna Lindh")
        joined = m.group("more") is not None and types[m.group("t").lower()] == "association"
        name_end = m.end("more") if joined else m.end("n")  # "föreningen Vuxna på Stan"
        place = m.group("place") if joined or m.group("more") is None else None
        end = m.end("place") if place and (muni_name(place) or fold_key(place) in _region_places()) else name_end
        if place and end == name_end and types[m.group("t").lower()] == "association" \
                and place_after(text, end) is not None:
            end = m.end("place")  # "Föreningen Byaträffen i Hällmyran": an association's village is its name's
        n = text[m.start("n"):end]
        start = m.start() if m.group("t") in in_name else m.start("n")  # "Föreningen Ljusa Vägar" is its name
        gen = n.endswith("s") and not n.endswith("ss") and _LOWER_WORD_AFTER.match(text, end) is not None \
            and _bare_elsewhere(text, n[:-1], m.start("n"))
        n, form = (n[:-1], text[start:end - 1]) if gen else (n, text[start:end])  # "föreningen Gläntans lokal"
        # (a capitalised type word that opens the name makes it as full as an association's: "Föreningen Ljusa
        # Vägar" outranks the person the words after it look like)
        yield Cand(start, end, text[start:end], kind=types[m.group("t").lower()],
                   key="typed:" + key_of(n), form=form, full=FULL_OFFICIAL if start < m.start("n") else FULL_NAME,
                   rule="organisations/type_word_name", method="rule", score=0.75,
                   explanation=f"named after '{m.group('t')}'", aliases=[n] if start < m.start("n") else [],
                   genitive=gen)
