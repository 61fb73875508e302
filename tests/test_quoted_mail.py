"""E-mail replies: the "> " before quoted lines goes, and minutes answered by e-mail keep their meeting's day."""

from __future__ import annotations

import kdextract
from kdextract.text.normalize import normalize

REPLY = """Från: Greta Holmsten <greta.holmsten@example.se>
Skickat: den 22 oktober 2026 08:15
Till: Oskar Vendel
Ämne: SV: Anteckningar från föräldrarådet

Hej Oskar, en rättelse under punkt 2 nedan.

/Greta

Oskar Vendel skrev den 20 oktober 2026 16:40:
> Minnesanteckningar, föräldrarådet vid Björkhagaskolan
> Datum: 2026-10-14, kl. 18.00–19.30
> Närvarande: Greta Holmsten, Lina Paulsson, Oskar Vendel (rektor)
>
> 1. Skolgårdens ombyggnad
> Arbetet startar efter höstlovet och ska vara klart till jul.
>
> 2. Skolmaten
> Köket provar ett nytt vegetariskt alternativ under november.

Rättelse: provperioden gäller hela terminen, inte bara november.

> 3. Nästa möte
> Rådet träffas nästa gång i januari.
>
> Vid anteckningarna
> Oskar Vendel
"""


def test_quote_markers_go_and_their_lines_stay() -> None:
    view = normalize("Svar ovan.\n> Rubrik\n>\n>> 1. Punkt ett\n> > text\n\nx > y\n> ensam rad\n")
    assert view.text == "Svar ovan.\nRubrik\n\n1. Punkt ett\ntext\n\nx > y\n> ensam rad\n"
    assert {e.reason for e in view.edits} == {"e-mail quote marker"}
    start, end = view.to_input(view.text.index("Punkt ett"), view.text.index("Punkt ett") + 9)
    assert view.original[start:end] == "Punkt ett"


def test_quoted_minutes_give_their_items_and_meeting_day() -> None:
    doc = kdextract.parse(REPLY, ner=False)
    titles = [s.title for s in doc.sections if s.level == 1]
    assert titles[:3] == ["Skolgårdens ombyggnad", "Skolmaten", "Nästa möte"]
    assert doc.meta.kind == "minnesanteckningar"
    assert doc.meta.date == "2026-10-14"


def test_a_mailed_notice_keeps_its_sent_day() -> None:
    notice = REPLY.replace("Minnesanteckningar, föräldrarådet", "Kallelse till föräldrarådet")
    notice = notice.replace("Ämne: SV: Anteckningar från föräldrarådet", "Ämne: Kallelse")
    doc = kdextract.parse(notice.split("Oskar Vendel skrev")[0] + "KALLELSE\nDatum: 2026-11-04\n\n1. Val av ordförande\n",
                          ner=False)
    assert doc.meta.date == "2026-10-22"
