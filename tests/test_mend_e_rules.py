"""Mends of review 21's findings on signature rows, foreign bodies, table cells, field rows and companies, each in our
own words: a flattened signature row names the author only where no label does, and is read as the input set it."""

from __future__ import annotations

import pytest

import kdextract


def _extract(head: str, labels: str) -> str:
    return ("Protokollsutdrag\nMiljönämnden\nSammanträdesdatum 2027-02-11\n" + head + "\n§ 12 Tillsynsplan 2027\n\n"
            "Nämnden fastställer tillsynsplanen för 2027.\n\n" + labels + "\nMarta Vinge Anton Bergdal Lisa Holmgård\n")


@pytest.mark.parametrize("head", ["Sekreterare: Eva Ek\n", "Plats och tid: Rådhuset\nSekreterare: Eva Ek\n",
                                  "Vid protokollet Eva Ek\n"])
@pytest.mark.parametrize("labels", ["Ordförande Justerande Utdragsbestyrkande", "Justerande Sekreterare Ordförande"])
def test_signature_row_yields_to_a_named_secretary(head: str, labels: str) -> None:
    assert kdextract.parse(_extract(head, labels)).meta.author == "Eva Ek"


@pytest.mark.parametrize(("labels", "author"), [
    ("Ordförande Justerande Utdragsbestyrkande", "Lisa Holmgård"),
    ("Justerande Sekreterare Ordförande", "Anton Bergdal"),
])
def test_signature_row_read_in_a_document_with_a_form(labels: str, author: str) -> None:
    assert kdextract.parse(_extract("Plats och tid: Rådhuset\n", labels)).meta.author == author



@pytest.mark.parametrize(("sentence", "name", "wrong"), [
    ("Enligt Narvik kommune kan bussen gå över gränsen från 2028.", "Narvik kommune", "Enligt Narvik kommune"),
    ("Även Tornion kaupunki deltar i arbetet med den nya bron.", "Tornion kaupunki", "Även Tornion kaupunki"),
    ("Planen tas fram med Nordland fylkeskommune och Troms og Finnmark fylkeskommune.",
     "Troms og Finnmark fylkeskommune", "og Finnmark fylkeskommune"),
])
def test_foreign_body_starts_at_its_place(sentence: str, name: str, wrong: str) -> None:
    names = [o.name for o in kdextract.parse(f"Rapport 2027-01-12\n\n{sentence}\n", ner=False).organisations]
    assert name in names and wrong not in names, names


@pytest.mark.parametrize("gap", ["  ", "\t"])
def test_company_form_before_a_column_gap_takes_no_name_after_it(gap: str) -> None:
    text = ("Protokoll 2026-10-06\n\nDelegationsbeslut\n"
            f"3  2026-09-14  Avtal om städtjänster med Ekby Lokalvård AB{gap}Upphandlare Sara Ström\n")
    doc = kdextract.parse(text, ner=False)
    assert [o.name for o in doc.organisations] == ["Ekby Lokalvård AB"]
    assert [p.name for p in doc.people] == ["Sara Ström"]


def test_company_form_before_its_name_one_blank_apart() -> None:
    doc = kdextract.parse("Rapport 2026-10-06\n\nUppdraget går till AB Ekby Mekaniska Verkstad.\n", ner=False)
    assert "AB Ekby Mekaniska Verkstad" in [o.name for o in doc.organisations]


_KULTUR_ROW = "2.   Kultur      Ansökan om medel till projektet             Leif Dahlin\n"


@pytest.mark.parametrize("row", [
    _KULTUR_ROW + "     Ekbacken\n",  # set under the row's first cell, not under the cell of "projektet"
    "2.\tAnsökan om medel till projektet      Leif Dahlin\n" + "\t" * 11 + "Ekbacken\n",  # tabs: no column to count
])
def test_line_below_another_cell_is_no_rest_of_the_intros_cell(row: str) -> None:
    from kdextract.layout.columns import cell_rest_below

    end = row.index("projektet") + len("projektet")
    assert cell_rest_below(row, end) == end


def test_line_below_the_intros_cell_is_its_rest() -> None:
    from kdextract.layout.columns import cell_rest_below

    row = _KULTUR_ROW + "                 Ekbackens lekpark\n"
    assert cell_rest_below(row, row.index("projektet") + len("projektet")) == row.index("Ekbackens")


def test_name_under_another_cell_is_no_project() -> None:
    text = ("KALLELSE  2001-03-02\n\nFritidsnämnden kallas till sammanträde.\n\n" + _KULTUR_ROW
            + "     Ekbacken\n     Ansökan avser 120 000 kr.\n\n3.   Meddelanden\n")
    assert "Ekbacken" not in [p.name for p in kdextract.parse(text).projects]


def test_place_kind_words_are_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    import regex

    from kdextract.records import name_utils

    kinds = types.SimpleNamespace(municipality=["kommun", "st.-stad"])
    monkeypatch.setattr(name_utils, "org_rules", lambda: types.SimpleNamespace(place_kind_words=kinds))
    words = regex.compile(f"(?:{name_utils.kind_words('municipality')})")
    assert words.fullmatch("st.-stad") and not words.fullmatch("stx-stad")


def test_municipality_with_its_kind_word_in_capitals() -> None:  # (the pattern reads kind words in any case)
    doc = kdextract.parse("SKELLEFTEÅ KOMMUN\nProtokoll 2026-03-02\n\nNämnden godkänner rapporten.\n", ner=False)
    assert doc.meta.organisation is not None and doc.meta.organisation.casefold() == "skellefteå kommun"


def test_association_ends_before_a_county_councils_name() -> None:
    text = "Rapport 2026-11-10\n\nBidraget söks av Pensionärsföreningen i Norrbottens landsting och av kommunen.\n"
    names = [o.name for o in kdextract.parse(text, ner=False).organisations]
    assert "Pensionärsföreningen" in names and "Pensionärsföreningen i Norrbottens" not in names, names


def test_intent_cues_are_phrases_and_the_handover_verb_has_its_own_key() -> None:
    from kdextract.records.deadline_rules import DeadlineRules

    data = DeadlineRules.load()
    assert all(" " in w for w in data.intent_cues.words), data.intent_cues.words
    assert data.handover_verbs.words == ["överlämna"]


def test_handover_in_a_coordinated_clause_is_planned_for_its_day() -> None:
    text = ("Protokoll 2026-10-05\n\n§ 12 Delårsrapport\n\nNämnden beslutar att godkänna rapporten och "
            "överlämna den till kommunfullmäktige den 2 november 2026.\n")
    deadlines = kdextract.parse(text, ner=False).deadlines
    assert [d.value for d in deadlines] == ["2026-11-02"], deadlines


def test_board_genitives_are_rule_data() -> None:
    from kdextract.records.name_utils import org_rules

    assert "nämndens" in org_rules().board_genitives.words


@pytest.mark.parametrize(("sentence", "name"), [
    ("Ärendet bereds av socialnämndens arbetsutskott i maj.", "socialnämndens arbetsutskott"),
    ("Ärendet bereds av regionstyrelsens arbetsutskott i maj.", "regionstyrelsens arbetsutskott"),
])
def test_a_boards_unit(sentence: str, name: str) -> None:
    names = [o.name for o in kdextract.parse(f"Rapport 2026-11-10\n\n{sentence}\n", ner=False).organisations]
    assert name in names, names


def test_bare_presenter_after_a_run_on_items_title_stays_under_it() -> None:
    from kdextract.layout.reflow import reflow
    from kdextract.text.view import TextView

    text = ("Kallelse till sammanträde med kulturnämnden 2027-03-01\n\nFöredragningslista\n"
            "1. Val av justerare 2. Godkännande av dagordningen\n3. Skolskjutsar Kerstin Alm, utredare "
            "4. Nya taxor för bad och sim Ekonom Per Holm 5. Meddelanden\n\nVälkomna!\n")
    flowed = reflow(TextView.identity(text)).text
    assert "3. Skolskjutsar\nKerstin Alm, utredare\n\n" in flowed, flowed  # the item's note, not a paragraph
    assert "4. Nya taxor för bad och sim\nEkonom Per Holm\n\n" in flowed, flowed


_FOOTER = "Postadress: Box 12, 123 45 Ekby Besöksadress: Storgatan 1 Telefon: 0123-456 70 E-post: info@ekby.example\n"
_MEMO = "Ekby kommun\nTjänsteskrivelse 2026-05-04\n\nÖversyn av busslinjer\n\n{footer}\nBakgrund\nLinje 3 har få resenärer.\n"


def test_contact_footer_between_a_memos_subject_and_its_body_is_passed_over() -> None:
    with_footer = kdextract.parse(_MEMO.format(footer=_FOOTER), ner=False)
    without = kdextract.parse(_MEMO.format(footer=""), ner=False)
    assert with_footer.meta.title == without.meta.title == "Översyn av busslinjer"
    assert [s.title for s in with_footer.sections] == [s.title for s in without.sections] == ["Bakgrund"]


def test_contact_lines_that_end_the_text_end_no_heading_s_body() -> None:
    from kdextract.layout.heading_context import has_body
    from kdextract.layout.lines import split_lines

    text = "Med vänliga hälsningar\n\nEva Ek\nTelefon: 0123-456 70\nE-post: eva.ek@ekby.example\nWebb: ekby.example\n"
    lines = split_lines(text, {})
    assert not has_body(lines, next(k for k, ln in enumerate(lines) if ln.text == "Eva Ek"))


def test_an_abbreviations_point_ends_no_fields_value() -> None:
    from kdextract.layout.field_rows import field_rows

    text = "Datum: 4 maj kl. 13.00 Ärende: Budget 2027 Handläggare: Eva Ek, ekonom"
    assert [text[p:text.index(":", p)] for p in field_rows(text, 0, len(text))] == ["Datum", "Ärende", "Handläggare"]


def test_a_sentence_end_still_ends_a_fields_value() -> None:
    from kdextract.layout.field_rows import field_rows

    text = "Datum: 4 maj Ärende: Budgeten är klar. Handläggare: Eva Ek Status: Pågår"
    assert field_rows(text, 0, len(text)) == []
