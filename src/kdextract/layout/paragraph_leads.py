"""Paragraphs that a heading leads, run into their first sentence where the paragraph's line breaks were lost.

A transcript that kept the blank lines between paragraphs but lost the breaks inside them puts an
item's head and its first sentence on one line ("§ 45 Val av justerare Till justerare väljs …"),
and a memo's sub-heading before its text ("Sammanfattning Förvaltningen föreslår …"). Such a line
is read as flattened text (``layout.reflow``), whatever its length.

>>> leads_paragraph(t := "§ 45 Val av justerare Till justerare väljs Eva Ek.", 0, len(t))
True
>>> leads_paragraph(t := "1. Nämnden godkänner Plan för badplatser 2026 med ändringarna.", 0, len(t))
False
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.layout.bullets import BULLETS, sentence_dash
from kdextract.layout.columns import has_column_gap
from kdextract.layout.form import is_form_label, protocol_rules
from kdextract.layout.items import head_at, opens_sentence, states_a_point, title_end, verb_after
from kdextract.layout.subheading_ends import inline_subheading_at
from kdextract.layout.lines import is_sentence_like
from kdextract.layout.rules import rules
from kdextract.layout.words import is_first_name, is_role
from kdextract.pattern_cache import compile_re
from kdextract.text.lexicon import load_lexicon

#: Fewest words of running text after the heading (a sentence, up to its end).
LEAD_BODY_WORDS = 3
#: Most words of a topic heading run into its paragraph ("Ekonomiskt läge Prognosen visar …"), and of an agenda's
#: unnumbered item's title among bare titles.
TOPIC_WORDS, LISTED_TITLE_WORDS = 5, 10
#: Most words of an issuer's name after a heading that ends inside it ("Region" + "Jämtland Härjedalen").
ISSUER_TAIL_WORDS = 2
#: Most words of a topic heading before a subject and its verb that no other cue confirms ("Gåvor Anställda får …").
SUBJECT_TOPIC_WORDS = 2
#: A paragraph of one bare title after a blank line: a capital, no sentence end or colon, at most 80 characters.
_BARE_TITLE = compile_re(r"[ \t]*\n[ \t]*\n[ \t]*\p{Lu}[^\n.!?:]{0,80}(?<=[\p{L}\d)])[ \t]*(?=\n|\Z)")
#: Its lead: a blank line, then a capital.
_BARE_LEAD = compile_re(r"[ \t]*\n[ \t]*\n[ \t]*(?=\p{Lu})")

#: The endings of a noun's definite form after its indefinite one ("plan" -> "planen", "program" -> "programmet" aside).
_DEFINITE_ENDS = ("en", "et", "n")
#: The mark of a decision's first point, under its heading.
_FIRST_POINTS = frozenset({"1.", "1)"})
#: The dashes that mark a list's item under a numbered item's title.
_DASHES = frozenset({"-", "–"})
_TOKEN = compile_re(r"\S+")
_LAST_WORD = compile_re(r"(\S+)\s*$")
_SENTENCE_END = compile_re(r"[.!?:)]$")
#: A sentence end (after a word, a year or a count: "… i november 2025.", "… vecka 42.") and the capital that
#: opens the next: where a topic heading may stand in flattened text.
_AFTER_SENTENCE = compile_re(r"(?<=(?:\p{Ll}{2}|(?<!\S)\d{2,4})[.!?])[ \t]+(?=\p{Lu})")
#: The last cell of a table row, a number (a percentage, an amount in kronor), and the capital after it: a topic
#: heading may stand there too ("… Invånare 15 410 15 500 Ekonomi Prognosen visar …").
_AFTER_ROW = compile_re(r"(?<=(?<![\p{L}])\d(?:[ \t]?(?:%|kr|tkr|mnkr))?)[ \t]+(?=\p{Lu})")
_BLANK_BEFORE = compile_re(r"(?:\n[ \t]*\n|\f)[ \t]*$")


#: A present passive verb that ends a two-word sentence ("godkänns.", "noteras.").
_PASSIVE_END = compile_re(r"\p{Ll}{3,}s\.")


def _passive_clause(words: list[str]) -> bool:
    """A § item's whole decision in two words, a definite noun and a present passive ("Dagordningen godkänns.")."""
    return len(words) == 2 and rules().sentence_subject.match(words[0]) is not None \
        and _PASSIVE_END.fullmatch(words[1]) is not None


def leads_paragraph(text: str, start: int, end: int) -> bool:
    """The line ``text[start:end]`` is a paragraph led by a heading run into its first sentence: a "§ 45"
    or "3." item head or a known sub-heading at its start, running text after it to a sentence end."""
    first = _TOKEN.match(text, start, end)
    if first is None:
        return False
    lead = first.group()  # an item's number, or a committee's code before its "§" ("KFN § 57")
    head = head_at(text, start, end) if lead[0] in "§0123456789" or lead.isupper() and lead.isalpha() else None
    if has_column_gap(text, start if head is None else head.title_start, end):
        return False  # (a line of columns is a table's row or a kallelse's time slot; not "§ 31   Title …")
    paragraph = head is not None and "§" in (head.number or "")
    if head is not None and (head.marked or paragraph) and head.depth == 1:
        lead_end = title_end(text, head.title_start, end)
        lead_end = sentence_dash(text, head.title_start, lead_end) or lead_end  # "1. Budget - Eva visade …"
    else:
        stop = inline_subheading_at(text, start, end)
        if stop is None or text[stop - 1] == ":":
            return False  # ("Sammanfattning: Föreningen söker …": a label that its colon sets apart)
        lead_end, paragraph = stop, True
    rest = text[lead_end:end].split()
    if rest and (rest[0] in BULLETS or paragraph and rest[0] in _FIRST_POINTS
                 or head is not None and head.marked and rest[0] in _DASHES):
        rest = rest[1:]  # "2. Ekonomi • Prognosen …", "3. Budget - Eva redovisade …", "Förslag till beslut 1. Nämnden
        # …": a list under it
    if len(rest) < LEAD_BODY_WORDS and not (paragraph and _passive_clause(rest)) or not rest[0][:1].isupper() \
            or not (_SENTENCE_END.search(rest[-1]) or head is None and paragraph and rest[0][1:2].islower()
                    and not text[start:lead_end].isupper()):
        return False  # (a title that a line's end cut goes on without a sentence end; a known sub-heading is whole:
        # a list of documents may follow it, "Beslutsunderlag Tjänsteskrivelse 2026-05-06 Karta …")
    # "3. Ekonomi Prognosen …": after a "3." title a sentence starts (a capital, then a lower-case word), and
    # the title ends in a capital or a number, or it states no point ("1. Föregående anteckningar Anteckningarna
    # lades …"); a point of prose opens with its subject and verb ("1. Nämnden godkänner Plan …")
    last = _LAST_WORD.search(text, start, lead_end)
    # (the sentence may open with a person's name, of two or three words: "2. Trygghetsboendet Eva Ek berättar …")
    opens = rest[1][:1].islower() or is_first_name(rest[0]) and rest[1][:1].isupper() and rest[2:3] != [] \
        and (rest[2][:1].islower() or rest[2][:1].isupper() and rest[3:4] != [] and rest[3][:1].islower()) \
        or rest[0].casefold() in _day_words() and rest[1][:1].isdigit()  # "5. Nästa möte Onsdag 17 april kl. 15.00."
    return paragraph or opens and last is not None and (
        not last.group(1)[:1].islower() or head is not None and not states_a_point(text, head.title_start, end))


@lru_cache(maxsize=1)
def _day_words() -> frozenset[str]:
    """The words a day's date opens with, a form's values in lower case ("onsdag", "den", "kl")."""
    return frozenset(protocol_rules().lower_case_values)


def topic_lead(text: str, start: int, end: int) -> int | None:
    """The end of a short topic heading that leads the paragraph ``text[start:end]`` (a line after a blank
    line, a page break or nothing), run into its first sentence ("Ekonomiskt läge Prognosen visar …",
    "Viktiga händelser under perioden Kommunen har …"), or None; an issuer's name is a letterhead, no topic ("Ekby
    kommun Arbetsgruppen för …"). The sentence opens with its subject (``items.opens_sentence``) right after at most
    ``TOPIC_WORDS`` words, none of them a finite verb, the first no subject itself, and runs to a
    sentence end; the heading words end in no punctuation. A bulleted list may follow the heading instead
    ("Pågående arbete • Projektet …")."""
    if start > 0 and not _BLANK_BEFORE.search(text[max(0, start - 8):start]) \
            or has_column_gap(text, start, end):
        return None
    # (a bulleted list need not end in a sentence end: "Ekonomin efter april • Prognos: +14 mnkr • …")
    ended = _SENTENCE_END.search(text, end - 1, end) is not None
    stop = topic_end(text, start, end) if ended else None
    stop = stop or _bulleted_topic_end(text, start, end)
    return None if stop is None or _issuer_at(text, start, stop, end) else stop


def listed_title_lead(text: str, start: int, end: int) -> int | None:
    """The end of an unnumbered agenda item's title that leads the paragraph ``text[start:end]``, run into its first
    sentence ("Yttrande över motion om frukost i skolan Motionen har remitterats …"), where the next two paragraphs
    are bare titles of the same list ("Delegationsbeslut", "Anmälningsärenden"): a title of at most
    ``LISTED_TITLE_WORDS`` words, read as ``topic_lead`` reads a topic's."""
    if start > 0 and not _BLANK_BEFORE.search(text[max(0, start - 8):start]) \
            or has_column_gap(text, start, end) or not _SENTENCE_END.search(text, end - 1, end):
        return None
    nxt = _bare_title(text, end)
    if nxt is None or _bare_title(text, nxt.end()) is None:
        return None
    stop = topic_end(text, start, end, LISTED_TITLE_WORDS)
    return None if stop is None or _issuer_at(text, start, stop, end) else stop


def _issuer_at(text: str, start: int, stop: int, end: int) -> bool:
    """The heading ``text[start:stop]`` is an issuer's name, or the opening of one that goes on past ``stop``
    ("Region" before "Västerbotten ansvarar …", "Region Jämtland" before "Härjedalen har …"): a letterhead, or the
    sentence's subject, no topic. (The name pattern is anchored: it is matched against the words themselves.)"""
    ends = [stop, *(m.end() for _, m in zip(range(ISSUER_TAIL_WORDS), _TOKEN.finditer(text, stop, end)))]
    return any(rules().issuer_name.match(text[start:e]) is not None for e in ends)


def _bare_title(text: str, pos: int) -> regex.Match[str] | None:
    """``_BARE_TITLE.match(text, pos)``, tried only where the line after the blank line holds no sentence end or
    colon and at most 81 characters before its trailing blanks: elsewhere the pattern fails after backtracking
    through each of its 80 characters."""
    lead = _BARE_LEAD.match(text, pos)
    if lead is None:
        return None
    stop = text.find("\n", lead.end())
    line = text[lead.end():len(text) if stop < 0 else stop].rstrip(" \t")
    if len(line) > 81 or "." in line or "!" in line or "?" in line or ":" in line:
        return None
    return _BARE_TITLE.match(text, pos)


@lru_cache(maxsize=1)
def _leading_case() -> regex.Pattern[str]:
    r = rules()
    return compile_re(rf"(?i:{r.case_label.pattern})[ \t]*(?:{r.case.pattern})[ \t]+(?=\p{{Lu}})")


def case_lead(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the topic heading starts and ends in a paragraph that its case number and that heading lead, run into
    its first sentence ("Dnr KS 2024/118 Markanvisning för kvarteret Lärkan Kommunen har fått …", see
    ``topic_lead``), or None."""
    if start > 0 and not _BLANK_BEFORE.search(text[max(0, start - 8):start]) \
            or has_column_gap(text, start, end) or not _SENTENCE_END.search(text, end - 1, end):
        return None
    case = _leading_case().match(text, start, end)
    stop = topic_end(text, case.end(), end) if case is not None else None
    return (case.end(), stop) if case is not None and stop is not None else None


def _bulleted_topic_end(text: str, start: int, end: int) -> int | None:
    """The end of the topic heading at ``start`` whose paragraph is a bulleted list (see ``topic_lead``), or None."""
    words = [m for _, m in zip(range(TOPIC_WORDS + 1), _TOKEN.finditer(text, start, end))]
    r = rules()
    for i in range(1, len(words)):
        if words[i].group() not in BULLETS:
            continue
        head = [m.group() for m in words[:i]]
        if not head[0][:1].isupper() or any(not w[-1:].isalnum() or w.casefold() in r.finite_verbs for w in head):
            return None
        return words[i - 1].end()
    return None


#: Most letters of an acronym spelled out after it.
_ACRONYM_LETTERS = 6


def topic_end(text: str, start: int, end: int, most: int = TOPIC_WORDS) -> int | None:
    """The end of a topic heading (see ``topic_lead``) of at most ``most`` words at ``start``, its sentence run into
    it, or None."""
    tokens = zip(range(most + LEAD_BODY_WORDS), _TOKEN.finditer(text, start, end))
    words = [(m.start(), m.end()) for _, m in tokens]
    r = rules()
    first = text[words[0][0]:words[0][1]] if words else ""
    if not first[:1].isupper() or first in r.sentence_pronouns:
        return None
    if _spelled_out(text, words):
        return words[0][1]  # "SKR Sveriges Kommuner och Regioner (SKR) har …": an acronym over its name's sentence
    if r.sentence_subject.match(first) is not None and (not _indefinite(first) or is_form_label(first)):
        # a definite noun heads a topic only before a sentence a person's name opens ("Företagsklimatet Eva Ek
        # lyfter …"); before a name of another kind it is its subject ("Föreningen Skidvänner har …"); a form's
        # label ("… genom anslag. Organ Kommunstyrelsens arbetsutskott") heads none
        if is_form_label(first):
            return None
        if _person_opens(text, words, 1):
            return words[0][1]
        # "… i maj. Gränsskolan Ombyggnaden av köket är klar", "Projektet Ekkajen Detaljplanen för kajen ställs ut":
        # a definite common noun opens the sentence after it, or after its name
        return next((words[i - 1][1] for i in (1, 2) if _definite_opens(text, words, i)), None)
    for i in range(1, min(most, len(words) - LEAD_BODY_WORDS) + 1):
        last = text[words[i - 1][0]:words[i - 1][1]]
        if not last[-1:].isalnum() or last.casefold() in r.finite_verbs:
            return None
        if _name_goes_on(text, words, i):
            continue
        if (opens_sentence(text, words, i) or _opens_with_preposition(text, words, i)
                or _person_opens(text, words, i) or _subject_verb(text, words, i)) \
                and last.casefold() not in r.title_stop_words or _repeated(text, words, i):
            return words[i - 1][1]
    return None


def _spelled_out(text: str, words: list[tuple[int, int]]) -> bool:
    """The first word is an acronym that the words after it spell out ("MSB Myndigheten för samhällsskydd och
    beredskap"), the connecting words left out."""
    acronym = text[words[0][0]:words[0][1]]
    if not (2 <= len(acronym) <= _ACRONYM_LETTERS and acronym.isalpha() and acronym.isupper()):
        return False
    initials = [text[a] for a, b in words[1:] if text[a:b] not in rules().title_conjunctions and text[a:b] != "för"]
    return len(initials) >= len(acronym) and initials[0].isupper() \
        and "".join(initials[:len(acronym)]).casefold() == acronym.casefold()


def _definite_opens(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Word ``i`` after a definite noun (and a name: ``i`` 2) opens a sentence: a known noun in the definite form,
    then a lower-case word that is no verb (a name's definite noun goes on: "Förskolan Solrosen har …")."""
    if i + 1 >= len(words):
        return False
    word, nxt = text[words[i][0]:words[i][1]], text[words[i + 1][0]:words[i + 1][1]]
    if i == 2 and not _name_word(text[words[1][0]:words[1][1]]):
        return False
    return rules().sentence_subject.match(word) is not None and load_lexicon().known(word.casefold()) \
        and not is_first_name(word) and nxt.isalpha() and nxt.islower() \
        and nxt not in rules().finite_verbs and opens_sentence(text, words, i)


def _name_word(word: str) -> bool:
    """``word`` is a capitalised name that no common word or given name spells ("Ekkajen")."""
    return word[:1].isupper() and word[1:].isalpha() and word[1:].islower() and not is_first_name(word) \
        and word.casefold() not in load_lexicon().common


def _name_goes_on(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Word ``i`` is the last surname of a person's name that opens the paragraph ("Anna Holm Lindqvist har …",
    "Jan Nilsson Lindgren leder …"): the words before it a given name and a capitalised one, it a capitalised
    word that is no common word (a surname, no subject such as "Förvaltningen")."""
    word = text[words[i][0]:words[i][1]]
    return i == 2 and is_first_name(text[words[0][0]:words[0][1]]) and text[words[1][0]:words[1][0] + 1].isupper() \
        and word[:1].isupper() and word[1:].isalpha() and word[1:].islower() \
        and word.casefold() not in load_lexicon().common


def _repeated(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """The first sentence opens with the heading's ``i`` words again, a lower-case word after them ("Extern
    representation Extern representation riktar sig …"): the heading ends before the repeat."""
    if 2 * i >= len(words) or not text[words[2 * i][0]:words[2 * i][1]].islower():
        return False
    return all(text[a:b].casefold() == text[c:d].casefold() for (a, b), (c, d) in zip(words[:i], words[i:2 * i]))


def _subject_verb(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Word ``i`` is a capitalised subject right before its finite verb, a listed one or a present passive ("Gåvor
    Anställda uppvaktas vid …", "Taxor Avgifterna höjs …"), or one lower-case word before a listed verb ("Mål Fler
    barn ska …"): a sentence opens there, no title holds a verb. The heading's last word is a listed word, no name's
    first part; a subject in a definite form is ``items.opens_sentence``'s ("Ny förskola Ekbacken ska …" goes on).
    A longer heading is a sub-heading's as often ("Konsekvenser för miljö och klimat Fler kan …"): none."""
    if i + 2 >= len(words) or i > SUBJECT_TOPIC_WORDS:
        return False
    word, verb, then = (text[a:b] for a, b in words[i:i + 3])
    before = text[words[i - 1][0]:words[i - 1][1]]
    if before.casefold() not in load_lexicon().common or is_first_name(before):
        return False  # (a name's first part: "… januari. Ekby Bandyklubb har ansökt …", "… Isa Strandberg har …")
    r = rules()
    if verb.isalpha() and verb.islower() and verb not in r.title_stop_words and then in r.finite_verbs:
        verb = then  # "Mål Fler barn ska kunna …": a subject of two words
    return word[:1].isupper() and word[1:].isalpha() and word[1:].islower() and not is_first_name(word) \
        and r.sentence_subject.match(word) is None \
        and (verb in r.finite_verbs or _PASSIVE_END.fullmatch(verb + ".") is not None and len(verb) > 5)


def _person_opens(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Words ``i`` and on are a given name, a surname and a lower-case word: a sentence about a person ("Eva Ek
    berättar …") opens there, after a heading word that is capitalised or a definite noun ("… vid badet Eva Ek
    …"), no role ("Ordföranden Eva Ek …") and no verb ("Nämnden utser Eva Ek …" is one sentence); a conjunction
    or a preposition after the name goes on with a title or a list ("Kommunalrådet Eva Ek och …")."""
    if i + 2 >= len(words):
        return False
    given, surname, verb = (text[a:b] for a, b in words[i:i + 3])
    before = text[words[i - 1][0]:words[i - 1][1]]
    r = rules()
    noun = before[:1].isupper() or r.sentence_subject.match(before.capitalize()) is not None
    return given[:1].isupper() and is_first_name(given) and surname[:1].isupper() and surname[1:].islower() \
        and verb.isalpha() and verb.islower() and verb not in r.title_stop_words and noun and not is_role(before)


def _opens_with_preposition(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Word ``i`` is a capitalised preposition that opens a sentence with a finite verb ("Avgift För handläggningen
    tas en avgift ut …"): titles are written in sentence case, so no title goes on with one."""
    if i + 1 >= len(words):
        return False
    word, nxt = text[words[i][0]:words[i][1]], text[words[i + 1][0]:words[i + 1][1]]
    r = rules()
    return word[:1].isupper() and word[1:].islower() and word.casefold() in r.title_stop_words \
        and word.casefold() not in r.title_conjunctions and nxt.isalpha() and nxt.islower() \
        and verb_after(text, words[i][1])


def _indefinite(word: str) -> bool:
    """``word`` only looks like a definite noun ("Tidplan", whose definite form "tidplanen" is listed; "Samverkan",
    a listed noun in -an of no "-or" plural, unlike "skolan" of "skolor"): a heading may start with it, where a
    sentence's subject ("Föreningen", "Nämnden") may not."""
    low, common = word.casefold(), load_lexicon().common
    return any(low + end in common for end in _DEFINITE_ENDS) \
        or low.endswith("an") and low in common and low[:-2] + "or" not in common


def topic_heads(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The topic headings (start, end) run into flattened text after a sentence end ("… i maj. Investeringar
    Ombyggnaden följer …", see ``topic_end``) or after a table row that ends in a number ("… 15 410 15 500 Ekonomi
    Prognosen visar …")."""
    out: list[tuple[int, int]] = []
    after_row = {m.end() for m in _AFTER_ROW.finditer(text, start, end)}
    for pos in sorted(after_row | {m.end() for m in _AFTER_SENTENCE.finditer(text, start, end)}):
        stop = topic_end(text, pos, end)
        if stop is not None and not (pos in after_row and is_form_label(text[pos:stop])):
            out.append((pos, stop))  # (after a number, a form's label is the next field: "… 26 Justerare …")
    return out


def addressee_after(text: str, start: int, end: int) -> int | None:
    """Where a memo's addressee starts that flattened text ran into the end of its capitalised subject line of no
    sentence ("Ny lekplats vid skolan Till kommunstyrelsens arbetsutskott")."""
    m = rules().inline_addressee.search(text, start, end)
    if m is None or not text[start:start + 1].isupper() or is_sentence_like(text[start:m.start()].rstrip()):
        return None
    return m.start()


#: A field's label run into a line: one capitalised word and its colon ("Föredragande:", "Status:").
_FIELD_LABEL = compile_re(r"(?<!\S)\p{Lu}\p{Ll}{3,}:(?=[ \t]+\S)")
#: Most words of the title before the first field.
_FIELD_TITLE_WORDS = 12


def fields_lead(text: str, start: int, end: int) -> int | None:
    """Where the fields start in a paragraph that a title leads, run into its labelled fields ("Ärende 1 Val av
    justerare Föredragande: Ordförande Handlingar: –", "Uppdrag 2. Ny plan Givet: KS 2026-01-12 Status: Pågår."):
    the first label, after two or more title words with no sentence end, with a second label after it or an item's
    own label ("Föredragande:"); None for none. The line starts a paragraph (see ``topic_lead``)."""
    if text.find(":", start, end) < 0 or start > 0 and not _BLANK_BEFORE.search(text[max(0, start - 8):start]):
        return None  # (no label's colon on the line: no field)
    for i, tok in enumerate(_TOKEN.finditer(text, start, end)):
        word = tok.group()
        if i > _FIELD_TITLE_WORDS or word.endswith((".", "!", "?")) and i > 1 and len(word) > 3:
            return None  # (a sentence's end: the line is prose, not a title)
        if word in rules().finite_verbs or word in BULLETS:
            return None  # ("Eva har sagt att Status: …": a sentence; "Ekonomi • Prognos: … • Risker: …": a list)
        if not word.endswith(":"):
            continue
        if i < 2 or _FIELD_LABEL.match(text, tok.start(), end) is None:
            return None  # (a line led by a label is a row of fields: "Projekt: Trygga stråk Projektledare: …")
        own = word[:-1].casefold() in rules().item_body_labels
        return tok.start() if own or _FIELD_LABEL.search(text, tok.end(), end) is not None else None
    return None
