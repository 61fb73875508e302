"""Project name candidates ("projektet X", quoted names, titles) and their grouping into projects."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

import regex

from kdextract.layout.columns import cell_beside, cell_rest_below
from kdextract.layout.rules import rules as section_rules
from kdextract.pattern_cache import compile_re
from kdextract.records.clauses import sentence_span
from kdextract.records.context import Context
from kdextract.records.name_utils import is_first_name
from kdextract.records.project_rules import intro_matches, rules
from kdextract.text.candidates import Candidate
from kdextract.text.fold import fold
from kdextract.text.spans import enclosure
from kdextract.text.word_starts import after_blanks


@dataclass(slots=True)
class ProjectCandidate(Candidate):
    """A project's ``name`` at a span."""

    name: str
    _: KW_ONLY
    title_section: str | None = None  # the section whose title names the project

_QUOTES = {'"': '"', "“": "”", "”": "”", "«": "»", "»": "«", "'": "'", "‘": "’", "’": "’", "„": "”"}

_CAP_RUN = compile_re(
    r"(?:[\p{Lu}\d][\p{L}\d'’&+.]*[\p{L}\d]|[\p{Lu}])"
    r"(?:(?:[ \t]+(?:och|i|för|på|av|till|med|&|för|mot)[ \t]+|[ \t]+)[\p{Lu}][\p{L}\d'’&+-]*[\p{L}\d])*",
    regex.V1)
_CAP_WORD = compile_re(r"[ \t]+(\p{Lu}[\p{L}\d'’&+-]*)", regex.V1)
#: A line break that ends a paragraph (a blank line after it), or the text.
_BLANK_LINE = compile_re(r"\n[ \t]*(?:\n|\Z)")
#: The blanks around a line break inside a name that the text wrapped.
_WRAP = compile_re(r"[ \t]*\n[ \t]*")

def name_at(ctx: Context, pos: int) -> tuple[int, int] | None:
    """A name starting at ``pos``: quoted, emphasised, or a capitalised run."""
    text = ctx.text
    if pos >= len(text):
        return None
    ch = text[pos]
    if ch in _QUOTES:
        close = {_QUOTES[ch], '"', "”", "»", "“"}
        end = pos + 1
        # a quoted name may run over a line break where the text wraps, never over a blank line
        while end < len(text) and text[end] not in close and not _BLANK_LINE.match(text, end) and end - pos < 120:
            end += 1
        if end < len(text) and text[end] in close and end > pos + 1:
            return pos + 1, end
        return None
    for a, b in ctx.emphasis_from.get(pos, ()):
        if b - a <= 120 and "\n" not in text[a:b]:
            return a, b
    m = _CAP_RUN.match(text, pos)
    if m:
        end = _before_a_header(text, m.start(), _before_a_person(text, m.start(), m.end()))
        if " " not in m.group() and fold(m.group()) in rules().stop_names:
            return None
        if end == m.end() and (nxt := _wrapped_line(text, end)) is not None \
                and (more := _CAP_RUN.match(text, nxt)) is not None and _PROSE_GOES_ON.match(text, more.end()) \
                and not _new_sentence(text, nxt):
            end = _before_a_person(text, nxt, more.end())  # "Grön Omställning" / "Landsbygd tillsammans med …"
        first = fold(text[m.start():end])
        if len(first.split()) == 1 and not (len(first) >= 7 and first.endswith(_DEFINITE)):
            # "Cykelvänlig kommun": a capitalised word (not a definite noun) and up to two plain nouns
            for _ in range(2):
                w = _NEXT_WORD.match(text, end)
                if w is None and (nxt := _wrapped_line(text, end)) is not None:
                    w = _LINE_WORD.match(text, nxt)  # "Cykelvänlig" / "kommun tillsammans med …"
                if not w or not _name_continues(w.group(1)):
                    break
                end = w.end()
        lone = len(first.split()) == 1 and not first.endswith(_DEFINITE)  # "Språkombud": no name alone
        return m.start(), _of_phrase_end(text, end, lone)
    return None


#: Fewest characters of a line that the text wrapped at its width (a heading's or a list's line is shorter).
WRAPPED_LINE = 45
#: A line break and the next line's first word (the break inside a name that the text wrapped), matched after the
#: blanks before it (``after_blanks``).
_NEXT_LINE = compile_re(r"\n[ \t]*(?=\S)")
#: A sentence's first two words: its subject and the word after it ("Regionen bidrar").
_SUBJECT_VERB = compile_re(r"(?P<subject>\p{Lu}\p{Ll}+)[ \t]+(?P<verb>\p{Ll}+)\b", regex.V1)
#: A sentence that goes on in lower case after a wrapped name's last word.
_PROSE_GOES_ON = compile_re(r"[ \t]+\p{Ll}", regex.V1)


def _new_sentence(text: str, nxt: int) -> bool:
    """The next line, at ``nxt``, opens a sentence of its own whose period the line before lost ("projektet
    Ljusspåret" / "Regionen bidrar med …"): a pronoun or a determiner, or a definite noun (no given name) and a
    finite verb right after it."""
    m = _SUBJECT_VERB.match(text, nxt)
    if m is None:
        return False
    r = section_rules()
    subject, verb = m.group("subject"), m.group("verb")
    if subject in r.sentence_pronouns:
        return True  # "Det blir …", "Den nya sträckan …"
    return r.sentence_subject.match(subject) is not None and not is_first_name(subject) \
        and (verb in r.finite_verbs or verb.endswith("r") and verb not in r.title_stop_words)


def _wrapped_line(text: str, end: int) -> int | None:
    """Where the next line starts, where ``end`` ends a long line of prose that the text wrapped there (no sentence
    end before the break); else None."""
    m = _NEXT_LINE.match(text, after_blanks(text, end))
    if m is None or end - (text.rfind("\n", 0, end) + 1) < WRAPPED_LINE or text[end - 1] in ".!?:;":
        return None
    return m.end()


_CLAUSE_BOUNDARY = compile_re(r"[ \t]*(?:[.,;:!?)\n]|$|(?:med|som|och|samt|är|har|ska|kommer)\b)", regex.V1)
_OF_PHRASE = compile_re(r"[ \t]+(?:för|av|inom|mot|(?P<where>i|på))(?=[ \t]|\n)", regex.V1)
#: A place's name after "i"/"på", also over a line the text wrapped ("Ny matsal i | Linnebacken").
_PLACE = compile_re(r"(?:[ \t]+|[ \t]*\n[ \t]*)(\p{Lu}\p{Ll}{2,})(?=[ \t,.;:!?)]|$)", regex.V1 | regex.M)
#: Endings of a definite noun: "i kommunen", "på skolorna" say where, they name nothing.
_DEFINITE_ENDINGS = ("en", "et", "na")


def _of_phrase_end(text: str, end: int, lone: bool = False) -> int:
    """A name's end past an attribute phrase of plain words: "Gemensam tolkservice | för snabbare
    handläggning", "Lokal mat | i offentliga kök", as long as the phrase runs to a clause boundary
    (punctuation, a line end, a function word or a verb); a place phrase ("i", "på") only without a
    definite noun ("i kommunen"), or with a place's capitalised name ("Ny matsal i Linnebacken"), unless the
    name before it is a ``lone`` indefinite noun that names nothing alone ("Språkombud i omsorgen")."""
    m = _OF_PHRASE.match(text, end)
    if m is None:
        return end
    place = _PLACE.match(text, m.end()) if m.group("where") else None
    if place is not None and not is_first_name(place.group(1)):
        return place.end()  # "Ny matsal i Linnebacken": the place the project is named by
    pos, words = m.end(), 0
    while words < 4 and (w := _NEXT_WORD.match(text, pos)) is not None and _name_continues(w.group(1)):
        if m.group("where") and fold(w.group(1)).endswith(_DEFINITE_ENDINGS) and not lone:
            return end
        pos, words = w.end(), words + 1
    boundary = _CLAUSE_BOUNDARY.match(text, pos, pos + 12)
    return pos if words and boundary else end

_CONNECTORS = frozenset({"for", "av", "i", "och", "pa", "till", "mot", "med"})
_PLAIN_NAME = compile_re(r"\p{Ll}[\p{L}\d-]*(?:[ \t]+\p{Ll}[\p{L}\d-]*){0,3}(?=[ \t]*(?:[.;:!?]|\n(?![ \t]*\p{Ll})|$))",
                         regex.V1)


def _plain_name_at(ctx: Context, pos: int) -> tuple[int, int] | None:
    """A name in plain lower-case words that ends its line or sentence ("- Projektet ny översiktsplan."); a line
    whose sentence goes on in lower case on the next was wrapped there ("projektet lyft / frågan …")."""
    m = _PLAIN_NAME.match(ctx.text, pos)
    if m is None:
        return None
    r = rules()
    words = [fold(w) for w in m.group().split()]
    inner = [w for w in words[1:-1] if w not in _CONNECTORS]
    if any(w in r.name_stop_words or w.endswith(r.verb_endings) for w in [words[0], *inner, words[-1]]):
        return None
    return m.start(), m.end()


_DEFINITE = ("en", "et")  # "Vattenvägen", "Bygglovet": a definite noun is a whole name

#: The rest of a line: a capitalised word and one to five plain words (a name in sentence case).
_LINE_REST = compile_re(r"[ \t]*(\p{Lu}\p{Ll}+(?:[ \t]+\p{Ll}[\p{L}\d-]*){1,5})[ \t]*$", regex.V1 | regex.M)
#: A line's opening, up to the intro word: blanks and a bullet at most.
_LINE_OPENING = compile_re(r"(?:^|\n)[ \t]*(?:[-–•*][ \t]+)?$", regex.V1)


def _cell_name_at(ctx: Context, intro: int, pos: int) -> tuple[int, int] | None:
    """A name in sentence case that fills its line after an intro word opening that line, as a heading or a table
    cell does ("Kampanjen Gå och cykla till skolan"): its plain words are connectors or no verbs."""
    text = ctx.text
    m = _LINE_REST.match(text, pos)
    if m is None or not _LINE_OPENING.search(text[max(0, intro - 8):intro]) and intro > 0:
        return None
    words = [fold(w) for w in m.group(1).split()[1:]]
    r = rules()
    if any(w not in _CONNECTORS and (w in r.name_stop_words or w.endswith(r.verb_endings)) for w in words):
        return None
    return m.start(1), m.end(1)


def _before_a_person(text: str, start: int, end: int) -> int:
    """The end of a capitalised run before a person's name in it ("Lövsprång | Karin Holm")."""
    for w in _CAP_WORD.finditer(text, start, end):
        nxt = _CAP_WORD.match(text, w.end(), end)
        if nxt is not None and is_first_name(w.group(1)):
            return w.start()
    return end


#: A capitalised word of six letters or more in capitals only: a running header's name or kind, no acronym.
_HEADER_WORD = compile_re(r"[ \t]+\p{Lu}{6,}(?![\p{L}\d])", regex.V1)


def _before_a_header(text: str, start: int, end: int) -> int:
    """The end of a capitalised run before a running header run into it where the line breaks were lost
    ("Vågbrytaren | GRÄVLINGE KOMMUN PROTOKOLL 2(5)"); a run in capitals throughout is one name."""
    if text[start:end].isupper():
        return end
    for w in _CAP_WORD.finditer(text, start, end):
        if _HEADER_WORD.match(text, w.start(), end):
            return w.start()
    return end


_NEXT_WORD = compile_re(r"[ \t]+(\p{Ll}[\p{Ll}-]*\p{Ll})(?=[ \t,.;:!?)]|$)", regex.V1 | regex.M)
_LINE_WORD = compile_re(r"(\p{Ll}[\p{Ll}-]*\p{Ll})(?=[ \t,.;:!?)]|$)", regex.V1 | regex.M)

def _name_continues(word: str) -> bool:
    w = fold(word)
    if w in rules().name_stop_words or len(w) < 3:
        return False
    return not w.endswith(rules().verb_endings)

def ok_name(ctx: Context, name: str) -> bool:
    r = rules()
    key = fold(name).strip(" .,:;-\"'")
    if len(key) < 2 or key in r.stop_names or not any(c.isalpha() for c in key):
        return False
    if r.not_project.search(key):
        return False
    words = key.split()
    if len(words) > 14:
        return False
    for org in ctx.doc.organisations:  # a plain organisation name after "projektet" is no project name
        if org.kind in ("municipality", "region", "agency", "company") and fold(org.name) == key:
            return False
    return True

#: a quoted name or up to three capitalised words right before "-projektet"
_NAME_BEFORE_HYPHEN = compile_re(
    r"(?:[\"”»]([^\"”«»\n]{2,80})[\"”»]|([\p{Lu}\d][\p{L}\d]*(?:[ ][\p{Lu}][\p{L}\d]*){0,2}))$", regex.V1)
_SHORT_TITLE = compile_re(r"[\p{L}\d-]{2,15}")
_OPENER_REACH = 12  # characters before the intro word that may hold a subjunction ("eftersom ")

def candidates(ctx: Context, folded: str) -> list[ProjectCandidate]:
    r = rules()
    text = ctx.text
    found: list[ProjectCandidate] = []
    # 1. "projektet X"
    intros = intro_matches(r, folded)
    in_title = enclosure((sec.title_start, sec.title_end) for sec in ctx.sections
                         if _title_names_project(ctx, sec.title_start, sec.title_end))
    for m in intros:
        if in_title(m.start(), m.start() + 1):
            continue  # the title rule below reads "Projekt X" titles
        pos = cell_rest_below(text, m.end())
        span = _cell_name_at(ctx, m.start(), pos) or name_at(ctx, pos) or _plain_name_at(ctx, pos)
        if span is None:
            continue
        a, b = span
        name = text[a:b].strip(" .,;:")
        plain = text[m.end()] not in _QUOTES and m.end() not in ctx.emphasis_from
        if plain and not name[:1].isupper() and (_plain_name_at(ctx, m.end()) != span or r.clause_opener.search(
                folded[max(0, m.start() - _OPENER_REACH):m.start()])):
            continue  # an unquoted name must look like one; "att projektet förlängs": the clause's verb
        if plain and pos == m.end() and cell_beside(text, m.end()) \
                and any(c.isalpha() for c in text[text.rfind("\n", 0, m.start()) + 1:m.start()]):
            continue  # "… medel till projektet      Leif Dahlin": a title cell ends there, the next cell is no name
        # (a name set under the intro's table cell, below a column gap, is that cell's rest: it may)
        if plain and pos == m.end() and "\n" in text[m.end() - 1:a] \
                and "\n" in (gap := ctx.view.input_text(m.start(), a)) and not gap.rstrip().endswith("-") \
                and not (_wrapped_line(text, m.start() + len(m.group().rstrip())) and text[a + len(name):a + len(name) + 1] in (",", ".")):
            continue  # "projektet\nKultur- och fritidsnämnden beslutar": a plain name does not open the next line
        # (unless the intro ends a line of prose the text wrapped and a comma or a period closes the name)
        b = a + len(name)
        if plain and fold(name) in r.slogan_verbs and _PROSE_GOES_ON.match(text, b):
            continue  # "Kampanjen Gå och cykla till skolan Barn- och …": a slogan's first word, its line end lost
        name = _WRAP.sub(" ", name)  # "\"Trygg och säker" / "skolväg\"" wrapped over two lines
        if ok_name(ctx, name):
            found.append(ProjectCandidate(a, b, name, rule="projects/named", score=0.9))
    # 2. "X-projektet"
    for m in r.hyphen.finditer(folded):
        head = _NAME_BEFORE_HYPHEN.search(text[max(0, m.start() - 100):m.start()])
        if name_at(ctx, m.end() + 1) and text[m.end():m.end() + 1] == " ":
            continue  # "EU-projektet Digital omställning": the prefix is a kind, the name follows
        if head:
            g = 1 if head.group(1) else 2
            a = max(0, m.start() - 100) + head.start(g)
            b = max(0, m.start() - 100) + head.end(g)
            if (ok_name(ctx, text[a:b]) and any(c.isupper() for c in text[a:b])
                    and fold(text[a:b]) not in r.hyphen_not_names):
                found.append(ProjectCandidate(a, b, text[a:b], rule="projects/hyphen", score=0.85))
    # 3. section titles
    for sec in ctx.sections:
        if sec.category in ("signature", "attendance", "preamble"):
            continue
        title = text[sec.title_start:sec.title_end]
        ftitle = fold(title)
        lead = len(title) - len(title.lstrip(" \t*#0123456789.§)"))
        for pat in r.titles:
            tm = pat.match(ftitle[lead:].rstrip())
            if tm:
                a = sec.title_start + lead + tm.start("name")
                b = sec.title_start + lead + tm.end("name")
                name = text[a:b].strip(" .,;:-–")
                if name and ok_name(ctx, name):
                    a = text.index(name, a)
                    found.append(ProjectCandidate(a, a + len(name), name, rule="projects/title", score=0.8,
                                                  title_section=sec.id))
                break
        else:
            stripped = title.strip()
            if sec.level != 1:
                continue
            if (_SHORT_TITLE.fullmatch(stripped) and sum(c.isupper() for c in stripped) >= 2
                    and ok_name(ctx, stripped)):
                body = folded[sec.body_start:min(sec.body_end, sec.body_start + 600)]
                if r.intro.search(body) or r.anaphora.search(body):
                    a = text.index(stripped, sec.title_start)
                    found.append(ProjectCandidate(a, a + len(stripped), stripped,
                                                  rule="projects/acronym_title", score=0.7,
                                                  title_section=sec.id))
    # 4. "X är ett samverkansprojekt"
    for m in r.called.finditer(folded):
        sa, _ = sentence_span(ctx, m.start())
        subject = text[sa:m.start()].strip()
        span = name_at(ctx, sa)
        if (span and text[span[0]:span[1]].strip() and len(subject.split()) <= 6
                and span[1] >= sa + len(subject.rstrip("\"”»")) - 1):
            name = text[span[0]:span[1]].strip(" .,;:")
            if ok_name(ctx, name) and name[:1].isupper():
                found.append(ProjectCandidate(span[0], span[0] + len(name), name, rule="projects/called",
                                              score=0.75))
    return found

def _title_names_project(ctx: Context, start: int, end: int) -> bool:
    title = fold(ctx.text[start:end])
    lead = len(title) - len(title.lstrip(" \t*#0123456789.§)"))
    return any(p.match(title[lead:].rstrip()) for p in rules().titles)
