"""sect5: section shapes that hold for any municipality's documents (cut extracts, deeper numbering …)."""

from __future__ import annotations

import kdextract


def top_titles(text: str) -> list[str]:
    """The top-level section titles of ``parse`` (no NER)."""
    return [s.title for s in kdextract.parse(text, ner=False).sections if s.level == 1]


NOTES_HEAD = """Minnesanteckningar
Styrgruppen för fiberutbyggnad
2026-02-10

1. Inledning
Ordföranden hälsade alla välkomna och gick igenom dagordningen.

2. Lägesrapport
Projektledaren redogjorde för grävningen i de norra byarna.

"""


def test_last_heading_cut_inside_a_word_is_no_section() -> None:
    """An extract that stops in the middle of its last item's title ("3. Tid", "3. Utbyggnadsplanen för ostli") leaves
    a fragment, no title."""
    for tail in ("3. Ti\n", "3. Utbyggnadsplanen för ostli\n", "3. Avtal med\n"):
        assert top_titles(NOTES_HEAD + tail) == ["Inledning", "Lägesrapport"], tail


def test_last_heading_that_ends_in_a_whole_word_stays() -> None:
    """A last item with nothing under it is a section where its title ends in a whole word, a number or an
    abbreviation."""
    for tail, title in (("3. Nya mål\n", "Nya mål"), ("3. Mötets avslutande", "Mötets avslutande"),
                        ("3. Budget 2027\n", "Budget 2027"), ("3. Frågor om IT\n", "Frågor om IT")):
        assert top_titles(NOTES_HEAD + tail) == ["Inledning", "Lägesrapport", title], tail


REPORT = """Utredning om lokalbehov
2026-03-04

1 Bakgrund
Nämnden gav förvaltningen i uppdrag att se över lokalerna.

2 Nuläge
Kommunen har i dag tre förskolor och två skolor.

2.1 Förskolor
Förskolorna har varit fullbelagda i flera år.

2.2 Skolor
Skolorna har viss ledig kapacitet.

2.2.1 Skolan i norr
Skolan i norr har två tomma klassrum.

2.2.2 Skolan i söder
Skolan i söder är full.

3 Förslag
Förvaltningen föreslår en ny förskola i söder.
"""


def test_third_level_number_is_a_part_of_its_second_level_heading() -> None:
    """"2.2.1 Skolan i norr" under "2.2 Skolor" is a part of that part: level 3, its parent "2.2"; "3 Förslag" ends
    both."""
    sections = kdextract.parse(REPORT, ner=False).sections
    by_title = {s.title: s for s in sections}
    assert [s.title for s in sections if s.level == 1] == ["Bakgrund", "Nuläge", "Förslag"]
    assert [(s.title, s.level) for s in sections if s.level > 1] == [
        ("Förskolor", 2), ("Skolor", 2), ("Skolan i norr", 3), ("Skolan i söder", 3)]
    assert by_title["Skolan i norr"].parent == by_title["Skolor"].id
    assert by_title["Förskolor"].parent == by_title["Nuläge"].id
    assert by_title["Skolan i söder"].end == by_title["Skolor"].end == by_title["Förslag"].start


def test_joint_item_run_into_a_flattened_line_heads_a_section() -> None:
    """Minutes flattened to one line: a joint item "§§ 23–24 …" after a sentence end heads its items as a single
    "§ 22 …" does; the form's "Paragrafer §§ 21–25" stays a field."""
    text = ("Protokoll Barn- och utbildningsnämnden Sammanträdesdatum 2026-05-12 Paragrafer §§ 21–25 "
            "§ 21 Val av justerare Till justerare väljs Olle Sten. § 22 Godkännande av dagordning Dagordningen "
            "godkänns. §§ 23–24 Anmälan av delegationsbeslut Redovisningen läggs till handlingarna. "
            "§ 25 Skolskjuts läsåret 2026/27 Nämnden antar reglerna för skolskjuts.\n")
    assert top_titles(text) == ["Val av justerare", "Godkännande av dagordning", "Anmälan av delegationsbeslut",
                                "Skolskjuts läsåret 2026/27"]


def test_signers_name_and_title_on_one_line_is_no_heading() -> None:
    """A report's closing signature flattened onto one line ("Lena Vik Kommundirektör") heads no section, the
    page's footer under it no body of it."""
    text = """Kommundirektörens rapport
Oktober 2026

Ny förskolechef
Från den 1 november är Jonas Ek ny förskolechef i Västerby.

Vinterväghållning
Upphandlingen av snöröjning är klar och avtalet gäller i tre år.

Lena Vik Kommundirektör

Västerby kommun  |  Kommunledningskontoret  |  Kommundirektörens rapport  |  2 (2)
"""
    assert top_titles(text) == ["Ny förskolechef", "Vinterväghållning"]


def test_topic_set_tight_over_a_known_subheading_heads_it() -> None:
    """Notes whose topics stand right over their first known sub-heading ("Skolskjuts" / "Bakgrund" / one sentence):
    the topic is the section and the sub-heading its part, not a topic of its own."""
    text = """Minnesanteckningar
Föräldrarådet
2026-04-15

Skolskjuts
Bakgrund
Flera föräldrar har hört av sig om sena bussar på morgonen.

MATSEDELN
Diskussion
Rådet vill att eleverna får vara med och tycka till om maten.
"""
    sections = kdextract.parse(text, ner=False).sections
    assert [(s.title, s.level) for s in sections] == [
        ("Skolskjuts", 1), ("Bakgrund", 2), ("MATSEDELN", 1), ("Diskussion", 2)]
