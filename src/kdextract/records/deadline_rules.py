"""The rule data of the deadline builder (``resources/sv/deadlines.json``), as typed lists."""

from __future__ import annotations

from kdextract.records.schedule_table import ScheduleColumns
from kdextract.resources import Rules, WordList

__all__ = ["DeadlineRules"]


class SumVerbs(WordList):
    """Verbs that state a sum, and the words between the sum and a date that the sum is for."""

    period_words: list[str]


class ParticlePassives(WordList):
    """Particles after a present passive that plan what a clause says, and the period words of its date."""

    period_words: list[str]
    present_verbs: list[str]
    purposes: list[str]
    duration_prepositions: list[str]
    duration_units: list[str]


class IntentCues(WordList):
    """Phrases of an intent that end in "att", and the adverbs that may follow their first word."""

    adverbs: list[str]


class LeadInModals(WordList):
    """The modals of a lead-in over a list of dated points, and the words after one that make the points due."""

    due_words: list[str]


class EarliestCues(WordList):
    """Due cues that a negation before them makes an earliest start ("kan inte starta före"), and the negations."""

    negations: list[str]


class Availability(WordList):
    """A writer's availability ("jag kan"), and the verbs of a promise after it that make it a plan's modal."""

    promise_verbs: list[str]
    adverbs: list[str]
    object_verbs: list[str]  # a promise only with one of ``objects`` (word beginnings) after them
    objects: list[str]


class ContactDetails(WordList):
    """Labels of contact details, the prepositions that open their addressee, and words that open a clause (no
    addressee's)."""

    prepositions: list[str]
    clause_words: list[str]


class DeadlineRules(Rules, file="deadlines.json"):
    """Cue phrases that make a dated clause a deadline, by kind, and the past-tense cues that do not."""

    kinds: dict[str, list[str]]
    form_labels: dict[str, list[str]]
    past: list[str]
    availability: Availability
    report_occasions: WordList
    sum_verbs: SumVerbs
    estimates: WordList
    start_words: WordList
    end_words: WordList
    weak_after_year: WordList
    what_stopwords: list[str]
    event_nouns: WordList
    event_compound_heads: WordList
    start_compound_heads: WordList
    owner_labels: WordList
    greeting_words: list[str]
    negations: WordList
    earliest: EarliestCues
    covers_words: WordList
    meeting_date_labels: WordList
    recurring_words: WordList
    particle_passives: ParticlePassives
    schedule_columns: ScheduleColumns
    lead_in_modals: LeadInModals
    intent_cues: IntentCues
    handover_verbs: WordList
    contact_details: ContactDetails
    form_label_past: WordList
    question_addressees: WordList
    motions: WordList
