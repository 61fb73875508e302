"""The pre-check of a pattern that opens with a fuzzy word list (``kdextract.text.fuzzy_lead``)."""

from __future__ import annotations

import random

from kdextract.records.project_rules import ProjectRuleFile
from kdextract.text.fuzzy_lead import FuzzyLead

PATTERN = r"\b(?:(?:projektledare|projektagare){e<=1})(?:\s+(?:for|i))?\s*[,:]?\s+"


def test_halves_of_the_words() -> None:
    assert FuzzyLead(PATTERN).halves == ["projek", "tagare", "tledare"]


def test_a_misspelt_title_is_still_found_and_a_text_without_halves_is_skipped() -> None:
    lead = FuzzyLead(PATTERN)
    assert [m.group() for m in lead.finditer("ny projektlerare: Eva")] == ["projektlerare: "]
    assert list(lead.finditer("ny projketledare Eva")) == []  # a transposition: two errors
    assert lead.halves is not None and not any(h in "nämndens ordförande Eva" for h in lead.halves)
    assert list(lead.finditer("nämndens ordförande Eva")) == []


def test_another_shape_is_always_scanned() -> None:
    assert FuzzyLead(r"(?i)\b(?:(?:projektledare){e<=1})\s+").halves is None  # inline flags
    assert FuzzyLead(r"\b(?:(?:projektledare){e<=2})\s+").halves is None  # two errors
    assert FuzzyLead(r"\bprojektledare\s+").halves is None


def test_the_pre_check_never_loses_a_match() -> None:
    """Texts of the titles with random edits: what the pattern finds, the pre-checked scan finds."""
    lead = FuzzyLead(ProjectRuleFile.load().leader_titles)
    rnd = random.Random(7)
    words = ["projektledare", "projektkoordinator", "projektsamordnare", "projektagare", "ledare", "samordnare"]
    letters = "abcdeiklnoprståäö -,:\n"
    for _ in range(3000):
        parts = []
        for _ in range(rnd.randint(1, 4)):
            word = rnd.choice(words)
            for _ in range(rnd.choice([0, 1, 1, 2])):
                k = rnd.randrange(len(word) + 1)
                word = rnd.choice([word[:k] + rnd.choice(letters) + word[k + 1:], word[:k] + rnd.choice(letters)
                                   + word[k:], word[:k] + word[k + 1:]])
            parts += [word, rnd.choice([" ", ": ", " for ", "x", "\n"])]
        text = "".join(parts)
        assert [m.span() for m in lead.finditer(text)] == [m.span() for m in lead.pattern.finditer(text)], text
