"""Mends of review 24's findings on attendance, people, organisations, meta and projects, each in our own words."""

from __future__ import annotations

import pytest

import kdextract


def _attendees(form: str) -> list[tuple[str, str]]:
    doc = kdextract.parse("Protokoll\nByggnadsnämnden\nSammanträdesdatum: 2026-01-20\n\n" + form, ner=False)
    return [(a.name, a.category) for a in doc.meetings[0].attendees]


@pytest.mark.parametrize("label", ["Icke tjänstgörande ersättare", "Icke beslutande ersättare", "Ej tjg ersättare"])
def test_non_serving_substitutes_are_substitutes(label: str) -> None:
    form = ("Beslutande\nKarin Ahl (V) ordförande\nTjänstgörande ersättare\nNils Berg (KD) för Ola Vik (M)\n\n"
            f"{label}\nSiv Alm (S)\nTor Hed (L)\n\nSekreterare\nIda Lööf\n")
    got = dict(_attendees(form))
    assert got["Nils Berg"] == "serving_substitute"
    assert (got["Siv Alm"], got["Tor Hed"]) == ("substitute", "substitute")


@pytest.mark.parametrize("line", ["Handläggare: Stina Norberg, stina.norberg@exempel.se, 0123-456 78",
                                  "Upplysningar lämnas av Stina Norberg (s.norberg@exempel.se).",
                                  "Kontaktperson: Stina Norberg, norberg@exempel.se"])
def test_an_address_made_of_the_name_keeps_the_person(line: str) -> None:
    doc = kdextract.parse("Tjänsteskrivelse\n2026-03-02\n\nÄrendet\n\nAvgiften ses över.\n\n" + line + "\n", ner=False)
    assert [p.name for p in doc.people] == ["Stina Norberg"]


def test_a_lower_case_word_of_prose_still_counts() -> None:
    from kdextract.records.name_utils import lower_word_elsewhere
    assert lower_word_elsewhere("Ring stina.norberg@exempel.se. Vi går mot berg och dal.", "Berg")
    assert not lower_word_elsewhere("Ring stina.norberg@exempel.se eller info@norberg.se.", "Norberg")


def test_a_ranked_vice_chair_keeps_the_rank() -> None:
    form = ("Beslutande\nMaja Torn (MP) ordförande\nLeo Falk (S) 1:e vice ordförande\nEbba Ring (M) 2:e vice ordförande\n"
            "Arvid Sand (C), 2:a vice ordförande\n\nSekreterare\nIda Lööf\n")
    doc = kdextract.parse("Protokoll\nByggnadsnämnden\nSammanträdesdatum: 2026-01-20\n\n" + form, ner=False)
    assert [(a.name, a.role) for a in doc.meetings[0].attendees][1:4] == [
        ("Leo Falk", "förste vice ordförande"), ("Ebba Ring", "andre vice ordförande"),
        ("Arvid Sand", "andre vice ordförande")]


@pytest.mark.parametrize("group", ["Styrgrupp för Nya Hamnplanen", "Arbetsgrupp för digital nämndadministration",
                                   "Samverkansgrupp för skola och socialtjänst"])
def test_a_groups_body_is_its_whole_name(group: str) -> None:
    doc = kdextract.parse(f"Minnesanteckningar\n{group}\nDatum: 2026-05-12\n\nNärvarande: Tove Lind, Emil Sköld\n\n"
                          "1. Inledning\nTove hälsade välkommen.\n", ner=False)
    assert doc.meta.body == group


@pytest.mark.parametrize(("sentence", "name"), [
    ("Remissen besvarades av Rådet för trygghetsfrågor under hösten.", "Rådet för trygghetsfrågor"),
    ("Synpunkter kom in från Nämnden för bygg och miljö efter mötet.", "Nämnden för bygg och miljö"),
    ("Stöd söktes hos Centrum för lättläst inför valet.", "Centrum för lättläst"),
])
def test_a_bodys_purpose_ends_before_the_next_phrase(sentence: str, name: str) -> None:
    doc = kdextract.parse("Tjänsteskrivelse\n2026-03-02\n\nÄrendet\n\n" + sentence + "\n", ner=False)
    assert [o.name for o in doc.organisations] == [name]


@pytest.mark.parametrize("unit", ["Planavdelningen", "IT-avdelningen", "Upphandlingsenheten", "HR-enheten"])
def test_departments_and_units_are_administration(unit: str) -> None:
    doc = kdextract.parse(f"Tjänsteskrivelse\n2026-03-02\n\nÄrendet\n\nUnderlaget togs fram av {unit} i april.\n", ner=False)
    assert [(o.name, o.kind) for o in doc.organisations] == [(unit, "administration")]


@pytest.mark.parametrize(("sentence", "organisation"), [
    ("Avtalet med Region Uppsala gäller från juli.", "Region Uppsala"),
    ("Landstinget Sörmland har lämnat synpunkter.", "Landstinget Sörmland"),
])
def test_a_regions_place_word_names_no_municipality(sentence: str, organisation: str) -> None:
    doc = kdextract.parse("Tjänsteskrivelse\n2026-03-02\n\nÄrendet\n\nVi har fått en remiss. " + sentence + "\n", ner=False)
    assert doc.meta.organisation != "Uppsala kommun" and doc.meta.organisation != "Sörmlands kommun"
    assert doc.meta.organisation in (None, organisation)


def test_an_alias_is_never_a_made_up_form() -> None:
    doc = kdextract.parse("Tjänsteskrivelse\n2026-03-02\n\nÄrendet\n\nÖstkustkommunernas samarbetskommitté har mötts. "
                          "Enligt samarbetskommitténs förslag höjs taxan.\n", ner=False)
    assert [(o.name, o.aliases) for o in doc.organisations] == [
        ("Östkustkommunernas samarbetskommitté", ["samarbetskommitténs"])]  # not "samarbetskommittén"


@pytest.mark.parametrize("text", ["Falu kommun\nTjänsteskrivelse\n2026-03-02\n\nÄrendet\n\nFalu kommun ser över taxan.\n",
                                  "Tjänsteskrivelse\n2026-03-02\n\nÄrendet\n\nFalun kommun och Falu kommun samverkar.\n"])
def test_an_irregular_official_name_is_the_municipality(text: str) -> None:
    doc = kdextract.parse(text, ner=False)
    falun = [o for o in doc.organisations if o.kind == "municipality"]
    assert [o.name for o in falun] == ["Falu kommun"]
    assert all(m.text in ("Falu kommun", "Falun kommun") for m in falun[0].mentions)
    assert sum(m.text == "Falu kommun" for m in falun[0].mentions) >= 1


def _projects(body: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = kdextract.parse("Kommundirektörens rapport\nMaj 2026\n\nProjekt\n\n" + body + "\n", ner=False)
    return [(p.name, p.status, p.starts, p.ends) for p in doc.projects]


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_a_project_keeps_its_own_timeline(gap: str) -> None:
    first = "Projektet Grön Hamn avslutades i oktober 2025."
    second = "Projektet Ny Simhall startade i februari 2025 och ska vara klart i juni 2027."
    expected = {("Grön Hamn", "finished", None, "2025-10"), ("Ny Simhall", "started", "2025-02", "2027-06")}
    assert set(_projects(first + gap + second)) == expected
    assert set(_projects(second + gap + first)) == expected


@pytest.mark.parametrize("sentence", ["Utredningen leddes av Karin Nyström Lund i höstas.",
                                      "Förslaget togs fram av Karin Nyström Lund under våren."])
def test_a_surname_that_is_also_a_municipality_ends_the_name(sentence: str) -> None:
    doc = kdextract.parse("Tjänsteskrivelse\n2026-03-02\n\nÄrendet\n\n" + sentence + "\n", ner=False)
    assert [p.name for p in doc.people] == ["Karin Nyström Lund"]


def test_an_attendee_keeps_a_double_surname_before_the_party() -> None:
    got = _attendees("Beslutande\nKarin Nyström Lund (MP), ordförande\nOla Vik (M)\n\nSekreterare\nIda Lööf\n")
    assert got[0] == ("Karin Nyström Lund", "member")


def test_a_double_surname_alone_is_the_same_person() -> None:
    from kdextract.records.people import people_in
    from kdextract.records.person_candidate import PCand

    text = "Uppdraget gavs till Eva-Lena Sjöberg Holm i april. Enligt Sjöberg Holm räcker tiden."
    full, short = text.index("Eva-Lena"), text.index("Sjöberg Holm räcker")
    cands = [PCand(full, full + 21, "Eva-Lena Sjöberg Holm", rule="people/given_name", score=0.85, explanation=""),
             PCand(short, short + 12, "Sjöberg Holm", rule="model", score=0.8, explanation="")]
    people = people_in(text, candidates=cands)
    assert [(p.name, [m.text for m in p.mentions]) for p in people] == [
        ("Eva-Lena Sjöberg Holm", ["Eva-Lena Sjöberg Holm", "Sjöberg Holm"])]


def test_a_label_may_abbreviate_with_a_dot() -> None:
    form = ("Beslutande\nKarin Ahl (V) ordförande\nTjänstgörande ersättare\nNils Berg (KD) för Ola Vik (M)\n\n"
            "Ej tjg. ersättare\nSiv Alm (S)\n\nSekreterare\nIda Lööf\n")
    assert dict(_attendees(form))["Siv Alm"] == "substitute"


@pytest.mark.parametrize(("sentence", "role"), [
    ("Motionen väcktes av 1:e vice ordförande Leo Falk i mars.", "förste vice ordförande"),
    ("Leo Falk, 2:e vice ordförande, yrkade avslag.", "andre vice ordförande"),
    ("Motionen väcktes av vice ordförande Leo Falk i mars.", "vice ordförande"),
])
def test_a_vice_chairs_rank_is_kept_in_running_text(sentence: str, role: str) -> None:
    doc = kdextract.parse("Tjänsteskrivelse\n2026-03-02\n\nÄrendet\n\n" + sentence + "\n", ner=False)
    assert [(p.name, p.role) for p in doc.people] == [("Leo Falk", role)]


def test_a_purpose_may_hold_a_place_phrase() -> None:
    doc = kdextract.parse("Tjänsteskrivelse\n2026-03-02\n\nÄrendet\n\nFrågan bereds av Samverkansrådet för vård på "
                          "landsbygden i vår.\n", ner=False)
    assert [o.name for o in doc.organisations] == ["Samverkansrådet för vård på landsbygden"]


def test_a_group_named_with_its_purpose_is_no_organisation_by_its_header_alone() -> None:
    doc = kdextract.parse("Minnesanteckningar\nStyrgruppen för projektet Ny Kajpromenad\nDatum: 2026-05-12\n\n"
                          "Närvarande: Tove Lind, Emil Sköld\n\n1. Inledning\nTove hälsade välkommen.\n", ner=False)
    assert doc.meta.body == "Styrgruppen för projektet Ny Kajpromenad"
    assert doc.organisations == []
