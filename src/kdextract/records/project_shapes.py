"""Project names in the shapes running text and agendas give them beyond "projektet X":

* the project a person leads: "Anna Berg, projektledare, Grön omställning Norr, ärende 4";
* an initiative written as one capitalised compound: "Kunskapslyftet", "Fritidslyftet";
* a place's project: "Ålidens vattenvårdsprojekt", "Norrbyns cykelprogram".

Words and patterns live in ``resources/sv/projects.json``.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.records.context import Context
from kdextract.records.name_utils import is_first_name, is_sentence_start, lower_word_elsewhere
from kdextract.records.project_names import ProjectCandidate, name_at, ok_name
from kdextract.records.project_rules import ProjectRuleFile
from kdextract.text.lexicon import load_lexicon


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    data = ProjectRuleFile.load()
    suffixes = "|".join(sorted(map(regex.escape, data.initiative_suffixes), key=len, reverse=True))
    leader = regex.compile(data.leader_titles, regex.V1)
    initiative = regex.compile(r"(?<![\p{L}\d-])\p{Lu}\p{Ll}{2,}(?:" + suffixes + r")(?![\p{L}\d-])", regex.V1)
    place = regex.compile(r"(?<![\p{L}\d-])(?P<place>\p{Lu}[\p{L}-]+s)[ \t]+(?P<head>" + data.place_project_heads
                          + r")(?![\p{L}\d-])", regex.V1)
    return leader, initiative, place


def shaped_candidates(ctx: Context, folded: str) -> list[ProjectCandidate]:
    """Project names led by a person, initiative compounds and a place's projects in ``ctx.text``."""
    leader, initiative, place = _patterns()
    text = ctx.text
    found: list[ProjectCandidate] = []
    for m in leader.finditer(folded):
        span = name_at(ctx, m.end())
        if span is None or not text[span[0]:span[0] + 1].isupper() or is_first_name(text[span[0]:span[1]].split()[0]):
            continue  # "projektledare Anna Berg": a person
        name = text[span[0]:span[1]].strip(" .,;:")
        if ok_name(ctx, name):
            found.append(ProjectCandidate(span[0], span[0] + len(name), name, rule="projects/led_by",
                                          score=0.7))
    for m in initiative.finditer(text):
        if is_sentence_start(text, m.start()) and lower_word_elsewhere(text, m.group()):
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
