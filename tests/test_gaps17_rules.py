"""General gaps closed on branch gaps17, each in our own words: an intent phrase that ends in "att" ("räknar med
att", "planerar att") plans a later date and names what follows it; a sentence that opens with a region's
compound genitive ("Fjällbygdens") before a body's or an association's head names an organisation; a cooperation's
group "för" its purpose is a body, its purpose ending before a past verb; a breadcrumb's last crumb stays text; an agenda title's year wrapped under its month is no date of its own; a present active verb and its particle
before a later period ("röjer upp stigarna under maj") plan what follows the verb; two marked items "1." "2." run
into a flattened agenda right after its heading are items, a title's "kvarteret" goes on with the block's name."""

from __future__ import annotations

import datetime as dt

import pytest

import kdextract
from kdextract.layout.pages import wrapper_edits

DAY = dt.date(2027, 3, 4)


def _deadlines(text: str) -> list[tuple[str | None, str, str]]:
    doc = kdextract.parse(text, document_date=DAY)
    return [(d.value, d.kind, d.what) for d in doc.deadlines]


@pytest.mark.parametrize(("text", "value", "words"), [
    ("Vattenbolaget räknar med att byta de gamla ledningarna under hösten 2027.", "2027-FA", {"byta", "ledningarna"}),
    ("Föreningen räknar nu med att öppna det nya klubbhuset i juni 2027.", "2027-06", {"öppna", "klubbhuset"}),
    ("Förvaltningen planerar att upphandla skolskjutsarna under andra kvartalet 2027.", "2027-Q2",
     {"upphandla", "skolskjutsarna"}),
    ("Bolaget har för avsikt att riva lagerlokalen i oktober 2027.", "2027-10", {"riva", "lagerlokalen"}),
])
def test_an_intent_phrase_plans_what_follows_it(text: str, value: str, words: set[str]) -> None:
    found = _deadlines(text)
    assert [(v, k) for v, k, _ in found] == [(value, "planned")]
    assert words <= set(found[0][2].split())


def test_an_intent_phrase_with_an_adverb_plans_the_verb_after_it() -> None:
    [(_, _, what)] = _deadlines("Kommunen avser också att sälja tomterna i Norrbyn under våren 2027.")
    assert what.split()[0] == "sälja"


def test_a_past_intent_stays_no_deadline() -> None:
    assert _deadlines("Nämnden räknade med att bygga klart i januari 2027 men bygget blev försenat.") == []


def _organisations(text: str) -> list[str]:
    return [o.name for o in kdextract.parse(text, document_date=DAY).organisations]


@pytest.mark.parametrize(("text", "name"), [
    ("Fjällbygdens vattenråd har yttrat sig över planen.", "Fjällbygdens vattenråd"),
    ("Norrkustens räddningsförbund höjer medlemsavgiften nästa år.", "Norrkustens räddningsförbund"),
    ("Sjöbygdens byalag bjuder in till städdag.", "Sjöbygdens byalag"),
])
def test_a_region_genitive_opening_a_sentence_names_a_body(text: str, name: str) -> None:
    assert name in _organisations(text)


@pytest.mark.parametrize("text", [
    "Kommunens förbund har lämnat sin plan för året.",
    "Landsbygdens byalag är många och små.",
])
def test_a_common_nouns_genitive_opening_a_sentence_stays_an_owner(text: str) -> None:
    assert _organisations(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Samverkansrådet för folkhälsa informerades om budgeten.", "Samverkansrådet för folkhälsa"),
    ("Samverkansgruppen för ungdomsfrågor samlades i biblioteket.", "Samverkansgruppen för ungdomsfrågor"),
    ("Rådet för äldrefrågor träffades på tisdagen.", "Rådet för äldrefrågor"),
])
def test_a_body_named_for_its_purpose_ends_before_a_past_verb(text: str, name: str) -> None:
    assert _organisations(text) == [name]


def test_a_breadcrumbs_last_crumb_stays_text() -> None:
    text = "Startsida > Omsorg och hjälp > Samverkansrådet för folkhälsa\nProtokoll\n"
    assert _applied(text) == "Samverkansrådet för folkhälsa\nProtokoll\n"


def _applied(text: str) -> str:
    for a, b, r, _ in sorted(wrapper_edits(text), reverse=True):
        text = text[:a] + r + text[b:]
    return text


def test_a_body_named_in_lower_case_in_a_page_title_is_found_by_its_breadcrumb() -> None:
    page = ("Startsida > Folkhälsa > Samverkansrådet för folkhälsa\n\n"
            "Anteckningar från samverkansrådet för folkhälsa den 3 mars 2027\n\n"
            "1. Rapporter\nSkolsköterskorna berättade om vaccinationerna.\n")
    assert "Samverkansrådet för folkhälsa" in _organisations(page)


AGENDA = ("SJÖVIKS KOMMUN                                    KALLELSE\n"
          "Kulturnämnden                                     2027-04-07\n\n"
          "Ärende                                   Föredragande              Tid\n"
          "1.  Val av justerare                     Ordföranden               13.00\n"
          "2.  Budgetuppföljning mars               Controller                13.05\n"
          "    {year}                                 Emil Strand\n"
          "3.  Anmälan av delegationsbeslut         –                         –\n")


def test_a_year_wrapped_under_its_month_in_an_agenda_title_is_no_date() -> None:
    doc = kdextract.parse(AGENDA.format(year="2027"), document_date=DAY)
    assert "Budgetuppföljning mars 2027" in [x.title for x in doc.sections]
    assert [d.value for d in doc.dates if d.granularity in ("month", "year")] == ["2027-03"]


def test_another_year_under_a_month_in_an_agenda_title_stays() -> None:
    doc = kdextract.parse(AGENDA.format(year="2026"), document_date=DAY)
    assert "2026" in [d.value for d in doc.dates]


@pytest.mark.parametrize(("text", "value", "word"), [
    ("Fiskevårdsföreningen röjer upp stigarna vid ån under maj.", "2027-05", "stigarna"),
    ("Hyresgästerna målar om trapphuset i juni 2027.", "2027-06", "trapphuset"),
])
def test_a_present_verb_and_particle_before_a_later_period_plans_its_object(text: str, value: str, word: str) -> None:
    [(found, kind, what)] = _deadlines(text)
    assert (found, kind) == (value, "planned") and word in what.split()


def test_a_present_verb_and_particle_before_an_earlier_period_is_no_plan() -> None:
    assert _deadlines("Hyresgästerna målar om trapphuset i januari 2027.") == []


def test_two_marked_items_after_a_heading_in_a_flattened_agenda_are_items() -> None:
    text = ("NORRVIKS KOMMUN KALLELSE Tekniska nämnden 2027-03-04 Tid: Onsdag 17 mars 2027 kl. 09.00 Plats: "
            "Sammanträdesrum Tärnan Ärenden för beslut 1. Upphandling av vinterväghållning 2. Taxa för "
            "parkering vid hamnen Lisa Ek Ordförande")
    titles = [x.title for x in kdextract.parse(text, document_date=DAY).sections]
    assert titles[:2] == ["Upphandling av vinterväghållning", "Taxa för parkering vid hamnen"]


def test_one_marked_number_in_running_text_stays_no_item() -> None:
    text = "Nämnden behandlade ärendet. Beslutet gäller punkt 1. Övriga delar återremitteras till förvaltningen."
    assert kdextract.parse(text, document_date=DAY).sections == []


def test_a_flattened_agenda_title_goes_on_past_a_blocks_name() -> None:
    text = ("KALLELSE Byggnadsnämnden 2027-03-04 Ärenden 1. Bygglov för förskola i Västby 2. Detaljplan för "
            "kvarteret Hägern 3. Taxa för strandskyddsdispens")
    titles = [x.title for x in kdextract.parse(text, document_date=DAY).sections]
    assert "Detaljplan för kvarteret Hägern" in titles and "Hägern" not in titles
