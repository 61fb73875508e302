"""review28's findings 4, 18, 19, 23, 27 and 31, each in a text of our own."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

import pytest

import kdextract
from kdextract.errors import ArgumentError

sys.path.insert(0, str(Path(__file__).parent))
from test_readers import make_pdf  # noqa: E402


# -- 18: a reference with no year on either side --------------------------------------------------------------------

@pytest.mark.parametrize(("day", "text"), [("9999-12-31", "Svar senast nästa år. Vecka 52."),
                                           ("9999-12-20", "Arbetet pågår vecka 50-52."),
                                           ("0001-01-03", "Det beslutades förra året.")])
def test_reference_at_the_calendars_ends_gives_no_date_off_it(day: str, text: str) -> None:
    assert kdextract.find_dates(text, reference=day) == []
    doc = kdextract.parse(text, document_date=day, ner=False)  # raised InternalError (OverflowError)
    assert doc.dates == [] and doc.deadlines == []


def test_a_week_that_ends_past_9999_has_no_bounds() -> None:
    from kdextract.parsers.timex import bounds

    assert bounds("9999-W52") is None
    assert bounds("9998-W52") is not None
    doc = kdextract.parse("Svar senast den 15 maj. Vecka 52.", document_date="9998-12-31", ner=False)
    assert [d.value for d in doc.dates] == ["9999-05-15", "9998-W52"]


# -- 19: argument errors of the finders and tables ------------------------------------------------------------------

def test_finders_and_tables_raise_argument_errors() -> None:
    with pytest.raises(ArgumentError, match=r"find_amounts\(\) takes the text as str"):
        kdextract.find_amounts(None)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="decode the bytes first"):
        kdextract.find_dates(b"12 maj")  # type: ignore[arg-type]
    doc = kdextract.parse("Protokoll\n", ner=False)
    with pytest.raises(ArgumentError, match="unknown record kind 'amount'"):
        doc.to_dataframe("amount")


def test_queries_and_labels_raise_argument_errors() -> None:
    from kdextract.output.labels import Labels
    from kdextract.output.queries import deadlines_between

    doc = kdextract.parse("Protokoll\nSvar senast den 3 juni 2025.\n", ner=False)
    with pytest.raises(ArgumentError, match="cannot read the period"):
        deadlines_between(doc, "sommaren", "2025-12")
    with pytest.raises(ArgumentError, match="lang must be one of"):
        Labels.of("de")


# -- 23: a property designation is no time of day --------------------------------------------------------------------

def test_property_designation_in_a_sentence_is_no_clock() -> None:
    found = kdextract.find_dates("Rivningslov för Granhöjden 4:17 gavs den 3 mars.", reference="2025-02-01")
    assert [(d.text, d.value) for d in found] == [("den 3 mars", "2025-03-03")]
    found = kdextract.find_dates("Kaffe 14:30 i matsalen, sedan fortsätter vi.", reference="2025-02-01")
    assert [d.value for d in found] == ["2025-02-01T14:30"]


# -- 27: a last § item whose title ends in a listed abbreviation ----------------------------------------------------

@pytest.mark.parametrize("last", ["Skrivelse från ordf", "Omfördelning av 300 tkr"])
def test_last_paragraph_ending_in_an_abbreviation_is_kept(last: str) -> None:
    text = ("PROTOKOLL\nTekniska nämnden\nSammanträdesdatum 2025-10-07\n\n§ 81 Lokalfrågor\n"
            f"Nämnden beslutar att lägga informationen till handlingarna.\n\n§ 82 {last}\n")
    doc = kdextract.parse(text, ner=False)
    assert [(s.number, s.title) for s in doc.sections] == [("§ 81", "Lokalfrågor"), ("§ 82", last)]


# -- 4: a memo's subject line that ends in "m.fl." -------------------------------------------------------------------

def test_subject_line_ending_in_m_fl_is_the_title() -> None:
    text = ("Tjänsteskrivelse\nMiljö- och byggförvaltningen\nDatum: 2026-02-11\n\n"
            "Planbesked för Lönnbacken 2:8 m.fl.\n\nSammanfattning\nEn fastighetsägare vill bygga radhus.\n\n"
            "Förslag till beslut\nNämnden lämnar positivt planbesked.\n")
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.title == "Planbesked för Lönnbacken 2:8 m.fl."


# -- 31: pypdf's log lines ---------------------------------------------------------------------------------------------

def test_pypdf_log_lines_become_warnings_not_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pypdf")
    pdf = make_pdf([[(72, 700, "Protokoll Socialnämnden 2025-03-04")]])
    moved = re.sub(rb"startxref\s+(\d+)", lambda m: b"startxref\n" + str(int(m.group(1)) + 7).encode(), pdf)
    path = tmp_path / "skadad.pdf"
    path.write_bytes(moved)
    doc = kdextract.parse(path, ner=False)
    assert "Socialnämnden" in doc.text
    assert any(w.startswith("skadad.pdf: pypdf: incorrect startxref pointer") for w in doc.warnings)
    assert "startxref" not in capsys.readouterr().err
    assert not logging.getLogger("pypdf").handlers and logging.getLogger("pypdf").propagate


# -- 22: a numbered list inside a memo's heading ----------------------------------------------------------------------

_MEMO = """Tjänsteskrivelse
Kultur- och fritidsförvaltningen
2026-01-19
Dnr KFN 2026/12

Bidragsregler för studieförbund

Förslag till beslut
Nämnden föreslås anta reglerna.

Bakgrund
Reglerna gäller tre slag av verksamhet:
1. Studiecirklar
2. Kulturprogram
3. Annan folkbildning

Ekonomiska konsekvenser
Ramen är oförändrad.
{enclosures}
Karl Berglund
Kultur- och fritidschef
"""


@pytest.mark.parametrize("enclosures", ["", "\nBilagor\n1. Förslag till regler\n2. Remissvar\n"])
def test_numbered_list_in_a_memo_is_no_outline(enclosures: str) -> None:
    doc = kdextract.parse(_MEMO.format(enclosures=enclosures), ner=False)
    assert doc.meta.title == "Bidragsregler för studieförbund"
    assert [(s.level, s.number, s.title) for s in doc.sections][:3] == [
        (1, None, "Förslag till beslut"), (1, None, "Bakgrund"), (1, None, "Ekonomiska konsekvenser")]


def test_agenda_announced_by_a_sentence_keeps_its_items() -> None:
    text = ("Kallelse\nValnämnden\n\nTid: 3 mars 2026 kl. 15.00\nPlats: Stadshuset\n\n"
            "Följande ärenden ska behandlas:\n1. Mötets öppnande\n2. Val av justerare\n3. Budget för valet\n")
    doc = kdextract.parse(text, ner=False)
    assert [s.title for s in doc.sections] == ["Mötets öppnande", "Val av justerare", "Budget för valet"]


# -- 20: an e-mail that forwards minutes --------------------------------------------------------------------------------

def test_forwarded_minutes_keep_their_own_day() -> None:
    text = ("Från: Nämndsekreterare <nämnd@exempel.se>\nSkickat: den 9 oktober 2026 08:41\nTill: Kultur- och "
            "fritidsnämnden\nÄmne: VB: Protokollsutdrag\n\nHej! Här kommer utdraget.\n\n"
            "-----Ursprungligt meddelande-----\n\nProtokollsutdrag\nKultur- och fritidsnämnden\n2026-09-29\n\n"
            "§ 41 Föreningsbidrag 2027\nNämnden beslutar att fastställa bidragen.\n")
    doc = kdextract.parse(text, ner=False)
    assert doc.meta.kind == "protokollsutdrag"
    assert doc.meta.date == "2026-09-29" and doc.meta.evidence["date"].text == "2026-09-29"
    plain = kdextract.parse(text.split("-----Ursprungligt meddelande-----")[0], ner=False)
    assert plain.meta.date == "2026-10-09"  # the mail alone: its sent day


# -- 7: HTML saved as text --------------------------------------------------------------------------------------------

_PAGE = """<html><head><title>Protokoll</title><style>p { margin: 0 }</style></head><body>
<h1>Protokoll Fritidsnämnden</h1>
<p>Sammanträdesdatum 2026-03-10</p>
<h2>&sect; 7 Anläggningsbidrag</h2>
<p>Nämnden beslutar att bevilja 1,2&nbsp;mnkr till Sjövikens&nbsp;IK.</p>
<p>Ansvarig: Lars&nbsp;Ekberg, fritidschef. Redovisning senast den 30&nbsp;september.</p>
<!-- sidfot <p>gömd</p> -->
</body></html>
"""


def test_html_saved_as_text_is_read_as_the_page_shows(tmp_path: Path) -> None:
    for source in (_PAGE, tmp_path / "sida.html"):
        if isinstance(source, Path):
            source.write_text(_PAGE, encoding="utf-8")
        doc = kdextract.parse(source, ner=False)
        assert [(s.number, s.title) for s in doc.sections] == [("§ 7", "Anläggningsbidrag")]
        assert [a.value for a in doc.amounts] == [1200000]
        assert [(d.value, doc.text[d.start:d.end]) for d in doc.deadlines] == [
            ("2026-09-30", doc.text[doc.deadlines[0].start:doc.deadlines[0].end])]
        person = next(p for p in doc.people if p.name == "Lars Ekberg")
        assert doc.text[person.mentions[0].start:person.mentions[0].end] == "Lars&nbsp;Ekberg"
        assert "gömd" not in [s.title for s in doc.sections] and "margin" not in doc.meta.title


def test_text_with_a_lone_angle_bracket_or_ampersand_is_left_alone() -> None:
    from kdextract.text.normalize import normalize

    text = "Kostnaden <p>50 000 kr och AT&T; R&D &amp är kvar.\n"
    assert normalize(text).text == text
    assert normalize("Ekonomi &amp; personal\n").text == "Ekonomi & personal\n"
