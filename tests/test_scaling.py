"""parse() grows about linearly with the text; the lookup indexes behind that agree with plain scans."""

from __future__ import annotations

import random

import pytest

import kdextract
from kdextract.layout.sections import SectionIndex
from kdextract.models import Section, Source
from kdextract.testing.timing import cpu_seconds
from kdextract.text.spans import Coverage, SpanIndex, enclosure

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]
PARAGRAPHS = [
    "Kommunstyrelsen beslutade den {d} {m} att förlänga avtalet i 12 månader. Avtalsperioden löper ut {y}-06-30.",
    "Kommunstyrelsen ger nämnden i uppdrag att redovisa en plan senast den {d} {m} {y}. "
    "Kostnaden beräknas till 3,7 miljoner kr.",
    "Ärendet återkommer till sammanträdet den {d} {m}. Underlaget mejlas ut under eftermiddagen den {d} {m}.",
    "Verksamhetsplan {y} fastställdes i april. Projektet startar vid årsskiftet och pågår 2022–2025.",
]


def _text(paragraphs: int) -> str:
    """A municipal-style text of dated decisions, deadlines and amounts."""
    rnd = random.Random(7)
    return "\n\n".join(
        PARAGRAPHS[i % len(PARAGRAPHS)].format(d=rnd.randint(1, 28), m=rnd.choice(MONTHS), y=rnd.randint(2010, 2025))
        for i in range(paragraphs))


@pytest.mark.slow
def test_four_times_the_text_takes_well_under_eight_times_as_long() -> None:
    kdextract.parse(_text(4), ner=False)  # resources load outside the timings
    short_text, long_text = _text(100), _text(400)
    short = cpu_seconds(lambda: kdextract.parse(short_text, ner=False))
    long = cpu_seconds(lambda: kdextract.parse(long_text, ner=False))
    # linear gives about 4x; the per-item scans this guards against gave more than 15x here
    assert long < 8 * short, f"{long:.2f} s against {short:.2f} s: {long / short:.1f}x for 4x the text"


def _spans(rnd: random.Random) -> list[tuple[int, int]]:
    return [(a, a + rnd.randint(1, 20)) for a in (rnd.randint(0, 60) for _ in range(rnd.randint(0, 8)))]


def test_indexes_agree_with_scans() -> None:
    rnd = random.Random(1)
    src = Source(method="rule", name="test")
    for _ in range(300):
        spans = _spans(rnd)
        sections = [Section(id=f"sec-{i}", title="", category="topic", level=rnd.randint(1, 3), start=a, end=b,
                            title_start=a, title_end=a, body_start=a, body_end=b, source=src)
                    for i, (a, b) in enumerate(spans)]
        by_section, covered, holds = SectionIndex(sections), Coverage(spans), enclosure(spans)
        by_span = SpanIndex((a, b, i) for i, (a, b) in enumerate(spans))
        for x in range(85):
            inside = [s for s in sections if s.start <= x < s.end]
            assert by_section.at(x) == max(inside, key=lambda s: (s.level, sections.index(s)), default=None)
            y = x + rnd.randint(0, 25)
            assert by_span.within(x, y) == [i for i, (a, b) in enumerate(spans) if x <= a and b <= y]
            assert holds(x, y) == any(a <= x and y <= b for a, b in spans)
            if x < y:
                assert covered.overlaps(x, y) == any(a < y and x < b for a, b in spans)
