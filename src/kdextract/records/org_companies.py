"""Companies: a name before a company form ("Ekby Energi AB"), a form before a name ("AB Ekby Verkstad"), a
municipality's company ("Kalix Bostäder") and sports clubs by their abbreviation ("Ekby IF")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import WB_R, is_sentence_start, key_of, lower_word_elsewhere, org_rules
from kdextract.records.org_candidates import FULL_OFFICIAL, Cand
from kdextract.records.org_names import FULL_LINE, LINE_BREAK, STOP_INITIAL, TOKEN_RUN, trim_initial
from kdextract.records.org_places import bare_municipalities, gaz_lookup, muni_name
from kdextract.records.person_names import body_head_endings
from kdextract.text.fold import fold_key
from kdextract.text.lexicon import load_lexicon
from kdextract.text.sentences import abbreviation_set
from kdextract.text.word_starts import Beginnings, matches_at, starts_before


@lru_cache(maxsize=1)
def _company_res() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Company forms after a name ("Kalix Energi AB"), and sports club abbreviations."""
    rules = org_rules()
    forms = sorted(rules.company_forms, key=len, reverse=True)
    # tokens start at a word's start and are read once (possessive): linear on long hyphenated runs
    cap = r"\p{Lu}[\p{L}\d.&\-]*+"
    name = (rf"(?<![\p{{L}}\p{{N}}.&\-]){cap}(?:[ \t]+(?:(?:i|&|för|på)[ \t]+{cap}|{cap}|&)){{0,3}}"
            r"(?:[ \t]+\p{Ll}[\p{L}\-]*+){0,2}")
    company = compile_re(rf"(?P<name>{name})[ \t]+(?P<form>" + "|".join(map(regex.escape, forms)) + r")(?!\p{L})")
    abbr = "|".join(map(regex.escape, rules.club_abbreviations))
    club = compile_re(r"(?:(?P<pre>\p{Lu}[\p{L}]*)[ \t]+)?(?P<a>" + abbr + r")" + WB_R
                         + r"(?:[ \t]+(?P<post>\p{Lu}\p{Ll}+))?")
    return company, club


@lru_cache(maxsize=1)
def _prefix_company() -> regex.Pattern[str]:
    """A company form before one to four capitalised words ("AB Ekby Mekaniska Verkstad", "Aktiebolaget Ekbo"),
    with a capitalised genitive of the line of business before it ("Fastighets AB Ekbacken", "Bostads AB Ekhem");
    one blank between the words: a wider gap or a tab is a flattened table's column."""
    forms = "|".join(map(regex.escape, org_rules().company_prefix_forms))
    return compile_re(rf"(?<![\p{{L}}\p{{N}}.&\-])(?:\p{{Lu}}\p{{Ll}}+s[ \t]+)?(?P<form>{forms})[ ]"
                         r"\p{Lu}[\p{L}\-]+(?:[ ](?:&[ ])?\p{Lu}[\p{L}\-]+){0,3}(?![\p{L}\-])")


@lru_cache(maxsize=1)
def _form_opening_line() -> regex.Pattern[str]:
    """A company form followed by no capitalised word (that would be a form before a name: "AB Ekby Verkstad")."""
    forms = "|".join(map(regex.escape, sorted(org_rules().company_forms, key=lambda w: (-len(w), w))))
    return compile_re(r"(?:" + forms + r")(?!\p{L})(?![ \t]+\p{Lu})")


#: A capitalised word that ends a line (a company's name wrapped before its form), up to the line break.
_CAPITALISED_LINE_END = compile_re(r"(?<![\p{L}\p{N}.&\-])\p{Lu}[\p{L}\-]*[ \t]*\Z")


def _joined_wrapped_forms(text: str, starts: list[int]) -> str:
    """``text`` with the line break before a company form that opens a line after a line ending in a capitalised
    word blanked, offsets kept, so the form follows its name as on one line ("Ekby Snickeri" / "ek. för. i …")."""
    parts, done = [], 0
    for s in starts:
        nl = s - 1
        while nl >= done and text[nl] in " \t":
            nl -= 1  # read back over the blanks only: a long line is not read again for every form on it
        if nl < done or text[nl] != "\n" or _form_opening_line().match(text, s) is None \
                or _CAPITALISED_LINE_END.search(text, max(0, nl - 40), nl) is None:
            continue
        parts += [text[done:nl], " " * (s - nl)]
        done = s
    return "".join(parts) + text[done:] if parts else text


@lru_cache(maxsize=1)
def _company_anchors() -> tuple[Beginnings, regex.Pattern[str]]:
    """Where a company form can start, and where a club's abbreviation stands."""
    rules = org_rules()
    abbreviation = compile_re("(?:" + "|".join(map(regex.escape, rules.club_abbreviations)) + ")" + WB_R)
    return Beginnings(rules.company_forms, case_sensitive=True), abbreviation


#: A company's name is at most nine blank-separated words before its form (read backwards), each starting with a
#: capital.
_COMPANY_NAME_BACK = compile_re(r"(?r)(?:[^ \t\n]+[ \t]+){1,9}")
_COMPANY_NAME_START = compile_re(r"(?<![\p{L}\p{N}.&\-])\p{Lu}")
#: A club's abbreviation's first letter with the word and blanks before it (read backwards), and where a name starts.
_CLUB_BACK = compile_re(r"(?r)(?:\p{L}+[ \t]+)?.")
_CAPITAL = compile_re(r"\p{Lu}")

#: A word of three letters or more (one of them small) with a full stop: a sentence ends there ("vid Konsum.").
_SENTENCE_END_WORD = compile_re(r"(?=\p{L}*\p{Ll})\p{L}{3,}\.")


def _after_sentence_end(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The name's words after the last one that ends a sentence ("Konsum. Ekby Åkeri AB" is "Ekby Åkeri AB");
    an abbreviation's full stop ("bl.a.", "ordf.") ends none."""
    for i in range(len(tokens) - 2, -1, -1):
        a, b = tokens[i]
        if _SENTENCE_END_WORD.fullmatch(text, a, b) and text[a:b].casefold() not in abbreviation_set():
            return tokens[i + 1:]
    return tokens


@lru_cache(maxsize=1)
def _company_word_re() -> regex.Pattern[str]:
    words = sorted(org_rules().municipal_company_words, key=len, reverse=True)
    return compile_re(r"[ \t]+(" + "|".join(map(regex.escape, words)) + r")" + WB_R)
_CONNECTORS = frozenset({"i", "&", "för", "på"})  # not "och": "A och B AB" are two companies
_LOWER_WORD = compile_re(r"[ \t]+(\p{Ll}[\p{L}\-]+)" + WB_R)

_LETTER_OR_HYPHEN = compile_re(r"[\p{L}\-]")
#: The end of a line that a company's name wraps after ("Ek Rör &" before "Schakt AB"), up to the next line.
_WRAPPED_BEFORE = compile_re(r"(?<![\p{L}\p{N}.&\-])(\p{Lu}[\p{L}\d.\-]*)(?:[ \t]+\p{Lu}[\p{L}\d.\-]*){0,2}[ \t]+&"
                                r"[ \t]*\n[ \t]*\Z")
#: The end of a full line of running text that a company's name wraps after ("biträdda av Ekby" before
#: "Revision AB", "… i vinter. Ekbys" before "Fibernät AB"): one or two capitalised words after a small word or a
#: sentence's end or a comma ("entreprenören, Ekby" before "Slamsug AB"), up to the next line.
_NAME_WRAPPED_BEFORE = compile_re(r"(?<=[\p{Ll}.!?,][ \t]+)(\p{Lu}[\p{L}\d.\-]*)(?:[ \t]+\p{Lu}[\p{L}\d.\-]*)?"
                                     r"[ \t]*\n[ \t]*\Z")

def _wrapped_name_head(text: str, start: int) -> int | None:
    """Where a company's name that opens a line at ``start`` began on the line before: that full line of running
    text ends in capitalised words that are no common word or public body's name, nor a sentence's first common
    word (a sentence's first common noun before one capitalised word is left out: "Bemanningsföretaget Ekby")."""
    wrapped = _NAME_WRAPPED_BEFORE.search(text, max(0, start - 80), start)
    if wrapped is None:
        return None
    line_start = text.rfind("\n", 0, wrapped.start()) + 1
    if len(text[line_start:wrapped.start()].strip()) + len(wrapped.group(1)) < FULL_LINE:
        return None
    head, words = wrapped.start(), text[wrapped.start():start].split()
    opens = text[:head].rstrip()[-1:] in ".!?"
    if opens and len(words) == 2 and words[0].casefold() in load_lexicon().common:
        # a common noun opens the sentence and the name ("Bemanningsföretaget Ekby" / "Vård AB"): the name is the rest
        head, words, opens = text.index(words[1], head + len(words[0])), words[1:], False
    if any(w.lower() in STOP_INITIAL or lower_word_elsewhere(text, w) or gaz_lookup(w) is not None
           or fold_key(w).endswith(body_head_endings("", "en", "s", "ens")) for w in words):
        return None
    if opens and any(w.casefold() in load_lexicon().common for w in words):
        return None  # a sentence's first word ("… i maj. Bolaget" / "Ekby AB …")
    return head


#: Capitalised words and a line of business joined by "och" right before a name's last word ("Ekby Vatten och" before
#: "Värme AB"), read backwards.
_COORDINATED_BEFORE = compile_re(r"(?r)(?<![\p{L}\p{N}.&\-])((?:\p{Lu}[\p{L}\-]*[ \t]+){1,3})och[ \t]+\Z")


def _coordinated_head(text: str, toks: list[tuple[int, int]]) -> int | None:
    """Where a company's name began whose one word before its form is a line of business coordinated by "och" with
    another after an owner's name ("Ekby Vatten och Värme AB", "Åby Energi och Miljö AB"): both lines of business
    are common nouns and the owner's words are none (but a municipality's name); "Ekby Bygg AB och Åby El AB" stay two names."""
    common = load_lexicon().common
    if len(toks) != 1 or text[toks[0][0]:toks[0][1]].casefold() not in common:
        return None
    m = _COORDINATED_BEFORE.search(text, max(0, toks[0][0] - 80), toks[0][0])
    if m is None:
        return None
    words = list(TOKEN_RUN.finditer(m.group(1)))
    if words[-1].group().casefold() not in common:
        return None
    owner = []
    for w in reversed(words[:-1]):
        if (w.group().casefold() in common and muni_name(w.group()) is None) or w.group().lower() in STOP_INITIAL:
            break
        owner.append(w)
    return m.start(1) + owner[-1].start() if owner else None


#: An item's number or case number right before a word ("§ 90 Dnr KS 2026/231 Borgen …"), or an agenda item's
#: number that opens its line ("12   Borgen …"): a title opens there.
_ITEM_HEAD_BEFORE = compile_re(r"(?:§[ \t]*\d+|\d+[/:]\d+|(?<![^\n])[ \t]*\d{1,3}[.)]?)[ \t]+\Z")


def _without_lead_noun(text: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``toks`` without a common noun that opens a sentence or a title and the "för" after it, before a name of two
    words or more ("Borgen för Ekby Lokaler AB"; not "Centrum för Lärande AB"): the name begins after them. A title
    opens after its item's number or case number too, where flattened text ran them onto one line."""
    start = toks[0][0] if toks else 0
    if len(toks) >= 4 and text[toks[1][0]:toks[1][1]] == "för" and (
            is_sentence_start(text, start) or _ITEM_HEAD_BEFORE.search(text, max(0, start - 24), start)) \
            and text[toks[0][0]:toks[0][1]].casefold() in load_lexicon().common:
        return toks[2:]
    return toks


def find_companies(text: str) -> Iterator[Cand]:
    rules = org_rules()
    company, club = _company_res()
    forms, abbreviation = _company_anchors()
    form_starts = list(forms.starts(text))
    view = _joined_wrapped_forms(text, form_starts)  # "Ekby Snickeri" / "ek. för.": the form on the next line
    for m in matches_at(company, view, starts_before(view, form_starts, _COMPANY_NAME_BACK, _COMPANY_NAME_START)):
        toks = [(t.start() + m.start("name"), t.end() + m.start("name"))
                for t in TOKEN_RUN.finditer(m.group("name"))]
        toks = _without_lead_noun(text, _after_sentence_end(text, trim_initial(text, toks)))
        if not toks or any(text[a:b].islower() and text[a:b] in STOP_INITIAL and text[a:b] not in _CONNECTORS
                           for a, b in toks):
            continue
        start = toks[0][0]
        wrapped = _WRAPPED_BEFORE.search(text, max(0, start - 80), start) if start == m.start() else None
        if wrapped and wrapped.group(1).lower() not in STOP_INITIAL:
            start = wrapped.start()  # "Ek Rör &\nSchakt AB": a name wrapped after its "&"
        elif start == m.start() and (head := _wrapped_name_head(text, start)) is not None:
            start = head  # "… av Ekby\nRevision AB": a full line broke the name
        elif (head := _coordinated_head(text, toks)) is not None:
            start = head  # "Ekby Vatten och Värme AB": lines of business joined by "och"
        surface = text[start:m.end()]
        form = LINE_BREAK.sub(" ", surface)
        yield Cand(start, m.end(), surface, kind="company", key="co:" + key_of(form), form=form,
                   full=FULL_OFFICIAL, rule="organisations/company_form", method="rule", score=0.9,
                   explanation=f"company form '{m.group('form')}'")
    for m in _prefix_company().finditer(text):  # "AB Ekby Mekaniska Verkstad": the form before the name
        form = LINE_BREAK.sub(" ", m.group())
        yield Cand(m.start(), m.end(), m.group(), kind="company", key="co:" + key_of(form), form=form,
                   full=FULL_OFFICIAL, rule="organisations/company_form", method="rule", score=0.9,
                   explanation=f"company form '{m.group('form')}' before the name")
    # municipal companies: "Kalix Bostäder"
    words = sorted(rules.municipal_company_words, key=len, reverse=True)
    lower_words = tuple(fold_key(w) for w in words)
    for m in bare_municipalities(text):
        gm = _LOWER_WORD.match(text, m.end())
        if gm and fold_key(gm.group(1)).startswith("kommun") and fold_key(gm.group(1)).endswith(lower_words):
            surface = text[m.start():gm.end()]  # "Ljusdals kommunfastigheter"
            yield Cand(m.start(), gm.end(), surface, kind="company", key="co:" + key_of(surface),
                       form=surface, full=FULL_OFFICIAL, rule="organisations/municipal_company",
                       method="rule", score=0.85, explanation="municipality + a municipal company word")
            continue
        if m.group("gs"):
            continue
        nm = _company_word_re().match(text, m.end())
        if nm:
            end = nm.end()
            surface = text[m.start():end]
            yield Cand(m.start(), end, surface, kind="company", key="co:" + key_of(surface), form=surface,
                       full=FULL_OFFICIAL, rule="organisations/municipal_company", method="rule", score=0.85,
                       explanation="municipality + company word")
    # clubs: "Kalix FF", "Sunnanå FC Skellefteå", "IFK Göteborg"
    after_abbreviation = (m.start() + 1 for m in abbreviation.finditer(text))
    for m in matches_at(club, text, starts_before(text, after_abbreviation, _CLUB_BACK, _CAPITAL)):
        pre, post = m.group("pre"), m.group("post")
        start = m.start("pre") if pre else m.start("a")
        end = m.end("post") if post else m.end("a")
        if pre and (pre.lower() in STOP_INITIAL or (is_sentence_start(text, start) and lower_word_elsewhere(text, pre))):
            start, pre = m.start("a"), None
        if post and lower_word_elsewhere(text, post):
            end, post = m.end("a"), None
        if not pre and not post:
            continue
        if start > 0 and _LETTER_OR_HYPHEN.match(text[start - 1]):
            continue
        surface = text[start:end]
        yield Cand(start, end, surface, kind="association", key="club:" + key_of(surface), form=surface,
                   full=FULL_OFFICIAL, rule="organisations/sports_club", method="rule", score=0.8,
                   explanation="sports club abbreviation")
