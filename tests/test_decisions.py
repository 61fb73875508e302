"""build_decisions on hand-built contexts (invented Swedish municipal text)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from contexts import SRC, make_ctx

import kdextract
from kdextract.models import (
    Amount,
    DateMention,
    Deadline,
    DocumentMeta,
    Organisation,
    Person,
)
from kdextract.records.context import Context
from kdextract.records.decisions import build_decisions


def amount(text: str, phrase: str, value: int, id: str = "amt-1") -> Amount:
    a = text.index(phrase)
    return Amount(id=id, text=phrase, start=a, end=a + len(phrase), value=Decimal(value), source=SRC)


def date(text: str, phrase: str, value: str, id: str = "date-1") -> DateMention:
    a = text.index(phrase)
    return DateMention(id=id, text=phrase, start=a, end=a + len(phrase), value=value, granularity="day",
                       day=dt.date.fromisoformat(value), source=SRC)


def org(text: str, name: str, id: str = "org-1", kind: str = "committee") -> Organisation:
    a = text.index(name)
    return Organisation(id=id, text=name, start=a, end=a + len(name), name=name, kind=kind, source=SRC)


def texts(ds) -> list[str]:
    return [d.text for d in ds]


# ---- running-text cues -------------------------------------------------------------------

@pytest.mark.parametrize("sentence, kind", [
    ("Miljönämnden har beslutat att införa taxa för tillsyn.", "decision"),
    ("Barn- och utbildningsnämnden beslutade att stänga skolan i Norrby.", "decision"),
    ("Regionen har fattat beslut om utbyggd pendeltrafik.", "decision"),
    ("Beslut togs om att flytta växeln till stadshuset.", "decision"),
    ("Styrelsen fastställde årsredovisningen.", "adoption"),
    ("Vid mötet fastställdes arbetsordningen för rådet.", "adoption"),
    ("Kommunchefen har fastställt en ny delegationsordning.", "adoption"),
    ("Vid sammanträdet antogs den nya avfallsplanen.", "adoption"),
    ("Fullmäktige antog budgeten för nästa år.", "adoption"),
    ("Ekonomichefen fick i uppdrag att räkna om kostnaderna.", "assignment"),
    ("Förvaltningen har därför fått i uppdrag att utreda frågan.", "assignment"),
    ("Kultursekreteraren uppdras att samordna festivalen.", "assignment"),
    ("Uppdra till förvaltningen att ta fram en ny plan.", "assignment"),
    ("Kommunstyrelsen beslutar att avsätta medel för ändamålet.", "decision"),
    ("Karin Holm utses till ordförande i gruppen.", "decision"),
    ("Kommundirektören har beställt en utredning om lokalerna.", "assignment"),
    ("Socialnämnden har tillstyrkt förslaget.", "decision"),
    ("Arbetsutskottet föreslår att nämnden godtar avtalet.", "proposal"),
    ("Förbundsdirektionen föreslår medlemskommunerna att anta den nya förbundsordningen.", "proposal"),
    ("Styrelsen föreslår ägarna att skjuta till nytt kapital.", "proposal"),
    ("Direktionen föreslår regionfullmäktige att godkänna avtalet.", "proposal"),
])
def test_each_cue_gives_one_decision(sentence: str, kind: str) -> None:
    text = f"Rubrik\n\nInledande mening om läget. {sentence} Därefter kom en annan fråga upp.\n"
    decisions = build_decisions(make_ctx(text, [("Rubrik", 1)]))
    assert texts(decisions) == [sentence]
    assert decisions[0].kind == kind
    assert decisions[0].id == "dec-1"
    d = decisions[0]
    assert text[d.start:d.end] == d.text
    assert d.section == "sec-1"


def test_cues_survive_lost_diacritics() -> None:
    text = "Tillsyn\n\nKonsulten har nu fatt i uppdrag att granska driften.\n"
    assert [d.kind for d in build_decisions(make_ctx(text, [("Tillsyn", 1)]))] == ["assignment"]


@pytest.mark.parametrize("sentence", [
    "Tanken är att nämnden ska kunna fatta beslut före jul.",
    "Kartläggningen ger stöd inför kommande beslut om nya lokaler.",
    "Nämnden har inte beslutat i frågan ännu.",
    "Ett förslag till ny taxa finns framtaget.",
    "Om styrelsen beslutar att gå vidare startar arbetet i maj.",
    "Arbetet ger kortare beslutsvägar och ett tydligt principbeslut.",
    "Planen kommer att antas av fullmäktige i juni.",
])
def test_no_decision_in_future_conditional_or_plain_noun(sentence: str) -> None:
    text = f"Rubrik\n\n{sentence}\n"
    assert build_decisions(make_ctx(text, [("Rubrik", 1)])) == []


def test_one_decision_per_sentence_and_assignment_wins() -> None:
    text = "Samverkan\n\nBeslut togs även om att ge förvaltningscheferna i uppdrag att ta fram en rutin.\n"
    decisions = build_decisions(make_ctx(text, [("Samverkan", 1)]))
    assert len(decisions) == 1 and decisions[0].kind == "assignment"


def test_subject_becomes_decided_by_with_id() -> None:
    text = "Avgifter\n\nI enlighet med tidigare planer har Tekniska nämnden beslutat att höja avgiften.\n"
    o = org(text, "Tekniska nämnden")
    d, = build_decisions(make_ctx(text, [("Avgifter", 1)], organisations=[o]))
    assert d.decided_by == "org-1"


def test_role_subject_resolves_to_person() -> None:
    text = "Lokaler\n\nKommundirektören har nyligen beslutat att ekonomienheten ska flytta.\n\nEva Lind\nKommundirektör\n"
    a = text.index("Eva Lind")
    p = Person(id="per-1", text="Eva Lind", start=a, end=a + 8, name="Eva Lind", role="kommundirektör", source=SRC)
    d, = build_decisions(make_ctx(text, [("Lokaler", 1)], people=[p]))
    assert d.decided_by == "per-1"


def test_meeting_body_and_date_from_the_sentence() -> None:
    text = "Revision\n\nVid kulturnämndens sammanträde 24 april antogs svaret på revisorernas granskning.\n"
    o = org(text, "kulturnämndens")
    o = o.model_copy(update={"name": "Kulturnämnden"})
    dm = date(text, "24 april", "2014-04-24")
    d, = build_decisions(make_ctx(text, [("Revision", 1)], organisations=[o], dates=[dm]))
    assert d.kind == "adoption"
    assert d.date == "2014-04-24"
    assert d.decided_by == "org-1"


def test_amount_and_deadline_links() -> None:
    text = ("Förskolor\n\nNämnden beslutade att anslå 450 tkr till upprustning som ska vara klar den 30 "
            "november.\n\nInköp av 3 mnkr diskuterades också.\n")
    a1 = amount(text, "450 tkr", 450000, "amt-1")
    a2 = amount(text, "3 mnkr", 3000000, "amt-2")
    dm = date(text, "den 30 november", "2024-11-30")
    dl = Deadline(id="dl-1", text="klar den 30 november", start=dm.start - 5, end=dm.end, value="2024-11-30",
                  what="upprustning", kind="due", date_ref="date-1", source=SRC)
    d, = build_decisions(make_ctx(text, [("Förskolor", 1)], amounts=[a1, a2], dates=[dm], deadlines=[dl]))
    assert d.amounts == ["amt-1"]
    assert d.deadlines == ["dl-1"]
    assert d.date is None  # the only date follows the cue: it is the deadline, not the decision date


# ---- Beslut blocks -----------------------------------------------------------------------

MINUTES = """Minnesanteckningar från styrgruppen

1. Val av justerare

Per Berg utses som justerare.

2. Gemensam matleverans

Leveransavtalet gäller till och med augusti. Gruppen vill behålla det medan ett nytt underlag tas fram.

Beslut

- 1) Kansliet får i uppdrag att:
 - förlänga leveransavtalet i sex månader
 - sammanställa erfarenheterna inför en ny upphandling
- 2) Kostcheferna bildar referensgrupp för leveranserna.

Nordby kommun deltar ej i beslutet.

3. Gemensam utbildningsdag

Kansliet presenterar ett förslag. Kostnaden beräknas till 80 000 kr.

Förslag till beslut

Styrgruppen godkänner att kansliet genomför en utbildningsdag i höst.

Beslut

Styrgruppen beslutar att kansliet kan genomföra utbildningsdagen till en kostnad om högst 80 000 kr.

Mötet avslutas.

4. Nästa möte

Nästa möte hålls den 5 oktober.
"""

MINUTES_HEADINGS = [("1. Val av justerare", 1), ("2. Gemensam matleverans", 1), ("Beslut", 2),
                    ("3. Gemensam utbildningsdag", 1), ("Förslag till beslut", 2), ("Beslut", 2),
                    ("4. Nästa möte", 1)]


def minutes_ctx(**found: list) -> Context:
    meta = DocumentMeta(kind="minnesanteckningar", date="2023-06-09", organisation="Styrgruppen")
    found.setdefault("organisations", [org(MINUTES, "Styrgruppen", kind="other")])
    return make_ctx(MINUTES, MINUTES_HEADINGS, meta, **found)


def test_beslut_block_with_points_and_reservation() -> None:
    decisions = build_decisions(minutes_ctx())
    block = next(d for d in decisions if "förlänga leveransavtalet" in d.text)
    assert block.source.name == "decisions/block_decision"
    assert block.text.startswith("- 1) Kansliet får i uppdrag att:")
    assert block.text.endswith("bildar referensgrupp för leveranserna.")
    assert MINUTES[block.start:block.end] == block.text
    assert block.points == [
        "Kansliet får i uppdrag att:",
        "förlänga leveransavtalet i sex månader",
        "sammanställa erfarenheterna inför en ny upphandling",
        "Kostcheferna bildar referensgrupp för leveranserna.",
    ]
    assert [r.text for r in block.reservations] == ["Nordby kommun deltar ej i beslutet."]
    assert block.reservations[0].who == ["Nordby kommun"]
    assert block.decided_by == "org-1"  # the issuer, as no subject is written
    assert block.date == "2023-06-09"
    assert block.section == "sec-2"  # the agenda item, not the "Beslut" subheading


def test_minutes_give_one_decision_per_block_and_keep_the_proposal_apart() -> None:
    decisions = build_decisions(minutes_ctx())
    assert [d.kind for d in decisions] == ["decision", "assignment", "proposal", "decision"]
    assert decisions[0].text == "Per Berg utses som justerare."
    assert decisions[0].date == "2023-06-09"  # the meeting's date
    proposal = decisions[2]
    assert proposal.text == "Styrgruppen godkänner att kansliet genomför en utbildningsdag i höst."
    last = decisions[3]
    assert "Mötet avslutas" not in last.text
    assert last.decided_by == "org-1"
    assert [d.id for d in decisions] == ["dec-1", "dec-2", "dec-3", "dec-4"]


def test_block_amount_link() -> None:
    text = MINUTES
    at = text.rindex("80 000 kr")
    a_early = amount(text, "80 000 kr", 80000, "amt-1")
    a_block = Amount(id="amt-2", text="80 000 kr", start=at, end=at + 9, value=Decimal(80000), source=SRC)
    decisions = build_decisions(minutes_ctx(amounts=[a_early, a_block]))
    assert decisions[-1].amounts == ["amt-2"]


def test_block_heading_found_without_sections() -> None:
    text = "3. Lokalfrågan\n\nNämnden diskuterar lokalerna.\n\n**Beslut:**\n\nFrågan tas upp igen i september.\n"
    meta = DocumentMeta(kind="protokoll", organisation="Nämnden")
    decisions = build_decisions(make_ctx(text, [], meta, organisations=[org(text, "Nämnden")]))
    assert texts(decisions) == ["Frågan tas upp igen i september."]
    assert decisions[0].kind == "decision" and decisions[0].decided_by == "org-1"


def test_inline_beslut_heading() -> None:
    text = "5. Val\n\nBeslut: Anna Ek väljs till sekreterare.\n"
    decisions = build_decisions(make_ctx(text, [("5. Val", 1)]))
    assert texts(decisions) == ["Anna Ek väljs till sekreterare."]


@pytest.mark.parametrize("label", ["Beslut 2025:31:", "Beslut nr 12:"])
def test_inline_numbered_beslut_heading(label: str) -> None:
    text = f"§ 4 Hyra av lokal\n\n{label} Styrelsen hyr ut lokalen på Torggatan till föreningen.\n"
    decisions = build_decisions(make_ctx(text, [("§ 4 Hyra av lokal", 1)]))
    assert texts(decisions) == ["Styrelsen hyr ut lokalen på Torggatan till föreningen."]


def test_att_clauses_and_reservation_under_its_own_heading() -> None:
    text = ("§ 12 Avfallsplan\n\nFörslag till beslut\n\nNämnden föreslår fullmäktige att anta planen.\n\n"
            "Kommunstyrelsens beslut\n\nKommunstyrelsen beslutar\n\natt godkänna planen,\n\n"
            "att uppdra åt förvaltningen att återrapportera i november.\n\nReservation\n\n"
            "Anna Berg (M) reserverar sig mot beslutet.\n\n§ 13 Övrigt\n\nInga övriga frågor.\n")
    ks = org(text, "Kommunstyrelsen")
    ks = ks.model_copy(update={"start": text.index("Kommunstyrelsen beslutar"),
                               "end": text.index("Kommunstyrelsen beslutar") + 15})
    ctx = make_ctx(text, [("§ 12 Avfallsplan", 1), ("Förslag till beslut", 2), ("Reservation", 2), ("§ 13 Övrigt", 1)],
                   DocumentMeta(kind="protokoll", date="2022-05-16", organisation="Kommunstyrelsen"),
                   organisations=[ks])
    proposal, decision = build_decisions(ctx)
    assert proposal.kind == "proposal" and proposal.text == "Nämnden föreslår fullmäktige att anta planen."
    assert decision.kind == "decision"
    assert decision.points == ["att godkänna planen,", "att uppdra åt förvaltningen att återrapportera i november."]
    assert [r.text for r in decision.reservations] == ["Anna Berg (M) reserverar sig mot beslutet."]
    assert decision.reservations[0].who == ["Anna Berg (M)"]
    assert decision.outcome == "approved"
    assert decision.decided_by == "org-1"
    assert decision.date == "2022-05-16"


def test_minutes_drop_a_proposal_whose_item_records_its_decision() -> None:
    # the proposal sits under a subheading of the item; the decision is in a block or a sentence
    text = ("§ 7 Ny lekplats i Åbacka\n\nBakgrund\n\nTekniska kontoret föreslår att nämnden bygger om lekplatsen.\n\n"
            "Nämndens beslut\n\nNämnden bygger om lekplatsen under våren.\n\n"
            "§ 8 Sammanträdestider\n\nSekreteraren föreslår att mötet i juni flyttas en vecka. Nämnden godkänner förslaget.\n\n"
            "§ 9 Motion om gatubelysning\n\nPresidiet föreslår att motionen bereds vidare.\n")
    ctx = make_ctx(text, [("§ 7 Ny lekplats i Åbacka", 1), ("Bakgrund", 2), ("§ 8 Sammanträdestider", 1),
                          ("§ 9 Motion om gatubelysning", 1)],
                   DocumentMeta(kind="protokoll", date="2024-02-12", organisation="Nämnden"))
    decisions = build_decisions(ctx)
    assert texts(decisions) == ["Nämnden bygger om lekplatsen under våren.", "Nämnden godkänner förslaget.",
                                "Presidiet föreslår att motionen bereds vidare."]
    assert [d.kind for d in decisions] == ["decision", "decision", "proposal"]  # § 9 records no decision


def test_a_proposal_outside_minutes_stays() -> None:
    text = "Lekplatser\n\nArbetsutskottet föreslår att nämnden bygger om lekplatsen. Nämnden godkänner förslaget.\n"
    decisions = build_decisions(make_ctx(text, [("Lekplatser", 1)], DocumentMeta(kind="tjansteskrivelse")))
    assert [d.kind for d in decisions] == ["proposal"]


@pytest.mark.parametrize("sentence", [
    "Förvaltningen föreslår att badplatsen får en ny brygga.",
    "Miljö- och hälsoskyddsförvaltningen\nföreslår att tillsynsplanen utökas med två objekt.",
    "Stadsbyggnadskontoret föreslår att detaljplanen ställs ut i maj.",
    "Sektorn föreslår att nämnden godkänner den nya taxan.",
])
def test_an_office_proposal_is_no_decision(sentence: str) -> None:
    text = f"Sammanfattning\n\nUppföljningen visar inga brister. {sentence}\n"
    for kind in ("tjansteskrivelse", "other", "protokoll"):
        ctx = make_ctx(text, [("Sammanfattning", 1)], DocumentMeta(kind=kind))
        assert build_decisions(ctx) == []


def test_a_decision_beside_an_office_proposal_stays() -> None:
    text = ("Beslutsärende\n\nFörvaltningen föreslår att avgiften höjs. Nämnden beslutar att höja avgiften till "
            "300 kronor.\nBeslut: Taxan gäller från årsskiftet.\n")
    ctx = make_ctx(text, [("Beslutsärende", 1)], DocumentMeta(kind="protokoll", date="2025-05-05"))
    assert texts(build_decisions(ctx)) == ["Nämnden beslutar att höja avgiften till 300 kronor.",
                                           "Taxan gäller från årsskiftet."]


def test_meeting_date_between_auxiliary_and_participle() -> None:
    text = "Omsorg\n\nSocialnämnden har vid sitt sammanträde den 4 februari beslutat att införa nya riktlinjer.\n"
    dm = date(text, "den 4 februari", "2025-02-04")
    d, = build_decisions(make_ctx(text, [("Omsorg", 1)], dates=[dm], organisations=[org(text, "Socialnämnden")]))
    assert d.date == "2025-02-04" and d.day == dt.date(2025, 2, 4) and d.decided_by == "org-1"


@pytest.mark.parametrize(("opening", "date"), [
    ("Då antogs", "2025-03-12"),
    ("Där antogs", "2025-03-12"),
    ("I samband med mötet antogs", "2025-03-12"),
    ("I samband med sammanträdet antogs", "2025-03-12"),
    ("Dagen efter antogs", None),  # no reference back to the meeting: no date of its own either
])
def test_a_sentence_that_refers_back_takes_the_meeting_date(opening: str, date: str | None) -> None:
    import kdextract

    text = f"Rapport om lokalerna\n\nFritidsnämnden sammanträdde den 12 mars 2025. {opening} den nya taxan för hallhyror.\n"
    (decision,) = kdextract.parse(text, ner=False, document_date="2025-06-01").decisions
    assert decision.date == date


def test_a_passive_after_a_modal_earlier_in_its_sentence_is_no_decision() -> None:
    text = ("Protokoll\nKultur- och fritidsnämnden 2025-03-11\n\n§ 12  Bidrag till studieförbund\n\n"
            "Vid särskilda skäl kan ett högre bidrag än 20 000 kronor i undantagsfall beviljas.\n"
            "Ansökan från Ekby Folkhögskola beviljas.\n")
    found = [d.text for d in kdextract.parse(text, ner=False).decisions]
    assert found == ["Ansökan från Ekby Folkhögskola beviljas."]


def test_a_long_run_on_sentence_with_only_an_assignment_phrase_is_no_decision() -> None:
    """A flattened page can run into one sentence over 400 characters whose only cue is a support
    phrase ("ge … i uppdrag"): no decision, and no crash looking for a main cue it does not have."""
    import kdextract

    text = ("Tjänsteskrivelse Tillsyn av enskilda avlopp Inför nästa år finns skäl att ge miljöchefen i uppdrag "
            "att redovisa resultatet av inventeringen vid ett sammanträde i november tillsammans med en plan för "
            "de fastigheter som behöver åtgärda sina anläggningar under kommande år, vilket berör omkring tvåhundra "
            "hushåll i de tre byarna och ett antal fritidshus längs ån samt några gårdar på andra sidan vägen mot "
            "sjön där ledningarna byttes för länge sedan och där ingen har gjort någon besiktning sedan dess utan "
            "att någon har frågat efter det")
    assert kdextract.parse(text, ner=False).decisions == []


def test_a_bodys_proposal_to_another_body_heads_a_proposal_block() -> None:
    text = ("Protokoll\nKommunstyrelsens arbetsutskott 2025-04-08\n\n§ 31  Arrende av mark vid Ekbyhamnen\n\n"
            "Båtklubben vill arrendera marken i tio år.\n\n"
            "Arbetsutskottets förslag till kommunstyrelsen\n"
            "Kommunstyrelsen upplåter marken vid Ekbyhamnen till båtklubben.\n")
    (decision,) = kdextract.parse(text, ner=False).decisions
    assert decision.kind == "proposal" and decision.text.startswith("Kommunstyrelsen upplåter marken")
