"""Inputs for speed and memory checks: a municipal-style document of any length, and adversarial shapes.

``municipal_text`` writes a seeded protocol of the genre's usual parts (heading, attendance,
numbered paragraphs with decisions, dates, deadlines, amounts, people and organisations) to a
given length. ``SHAPES`` maps a name to a function ``n -> text of about n characters`` that
repeats one pathological pattern (a digit run, a budget table in one sentence, hyphenated
capitals, a list of names); a linear-time pipeline reads each in time proportional to ``n``.

>>> len(municipal_text(5_000))
5000
>>> SHAPES["digit_run"](12)
'111111111111'
"""

from __future__ import annotations

import os
import random
import textwrap
import zipfile
from collections.abc import Callable

GIVEN = ["Anna", "Per", "Karin", "Erik", "Maria", "Johan", "Lena", "Olof", "Sara", "Mats", "Eva", "Lars"]
FAMILY = ["Berg", "Lind", "Holm", "Ström", "Nilsson", "Ek", "Sjögren", "Åberg", "Lundqvist", "Wikström"]
PARTIES = ["S", "M", "C", "V", "L", "KD", "MP", "SD"]
BODIES = ["Kommunstyrelsen", "Barn- och utbildningsnämnden", "Socialnämnden", "Tekniska nämnden",
          "Kultur- och fritidsnämnden", "Miljö- och byggnadsnämnden"]
ORGS = ["Trafikverket", "Länsstyrelsen i Norrbottens län", "Region Jämtland Härjedalen", "Sveriges Kommuner och Regioner",
        "Skellefteå kommun", "Bostadsbolaget Hemvist AB", "Vattenförbundet Nordväst"]
TOPICS = ["Budget {y}", "Delårsrapport {y}", "Detaljplan för Norra hamnen", "Taxa för bygglov {y}",
          "Upphandling av skolskjuts", "Motion om gång- och cykelväg", "Ombyggnad av simhallen",
          "Revidering av delegationsordning", "Val av justerare", "Informationsärenden"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]
BODY = [
    "{body} beslutar att godkänna förslaget och att uppdra åt förvaltningen att återkomma senast den {d} {m} {y}.",
    "Kostnaden beräknas till {amount} och finansieras inom befintlig ram för {y}.",
    "Ärendet har beretts av {name}, ekonom, som redovisade underlaget vid sammanträdet den {d} {m}.",
    "{org} har i en skrivelse den {d} {m} {y} begärt kommunens yttrande över förslaget.",
    "Förvaltningen föreslår att investeringen om {amount} tidigareläggs till {y}.",
    "Yrkande: {name} ({party}) yrkar bifall till förvaltningens förslag.",
    "Beslutsunderlag: tjänsteskrivelse daterad {y}-{mm}-{dd}, bilaga 1 och 2.",
    "Samråd har skett med {org} och med berörda fastighetsägare under våren {y}.",
]
AMOUNTS = ["1 250 000 kronor", "2,4 miljoner kr", "350 tkr", "12 mnkr", "75 000 kr", "4,5 mkr"]


def municipal_text(chars: int, seed: int = 0) -> str:
    """A protocol of exactly ``chars`` characters, seeded, written from the genre's usual parts."""
    rnd = random.Random(seed)
    year = rnd.randint(2012, 2024)

    def name() -> str:
        return f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)}"

    def fill(template: str) -> str:
        return template.format(body=rnd.choice(BODIES), org=rnd.choice(ORGS), name=name(), party=rnd.choice(PARTIES),
                               amount=rnd.choice(AMOUNTS), d=rnd.randint(1, 28), m=rnd.choice(MONTHS), y=year,
                               mm=f"{rnd.randint(1, 12):02d}", dd=f"{rnd.randint(1, 28):02d}")

    body = rnd.choice(BODIES)
    parts = [f"{body}\nProtokoll {year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}\n",
             "Beslutande\n" + "\n".join(f"{name()} ({rnd.choice(PARTIES)}), ledamot" for _ in range(6)) + "\n",
             f"Justerare\n{name()}\n"]
    size = sum(len(p) + 1 for p in parts)
    number = 1
    while size < chars:
        title = rnd.choice(TOPICS).format(y=year)
        paragraph = f"§ {number} {title}\n\n" + "\n\n".join(fill(rnd.choice(BODY)) for _ in range(rnd.randint(2, 5))) + "\n"
        parts.append(paragraph)
        size += len(paragraph) + 1
        number += 1
    return "\n".join(parts)[:chars]


_PREFIXES = ["Berg", "Lind", "Holm", "Sjö", "Ek", "Ask", "Björk", "Gran", "Strand", "Dahl", "Ny", "Öst", "Väst",
             "Sand", "Sten", "Löv", "Al", "Hag", "Ros", "Fors"]
_SUFFIXES = ["ström", "qvist", "gren", "berg", "lund", "man", "dahl", "sten", "blad", "kvist", "bäck", "by",
             "mark", "näs", "vik"]
_GIVEN_MORE = GIVEN + ["Ingrid", "Henrik", "Birgitta", "Anders", "Kerstin", "Gustav", "Elin", "Nils", "Malin",
                       "Jonas", "Ulla", "Peter"]


def distinct_name(i: int) -> str:
    """The ``i``-th of 7,200 different names that look Swedish ("Anna Bergström")."""
    surname = _PREFIXES[i % len(_PREFIXES)] + _SUFFIXES[i // len(_PREFIXES) % len(_SUFFIXES)]
    return f"{_GIVEN_MORE[i // (len(_PREFIXES) * len(_SUFFIXES)) % len(_GIVEN_MORE)]} {surname}"


def _lines(n: int, line: Callable[[int], str]) -> str:
    out: list[str] = []
    size = i = 0
    while size < n:
        out.append(line(i))
        size += len(out[-1])
        i += 1
    return "".join(out)


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: unit * max(1, n // len(unit))


SHAPES: dict[str, Callable[[int], str]] = {
    # one pattern repeated without a break
    "digit_run": _repeat("1"),
    "letter_run": _repeat("a"),
    "letter_run_then_a_wide_space": lambda n: "a" * max(1, n - 2) + "\u3000\n",
    # a name, then a run of blanks inside its line (a heading's trailing punctuation was sought from each blank)
    # a date, then a long run of blanks or of line breaks (parsers.dates' ranges split the blanks after a date at each
    # blank; records.date_reference's plan title read the rest of a run of blank lines from each of its lines)
    "date_then_a_run_of_blanks": lambda n: "Mötet 2026-06-12" + " " * n + "slut.",
    "date_then_a_run_of_line_breaks": lambda n: "Mötet 2026-06-12" + "\n" * n + "slut.",
    "name_then_a_run_of_blanks": lambda n: "Anna Berg" + " " * max(1, n - 12) + "x\n",
    # a member's party, then blanks (a list's joiner sought through the run from each of its lengths), and a run of
    # blanks before a word that is almost a presenter column's header (the header's gap tried at each length)
    "party_then_a_run_of_blanks": lambda n: "Eva Ek (S)" + " " * max(1, n - 16) + "yrkar\n",
    "blanks_before_almost_a_presenter_header": lambda n: "Ärende" + " " * max(1, n - 30) + "Föredragandena\n",
    "letters_and_digits": _repeat("a1"),
    "ocr_stand_ins": _repeat("{#"),
    "blank_lines_between_words": _repeat("ord\n\n"),
    # a word on each page, blanked as a running header: one long blank run (each line read the rest of it)
    "running_header_pages": _repeat("ord\f\n \n"),
    "space_runs_between_words": _repeat("ord      "),
    "dots": _repeat("."),
    # one token of decimal parts ("1.1.1…"): an item number's parts were given back one at a time
    "decimal_parts": _repeat("1."),
    "open_brackets": _repeat("("),
    "dashes": _repeat("-"),
    "digit_groups": _repeat("1 "),
    # groups of three with no unit (text.ocr_numbers read an amount's run of groups again from each of its groups)
    "thousands_groups_without_unit": _repeat("100 "),
    # groups of three, then a line break and no number before the unit (parsers.amounts tried the suffix pattern at
    # each group, each try reading the run to its end)
    "thousands_groups_then_no_number_before_a_unit": lambda n: "100 " * max(1, n // 4) + "\n00 kr",
    "decimal_commas": _repeat("1,"),
    "words_on_one_line": _repeat("ord "),
    # single letters spaced out on one line, ending in no letter: a letter-spaced line's runs were given back
    "spaced_letters_then_a_bracket": lambda n: "a " * max(1, n // 2) + "(1",
    "capitalised_words": _repeat("Kommunstyrelsen "),
    "acronyms": _repeat("ABC "),
    "tabs": _repeat("a\t"),
    "lone_l_between_words": _repeat("och l av "),
    "hyphenated_capitals": _repeat("Anna-"),
    "dates_in_one_sentence": _repeat("den 3 maj 2020 "),
    # days written as day/month on one line (each date's year was sought in a copy of the dates before it)
    "numeric_days_on_one_line": _repeat("13/2 "),
    # days listed before the month they share, one list after another (each list is read back from its month)
    "days_listed_before_their_month": _repeat("den 4, 11 och 18 maj "),
    "days_listed_in_one_long_list": lambda n: "den " + "1, " * max(1, n // 3) + "2 och 3 maj",
    "weekdays_listed_before_their_month": _repeat("måndagen den 3 och tisdagen den 4 maj "),
    # a deadline's dates on one line, its sentence going on past it (each date read its line's dates)
    "deadline_dates_on_one_line": lambda n: "Ansök senast " + "den 3 maj 2020, " * max(1, n // 16) + "\nmed mera.",
    #: days counted from a meeting (records.event_dates) between dates, in a notice dated by its meeting
    "meeting_days_on_one_line": lambda n: ("KALLELSE\nNämnden kallas till sammanträde den 3 maj 2020.\n"
                                           + "Den 3 maj 2020 och en vecka före mötet. " * max(1, n // 40)),
    "amounts_in_one_sentence": _repeat("1 000 kr "),
    # form fields run into one line (layout.field_rows: each row of fields read once)
    "run_in_form_fields": _repeat("Projektledare: Eva Ek "),
    "run_in_two_word_field_labels": _repeat("Gäller från: 2026-05-01 "),
    "adoption_lines_on_one_line": _repeat("Fastställd av kommunfullmäktige 2026-04-22, § 45 "),
    # flattened Markdown: headings and pipe tables on one line, one long table (layout.flat_markdown)
    "flattened_markdown_on_one_line": _repeat("## Rubrik Text om det. | a | b | |---|---| | c | d | "),
    "flattened_markdown_table_rows": lambda n: "# Plan 2027 ## Möten | a | b | |---|---| " + "| 3 maj | 18 | " * max(
        1, n // 15),
    # one long paragraph led by a title over two bare titles (layout.paragraph_leads.listed_title_lead)
    "listed_title_over_bare_titles": lambda n: "Bidrag till föreningar Förvaltningen " + "har ord " * max(1, n // 8)
    + "slut.\n\nDelegationsbeslut\n\nMeddelanden\n",
    # year turns in one clause (records.deadlines sought a compound noun of an event through the clause for each)
    "half_year_turns_in_one_sentence": _repeat("vid halvårsskiftet "),
    # due dates in one clause (records.deadline_items sought contact details from the clause's start for each cue)
    "due_dates_in_one_clause": _repeat("senast den 3 maj 2020, "),
    "amount_words_in_one_sentence": _repeat("tre miljoner kronor och "),
    "number_words_without_unit": _repeat("tre miljoner "),
    "names_in_one_sentence": _repeat("Anna Berg, Per Lind, "),
    # places named again and again, no county's word in the text (records.meta_who sought "län" after each place
    # through the rest of the text: ``regex`` seeks a pattern's required word before the blanks that open it)
    "places_without_a_county": _repeat("Möte i Umeå och Luleå. "),
    # a board's abbreviation again and again, no § in the text (records.org_filters sought a cited paragraph's "§"
    # after each), and initialled names, no bracket in the text (records.person_initials sought a title's "(")
    "board_abbreviations_without_paragraphs": _repeat("KS tar upp frågan. "),
    "initialled_names_without_brackets": _repeat("Enligt K. Lindqvist och E. Holmgren är det klart. "),
    # "för året" again and again after dates (parsers.dates.rules_years sought a word of thanks before each from the
    # text's start)
    "for_the_year_again_and_again": _repeat("Beslut 2026-03-18, § 27 Budget för året "),
    # heads cited after a comma and a day in one flattened line, no field label (layout.flat_heads sought the label's
    # colon after each), known sub-headings run on in lower case (layout.subheading_ends sought a first point's "1"
    # after each), association heads in one line (records.org_associations sought a line break after each)
    "cited_heads_in_one_line": _repeat("Beslut 2026-03-18, § 27 Budget och plan "),
    "subheadings_run_on_in_lower_case": _repeat("Bakgrund och beslut i ärendet. "),
    "association_heads_in_one_line": _repeat("Idrottsföreningen har möte. "),
    # project names, name tails and form labels in one line: a wrapped name's line break after each project's name
    # (records.project_names), a party code's bracket after each name's tail (text.ocr_spaces) and the next line's
    # word after each label that ends in an ideographic space (layout.form) were sought through the rest of the text
    "project_names_in_one_line": _repeat("projektet Ekbo och "),
    "name_tails_without_party_codes": _repeat("Sigvor Dahn mark, "),
    "labels_before_ideographic_spaces": _repeat("Mötet startar. Datum\u3000"),
    # decision cues in one sentence (records.decisions read the sentence from its start for each cue)
    "decision_cues_in_one_sentence": lambda n: "Nämnden beslutar att " + _repeat("bidraget beviljades och ")(n),
    "past_decisions_in_one_sentence": lambda n: "Nämnden beslutar att " + _repeat("bygglov beviljades i juni ")(n),
    # minutes: one sentence of many decisions, "att"-clauses and present passives joined by commas, no full stop
    # (records.decision_spans read the sentence from its start for each cue's noun phrase, records.clauses each
    # subject's clause and mentions, records.decision_details the sentence after each decision for a reservation)
    "decision_clauses_in_one_sentence": lambda n: "Protokoll\nKommunstyrelsen\nSammanträdesdatum 2026-03-04\n\n"
    "§ 1 Taxor\n\nNämnden beslutar att " + _repeat("att anta planen för hela året och för alla verksamheter, taxan "
                                                 "fastställs, att bevilja stödet till föreningarna i kommunen, "
                                                 "bidraget beviljas, ")(n),
    # a project named again and again in one flattened paragraph, a status cue and a date in each sentence, and an
    # initiative named again and again, no fee after it (records.projects tested each name against all the names
    # before it, each sentence against all the document's dates, each status cue against all the names)
    "projects_in_flattened_text": _repeat("Projektet Ekbacken startar i maj. "),
    "initiatives_without_fees": _repeat("Kunskapslyftet ger kurser. "),
    # a project named under each of many headings, and a project's title heading each of many sections
    # (records.projects sought each name's level-1 section and each title's section among all the sections)
    "projects_under_many_headings": lambda n: "Protokoll\n\n" + _lines(
        n, lambda i: f"§ {i + 1} Ärende {i + 1}\n\nProjektet Ekbacken startar i maj.\n\n"),
    "project_titles_over_many_sections": lambda n: "Rapport\n\n" + _lines(
        n, lambda i: f"Projekt Ekbacken {i + 1}\n\nProjektet startar i maj. Det är bra.\n\n"),
    # a project's name emphasised in Markdown again and again (text.normalize tested each emphasis against every
    # replacement before it, records.project_names each name's start against every emphasised span)
    "emphasised_project_names": _repeat("Projektet **Ekbacken** startar i *maj*. "),
    # what a real archive holds at length: registers, lists and runs of one kind of token
    "delegation_register": lambda n: "Delegationsbeslut\n\nNr\tDatum\tBeslut\tDelegat\n" + _lines(
        n, lambda i: f"{i + 1}\t2026-0{i % 9 + 1}-1{i % 10}\tBygglov för garage, dnr BN 2026/{i}\t{GIVEN[i % 12]} "
        f"{FAMILY[i % 10]}\n"),
    "attendance_one_per_line": lambda n: "Protokoll\nKommunstyrelsen\n\nNärvarande\n" + _lines(
        n, lambda i: f"{GIVEN[i % 12]} {FAMILY[i % 10]} ({PARTIES[i % 8]}), ledamot\n"),
    "long_agenda": lambda n: "Kallelse\nKommunstyrelsen\n\nFöredragningslista\n" + _lines(
        n, lambda i: f"{i + 1}. Ärende om budget för område {i + 1}\tDnr KS 2026/{i}\n"),
    "bare_paragraph_heads": lambda n: _lines(n, lambda i: f"§ {i + 1}\n"),
    "day_month_dates_in_a_row": lambda n: "Möten: " + _lines(n, lambda i: f"{i % 28 + 1}/{i % 12 + 1}, "),
    "names_joined_by_och": lambda n: "Närvarande var " + _lines(n, lambda i: f"{GIVEN[i % 12]} {FAMILY[i % 10]} och "),
    "amounts_on_one_line": lambda n: "Kostnader: " + _lines(n, lambda i: f"{i % 90 + 10} 000 kr, "),
    "letterhead_every_twenty_lines": lambda n: _lines(n, lambda i: f"EKBY KOMMUN\tPROTOKOLL\t{i // 20 + 1}(99)\n"
                                                      "Kommunstyrelsen\t2026-03-04\n" if i % 20 == 0 else
                                                      "Nämnden diskuterade ärendet och beslutade att gå vidare.\n"),
    "paragraph_without_a_full_stop": lambda n: "Tjänsteskrivelse\n\n" + _repeat(
        "nämnden har under året arbetat vidare med frågan om ")(n),
    "party_bracket_after_each_word": lambda n: _lines(n, lambda i: f"{FAMILY[i % 10]} ({PARTIES[i % 8]}) "),
    "capitalised_word_runs": lambda n: _lines(n, lambda i: f"{FAMILY[i % 10]}gatan Norra Södra Västra Kommun "),
    "run_of_att": _repeat("att "),
    "run_of_dashes": _repeat("- – — "),
    "times_of_day_in_a_row": lambda n: "Sammanträde " + _repeat("kl. 13.00, ")(n),
    "parenthesised_references": _repeat("(se bilaga 1) "),
    "web_and_mail_addresses": lambda n: _lines(n, lambda i: f"www.ekby.se/sida{i} eva.ek{i}@ekby.se "),
    "case_numbers_in_a_row": lambda n: _lines(n, lambda i: f"Dnr KS 2026/{i} "),
    "year_spans_in_a_row": _repeat("2026–2027, "),
    "unclosed_quotes_before_projects": _repeat("\"Projekt "),
    # a project named again and again, each name followed by "Projektet" (records.projects listed its names per one)
    "project_anaphora_after_its_name": _repeat("Projektet Ekbacken. Projektet. Projektet. Projektet. "),
    # a name with a common word run onto it, the name alone elsewhere (records.person_run_ons compared each such
    # candidate with every candidate of the document)
    "names_run_on_a_common_word": _repeat("Lars Berg Yttrandet godkänns. "),
    # given names before two capitals, no bracket in the text (records.person_rules sought a party's bracket after
    # each name through the rest of the text: ``regex`` seeks a required "(" behind leading blanks before matching)
    "given_names_before_two_capitals": _repeat("Eva Lind Berg, "),
    # lines with no sentence end, a decision cue on each (records.clauses.sentence_span read every line break of the
    # sentence, copying the rest of it, for each cue)
    "decision_lines_without_sentence_ends": _repeat("styrelsen beslutar att anta planen\n"),
    "board_genitives_in_one_word": _repeat("kommunstyrelsens-"),
    # a flattened line of prose whose small numbers pair up like a page's number around a running header
    "page_numbers_in_prose": _repeat("Ärendet 1 avser 1 plan. "),
    # a numbered agenda run into one paragraph: many starts before a head that no owner's genitive ever reaches
    "numbered_points_in_one_paragraph": _repeat("3. Ärende om budget för område 3. "),
    # OCR-damaged Swedish (repair runs): with a lone "1" for "i" in every line, or ending in a run of letters
    "ocr_damage_with_lone_ones": _repeat("Vi bor 1 Umea och ar 1 Kalix pa dagen.\n"),
    "ocr_damage_then_a_letter_run": lambda n: _repeat("Rapporten ir klar och finns pa intranatet fran idag. ")(n // 2)
    + "a" * (n // 2),
    # heavy damage (its score past NOT_SWEDISH, so its digits inside words are counted) ending in a run of letters
    "heavy_ocr_damage_then_a_letter_run": lambda n: _repeat("Vi ir pa intranatet fran idag och socia1chefen ar "
                                                            "kontro11ant. ")(n // 2) + "a" * (n // 2),
    # flattened text (layout round 28): a quoted e-mail passage, dash items run into numbered titles, a table whose
    # rows open with case numbers, topics over a subject and its verb
    "quote_markers_on_one_line": _repeat("> Protokollet justerades utan ändringar och lades till handlingarna. "),
    "dash_items_after_titles": lambda n: "Minnesanteckningar\n\n" + _repeat("1. Budget - Eva redovisade läget. ")(n),
    "case_rows_on_one_line": lambda n: "Dnr  Datum  Ärende  Beslut  Delegat " + _repeat(
        "KS 2026/11  2026-01-02  Bygglov för garage  Beviljat  Eva Lind ")(n),
    "topics_over_subjects_and_verbs": _repeat("klart. Gåvor Anställda uppvaktas vid 50 år. "),
    # one pattern per line
    "budget_table": lambda n: _lines(n, lambda i: f"Post {i}\t1 000 kr\n"),
    # one long row of a word processor's table under a currency column (records.amount_columns: a cell's column by
    # its tabs) and a long calendar of short dated points
    "tabbed_currency_row": lambda n: "Del\tBelopp, kr\tAnsvarig\nRad" + _repeat("\t1 000")(n) + "\n",
    "calendar_points": lambda n: "Kommande\n" + _lines(n, lambda i: f"• {i % 28 + 1} mars: möte\n"),
    # dated points under a lead-in's modal (records.deadline_context read the whole run of points for each point)
    "dated_points_under_a_lead_in": lambda n: "Nämnden ska senast:\n" + _lines(
        n, lambda i: f"• yttra sig den {i % 28 + 1} {MONTHS[i // 28 % 12]} {2026 + i // 336}\n"),
    "names_one_per_line": lambda n: _lines(n, lambda i: f"{distinct_name(i)}\n"),
    "paragraph_headings": lambda n: _lines(n, lambda i: f"§ {i} Budget\n"),
    "numbered_headings": lambda n: _lines(n, lambda i: f"{i}. Rubrik nummer {i}\n\n"),
    "bullets": lambda n: _lines(n, lambda i: "• punkt\n"),
    # plan headings over dates, each a part of its year (records.plan_years read the whole text again for each)
    "plan_headings": lambda n: "Tjänsteskrivelse\n2026-11-30\n\nBakgrund\n" + _lines(
        n, lambda i: "Tidplan för 2027\nMötet hålls i juli och den 4 maj.\n"),
    # bulleted topics over their points, each a top-level section (each section's children sought in all of them)
    "bulleted_topics": lambda n: _lines(n, lambda i: f"\n* Trygghet {i}\n  - punkt\n"),
    # an attendance line of entries set apart by semicolons (records.person_lists read the rest of the line per entry)
    "attendance_by_semicolons": lambda n: "Närvarande: " + _lines(n, lambda i: f"{GIVEN[i % 12]} {FAMILY[i % 10]}, ordförande; "),
    "attendance": lambda n: "Närvarande: " + _lines(n, lambda i: f"{GIVEN[i % 12]} {FAMILY[i % 10]} ({PARTIES[i % 8]}), "),
    "attendance_wrapped_inside_names": lambda n: "Närvarande: " + _lines(
        n, lambda i: f"{GIVEN[i % 12]}{chr(10) if i % 5 == 4 else ' '}{FAMILY[i % 10]} ({PARTIES[i % 8]}), "),
    # text whose line breaks were lost: an agenda of bare numbers, running headers with page counters, a protocol
    "agenda_numbers_in_one_line": lambda n: _lines(n, lambda i: f"{i + 1} Rubrik nummer {i + 1} "),
    "page_counters_in_one_line": lambda n: _lines(n, lambda i: f"Ekby kommun PROTOKOLL {i + 1}(999) Text om ärendet. "),
    # page references run into one line: each number's head read the rest of the line's references ("Sida 1 Sida 1 …")
    "page_references_in_one_line": _repeat("Sida 1 "),
    # a page footer's form labels run into one line: each label read the whole line's cells again
    "footer_labels_in_one_line": _repeat("Justerandes sign Utdragsbestyrkande Sekreterare Eva Ek "),
    # footers led by their counter, each cutting a title before the letterhead's words (each read up to the next)
    "leading_footers_in_one_line": lambda n: "Ekby kommun KALLELSE Nämnden " + _repeat(
        "Bidrag för Sida 1 av 2 | Ekby kommun KALLELSE Nämnden nya lokaler ")(n),
    # numbered section labels run into one line, their numbers rising (each label's run read to the line's end)
    "section_labels_in_one_line": lambda n: _lines(n, lambda i: f"Klart i maj. Uppdrag {i % 90 + 1}. Ny plan "),
    "signatures_run_into_one_line": _repeat("klart i maj. Ekby den 3 maj 2020 Eva Ek "),
    # a long table of contents run into one line, each page number right after its leader (each entry's next number
    # was sought through the rest of the line), and one without leaders (each entry's leader sought so)
    "contents_with_leaders_in_one_line": lambda n: "Innehållsförteckning " + _lines(
        n, lambda i: f"Rubrik om saken…{i % 300 + 1} "),
    "contents_without_leaders_in_one_line": lambda n: "Innehållsförteckning " + _lines(
        n, lambda i: f"{i % 90 + 1}. Rubrik om saken nummer {i % 300 + 1} "),
    # a title run into its fields, then one long line of values with no second label (sought to the line's end)
    "title_fields_in_one_line": lambda n: "Val av ombud Givet: " + _repeat("styrelsen 12 ")(n),
    # numbered titles each run into a dash item, more dash items after sentence ends (each title read for its dash)
    "dash_items_after_titles_in_one_line": lambda n: " ".join(
        f"{k}. Tidplan - Klart i maj. - Per ser över." for k in range(1, n // 40 + 2))[:n],
    # starred topics each run into a dash point, more dash points after sentence ends
    "dash_topics_in_one_line": _repeat("* Lokaler och tider - Salen målas om. - Klart i maj. "),
    "flattened_protocol": lambda n: " ".join(municipal_text(n).split()),
    # the same saved at 80 columns: one run of wrapped lines, put back on one line
    "flattened_protocol_wrapped": lambda n: textwrap.fill(" ".join(municipal_text(n).split()), 80,
                                                          break_long_words=False, break_on_hyphens=False),
    # an agenda item's long note at the titles' column under a lower-case first line, the next item after it
    "agenda_note_under_a_lower_case_line": lambda n: "1.  Rubrik ett\n    inledning av noten\n" + _lines(
        n, lambda i: "    Anteckning om det\n") + "2.  Rubrik två\n",
    # an action list's heading over rows of "task – who – when"
    "action_list_rows": lambda n: "Åtgärdslista\n" + _lines(n, lambda i: "Skicka underlaget – Eva Ek – v. 12\n"),
    # a file of many protocol heads, each a new day, with and without attendance (each head's meeting sought once)
    "protocol_heads_each_a_new_day": lambda n: _lines(n, lambda i: (
        f"Sammanträdesdatum 20{10 + i // 336 % 80}-{i // 28 % 12 + 1:02}-{i % 28 + 1:02}\nPlats och tid Kommunhuset\n"
        + ("Beslutande Eva Ek (S)\nPer Holm (M)\n" if i % 3 else "") + f"\n§ {i % 300 + 1} Ärende\nText.\n\n")),
    "notice_time_lines": lambda n: "KALLELSE\nKommunstyrelsen\n" + _lines(
        n, lambda i: f"Tid: {i % 28 + 1} mars 2026 kl. 13.00\nPlats: Kommunhuset\n"),
    # a realistic document
    "protocol": municipal_text,
}


def page_bomb_pdf(kids: int, listed: int | None = None, text: str = "Kommunstyrelsen beslutade att anta budgeten") -> bytes:
    """A PDF whose page tree lists one page ``kids`` times (its ``/Count`` says ``listed``, default ``kids``)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join([b"3 0 R"] * kids) + b"] /Count %d >>" % (listed or kids),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_bytes(objects)


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the first the catalog), with its xref table and trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def zip_bomb(path: str | os.PathLike[str], unpacked_mb: int, members: dict[str, bytes] | None = None) -> None:
    """Write a zip archive at ``path`` holding ``members`` and ``unpacked_mb`` MB of zeros (a few hundred KB packed)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in (members or {}).items():
            out.writestr(name, data)
        filler = zipfile.ZipInfo("word/media/filler.bin")
        filler.compress_type = zipfile.ZIP_DEFLATED
        with out.open(filler, "w", force_zip64=True) as f:
            for _ in range(unpacked_mb):
                f.write(bytes(1_000_000))
