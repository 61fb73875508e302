"""People named beside a person another finder found: "Sirpa Ek och Anh Thu Tran har utsetts …", "fritidsledarna
Eva Ek och | Nhung Tran": a name joined by "och", "samt" or a comma to a found person's is a person's too, its
given name listed or not, where the name checks pass (two or three words, no organisation's word, no common word
first, not a sentence's first word that the text also writes in lower case)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kdextract.pattern_cache import compile_re
from kdextract.records.name_utils import is_role, is_sentence_start, lower_word_elsewhere
from kdextract.records.person_candidate import PCand
from kdextract.records.person_names import PARTICLE_RE, common_noun, name_ok, name_runs, organisation_like, unit_name
from kdextract.records.person_roles import leading_title

#: A joiner after a name and before the next: a comma, "och" or "samt" (its line may break after it).
_JOIN_AFTER = compile_re(r"[ \t]*,[ \t]*(?:\n[ \t]*)?|[ \t]+(?:och|samt)[ \t]*(?:\n[ \t]*|[ \t])")
#: The same joiner read backwards from a name's start.
_JOIN_BEFORE = compile_re(r"(?r)(?:[ \t]*,[ \t]*(?:\n[ \t]*)?|[ \t]+(?:och|samt)[ \t]*(?:\n[ \t]*|[ \t]))\Z")
#: The most characters a joiner takes.
_JOIN_REACH = 12


def find_coordinated(text: str, found: Iterable[PCand]) -> Iterator[PCand]:
    """A name joined to a found person's by "och", "samt" or a comma, on either side of it."""
    starts = {c.start for c in found}
    ends = {c.end for c in found}
    if not starts:
        return
    for m in name_runs(text):
        if m.start() in starts:
            continue  # already a person
        after = _JOIN_AFTER.match(text, m.end())
        before = _JOIN_BEFORE.search(text, max(0, m.start() - _JOIN_REACH), m.start())
        if not (after is not None and after.end() in starts or before is not None and before.start() in ends):
            continue
        toks, start = m.group().split(), m.start()
        if (lead := leading_title(m.group())) is not None:  # "samordnare Eva Ek": the title opens the run
            toks, start = toks[1:], m.start() + lead[0]
        if _person_like(text, toks, start):
            yield PCand(start, m.end(), " ".join(toks), rule="people/coordinated", score=0.75,
                        explanation="a name joined to a person's by 'och', 'samt' or a comma")


def _person_like(text: str, toks: list[str], start: int) -> bool:
    """Two or three name words that pass the strict name checks and open with no common word or role, and no
    company's name ("Ekby Vatten")."""
    words = [t for t in toks if not PARTICLE_RE.fullmatch(t)]
    if not 2 <= len(words) <= 3 or any(map(organisation_like, toks)) or is_role(toks[0]) or unit_name(toks):
        return False
    if common_noun(toks[0]) or lower_word_elsewhere(text, toks[0]) \
            or is_sentence_start(text, start) and lower_word_elsewhere(text, toks[0]):
        return False
    return name_ok(toks, text, strict=True)
