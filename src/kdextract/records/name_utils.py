"""Helpers shared by the organisation and people builders: folding, OCR-tolerant
patterns, sentence starts and the word lists they read from ``resources/sv``."""

from __future__ import annotations

import difflib
from functools import lru_cache

import regex

# re-exported: the organisation and people rules read the word lists from here
from kdextract.layout.words import first_names as first_names
from kdextract.layout.words import is_first_name as is_first_name
from kdextract.layout.words import is_role as is_role
from kdextract.layout.words import role_base as role_base
from kdextract.layout.words import role_words
from kdextract.models import OrganisationKind
from kdextract.pattern_cache import compile_re
from kdextract.records.word_index import word_index
from kdextract.resources import Part, Rules, WordList, load_lines
from kdextract.text.fold import fold_key
from kdextract.text.ocr_confusions import ConfusionRules
from kdextract.text.word_starts import WB_L as WB_L
from kdextract.text.word_starts import WB_R as WB_R

#: Letters OCR often garbles, with what they come out as ("Mölndal" -> "Molndal", "M6lndal", "Mdlndal").
OCR_CLASSES = ConfusionRules.load().name_letter_classes.classes



_SPACES_AND_DASHES = compile_re(r"[\s\u2010-\u2015-]")


def key_of(s: str) -> str:
    """Merge key: folded, without spaces or dashes ("Norra Skånes kommuner" == "Norraskånes kommuner")."""
    return _SPACES_AND_DASHES.sub("", fold_key(s))


@lru_cache(maxsize=8192)
def ocr_regex(word: str, tolerant: bool = True) -> regex.Pattern[str]:
    """``ocr_pattern(word, tolerant)`` compiled once, case-insensitive."""
    return compile_re(ocr_pattern(word, tolerant), regex.I)


_SKELETON = {ord(ch): "*" for chars in OCR_CLASSES.values() for ch in chars + chars.upper()} | {
    ord(k): "*" for k in OCR_CLASSES} | {ord(k.upper()): "*" for k in OCR_CLASSES}


def ocr_skeleton(word: str) -> str:
    """``word`` lower-cased with every letter an OCR confusion may stand in for as "*": two words
    that ``ocr_pattern`` lets match each other have the same skeleton (a lookup key)."""
    return word.translate(_SKELETON).lower()


def ocr_pattern(word: str, tolerant: bool = True, first_exact: bool = False) -> str:
    """A regex for ``word`` where letters with diacritics may come out as their OCR look-alikes."""
    return "".join(_ocr_element(ch, tolerant and not (first_exact and i == 0))[0] for i, ch in enumerate(word))


def ocr_beginning(word: str, tolerant: bool = True, first_exact: bool = False) -> list[str]:
    """The characters that each position of ``ocr_pattern(word, tolerant, first_exact)`` may hold, up
    to its first blank (after which the positions move: a blank stands for one or more)."""
    out = []
    for i, ch in enumerate(word):
        out.append(_ocr_element(ch, tolerant and not (first_exact and i == 0))[1])
        if ch == " ":
            break
    return out


@lru_cache(maxsize=1024)  # the names of the gazetteers repeat a few dozen characters some 20,000 times
def _ocr_element(ch: str, tolerant: bool) -> tuple[str, str]:
    """The regex for one character of ``ocr_pattern`` and the characters it starts with."""
    low = ch.lower()
    if tolerant and low in OCR_CLASSES:
        chars = OCR_CLASSES[low]
        if ch.isupper():
            chars = chars + chars.upper()
        return "[" + regex.escape(chars) + "]", chars
    if ch == " ":
        return r"(?:[ \t]*\n[ \t]*|[ \t]+)", " \t"  # a name may wrap at a line break
    if ch == "-":
        return r"[-\u2010-\u2013]", "-\u2010\u2011\u2012\u2013"
    return regex.escape(ch), ch


def is_sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` starts a sentence, a line or a list item."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'”“»«*•–-(0123456789)":
        if text[i] in "0123456789" and i + 1 < len(text) and text[i + 1] not in ".) \t":
            break
        i -= 1
    return i < 0 or text[i] in "\n.!?:;"


class BodyHead(Part):
    """The head word of a public body's name ("nämnd"), its inflected forms and how it may be used."""

    stem: str
    forms: list[str]
    kind: OrganisationKind
    standalone: bool = True
    #: a standalone head whose bare definite form still links to an owner-named body ('kansliet')
    bare_links: bool = False
    indefinite_ok: bool = False
    coordinated_only: bool = False
    whole_word: bool = False
    ocr: bool = True
    not_after: list[str] = []

    @property
    def links_bare(self) -> bool:
        """The head's bare definite form links to an owner-named body of it ("högskolan", "kansliet")."""
        return not self.standalone or self.bare_links


class KnownOrganisation(Part):
    """An organisation listed by name, with its other names."""

    name: str
    aliases: list[str] = []
    kind: OrganisationKind = "other"
    needs_context: bool = False


class BoardUnits(Part):
    """Unit heads that, after a board's genitive, name the board's unit: head -> kind."""

    heads: dict[str, OrganisationKind]


class PlaceInstitutions(BoardUnits):
    """Heads that make one name with a municipality's name before them, and the adjectives that may stand between."""

    adjectives: list[str]


class LowerHeads(Part):
    """Heads that name a local association in the lower case after its place's name."""

    compound_ends: list[str]
    words: list[str]


class NameAdjectives(Part):
    """Weak adjectives that are part of a compound body's name, unless stoplisted or after an article."""

    stoplist: list[str]
    articles: list[str]
    endings: list[str]


class RegionGenitives(WordList):
    """Definite genitives of a landscape noun that end a region's name, and the common compounds of them."""

    stop: list[str]


class PlaceKindWords(Part):
    """The words after a place's name that make it a municipality's, a county's or a region's own name."""

    municipality: list[str]
    county: list[str]
    region: list[str]


class OrganisationRules(Rules, file="organisations.json"):
    """The shapes of organisation names: body head words, company forms, known names, look-alikes."""

    body_heads: list[BodyHead]
    body_negatives: list[str]
    owner_place_adjectives: list[str]
    owner_stoplist: list[str]
    unit_for_heads: list[str]
    head_then_name: dict[str, OrganisationKind]
    heads_before_a_place: list[str]
    preceding_type_words: dict[str, OrganisationKind]
    company_forms: list[str]
    company_prefix_forms: list[str]
    municipal_company_words: list[str]
    club_abbreviations: list[str]
    english_heads: list[str]
    abbreviation_org_words: list[str]
    abbreviations: dict[str, str]
    kommunerna_negatives: list[str]
    institutions_after_place: PlaceInstitutions
    county_heads: BoardUnits
    foreign_public_heads: BoardUnits
    place_nouns_after_municipality: list[str]
    ambiguous_municipalities: list[str]
    generic_words: list[str]
    known: list[KnownOrganisation]
    adjective_heads: list[str]
    body_adjectives: list[str]
    adjective_stoplist: list[str]
    name_adjectives: NameAdjectives
    company_initial_stopwords: list[str]
    model_org_suffixes: list[str]
    place_suffixes: list[str]
    venue_words: list[str]
    project_words: list[str]
    board_units: BoardUnits
    cooperation_suffixes: WordList
    heads_named_with_municipality: WordList
    form_labels: WordList
    named_for_heads: BoardUnits
    definite_compound_names: BoardUnits
    association_suffixes: WordList
    association_heads_before_name: WordList
    association_lower_heads: LowerHeads
    association_kinds: WordList
    name_initial_determiners: WordList
    type_words_in_name: WordList
    association_name_joiners: WordList
    described_association_heads: WordList
    described_adjective_endings: WordList
    unit_topic_endings: WordList
    foreign_heads_before_name: WordList
    described_indefinite_heads: WordList
    past_verbs: WordList
    official_stems: dict[str, str]
    named_for_stops: WordList
    union_context_words: WordList
    branch_words: WordList
    postcode_before_place: str
    signing_place_after: str
    letterhead_units: str
    region_genitives: RegionGenitives
    place_kind_words: PlaceKindWords
    board_genitives: WordList


def org_rules() -> OrganisationRules:
    """The organisation rules (cached)."""
    return OrganisationRules.load()


def kind_words(*kinds: str) -> str:
    """The alternation of the ``place_kind_words`` of ``kinds`` ("municipality", "county", "region"), each word
    escaped: "kommun|stad"; a caller that reads them in any case compiles its pattern ``IGNORECASE``."""
    words = {w for kind in kinds for w in getattr(org_rules().place_kind_words, kind)}
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _region_genitives() -> tuple[tuple[str, ...], frozenset[str]]:
    rg = org_rules().region_genitives
    return tuple(fold_key(w) for w in rg.words), frozenset(fold_key(w) for w in rg.stop)


def region_genitive(word: str) -> bool:
    """``word`` is a capitalised compound owner that reads as a region's name ("Kustbygdens", "Mälardalens")."""
    ends, stop = _region_genitives()
    folded = fold_key(word)
    return word[:1].isupper() and folded not in stop and any(
        folded.endswith(e) and len(folded) >= len(e) + 3 for e in ends)


#: A past verb's ending ("träffades", "beslutade", "har träffats"): no word of a name's purpose after its first.
_PAST_VERB = compile_re(r"\p{Ll}{3,}(?:ades|ade|ats)")


@lru_cache(maxsize=1)
def _past_verbs() -> frozenset[str]:
    return frozenset(w.casefold() for w in org_rules().past_verbs.words)  # not folded: "låg" is no "lag"


def past_verb(word: str) -> bool:
    """``word`` ends as a past verb does ("samlades", "träffade", "beslutats") or is one of the rules' other past
    verbs ("beslöt", "gjorde", "fick")."""
    return _PAST_VERB.fullmatch(word) is not None or word.casefold() in _past_verbs()


@lru_cache(maxsize=1)
def ambiguous_municipality_names() -> frozenset[str]:
    """Municipality names that are also common words or surnames ("Mark", "Vara", "Berg")."""
    return frozenset(org_rules().ambiguous_municipalities)


@lru_cache(maxsize=1)
def _fuzzy_roles() -> tuple[tuple[int, str], ...]:
    """The role titles of six letters or more, by length, for ``role_fuzzy``."""
    return tuple(sorted((len(w), w) for w in role_words() if len(w) >= 6))


@lru_cache(maxsize=16384)
def role_fuzzy(line: str) -> bool:
    """A line that is (an OCR-garbled) role title, e.g. "Kommundirektée" for "Kommundirektör".

    Similarity 0.8 needs the shorter string to be at least 2/3 of the longer, so only titles
    of a near length are compared, each first by difflib's cheap upper bounds.
    """
    f = fold_key(line.strip())
    if not f or len(f.split()) > 3:
        return False
    if is_role(f.split()[0]) and len(f.split()) == 1:
        return True
    n = len(f)
    for size, w in _fuzzy_roles():
        if 3 * min(size, n) < 2 * max(size, n):
            continue
        matcher = difflib.SequenceMatcher(None, f, w)
        if matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
            return True
    return False


@lru_cache(maxsize=1)
def municipalities() -> dict[str, str]:
    """name -> "kommun"/"stad"/"region" (the word the municipality calls itself by)."""
    out = {}
    for line in load_lines("municipalities.txt"):
        name, _, kind = line.partition(";")
        out[name.strip()] = kind.strip() or "kommun"
    return out


@lru_cache(maxsize=1)
def _by_key() -> dict[str, str]:
    """Each municipality by its folded name, by an irregular official stem ("Falu" -> "Falun") and by its name in
    lower case (which tells "Håbo" from "Habo")."""
    stems = {fold_key(stem): name for name, stem in org_rules().official_stems.items()}
    return stems | {fold_key(m): m for m in municipalities()} | {m.casefold(): m for m in municipalities()}


def official_stem(name: str) -> str:
    """What the municipality ``name`` puts before "kommun"/"stad": its genitive ("Arjeplogs"), the name itself
    after a vowel, s, x or z ("Heby", "Hofors"), or an irregular stem ("Falu")."""
    stem = org_rules().official_stems.get(name)
    return stem if stem is not None else name if name[-1] in "aeiouyåäösxz" else f"{name}s"


@lru_cache(maxsize=4096)
def official_name(place: str) -> str | None:
    """The official name of the municipality ``place`` ("Arjeplog" -> "Arjeplogs kommun"), or None."""
    munis = municipalities()
    lookup = _by_key()
    f, exact = fold_key(place), place.casefold()
    name = lookup.get(exact) or (lookup.get(exact[:-1]) if exact.endswith("s") else None) \
        or lookup.get(f) or (lookup.get(f[:-1]) if f.endswith("s") else None)
    if name is None:
        return None
    if munis[name] == "region":
        return f"Region {name}"
    return f"{official_stem(name)} {'stad' if munis[name] == 'stad' else 'kommun'}"


def gazetteer(name: str) -> list[list[str]]:
    """Lines of a ``Canonical|alias|...`` list."""
    return [[p.strip() for p in line.split("|") if p.strip()] for line in load_lines(name)]


def lower_word_elsewhere(text: str, word: str) -> bool:
    """``word`` also occurs in lower case in ``text`` (a common word, not a name); not counting the words of
    e-mail addresses, which are often made from a person's name ("olof.lind@kommunen.se")."""
    low = word.lower()
    if low == word:
        return True
    if _WORD_RUN.fullmatch(low):
        return word_index(text).in_prose(low)
    if len(low) > LONGEST_WORD:
        return False
    return word_index(text).has(low)


#: A token longer than this is no common word (and is not searched for).
LONGEST_WORD = 60
_WORD_RUN = compile_re(r"[\p{L}\p{N}]+")
