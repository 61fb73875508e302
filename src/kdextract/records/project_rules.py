"""The project cues of ``resources/sv/projects.json``, compiled once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from kdextract.models import ProjectStatus
from kdextract.parsers.numbers import NumberRules
from kdextract.pattern_cache import compile_re
from kdextract.records.clauses import any_word
from kdextract.resources import Pattern, Rules
from kdextract.text.fold import fold
from kdextract.text.required_words import may_match, required


class ProjectRuleFile(Rules, file="projects.json"):
    """How projects are named and described: introducing words, name shapes, status and time cues."""

    intro_words: Pattern
    typed_intro: Pattern
    hyphen_not_names: list[str]
    hyphen_suffix: Pattern
    title_patterns: list[Pattern]
    label_line: Pattern
    called_project: Pattern
    anaphora: Pattern
    not_a_project: Pattern
    stop_names: list[str]
    name_stop_words: list[str]
    verb_endings: list[str]
    slogan_verbs: list[str]
    clause_openers: list[str]
    purpose: Pattern
    purpose_weak: Pattern
    status_near_chars: int
    status: dict[ProjectStatus, Pattern]
    start_cues: Pattern
    end_cues: Pattern
    duration: list[Pattern]
    owner: list[Pattern]
    commissioned: Pattern
    leader_titles: Pattern
    initiative_suffixes: list[str]
    place_project_heads: Pattern
    period_words: list[str]
    owner_verbs: list[str]
    commission_verbs: list[str]
    acronym_context: str
    apposition_intro: Pattern


@dataclass(frozen=True)
class ProjectRules:
    intro: regex.Pattern[str]
    typed_intro: regex.Pattern[str]
    intro_needs: tuple[frozenset[str] | None, frozenset[str] | None]  # strings every match of each holds (required)
    hyphen_not_names: frozenset[str]
    hyphen: regex.Pattern[str]
    titles: tuple[regex.Pattern[str], ...]
    called: regex.Pattern[str]
    anaphora: regex.Pattern[str]
    not_project: regex.Pattern[str]
    stop_names: frozenset[str]
    purpose: regex.Pattern[str]
    purpose_weak: regex.Pattern[str]
    status_near: int
    status: tuple[tuple[ProjectStatus, regex.Pattern[str]], ...]
    start_cues: regex.Pattern[str]
    end_cues: regex.Pattern[str]
    durations: tuple[regex.Pattern[str], ...]
    owner: tuple[regex.Pattern[str], ...]
    commissioned: regex.Pattern[str]
    numbers: dict[str, int]
    name_stop_words: frozenset[str]
    verb_endings: tuple[str, ...]
    slogan_verbs: frozenset[str]
    period_word: regex.Pattern[str]
    clause_opener: regex.Pattern[str]  # a subjunction right before the intro word ('att projektet …')
    owner_verb: regex.Pattern[str]
    commission_verb: regex.Pattern[str]

@lru_cache(maxsize=1)
def rules() -> ProjectRules:
    d = ProjectRuleFile.load()
    nums = NumberRules.load()
    numbers = {fold(k): int(v) for k, v in {**nums.units, **nums.tens}.items() if int(v) > 0}
    num_alt = "|".join(sorted(map(regex.escape, numbers), key=len, reverse=True))

    def dur(p: str) -> regex.Pattern[str]:
        # a number word may be glued to "årig" and lose a letter to OCR ("tredrigt")
        p = p.replace(r"(?P<n>\d+|NUM)[-\s]?(?:arig|arigt|ariga)",
                      rf"(?:(?P<n>\d+)[-\s]?|(?P<n>{num_alt})[-\s]?)(?:arig|arigt|ariga){{s<=1:[a-z]}}")
        return compile_re(p.replace("NUM", num_alt), regex.V1)

    order: tuple[ProjectStatus, ...] = ("finished", "ongoing", "started", "planned")
    return ProjectRules(
        intro=compile_re(r"\b" + d.intro_words + r"\s+", regex.V1),
        typed_intro=compile_re(d.typed_intro, regex.V1),
        intro_needs=(required(r"\b" + d.intro_words + r"\s+"), required(d.typed_intro)),
        hyphen_not_names=frozenset(fold(w) for w in d.hyphen_not_names),
        hyphen=compile_re(r"-" + d.hyphen_suffix + r"\b", regex.V1),
        titles=tuple(compile_re(p, regex.V1) for p in d.title_patterns),
        called=compile_re(d.called_project, regex.V1),
        anaphora=compile_re(d.anaphora, regex.V1),
        not_project=compile_re(d.not_a_project, regex.V1),
        stop_names=frozenset(fold(w) for w in d.stop_names),
        purpose=compile_re(d.purpose, regex.V1),
        purpose_weak=compile_re(d.purpose_weak, regex.V1),
        status_near=d.status_near_chars,
        status=tuple((k, compile_re(d.status[k], regex.V1)) for k in order),
        start_cues=compile_re(d.start_cues, regex.V1),
        end_cues=compile_re(d.end_cues, regex.V1),
        durations=tuple(dur(p) for p in d.duration),
        owner=tuple(compile_re(p.replace("(?P<who>)", ""), regex.V1) for p in d.owner),
        commissioned=compile_re(d.commissioned, regex.V1),
        numbers=numbers,
        name_stop_words=frozenset(fold(w) for w in d.name_stop_words),
        verb_endings=tuple(d.verb_endings),
        slogan_verbs=frozenset(d.slogan_verbs),
        period_word=compile_re(any_word(d.period_words)),
        clause_opener=compile_re(any_word(fold(w) for w in d.clause_openers) + r"[ \t]+\Z"),
        owner_verb=compile_re(any_word(d.owner_verbs)),
        commission_verb=compile_re(any_word(d.commission_verbs)),
    )



def intro_matches(r: ProjectRules, folded: str) -> list[regex.Match[str]]:
    """The matches of ``r.intro`` and ``r.typed_intro`` in the folded text, by start; a pattern is run only over a
    text that holds a string every match of it holds (most texts name no project: both scans tried every word)."""
    intro_needs, typed_needs = r.intro_needs
    found = [*(r.intro.finditer(folded) if may_match(intro_needs, folded) else ()),
             *(r.typed_intro.finditer(folded) if may_match(typed_needs, folded) else ())]
    return sorted(found, key=lambda m: m.start())
