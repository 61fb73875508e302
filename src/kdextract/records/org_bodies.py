"""Finders for public bodies named by their head word: '…nämnden', 'Dalarnas museum', 'förvaltningen för …'."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import (
    WB_L,
    WB_R,
    BodyHead,
    is_first_name,
    is_sentence_start,
    key_of,
    lower_word_elsewhere,
    ocr_beginning,
    ocr_pattern,
    ocr_regex,
    org_rules, past_verb, region_genitive,
)
from kdextract.records.head_windows import HeadWindows
from kdextract.records.org_adjectives import name_adjective_start
from kdextract.records.org_candidates import FULL_ABBR, FULL_NAME, FULL_OFFICIAL, Cand
from kdextract.records.org_places import gaz_lookup, muni_name
from kdextract.records.person_names import definite_noun
from kdextract.text.fold import fold_key
from kdextract.text.word_starts import Anchored, Beginnings, match_near, matches_at


def _heads() -> list[BodyHead]:
    heads: list[BodyHead] = org_rules().body_heads
    return heads

def _form_info(head: BodyHead, form: str) -> tuple[bool, bool, str]:
    """(definite, genitive, nominative form) of one inflection of a head."""
    stem = head.stem
    forms = head.forms
    gen = form.endswith("s") and form != stem
    nom = form[:-1] if gen else form
    definite = nom != stem or head.indefinite_ok
    return definite, gen, nom if nom in forms else stem

_NON_LETTER = compile_re(r"[^\p{L}]")


@lru_cache(maxsize=1)
def _body_regex() -> regex.Pattern[str]:
    parts = []
    for i, head in enumerate(_heads()):
        if not head.standalone:
            continue
        forms = sorted(head.forms, key=len, reverse=True)
        parts.append(f"(?P<h{i}>" + "|".join(ocr_pattern(f, head.ocr) for f in forms) + ")")
    # "kultur- och fritidsnämnden", "barn-och ungdomsnämnden" (OCR), "Plan - och byggavdelningen", and one that a
    # line break parts after its "och" ("kultur- och" / "fritidsnämnden") or before it ("miljö-" / "och byggnadsnämnden")
    coord = (r"(?P<coord>(?:[\p{L}][\p{L}\-]*-[ \t]*,[ \t]*)*[\p{L}][\p{L}\-]*?[ \t]?-[ \t]*(?:\n[ \t]*)?"
             r"(?:och|samt|eller|&)(?:[ \t]+|[ \t]*\n[ \t]*))?")
    return compile_re(WB_L + r"(?<![\p{L}\-])" + coord + r"(?P<pre>[\p{L}][\p{L}\-]*?)(?:" + "|".join(parts) + ")"
                         + WB_R + r"(?![-\u2013]\p{L})", regex.I)

def _which_head(m: regex.Match[str]) -> tuple[BodyHead, str]:
    """The head of a body or owner match and its text: the head groups ("h0"...) are the patterns' last."""
    group = m.lastgroup
    if group is None or not group.startswith("h"):
        raise AssertionError("no head group")
    return _heads()[int(group[1:])], m.group(group)

@lru_cache(maxsize=1)
def _head_windows() -> HeadWindows:
    return HeadWindows(_heads())


@lru_cache(maxsize=4)
def _name_starts(text: str) -> list[int] | None:
    """``HeadWindows.starts`` of every head (the body and owner finders ask for the same text)."""
    return _head_windows().starts(text)


def _before_heads(pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern of names that end in a head, tried only where a name before a head
    can start."""
    starts = _name_starts(text)
    return pattern.finditer(text) if starts is None else matches_at(pattern, text, starts)


@lru_cache(maxsize=1)
def _negatives() -> frozenset[str]:
    """The body negatives, folded (the finders ask for them several times a text)."""
    return frozenset(fold_key(n) for n in org_rules().body_negatives)


@lru_cache(maxsize=1)
def _owner_stoplist() -> frozenset[str]:
    return frozenset(fold_key(s) for s in org_rules().owner_stoplist)


def find_bodies(text: str) -> Iterator[Cand]:
    negatives = _negatives()
    for m in _before_heads(_body_regex(), text):
        head, form_text = _which_head(m)
        pre = m.group("pre") or ""
        coord = m.group("coord") or ""
        if len(_NON_LETTER.sub("", pre)) < 2:
            continue
        if head.coordinated_only and not coord:
            continue
        if head.not_after and fold_key(pre).endswith(tuple(head.not_after)):
            continue
        form = _match_form(head, form_text)
        definite, gen, nom = _form_info(head, form)
        nominative = _WRAP.sub(" ", text[m.start(): m.start("pre") + len(pre)]) + _recase(nom, form_text)
        if fold_key(nominative) in negatives or fold_key(pre + nom) in negatives:
            continue
        if pre.isupper() and len(pre) > 1 and not pre.endswith("-") and not (m.group().isupper() and len(pre) >= 4):
            continue  # "IT-nämnden" and "ARBETSUTSKOTTET" are names; an acronym glued to a head is not
        key = key_of(coord + pre + head.stem)
        start = name_adjective_start(text, m.start()) if definite and not coord else m.start()
        if start < m.start():
            nominative = text[start:m.start()] + nominative  # "regionala utvecklingsnämnden": the adjective is named too
        yield Cand(start, m.end(), text[start:m.end()], kind=head.kind, key="body:" + key, form=nominative,
                   full=FULL_NAME if definite else FULL_ABBR, rule="organisations/body_compound",
                   method="rule", score=0.85, explanation=f"compound ending in '{head.stem}'",
                   link_only=not definite, genitive=gen)

#: A line break (with the blanks around it) inside a coordinated name ("kultur- och" / "fritidsnämnden").
_WRAP = compile_re(r"[ \t]*\n[ \t]*")


@lru_cache(maxsize=1)
def _named_for_stops() -> frozenset[str]:
    """The words that end a body's purpose ("under", "att", "som"), folded."""
    return frozenset(fold_key(w) for w in org_rules().named_for_stops.words)


@lru_cache(maxsize=1)
def _named_for() -> Anchored:
    heads = sorted(org_rules().named_for_heads.heads, key=len, reverse=True)
    pattern = compile_re(WB_L + r"(?P<h>" + "|".join(map(regex.escape, heads)) + r")[ \t]+för[ \t]+"
                            r"(?P<n>[\p{L}\-]++(?:[ \t]+[\p{L}\-]++){0,2})", regex.V1)
    return Anchored(pattern, Beginnings(org_rules().named_for_heads.heads, case_sensitive=True))


@lru_cache(maxsize=1)
def _company_after() -> regex.Pattern[str]:
    """A company's name with its form ("Ekby Stads Bostäder AB"): one to five capitalised words, then the form."""
    forms = "|".join(map(regex.escape, sorted(org_rules().company_forms, key=len, reverse=True)))
    return compile_re(rf"(?:\p{{Lu}}[\p{{L}}\-&]*+[ \t]+){{1,5}}(?:{forms})(?![\p{{L}}])")


def _coordinated_for(rest: list[str]) -> bool:
    """The word after an "och" in what a body is for is a second purpose ("för gymnasieskola och vuxenutbildning"):
    a small word, no stop word and no noun's definite form ("… och kommunen har")."""
    return bool(rest) and rest[0].islower() and fold_key(rest[0]) not in _named_for_stops() and not definite_noun(rest[0])


#: Two or more capitalised words joined by dashes right after a name ("Ekby–Åsby–Norrby"), or the dashes and words
#: that go on from its last word ("… Ekby" + "–Åsby–Norrby"); the dash between them.
_MEMBER_CHAIN = compile_re(r"[ \t]+(?P<chain>\p{Lu}\p{Ll}+(?:[ \t]?[\-\u2013][ \t]?\p{Lu}\p{Ll}+)+)(?![\p{L}\-\u2013])")
_CHAIN_ON = compile_re(r"(?:[ \t]?[\-\u2013][ \t]?\p{Lu}\p{Ll}+)+(?![\p{L}\-\u2013])")
_CHAIN_DASH = compile_re(r"[ \t]?[\-\u2013][ \t]?")


def _members_end(text: str, end: int, last: str) -> int:
    """The end of the member municipalities joined by dashes at ``end`` (or going on from the name's ``last``
    word), each a municipality's name; else ``end``."""
    if (chain := _MEMBER_CHAIN.match(text, end)) is not None:
        parts = _CHAIN_DASH.split(chain.group("chain"))
    elif (chain := _CHAIN_ON.match(text, end)) is not None:
        parts = [last, *_CHAIN_DASH.split(chain.group())[1:]]
    else:
        return end
    return chain.end() if all(muni_name(p) is not None for p in parts) else end


def find_named_for(text: str) -> Iterator[Cand]:
    """'Rådet för funktionshinderfrågor', 'Centrum för lättläst': a capitalised head, 'för' and what it is for, and
    the member municipalities joined by dashes after that where they follow ('Samverkansrådet för arbete Ekby–Åsby');
    not the board of a company ('Styrelsen för Ekby Energi AB' names the company, which the company rules find)."""
    for m in _named_for().finditer(text):
        if _company_after().match(text, m.start("n")):
            continue
        words = m.group("n").split()
        keep = 0
        for k, w in enumerate(words):
            if (fold_key(w) in _named_for_stops() or k and past_verb(w)) and not (
                    w == "och" and keep and _coordinated_for(words[k + 1:])):
                break
            keep += 1
        if not keep:
            continue
        end = m.start("n") + len(" ".join(words[:keep])) if keep == len(words) else \
            text.index(words[keep - 1], m.start("n")) + len(words[keep - 1])
        end = _members_end(text, end, words[keep - 1])  # "… för arbete Ekby–Åsby": its members name it too
        form = text[m.start():end]
        if gaz_lookup(form) is not None:
            continue  # a listed name ("Inspektionen för vård och omsorg"): the gazetteer's
        yield Cand(m.start(), end, form, kind=org_rules().named_for_heads.heads[m.group("h")],
                   key="for:" + key_of(form), form=form, full=FULL_OFFICIAL, rule="organisations/named_for",
                   method="rule", score=0.8, explanation=f"'{m.group('h')} för' + what it is for")


def _match_form(head: BodyHead, surface: str) -> str:
    forms: list[str] = head.forms
    for f in sorted(forms, key=len, reverse=True):
        if len(f) == len(surface) and ocr_regex(f).fullmatch(surface):
            return f
    stem: str = head.stem
    return stem

def _recase(nom: str, surface: str) -> str:
    """``nom`` spelled like ``surface`` (keeps OCR letters of the matched text)."""
    return surface[: len(nom)] if len(surface) >= len(nom) else nom

@lru_cache(maxsize=1)
def _owner_regex() -> regex.Pattern[str]:
    parts = []
    for i, head in enumerate(_heads()):
        forms = sorted(head.forms, key=len, reverse=True)
        parts.append(f"(?P<h{i}>" + "|".join(ocr_pattern(f, head.ocr) for f in forms) + ")")
    owner = r"(?P<owner>\p{Lu}[\p{L}\-]*s(?:[ \t]+kommunernas)?)"
    coord = r"(?P<coord>[\p{L}][\p{L}\-]*-?[ \t]+(?:och|&)[ \t]+)?"
    return compile_re(WB_L + owner + r"[ \t]+" + coord + r"(?P<pre>[\p{L}\-]*?)(?:" + "|".join(parts) + ")"
                         + WB_R, regex.I)

#: An owner's first letter (as the owner pattern reads it), and the run of letters and hyphens the owner ends with.
_OWNER_FIRST = compile_re(WB_L + r"\p{Lu}", regex.I)
_OWNER_RUN = compile_re(r"[\p{L}\-]++")


def _owners(text: str) -> Iterator[regex.Match[str]]:
    """``_owner_regex().finditer(text)``, tried only before heads. Where it fails at an owner's first letter it
    fails at every later start in that run of letters and hyphens too (the owner ends where the run ends and
    what follows decides), so the rest of the run is not tried: a long hyphenated word is read once."""
    owner = _owner_regex()
    starts = _name_starts(text)
    if starts is None:
        yield from owner.finditer(text)
        return
    end = 0
    for s in starts:
        if s < end:
            continue
        m = match_near(owner, text, s, 400)  # an owner, its body's head: far shorter
        if m is not None:
            yield m
            end = m.end()
        elif _OWNER_FIRST.match(text, s) and (run := _OWNER_RUN.match(text, s)) is not None:
            end = run.end()


#: a definite genitive ending ("kommunens", "nämndernas"): a possessor, not a body's name
_DEFINITE_GENITIVE_END = compile_re(r"(ens|ets|ernas|arnas|ornas)$")

_BLANKS_TO_LINE_START = compile_re(r"(?:^|(?<=\n))[ \t]*\Z", regex.M)
_BLANKS_TO_LINE_END = compile_re(r"[ \t]*(?:\n|\Z)")


@lru_cache(maxsize=1)
def board_genitives() -> tuple[str, ...]:
    """The genitives of the bodies that own units ("kommunstyrelsens arbetsutskott"; ``board_genitives``)."""
    return tuple(org_rules().board_genitives.words)


def _fills_line(text: str, start: int, end: int) -> bool:
    """The span ``start``:``end`` is its line's only text (a title or heading line)."""
    return (_BLANKS_TO_LINE_START.search(text, max(0, start - 40), start) is not None
            and _BLANKS_TO_LINE_END.match(text, end) is not None)


def find_owned(text: str) -> Iterator[Cand]:
    """'Dalarnas museum', 'Dalakommunernas samrådsgrupp': a place's body."""
    stop = _owner_stoplist()
    negatives = _negatives()
    for m in _owners(text):
        owner = m.group("owner")
        if not owner[0].isupper():
            continue
        fo = fold_key(owner)
        if fo in stop or (" " not in owner and lower_word_elsewhere(text, owner)):
            continue
        if (is_sentence_start(text, m.start()) and _DEFINITE_GENITIVE_END.search(fo)
                and "kommunerna" not in fo and muni_name(owner[:-1]) is None and not region_genitive(owner)
                and (owner.lower().endswith(board_genitives()) or not _fills_line(text, m.start(), m.end()))):
            continue  # "Kommunens förbund ..." opens a sentence; "Ådalens kommunalförbund" heads the page (a
            # board's own unit there is the board-unit rule's); a municipality's "-ens" is its name's ("Älvdalens")
        if is_first_name(owner[:-1]) or is_first_name(owner):
            continue
        head, form_text = _which_head(m)
        form = _match_form(head, form_text)
        _, gen, nom = _form_info(head, form)
        pre = m.group("pre") or ""
        coord = m.group("coord") or ""
        if (coord and not pre) or (head.coordinated_only and not coord):
            continue  # "Framtidens äldreomsorg": a plain care or sector compound is no body, owned or not
        if head.whole_word and pre:
            continue
        if fold_key(pre + form) in negatives or fold_key(pre + head.stem) in negatives:
            continue  # "Vindelns kommunkontor": a building
        if pre and pre.endswith("-"):
            continue
        nominative = text[m.start(): m.start("pre") + len(pre)] + _recase(nom, form_text)
        # the indefinite is the name ("Dalarnas museum"); a definite after a genitive is odd
        key = key_of(owner + coord + pre + head.stem)
        yield Cand(m.start(), m.end(), m.group(), kind=head.kind, key="owned:" + key, form=nominative,
                   full=FULL_OFFICIAL, rule="organisations/owner_genitive", method="rule", score=0.85,
                   explanation=f"'{owner}' + '{head.stem}'",
                   head_key="body:" + key_of(coord + pre + head.stem), genitive=gen)

@lru_cache(maxsize=1)
def _bare_head() -> Anchored:
    forms = []
    for head in _heads():
        if head.links_bare:
            forms += [f for f in head.forms if f != head.stem and f != head.stem + "s"]
    pattern = compile_re(WB_L + r"(?P<f>" + "|".join(ocr_pattern(f) for f in sorted(forms, key=len, reverse=True))
                            + r")" + WB_R, regex.I)
    return Anchored(pattern, Beginnings(ocr_beginning(f) for head in _heads() if head.links_bare for f in head.forms))


def find_bare_heads(text: str) -> Iterator[Cand]:
    """'högskolan', 'ledningsgruppen': links to an owner-named organisation of that head."""
    for m in _bare_head().finditer(text):
        for head in _heads():
            if head.links_bare:
                form = _match_form(head, m.group("f"))
                if form in head.forms and ocr_regex(form).fullmatch(m.group("f")):
                    _, gen, nom = _form_info(head, form)
                    yield Cand(m.start(), m.end(), m.group(), kind=head.kind, key="",
                               form=_recase(nom, m.group("f")), full=FULL_ABBR,
                               rule="organisations/bare_head", method="rule", score=0.6,
                               explanation=f"bare '{head.stem}'", head_key="body:" + key_of(head.stem),
                               link_only=True, genitive=gen)
                    break
