"""People from short municipal texts (rules only, no NER model)."""

import datetime as dt
import json as _json

import pytest
from example_tables import table

import kdextract
from kdextract.records.context import Context
from kdextract.records.organisations import build_organisations
from kdextract.records.people import build_people, people_in
from kdextract.resources import read_text
from kdextract.text.view import TextView


def ctx_for(text):
    ctx = Context.of(TextView.identity(text), reference=dt.date(2024, 1, 1))
    ctx.doc.organisations = build_organisations(ctx)
    return ctx


def people(text):
    ctx = ctx_for(text)
    return {p.name: p for p in build_people(ctx)}


def organisation_names(text):
    """Each person's organisation, by the name of the organisation record it refers to."""
    ctx = ctx_for(text)
    names = {o.id: o.name for o in ctx.doc.organisations}
    return {p.name: names.get(p.organisation) for p in build_people(ctx)}


def test_apposition_role_before_name():
    text = "Kommunens folkhälsosamordnare Karin Ek har lämnat rapport. Karin har också träffat skolorna."
    found = build_people(ctx_for(text))
    assert len(found) == 1
    p = found[0]
    assert (p.id, p.name, p.role) == ("per-1", "Karin Ek", "folkhälsosamordnare")
    assert [(m.text, m.start) for m in p.mentions] == [("Karin Ek", 30), ("Karin", 59)]
    assert (p.text, p.start, p.end) == ("Karin Ek", 30, 38)


def test_role_after_comma_and_organisation_from():
    text = "På mötet deltar Lars Nyberg, professor i statsvetenskap från Mälardalens högskola. Lars visar resultaten."
    p = people(text)["Lars Nyberg"]
    assert p.role == "professor i statsvetenskap"
    assert p.organisation == "org-1"
    assert organisation_names(text)["Lars Nyberg"] == "Mälardalens högskola"


def test_role_after_som():
    found = people("Maja Holm blir projektägare i rollen som tillförordnad enhetschef. Sven Dahl har anställts som "
                   "drogförebyggande samordnare efter Ulf Ek som numera är räddningschef.")
    assert found["Maja Holm"].role == "projektägare" or found["Maja Holm"].role == "enhetschef"
    assert found["Sven Dahl"].role == "drogförebyggande samordnare"
    assert found["Ulf Ek"].role == "räddningschef"


def test_unknown_given_name_with_role_context():
    found = people("Tarja Wennström har anställts som samordnare. Hon började i maj.")
    assert found["Tarja Wennström"].role == "samordnare"


def test_attendance_list_with_tabs():
    text = ("Minnesanteckningar\n\nNärvarande\tÅsa Berglund\tLerum, ordförande\n\tMoa Lind\tEda\n"
            "\tSteinar Ødegaard\tPartille (via länk)\n\nAnmält förhinder: Kim Ek Kungälv\n\n1. Mötets öppnande\n\n"
            "Åsa Berglund leder mötet. Steinar redogör för enkäten.")
    found = people(text)
    assert set(found) == {"Åsa Berglund", "Moa Lind", "Steinar Ødegaard", "Kim Ek"}
    assert found["Åsa Berglund"].role == "ordförande"
    assert organisation_names(text) == {"Åsa Berglund": "Lerum", "Moa Lind": "Eda", "Steinar Ødegaard": "Partille",
                                        "Kim Ek": "Kungälv"}
    assert [m.text for m in found["Steinar Ødegaard"].mentions] == ["Steinar Ødegaard", "Steinar"]


def test_protocol_attendance_with_party_and_signatures():
    text = ("Beslutande\tAnna Svensson (S), ordförande\n\tPer Olsson (M), vice ordförande\n\n"
            "Övriga närvarande\tLena Holm, kommundirektör\n\n§ 1 Budget\n\nPer capita ökar kostnaden.\n\n"
            "Vid protokollet\nSara Ek\n\nJusteras\nPer Olsson\n")
    found = people(text)
    assert set(found) == {"Anna Svensson", "Per Olsson", "Lena Holm", "Sara Ek"}
    assert found["Anna Svensson"].role == "ordförande"
    assert found["Per Olsson"].role == "vice ordförande"
    assert found["Lena Holm"].role == "kommundirektör"
    assert found["Sara Ek"].role == "sekreterare"
    assert [m.text for m in found["Per Olsson"].mentions] == ["Per Olsson", "Per Olsson"]


def test_signature_with_title_line():
    text = "Rapport\n\nAllt går enligt plan.\n\nEva Granström\nKommundirektör\n"
    found = people(text)
    assert found["Eva Granström"].role == "Kommundirektör"


@pytest.mark.parametrize("block, roles", [
    ("Karin Ljung\nOrdförande\n\nAnna Wik\nSekreterare\n",
     {"Karin Ljung": "Ordförande", "Anna Wik": "sekreterare"}),
    # two columns that PDF text wrote one under the other, without a blank line
    ("Karin Ljung\nOrdförande\n              Anna Wik\n              Sekreterare\n",
     {"Karin Ljung": "Ordförande", "Anna Wik": "sekreterare"}),
    # the label above the name
    ("Sekreterare\nAnna Wik\n\nOrdförande\nKarin Ljung\n",
     {"Karin Ljung": "ordförande", "Anna Wik": "sekreterare"}),
])
def test_each_signature_takes_its_own_title(block: str, roles: dict[str, str]) -> None:
    found = people("Kallelse\n\n1. Val av justerare\n\n" + block)
    assert {name: found[name].role for name in roles} == roles


def test_names_in_running_text_with_organisation_after():
    text = ("Utredningen görs av Greta Nordin miljöförvaltningen och Ture Ek kulturförvaltningen "
            "tillsammans. Med i referensgruppen är även Jenny Holm, Tranemo, och Ivar Berg, Sala.")
    found = organisation_names(text)
    assert found["Greta Nordin"] == "miljöförvaltningen"
    assert found["Ture Ek"] == "kulturförvaltningen"
    assert found["Jenny Holm"] == "Tranemo"


def test_genitive_mention_links_to_full_name():
    text = "Helena Ström presenterar förslaget. Helena Ströms förslag antas."
    p = people(text)["Helena Ström"]
    assert [m.text for m in p.mentions] == ["Helena Ström", "Helena Ströms"]


def test_negatives_no_person():
    assert people("Per capita ökar kostnaderna. Bo i kommunen. Norra Centrum byggs. Kommunen Ekerö växer.") == {}
    assert people_in("Ekonomisk rapport bifogas. Samtliga tillstyrker.") == []
    # a first name alone is no person
    assert people("Anders berättar om erfarenheterna i grannkommunerna.") == {}


# ---- the example table (tests/data/people_table.tsv) and names beside every form label ----

ROWS = table("people_table.tsv", 3, lambda text, names: (text, [] if names == "-" else names.split(";")))


def test_people_table_is_large_enough():
    assert len(ROWS) >= 18


@pytest.mark.parametrize("text, want", ROWS)
def test_people_table(text, want):
    doc = kdextract.parse(text, ner=False)
    assert [p.name for p in doc.people] == want
    for p in doc.people:
        for m in p.mentions:
            assert text[m.start:m.end] == m.text


LABELS = [lb["label"] for lb in _json.loads(read_text("protocol.json"))["labels"]]


@pytest.mark.parametrize("layout", ["flattened", "line-broken"])
@pytest.mark.parametrize("label", LABELS)
def test_a_name_beside_any_form_label_is_found_without_the_label(label, layout):
    parts = ["Plats och tid Rådhuset kl 9.00", "Beslutande Rut Sandin (S)", f"{label} Gustav Brandt",
             "Utses att justera Rut Sandin", "Sekreterare Signhild Ahl"]
    text = (" " if layout == "flattened" else "\n").join(parts) + "\n"
    names = [p.name for p in kdextract.parse(text, ner=False).people]
    if label == "Dag":  # "Dag Gustav Brandt" may be one person: Dag is a given name as well as a label
        assert any(name.endswith("Gustav Brandt") for name in names), names
        return
    words = {w.casefold() for w in label.split()}
    assert not any(w.casefold() in words for name in names for w in name.split()), names
    assert "Gustav Brandt" in names, names


def test_conflicts_resolved_by_rule_form_names_win_over_longer_readings():
    # the signature finder reads "Kurt Lind Anna Rask" as one line of a name; the form says where each name ends
    from kdextract.records.people import _resolve
    from kdextract.records.person_candidate import PCand
    from kdextract.records.person_lists import FORM_RULE

    text = "Justerande Kurt Lind Anna Rask"
    long_ = PCand(11, 30, "Kurt Lind Anna Rask", rule="people/signature", score=0.9,
                  explanation="name line in a signature block")
    form = [PCand(11, 20, "Kurt Lind", rule=FORM_RULE, score=0.95, explanation="name under 'Justerande'"),
            PCand(21, 30, "Anna Rask", rule=FORM_RULE, score=0.95, explanation="name under 'Justerande'")]
    assert [(c.name, c.rule) for c in _resolve([long_, *form])] == [("Kurt Lind", FORM_RULE), ("Anna Rask", FORM_RULE)]
    # without the form, the longest reading wins, then the best scored
    model = PCand(11, 20, "Kurt Lind", rule="model", score=0.75, explanation="PER entity of the NER model")
    assert [c.name for c in _resolve([long_, model])] == ["Kurt Lind Anna Rask"]
    assert text[11:30] == "Kurt Lind Anna Rask"


def test_every_person_says_which_sources_found_it():
    text = "Beslutande Irma Svahn (S), ordförande Olle Bring (M)\nUtses att justera Olle Bring\nSekreterare Ebba Tjäder\n"
    doc = kdextract.parse(text, ner=False)
    for p in doc.people:
        assert p.source.name and p.source.explanation
        assert all(m.source.explanation for m in p.mentions)
    assert {p.name: p.source.name for p in doc.people}["Irma Svahn"] == "people/form"


@pytest.mark.parametrize("text, name, kept", [
    ("Bidraget går till Ekby Tennisklubb i år.", "Ekby Tennisklubb", False),
    ("Utbildningen ges av Yrkeshögskolan Norrvik från hösten.", "Yrkeshögskolan Norrvik", False),
    ("Hyresgästerna i Solgårdens Bostadsbolag klagade.", "Solgårdens Bostadsbolag", False),
    ("Frågan besvaras av Karin Skolander på måndag.", "Karin Skolander", True),
])
def test_a_name_the_model_alone_proposes_holds_no_club_school_or_company_word(text: str, name: str, kept: bool) -> None:
    from kdextract.records.person_candidate import PCand
    from kdextract.records.person_rules import _checked
    start = text.index(name)
    cand = PCand(start, start + len(name), name, rule="model", score=0.75, explanation="PER entity of the NER model")
    assert (_checked(text, cand) is not None) is kept


@pytest.mark.parametrize("text, name, kept", [
    ("Mötet hölls i Stadshuset Norrvik, sal B.", "Stadshuset Norrvik", False),
    ("Därefter presenterades satsningen Simlyftet Ekby för nämnden.", "Simlyftet Ekby", False),
    ("Frågan besvaras av Evelina Strandberg på måndag.", "Evelina Strandberg", True),
    ("Rapporten från Arbetsgrupp Fjällby lades till handlingarna.", "Arbetsgrupp Fjällby", False),  # a compound noun
    ("Bidraget till Ridskolan Ekbo avser nya boxar.", "Ridskolan Ekbo", False),
    ("Frågan besvaras av Susan Ekvall på måndag.", "Susan Ekvall", True),  # a short foreign given name
])
def test_a_name_the_model_alone_proposes_opens_with_no_common_noun(text: str, name: str, kept: bool) -> None:
    from kdextract.records.person_candidate import PCand
    from kdextract.records.person_rules import _checked
    start = text.index(name)
    cand = PCand(start, start + len(name), name, rule="model", score=0.75, explanation="PER entity of the NER model")
    assert (_checked(text, cand) is not None) is kept


@pytest.mark.parametrize("given", ["Jonatan", "Amira", "Hassan", "Leila"])
def test_common_given_names_of_today_make_a_sentence_opening_name_a_person(given: str) -> None:
    text = f"{given} Lindqvist (C) och Per Holm (M) lämnar in en motion om fler cykelbanor."
    assert f"{given} Lindqvist" in {p.name for p in kdextract.parse(text, ner=False).people}


@pytest.mark.parametrize("after", ["(C) och Per Holm (M) lämnar in en motion.", "yrkar bifall till motionen."])
def test_a_surname_in_s_before_a_conjunction_or_a_verb_is_no_genitive(after: str) -> None:
    text = f"Ledamoten Eva Lindfors {after}"
    assert "Eva Lindfors" in {p.name for p in kdextract.parse(text, ner=False).people}


@pytest.mark.parametrize("text, name", [
    ("Vi har fått in några Bygglovsärenden Dessutom från förra veckan.", "Bygglovsärenden Dessutom"),
    ("Under punkten Tillsynsärenden Rapporten lämnades utan vidare kommentar.", "Tillsynsärenden Rapporten"),
])
def test_a_noun_ending_in_a_swedish_letter_starts_no_name_the_model_alone_proposes(text: str, name: str) -> None:
    from kdextract.records.person_names import noun_like
    from kdextract.records.person_candidate import PCand
    from kdextract.records.person_rules import _checked
    start = text.index(name)
    cand = PCand(start, start + len(name), name, rule="model", score=0.75, explanation="PER entity of the NER model")
    assert noun_like(name.split()[0])
    assert _checked(text, cand) is None


def test_a_model_name_across_a_column_gap_is_a_name_on_each_side() -> None:
    import spacy

    from kdextract.records.person_rules import find_model
    text = "Justerandes signaturer        Maja Lindkvist        Olof Brandt"
    doc = spacy.blank("sv")(text)
    start = text.index("Maja")
    doc.ents = [doc.char_span(start, len(text), label="PER")]
    assert [c.name for c in find_model(text, doc)] == ["Maja Lindkvist", "Olof Brandt"]


@pytest.mark.parametrize("text, want", [
    # a form label run onto the name of a flattened mail header
    ("Från: Lars Hedberg Skickat: den 3 maj Till: Lina Ottosson Ämne: Inbjudan till samråd",
     {"Lars Hedberg", "Lina Ottosson"}),
    # the signature's name and the next line's first word, where the name stands alone elsewhere
    ("Motionen lämnades av Greta Sundin (V). Justerare Greta Sundin Utdraget bestyrks av nämndsekreteraren.",
     {"Greta Sundin"}),
])
def test_a_common_word_run_onto_a_name_by_a_lost_line_break_is_cut(text: str, want: set[str]) -> None:
    assert {p.name for p in kdextract.parse(text, ner=False).people} == want


def test_a_plural_in_anden_starts_no_name_the_model_alone_proposes() -> None:
    from kdextract.records.person_candidate import PCand
    from kdextract.records.person_rules import _checked
    text = "Punkt 9 Meddelanden Inbjudningar från länsstyrelsen läggs till handlingarna."
    start = text.index("Meddelanden")
    name = "Meddelanden Inbjudningar"
    cand = PCand(start, start + len(name), name, rule="model", score=0.75, explanation="PER entity of the NER model")
    assert _checked(text, cand) is None


@pytest.mark.parametrize("names, want", [
    ("Maja Lindkvist Olof Brandt", ["Maja Lindkvist", "Olof Brandt"]),
    ("Anna Lena Brandt", ["Anna Lena Brandt"]),
])
def test_a_model_name_of_two_given_names_and_two_surnames_is_two_names(names: str, want: list[str]) -> None:
    import spacy

    from kdextract.records.person_rules import find_model
    text = f"Vid protokollet {names}, sekreterare"
    doc = spacy.blank("sv")(text)
    start = text.index(names)
    doc.ents = [doc.char_span(start, start + len(names), label="PER")]
    assert [c.name for c in find_model(text, doc)] == want


@pytest.mark.parametrize(("text", "names"), [
    ("Föreläggandet riktas till Gunnar och Elsa Byström som ägare.", {"Gunnar Byström", "Elsa Byström"}),
    ("Ansökan från Rolf & Ingrid Tallqvist har kommit in.", {"Rolf Tallqvist", "Ingrid Tallqvist"}),
    ("Nämnden bifaller Helge och Karin Sundins ansökan.", {"Helge Sundin", "Karin Sundin"}),
    # the first given name has its own surname elsewhere: not the couple's
    ("Vera Lindmark redogjorde. Därefter talade Vera och Tomas Ekvall.", {"Vera Lindmark", "Tomas Ekvall"}),
    # a name run before the joiner is two people, not a couple
    ("Mötet leddes av Anna Berglund och Olof Strand.", {"Anna Berglund", "Olof Strand"}),
])
def test_two_given_names_share_a_surname(text, names):
    found = people_in(text)
    assert {p.name for p in found} == names
    assert all(text[p.start:p.end] == p.text for p in found)


@pytest.mark.parametrize(("text", "name"), [
    ("Kontaktperson för projektet är Sanna Holm Berg.", "Sanna Holm Berg"),  # a sentence of prose ends with it
    ("Frågor besvaras av Sanna Holm Berg. Hon nås på vardagar.", "Sanna Holm Berg"),
    ("Närvarande Sanna Holm Berg. Olle Dahl", "Sanna Holm"),  # no prose before it: Berg may be her place
])
def test_a_third_name_that_is_a_municipalitys_ends_a_name_at_the_end_of_a_sentence(text: str, name: str) -> None:
    assert name in {p.name for p in kdextract.parse(text, ner=False).people}


def test_a_company_board_names_its_managing_director_vd_before_the_name() -> None:
    text = ("Ekby Vatten AB\nStyrelseprotokoll 2027-02-10\n\nNärvarande: Lars Berg, ordförande\n"
            "Övriga: VD Petra Sund\n\n§ 1 Mötets öppnande\nVD Petra Sund hälsade välkommen. "
            "Bolagets vd Jonas Ahl redogjorde för ekonomin.\n")
    found = {p.name: p.role for p in kdextract.parse(text, ner=False).people}
    assert found["Petra Sund"] == "VD"
    assert found["Jonas Ahl"] == "vd"
