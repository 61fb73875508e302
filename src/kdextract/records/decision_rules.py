"""The decision cues and block headings of ``resources/sv/decisions.json``, compiled once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from kdextract.models import DecisionKind, DecisionOutcome
from kdextract.parsers.dates.lexicon import lexicon
from kdextract.pattern_cache import compile_re
from kdextract.records.clauses import any_word, compile_folded
from kdextract.resources import Part, Pattern, Rules
from kdextract.text.required_words import required

Voice = Literal["active", "passive", "assignee"]


class CueRule(Part):
    """A decision cue: a pattern on folded text, the kind of decision it marks and its voice."""

    id: str
    kind: DecisionKind
    voice: Voice
    pattern: Pattern
    support: bool = False
    plans_block: bool = False
    minutes_only: bool = False
    schedule_block: bool = False


class BlockHeadings(Part):
    """Headings over a decision block, and over a proposal block."""

    decision: list[Pattern]
    proposal: list[Pattern]


class DecisionRuleFile(Rules, file="decisions.json"):
    """How decisions are written: block headings, cues in running text, reservations."""

    block_headings: BlockHeadings
    inline_heading: Pattern
    table_column: Pattern
    table_delegate_column: Pattern
    stop_headings: list[Pattern]
    reservation: list[Pattern]
    cues: list[CueRule]
    blockers_before: Pattern
    proposal_verbs: Pattern
    relative_clause_breaks: Pattern
    cleft_before: Pattern
    list_lead_in: Pattern
    reply_subjects: Pattern
    other_authority_names: Pattern
    other_authority_subjects: Pattern
    other_authority_agents: Pattern
    other_authority_kinds: list[str]
    passive_modals: Pattern
    negated_outcome: Pattern
    negation_inside: Pattern
    attribute_before: Pattern
    assembly_nouns: Pattern
    own_body_heads: dict[str, str]
    as_proposed: Pattern
    proposes_after_cue: Pattern
    board_heads: list[str]
    board_owner_kinds: list[str]
    minutes_kinds: list[str]
    outcomes: dict[DecisionOutcome, list[Pattern]]
    votes: list[Pattern]
    vote_words: Pattern
    participles: list[str]
    meeting_words: list[str]
    office_subjects: list[str]
    same_meeting: Pattern
    meeting_head_labels: list[str]
    split_heading_words: list[str]
    past_report: Pattern
    ownerless_proposal: Pattern
    proposal_to: Pattern


@dataclass(frozen=True)
class Cue:
    id: str
    kind: DecisionKind
    voice: Voice
    pattern: regex.Pattern[str]
    support: bool = False
    plans_block: bool = False
    minutes_only: bool = False
    schedule_block: bool = False
    needs: frozenset[str] | None = None  # strings of which every match holds one (``text.required_words``)

@dataclass(frozen=True)
class DecisionRules:
    block_decision: regex.Pattern[str]
    block_proposal: regex.Pattern[str]
    inline_heading: regex.Pattern[str]
    table_column: regex.Pattern[str]
    table_delegate_column: regex.Pattern[str]
    stop_heading: regex.Pattern[str]
    reservation: regex.Pattern[str]
    cues: tuple[Cue, ...]
    blockers: regex.Pattern[str]
    cleft: regex.Pattern[str]
    proposal_verbs: regex.Pattern[str]
    relative_clause_breaks: regex.Pattern[str]
    list_lead_in: regex.Pattern[str]
    reply_subject: regex.Pattern[str]
    other_authority: regex.Pattern[str]
    other_authority_agent: regex.Pattern[str]  # such a body as a passive's agent, matched after the cue
    other_authority_kinds: frozenset[str]
    passive_modals: regex.Pattern[str]
    negated_outcome: regex.Pattern[str]
    negation: regex.Pattern[str]
    attribute_before: regex.Pattern[str]
    assembly: regex.Pattern[str]
    own_body_heads: dict[str, str]  # a generic head in its definite form -> its stem
    as_proposed: regex.Pattern[str]
    proposes_after_cue: regex.Pattern[str]
    board_heads: frozenset[str]
    board_owner_kinds: frozenset[str]
    minutes_kinds: frozenset[str]
    outcomes: tuple[tuple[DecisionOutcome, regex.Pattern[str]], ...]
    votes: tuple[regex.Pattern[str], ...]
    vote_words: regex.Pattern[str]
    participles: frozenset[str]
    meeting_word: regex.Pattern[str]
    office_subject: regex.Pattern[str]
    same_meeting: regex.Pattern[str]
    meeting_head: regex.Pattern[str]  # a meeting head's label right before the end (its day follows)
    ownerless_proposal: regex.Pattern[str]
    proposal_to: regex.Pattern[str]  # a proposal's verb before the body put to decide, or its passive
    split_heading_words: frozenset[str]
    past_report: regex.Pattern[str]
    version: int

@lru_cache(maxsize=1)
def rules() -> DecisionRules:
    data = DecisionRuleFile.load()
    heads = data.block_headings
    return DecisionRules(
        block_decision=compile_re(r"^(?:" + "|".join(heads.decision) + r")$", regex.V1),
        block_proposal=compile_re(r"^(?:" + "|".join(heads.proposal) + r")$", regex.V1),
        inline_heading=compile_re(r"^[ \t]*[*_#]*[ \t]*(?:" + data.inline_heading + r")[*_ \t]*(?=\S)",
                                     regex.V1),
        table_column=compile_re(data.table_column, regex.V1),
        table_delegate_column=compile_re(data.table_delegate_column, regex.V1),
        stop_heading=compile_re(r"^(?:" + "|".join(data.stop_headings) + r")$", regex.V1),
        reservation=compile_folded(data.reservation),
        cues=tuple(Cue(c.id, c.kind, c.voice, compile_re(c.pattern, regex.V1), c.support, c.plans_block,
                       c.minutes_only, c.schedule_block, required(c.pattern, regex.V1))
                   for c in data.cues),
        blockers=compile_re(data.blockers_before, regex.V1),
        cleft=compile_re(data.cleft_before, regex.V1),
        proposal_verbs=compile_re(data.proposal_verbs, regex.V1),
        relative_clause_breaks=compile_re(data.relative_clause_breaks, regex.V1),
        list_lead_in=compile_re(data.list_lead_in, regex.V1),
        reply_subject=compile_re(data.reply_subjects, regex.V1),
        other_authority=compile_re(data.other_authority_subjects.replace("{names}", data.other_authority_names),
                                   regex.V1),
        other_authority_agent=compile_re(data.other_authority_agents.replace("{names}", data.other_authority_names),
                                         regex.V1),
        other_authority_kinds=frozenset(data.other_authority_kinds),
        passive_modals=compile_re(data.passive_modals, regex.V1),
        negated_outcome=compile_re(data.negated_outcome, regex.V1),
        negation=compile_re(data.negation_inside, regex.V1),
        attribute_before=compile_re(data.attribute_before, regex.V1),
        assembly=compile_re(r"\b([\w-]+s)\s+(?:[\w-]+\s+)?" + data.assembly_nouns + r"\b", regex.V1),
        own_body_heads=dict(data.own_body_heads),
        as_proposed=compile_re(data.as_proposed, regex.V1),
        proposes_after_cue=compile_re(data.proposes_after_cue, regex.V1),
        board_heads=frozenset(data.board_heads),
        board_owner_kinds=frozenset(data.board_owner_kinds),
        minutes_kinds=frozenset(data.minutes_kinds),
        outcomes=tuple((k, compile_folded(ps + [data.as_proposed] if k == "approved" else ps))
                       for k, ps in data.outcomes.items()),
        votes=tuple(compile_re(p, regex.V1) for p in data.votes),
        vote_words=compile_re(data.vote_words, regex.V1),
        participles=frozenset(data.participles),
        meeting_word=compile_re(any_word(data.meeting_words)),
        office_subject=compile_re(r"(?<![\w-])[\w-]*(?:" + "|".join(map(regex.escape, data.office_subjects))
                                     + r")\s*$", regex.V1),
        same_meeting=compile_re(r"\s*(?:" + data.same_meeting + r")\b"),
        meeting_head=compile_re(r"(?:(?<![^\n])|[ ]{2,}|\t)[ \t]*(?:" + "|".join(
            regex.escape(w).replace(r"\ ", r"\s+") for w in data.meeting_head_labels)
            + r")[ \t]*:?[ \t]*(?:\n[ \t]*)?\Z"),
        ownerless_proposal=compile_re(data.ownerless_proposal, regex.V1),
        proposal_to=compile_re(data.proposal_to, regex.V1),
        split_heading_words=frozenset(data.split_heading_words),
        past_report=compile_re(data.past_report.replace("{month}", "|".join(
            sorted(lexicon().months, key=lambda w: (-len(w), w)))), regex.V1),
        version=data.version,
    )
