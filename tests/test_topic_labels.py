"""Topic labels with their colon run into one flattened paragraph ("… i maj. Ekonomi: Prognosen visar …"):
each is a level-1 section where the paragraph holds two or more; labels of forms, notices and action
points are not.

The fixtures are ours: an invented municipality (Grävlinge kommun) and invented people.
"""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.topic_labels import is_topic_label, topic_labels


def _top_titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1 and s.title]


_NEWSLETTER = (
    "Kommundirektörens rapport mars 2026 Grävlinge kommun Kommundirektör Lars Brännström "
    "Ekonomiskt läge: Bokslutet för förra året visar ett resultat på 8,2 mnkr. Nämnderna lämnar sina "
    "uppföljningar i april. Skola och förskola: Antagningen till förskoleklass är klar och 212 barn "
    "har fått plats. Bygglov och planer: Detaljplanen för Norra hamnen går ut på granskning i maj. "
    "Samhällsbyggnadsförvaltningen håller öppet hus den 14 april. Lars Brännström\n"
)


def test_topic_labels_in_a_flattened_newsletter_are_top_level_sections() -> None:
    assert _top_titles(_NEWSLETTER) == ["Ekonomiskt läge", "Skola och förskola", "Bygglov och planer"]


def test_a_topic_section_holds_its_paragraph_and_its_title_leaves_the_colon_out() -> None:
    doc = kdextract.parse(_NEWSLETTER, ner=False)
    school = next(s for s in doc.sections if s.title == "Skola och förskola")
    assert _NEWSLETTER[school.title_start:school.title_end] == "Skola och förskola"
    assert "212 barn" in _NEWSLETTER[school.start:school.end]
    assert "Norra hamnen" not in _NEWSLETTER[school.start:school.end]
    assert school.source.name == "sections/topic_label"


def test_one_label_alone_in_a_paragraph_is_no_section() -> None:
    text = ("Grävlinge kommun Information till fritidsnämnden 2026-04-02 Simhallen har varit stängd i två "
            "veckor för byte av reningsverket. Kostnad: Arbetet beräknas kosta 1,2 mnkr och ryms i budgeten. "
            "Simhallen öppnar igen den 20 april med vanliga öppettider för allmänheten och skolorna.\n")
    assert "Kostnad" not in _top_titles(text)


@pytest.mark.parametrize("label", ["Datum", "Plats", "Ansvarig", "Klart", "Dnr", "Beslut", "Obs", "Till",
                                   "Kopia till", "Nämnden har", "Det"])
def test_labels_of_forms_notices_and_sentences_are_no_topic_labels(label: str) -> None:
    assert not is_topic_label(label)


@pytest.mark.parametrize("label", ["Ekonomi", "Personal", "Övrigt", "Aktuella byggprojekt"])
def test_short_noun_phrases_are_topic_labels(label: str) -> None:
    assert is_topic_label(label)


def test_form_and_action_point_labels_in_flattened_minutes_stay_in_the_text() -> None:
    text = ("Minnesanteckningar arbetsgrupp lokaler Grävlinge kommun Mötet gick igenom läget för skolans "
            "ombyggnad. Datum: Nästa möte hålls i stadshuset. Obs: Lokalen byts till sal B i höst. "
            "Ansvarig: Eva Lindqvist. Klart: 2026-05-30. Till: Kommunstyrelsen. Mötet avslutades.\n")
    assert topic_labels(text, 0, len(text)) == []
    titles = _top_titles(text)
    assert not {"Datum", "Obs", "Ansvarig", "Klart", "Till"} & set(titles)


def test_a_label_after_an_abbreviation_is_no_topic_label() -> None:
    text = ("Rapport från kansliet Grävlinge kommun Underlaget finns i flera delar, t.ex. Ekonomi: Siffrorna "
            "kommer senare. Mötet pågår kl. Personal: Rekryteringen pågår fortfarande. Vi återkommer snart.\n")
    assert topic_labels(text, 0, len(text)) == []
