"""Item heads: where an agenda item or § paragraph begins, its number, case number and title.

One grammar for line-broken and flattened text. A head is an item number ("§ 47", "KF § 12", "Bun 14", "100", "4.")
with, around it, the case number ("Dnr KS 2019/0417", "KS/2016:92") and cross references to earlier minutes ("Au 7")
that protocols print beside it; the title starts after them. In flattened text, where the title ends is told by
``title_end``: the next case number, sub-heading, role title or person's name, sentence end, or a capital that starts
a new sentence (titles are written in sentence case).

>>> text = "Bun 15 Au 7 Dnr 2022/ Lokalförsörjningsplan för skolorna Fastighetsstrateg Eva Ek föredrar."
>>> h = head_at(text, 0, len(text))
>>> (h.number, h.value, text[h.case[0]:h.case[1]], text[h.title_start:title_end(text, h.title_start, len(text))])
('Bun 15', 15, '2022/', 'Lokalförsörjningsplan för skolorna')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from kdextract.layout.bullets import BULLETS
from kdextract.layout.form import label_hits
from kdextract.layout.item_documents import documents_at
from kdextract.layout.lettered import marker_at
from kdextract.layout.rules import rules
from kdextract.layout.subheading_ends import subheading_end
from kdextract.layout.words import is_first_name, is_role
from kdextract.pattern_cache import compile_re
from kdextract.text.lexicon import load_lexicon

_WORD = compile_re(r"\S+")
#: A common noun led by an acronym ("PA-nämnd", "IT-stöd", "VA-taxa"): inside a title, not a new sentence.
_ACRONYM_COMPOUND = compile_re(r"\p{Lu}{2,}-\p{Ll}")
#: The joins of a compound of place names: a hyphen or an en dash.
_COMPOUND_PARTS = compile_re(r"[-–]")
#: The lower-case words to the end of the sentence (at most 200 characters on).
_SENTENCE_REST = compile_re(r"[^.!?\n]{0,200}")
#: A note in brackets: its first two words and a comma before the closing bracket.
_PRESENTER_NOTE = compile_re(
    r"\((?P<first>\p{Lu}[\p{L}-]+)[ \t]+(?P<second>[^\s,()]+)(?=[^()\n]{0,80},)[^()\n]{0,120}\)")
_LOWER_WORD = compile_re(r"(?<!\S)\p{Ll}+(?=[\s,;:]|$)")
HeadKind = Literal["paragraph", "agenda", "case"]

#: A year that ends its line is a title's ("§ 13" over "Taxor 2027"), no item number ("Bun 14") or reference ("Au 7").
_LINE_END_YEAR = r"(?:19|20)\d\d[ \t]*(?:\n|\Z)"
#: Longest title (characters) taken from flattened text when nothing else ends it.
MAX_TITLE = 160


@dataclass(frozen=True)
class Head:
    """The head of an item at ``start``: its number as written, its value, case number and title start."""

    start: int
    number: str | None
    value: int | None
    kind: HeadKind
    marked: bool  # "§" or "4." says it is an item number; a bare "100" does not
    prefix: str | None
    case: tuple[int, int] | None
    title_start: int
    number_end: int
    depth: int = 1  # "4.1" is an item at depth 2


class _Grammar:
    def __init__(self) -> None:
        r = rules()
        prefix = r.item_prefix.pattern
        case = r.case.pattern
        label = r.case_label.pattern
        self.paragraph = compile_re(  # a joint item too: "§§ 47–49", "§ 47-49", "§§ 47 och 48"
            rf"(?:(?:(?P<prefix>{prefix})[ \t]*)?§§?[ \t]*(?P<n>\d{{1,4}})(?:[ \t]*(?:[–-]|och(?=[ \t]))[ \t]*(?P<last>\d{{1,4}})"
            rf"|[ \t]?(?P<sub>[a-z])(?![\p{{L}}]))?(?![\d])|(?P<n>\d{{1,4}})[ \t]*§(?=[ \t]))[.:]?")  # and "12 §"
        self.prefixed = compile_re(rf"(?P<prefix>{prefix})[ \t]+(?!{_LINE_END_YEAR})(?P<n>\d{{1,4}})(?P<sub>[a-z])?(?![\p{{L}}\d/.:,-])")
        self.dotted = compile_re(r"(?P<n>\d{1,3})(?P<mark>[.)])(?=[ \t])")
        # its parts possessive: a blank follows only where no part can ("1.2.3 "), so no part is given back, and a
        # long token of them ("1.1.1…") is read once, not once per part
        self.decimal = compile_re(r"(?P<n>\d{1,2})(?P<sub>(?:\.\d{1,2}+)++)\.?(?=[ \t])")
        self.bare = compile_re(r"(?P<n>\d{1,4})(?P<sub>[a-z])?(?=[ \t]|$)")
        self.ref = compile_re(rf"[ \t]+{prefix}[ \t]+(?!{_LINE_END_YEAR})\d{{1,4}}(?![\p{{L}}\d/.:,-])")  # "Au 7", "Bun 3"
        self.labelled_case = compile_re(rf"[ \t]*(?i:{label})[ \t]*(?P<case>{case})")
        self.prefixed_case = compile_re(rf"[ \t]*(?P<case>\p{{Lu}}{{1,6}}[ \t]*[-/ ][ \t]*\d(?:{case}|[\d/:.-]*))")
        # (never ending inside a run of digits: "KFN 2025-000318" is no case "KFN 2025-00031" and item 8)
        self.case_only = compile_re(
            rf"(?P<case>\p{{Lu}}{{1,6}}(?:[ \t]*[-/][ \t]*|[ \t]+)\d{{1,4}}[/:.-](?:{case}|\d{{0,5}}))(?!\d)")
        self.time_column = r.agenda_time
        self.time_after = r.agenda_time_after
        self.item_word = r.item_word
        self.label = compile_re(rf"(?i:{label})")
        self.case = compile_re(case)
        self.space = compile_re(r"[ \t]*")


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _Grammar()


def head_at(text: str, pos: int, end: int, line_start: bool = False,
            refs: dict[int, int] | None = None) -> Head | None:
    """The item head that starts at ``pos`` (within ``[pos, end)``), or None; at the start of a line
    (``line_start``) also one led by an item word ("Ärende 4  Title"). ``refs``: the ends of the runs of cross
    references read before within the same ``end`` (see :func:`_past_refs`)."""
    g = _grammar()
    case: tuple[int, int] | None = None
    start = pos
    if (slot := g.time_column.match(text, pos, end)) is not None:  # "13.10–13.40   2. Title": a kallelse's time slot
        pos = slot.end()
    lead = g.case_only.match(text, pos, end)
    if lead is not None:  # "BUN/2016:3 112 Val av …", "MBN 21/417 Rapport om …"
        case = lead.span("case")
        pos = g.space.match(text, lead.end(), end).end()  # type: ignore[union-attr]
    number: str | None = None
    value: int | None = None
    depth = 1
    kind: HeadKind = "case"
    marked = False
    prefix: str | None = None
    m = g.paragraph.match(text, pos, end)
    if m is not None:
        kind, marked, prefix = "paragraph", True, m.group("prefix")
    elif line_start and case is None and (m := g.item_word.match(text, pos, end)) is not None:
        kind, marked = "agenda", True
    else:
        m = g.prefixed.match(text, pos, end)
        if m is not None and (m.group("prefix").casefold() in rules().not_item_prefixes):
            m = None
        if m is not None:
            kind, prefix = "paragraph", m.group("prefix")
        else:
            m = g.dotted.match(text, pos, end) or g.decimal.match(text, pos, end)
            if m is not None:
                kind, marked = "agenda", True
            else:
                m = g.bare.match(text, pos, end)
                kind = "agenda"
    if m is None:
        if case is None:
            return None
        kind, number_end = "case", case[1]
    else:
        number = text[m.start():m.end()].rstrip(".:)").strip()
        value = int(m.group("n"))
        opens = line_start or text[max(0, start - 2):start] in (". ", "! ", "? ")  # (flattened minutes)
        if kind == "paragraph" and (last := m.groupdict().get("last")) and (int(last) <= value or not opens):
            return None  # a joint item ("§§ 47–49") counts up, opens a line or a sentence (no form's "Paragrafer")
        number_end = m.end()
        if m.re.pattern == g.decimal.pattern:  # (a match's ``re`` is compiled, no Deferred)
            depth, value = 1 + m.group("sub").count("."), None
    after = number_end
    if kind in ("agenda", "paragraph") and m is not None and (slot := g.time_after.match(text, after, end)) is not None:
        after = slot.end()  # "3   09.00  Title", "§ 4   kl. 10.15   Title": the time the item was taken up
    if m is not None:
        after = _past_refs(g, text, after, end, {} if refs is None else refs)
    if case is None:
        found = g.labelled_case.match(text, after, end) or g.prefixed_case.match(text, after, end)
        if found is not None:
            case = found.span("case")
            after = found.end()
    title = g.space.match(text, after, end).end()  # type: ignore[union-attr]
    if title < end and not (text[title].isupper() or text[title] in "«\"”'"):
        if not (m is not None and m.group("n") and g.label.match(text, title, end)):
            return None
    if m is None and title >= end:
        return None
    return Head(start, number, value, kind, marked, prefix, case, title, number_end, depth)


def _past_refs(g: _Grammar, text: str, pos: int, end: int, refs: dict[int, int]) -> int:
    """Where the run of cross references to earlier minutes from ``pos`` ends ("Au 7 Bun 3"). ``refs`` keeps the
    ends of the runs read before, so that the heads of one line read each reference once (a flattened line of
    "Sida 1 Sida 1 …" read the rest of its references from each)."""
    seen: list[int] = []
    while pos not in refs and (ref := g.ref.match(text, pos, end)) is not None:
        seen.append(pos)
        pos = ref.end()
    last = refs.get(pos, pos)
    for p in (*seen, pos):
        refs[p] = last
    return last


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text[start:end])]


def title_end(text: str, start: int, end: int) -> int:
    """Where the title that begins at ``start`` ends in flattened text (at most ``MAX_TITLE`` characters on)."""
    g = _grammar()
    r = rules()
    limit = min(end, start + MAX_TITLE)
    labels = {h.start for h in label_hits(text[start:limit])}
    words = [(a + start, b + start) for a, b in _words(text, start, limit)]
    for i, (a, b) in enumerate(words):
        w = text[a:b]
        if i == 0:
            continue
        prev = text[words[i - 1][0]:words[i - 1][1]]
        if prev.endswith((".", "!", "?")) and w[:1].isupper() and len(prev) > 2:
            return words[i - 1][1] - 1
        if g.label.match(w.removeprefix("(")) or (g.case_only.match(text, a, end) and i >= 2):  # "(Dnr …)" too
            return words[i - 1][1]
        if w in BULLETS or presenter_note(text, a, end) is not None or marker_at(text, a, end):
            # a list's first item; "(Eva Ek, ekonom)"; a lettered sub-item ("a) Bygglov")
            return words[i - 1][1]
        if not w[:1].isupper():
            continue
        if (a - start) in labels or subheading_end(text, a, end, after_title=True) is not None \
                or documents_at(text, a, end):
            return words[i - 1][1]
        if w.endswith(":") and i >= 2 or _group_heading(text, words, i):
            return words[i - 1][1]
        bare = w.strip(",.;:()")
        # a name after a preposition is the title's ("Interpellation från Eva Ek (M) om …", "Fyllnadsval efter …")
        if is_role(bare) or (is_first_name(bare) and i + 1 < len(words)
                             and text[words[i + 1][0]:words[i + 1][0] + 1].isupper()
                             and prev.casefold() not in r.person_prepositions):
            return words[i - 1][1]
        prev_word = prev.strip(",;:()").casefold()
        if prev_word in r.name_nouns and not (i + 1 < len(words) and text[slice(*words[i + 1])] in r.finite_verbs):
            continue  # "… av förskolan Solrosen i Backaby", not "… Västra skolan Förvaltningen har …"
        if prev[:1].islower() and prev_word not in r.title_stop_words and not prev.endswith((",", ":")) \
                and not _proper_compound(bare) and not _ACRONYM_COMPOUND.match(bare) \
                and not _names_end(text, words, i, end):
            return words[i - 1][1]
        if (prev[:1].isupper() or prev[:1].isdigit()) and not prev.endswith((",", ":", "-")) \
                and (opens_sentence(text, words, i) or _opens_title(text, words, i) or _opens_clause(text, words, i)):
            return words[i - 1][1]
    if limit < end and words:
        # no end found: stop at the last word that fits
        return words[-2][1] if len(words) > 1 else words[-1][1]
    return words[-1][1] if words else start


#: The endings of the action nouns that open an agenda item's title ("Utdelning", "Ansökan", "Avsägelse").
_ACTION_NOUN = compile_re(r"\p{Lu}\p{Ll}{3,}(?:ning|ring|ling|an|else|ande|tion|sion)")


def _opens_title(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Word ``i`` (a capital after a proper noun, a number or a one-word title that ended the title before) opens
    the next unnumbered title of a flattened agenda or a sentence without a verb near its start ("§ 86 Anmälningar
    Förteckning över beslut … redovisades."): a common action noun, a preposition and a lower-case word after it ("…
    Omvårdnadslyftet Utdelning ur fonderna …", "… 2027-03-02 Redovisning av …"), or a genitive owner after a date
    and before a lower-case noun, no verb after it."""
    if i + 2 >= len(words) or i < 1:
        return False
    word, nxt, then = (text[a:b] for a, b in words[i:i + 3])
    if text[words[i - 1][0]].isdigit() and rules().subject_genitive.match(word) and nxt.isalpha() and nxt.islower() \
            and nxt not in rules().title_stop_words and not verb_after(text, words[i][1]):
        return True  # "… 2027-03-02 Nämndens studieresa 2027": a genitive owner after a title's date
    return (_ACTION_NOUN.fullmatch(word) is not None and word.casefold() in load_lexicon().common
            and nxt in rules().title_stop_words and nxt not in rules().title_conjunctions and then[:1].islower())


def _opens_clause(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Word ``i`` is a capitalised preposition or conjunction of two letters or more before a lower-case word ("…
    5. Risker Om bidraget dröjer …", "Tidplan Under hösten …"): inside a title such a word is lower-case."""
    word = text[words[i][0]:words[i][1]]
    return i + 1 < len(words) and len(word) > 1 and word.isalpha() and word[1:].islower() \
        and word.casefold() in rules().title_stop_words and text[words[i + 1][0]].islower()


#: A bare item number after a word ("Remissärenden | 4 Program …").
_NUMBER_AFTER = compile_re(r"[ \t]+\d{1,3}(?=[ \t])")


def _group_heading(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Word ``i`` opens a group heading of an agenda before the next item's bare number ("Remissärenden 4 …",
    "Övriga beslutsärenden 9 …")."""
    for j in (i, i + 1):
        if j < len(words) and text[words[j][0]:words[j][1]].casefold().endswith(rules().group_heading_endings):
            return _NUMBER_AFTER.match(text, words[j][1]) is not None and (j == i or text[words[j][0]].islower())
    return False


def opens_sentence(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Word ``i`` (a capital after a capitalised title word or a number) starts a sentence: "Lägesrapport
    Projektet följer …", "Budget 2027 Nämnden beslutar …": a sentence's subject (a noun in the definite
    form, a pronoun), then a lower-case word that no title goes on with (a preposition only after a definite
    noun, before a lower-case word), no number after it ("Detaljplan Kvarteret Lärkan", "Plan Trygghet och
    säkerhet", "Info Bemanning kansliet", "Stambyte Ekbacken etapp 2" go on); a surname after a given name
    is no subject ("Enhetschef Eva Wallgren föredrar …")."""
    if i + 1 >= len(words):
        return False
    word = text[words[i][0]:words[i][1]]
    nxt = text[words[i + 1][0]:words[i + 1][1]]
    then_word = text[words[i + 2][0]:words[i + 2][1]] if i + 2 < len(words) else ""
    then = then_word[:1]
    r = rules()
    subject = word in r.sentence_pronouns or r.sentence_subject.match(word) is not None and not _given_name(word)
    # "Resultatet efter finansiella poster blev …": a definite noun with a prepositional phrase
    attribute = nxt in r.title_stop_words and nxt not in r.title_conjunctions and then.islower() \
        and r.sentence_subject.match(word) is not None
    # (a number after a preposition or a verb is the sentence's: "Bokslutet för 2024 visar …" with a verb, see
    # below; "Svarsfrekvensen blev 81 procent")
    prev = text[words[i - 1][0]:words[i - 1][1]]
    if r.sentence_subject.match(word) is not None and len(nxt) > 1 and nxt.istitle() and then_word in r.finite_verbs \
            and not any(map(_given_name, (word, nxt, prev))) and prev.casefold() not in r.title_stop_words:
        return True  # "Förskolan Solrosen har …": a definite noun, its name, a verb (not "Kvarteret Lärkan Planen ska")
    if _given_name(text[words[i - 1][0]:words[i - 1][1]]) or not (nxt.isalpha() and nxt.islower()) \
            or then.isdigit() and nxt not in r.title_stop_words and nxt not in r.finite_verbs:
        return False
    if subject and (nxt not in r.title_stop_words or attribute):
        return True
    if word[:1].isupper() and _finite(then_word) and (word.endswith("a") and r.sentence_subject.match(
            nxt.capitalize()) is not None or r.issuer_name.match(f"{word} {nxt}") is not None):
        return True  # "Tekniska nämnden har beställt …", "Ekby kommun ska …": a body's name and the verb
    # "Räddningschefens delegationsbeslut för maj redovisas.", "Skrivelser från länsstyrelsen har kommit in.",
    # "Länsstyrelsen i Norrbottens län har yttrat sig": a subject a verb of its sentence confirms
    # "Protokoll från elevhälsorådet läggs till handlingarna": a document of no plural ending from its sender, a verb
    common = word.casefold() in load_lexicon().common
    return (subject or r.subject_genitive.match(word) is not None
            or r.subject_plural.match(word) is not None and common
            or common and word[1:].islower() and nxt == "från" and not _given_name(word)) \
        and verb_after(text, words[i][1])


#: A point's subject: a word, or the last of a pair that shares its head ("Kultur- och fritidsnämnden"); then the
#: word after it.
_POINT_SUBJECT = compile_re(r"(?:\p{Lu}[\p{L}]*-[ ](?:och|eller)[ ])?(?P<subject>\p{L}+)[ ](?P<next>\p{Ll}+)\b")


def states_a_point(text: str, start: int, end: int) -> bool:
    """The text of a numbered point at ``start`` is a sentence, no item's title: it opens with its subject (a
    definite noun or a pronoun), a present-tense verb right after it or a finite verb right before its full
    stop ("1. Nämnden beviljar …", "3. Ansökan från föreningen avslås."), and it ends in a full stop before
    ``end``."""
    m = _POINT_SUBJECT.match(text, start, end)
    if m is None:
        return False
    r = rules()
    subject, nxt = m.group("subject"), m.group("next")
    capital = subject[:1].upper() + subject[1:]  # ("fritidsnämnden" of a pair)
    if not (capital in r.sentence_pronouns or r.sentence_subject.match(capital) is not None) \
            or (m.start("subject") == start) != subject[:1].isupper() or _given_name(subject):
        return False
    rest = _SENTENCE_REST.match(text, m.end("subject"), end)
    if rest is None or not text.startswith(".", rest.end()):
        return False
    if nxt.endswith("r") and nxt not in r.title_stop_words:
        return True
    last = rest.group().rsplit(None, 1)[-1] if rest.group().strip() else ""
    return last in r.finite_verbs or last.endswith(("as", "ås")) and last.islower()


#: Fewest letters of a name that ends a title before a sentence (a register's prefix, "Au", "Bun", is shorter).
NAME_LETTERS = 4


def _names_end(text: str, words: list[tuple[int, int]], i: int, end: int) -> bool:
    """Word ``i``, a capital after a lower-case word, is a proper noun that the title names ("… i kvarteret Lotsen
    Dnr KS …", "… till friskolan Lärkängen – yttrande", "… vid Ekbacken (Eva Ek, ekonom)", "… skolorna Ekbacken
    och Lärkan", "… för kvarteret Lärkan Kommunen har …"): a case label, a presenter's note, a dash and a
    lower-case word, a conjunction and a capital, or a sentence's first word follow it (after a name of
    ``NAME_LETTERS`` letters or more: no register's prefix, "… för skolorna Au Fastighetsstrategen går …")."""
    if i + 1 >= len(words):
        return False
    a, b = words[i + 1]
    nxt = text[a:b]
    if _grammar().label.match(nxt) or presenter_note(text, a, end) is not None:
        return True
    if words[i][1] - words[i][0] >= NAME_LETTERS and opens_sentence(text, words, i + 1):
        return True
    then = text[words[i + 2][0]:words[i + 2][0] + 1] if i + 2 < len(words) else ""
    return nxt in ("–", "-") and then.islower() or nxt in rules().title_conjunctions and then.isupper()


def presenter_note(text: str, pos: int, end: int) -> int | None:
    """The end of a note in brackets at ``pos`` that names who presents an item and when ("(Eva Ek, ekonom,
    kl. 13.10–13.30)", "(Förvaltningschef Per Holm, kl. 14.45)"): a given name before a capital, or a role,
    then a comma, before the closing bracket; else None."""
    m = _PRESENTER_NOTE.match(text, pos, end)
    if m is None:
        return None
    first, second = m.group("first"), m.group("second")
    return m.end() if is_role(first) or is_first_name(first) and second[:1].isupper() else None


def _finite(word: str) -> bool:
    """A listed finite verb or a present passive in -as."""
    return word in rules().finite_verbs or word.endswith("as") and word.isalpha() and word.islower()


def verb_after(text: str, pos: int) -> bool:
    """The sentence that goes on at ``pos`` holds a finite verb: a listed one or a present passive in -as."""
    rest = _SENTENCE_REST.match(text, pos)
    verbs = rules().finite_verbs
    return rest is not None and any(w in verbs or w.endswith("as") for w in _LOWER_WORD.findall(rest.group()))


def _given_name(word: str) -> bool:
    return word[:1].isupper() and is_first_name(word)


def _proper_compound(word: str) -> bool:
    """A capitalised compound of capitalised parts ("Säckebäck-Varekil", "Ekby–Strand"): a place or a
    stretch between two, not a new sentence."""
    parts = _COMPOUND_PARTS.split(word)
    return len(parts) > 1 and all(p[:1].isupper() for p in parts) and not is_first_name(word)
