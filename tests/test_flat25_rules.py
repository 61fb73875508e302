"""Rules for flattened text (layout stress round 25), in our own words."""

from __future__ import annotations

import pytest

import kdextract
from kdextract.layout.bullets import dash_topics, title_dash
from kdextract.layout.items import title_end
from kdextract.layout.pages import transcript_pages
from kdextract.layout.paragraph_leads import leads_paragraph

#: Minutes of a working group whose line breaks were all lost: each numbered topic's title runs into its first
#: dash item, and more dash items follow sentence ends.
ANTECKNINGAR = ("Minnesanteckningar – Styrgruppen för skolbygget, Ekby kommun Datum: 2026-10-06 kl. 13.00–15.00 "
                "Plats: Kommunhuset, rum Ekan Närvarande: Oskar Lind, Mona Sjöberg, Per Holm Antecknare: Mona Sjöberg "
                "1. Förra mötets anteckningar - Lades till handlingarna. 2. Tidplan - Bygglovet väntas i november. "
                "- Rivningen börjar vecka 3. 3. Kostnader - Prognosen ligger 2 mnkr över kalkylen. "
                "- Per tar fram förslag på besparingar. 4. Övriga frågor - Inga övriga frågor. "
                "Nästa möte: 2026-11-03 kl. 13.00.")


def test_a_numbered_topic_title_ends_before_its_first_dash_item() -> None:
    headings = [s.title for s in kdextract.parse(ANTECKNINGAR, ner=False).sections]
    for title in ("Förra mötets anteckningar", "Tidplan", "Kostnader", "Övriga frågor"):
        assert any(h.endswith(title) for h in headings), headings
    assert not any(" - " in h for h in headings), headings


@pytest.mark.parametrize(("title", "stop"), [
    ("Tidplan - Bygglovet väntas", "Tidplan"),
    ("Förra mötets anteckningar - Lades till handlingarna.", "Förra mötets anteckningar"),
])
def test_title_dash_finds_the_first_dash_item(title: str, stop: str) -> None:
    assert title_dash(title, 0, len(title)) == len(stop)


@pytest.mark.parametrize("title", [
    "Detaljplan för Norra Ekby - samråd",  # a dash before a lower-case word: part of the title
    "- Bygglovet väntas",  # the dash opens the text: no title before it
    "Budget 2027–2029",  # a range, no blanks around the dash
])
def test_title_dash_leaves_titles_without_a_dash_item(title: str) -> None:
    assert title_dash(title, 0, len(title)) is None


@pytest.mark.parametrize(("line", "title"), [
    ("Risker Om bidraget dröjer kan bygget skjutas till våren.", "Risker"),
    ("Tidplan Under hösten görs en förstudie och i vinter en upphandling.", "Tidplan"),
    ("Budget 2027 Efter att ramarna beslutats har nämnden fördelat dem.", "Budget 2027"),
    ("Lokaler Med den nya skolan behövs färre paviljonger.", "Lokaler"),
])
def test_a_title_ends_before_a_capitalised_preposition_that_opens_a_sentence(line: str, title: str) -> None:
    assert line[:title_end(line, 0, len(line))] == title


@pytest.mark.parametrize("line", [
    "Ombyggnad av etapp I och II",  # a one-letter capital: a numeral, not a sentence's first word
    "Detaljplan Kvarteret Lärkan",  # a capital after the noun: a name
    "Medborgarförslag Om Ekbyparken",  # a capital after the preposition: a name's part
])
def test_a_title_goes_on_past_a_capital_that_opens_no_clause(line: str) -> None:
    assert title_end(line, 0, len(line)) == len(line)


def test_a_flattened_plan_heading_is_not_run_into_its_first_sentence() -> None:
    text = ("Projektplan för trygga skolvägar i Ekby 1. Bakgrund Skolvägarna saknar belysning och föräldrar har "
            "under flera år skrivit till nämnden om det. 2. Risker Om entreprenören inte hinner klart före vintern "
            "flyttas slutbesiktningen till våren 2028. 3. Uppföljning Under byggtiden rapporterar projektledaren "
            "varje månad till nämnden.")
    titles = [s.title for s in kdextract.parse(text, ner=False).sections]
    assert any(t.endswith("Risker") for t in titles) and any(t.endswith("Uppföljning") for t in titles), titles


@pytest.mark.parametrize(("line", "title"), [
    ("Anmälningar Förteckning över beslut fattade under oktober redovisades.", "Anmälningar"),
    ("Delårsrapport Redovisning av nämndens resultat efter augusti lämnades.", "Delårsrapport"),
])
def test_a_one_word_title_ends_before_an_action_noun_and_its_preposition(line: str, title: str) -> None:
    assert line[:title_end(line, 0, len(line))] == title


def test_a_one_word_title_goes_on_with_an_action_noun_and_a_name() -> None:
    line = "Skolskjuts Upphandling av Ekby Buss AB"  # the preposition's word a capital: no sentence begins
    assert title_end(line, 0, len(line)) == len(line)


#: Notes of a reference group, their line breaks lost: each starred topic's title runs into its first dash point.
STJARNOR = ("Anteckningar från referensgruppen för Ekby bibliotek, måndag 5 oktober 2026. Närvarande: Oskar Lind, "
            "Mona Sjöberg och Per Holm. * Öppettider - Biblioteket har öppet till kl. 20 på torsdagar från januari. "
            "- Lördagsöppet prövas under våren. * Lokaler - Läsesalen målas om under november. - Barnavdelningen "
            "flyttar till entréplanet. * Evenemang - Författarbesök planeras i februari. - En bokcirkel startar "
            "efter jul.")


@pytest.mark.parametrize("layout", ["flat", "flatpara"])
def test_a_starred_topic_run_into_its_dash_points_heads_them(layout: str) -> None:
    text = STJARNOR if layout == "flat" else STJARNOR.replace(" * ", "\n\n* ")
    titles = [s.title for s in kdextract.parse(text, ner=False).sections]
    assert titles == ["Öppettider", "Lokaler", "Evenemang"], titles


def test_dash_topics_need_a_run_of_dash_points() -> None:
    line = "Vi talade om läget. * Budget - Nämnden får mer pengar i år än i fjol."
    assert dash_topics(line, 0, len(line)) == []
    line = "* Lokaler - Läsesalen målas om. - Barnavdelningen flyttar."
    assert dash_topics(line, 0, len(line)) == [(0, len("* Lokaler"))]


#: A kallelse whose list of items lost its line breaks but kept its paragraphs: the list's line opens with item 1.
KALLELSE_LISTA = ("EKBY KOMMUN          KALLELSE Tekniska nämnden          2026-10-01\n\n"
                  "Ledamöterna kallas till sammanträde torsdagen den 8 oktober 2026 kl. 18.00 i kommunhuset.\n\n"
                  "Ärenden\n\n"
                  "1  Val av justerare 2  Godkännande av dagordningen 3  Ny gatubelysning i Backaby          "
                  "Bilaga 1, sid 2–4 4  Taxa för parkering 2027          Bilaga 2, sid 5–8 5  Snöröjning vintern "
                  "2026/27          sid 9 6  Meddelanden\n\n"
                  "Handlingarna finns i läsplattan från och med den 2 oktober.\n")


def test_a_flattened_list_opening_with_item_one_is_no_transcript_page() -> None:
    assert transcript_pages(KALLELSE_LISTA) == []
    titles = [s.title for s in kdextract.parse(KALLELSE_LISTA, ner=False).sections]
    assert "Val av justerare" in titles and "Meddelanden" in titles, titles


def test_a_lone_long_page_opened_by_its_number_is_still_a_page() -> None:
    page = "1 " + "Kommunstyrelsen sammanträdde i kommunhuset och behandlade årets budget. " * 4
    assert len(transcript_pages(page)) == 1


@pytest.mark.parametrize(("line", "title"), [
    ("KS § 12  Godkännande av dagordning Dagordningen godkänns.", "Godkännande av dagordning"),
    ("§ 7  Information om bygget Informationen noteras.", "Information om bygget"),
])
def test_a_paragraph_item_run_into_its_two_word_decision_heads_it(line: str, title: str) -> None:
    assert leads_paragraph(line, 0, len(line))
    titles = [s.title for s in kdextract.parse("Protokoll Tekniska nämnden\n\n" + line + "\n", ner=False).sections]
    assert title in titles, titles


@pytest.mark.parametrize("line", [
    "§ 7  Information om bygget Eva informerar.",  # a name, no definite noun: the title may go on
    "§ 7  Information om bygget Informationen noterades",  # no sentence end
])
def test_a_two_word_rest_that_is_no_passive_decision_leads_no_paragraph(line: str) -> None:
    assert not leads_paragraph(line, 0, len(line))
