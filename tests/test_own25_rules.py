"""Rules found missing by held-out batch 25 (tests/data/own_corpus25), each in our own words: an e-mail whose subject
line names the kind of the document."""

from __future__ import annotations

import kdextract

MAILED_REPORT = """From: Per Lund <per.lund@ekby.se>
Sent: Tuesday, March 9, 2027 8:05 AM
To: Kommunstyrelsen <ks@ekby.se>
Subject: Kommunchefens rapport inför sammanträdet i mars

Hej!

Skolan
Skolköket i Åbacka öppnar igen efter ombyggnaden.

Med vänlig hälsning
Per Lund
Kommunchef
"""


def test_a_kind_word_that_opens_an_e_mails_subject_names_the_document() -> None:
    assert kdextract.parse(MAILED_REPORT).meta.kind == "kommundirektorens_rapport"


def test_a_subject_label_outside_an_e_mail_opens_no_kind_word() -> None:
    memo = MAILED_REPORT.replace("From: Per Lund <per.lund@ekby.se>\nSent: Tuesday, March 9, 2027 8:05 AM\n", "Ekby kommun\n")
    assert kdextract.parse(memo).meta.kind != "kommundirektorens_rapport"


AGENDA = """Ekby kommun
Tekniska nämnden

KALLELSE

Tid: torsdag 4 mars 2027 kl. 9.00
Plats: Sammanträdesrum Åsen

Föredragningslista

Val av justerare

Budgetuppföljning februari
   Föredragande: Lina Berg, ekonom
   Utfallet följer budgeten.

Vinterväghållning
   Föredragande: Per Lund

Delegationsbeslut

Underlagen publiceras på kommunens webbplats en vecka före mötet.

Hjärtligt välkomna!

Eva Ek
Ordförande
"""


def test_lines_indented_under_an_unnumbered_agenda_item_belong_to_it() -> None:
    titles = [s.title for s in kdextract.parse(AGENDA).sections if s.level == 1]
    assert not [t for t in titles if t.startswith(("Föredragande", "Utfallet"))]
    assert {"Val av justerare", "Budgetuppföljning februari", "Vinterväghållning", "Delegationsbeslut"} <= set(titles)


def test_a_paragraph_of_prose_after_an_agenda_ends_its_list() -> None:
    titles = [s.title for s in kdextract.parse(AGENDA).sections if s.level == 1]
    assert not {"Hjärtligt välkomna!", "Eva Ek", "Ordförande"} & set(titles)
