"""Rules for names any municipality's documents print, found missing after held-out batch 48 (names from across
today's Sweden; tests/data/own_corpus48): a committee named for the questions it deals with, an association after a
genitive of its place or people, the national study associations, a project named on the line after "projektet" or
in apposition to an indefinite project word, and people whose given name is not in our list but whom a party in
brackets, a model's name with one word more, or a listed person beside them shows. Fixtures in our own words."""

from __future__ import annotations

import kdextract


def _orgs(text: str) -> list[str]:
    return [o.name for o in kdextract.parse(text, ner=False).organisations]


def _projects(text: str) -> list[str]:
    return [p.name for p in kdextract.parse(text, ner=False).projects]


def _people(text: str, ner: bool = False) -> list[str]:
    return [p.name for p in kdextract.parse(text, ner=ner).people]


# -- organisations -----------------------------------------------------------------------------------------------

def test_a_committee_named_for_the_questions_it_deals_with() -> None:
    text = ("PROTOKOLL\nSocialnämndens utskott för barn- och ungdomsfrågor\nSammanträdesdatum 2031-02-03\n\n"
            "§ 4 Placeringar\nUtskottet beslutar att godkänna redovisningen.\n")
    names = _orgs(text)
    assert "Socialnämndens utskott för barn- och ungdomsfrågor" in names, names


def test_a_committee_without_such_a_phrase_keeps_its_name() -> None:
    text = "Kommunstyrelsens arbetsutskott för egen del beslutar att inte yttra sig.\n"
    names = _orgs(text)
    assert "Kommunstyrelsens arbetsutskott" in names, names


def test_an_association_after_a_genitive_of_its_people() -> None:
    text = "Nämnden har samrått med Vallonernas förening Smedjan om höstens kulturvecka.\n"
    names = _orgs(text)
    assert "Vallonernas förening Smedjan" in names, names


def test_an_association_after_a_place_an_origin_and_a_capitalised_compound() -> None:
    text = "- Norrviks Chilenska Kulturförening Andes, 40 000 kr, dansläger i augusti\n"
    names = _orgs(text)
    assert "Norrviks Chilenska Kulturförening Andes" in names, names


def test_a_place_a_faith_and_an_indefinite_association_head() -> None:
    text = "12 mars      Möte med Ekbyhamns katolska församling om lokalerna\n"
    names = _orgs(text)
    assert "Ekbyhamns katolska församling" in names, names


def test_an_owner_in_the_definite_genitive_names_no_association() -> None:
    text = "Kommunens förening Stödet får inget bidrag i år eftersom ansökan kom in för sent.\n"
    assert not any(n.startswith("Kommunens förening") for n in _orgs(text))


def test_the_national_study_associations_and_the_transition_fund() -> None:
    text = ("Kurserna ordnas av Medborgarskolan och Studieförbundet Bilda. Tjänsten betalas av "
            "Omställningsfonden under ett år.\n")
    names = _orgs(text)
    for name in ("Medborgarskolan", "Studieförbundet Bilda", "Omställningsfonden"):
        assert name in names, names


# -- projects ----------------------------------------------------------------------------------------------------

def test_a_project_named_on_the_line_after_a_line_end_project_word() -> None:
    text = ("Rapport\n\nTvå undersköterskor har fått i uppdrag att leda arbetet med att starta projektet\n"
            "Läsombud i hemtjänsten, som pågår under hela nästa år.\n")
    assert _projects(text) == ["Läsombud i hemtjänsten"]


def test_a_definite_name_before_a_place_phrase_stays_alone() -> None:
    text = "Nämnden följer projektet Solstrålen i kommunen under våren.\n"
    assert _projects(text) == ["Solstrålen"]


def test_a_project_in_apposition_to_an_indefinite_project_word() -> None:
    text = "Förvaltningen föreslår en ny satsning, Unga jobb i Ekbyhamn, som startar i augusti.\n"
    assert _projects(text) == ["Unga jobb i Ekbyhamn"]


# -- people ------------------------------------------------------------------------------------------------------

def test_a_name_joined_to_a_found_person_by_och() -> None:
    text = ("Rapport\n\nFrån den 1 mars har Aino Lindqvist och Oskari Rautio-Berg utsetts till "
            "språkombud i hemtjänsten.\n")
    names = _people(text)
    assert "Oskari Rautio-Berg" in names, names


def test_a_name_joined_to_a_found_person_over_a_line_break() -> None:
    text = ("Verksamheten på fritidsgården leds av fritidsledarna Maria Holm och\n"
            "Thanh Huong Le från och med hösten.\n")
    names = _people(text)
    assert "Thanh Huong Le" in names, names


def test_a_body_joined_to_a_person_is_no_person() -> None:
    text = "Avtalet har tecknats av Maria Holm och Ekbyhamns Energi AB i samförstånd.\n"
    names = _people(text)
    assert names == ["Maria Holm"], names


def test_a_member_with_a_party_after_a_line_label() -> None:
    text = ("KALLELSE\n\n2. Val av justerare\n   Förslag: Tadeusz Kamiński (KD), justering den 4 maj 2031\n")
    names = _people(text)
    assert "Tadeusz Kamiński" in names, names


def test_a_model_name_takes_the_unlisted_given_name_before_it() -> None:
    text = ("Minnesanteckningar\n\nNärvarande: Guled Cawaale Jaamac (Ekby idrottsförening), Eva Holm\n\n"
            "Guled Cawaale Jaamac och Eva Holm tog upp frågan om lokaler på kvällstid.\n")
    names = _people(text, ner=True)
    assert "Guled Cawaale Jaamac" in names and "Cawaale Jaamac" not in names, names


def test_a_congregation_named_head_first_is_no_person() -> None:
    text = ("Minnesanteckningar\n\nFrån föreningarna: pastor Ana María Soto (Iglesia Luz del Norte) och "
            "Eva Holm från Ekby kyrka berättade om sommarens läger.\n")
    doc = kdextract.parse(text)
    orgs = [o.name for o in doc.organisations]
    assert "Iglesia Luz del Norte" in orgs, orgs
    assert not any(p.name.startswith("Iglesia") for p in doc.people)


def test_a_name_after_a_capitalised_association_compound_stays_out_of_it() -> None:
    text = ("Närvarande: Lars Ek, kommunpolis, Ekbyhamns Handelsförening Saoirse Lindqvist, Ekby Bostäder AB "
            "Per Holm\n")
    assert not any("Saoirse" in n for n in _orgs(text))


def test_a_signer_with_an_unlisted_given_name_beside_another_over_roles() -> None:
    text = ("Tjänsteskrivelse\n\nFörvaltningen föreslår att nämnden godkänner fördelningen.\n\n"
            "Kultur- och fritidsförvaltningen\n\n"
            "Dragoslav Ilić Berggren              Maria Holm\n"
            "Förvaltningschef                     Fritidskonsulent\n")
    names = _people(text)
    assert "Dragoslav Ilić Berggren" in names, names


def test_a_leader_named_after_the_bare_role_word() -> None:
    text = "- Ekby schackklubb, 30 000 kr, kurser för nybörjare, ledare Santiago Ferreyra Lind\n"
    names = _people(text)
    assert "Santiago Ferreyra Lind" in names, names


def test_an_associations_own_name_alone_later_is_no_person() -> None:
    text = ("Protokollsutdrag\n\nFörslaget togs fram efter samråd med Tornedalingarnas förening Ruska och "
            "sameföreningen Biehtsi Várri den 3 mars 2031.\n\nVid samrådet framförde Ánte Gaup-Sara från Biehtsi "
            "Várri att även samiska bör synas på skyltarna, och Eino Kangas från Ruska föreslog en språkdag.\n")
    doc = kdextract.parse(text)
    assert "sameföreningen Biehtsi Várri" in [o.name for o in doc.organisations]
    assert "Biehtsi Várri" not in [p.name for p in doc.people]
