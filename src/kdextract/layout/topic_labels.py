"""Topic labels run into flattened text with their colon: a report's or a newsletter's parts.

A PDF-to-text transcript that lost every line break runs a report's parts into one paragraph,
each part opened by a short label and its colon ("… i maj. Ekonomi: Prognosen visar … Personal:
Sjukfrånvaron har …"). Where a paragraph holds two or more, each label is a level-1 heading
(``layout.reflow`` sets it on a line of its own, ``layout.sections`` takes that line). A label is a noun
phrase of a few words (``sections.json`` 'topic_label'), the first capitalised, the rest in lower case,
no finite verb in it, and no label of a form, a notice or an action point ("Datum:", "Obs:", "Ansvarig:");
a sentence opens after it (a capital, then a lower-case word).

>>> t = "Rapport maj Ekonomi: Prognosen visar plus. Personal: Sjukfrånvaron har minskat."
>>> [t[a:b] for a, b in topic_labels(t, 0, len(t))]
['Ekonomi:', 'Personal:']
>>> topic_labels(t := "Mötet hölls i aulan. Obs: Lokalen byts i höst. Datum: Protokollet justeras snart.", 0, len(t))
[]
"""

from __future__ import annotations

from functools import lru_cache

import regex

from kdextract.layout.form import is_form_label
from kdextract.layout.rules import rules
from kdextract.pattern_cache import compile_re
from kdextract.text.sentences import abbreviation_set

#: Fewest topic labels in one paragraph that make them headings.
MIN_LABELS = 2

#: The words before a label that end a sentence ("… i maj."; an abbreviation, "t.ex.", "kl.", ends none).
_SENTENCE_END = compile_re(r"\p{Ll}{2}[.!?]$")
#: A sentence end anywhere before a label: what makes it no first label after the document's head.
_ANY_SENTENCE_END = compile_re(r"\p{Ll}{2}[.!?](?:\s|$)")


@lru_cache(maxsize=1)
def _words() -> str:
    """The words of a label: a capitalised one, then up to ``max_words`` - 1 in lower case."""
    more = rules().topic_label_words - 1
    return rf"(?P<label>\p{{Lu}}\p{{Ll}}[\p{{Ll}}-]*(?:[ \t]+\p{{Ll}}[\p{{Ll}}-]*){{0,{more}}})"


@lru_cache(maxsize=1)
def _label() -> regex.Pattern[str]:
    """A label and its colon, a sentence opening after it."""
    return compile_re(r"(?<!\S)" + _words() + r":[ \t]+(?=\p{Lu}\p{Ll}+[ \t]+\p{Ll})")


@lru_cache(maxsize=1)
def _line_label() -> regex.Pattern[str]:
    """A line that holds a label and its colon only."""
    return compile_re(_words() + ":")


def label_line(line: str) -> int | None:
    """The length of the topic label that ``line`` holds with its colon alone ("Ekonomi:"), or None."""
    m = _line_label().fullmatch(line)
    return len(m.group("label")) if m is not None and is_topic_label(m.group("label")) else None


def is_topic_label(label: str) -> bool:
    """``label`` (its colon left off) may name a topic: no finite verb, no sentence's subject, no known label."""
    r = rules()
    words = label.split()
    key = " ".join(words).casefold()
    return (bool(words) and len(words) <= r.topic_label_words and key not in r.not_topic_labels
            and key not in r.subheadings and not is_form_label(label) and r.case_label.fullmatch(label) is None
            and words[0] not in r.sentence_pronouns and r.sentence_subject.match(words[0]) is None
            and not any(w.casefold() in r.finite_verbs for w in words))


def topic_labels(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The topic labels (start, end after the colon) in the flattened paragraph ``text[start:end]``: each after a
    sentence end, the first one also after the document's head (no sentence end before it), or none where
    fewer than ``MIN_LABELS`` are found."""
    out: list[tuple[int, int]] = []
    for m in _label().finditer(text, start, end):
        before = text[start:m.start()].rstrip()
        last = before.rsplit(None, 1)[-1].casefold() if before else ""
        after_sentence = not before or _SENTENCE_END.search(before) is not None and last not in abbreviation_set()
        first = not out and _ANY_SENTENCE_END.search(before) is None
        if (after_sentence or first) and is_topic_label(m.group("label")):
            out.append((m.start(), m.start("label") + len(m.group("label")) + 1))
    return out if len(out) >= MIN_LABELS else []
