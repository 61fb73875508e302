"""deadlines_among on sentences written for these tests (not taken from any sample)."""

from __future__ import annotations

import datetime as dt

import pytest
from example_tables import table

import kdextract
from kdextract.layout.form import label_hits
from kdextract.models import Deadline
from kdextract.parsers.dates import find_dates, is_document_date
from kdextract.records.deadlines import deadlines_among

REF = dt.date(2022, 3, 10)


def _spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] == " "):
            spans.append((start, i + 1))
            start = i + 2
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _deadlines(text: str, reference: dt.date | None = REF) -> list[Deadline]:
    dates = [m.model_copy(update={"id": f"date-{i}", "section": "sec-1"})
             for i, m in enumerate((m for m in find_dates(text, REF) if is_document_date(m)), 1)]
    return deadlines_among(text, dates, [], _spans(text), reference=reference)


CASES = [
    ("Den nya förskolan ska vara klar senast den 15 augusti.", "2022-08-15", "due", "förskolan"),
    ("Hyresavtalet löper ut 2023-06-30.", "2023-06-30", "expires", "Hyresavtalet"),
    ("Ramavtalet för skolskjutsar upphör den 1 juli.", "2022-07-01", "expires", "Ramavtalet"),
    ("Den nya taxan träder i kraft vid årsskiftet.", "2023-01-01", "starts", "taxan"),
    ("Projektet Trygg skolväg startar i september.", "2022-09", "starts", "Trygg"),
    ("Upphandlingen planeras till vecka 16.", "2022-W16", "planned", "Upphandlingen"),
    ("En utvärdering beräknas kunna presenteras under hösten.", "2022-FA", "due", "utvärdering"),
    ("Avtal med entreprenören kan tecknas i maj.", "2022-05", "planned", "entreprenören"),
    ("Dialogmötet med föreningarna ska hållas den 20 april.", "2022-04-20", "meeting", "Dialogmötet"),
    ("Samtliga ansökningar ska ha inkommit senast den 31 mars.", "2022-03-31", "due", "ansökningar"),
    ("Förändringen ska genomföras måndagen den 2 maj 2022.", "2022-05-02", "planned", "Förändringen"),
    ("Biblioteket stänger för renovering den 1 juni.", "2022-06-01", "ends", "Biblioteket"),
    ("Handlingsplanen ska vara uppdaterad senast den 30 april.", "2022-04-30", "due", "Handlingsplanen"),
    # present-tense plans, an extension's end and a start "från och med"
    ("Asfalteringen av Kvarngatan utförs vecka 19–20.", "2022-W19/2022-W20", "planned", "Asfalteringen"),
    ("Mätningen av radon i skolorna görs under oktober.", "2022-10", "planned", "radon"),
    ("Försöket med nattöppet bibliotek utvärderas i juni.", "2022-06", "planned", "nattöppet"),
    ("Entreprenören slutför rivningen under andra kvartalet.", "2022-Q2", "planned", "rivningen"),
    ("Förslaget till taxa går till kommunfullmäktige den 25 april.", "2022-04-25", "planned", "taxa"),
    ("Nämnden beslöt att förlänga hyresavtalet för paviljongen till och med 2024-06-30.", "2024-06-30",
     "expires", "hyresavtalet"),
    ("Vårdcentralen i Ekby har kvällsöppet från och med den 1 september.", "2022-09-01", "starts", "kvällsöppet"),
    ("Stödet till bygdegårdarna utbetalas i oktober.", "2022-10", "due", "bygdegårdarna"),
    # an action point's "tar fram", a plan moved to a later year (the "har" of the main clause is no past cue for it)
    ("Kansliet tar fram en ny arbetsordning till den 15 maj.", "2022-05-15", "planned", "arbetsordning"),
    ("En kommunikationsplan tas fram under hösten.", "2022-FA", "planned", "kommunikationsplan"),
    ("Regionen har meddelat att utbyggnaden av busstorget skjuts upp till 2024.", "2024", "planned", "busstorget"),
    ("Invigningen av badplatsen senareläggs till augusti.", "2022-08", "planned", "badplatsen"),
    ("Två nya sopbilar köps in med leverans under tredje kvartalet.", "2022-Q3", "planned", "sopbilar"),
    # something going on, a change and an intention stated in the present tense
    ("Provdriften av den nya växeln pågår vecka 20–22.", "2022-W20/2022-W22", "planned", "växeln"),
    ("Skolplattformen byter leverantör under tredje kvartalet 2022.", "2022-Q3", "planned", "Skolplattformen"),
    ("Nämnden vill se över avgifterna för kulturskolan under hösten.", "2022-FA", "planned", "avgifterna"),
]


@pytest.mark.parametrize("text,value,kind,word", CASES)
def test_deadline_found(text: str, value: str, kind: str, word: str) -> None:
    found = _deadlines(text)
    assert [d.value for d in found] == [value]
    d = found[0]
    assert d.kind == kind
    assert word.casefold() in (d.what + " " + d.text).casefold()
    assert d.id == "dl-1" and d.date_ref == "date-1" and d.section == "sec-1"
    assert d.source.name.startswith("deadlines/") and "cue" in (d.source.explanation or "")
    assert text[d.start:d.end] == d.text


PAST = [
    "Nämnden beslutade den 3 februari att anta planen.",
    "Seminariet hölls den 14 januari i stadshuset.",
    "Konferensen genomfördes den 2 mars med 80 deltagare.",
    "Rapporten presenterades för kommunstyrelsen i februari.",
    "Kommunen har tecknat avtalet den 1 februari.",
    "Under 2021 ökade antalet elever.",
    "Glad sommar!",
    "Tidigare i år, den 3 januari, ska rapporten ha lämnats.",
    "Sidan senast uppdaterad: 4 april 2022",  # a web page's or a policy's last-modified stamp
    "Senast reviderad 2022-02-14 av kanslienheten.",
    "Riktlinjen uppdaterades den 1 februari.",
    "Gatlysen i Åby släcktes under hösten och ska bytas ut.",  # a season over before the document's date
]


@pytest.mark.parametrize("text", PAST)
def test_past_or_plain_dates_are_not_deadlines(text: str) -> None:
    assert _deadlines(text) == []


def test_event_noun_counts_only_after_the_reference() -> None:
    text = "Resultatet tas med till frukostmötet den 25 mars."
    assert [d.kind for d in _deadlines(text)] == ["meeting"]
    assert [d.kind for d in _deadlines("Frukostmötet den 25 mars.", reference=REF)] == ["meeting"]
    assert _deadlines("Frukostmötet den 25 mars.", reference=None) == []


@pytest.mark.parametrize("text, value", [
    ("Ny avgift för parkeringstillstånd från den 1 juli 2022.", "2022-07-01"),
    ("Sammanslagning av de två biblioteksfilialerna från 1 september.", "2022-09-01"),
])
def test_a_noun_phrase_dated_from_a_day_starts_then(text: str, value: str) -> None:
    found = _deadlines(text)
    assert [(d.value, d.kind) for d in found] == [(value, "starts")]
    assert "från" in (found[0].source.explanation or "")


@pytest.mark.parametrize("text", [
    "Ny avgift för parkeringstillstånd från den 1 februari.",  # before the document's date
    "Arbetet flyttas från vecka 14 till vecka 16.",  # a move: the old week starts nothing
])
def test_a_date_from_which_nothing_starts(text: str) -> None:
    assert all(d.value != "2022-W14" for d in _deadlines(text))
    assert all(d.kind != "starts" for d in _deadlines(text))


def test_only_the_precise_date_of_a_clause() -> None:
    found = _deadlines("Kulturnatten 2022 ska hållas den 23 april.")
    assert [d.value for d in found] == ["2022-04-23"]


def test_ids_in_order_and_sentence_text() -> None:
    text = "Bygget ska vara klart den 1 maj. Invigningen planeras till den 5 maj."
    found = _deadlines(text)
    assert [d.id for d in found] == ["dl-1", "dl-2"]
    assert found[1].text == "Invigningen planeras till den 5 maj."


def test_empty() -> None:
    assert deadlines_among("", [], [], []) == []


ROWS = table("deadlines_table.tsv", 5)


@pytest.mark.parametrize("text, reference, values, word", ROWS)
def test_deadline_table(text: str, reference: str, values: str, word: str) -> None:
    dates = [m.model_copy(update={"id": f"date-{i}"})
             for i, m in enumerate((m for m in find_dates(text, reference) if is_document_date(m)), 1)]
    found = deadlines_among(text, dates, [], _spans(text), reference=reference)
    assert [d.value for d in found] == ([] if values == "-" else values.split(";"))
    if word:
        assert all(word.casefold() in d.what.casefold() for d in found)
        assert all(text[d.start:d.end] == d.text and d.source.explanation for d in found)


def test_notice_counts_due_dates_before_its_meeting() -> None:
    """A kallelse's date is its meeting day: "senast" dates before it are still due; events before it are not."""
    text = ("Underlagen läggs ut i portalen senast onsdagen den 2 mars. Avbud lämnas till sekreteraren senast "
            "den 4 mars. Studiebesöket hölls den 3 mars. Kaffe serveras den 5 mars.")
    dates = [m.model_copy(update={"id": f"date-{i}"})
             for i, m in enumerate((m for m in find_dates(text, REF) if is_document_date(m)), 1)]
    notice = deadlines_among(text, dates, [], _spans(text), reference=REF, notice=True)
    assert [(d.value, d.kind) for d in notice] == [("2022-03-02", "due"), ("2022-03-04", "due")]
    assert "Avbud" in notice[1].what
    assert deadlines_among(text, dates, [], _spans(text), reference=REF) == []


def test_a_notice_keeps_what_is_due_before_its_meeting() -> None:
    # a kallelse is dated by its meeting, but it is sent out before it: "senast" dates before the meeting are still due
    text = ("Kallelse\nMiljönämnden\n\nNämnden sammanträder torsdagen den 16 april 2026 kl. 13.00 i Gula salen.\n\n"
            "1. Val av justerare\n2. Tillsynsplan 2026\n\nFörhinder anmäls senast måndagen den 13 april till sekreteraren."
            " Handlingarna skickas ut den 9 april. Protokollet från mötet den 12 mars har justerats.\n\nOla Frost\nOrdförande\n")
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.kind == "kallelse"
    assert [(d.value, d.what.split()[0]) for d in doc.deadlines if d.value < "2026-04-16"] == [
        ("2026-04-13", "Förhinder"), ("2026-04-09", "Handlingarna")]


@pytest.mark.parametrize("sentence", ["Handlingarna publiceras på nämndens webbsida den 10 april.",
                                      "Handlingarna finns tillgängliga i receptionen från den 10 april.",
                                      "Underlaget läggs ut i mötesappen den 10 april."])
def test_a_notice_says_when_its_papers_are_published(sentence: str) -> None:
    text = ("Kallelse\nMiljönämnden\n\nNämnden sammanträder torsdagen den 16 april 2026 kl. 13.00 i Gula salen.\n\n"
            f"1. Val av justerare\n2. Tillsynsplan 2026\n\n{sentence}\n\nOla Frost\nOrdförande\n")
    assert [d.value for d in kdextract.parse(text, ner=False).deadlines if d.value < "2026-04-16"] == ["2026-04-10"]


SCHEDULE = """Minnesanteckningar, projektgruppen för nya simhallen
Tid: tisdag 4 februari 2025
Närvarande: Sara Lind, Johan Berg, Aida Nilsson

Tidplan
Moment                         Datum             Ansvarig
Ritningar godkända             2025-01-20        Sara Lind
Bygglov sökt                   2025-03-14        Johan Berg
Upphandling av entreprenör     maj 2025          Aida Nilsson
  och projektör
Öppning för allmänheten        hösten 2026       Sara Lind

Övrigt
Inget att notera.
"""


def test_each_step_of_a_schedule_table_after_the_document_date_is_a_deadline() -> None:
    doc = kdextract.parse(SCHEDULE, ner=False)
    found = [(d.value, d.what, d.kind) for d in doc.deadlines]
    # the step done before the meeting (20 januari) is none; a wrapped cell stays in its row
    assert found == [("2025-03-14", "Bygglov sökt", "planned"), ("2025-05", "Upphandling av entreprenör", "planned"),
                     ("2026-FA", "Öppning för allmänheten", "planned")]
    assert "och projektör" in doc.deadlines[1].text
    assert all(SCHEDULE[d.start:d.end] == d.text for d in doc.deadlines)


ACTIONS = """Minnesanteckningar, arbetsgruppen för skolskjuts
Datum: 2025-02-04

{header}
{n1}Beställa nya hållplatsskyltar        Maja Ek          v. 12
{n2}Informera vårdnadshavarna            Omar Said        2025-03-20
"""


@pytest.mark.parametrize("header, numbers", [
    ("Åtgärd                               Ansvarig         Klart", ("", "")),
    ("#   Action                               Owner            Due", ("1   ", "2   ")),
    ("Nr   Åtgärd                              Ansvarig         Klart senast", ("1.   ", "2.   ")),
])
def test_an_action_list_is_a_schedule_table(header: str, numbers: tuple[str, str]) -> None:
    text = ACTIONS.format(header=header, n1=numbers[0], n2=numbers[1])
    doc = kdextract.parse(text, ner=False)
    assert [(d.value, d.what) for d in doc.deadlines] == [
        ("2025-W12", "Beställa nya hållplatsskyltar"), ("2025-03-20", "Informera vårdnadshavarna")]


AUDITS = """Revisionsplan, Ekby kommuns revisorer
Datum: 2025-02-04

Granskning                 Granskad nämnd        Rapport klar  Svar senast
Intern kontroll            Kommunstyrelsen       april         2025-06-30
Rapport per april          Socialnämnden         juni          2025-09-15
"""


FOLLOW_UP = """Uppföljning av revisorernas rekommendationer
Datum: 2025-10-01

Rekommendation                       Status          Klart senast
Inför en rutin för attest            Genomförd       –
Utbilda chefer i upphandling         Pågår           2025-12-15
Se över avtalen för skolskjuts       Ej påbörjad     2026-04-30
"""


def test_a_follow_up_of_recommendations_is_a_schedule_table() -> None:
    found = [(d.value, d.what) for d in kdextract.parse(FOLLOW_UP, ner=False).deadlines]
    assert found == [("2025-12-15", "Utbilda chefer i upphandling"), ("2026-04-30", "Se över avtalen för skolskjuts")]


def test_an_audit_plan_is_a_schedule_table_whose_step_cell_dates_nothing() -> None:
    found = [(d.value, d.what) for d in kdextract.parse(AUDITS, ner=False).deadlines]
    # two labels two blanks apart head two columns; "per april" names its step ("Rapport per april")
    assert found == [("2025-04", "Intern kontroll"), ("2025-06-30", "Intern kontroll"),
                     ("2025-06", "Rapport per april"), ("2025-09-15", "Rapport per april")]


LOG = """Minnesanteckningar, styrgruppen för nya simhallen
Datum: 2025-02-04

Beslutslogg
Nr     Datum        Beslut                                   Beslutat av
S-3    2025-02-04   Entreprenaden görs som totalentreprenad  Styrgruppen
S-4    2025-02-04   Invigningen skjuts upp till hösten 2026   Styrgruppen
S-5    2025-02-04   Hyresavtalet för paviljongen förlängs    Styrgruppen
                    till och med 2026-06-30
"""


def test_the_days_in_a_decision_log_are_when_things_were_decided() -> None:
    found = [(d.value, d.what) for d in kdextract.parse(LOG, ner=False).deadlines]
    assert "2025-02-04" not in [v for v, _ in found]
    assert [v for v, _ in found] == ["2026-FA", "2026-06-30"]  # a plan inside a decision's cell stays one


NEWS = """Nyhetsbrev från kommundirektören, mars 2025

3 mars | Ny förskola öppnar i Ekby
Förskolan Linden öppnar i augusti med sex avdelningar.
"""


def test_the_date_leading_a_news_heading_dates_the_item() -> None:
    assert [d.value for d in kdextract.parse(NEWS, ner=False).deadlines] == ["2025-08"]


def test_a_column_header_is_no_form_label() -> None:
    # "Datum" heads a column of the table under a short form; the form's own labels stay
    labels = [SCHEDULE[h.start:h.end] for h in label_hits(SCHEDULE)]
    assert labels == ["Tid", "Närvarande"]
    form = "Protokoll\n\nPlats   Rådhuset\nDatum   Ordförande   Sekreterare\n"  # a label first: still a form
    assert "Datum" in [form[h.start:h.end] for h in label_hits(form)]


@pytest.mark.parametrize("label", ["Justering:\t", "Justeringens plats     "])
def test_a_justering_label_with_the_place_before_the_day(label: str) -> None:
    text = ("Fritidsnämnden\nProtokoll\nSammanträdesdatum: 2025-04-08\n"
            f"{label}Fritidsförvaltningen, fredag 11 april 2025\n\n§ 7 Badhuset\nNämnden diskuterar öppettider.\n")
    found = [(d.value, d.kind) for d in kdextract.parse(text, ner=False).deadlines]
    assert ("2025-04-11", "planned") in found


@pytest.mark.parametrize("header", ["Åtgärd                        Ansvarig       Klart",
                                    "Vad                           Vem            När"])
def test_the_rows_of_an_action_list_are_deadlines(header: str) -> None:
    text = ("Minnesanteckningar\nFunktionshinderrådet 2025-10-07\n\nÅtgärder\n" + header + "\n"
            "Boka lokal för hörselslinga     Anna Ek        v. 44\n"
            "Skicka inbjudan till dialogen   Per Åsk        14 november\n")
    found = [(d.value, d.what) for d in kdextract.parse(text, ner=False).deadlines]
    assert found == [("2025-W44", "Boka lokal för hörselslinga"), ("2025-11-14", "Skicka inbjudan till dialogen")]


DATED_ITEMS = """Protokoll, valberedningen
Sammanträdesdatum: 2026-09-01

§ 4  Val av justerare
Eva Ek justerar protokollet.

§ 5  Nomineringar inför perioden 2027–2030
Valberedningen ska föreslå ledamöter för perioden 2027–2030.
"""


def test_a_dated_item_heading_is_no_part_of_the_sentence_under_it() -> None:
    found = kdextract.parse(DATED_ITEMS, ner=False).deadlines
    assert [(d.value, d.text) for d in found] == [
        ("2027/2030", "Valberedningen ska föreslå ledamöter för perioden 2027–2030.")]


def test_a_kallelse_dated_by_its_meeting_keeps_what_starts_before_it() -> None:
    text = ("KALLELSE\nByggnadsnämnden\n\nTid   Onsdagen den 13 oktober 2027 kl. 09.00\nPlats  Stadshuset\n\n"
            "1. Val av justerare\n2. Bygglovsstatistik\n\nHandlingarna ligger i läsplattan från och med den 6/10.\n"
            "Sammanträdet 2025 hölls i Ekbysalen.\n")
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.kind == "kallelse" and doc.meta.date == "2027-10-13"
    assert [d.value for d in doc.deadlines if d.value != "2027-10-13"] == ["2027-10-06"]


def test_a_bare_done_by_in_a_flattened_list_of_tasks_takes_the_task_before_its_owner() -> None:
    """A paragraph of numbered tasks run together: each "Klart: …" is due for the task before its "Ansvarig:", where
    the layout set the task's sentence apart on a line of its own."""
    text = ("Grävlinge kommun Styrgruppen för nya biblioteket\n\nMinnesanteckningar Datum: 2026-05-04\n\n"
            "Närvarande: Tove Sandlund, Emil Rask, Anneli Rapp\n\n"
            "Läget Bygget följer tidplanen och ligger inom budget. Hyresavtalet är klart.\n\n"
            "Uppgifter 1. Boka en lokal för invigningen av biblioteket. Ansvarig: Emil Rask. Klart: 2026-06-12. "
            "2. Skicka inbjudningar till föreningarna i Västerbyn. Ansvarig: Anneli Rapp. Klart: senast den 20 juni. "
            "3. Beställa skyltar till entrén och parkeringen. Ansvarig: Tove Sandlund. Klart: 2026-08-15.\n")
    assert [(d.value, d.what) for d in kdextract.parse(text, ner=False).deadlines] == [
        ("2026-06-12", "Boka lokal invigningen"), ("2026-06-20", "Skicka inbjudningar föreningarna"),
        ("2026-08-15", "Beställa skyltar entrén")]
