"""Document metadata from letterheads, titles, attendance headers and signatures."""

from __future__ import annotations

from pathlib import Path

import pytest

import kdextract
from kdextract.layout.sections import segment
from kdextract.models import DocumentMeta
from kdextract.records.meta import read_meta
from kdextract.text.normalize import normalize


def meta_of(text: str) -> DocumentMeta:
    view = normalize(text)
    preamble, sections = segment(view)
    return read_meta(view, preamble, sections)


def test_report_header_and_signature() -> None:
    meta = meta_of("""Kungälvs kommun

Datum
2021-02-15

Diarienummer

KS 2021/0112

Kommunstyrelsen

Kommundirektörens rapport

Bostadsbyggande

Tre nya områden planeras.

Eva Sandberg
Kommundirektör
""")
    assert (meta.kind, meta.date, meta.organisation, meta.diarienummer, meta.author) == (
        "kommundirektorens_rapport", "2021-02-15", "Kungälvs kommun", "KS 2021/0112", "Eva Sandberg")
    assert meta.day is not None and meta.day.isoformat() == "2021-02-15"
    assert meta.evidence["author"].text == "Eva Sandberg"


def test_title_with_month_and_year() -> None:
    meta = meta_of("Kommundirektörens rapport mars 2018\n\nSkolor\n\nText om skolor.\n")
    assert meta.kind == "kommundirektorens_rapport"
    assert meta.date == "2018-03"


def test_minutes_weekday_gives_the_year_and_secretary_is_author() -> None:
    meta = meta_of("""Minnesanteckningar från Skaraborgs kommunalförbund

Tid Tisdag den 7 mars kl 09.00-12.00
Plats Kommunhuset

1. Verksamhetsplan 2023

Planen för 2023 diskuterades.

Vid anteckningarna

Lena Ek

Justeras

Per Holm
""")
    assert meta.kind == "minnesanteckningar"
    assert meta.date == "2023-03-07"
    assert meta.organisation == "Skaraborgs kommunalförbund"
    assert meta.author == "Lena Ek"


def test_the_note_taker_vid_pennan_is_the_author() -> None:
    meta = meta_of("Anteckningar från brukarrådet i Ekby kommun\nDatum: 2026-10-28\n\n1. Färdtjänsten\n"
                   "Nya regler från januari.\n\nVid pennan\nAstrid Lövgren\n")
    assert (meta.kind, meta.author) == ("minnesanteckningar", "Astrid Lövgren")


def test_a_flattened_heads_day_is_read_from_its_first_words_whatever_its_column_gaps() -> None:
    gap = " " * 40
    meta = meta_of(f"EKBY KOMMUN{gap}PROTOKOLLSUTDRAG Miljönämnden{gap}Sammanträdesdatum 2026-10-19 § 41   "
                   "Tillsynsplan 2027 Sammanfattning Förvaltningen har tagit fram en plan för tillsynen under 2027. "
                   "Planen ska redovisas för nämnden senast den 30 november 2026.")
    assert meta.date == "2026-10-19"


def test_a_flattened_kallelse_is_dated_by_its_meeting_line() -> None:
    meta = meta_of("Ekby kommun Socialnämnden KALLELSE Ledamöter och ersättare kallas härmed till sammanträde med "
                   "socialnämnden. Tid: tisdag 17 november 2026, klockan 09.00 Plats: Sal Björken, kommunhuset "
                   "Föredragningslista Upprop Val av justerare Budgetuppföljning Avtalet gäller till 31 december 2027.")
    assert (meta.kind, meta.date) == ("kallelse", "2026-11-17")


def test_a_flattened_kallelse_is_dated_by_its_signature_run_into_the_last_line() -> None:
    meta = meta_of("Ekby kommun Miljönämnden KALLELSE till sammanträde med miljönämnden. Tid: onsdag 16 december 2026 "
                   "kl. 13.00 Plats: Sal Linden, kommunhuset Föredragningslista 1. Val av justerare 2. Taxa för tillsyn "
                   "3. Delegationsbeslut Förhinder anmäls till sekreteraren senast måndag 14 december. "
                   "Ekby den 2 december 2026 Lars Holm Ordförande")
    assert (meta.kind, meta.date) == ("kallelse", "2026-12-02")
    assert meta.evidence["date"].text == "den 2 december 2026"


def test_a_day_deep_in_a_flattened_page_does_not_date_it() -> None:
    meta = meta_of("Ekby kommun Tekniska förvaltningen Information om vinterväghållningen i Ekby tätort och i byarna "
                   "runt omkring, om plogning, sandning och om vad fastighetsägare själva ansvarar för längs tomtgränsen, "
                   "samt kontaktuppgifter. Avtalet med entreprenören löper ut den 31 mars 2028 och ska upphandlas på nytt.")
    assert meta.date != "2028-03-31"


def test_the_dates_evidence_names_the_reader_that_gave_it() -> None:
    meta = meta_of("SAMMANTRÄDESPROTOKOLL\nKultur- och fritidsnämnden\n\n"
                   "Plats och tid   Stadshuset, måndagen den 4 maj 2026 kl. 18.00–20.00\n"
                   "Beslutande      Eva Ek (S), ordförande\nJustering       Stadshuset den 8 maj 2026\n\n"
                   "§ 12 Föreningsbidrag\nNämnden beviljar bidraget.\n")
    assert meta.date == "2026-05-04"
    assert meta.evidence["date"].source.name == "meta/date_form"  # the form's day, not the header reader run after it


def test_an_agenda_items_presenter_is_no_author_of_the_kallelse() -> None:
    meta = meta_of("Kallelse – Kulturnämnden\nDatum: tisdag 3 november 2026\nTid: 13:00\n\n"
                   "Ärende 1\nBudgetuppföljning oktober\nFöredragande: Controller Nora Vik\n\n"
                   "Ärende 2\nBiblioteksplan 2027–2030\nFöredragande: Bibliotekschef Ivar Moberg\nHandlingar: –\n")
    assert meta.kind == "kallelse"
    assert meta.author is None


def test_a_title_before_the_name_after_an_author_label_is_left_out() -> None:
    meta = meta_of("Tjänsteskrivelse\nDatum: 2026-11-04\nHandläggare: Utredare Nora Vik\n\n"
                   "Ärendet\nFörvaltningen föreslår en ny taxa för upplåtelse av allmän plats.\n")
    assert meta.author == "Nora Vik"
    assert meta.evidence["author"].text == "Nora Vik"


@pytest.mark.parametrize(
    ("title", "kind"),
    [("Protokoll", "protokoll"), ("Sammanträdesprotokoll", "protokoll"), ("Protokollsutdrag", "protokollsutdrag"),
     ("Tjänsteskrivelse", "tjansteskrivelse"), ("Kallelse till sammanträde", "kallelse"),
     ("Föredragningslista", "kallelse"), ("Mötesanteckningar", "minnesanteckningar"),
     ("KUNGÖRELSE", "kallelse"), ("Kungörelse om sammanträde med kommunfullmäktige", "kallelse"),
     ("Kommunchefen informerar", "kommundirektorens_rapport"),
     ("STADSDIREKTÖRENS NYHETSBREV nr 5", "kommundirektorens_rapport")],
)
def test_kinds(title: str, kind: str) -> None:
    assert meta_of(f"{title}\n\nÄrende\n\nText om ärendet.\n").kind == kind


def test_a_public_notice_of_a_meeting_is_a_kallelse_and_no_section() -> None:
    text = ("KUNGÖRELSE\n\nKommunfullmäktige i Tingsryds kommun sammanträder tisdagen den 14 april 2026 kl. 19.00"
            " i Folkets hus.\n\nÄrenden\na) Val av justerare\nb) Årsredovisning 2025\n\nStina Mård\nOrdförande\n")
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.kind == "kallelse"
    assert "KUNGÖRELSE" not in [s.title for s in doc.sections]


def test_nothing_known_gives_nulls() -> None:
    meta = meta_of("Lite text utan rubrik eller datum.")
    assert (meta.kind, meta.date, meta.organisation, meta.diarienummer, meta.author) == ("other", None, None, None, None)


def test_letterhead_must_name_a_real_municipality() -> None:
    meta = meta_of("Projektet Cykelvänlig kommun\n\nRapport\n\nText om cyklar.\n")
    assert meta.organisation is None
    assert meta_of("Malmö stad\n\nTjänsteskrivelse\n\nText.\n").organisation == "Malmö stad"


def test_a_regions_letterhead_keeps_its_county_word() -> None:
    # "Region Jönköpings län" is the region, not the municipality its seat is named for
    meta = meta_of("Region Jönköpings län\nProtokoll från folkhälsonämnden\n\n§ 3 Rapport\nText om rapporten.\n")
    assert meta.organisation == "Region Jönköpings län"


# ---- documents of our own in the layouts archives hold (tests/data/protocols/) ----

PROTOCOLS = Path(__file__).parent / "data" / "protocols"


@pytest.mark.parametrize(("name", "meta", "top_sections"), [
    # a protocol written with tabs, the form in two columns
    ("a_tabs.txt", ("protokoll", "2021-04-14", "Härjedalens kommun", "Bygg- och miljönämnden", "Lisa Norgren"),
     [("§ 20", "Val av justerare", "BMN 2021/55"),
      ("§ 21", "Ansökan om bygglov för fritidshus på fastigheten Lofsdalen 5:12", "BMN 2021/61")]),
    # a hosting site's transcript: pages on one line, the § signs lost
    ("b_flat.txt", ("protokoll", "2019-11-05", "Tranemo kommun", "Kommunstyrelsens arbetsutskott", "Catharina Jansson"),
     [("171", "Revidering av riktlinjer för bostadsanpassning", "KS 2019/0233"),
      ("172", "Försäljning av tomter i Limmared", "KS 2019/0240"), ("173", "Information om budgetläget", "KS 2019/0251")]),
    # a memo: handläggare, Dnr and the footer's municipality
    ("c_memo.txt", ("tjansteskrivelse", "2022-03-01", "Säffle kommun", "Samhällsbyggnadsnämnden", "Petra Nyström"),
     [(None, "Förslag till beslut", None), (None, "Sammanfattning", None)]),
    # a meeting portal's agenda page: numbered lines one under the other
    ("d_portal.txt", ("kallelse", "2022-06-15", "Sigtuna kommun", "Kommunfullmäktige", None),
     [("1", "Upprop", None), ("2", "Val av justerare och tid för justering", None),
      ("3", "Allmänhetens frågestund", None), ("4", "Årsredovisning 2021 för Sigtuna kommun", "KS 2022/101"),
      ("5", "Svar på motion om fler laddstolpar", "KS 2021/355"), ("6", "Avsägelser och fyllnadsval", None)]),
])
def test_documents_in_archive_layouts(name: str, meta: tuple[str | None, ...],
                                      top_sections: list[tuple[str | None, ...]]) -> None:
    doc = kdextract.parse(PROTOCOLS / name, ner=False)
    m = doc.meta
    assert (m.kind, m.date, m.organisation, m.body, m.author) == meta
    assert [(s.number, s.title, s.case_number) for s in doc.sections if s.level == 1] == top_sections
    text = (PROTOCOLS / name).read_text(encoding="utf-8")
    for field, ev in m.evidence.items():
        assert text[ev.start:ev.end] == ev.text, field


def test_memo_diarienummer_and_no_meeting() -> None:
    doc = kdextract.parse(PROTOCOLS / "c_memo.txt", ner=False)
    assert doc.meta.diarienummer == "SBN 2022/41" and doc.meetings == []


def test_cooperation_and_official_names() -> None:
    from kdextract.records.name_utils import official_name

    # a genitive s after a consonant, none after a vowel or s; Kalmar, Orust and Falun are the only
    # municipalities of Sweden that break the rule (a general fact: organisations.json, official_stems)
    places = ("Arjeplog", "Heby", "Hofors", "Orust", "Falun", "Falu", "Sundbyberg", "Gotland", "Ekby")
    assert [official_name(p) for p in places] == [
        "Arjeplogs kommun", "Heby kommun", "Hofors kommun", "Orust kommun", "Falu kommun", "Falu kommun",
        "Sundbybergs stad", "Region Gotland", None]
    text = ("Norsjö Malå Arvidsjaur\n\nSKELLEFTEÅREGIONEN\nMINNESANTECKNINGAR\n\n"
            "Närvarande Eva Lund, Arvidsjaurs kommun\nPer Holm, Norsjö kommun\n")
    assert meta_of(text).organisation == "Skellefteåregionen"


def test_reader_reads_each_line_s_dates_once() -> None:
    """The date readers' memo gives find_dates' mentions and runs find_dates once per line text."""
    from unittest import mock

    import kdextract.records.meta_reader as meta_reader
    from kdextract.parsers.dates import find_dates
    from kdextract.records.meta_reader import Reader
    from kdextract.text.view import TextView

    text = "Tjänsteskrivelse\nDatum 2021-03-04\nTorsdag den 4 mars kl. 13.00\n"
    r = Reader(TextView.identity(text), None, [])
    with mock.patch.object(meta_reader, "find_dates", wraps=find_dates) as spy:
        for line in r.head * 3:
            assert r.dates(line.text) == find_dates(line.text)
    assert spy.call_count == len({line.text for line in r.head}) == 3


def test_a_day_under_a_dnr_label_is_no_diarienummer() -> None:
    text = "Kommunstyrelsen\nTjänsteskrivelse\n\nDnr\n2024-02-19\n\nRubrik\n\nFörvaltningen föreslår en ny taxa.\n"
    assert kdextract.parse(text, ner=False).meta.diarienummer is None


@pytest.mark.parametrize("title", ["Planarkitekt", "Ekonom, ekonomiavdelningen", "Kommundirektör"])
def test_the_signer_above_any_title_is_the_author(title: str) -> None:
    text = ("Samhällsbyggnadsförvaltningen\nTjänsteskrivelse\n2024-02-19\n\nPlanbesked för bostäder\n\n"
            f"Förslag till beslut\nKommunstyrelsen ger positivt planbesked.\n\nJonas Berg\n{title}\n")
    assert kdextract.parse(text, ner=False).meta.author == "Jonas Berg"


def test_a_name_above_a_department_is_no_signer() -> None:
    text = ("Samhällsbyggnadsförvaltningen\nTjänsteskrivelse\n2024-02-19\n\nPlanbesked för bostäder\n\n"
            "Förslag till beslut\nKommunstyrelsen ger positivt planbesked.\n\nJonas Berg\nStadsdelsförvaltningen\n")
    assert kdextract.parse(text, ner=False).meta.author is None


def test_the_case_officer_in_a_memo_header_is_the_author() -> None:
    body = "".join(f"Punkt {i}\n\nFörvaltningen redovisar underlag nummer {i}.\n\n" for i in range(1, 12))
    text = ("Samhällsbyggnadsförvaltningen\nTjänsteskrivelse\n2024-02-19\nHandläggare\nJonas Lindell, planarkitekt\n\n"
            "Planbesked för bostäder\n\nFörslag till beslut\nKommunstyrelsen ger positivt planbesked.\n\n" + body)
    meta = kdextract.parse(text, ner=False).meta
    assert meta.author == "Jonas Lindell"
    assert meta.evidence["author"].source.explanation == "name after a memo header's label"


def test_a_surname_that_is_a_municipality_names_no_issuer() -> None:
    text = ("Minnesanteckningar\n\nSamverkansmöte om feriejobb\nDatum: 6 mars 2024\n\n"
            "Närvarande: Sofia Lund (samordnare), Per Holm (Arbetsförmedlingen)\n\n1. Läget\n\nSofia Lund redogjorde.\n")
    assert kdextract.parse(text, ner=False).meta.organisation is None


#: PDF text of headers laid out in columns: a memo's header table (labels on one line, their values under
#: them) and an extract whose one item carries its case number.
COLUMN_HEADERS = [
    ("Ekby kommun                                   TJÄNSTESKRIVELSE              1(2)\n"
     "Samhällsbyggnadsförvaltningen                 Datum          Dnr\n"
     "                                              2024-02-19     KS 2024/77\n"
     "Handläggare\nJonas Lindell, planarkitekt\n\nPlanbesked för bostäder vid hamnen\n\n"
     "Förslag till beslut\nKommunstyrelsen ger positivt planbesked.\n",
     ("tjansteskrivelse", "2024-02-19", "KS 2024/77")),
    ("Ekby kommun                          PROTOKOLLSUTDRAG                 1(1)\n"
     "Kommunfullmäktige                    Sammanträdesdatum\n"
     "                                     2023-11-27\n\n"
     "§ 142                                Dnr KS 2023/301\n\nTaxa för avfallshantering 2024\n\n"
     "Kommunfullmäktiges beslut\nKommunfullmäktige antar taxan.\n",
     ("protokollsutdrag", "2023-11-27", "KS 2023/301")),
]


@pytest.mark.parametrize("text, want", COLUMN_HEADERS)
def test_the_dnr_of_a_header_laid_out_in_columns(text: str, want: tuple[str, str, str]) -> None:
    meta = kdextract.parse(text, ner=False).meta
    assert (meta.kind, meta.date, meta.diarienummer) == want
    ev = meta.evidence["diarienummer"]
    assert text[ev.start:ev.end] == want[2]


@pytest.mark.parametrize("label", ["Antecknat av:", "Antecknare:", "Protokollförare:"])
def test_the_note_taker_label_names_the_author(label: str) -> None:
    text = (f"Minnesanteckningar\n\nArbetsgruppen för vatten och avlopp\nDatum: 2025-03-03\n{label} Olle Brink\n\n"
            "1. Läget\nUtbyggnaden av ledningsnätet går enligt plan i hela kommunen.\n")
    assert meta_of(text).author == "Olle Brink"


SIGNED_REPORT = """Rapport om läget i förvaltningen
Ekby kommun, maj 2024

Ekonomi
Prognosen för helåret pekar på ett litet överskott i alla verksamheter.

{closing}

Karin Ljungqvist
Förvaltningschef
"""


@pytest.mark.parametrize("closing, want", [
    ("Ekby den 3 maj 2024", "2024-05-03"),       # the signature's place and date give the day
    ("Vara, 2024-05-06", "2024-05-06"),          # a municipality whose name is also a common word
    ("Justerat den 8 maj 2024", "2024-05"),      # not a place: the month of the header stays
])
def test_signature_place_and_date_give_the_day_a_month_header_lacks(closing: str, want: str) -> None:
    assert meta_of(SIGNED_REPORT.format(closing=closing)).date == want


NOTICE = """KALLELSE

Miljö- och byggnadsnämnden i Ekby kommun sammanträder tisdagen den 14 maj 2024 kl. 13.00 i stadshusets sal B.

Ärenden
1. Val av justerare
2. Tillsynsplan 2024

{closing}

Lena Dahl
Ordförande
"""


@pytest.mark.parametrize("closing, want", [
    ("Ekby den 29 april 2024", "2024-04-29"),  # signed before the meeting: the notice's own day
    ("Ekby den 20 maj 2024", "2024-05-14"),    # a later date is no signing of this notice
    ("", "2024-05-14"),                        # unsigned: the meeting's day
])
def test_a_notice_signed_before_its_meeting_takes_the_signature_day(closing: str, want: str) -> None:
    assert meta_of(NOTICE.format(closing=closing)).date == want


def test_minutes_keep_the_meeting_day_over_a_signature() -> None:
    text = NOTICE.replace("KALLELSE", "PROTOKOLL").format(closing="Ekby den 29 april 2024")
    assert meta_of(text).date == "2024-05-14"


MEMO_HEAD = ("Kultur- och fritidsförvaltningen\nTjänsteskrivelse\n2024-09-02\n\nNy taxa för simhallen\n\n"
             "Förslag till beslut\nNämnden fastställer en ny taxa för simhallen från årsskiftet.\n\n")


@pytest.mark.parametrize(("names", "titles", "want"), [
    ("Karin Öst                     Pelle Sjögren", "Förvaltningschef              Handläggare", "Pelle Sjögren"),
    ("Pelle Sjögren                 Karin Öst", "Utredare                      Fritidschef", "Pelle Sjögren"),
    ("Ulf Lindh                     Mona Berg", "Ordförande                    Nämndsekreterare", "Ulf Lindh"),
])
def test_signatures_side_by_side_give_the_writer_not_both(names: str, titles: str, want: str) -> None:
    assert kdextract.parse(MEMO_HEAD + f"{names}\n{titles}\n", ner=False).meta.author == want


def test_a_table_header_over_a_row_is_no_signature_and_a_party_follows_a_signer() -> None:
    text = (MEMO_HEAD + "Uppgift                   Delegat              Ersättare\n"
            "Taxa för bad              Badchef              Fritidschef\n\n"
            "Frågor besvaras av förvaltningen.\n\nLisa Grahn (C)\nOrdförande, kultur- och fritidsnämnden\n")
    assert kdextract.parse(text, ner=False).meta.author == "Lisa Grahn"


@pytest.mark.parametrize("signatures", ["Vid protokollet            Justeras\nStina Holm                 Arne Lund          Berit Sand",
                                        "Vid protokollet Stina Holm      Justeras Arne Lund      Berit Sand"])
def test_a_secretary_label_gives_the_name_in_its_own_column(signatures: str) -> None:
    text = ("Protokoll\nStyrelsen för Ekby Fastigheter AB\nDatum: 2024-05-14\n\n1. Mötets öppnande\n"
            f"Ordföranden öppnade mötet.\n\n{signatures}\n")
    assert kdextract.parse(text, ner=False).meta.author == "Stina Holm"


@pytest.mark.parametrize("text, issuer", [
    ("ÅDALSBYGDENS RÄDDNINGSTJÄNSTFÖRBUND\nDirektionen\nProtokoll 3/2025\n\n"
     "Närvarande: Eva Lund, Kramfors kommun; Per Holm, Sollefteå kommun; Ola Berg, Kramfors kommun\n",
     "Ådalsbygdens räddningstjänstförbund"),
    ("Kommunalförbundet Norra Åsen\nProtokoll\n\nPlats: Stadshuset, Sollefteå\n", "Kommunalförbundet Norra Åsen"),
    ("Lövbacka Fastigheter AB (org.nr 556100-2233)\nHelägt dotterbolag till Kramfors kommun\n\n"
     "Protokoll fört vid styrelsesammanträde 2/2025\n", "Lövbacka Fastigheter AB"),
    ("Protokoll fört vid styrelsemöte i Åsbo Kraft AB (org.nr 556200-3344)\n\nPlats: Kommunhuset, Sollefteå\n",
     "Åsbo Kraft AB"),
    ("PROTOKOLL\nfört vid extra bolagsstämma med aktieägarna i Tallnäs Vatten AB, org.nr 556300-4455,\n"
     "den 3 mars 2025 i Kramfors stadshus\n\nAktieägare: Kramfors kommun genom ombud Eva Lund\n", "Tallnäs Vatten AB"),
    # the name in a letterhead's first column, the kind of document in the second; a place qualified by an adjective
    ("Björkåsens Bostäder AB                     PROTOKOLL\nOrg.nr 556400-1122\nHelägt dotterbolag till Kramfors kommun\n\n"
     "Styrelsemöte\nDatum: 2025-04-02\n", "Björkåsens Bostäder AB"),
    ("NORRA ÅSBYGDENS VATTENFÖRBUND              PROTOKOLL\nDirektionen\n\n"
     "Ledamöter    Eva Lund (S), Kramfors kommun\n             Per Holm (M), Sollefteå kommun\n",
     "Norra Åsbygdens vattenförbund"),
])
def test_issuer_is_the_body_whose_own_minutes_these_are(text: str, issuer: str) -> None:
    # a federation's or a company's own minutes name member or owner municipalities, but are not theirs
    assert meta_of(text).organisation == issuer


def test_a_company_named_in_a_municipal_memo_is_no_issuer() -> None:
    text = "Kramfors kommun\nTjänsteskrivelse\n\nAvtal med\nLövbacka Fastigheter AB\n"
    assert meta_of(text).organisation == "Kramfors kommun"


@pytest.mark.parametrize(("titles", "want"), [
    ("Miljö- och hälsoskyddschef     Handläggare", "Pelle Sjögren"),      # a coordinated manager's title
    ("Förvaltningschef              Kulturkonsulent", "Pelle Sjögren"),   # a -konsulent writes the memo
    ("Nämndens ordförande           Förvaltningschef", "Karin Öst"),      # a body's genitive before a title
    ("Avdelningschef                Gatu- och parkingenjör", "Pelle Sjögren"),  # an -ingenjör writes the memo
    ("Teknisk chef                  Elingenjör", "Pelle Sjögren"),       # an adjective before a manager's title
    ("Administrativ direktör        Utredare", "Pelle Sjögren"),
])
def test_signer_titles_after_a_coordination_or_a_genitive(titles: str, want: str) -> None:
    names = "Karin Öst                     Pelle Sjögren"
    assert kdextract.parse(MEMO_HEAD + f"{names}\n{titles}\n", ner=False).meta.author == want


@pytest.mark.parametrize(("head", "want"), [
    ("Tjänsteskrivelse          2025-03-02\n                          Dnr MBN 2024-001207\n", "MBN 2024-001207"),
    ("YTTRANDE                  2024-05-14\n                          Vår beteckning: KS 2024/88\n"
     "                          Er beteckning: N2024/00412\n", "KS 2024/88"),
    ("MISSIV\nTill:      Kommunstyrelsen\nDnr:       REV 2024/12\n", "REV 2024/12"),  # a label set apart by a gap
    ("Tjänsteskrivelse\n2025-03-02                        KFN 2025/031\n", "KFN 2025/031"),  # beside the date, no label
])
def test_a_six_digit_serial_and_our_own_reference_give_the_diarienummer(head: str, want: str) -> None:
    text = f"Hylte kommun\nKommunstyrelsen\n{head}\nNy återvinningscentral i Torup\n\nKommunen ställer sig bakom förslaget.\n"
    assert kdextract.parse(text, ner=False).meta.diarienummer == want


@pytest.mark.parametrize("closing", [
    "Lars Öhman, nämndsekreterare\n\nJusteras\nMaria Ek, ordförande          Per Holm, justerare\n",
    "Justerandes sign.  ____\n\nUtdraget bestyrks: Lars Öhman, kommunsekreterare\n",
])
def test_the_secretary_signing_with_the_title_on_the_same_line_is_the_author(closing: str) -> None:
    text = ("Tekniska nämnden i Ekby\nProtokoll 2025-06-02\n\n§ 40  Gatubelysning\n\n"
            "Nämnden byter armaturer längs Storgatan.\n\nBeslut: Nämnden godkänner planen.\n\n" + closing)
    assert kdextract.parse(text, ner=False).meta.author == "Lars Öhman"


@pytest.mark.parametrize("letterhead", ["Överförmyndarnämnden i Hofors och Ockelbo", "Gymnasieförbundet Nord–Väst"])
def test_a_joint_body_or_a_school_federation_in_the_letterhead_is_the_issuer(letterhead: str) -> None:
    text = (f"{letterhead}\nProtokoll 2025-06-02\nPlats: Stadshuset i Hofors\n\n§ 4  Arvoden\n\n"
            "Nämnden går igenom arvodena för 2026 i Hofors.\n\nBeslut: Nämnden fastställer arvodena.\n")
    assert kdextract.parse(text, ner=False).meta.organisation == letterhead


def test_a_diarienummer_with_a_dot_after_the_series_letters() -> None:
    text = ("Lilla Edets kommun\nTjänsteskrivelse\nDatum: 2025-11-03\nDiarienummer: BUN.2025.88\n\n"
            "Skolskjuts till Ströms skola\n\nSammanfattning\nNämnden ser över reglerna.\n")
    assert kdextract.parse(text, ner=False).meta.diarienummer == "BUN.2025.88"


def test_a_reports_byline_under_its_title_is_its_author() -> None:
    text = ("Kommundirektörens rapport\nKommunstyrelsen 3 mars 2025\nHenrik Alm, kommundirektör\n\n"
            "Budgetläget\n• Prognosen visar ett överskott\n• Skatteintäkterna ökar\n\n"
            "Rekrytering\n• Sex nya lärare är anställda\n")
    assert kdextract.parse(text, ner=False).meta.author == "Henrik Alm"


@pytest.mark.parametrize("letterhead, issuer", [("REGION SÖRMLAND                          PROTOKOLL", "Region Sörmland"),
                                                ("Region Dalarna        PROTOKOLL", "Region Dalarna")])
def test_a_regions_letterhead_beside_the_kind_word_is_the_issuer(letterhead: str, issuer: str) -> None:
    text = (f"{letterhead}\nRegionstyrelsen            2025-05-20\n\n§ 12  Hyra av lokaler i Eskilstuna\n\n"
            "Beslut\nRegionstyrelsen godkänner hyresavtalet med Ekby kommun.\n")
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.organisation == issuer
    assert issuer in [o.name for o in doc.organisations] or issuer.upper() in [o.name for o in doc.organisations]
    assert not any("PROTOKOLL" in o.name or "Protokoll" in o.name for o in doc.organisations)


def test_signatures_side_by_side_with_a_vice_chair_give_the_first_signer() -> None:
    text = ("Revisorerna i Ekby kommun\n\nRevisionsberättelse för år 2024\n\nBedömning\nVi tillstyrker ansvarsfrihet.\n\n"
            "Ekby den 2 april 2025\n\nMaja Ek                      Olle Sund\nOrdförande                   Vice ordförande\n")
    assert kdextract.parse(text, ner=False).meta.author == "Maja Ek"


MAILED_NOTICE = """Från: Lars Öberg <lars.oberg@ekby.example>
Skickat: den 3 mars 2026 08:12
Till: Ledamöter i miljönämnden
Ämne: Kallelse till miljönämnden 19 mars

KALLELSE
Miljönämnden i Ekby kommun

Tid: torsdag 19 mars 2026 kl. 09.00
Plats: Kommunhuset, sal Ekorren
Tjänstemän: Per Ek, miljöchef

Föredragningslista
1. Val av justerare
2. Tillsynsplan 2026
"""


def test_an_e_mail_header_dates_the_letter_it_opens() -> None:
    meta = kdextract.parse(MAILED_NOTICE, ner=False).meta
    assert (meta.kind, meta.date) == ("kallelse", "2026-03-03")



def test_a_mail_quoted_under_the_letter_does_not_date_it() -> None:
    text = ("KALLELSE\nMiljönämnden i Ekby kommun\n\nTid: torsdag 19 mars 2026 kl. 09.00\nPlats: Kommunhuset\n\n"
            "Föredragningslista\n1. Val av justerare\n\nFrån: Lars Öberg\nSkickat: den 3 mars 2026 08:12\n")
    assert kdextract.parse(text, ner=False).meta.date == "2026-03-19"


EXTRACT_OF_ONE_CASE = """EKBY KOMMUN                                   PROTOKOLLSUTDRAG
Kommunfullmäktige                             Sammanträdesdatum
                                              2025-09-15


§ 88   Entledigande från uppdrag som nämndeman samt val av ny
       nämndeman i tingsrätten
Dnr KS 2025/212

Ärendebeskrivning
Kerstin Ahl (L) har begärt att få lämna sitt uppdrag som nämndeman.

Beslut
Kommunfullmäktige entledigar Kerstin Ahl (L).


§ 89   Val av ersättare i valnämnden
{case}

Ärendebeskrivning
Efter beslutet i § 88 är en ersättarplats tom.

Beslut
Kommunfullmäktige väljer Nils Rapp (L).
"""


@pytest.mark.parametrize(("case", "expected"), [("Dnr KS 2025/212", "KS 2025/212"), ("Dnr KS 2025/230", None)])
def test_an_extract_whose_items_share_one_case_is_of_that_case(case: str, expected: str | None) -> None:
    doc = kdextract.parse(EXTRACT_OF_ONE_CASE.format(case=case), ner=False)
    items = [s for s in doc.sections if s.level == 1]
    assert [s.case_number for s in items] == ["KS 2025/212", case.removeprefix("Dnr ")]  # under a wrapped title too
    assert doc.meta.diarienummer == expected


@pytest.mark.parametrize("signatures", [
    "Tora Wallin\nOrdförande\n\nOskar Brink\nNämndsekreterare\n",                       # stacked
    "Oskar Brink, sekreterare\nTora Wallin, ordförande\n",                               # title after a comma
    "Oskar Brink                  Tora Wallin\nSekreterare                  Vice ordförande\n",  # side by side
    "Tora Wallin\nnämndens ordförande\n\nOskar Brink\nsekreterare\n",                     # a body's chair
])
def test_a_notice_signed_by_its_chair_and_its_secretary_is_the_chairs(signatures: str) -> None:
    text = NOTICE.replace("Lena Dahl\nOrdförande\n", signatures).format(closing="Ekby den 29 april 2024")
    assert meta_of(text).author == "Tora Wallin"


def test_a_notice_signed_by_its_secretary_alone_is_the_secretarys() -> None:
    text = NOTICE.replace("Lena Dahl\nOrdförande\n", "Oskar Brink\nNämndsekreterare\n").format(closing="")
    assert meta_of(text).author == "Oskar Brink"


def test_a_notice_mailed_on_by_its_secretary_is_the_senders() -> None:
    text = ("Från: Oskar Brink\nSkickat: den 29 april 2024 10:15\nÄmne: Kallelse 14 maj\n\n"
            + NOTICE.replace("Lena Dahl\nOrdförande\n", "Tora Wallin, ordförande\n\nHälsningar\nOskar Brink\n"
                             "Nämndsekreterare\n").format(closing=""))
    assert meta_of(text).author == "Oskar Brink"


def test_a_flattened_reports_title_before_its_writers_name_in_the_head_is_its_byline() -> None:
    text = ("Kommundirektörens rapport till kommunstyrelsen 2026-05-04 Ekby kommun Kommundirektör Lovisa Strand "
            "Ekonomi: Prognosen efter mars visar ett litet överskott. Personal: Sjukfrånvaron har minskat under våren. "
            "Lovisa Strand")
    assert meta_of(text).author == "Lovisa Strand"


# Our own motion: the signers give their party, not a title, side by side on the last line.
MOTION = """MOTION
till kommunfullmäktige i Ekby kommun

Belysning längs cykelvägen till Åsbacka

Cykelvägen mellan centrum och Åsbacka saknar belysning på en sträcka av två
kilometer. Vi föreslår att kommunen bygger ut belysningen under 2027.

Vi yrkar

att tekniska nämnden får i uppdrag att utreda kostnaden.

Ekby den 14 januari 2026

Lovisa Brandt (L)                  Arvid Sjöqvist (MP)
"""


@pytest.mark.parametrize(("signers", "author"), [
    ("Lovisa Brandt (L)                  Arvid Sjöqvist (MP)", "Lovisa Brandt"),
    ("Arvid Sjöqvist (MP)", "Arvid Sjöqvist"),
    ("Lovisa Brandt (L)\nArvid Sjöqvist (MP)", "Lovisa Brandt"),  # one signer a line
    ("Lovisa Brandt (L)                  Tekniska nämnden", None),  # not every column a signer
])
def test_the_first_signer_with_a_party_writes_a_motion(signers: str, author: str | None) -> None:
    text = MOTION.replace("Lovisa Brandt (L)                  Arvid Sjöqvist (MP)", signers)
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.author == author
    if author:
        assert doc.meta.evidence["author"].text == author


def test_two_municipalities_whose_names_differ_by_a_ring_stay_apart() -> None:
    for place in ("Håbo", "Habo"):
        doc = kdextract.parse(f"{place} kommun\nBygg- och miljönämnden\n\nPROTOKOLL 2027-04-06\n\n§ 3 Val\n", ner=False)
        assert doc.meta.organisation == f"{place} kommun"
        assert f"{place} kommun" in [o.name for o in doc.organisations]


# Our own signatures: two labels side by side on a line of their own, each name under its label.
SIDE_BY_SIDE_SIGNATURES = """Ekby kommun
Kulturnämnden

PROTOKOLL
Sammanträdesdatum: 2027-05-18
Plats: Kulturhuset, sal Ljuset
Beslutande: Åsa Dahl (S), Per Ek (M), Lina Holm (C)

§ 21 Val av justerare
Åsa Dahl utses att justera protokollet.

§ 22 Bidrag till Ekby teaterförening
Nämnden beviljar 25 000 kronor.

{left}                         {right}
{left_name}                          {right_name}
"""


@pytest.mark.parametrize("secretary_first", [True, False])
def test_the_secretary_is_read_from_the_column_of_its_label(secretary_first: bool) -> None:
    cols = [("Sekreterare", "Olle Vik "), ("Justerare", "Åsa Dahl ")]
    (left, left_name), (right, right_name) = cols if secretary_first else cols[::-1]
    text = SIDE_BY_SIDE_SIGNATURES.format(left=f"{left:<11}", right=right, left_name=left_name, right_name=right_name)
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.author == "Olle Vik"
    assert ("Olle Vik", "sekreterare") in [(p.name, p.role) for p in doc.people]


def test_a_notice_whose_chair_signs_after_a_label_is_the_chairs() -> None:
    # our own web page of a notice: the chair given after the title and a colon, the secretary in prose
    text = ("Sammanträde med kultur- och fritidsnämnden 12 mars 2026\n\nTid: torsdag 12 mars 2026, kl. 18.00\n"
            "Plats: Biblioteket, sal Ljusnan\n\nDagordning\n\n    1. Val av justerare\n    2. Bidrag till föreningar\n"
            "    3. Meddelanden\n\nFrågor om handlingarna besvaras av nämndsekreterare Lisa Berg.\n"
            "Ordförande: Göran Ek (M)\n")
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.kind == "kallelse" and doc.meta.author == "Göran Ek"


# Our own reply to a region: the addressee's case number beside the municipality's own in the head's columns.
REPLY_HEAD = """Ekby kommun                                          YTTRANDE
Kommunstyrelsen                                      2027-03-02

Region Västmark                                      Ert dnr: RV 2027/88
Samhällsbyggnadsenheten                              Vårt dnr: KS 2027/41

Yttrande över regional cykelplan

Kommunen tillstyrker planen.

Eva Lund
Kommunstyrelsens ordförande
"""


def test_the_addressees_case_number_is_not_the_documents() -> None:
    assert kdextract.parse(REPLY_HEAD, ner=False).meta.diarienummer == "KS 2027/41"


def test_a_case_number_stops_at_a_column_gap() -> None:
    text = ("SAMRÅDSREDOGÖRELSE\nDetaljplan för Lövåsen 2:7\nDnr BN 2027/12                              2027-05-04\n\n"
            "Samrådet\nPlanen har varit på samråd under april.\n")
    assert kdextract.parse(text, ner=False).meta.diarienummer == "BN 2027/12"


def test_a_memos_sender_is_its_author() -> None:
    text = ("Ekby kommun\nEkonomiavdelningen\n\nPM\nDatum: 2027-04-12\nTill: Kommunstyrelsen\n"
            "Från: Per Ström, budgetchef\n\nUppföljning mars 2027\n\nSammanfattning\n"
            "Prognosen visar ett underskott på 4,2 mnkr.\n")
    assert kdextract.parse(text, ner=False).meta.author == "Per Ström"
