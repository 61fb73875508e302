"""find_dates: municipal-style examples written for these tests, non-dates, and Duckling's cases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kdextract import find_dates
from kdextract.parsers.dates import DOCUMENT_DROP_RULES, is_document_date

R14 = dt.date(2014, 3, 10)  # a report in March (a Monday)
R19 = dt.date(2019, 11, 20)  # a report in November
R23 = dt.date(2023, 6, 16)  # minutes in June

# (text, reference, expected value of the longest mention, expected mention text or None = the whole text)
OWN = [
    # full dates
    ("Beslutet fattades 2025-02-26.", R23, "2025-02-26", "2025-02-26"),
    ("Sammanträde 2019-10-15", R19, "2019-10-15", "2019-10-15"),
    ("Inkom 26.2.2025 till kansliet", R23, "2025-02-26", "26.2.2025"),
    ("Svar senast 21/7", R23, "2023-07-21", "21/7"),
    ("Datum: 03/04/2015", R14, "2015-04-03", "03/04/2015"),
    ("Mötet hålls den 22 maj.", R14, "2014-05-22", "den 22 maj"),
    ("Planen antogs 27 maj 2015 av fullmäktige.", R23, "2015-05-27", "27 maj 2015"),
    ("Ändringen genomförs tisdagen den 21 januari 2020.", R19, "2020-01-21", "tisdagen den 21 januari 2020"),
    ("Tid Torsdag den 15 juni kl 09.15-11.45", R23, "2023-06-15T09:15/2023-06-15T11:45", "Torsdag den 15 juni kl 09.15-11.45"),
    ("Nästa träff den 23 augusti kl 13.15-14.45 med länet", R23, "2023-08-23T13:15/2023-08-23T14:45", "den 23 augusti kl 13.15-14.45"),
    ("Start kl 13.30 den 6 oktober i matsalen.", R23, "2023-10-06T13:30", "kl 13.30 den 6 oktober"),
    ("Utbetalning sker den 1:a varje månad, första gången den 1:a april.", R14, "2014-04-01", "den 1:a april"),
    ("Avgiften betalas senast den 15:e.", R14, "2014-03-15", "senast den 15:e"),
    ("Från och med den förste juli gäller nya taxor.", R14, "2014-07-01", "den förste juli"),
    ("Tjänsten tillträds den tjugoförsta augusti.", R14, "2014-08-21", "den tjugoförsta augusti"),
    ("Seminariet är den 27 oktobet i aulan.", R19, "2019-10-27", "den 27 oktobet"),
    ("Bygget blir klart den 5 septembe enligt plan.", R19, "2019-09-05", "den 5 septembe"),
    ("Avtalet upphör den 20 januari.", R19, "2020-01-20", "den 20 januari"),
    ("Han slutade den 6 september.", R19, "2019-09-06", "den 6 september"),
    ("Vi ses den 16 december.", dt.date(2021, 2, 3), "2020-12-16", "den 16 december"),
    ("Samrådet pågår 11 augusti — 22 september.", R23, "2023-08-11/2023-09-22", "11 augusti — 22 september"),
    ("under tiden 7 august — 29 september", R23, "2023-08-07/2023-09-29", "7 august — 29 september"),
    ("Utbildningen den 9 – 10 december", dt.date(2012, 10, 24), "2012-12-09/2012-12-10", "den 9 – 10 december"),
    ("Den 3-4 oktober deltog nämnden i en utbildning.", R19, "2019-10-03/2019-10-04", "Den 3-4 oktober"),
    ("Kursen går 28 december 2023 - 4 januari 2024.", R23, "2023-12-28/2024-01-04", None),
    ("från 30 december till 2 januari", R23, "2023-12-30/2024-01-02", "30 december till 2 januari"),
    ("Kontoret är stängt 5-7 juli.", R23, "2023-07-05/2023-07-07", "5-7 juli"),
    # months
    ("Avtal kan tecknas i april.", R14, "2014-04", "i april"),
    ("En rapport kommer under september.", R14, "2014-09", "under september"),
    ("Budgeten för maj 2014 är fastställd.", R23, "2014-05", "för maj 2014"),
    ("Kommunchefens information oktober 2019", R19, "2019-10", "oktober 2019"),
    ("Beslut väntas i slutet av april.", R14, "2014-04", "i slutet av april"),
    ("Förhandlingen hölls i början av september.", R19, "2019-09", "i början av september"),
    ("Arbetet pågår januari–mars 2015.", R14, "2015-01/2015-03", "januari–mars 2015"),
    ("Tjänsten tillsätts efter augusti.", R14, "2014-08", "efter augusti"),
    ("Vi återkommer i december.", dt.date(2021, 2, 3), "2020-12", "i december"),
    ("Ombyggnaden är färdig 15 oktober innevarande år.", dt.date(2012, 4, 3), "2012-10-15", None),
    # years
    ("Verksamheten under 2024 ska utvärderas.", R23, "2024", "under 2024"),
    ("I 2014 års budget finns medel.", R14, "2014", "I 2014 års"),
    ("Verksamhetsplan 2014 antogs.", R14, "2014", "2014"),
    ("Budget 2011 för nämnden", R14, "2011", "2011"),
    ("Mottagande för år 2020 är klart.", R19, "2020", "för år 2020"),
    ("Anvisningstal 2020 - bostäder", R19, "2020", "2020"),
    ("Planen gäller 2022–2025.", R23, "2022/2025", "2022–2025"),
    ("Läsåret 2013/2014 startar i augusti.", R14, "2013/2014", "2013/2014"),
    ("Akademien bildades 2012.", R23, "2012", "2012"),
    ("Målet ska nås i början av 2014.", R14, "2014", "i början av 2014"),
    # parts of periods, seasons
    ("Nämnderna slås ihop vid halvårsskiftet 2016.", R14, "2016-07-01", "vid halvårsskiftet 2016"),
    ("Vid årsskiftet startar projektet.", dt.date(2012, 4, 3), "2013-01-01", "Vid årsskiftet"),
    ("Protokollet justerades okt 14 2019 av ordföranden.", R19, "2019-10-14", "okt 14 2019"),
    ("Mötet hölls 12 mars 2014 onsdag kl 18.00 i aulan.", R19, "2014-03-12T18:00", "12 mars 2014 onsdag kl 18.00"),
    ("Rådet träffas 21 november torsdag.", R19, "2019-11-21", "21 november torsdag"),
    ("Sedan förrgår är vägen avstängd.", R14, "2014-03-08", "förrgår"),
    # a past verb next to a year-less turn: the last turn, not the coming one
    ("Vid årsskiftet startade arbetet med den nya planen.", R14, "2014-01-01", "Vid årsskiftet"),
    ("Arbetet inleddes vid årsskiftet.", R19, "2019-01-01", "vid årsskiftet"),
    ("Vid årsskiftet var bemanningen fullständig.", R23, "2023-01-01", "Vid årsskiftet"),
    ("Vid årsskiftet träder den nya taxan i kraft.", R19, "2020-01-01", "Vid årsskiftet"),
    ("Vid halvårsskiftet avslutades förstudien.", R14, "2013-07-01", "Vid halvårsskiftet"),
    ("Vid månadsskiftet betalades arvodena ut.", R19, "2019-11-01", "Vid månadsskiftet"),
    ("En ny plan tas fram efter sommaren.", dt.date(2012, 4, 3), "2012-FA", "efter sommaren"),
    ("Beslut fattas under hösten.", R23, "2023-FA", "under hösten"),
    ("Analysen görs senare i höst.", R23, "2023-FA", "senare i höst"),
    ("Vi träffas i höst igen.", R23, "2023-FA", "i höst"),
    ("Beslut under hosten", R23, "2023-FA", "under hosten"),
    ("Sista mötet före sommaren.", R23, "2023-SU", "före sommaren"),
    ("Utredningen blev klar i våras.", R19, "2019-SP", "i våras"),
    # a past verb next to a year-less season in a report late in the year: the last one, not the coming one
    ("Badet stängdes under våren för reparation.", R19, "2019-SP", "under våren"),
    ("Under våren köptes två nya bussar.", R19, "2019-SP", "Under våren"),
    # a weekday before a one-digit day and a month opens that date; it is no relative weekday
    ("Anmälan görs senast onsdag 2 mars.", dt.date(2022, 2, 20), "2022-03-02", "onsdag 2 mars"),
    ("Skolan byggs om under våren.", R19, "2020-SP", "under våren"),
    ("Hösten 2014 öppnar skolan.", R14, "2014-FA", "Hösten 2014"),
    ("Besöket sker senare under året.", R14, "2014", "senare under året"),
    ("Under första halvåret 2015 görs en översyn.", R14, "2015-H1", None),
    # weeks, quarters, tertials
    ("Upphandlingen annonseras vecka 12.", R14, "2014-W12", "vecka 12"),
    ("Leverans v. 12", R14, "2014-W12", "v. 12"),
    ("Redovisning i kvartal 1 2015.", R14, "2015-Q1", "i kvartal 1 2015"),
    ("Prognosen för Q3 visar underskott.", R14, "2014-Q3", "för Q3"),
    ("Under första kvartalet ökade kostnaderna.", R14, "2014-Q1", "Under första kvartalet"),
    # a bullet wrapped between the ordinal and "kvartalet" (the year stays part of it)
    ("• ta fram en ny rutin senast under tredje\n  kvartalet 2016,", R14, "2016-Q3", "under tredje\n  kvartalet 2016"),
    ("Uppföljning i tertial 2.", R14, "2014-05/2014-08", "i tertial 2"),
    ("Andra tertialet 2020 redovisas i september.", R19, "2020-05/2020-08", "Andra tertialet 2020"),
    ("Prognosen efter tredje tertialet 2027 visar ett överskott.", R19, "2027-09/2027-12", "efter tredje tertialet 2027"),
    ("Under de fyra första månaderna 2028 ökade kön.", R19, "2028-01/2028-04", "Under de fyra första månaderna 2028"),
    # relative
    ("Arbetet fortsätter nästa år.", R14, "2015", "nästa år"),
    ("Siffrorna från förra året", R14, "2013", "förra året"),
    ("Det rapporterades förra veckan.", R14, "2014-W10", "förra veckan"),
    ("Vi ses i morgon.", R14, "2014-03-11", "i morgon"),
    ("Svar imorgon", R14, "2014-03-11", "imorgon"),
    ("Underlaget kom igår.", R14, "2014-03-09", "igår"),
    ("Vi återkommer om två veckor.", R14, "2014-03-24", "om två veckor"),
    ("Det skedde för tre år sedan.", R14, "2011-03", "för tre år sedan"),
    ("Beslut under de kommande tre åren", R14, "2015/2017", None),
    ("Nästa möte är på torsdag.", R14, "2014-03-13", "på torsdag"),
    ("Tjänsten tillsätts nästa månad.", R14, "2014-04", "nästa månad"),
    ("Ansökan ska lämnas inom 2 veckor.", R14, "2014-03-10/2014-03-23", "inom 2 veckor"),
    ("Svar lämnas inom två veckor från i dag.", R14, "2014-03-10/2014-03-23", "inom två veckor"),
    ("Kontoret är stängt under påskdagen 2014.", R14, "2014-04-20", None),
    ("Stängt på nationaldagen.", R14, "2014-06-06", "nationaldagen"),
    # short numeric days with a weekday, and numeric ranges (crisis logs, rotas)
    ("Ny provtagning görs onsdag 18/6 vid vattenverket.", R14, "2014-06-18", "onsdag 18/6"),
    ("Badförbud gäller sedan måndag 16/6.", R14, "2014-06-16", "sedan måndag 16/6"),
    ("Simhallen håller stängt 23/6–10/8 för underhåll.", R14, "2014-06-23/2014-08-10", "23/6–10/8"),
    ("Jouren gäller 28/12 t.o.m. 6/1.", R19, "2019-12-28/2020-01-06", "28/12 t.o.m. 6/1"),
    # a season or a quarter whose preposition or year a line break cuts off (PDF text)
    ("Ombyggnaden fortsätter under\nvåren med etapp två.", R19, "2020-SP", "under\nvåren"),
    ("Skolan tas i bruk under tredje kvartalet\n2025 enligt tidplanen.", R23, "2025-Q3", "under tredje kvartalet\n2025"),
    # no reference: unknown year
    ("Mötet hålls den 22 maj.", None, "XXXX-05-22", "den 22 maj"),
    ("Beslut under hösten 2015", None, "2015-FA", "under hösten 2015"),
    ("vecka 12", None, "XXXX-W12", "vecka 12"),
]

NOT_DATES = [
    "Avtalet förlängs i 12 månader.",
    "Övningen pågick i 36 timmar.",
    "Projektet är treårigt.",
    "Vi förlänger med 24 av 48 månader.",
    "Kostnaden var 3,7 miljoner kr.",
    "Gåvan är värd 8.200 kr.",
    "Ring 08-5782 91 00 för frågor.",
    "Ärendet har Dnr KS 2019/217.",
    "Diarienummer 2017/ KS 0213 004",
    "Dnr 2019/45",
    "Enligt § 12 och § 2014 i stadgan",
    "Andelen ökade med 15 %.",
    "14 hushåll och 52 personer har flyttat in.",
    "Gruppen är för barn 12-18 år.",
    "1 (3)",
    "Kommunen har 2000 anställda och 1950 elever.",
    "Det gäller 1/3 av kostnaderna.",
    "Andelen ligger mellan 1/4-1/3 av kostnaderna.",
    "Bidraget är 40 000 kronor per sommar.",
    "Vi gör två studiebesök per höst.",
    "Öppet måndag-fredag.",
    "Mötet hålls varje måndag.",
    "I den mån det behövs.",
    "Det var vår uppfattning.",
    "Enligt SFS 2010:800 gäller detta.",
    "Fem av sex ledamöter var närvarande.",
    "Den första etappen är klar.",
    "Alla andra frågor bordlades.",
    # a period counted from another event than the document's day
    "Slutrapporten lämnas inom tre månader efter att bygget är klart.",
    "Överklagandet ska ha kommit in inom tre veckor från beslutet.",
    "Hyran betalas inom 30 dagar före tillträdet.",
]


@pytest.mark.parametrize("text,ref,value,mention", OWN)
def test_own_examples(text: str, ref: dt.date | None, value: str, mention: str | None) -> None:
    found = find_dates(text, reference=ref)
    assert found, text
    m = max(found, key=lambda x: len(x.text))
    assert m.value == value, (text, [(f.text, f.value) for f in found])
    assert m.text == (mention if mention is not None else m.text)
    assert text[m.start:m.end] == m.text
    assert m.source.method == "rule" and m.source.name.startswith("dates/")


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    found = [m for m in find_dates(text, reference=R14) if is_document_date(m)]
    assert found == [], [(m.text, m.value, m.source.name) for m in found]


def test_own_table_is_large() -> None:
    assert len(OWN) + len(NOT_DATES) >= 80


def test_alternatives_and_granularity() -> None:
    m = find_dates("vid halvårsskiftet 2016", R14)[0]
    assert (m.value, m.alternatives, m.granularity, m.day) == ("2016-07-01", ["2016-07", "2016-H2"], "day",
                                                                 dt.date(2016, 7, 1))
    r = find_dates("den 9 – 10 december", dt.date(2012, 10, 24))[0]
    assert (r.granularity, r.day, r.end_day, r.relative) == ("range", dt.date(2012, 12, 9), dt.date(2012, 12, 10), True)
    t = find_dates("den 28 augusti kl 14.45", R23)[0]
    assert t.datetime == dt.datetime(2023, 8, 28, 14, 45) and t.granularity == "datetime"


def test_sorted_non_overlapping_and_empty() -> None:
    text = "Den 22 maj, under hösten 2014 och vecka 12 samt 2015-01-01 kl 10:00."
    found = find_dates(text, R14)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert find_dates("") == [] and find_dates("Inga datum här.") == []


def test_deictic_and_clock_are_droppable() -> None:
    found = find_dates("Idag kl 14 och nu, kl 15.", reference=dt.datetime(2014, 3, 10, 9, 0))
    names = {m.text: m.source.name for m in found}
    assert names["nu"] == "dates/deictic" and names["kl 15"] == "dates/clock"
    assert names["Idag kl 14"] == "dates/date_time"
    assert {"dates/deictic", "dates/clock"} <= DOCUMENT_DROP_RULES


def test_reference_as_timex_string() -> None:
    assert find_dates("den 20 januari", "2019-11")[0].value == "2020-01-20"


# ---- Duckling's Swedish time cases (../shared/peer-tests) --------------------------------

PEER = Path(__file__).resolve().parents[2] / "shared" / "peer-tests" / "duckling-sv" / "time.json"

#: Cases resolved differently on purpose: text -> reason.
KNOWN_DIFFERENCES = {
    "inom 2 veckor": "a period in days (2013-02-12/2013-02-25), not Duckling's second-precise interval",
    **{t: "time zones: the reference is naive, so CET/GMT are not converted to Duckling's UTC-2 context"
       for t in ("@ 16 CET", "kl. 16 CET", "klockan 16 CET", "torsdag kl. 8:00 GMT", "torsdag kl. 8:00 gmt",
                 "torsdag klockan 8:00 GMT", "torsdag klockan 8:00 gmt", "torsdag 08:00 GMT", "torsdag 08:00 gmt")},
}


def _peer_cases() -> list:
    if not PEER.exists():
        return []
    cases = [c for c in json.loads(PEER.read_text(encoding="utf-8")) if c.get("timex")]
    out = []
    for i, c in enumerate(cases):
        marks = []
        if c["text"] in KNOWN_DIFFERENCES:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_DIFFERENCES[c["text"]]))
        out.append(pytest.param(c["text"], c["reference"], c["timex"], id=f"{i}-{c['text']}", marks=marks))
    return out


@pytest.mark.skipif(not PEER.exists(), reason="peer tests not beside the repository")
@pytest.mark.parametrize("text,reference,timex", _peer_cases())
def test_duckling_time(text: str, reference: str, timex: str) -> None:
    found = find_dates(text, reference=dt.datetime.fromisoformat(reference))
    assert found
    m = max(found, key=lambda x: (len(x.text), -x.start))
    assert m.value == timex


@pytest.mark.parametrize("bad", [None, b"den 22 maj", 8, ["den 22 maj"]])
def test_non_text_input_is_a_clear_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=r"find_dates\(\) takes the text as str"):
        find_dates(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("text, want", [
    ("Bygget startar i mars 2028 och ska vara klart vecka 45 samma år.", ("vecka 45", "2028-W45")),
    ("Skolan flyttar 2029 och den gamla byggnaden rivs i december samma år.", ("i december", "2029-12")),
    ("Avtalet skrevs i maj 2024. Leveransen kom den 3 oktober samma år.", ("den 3 oktober", "2024-10-03")),
])
def test_a_date_before_samma_ar_takes_the_year_of_the_date_before_it(text: str, want: tuple[str, str]) -> None:
    got = [(m.text, m.value) for m in find_dates(text, reference=dt.date(2026, 10, 1))]
    assert got[-1] == want


@pytest.mark.parametrize("text, want", [
    ("Ansökan lämnas senast den 15 januari 2027. Handlingarna skickas ut måndagen den 7 december.",
     ("måndagen den 7 december", "2026-12-07")),
    ("Ansökan lämnas senast den 15 januari 2027. Handlingarna skickas ut den 7 december.",
     ("den 7 december", "2027-12-07")),
])
def test_a_written_weekday_keeps_the_year_it_fits_after_a_later_date(text: str, want: tuple[str, str]) -> None:
    """After a later date in its paragraph a year-less date past the reference goes forward to that date's year
    (a plan), unless the weekday it names falls on it in its own year (7 December 2026 is a Monday)."""
    got = [(m.text, m.value) for m in find_dates(text, reference=dt.date(2026, 12, 10))]
    assert got[-1] == want
