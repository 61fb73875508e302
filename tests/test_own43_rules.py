"""Rules found missing by held-out batch 43 (tests/data/own_corpus43, scanned archive pages), each in our own words:
a "0" for a name's capital "O", a surname after a given name left as a name, a margin mark alone on its line read
as the blank line it stands on, a wrapped agenda title that names a project after "projektet", and a proposal's
"att"-clause that holds a decision's verb."""

from __future__ import annotations

import kdextract
from kdextract.text.lexicon import load_lexicon
from kdextract.text.ocr import repair
from kdextract.text.ocr_letters import zero_for_o
from kdextract.text.view import TextView


def _repaired(text: str) -> str:
    return repair(TextView.identity(text), force=True).text


# -- a "0" that opens a word ------------------------------------------------------------------------------------

def test_opening_zero_before_small_letters_is_an_o() -> None:
    lex = load_lexicon()
    assert zero_for_o("0lofsson", lex, name=True) == "Olofsson"  # a name's place: a name, listed or not
    assert zero_for_o("0lofsson", lex, name=False) is None  # no listed word outside a name's place
    assert zero_for_o("0ch", lex, name=False) == "och"
    assert zero_for_o("0msorg", lex, name=True) == "Omsorg"  # a name's place keeps the capital
    assert zero_for_o("01a", lex, name=True) == "Ola"
    assert zero_for_o("010", lex, name=False) is None  # a number
    assert zero_for_o("k0rt", lex, name=False) is None  # not at the word's start


def test_a_zero_before_a_unit_or_other_zeros_stays_a_digit() -> None:
    lex = load_lexicon()
    for tok in ("000kr", "0kr", "0mm", "0min", "0st", "0m", "00ch"):
        assert zero_for_o(tok, lex, name=False) is None, tok
    text = ("Kulturnämnden beslutar att bidraget blir 3 000kr per deltagare och 40 000kr för hela lägret. "
            "Avgiften för hyra av salen blir 0kr, kabeln kortas 0mm, vägen görs 0m bredare och kön tar 0min. "
            "Det blir 0st nya platser.\n")
    assert _repaired(text) == text
    assert _repaired("Ledamoten Britt 0hman deltog.\n") == "Ledamoten Britt Ohman deltog.\n"  # after a given name


def test_names_with_a_zero_for_o_are_read() -> None:
    text = ("Protokoll 1997-05-20\n\nNarvarande var ledamoterna fran bada partierna. Ordforande Karin 0lofsson "
            "oppnade motet och halsade alla valkomna. Sekreterare var Ante 0dell fran kansliet, och han forde "
            "protokollet. Fragan om nya lokaler for skolan togs upp och diskuterades lange av namnden.\n")
    names = [p.name for p in kdextract.parse(text).people]
    assert "Karin Olofsson" in names
    assert "Ante Odell" in names


# -- a surname after a given name -----------------------------------------------------------------------------

def test_surname_after_a_given_name_is_no_compound() -> None:
    text = ("Narvarande:  Maria Vikander, rektor\n             Anders Holander, vaktmastare\n\n"
            "Motet borjade med att rektorn berattade om lokalerna och vad som behover goras under hosten.\n")
    out = _repaired(text)
    assert "Maria Vikander" in out and "Anders Holander" in out


# -- a margin mark alone on its line ----------------------------------------------------------------------------

def test_stray_mark_line_is_blank() -> None:
    text = "Tva punkter togs upp pa motet.\n   ~\n2. Ekonorni\nBudgeten halls.\n  |  \nSlut\n"
    out = _repaired(text)
    assert "~" not in out and "|" not in out
    assert "\n\n2. " in out.replace("   \n", "\n")


def test_numbered_heading_after_a_stray_mark_line_is_found() -> None:
    text = ("MINNESANTECKNINGAR  1999-02-11\n\n1. Lokalerna\nVi gick igenorn lokalerna och sag att taket lacker "
            "i tva rurn. Fastighetsavdelningen ska atgarda det fore varen.\n  »\n2. Persona1\nEn ny kokerska "
            "borjar i rnars och tva vikarier ar anstallda for varen.\n\n3. Ovriga fragor\nInga ovriga fragor.\n")
    titles = [s.title for s in kdextract.parse(text).sections if s.level == 1]
    assert len(titles) == 3, titles


# -- a title cell that names a project on its next line -----------------------------------------------------------

_AGENDA = ("KALLELSE  2001-03-02\n\nFritidsnämnden kallas till sammanträde.\n\n"
           "ÄRENDEN                                          Föredragande\n\n"
           "1.   Bidrag till föreningar                      Stina Holm\n\n"
           "2.   Ansökan om medel till projektet             Leif Dahlin\n"
           "     Ängens naturstig\n"
           "     Ansökan avser 120 000 kr.\n\n"
           "3.   Meddelanden\n")


def test_wrapped_title_after_projektet_goes_on() -> None:
    titles = [s.title for s in kdextract.parse(_AGENDA).sections if s.level == 1]
    assert "Ansökan om medel till projektet Ängens naturstig" in titles


def test_project_named_under_its_cell() -> None:
    names = [p.name for p in kdextract.parse(_AGENDA).projects]
    assert names == ["Ängens naturstig"]


# -- a proposal's "att"-clause --------------------------------------------------------------------------------

def test_passive_cue_in_a_past_proposal_is_no_decision() -> None:
    text = ("PROTOKOLL\nKommunfullmäktige 2005-06-13\n\n§ 41  Bidrag till hembygdsgården\n\n"
            "Kulturnämnden föreslog den 12 maj att bidraget beviljas.\n\n"
            "Kommunfullmäktige beslutar\n\natt bevilja hembygdsgården ett bidrag om 40 000 kr.\n")
    texts = [d.text for d in kdextract.parse(text).decisions]
    assert not [t for t in texts if "föreslog" in t], texts
    assert [t for t in texts if "bevilja hembygdsgården" in t]


# -- a model span that opens with a project's noun ------------------------------------------------------------

def test_project_noun_opens_no_organisation() -> None:
    text = ("Kommunchefens rapport 2013-09-02\n\nNya lägenheter\nFullmäktige beslöt den 4 mars att bygga 30 nya "
            "lägenheter vid Björkängen. Projektet Björkängen 30 har en\nbudget om 52 miljoner kronor. Upphandling "
            "pågår.\n")
    names = [o.name for o in kdextract.parse(text).organisations]
    assert not [n for n in names if n.casefold().startswith("projekt")], names


# -- a year as a price base -----------------------------------------------------------------------------------

def test_price_base_year_is_no_deadline() -> None:
    text = "Tjänsteskrivelse 2011-10-04\n\nKostnaden blir 1,2 mnkr per år i 2011 års prisnivå.\n"
    doc = kdextract.parse(text)
    assert not [d for d in doc.deadlines if d.value == "2011"], [(d.value, d.what) for d in doc.deadlines]


# -- a permit applied for on a later date -----------------------------------------------------------------------

def test_permit_applied_for_later_is_planned() -> None:
    text = ("Minnesanteckningar 2003-02-04\n\nTillbyggnad av förrådet\nMarklov söks i april. Arbetet utförs av "
            "vaktmästarna.\n")
    deadlines = kdextract.parse(text).deadlines
    assert [d for d in deadlines if d.value == "2003-04" and "Marklov" in (d.what or "")], \
        [(d.value, d.what) for d in deadlines]
