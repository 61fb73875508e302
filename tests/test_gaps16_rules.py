"""General gaps left open by held-out batches 18 and 20 (see their READMEs), each rule in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

import kdextract
from kdextract.layout.cut_titles import cut_title_edits
from kdextract.parsers.dates import find_dates

AUTUMN = dt.date(2026, 11, 4)


def _dates(text: str, reference: dt.date = AUTUMN) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, reference=reference)]


# --- a year-less date after a planned date with its year: the plan goes forward ---------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Anmälan till kursen tas emot till den 20 april 2027. Antagningsbesked kommer vecka 19.",
     ("vecka 19", "2027-W19")),
    ("Bygget startar den 10 februari 2027 och lokalerna lämnas över i maj.", ("i maj", "2027-05")),
])
def test_a_year_less_date_after_a_planned_date_takes_its_year(text: str, want: tuple[str, str]) -> None:
    assert want in _dates(text)


@pytest.mark.parametrize(("text", "want"), [
    # a record: the written date lies before the reference
    ("Föreningen bildades den 12 mars 2019. Årsmötet hålls i maj.", ("i maj", "2026-05")),
    # the reference's year already puts the date after the written one
    ("Ansökan stänger den 15 januari 2027. Besked lämnas vecka 6.", ("vecka 6", "2027-W06")),
    # a date still ahead of the reference keeps the reference's year
    ("Skolvalet stänger 2027-01-31. Rektorerna informerar till och med vecka 50.", ("till och med vecka 50", "2026-W50")),
    # the written year puts it before the written date as well: no forward plan
    ("Avtalet gäller till den 31 december 2028. Uppföljning sker i mars.", ("i mars", "2027-03")),
])
def test_a_year_less_date_keeps_the_references_year_elsewhere(text: str, want: tuple[str, str]) -> None:
    assert want in _dates(text)


# --- a span from a holiday to a month ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Badplatsen har vakt mellan midsommar och mitten av augusti.",
     [("mellan midsommar och mitten av augusti", "2027-06/2027-08")]),
    ("Caféet håller öppet från påsk till slutet av september 2027.",
     [("från påsk till slutet av september 2027", "2027-03/2027-09")]),
    ("Isbanan spolas mellan jul och februari.", [("mellan jul och februari", "2026-12/2027-02")]),
])
def test_a_span_from_a_holiday_to_a_month_is_one_period(text: str, want: list[tuple[str, str]]) -> None:
    assert _dates(text) == want


# --- a running header inside a sentence ----------------------------------------------------------------------------

CUT_SENTENCE = """NORRVIKS KOMMUN
Tekniska nämnden
PROTOKOLL
Sammanträdesdatum 2026-10-06

§ 41 Dnr TN 2026/77

Upprustning av Hamnbadet

Ärendebeskrivning
Bryggorna vid Hamnbadet är i dåligt skick och behöver bytas. Arbetet
upphandlas under vintern och entreprenören ska ha lämnat över bryggorna senast den

NORRVIKS KOMMUN          Sammanträdesprotokoll          Sida 2 (2)
Tekniska nämnden         2026-10-06

15 maj 2027. Kostnaden beräknas till 900 000 kronor.

Beslut
Tekniska nämnden godkänner upprustningen.
"""


def test_a_running_header_inside_a_sentence_leaves_its_deadline_whole() -> None:
    doc = kdextract.parse(CUT_SENTENCE)
    assert [d.value for d in doc.deadlines if "bryggorna" in d.what] == ["2027-05-15"]  # (the procurement in
    # its first clause, "upphandlas under vintern", is a deadline of its own: deadlines.json v40)


@pytest.mark.parametrize(("second_half", "joined"), [
    ("15 maj 2027. Kostnaden beräknas till 900 000 kronor.", True),
    ("efter att nämnden har godkänt ritningarna.", True),
    ("Kostnaden beräknas till 900 000 kronor.", False),  # a new sentence: the line above is no cut one
])
def test_a_sentence_cut_by_a_running_header_is_joined_over_it(second_half: str, joined: bool) -> None:
    text = CUT_SENTENCE.replace("15 maj 2027. Kostnaden beräknas till 900 000 kronor.", second_half)
    edits = cut_title_edits(text)
    cut = text.index("senast den") + len("senast den")
    assert edits == ([(cut, text.index(second_half), "\n", "running header inside a sentence")] if joined else [])


# --- a body named for its county -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("Planen har tagits fram tillsammans med Uppsala läns kommunförbund.", ("Uppsala läns kommunförbund", "cooperation")),
    ("Bidrag söks hos Västra Götalands läns idrottsförbund i vår.",
     ("Västra Götalands läns idrottsförbund", "association")),
    ("Rådgivningen sköts av Gotlands läns hushållningssällskap.",
     ("Gotlands läns hushållningssällskap", "association")),
])
def test_a_body_named_for_its_county_is_kept_whole(text: str, want: tuple[str, str]) -> None:
    assert [(o.name, o.kind) for o in kdextract.parse(text).organisations] == [want]


# --- people: a place's genitive opens no name; a title before the next name is that name's ---------------------------

def test_a_place_genitive_before_a_capitalised_noun_is_no_person() -> None:
    from kdextract.records.person_names import name_ok

    text = "Aktiviteten ordnas av Vimmerbys Kvällsträffar i samarbete med kommunen."
    assert not name_ok(["Vimmerbys", "Kvällsträffar"], text, strict=True)
    assert name_ok(["Vilma", "Hedberg"], text, strict=False)


def test_a_title_before_the_next_name_of_a_list_is_no_role_of_the_name_before() -> None:
    from kdextract.records.person_roles import role_after

    text = "Närvarande: Tove Ahl, Berit Sund, kostchef Ulla Ring"
    assert role_after(text, text.index("Sund") + 4)[0] is None
    assert role_after("Deltog: Berit Sund, kostchef i Ekby", len("Deltog: Berit Sund"))[0] == "kostchef i Ekby"


# --- meta author: a chair's label over the names; a one-line signature at the end ------------------------------------

NOTICE_HEAD = """ÅSTORPS KOMMUN                                KALLELSE
Kultur- och fritidsnämnden                    2027-02-01

Ledamöter kallas till sammanträde
Tid:   Onsdagen den 10 februari 2027 kl. 13.00
Plats: Biblioteket, Läsesalen

Ordförande                                    Sekreterare
Stina Wallin                                  Jonas Falk

FÖREDRAGNINGSLISTA

1. Upprop

2. Bidrag till sommarlovsaktiviteter
   Dnr KFN 2027/4

3. Anmälningsärenden
"""


def test_a_notices_author_is_the_name_under_the_chairs_label() -> None:
    assert kdextract.parse(NOTICE_HEAD).meta.author == "Stina Wallin"


def test_a_one_line_signature_at_the_end_of_a_flattened_memo_is_its_author() -> None:
    memo = ("TJÄNSTESKRIVELSE Datum: 2027-03-02 Dnr: KS 2027/19\n\nLekplats vid Hagaskolan\n\n"
            "Förslag till beslut Kommunstyrelsen föreslås besluta att rusta lekplatsen.\n\n"
            "Bakgrund Lekplatsen är sliten och behöver nya redskap.\n\n"
            "Oskar Lindeberg Fritidsstrateg\n")
    assert kdextract.parse(memo).meta.author == "Oskar Lindeberg"
    assert kdextract.parse(memo.replace("Oskar Lindeberg Fritidsstrateg", "Lekplatsen Hagaskolan Norra")).meta.author \
        is None


# --- a memo's addressee run into its subject line ------------------------------------------------------------------

FLAT_MEMO = ("ÅSTORPS KOMMUN Kultur- och fritidsförvaltningen TJÄNSTESKRIVELSE Datum: 2027-03-02 Dnr: KFN 2027/19\n\n"
             "Nya öppettider för simhallen Till kultur- och fritidsnämndens arbetsutskott\n\n"
             "Förslag till beslut Arbetsutskottet föreslår nämnden att förlänga öppettiderna på lördagar.\n\n"
             "Bakgrund Besökarna har länge önskat att simhallen ska vara öppen längre på helgerna.\n\n"
             "Ekonomi Kostnaden ryms inom nämndens ram.\n\n"
             "Jonas Falk Fritidsstrateg\n")


def test_an_addressee_run_into_the_subject_line_starts_a_line_of_its_own() -> None:
    from kdextract.layout.paragraph_leads import addressee_after

    line = "Nya öppettider för simhallen Till kultur- och fritidsnämndens arbetsutskott"
    assert addressee_after(line, 0, len(line)) == line.index("Till")
    assert addressee_after("Nya öppettider Till kommunstyrelsen", 0, 35) == len("Nya öppettider ")
    sentence = "Frågan går vidare. Till kommunstyrelsen"
    assert addressee_after(sentence, 0, len(sentence)) is None


def test_a_flattened_memos_headings_are_its_outline_under_a_run_in_addressee() -> None:
    titles = [s.title for s in kdextract.parse(FLAT_MEMO).sections if s.level == 1]
    assert titles == ["Förslag till beslut", "Bakgrund", "Ekonomi"]


# --- a kind word read with one of OCR's look-alike letter groups ---------------------------------------------------

@pytest.mark.parametrize(("head", "kind"), [
    ("Kommunclirektörens rapport vecka 12", "kommundirektorens_rapport"),  # "cl" for "d"
    ("KORNMUNCHEFENS RAPPORT", "kommundirektorens_rapport"),  # "rn" for "m", in capitals
    ("Minnesanteckriingar från samverkansgruppen", "minnesanteckningar"),  # "ri" for "n"
])
def test_a_kind_word_is_read_through_ocr_look_alikes(head: str, kind: str) -> None:
    text = f"{head}\n\nSkolorna har fått nya datorer och arbetet fortsätter under våren.\n"
    assert kdextract.parse(text).meta.kind == kind


# --- an agenda table whose title and presenter cells wrap ------------------------------------------------------------

AGENDA_TABLE = """ÅSTORPS KOMMUN                                        KALLELSE
Tekniska nämndens arbetsutskott                       2027-04-07

Ärende                                   Föredragande              Tid
1.  Val av justerare                     Ordföranden               13.00
2.  Uppföljning av driftbudget mars      Controller                13.05
    2027                                 Sara Lind
3.  Markbyte med del av Tallåsen         Mark- och exploa-         13.30
    4:7 till Åsbo Fastigheter AB         teringsingenjör
                                         Olle Berg
4.  Yttrande över motion om              Parkchef Eva Holm         14.00
    fler parkbänkar i centrum
5.  Redovisning av delegationsbeslut     –                         –

Per Ström                          Lisa Nord
Ordförande                         Sekreterare
"""


def test_an_agenda_tables_wrapped_title_cells_are_whole() -> None:
    titles = [s.title for s in kdextract.parse(AGENDA_TABLE).sections if s.level == 1]
    assert titles == ["Val av justerare", "Uppföljning av driftbudget mars 2027",
                      "Markbyte med del av Tallåsen 4:7 till Åsbo Fastigheter AB",
                      "Yttrande över motion om fler parkbänkar i centrum", "Redovisning av delegationsbeslut"]


# --- a known heading over a table flattened to one cell a line --------------------------------------------------------

PLAN = """Åstorps kommun
Tekniska förvaltningen

PLAN FÖR TRYGGARE LEKPLATSER 2027
Antagen av tekniska nämnden 2026-12-03, § 140
Dnr TN 2026/88

Bakgrund
Flera lekplatser har slitna redskap och dålig belysning, och föräldrar
har hört av sig om trasiga staket.

Åtgärder
Åtgärd
Ansvar
Klart
Nya staket vid Ekparken
Parkenheten
Maj 2027
Belysning vid Björklunden
Gatuenheten
Hösten 2027

Ekonomi
Åtgärderna beräknas kosta 1,2 mnkr och ryms i investeringsbudgeten.
"""


def test_a_known_heading_over_a_table_of_one_cell_a_line_heads_it() -> None:
    titles = [s.title for s in kdextract.parse(PLAN).sections if s.level == 1]
    assert "Åtgärder" in titles and "Ekonomi" in titles
