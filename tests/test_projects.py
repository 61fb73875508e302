"""build_projects on hand-built contexts (invented Swedish municipal text)."""

from __future__ import annotations

from decimal import Decimal

import contexts
import pytest
import regex
from contexts import SRC
from example_tables import table

import kdextract

from kdextract.models import (
    Amount,
    DateMention,
    Deadline,
    DocumentMeta,
    Mention,
    Organisation,
    Person,
)
from kdextract.records.context import Context
from kdextract.records.projects import build_projects


def make_ctx(text: str, headings: list[tuple[str, int]] = (), emphasis: list[str] = (), **found: list) -> Context:
    """A context over ``text`` in a Kommundirektörens rapport (see ``contexts.make_ctx``)."""
    return contexts.make_ctx(text, headings, DocumentMeta(kind="kommundirektorens_rapport"), emphasis, **found)


def org(text: str, name: str, id: str) -> Organisation:
    spans = [m.span() for m in regex.finditer(regex.escape(name), text)]
    return Organisation(id=id, text=name, start=spans[0][0], end=spans[0][1], name=name, kind="agency",
                        mentions=[Mention(text=name, start=a, end=b, source=SRC) for a, b in spans], source=SRC)


REPORT = """Kommundirektörens rapport

Projekt trygg vardag

Vid årsskiftet startar projektet Tryggvardag som syftar till att stärka det trygghetsskapande arbetet i kommunen. Projektet är tvåårigt och finansieras med 1,2 miljoner kr från Länsstyrelsen. Kommundirektören har beställt projektet och Karin Ek blir projektägare i rollen som säkerhetschef.

Övning Stormvind

Den 3 oktober deltog kommunen i övningen Stormvind tillsammans med Polisen.

Vägbyggen

Arbetet med den nya cykelbanan fortsätter enligt plan.
"""

HEADINGS = [("Projekt trygg vardag", 1), ("Övning Stormvind", 1), ("Vägbyggen", 1)]


def test_named_project_with_its_attributes() -> None:
    a = REPORT.index("1,2 miljoner kr")
    amt = Amount(id="amt-1", text="1,2 miljoner kr", start=a, end=a + 15, value=Decimal(1200000), source=SRC)
    d = REPORT.index("Vid årsskiftet")
    dm = DateMention(id="date-1", text="Vid årsskiftet", start=d, end=d + 14, value="2015-01-01", granularity="day",
                     source=SRC)
    lst = org(REPORT, "Länsstyrelsen", "org-1")
    pol = org(REPORT, "Polisen", "org-2")
    p0 = REPORT.index("Karin Ek")
    person = Person(id="per-1", text="Karin Ek", start=p0, end=p0 + 8, name="Karin Ek", role="säkerhetschef",
                    source=SRC)
    ctx = make_ctx(REPORT, HEADINGS, amounts=[amt], dates=[dm], organisations=[lst, pol], people=[person])
    projects = build_projects(ctx)
    assert [p.name for p in projects] == ["Tryggvardag"]
    p = projects[0]
    assert p.id == "proj-1"
    assert REPORT[p.start:p.end] == p.text == "trygg vardag"  # first mention: the section title
    assert p.description.startswith("Vid årsskiftet startar projektet Tryggvardag som syftar till")
    assert p.starts == "2015-01-01"
    assert (p.duration, p.duration_text) == ("P2Y", "tvåårigt")
    assert p.owner == "per-1"  # Karin Ek
    assert p.status == "planned"
    assert p.organisations == ["org-1"]  # not Polisen, which only takes part in the exercise
    assert p.amounts == ["amt-1"]
    assert p.section == "sec-1"
    assert [m.text for m in p.mentions] == ["trygg vardag", "Tryggvardag"]


def test_title_form_becomes_an_alias() -> None:
    projects = build_projects(make_ctx(REPORT, HEADINGS))
    assert [(p.name, p.aliases) for p in projects] == [("Tryggvardag", ["trygg vardag"])]


def test_exercise_is_not_a_project() -> None:
    text = "Övning Havsvind\n\nKommunen deltog i övningen Havsvind. Projektet Havsvindövningen pågick i två dagar.\n"
    assert build_projects(make_ctx(text, [("Övning Havsvind", 1)])) == []


def test_conference_is_not_a_project() -> None:
    text = "Länskonferensen 2024\n\nInom projektet Länskonferensen planeras dagen.\n"
    assert build_projects(make_ctx(text, [("Länskonferensen 2024", 1)])) == []


def test_long_quoted_name_and_projektplan_title() -> None:
    text = ("Skolmiljö\n\nPlanen är att projektet \"Grön vardag\" prövas först i tre skolor.\n\n"
            "Grön vardag i skola och förskola - projektplan\n\n"
            "Projektet är ett 3-årigt samarbete med Naturvårdsverket och Energimyndigheten. "
            "Målgruppen är elever och personal som vill minska sin energianvändning.\n\n"
            "Projektet har startat i två skolor.\n")
    headings = [("Skolmiljö", 1), ("Grön vardag i skola och förskola - projektplan", 1)]
    nv = org(text, "Naturvårdsverket", "org-1")
    em = org(text, "Energimyndigheten", "org-2")
    projects = build_projects(make_ctx(text, headings, organisations=[nv, em]))
    assert len(projects) == 1
    p = projects[0]
    assert p.name == "Grön vardag i skola och förskola"
    assert p.aliases == ["Grön vardag"]
    assert p.text == "Grön vardag" and p.section == "sec-2"
    assert p.duration == "P3Y"
    assert p.status == "started"
    assert p.organisations == ["org-1", "org-2"]
    assert p.description == "Målgruppen är elever och personal som vill minska sin energianvändning."
    assert len(p.mentions) == 2


def test_hyphenated_and_acronym_projects() -> None:
    text = ("Digitalisering\n\nArbetet i SMART-projektet går vidare.\n\n"
            "BoIn\n\nProjektet genomförs med EU-medel och har pågått i två år.\n")
    projects = build_projects(make_ctx(text, [("Digitalisering", 1), ("BoIn", 1)]))
    assert [p.name for p in projects] == ["SMART", "BoIn"]
    assert projects[1].status == "ongoing"
    assert projects[1].duration == "P2Y"


def test_emphasised_name_after_project_word() -> None:
    text = "Näringsliv\n\nKommunen deltar i projektet grön omställning tillsammans med regionen.\n"
    projects = build_projects(make_ctx(text, [("Näringsliv", 1)], emphasis=["grön omställning"]))
    assert [p.name for p in projects] == ["grön omställning"]


def test_emphasis_alone_is_no_project() -> None:
    text = "Samarbete\n\nPlaneringen är att *Länsrådslaget* ska hållas i maj.\n"
    assert build_projects(make_ctx(text, [("Samarbete", 1)], emphasis=["Länsrådslaget"])) == []


def test_capitalised_sentence_word_is_no_name() -> None:
    text = "Ekonomi\n\nI projektet Det finns inga nya siffror.\n\nBudgeten följer plan i projektet.\n"
    assert build_projects(make_ctx(text, [("Ekonomi", 1)])) == []


def test_finished_project_and_end_date() -> None:
    text = "Skola\n\nProjektet Läslyftet avslutades den 30 juni och en slutrapport finns.\n"
    d = text.index("den 30 juni")
    dm = DateMention(id="date-1", text="den 30 juni", start=d, end=d + 11, value="2024-06-30", granularity="day",
                     source=SRC)
    dl = Deadline(id="dl-1", text="x", start=d, end=d + 11, value="2024-06-30", what="x", kind="ends", source=SRC)
    p, = build_projects(make_ctx(text, [("Skola", 1)], dates=[dm], deadlines=[dl]))
    assert p.status == "finished"
    assert p.ends == "2024-06-30"
    assert p.starts is None


def test_unquoted_name_of_several_words() -> None:
    text = ("Miljö\n\nProjektet Cykelvänlig kommun startade i januari. Kommunen deltar i EU-projektet "
            "Digital omställning tillsammans med regionen. Inom programmet Starta eget erbjuds rådgivning.\n")
    names = [p.name for p in build_projects(make_ctx(text, [("Miljö", 1)]))]
    assert names == ["Cykelvänlig kommun", "Digital omställning", "Starta eget"]


def test_unnamed_project_is_not_listed() -> None:
    text = "Skola\n\nEtt projekt för att minska matsvinnet har startat. Projektet leds av kostchefen.\n"
    assert build_projects(make_ctx(text, [("Skola", 1)])) == []


ROWS = table("projects_table.tsv", 4)


@pytest.mark.parametrize("text, names, aliases", ROWS)
def test_project_table(text: str, names: str, aliases: str) -> None:
    projects = kdextract.parse(text).projects
    assert [p.name for p in projects] == ([] if names == "-" else names.split(" ; "))
    if aliases:
        assert projects[0].aliases == aliases.split("|")
    for p in projects:
        assert text[p.start:p.end] == p.text and p.source.explanation


def test_a_named_campaign_is_a_project_and_an_unnamed_one_is_not() -> None:
    text = ("Kampanjen \"Bli stödfamilj i Ekby\" pågår till och med maj. Kampanjen har hittills gett tolv "
            "intresseanmälningar, och under kampanjen hålls två informationskvällar.")
    assert [p.name for p in kdextract.parse(text).projects] == ["Bli stödfamilj i Ekby"]


@pytest.mark.parametrize("text, name", [
    ("Ekby kommun – Styrgrupp Smart belysning (SMABE)\nMinnesanteckningar\n\nBudgeten följs.\n", "Smart belysning"),
    ("Projektet Kompetens för äldreomsorgen (KFÄ) pågår till juni.\n", "Kompetens för äldreomsorgen"),
])
def test_a_name_with_its_acronym_on_a_line_about_a_project(text: str, name: str) -> None:
    assert name in [p.name for p in kdextract.parse(text, ner=False).projects]


def test_a_name_with_its_acronym_elsewhere_is_no_project() -> None:
    text = "Nämnden samarbetar med Regionalt cancercentrum (RCC) om screening.\n"
    assert kdextract.parse(text, ner=False).projects == []


def test_a_role_in_brackets_is_no_project_leader_line() -> None:
    text = "Närvarande: Sara Ek (projektledare), Tarmo Kivelä (ekonom)\n\nProjektet följer tidplanen.\n"
    assert "Tarmo Kivelä" not in [p.name for p in kdextract.parse(text, ner=False).projects]


@pytest.mark.parametrize("text, names", [
    ("Bolaget har efter projekteringen av projektet lyft\nfrågan om mer pengar till fullmäktige.", []),
    ("Uppdrag:\n- Projektet ny översiktsplan\n- Projektet grön stad\n", ["ny översiktsplan", "grön stad"]),
])
def test_a_plain_name_ends_its_line_only_where_the_sentence_does_not_go_on(text: str, names: list[str]) -> None:
    """A fixed-width wrap ends a line anywhere: a lower-case word after the break goes on with the sentence."""
    assert [p.name for p in kdextract.parse(text, ner=False).projects] == names


@pytest.mark.parametrize("text, names", [
    ("Rapport\n\nVi har i år avslutat arbetet med projektet\nKultur- och fritidsnämnden beslutar att lägga "
     "rapporten till handlingarna.\n", []),
    ("Rapport\n\nNämnden följer projektet Trygga skolvägar under hösten.\n", ["Trygga skolvägar"]),
    ("Rapport\n\nNämnden följer projektet\n\"Trygga vägar\" under hösten.\n", ["Trygga vägar"]),
])
def test_a_plain_project_name_does_not_open_the_line_after_its_intro_word(text: str, names: list[str]) -> None:
    """The capitals on the next line open a sentence of their own; a quoted name may stand there."""
    assert [p.name for p in kdextract.parse(text, ner=False).projects] == names


def test_a_presenter_in_the_next_cell_after_an_agenda_title_ending_in_projektet_is_no_project() -> None:
    text = ("Norrvik kommun\nKallelse\n\nKultur- och fritidsnämnden 2027-02-11\n\n"
            "4.   Bidrag till projektet                    Stina Holmqvist\n"
            "5.   Ansökan om medel för projektet            Karl Ahlgren\n"
            "     Sjöstadens läsfrämjande\n")
    names = [p.name for p in kdextract.parse(text, ner=False).projects]
    assert "Stina Holmqvist" not in names
    assert names == ["Sjöstadens läsfrämjande"]  # a name set under the intro's cell still is one
