"""Project names in the shapes running text and agendas give them beyond "projektet X":

* the project a person leads: "Anna Berg, projektledare, Grön omställning Norr, ärende 4";
* an initiative written as one capitalised compound: "Kunskapslyftet", "Fritidslyftet";
* a place's project: "Ålidens vattenvårdsprojekt", "Norrbyns cykelprogram";
* a name in apposition to an indefinite project word: "en ny satsning, Nya jobb i Ekby,";
* a project form's label line: "Projekt: Trygga stråk Norrby", "Projektnamn: Ekby Nära";
* a name with its acronym in brackets on a line that speaks of a project or its steering group:
  "Styrgrupp Digitalt bygglov (DIBY)", "projektet Trygg i Ekby (TRE)";
* the document's title line, in its head before the first heading, read as a section's title is
  ("Projektstatusrapport – Nya Ekbadet").

Words and patterns live in ``resources/sv/projects.json``.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.pattern_cache import compile_re
from kdextract.records.context import Context
from kdextract.records.name_utils import is_first_name, is_sentence_start, lower_word_elsewhere
from kdextract.records.project_names import ProjectCandidate, name_at, ok_name
from kdextract.records.project_rules import ProjectRuleFile, rules
from kdextract.text.fuzzy_lead import FuzzyLead
from kdextract.text.lexicon import load_lexicon
from kdextract.text.lines import line_at
from kdextract.text.word_starts import after_blanks


@lru_cache(maxsize=1)
def _patterns() -> tuple[FuzzyLead, regex.Pattern[str], regex.Pattern[str]]:
    data = ProjectRuleFile.load()
    suffixes = "|".join(sorted(map(regex.escape, data.initiative_suffixes), key=len, reverse=True))
    leader = FuzzyLead(data.leader_titles)
    initiative = compile_re(r"(?<![\p{L}\d-])\p{Lu}\p{Ll}{2,}(?:" + suffixes + r")(?![\p{L}\d-])", regex.V1)
    place = compile_re(r"(?<![\p{L}\d-])(?P<place>\p{Lu}[\p{L}-]+s)[ \t]+(?P<head>" + data.place_project_heads
                          + r")(?![\p{L}\d-])", regex.V1)
    return leader, initiative, place


#: A compound initiative that heads an item of a price list: "Båtlyft: 800 kr per tillfälle" is a fee, no initiative
#: (matched from its colon, after the initiative's blanks: ``after_blanks``).
_FEE_ITEM = compile_re(r":[ \t]*\d[\d \u00a0]*(?:,\d+)?[ \t]*(?i:kr|kronor|sek)(?:[ \t]*/|[ \t]+per[ \t])")


def _fee_item(text: str, end: int) -> bool:
    """A price list's colon and fee follow the initiative that ends at ``end``."""
    return _FEE_ITEM.match(text, after_blanks(text, end)) is not None


@lru_cache(maxsize=1)
def _label_line() -> regex.Pattern[str]:
    return compile_re(ProjectRuleFile.load().label_line, regex.V1 | regex.MULTILINE)


def _labelled(ctx: Context, folded: str) -> list[ProjectCandidate]:
    """The name after a project form's label, the rest of its line ("Projekt: Trygga stråk Norrby")."""
    found: list[ProjectCandidate] = []
    for m in _label_line().finditer(folded):
        end = folded.find("\n", m.end())
        name = ctx.text[m.end():end if end >= 0 else len(folded)].strip(" .,;:")
        if name[:1].isupper() and ok_name(ctx, name):
            found.append(ProjectCandidate(m.end(), m.end() + len(name), name, rule="projects/label", score=0.85))
    return found


_LINE = compile_re(r"[^\n]+")
#: How many lines of the document's head are read for its title, and the longest one read (a flattened page's
#: one line is no title).
_TITLE_LINES, _TITLE_CHARS = 12, 150


def _title_line(ctx: Context, folded: str) -> list[ProjectCandidate]:
    """The project a line of the document's head names as a section's title would ("Projektstatusrapport – X")."""
    head = ctx.doc.preamble
    found: list[ProjectCandidate] = []
    for n, m in enumerate(_LINE.finditer(folded, head.start, head.end) if head is not None else ()):
        line = m.group().strip()
        if n >= _TITLE_LINES:
            break
        if len(line) > _TITLE_CHARS or rules().intro.match(line):
            continue  # ("Projektet Grön skolgård genomfördes …": the rule of "projektet X" ends the name)
        at = m.start() + len(m.group()) - len(m.group().lstrip())
        for pattern in rules().titles:
            tm = pattern.match(line)
            if tm is None:
                continue
            name = ctx.text[at + tm.start("name"):at + tm.end("name")].strip(" .,;:-–")
            if name[:1].isupper() and ok_name(ctx, name):
                a = ctx.text.index(name, at + tm.start("name"))
                found.append(ProjectCandidate(a, a + len(name), name, rule="projects/title_line", score=0.8))
            break
    return found


#: An acronym in brackets after a name: "(DIBY)".
_ACRONYM = compile_re(r"[ \t]\((?P<a>\p{Lu}[\p{Lu}\d&-]{1,9})\)")
#: The words before an acronym, on its line (read backwards): at most eight.
_WORDS_BEFORE = compile_re(r"(?r)(?:[\p{L}\d-]+[ \t]+){0,7}[\p{L}\d-]+")
_WORD = compile_re(r"[\p{L}\d-]+")
_CONNECTORS = frozenset({"och", "i", "för", "på", "av", "till", "med", "&"})


def _spells(acronym: str, words: list[str]) -> bool:
    """``acronym`` is made of the beginnings of ``words`` in order, one or more letters of each (a connector's
    may be left out): "DIBY" of "Digitalt bygglov", "KFÄ" of "Kompetens för äldreomsorg"."""
    acro = acronym.casefold().replace("-", "")

    def fits(i: int, k: int) -> bool:
        if k == len(words):
            return i == len(acro)
        word = words[k].casefold()
        if word in _CONNECTORS and fits(i, k + 1):
            return True
        return any(word[:n] == acro[i:i + n] and fits(i + n, k + 1) for n in range(1, min(len(word), len(acro) - i) + 1))

    return fits(0, 0)


def _named_with_acronym(ctx: Context, folded: str, context: regex.Pattern[str]) -> list[ProjectCandidate]:
    """A capitalised name before its acronym in brackets, on a line that speaks of a project (``context``);
    each such line read once."""
    text = ctx.text
    found: list[ProjectCandidate] = []
    done = -1  # the end of the last line read
    for hit in context.finditer(folded):
        if hit.start() < done:
            continue
        line, done = line_at(text, hit.start())
        for m in _ACRONYM.finditer(text, line, done):
            before = _WORDS_BEFORE.match(text, line, m.start())  # (read backwards: it ends at the bracket)
            if before is None:
                continue
            words = [(w.start(), w.group()) for w in _WORD.finditer(text, before.start(), m.start())]
            for k in range(len(words) - 1):  # the longest name first; one word is no name here
                start, first = words[k]
                if first[:1].isupper() and _spells(m.group("a"), [w for _, w in words[k:]]):
                    name = text[start:m.start()].strip()
                    if ok_name(ctx, name):
                        found.append(ProjectCandidate(start, start + len(name), name, rule="projects/acronym",
                                                      score=0.75))
                    break
    return found


@lru_cache(maxsize=1)
def _acronym_context() -> regex.Pattern[str]:
    return compile_re(ProjectRuleFile.load().acronym_context, regex.V1)


@lru_cache(maxsize=1)
def _apposition_intro() -> regex.Pattern[str]:
    return compile_re(ProjectRuleFile.load().apposition_intro, regex.V1)


def _apposed(ctx: Context, folded: str) -> list[ProjectCandidate]:
    """A capitalised name in apposition to an indefinite project word, closed by a comma or a period ("en ny
    satsning, Nya jobb i Ekby, kommer …")."""
    found: list[ProjectCandidate] = []
    for m in _apposition_intro().finditer(folded):
        span = name_at(ctx, m.end())
        if span is None or not ctx.text[span[0]:span[0] + 1].isupper():
            continue
        name = ctx.text[span[0]:span[1]].strip(" .,;:")
        closer = ctx.text[span[0] + len(name):span[0] + len(name) + 1]
        if closer in (",", ".") and not is_first_name(name.split()[0]) and ok_name(ctx, name):
            found.append(ProjectCandidate(span[0], span[0] + len(name), name, rule="projects/apposition", score=0.75))
    return found


def shaped_candidates(ctx: Context, folded: str) -> list[ProjectCandidate]:
    """Project names led by a person, initiative compounds, a place's projects, names with their acronym and a
    title line's in ``ctx.text``."""
    leader, initiative, place = _patterns()
    text = ctx.text
    found: list[ProjectCandidate] = _named_with_acronym(ctx, folded, _acronym_context()) + _labelled(ctx, folded) \
        + _title_line(ctx, folded) + _apposed(ctx, folded)
    for m in leader.finditer(folded):
        if folded[max(0, m.start() - 1):m.start()] == "(":
            continue  # "Sofia Niva (projektledare), Jukka …": a role in brackets belongs to the name before it
        span = name_at(ctx, m.end())
        if span is None or not text[span[0]:span[0] + 1].isupper() or is_first_name(text[span[0]:span[1]].split()[0]):
            continue  # "projektledare Anna Berg": a person
        name = text[span[0]:span[1]].strip(" .,;:")
        if ok_name(ctx, name):
            found.append(ProjectCandidate(span[0], span[0] + len(name), name, rule="projects/led_by",
                                          score=0.7))
    for m in initiative.finditer(text):
        if is_sentence_start(text, m.start()) and lower_word_elsewhere(text, m.group()) \
                or _fee_item(text, m.end()):
            continue
        if ok_name(ctx, m.group()):
            found.append(ProjectCandidate(m.start(), m.end(), m.group(), rule="projects/initiative",
                                          score=0.75))
    for m in place.finditer(text):
        owner = m.group("place")
        # the lexicon is loaded only here: most texts have no such phrase (and clean ones need no lexicon)
        if owner.casefold() in load_lexicon().common or lower_word_elsewhere(text, owner):
            continue  # "Kommunens utvecklingsprojekt": a common word, not a place
        name = m.group()
        if ok_name(ctx, name):
            found.append(ProjectCandidate(m.start(), m.end(), name, rule="projects/place_project",
                                          score=0.75))
    return found
