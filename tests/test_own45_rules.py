"""Rules found missing by held-out batch 45 (tests/data/own_corpus45, documents from the web and from offices), each
in our own words: a calendar of short dated points under its heading, a web page's row of cookie buttons and its
breadcrumb of slashes, a distribution line with its recipients, a word processor's table with a tab between cells,
a period bounded by "till minst" and a year, and a footnote's superscript marker after a year."""

from __future__ import annotations

import kdextract
from kdextract.text.fold import fold


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.level == 1]


# -- a calendar's heading over short dated points ----------------------------------------------------------------

_NEWSLETTER = ("Ekby kommun\nVeckobrev från kommunchefen\n\n"
               "Nytt avtal för skolskjutsar\n"
               "Barn- och utbildningsnämnden har tecknat ett nytt avtal om skolskjutsar med ett bussbolag. "
               "Avtalet gäller i fyra år.\n\n"
               "Viktiga datum\n"
               "• 3 mars: {a}\n"
               "• 17 mars: {b}\n")


def test_a_heading_over_two_short_dated_points_is_a_calendar() -> None:
    text = _NEWSLETTER.format(a="budgetdag", b="öppet hus")
    assert _titles(text) == ["Nytt avtal för skolskjutsar", "Viktiga datum"]


def test_one_dated_point_alone_is_no_calendar() -> None:
    text = _NEWSLETTER.format(a="budgetdag", b="x").replace("• 17 mars: x\n", "Tack för i dag.\n")
    assert "Viktiga datum" not in _titles(text)


# -- a web page's chrome ----------------------------------------------------------------------------------------

_PAGE = ("Gå till innehållet\n"
         "{buttons}\n"
         "{crumbs}\n"
         "Protokoll från barn- och utbildningsnämnden\n"
         "Publicerad: 2026-04-02    Senast uppdaterad: 2026-04-06\n\n"
         "§ 21 Val av justerare\n"
         "Nämnden utser Eva Ek att justera protokollet.\n\n"
         "§ 22 Skolskjutsar\n"
         "Nämnden beslutar att anta de nya reglerna.\n")


def test_a_row_of_cookie_buttons_holds_no_deadline() -> None:
    """"Start" in a breadcrumb read as a cue of the page's dates was a false deadline; the buttons and the
    crumbs are the site's, no text of the document."""
    text = _PAGE.format(buttons="Acceptera alla kakor    Endast nödvändiga kakor",
                        crumbs="Start / Politik / Protokoll / Barn- och utbildningsnämnden")
    doc = kdextract.parse(text)
    assert all("kakor" not in d.text and "Start /" not in d.text for d in doc.deadlines)
    assert all("kakor" not in s.title for s in doc.sections)


def test_cookie_buttons_and_slash_crumbs_are_wrappers() -> None:
    from kdextract.layout.lines import split_lines
    for line in ("Godkänn alla kakor    Endast nödvändiga kakor", "Tillåt alla cookies    Hantera cookies",
                 "Startsida / Bygga och bo / Detaljplaner"):
        assert split_lines(line + "\n", {})[0].kind == "wrapper", line
    for line in ("Start / slut", "Endast nödvändiga kakor sparas på din dator."):  # no crumb; a sentence
        assert split_lines(line + "\n", {})[0].kind != "wrapper", line


# -- a distribution line with its recipients ----------------------------------------------------------------------

def test_a_distribution_line_with_recipients_heads_nothing() -> None:
    text = ("Ekby kommun\nTJÄNSTESKRIVELSE\n\nNy lekplats i Norrby\n\n"
            "Förslag till beslut\nNämnden beslutar att bygga en ny lekplats i Norrby.\n\n"
            "Ärendet\nDen gamla lekplatsen är sliten och måste ersättas. Arbetet görs under våren.\n\n"
            "Eva Ek\nGatuchef\n\n"
            "Beslutet skickas till: Gatuenheten, Ekonomienheten\n\n"
            "Den nya lekplatsen invigs i juni med korv och saft för alla barn.\n")
    assert _titles(text) == ["Förslag till beslut", "Ärendet"]


# -- a word processor's table --------------------------------------------------------------------------------------

def test_number_cells_under_a_tabbed_currency_column_are_amounts() -> None:
    text = ("Ekby kommun\nTJÄNSTESKRIVELSE\n\nKostnaderna för ombyggnaden fördelas så här.\n\n"
            "Del\tBelopp, kr\tAnsvarig\n"
            "Nya fönster\t820 000\tFastighetsenheten\n"
            "Målning av fasaden\t315 500\tFastighetsenheten\n"
            "Antal rum\t12\t\n")
    values = sorted(a.value for a in kdextract.parse(text).amounts)
    assert values == [12, 315500, 820000]


def test_a_tabbed_number_under_another_column_is_no_amount() -> None:
    text = ("Ekby kommun\n\nDel\tAntal\tBelopp, kr\tÅr\n"
            "Fönster\t14\t820 000\t2027\n")
    assert [a.value for a in kdextract.parse(text).amounts] == [820000]


# -- years ---------------------------------------------------------------------------------------------------------

def test_a_year_after_till_minst_bounds_a_period() -> None:
    doc = kdextract.parse("Ekby kommun\n\nAvtalet med bolaget ska gälla till minst 2035, sedan görs en ny upphandling.\n"
                          "Hallen rymmer minst 2035 personer.\n")
    assert [(d.text, d.value) for d in doc.dates] == [("2035", "2035")]


def test_a_footnote_marker_after_a_year_is_no_digit() -> None:
    assert fold("1998¹ och ²") == "1998  och  "
    doc = kdextract.parse("Ekby kommun\n\nSkolan byggdes 1968² och byggdes om under 2004.³ Nu behövs ett nytt tak.\n")
    assert [d.value for d in doc.dates] == ["1968", "2004"]


# -- a writer's availability in a mail ------------------------------------------------------------------------------

def test_a_writers_availability_is_no_deadline() -> None:
    text = ("Från: Eva Ek\nÄmne: SV: Möte om skolgården\n\nHej Ola!\n"
            "Jag kan den 14 mars på eftermiddagen. Ritningarna ska vara klara senast den 20 mars.\n/Eva\n")
    assert [d.value for d in kdextract.parse(text).deadlines] == ["XXXX-03-20"]


# -- a sum's period -----------------------------------------------------------------------------------------------

def test_a_date_right_after_a_sum_bounds_its_period() -> None:
    text = ("Minnesanteckningar 2027-02-01\n\n"
            "Hyran för paviljongen blir 9 500 kr per månad till och med den 31 augusti. "
            "Bygget kostar 2 mnkr och ska vara klart senast den 15 juni.\n")
    assert [d.value for d in kdextract.parse(text).deadlines] == ["2027-06-15"]
