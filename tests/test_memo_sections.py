"""A memo's headings are its top-level sections; its subject line (ärendemening) is its title."""

from __future__ import annotations

import spacy

import kdextract
from kdextract.layout.memo import lift_memo_headings
from kdextract.layout.sections import segment
from kdextract.models import Section
from kdextract.text.normalize import normalize

MEMO = """Lindås kommun
Kultur- och fritidsförvaltningen

TJÄNSTESKRIVELSE
2026-03-04
Diarienummer KFN 2026/118
Handläggare: Maja Törnqvist, fritidskonsulent

Kultur- och fritidsnämnden

Nya öppettider i Ekbackens sporthall

Förslag till beslut
Kultur- och fritidsnämnden beslutar att förlänga öppettiderna i sporthallen från och med den 1 maj 2026.

Sammanfattning
Föreningarna har efterfrågat fler tider på kvällarna och hallen står i dag tom efter klockan 20.

Ärendet
Under hösten 2025 gjordes en enkät bland de föreningar som hyr hallen. En majoritet önskade senare tider.

Ekonomi
Den längre bemanningen kostar cirka 85 000 kronor per år och ryms inom nämndens budget.

Maja Törnqvist
Fritidskonsulent
"""

#: A memo whose headings follow its head block at once.
MEMO_WITHOUT_SUBJECT = """Lindås kommun
Samhällsbyggnadsförvaltningen
TJÄNSTESKRIVELSE
Datum 2026-02-10
Diarienummer KS 2026/40
Handläggare Per Holm

Förslag till beslut
Kommunstyrelsen beslutar att ge förvaltningen i uppdrag att ta fram en ny parkeringsnorm.

Bakgrund
Den nuvarande normen antogs 2012 och speglar inte dagens resvanor i kommunen.

Bedömning
Förvaltningen bedömer att en ny norm kan vara klar före sommaren 2027.
"""

PROTOCOL = """Lindås kommun
PROTOKOLL
Kommunstyrelsens arbetsutskott
Sammanträdesdatum 2026-04-14

§ 31 Ny parkeringsnorm
Dnr KS 2026/40

Förslag till beslut
Förvaltningen föreslår att arbetsutskottet godkänner förslaget till ny parkeringsnorm.

Beslut
Arbetsutskottet godkänner förslaget till ny parkeringsnorm.

§ 32 Öppettider i Ekbackens sporthall
Dnr KFN 2026/118

Beslut
Arbetsutskottet lägger informationen till handlingarna.
"""


def outline(text: str) -> list[tuple[str, int, str | None]]:
    return [(s.title, s.level, s.parent) for s in kdextract.parse(text, ner=False).sections]


def test_memo_headings_are_top_level_and_the_subject_line_is_the_title() -> None:
    doc = kdextract.parse(MEMO, ner=False)
    assert doc.meta.kind == "tjansteskrivelse"
    assert outline(MEMO) == [("Förslag till beslut", 1, None), ("Sammanfattning", 1, None),
                             ("Ärendet", 1, None), ("Ekonomi", 1, None)]
    assert [s.id for s in doc.sections] == ["sec-1", "sec-2", "sec-3", "sec-4"]
    assert {s.category for s in doc.sections} == {"topic"}
    assert doc.meta.title == "Nya öppettider i Ekbackens sporthall"
    title = doc.meta.evidence["title"]
    assert MEMO[title.start:title.end] == title.text == doc.meta.title
    # the subject line is read with the head block, before the first heading
    assert doc.preamble is not None and doc.preamble.end == doc.sections[0].start > title.end


def test_memo_records_point_at_the_heading_they_stand_under() -> None:
    doc = kdextract.parse(MEMO, ner=False)
    by_id: dict[str | None, str] = {s.id: s.title for s in doc.sections}
    decision = next(d for d in doc.decisions if "förlänga öppettiderna" in d.text)
    assert by_id[decision.section] == "Förslag till beslut"
    amount = next(a for a in doc.amounts if a.value == 85000)
    assert by_id[amount.section] == "Ekonomi"


def test_memo_without_a_subject_line_has_its_headings_side_by_side() -> None:
    doc = kdextract.parse(MEMO_WITHOUT_SUBJECT, ner=False)
    assert doc.meta.kind == "tjansteskrivelse"
    assert outline(MEMO_WITHOUT_SUBJECT) == [("Förslag till beslut", 1, None), ("Bakgrund", 1, None),
                                             ("Bedömning", 1, None)]
    first, second = doc.sections[:2]
    assert first.end == first.body_end == second.start  # the first heading no longer spans the others
    assert doc.meta.title == "TJÄNSTESKRIVELSE"  # no subject line: the title line stays the title


def test_protocol_items_keep_their_subheadings_under_them() -> None:
    assert kdextract.parse(PROTOCOL, ner=False).meta.kind == "protokoll"
    assert outline(PROTOCOL) == [
        ("Ny parkeringsnorm", 1, None), ("Förslag till beslut", 2, "sec-1"), ("Beslut", 2, "sec-1"),
        ("Öppettider i Ekbackens sporthall", 1, None), ("Beslut", 2, "sec-4")]


def test_lifting_leaves_numbered_items_and_plain_topics_alone() -> None:
    for text in (PROTOCOL, "Vårens arbete\n\nSkolan\nBygget går enligt plan och väntas vara klart i juni.\n"):
        view = normalize(text)
        preamble, sections = segment(view)
        assert lift_memo_headings(view.text, preamble, sections) == (preamble, sections, None)


def test_lifting_renumbers_a_later_topic_and_its_subheadings() -> None:
    text = MEMO.replace("Maja Törnqvist\nFritidskonsulent\n",
                        "Tidplan för införandet\n\nDe nya tiderna prövas ett år och utvärderas sedan.\n\n"
                        "Beslutsunderlag\nDenna tjänsteskrivelse och föreningarnas svar på enkäten.\n")
    view = normalize(text)
    preamble, sections = segment(view)
    last_two = [(s.title, s.level) for s in sections][-2:]
    assert last_two == [("Tidplan för införandet", 1), ("Beslutsunderlag", 2)]
    _, lifted, subject = lift_memo_headings(view.text, preamble, sections)
    assert subject is not None and subject.title == "Nya öppettider i Ekbackens sporthall"
    assert [(s.id, s.title, s.level, s.parent) for s in lifted][-3:] == [
        ("sec-4", "Ekonomi", 1, None), ("sec-5", "Tidplan för införandet", 1, None),
        ("sec-6", "Beslutsunderlag", 2, "sec-5")]


def test_sections_component_reads_a_memo_as_parse_does() -> None:
    nlp = spacy.blank("sv")
    nlp.add_pipe("kdextract_sections")
    found = nlp(MEMO)._.kd_sections
    parsed = kdextract.parse(MEMO, ner=False).sections
    def shape(sections: list[Section]) -> list[tuple[str, int, int, int]]:
        return [(s.title, s.level, s.start, s.end) for s in sections]

    assert shape(found) == shape(parsed)


#: A memo that text extraction ran onto one line: head form, subject line, headings and signature.
FLAT_MEMO = ("Lindås kommun Kultur- och fritidsförvaltningen TJÄNSTESKRIVELSE Handläggare Maja Törnqvist "
             "Datum 2026-03-04 Diarienummer KFN 2026/118 Kultur- och fritidsnämnden "
             "Nya öppettider i Ekbackens sporthall Förslag till beslut Kultur- och fritidsnämnden "
             "föreslås besluta att förlänga öppettiderna i sporthallen från och med den 1 maj 2026. "
             "Sammanfattning Föreningarna har efterfrågat fler tider på kvällarna och hallen står i dag "
             "tom efter klockan 20. Ärendet Under hösten 2025 gjordes en enkät bland de föreningar som "
             "hyr hallen. Ekonomiska konsekvenser Den längre bemanningen kostar cirka 85 000 kronor per "
             "år och ryms inom nämndens budget. Maja Törnqvist Fritidskonsulent")


def test_flattened_memo_finds_its_headings_after_the_subject_line_and_sentence_ends() -> None:
    doc = kdextract.parse(FLAT_MEMO, ner=False)
    assert doc.meta.kind == "tjansteskrivelse" and doc.meta.diarienummer == "KFN 2026/118"
    assert outline(FLAT_MEMO) == [("Förslag till beslut", 1, None), ("Sammanfattning", 1, None),
                                  ("Ärendet", 1, None), ("Ekonomiska konsekvenser", 1, None)]
    for s in doc.sections:
        assert FLAT_MEMO[s.title_start:s.title_end] == s.title


def test_a_form_value_is_no_heading_without_a_sentence_end_before_it() -> None:
    # in the tail of a head form, a sub-heading word that is no memo opening and follows no sentence end
    # stays in the text ("Bakgrund" here follows the subject line, not a sentence)
    text = FLAT_MEMO.replace("sporthall Förslag till beslut", "sporthall Bakgrund")
    assert "Bakgrund" not in [title for title, _, _ in outline(text)]


def test_a_memo_named_in_its_own_list_of_documents_keeps_its_headings() -> None:
    """The letterhead names the kind on the same line as the municipality; "Tjänsteskrivelse 2025-05-12" under
    "Beslutsunderlag" is a document of the list, no title that would make all above it a cover."""
    text = ("EKBY KOMMUN                          TJÄNSTESKRIVELSE\nMiljöförvaltningen                   2025-05-12\n\n"
            "Avgift för tillsyn av cisterner\n\nFörslag till beslut\nMiljönämnden antar avgiften.\n\n"
            "Ärendet\nTillsynen har inte haft någon avgift tidigare.\n\n"
            "Beslutsunderlag\nTjänsteskrivelse 2025-05-12\nBilaga, avgiftstabell\n")
    titles = [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1]
    assert titles == ["Förslag till beslut", "Ärendet", "Beslutsunderlag"]


REPLY = """Norrby kommun                                      YTTRANDE
Kommunstyrelsen                                    2026-02-10
                                                   Dnr KS 2026/31

Socialdepartementet

Remiss av promemorian Stärkt tillsyn över hemtjänsten

Norrby kommun har beretts möjlighet att lämna synpunkter på promemorian och
svarar här på de delar som rör kommunens verksamhet.

Sammanfattning
Kommunen tillstyrker förslagen men vill se längre tid för införandet.

Avsnitt 4.3 Krav på dokumentation
Kommunen delar bedömningen att dokumentationen behöver bli enhetligare och
välkomnar en nationell mall för genomförandeplaner.

Kapitel 7 Konsekvenser för kommunerna
Förslaget innebär ökade kostnader för kommunernas utförare som inte är
finansierade i promemorian.

Tove Almgren
Kommunstyrelsens ordförande
"""


def test_a_reply_to_a_referral_has_its_headings_on_top_without_their_part_labels() -> None:
    doc = kdextract.parse(REPLY, ner=False)
    assert doc.meta.kind == "other"
    found = [(s.title, s.level, s.number) for s in doc.sections if s.category != "preamble"]
    assert found == [("Sammanfattning", 1, None), ("Krav på dokumentation", 1, "4.3"),
                     ("Konsekvenser för kommunerna", 1, "7")]


def test_a_document_of_another_kind_keeps_its_first_heading_where_its_body_opens_otherwise() -> None:
    text = ("Ekby kommun\n\nLokalförsörjning i skolorna\nSkolorna i Ekby växer och två av dem är redan fulla i dag.\n\n"
            "Uppföljning\nNämnden följer frågan under våren och återkommer med förslag.\n")
    titles = [s.title for s in kdextract.parse(text, ner=False).sections if s.category != "preamble"]
    assert titles[0] == "Lokalförsörjning i skolorna"
