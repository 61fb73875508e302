"""Text whose line breaks were all lost (pdftotext without -layout, a web page copied): structure comes back.

The fixtures are ours: an invented municipality (Grävlinge kommun) and invented people.
"""

from __future__ import annotations

import kdextract
from kdextract.layout.reflow import reflow
from kdextract.text.normalize import normalize


def test_hosting_site_phrases_run_into_a_flattened_page_are_blanked_where_they_stand() -> None:
    text = ("Minnesanteckningar styrgrupp Grävlinge Storlek: px Starta visningen från sidan: "
            'Download "Minnesanteckningar styrgrupp Grävlinge" Transkript Tid onsdagen den 4 mars 2026 kl. 9-11 '
            "Plats Biblioteket Närvarande Tove Sandlund, Emil Rask 1. Mötet öppnas Emil Rask hälsar alla välkomna. "
            "2. Cykelvägar Förslaget ska vara klart senast den 20 april 2026. " + "Gruppen diskuterade. " * 6)
    view = reflow(normalize(text))
    for phrase in ("Storlek", "Starta visningen", "Download", "Transkript"):
        assert phrase not in view.text
    assert "Minnesanteckningar styrgrupp Grävlinge" in view.text.split("\n")  # the quoted title kept
    doc = kdextract.parse(text, ner=False)
    assert [(d.kind, d.value) for d in doc.deadlines] == [("due", "2026-04-20")]  # no "Starta ... 4 mars"


def test_a_breadcrumb_before_a_flattened_web_page_does_not_swallow_the_page() -> None:
    text = ("Du är här: Start > Politik > Kommunstyrelsen > Sammanträde 2026-02-10 Sammanträde 2026-02-10 "
            "Tid 13:00 Plats Stora salen, Kommunhuset, Grävlinge 1 Val av justerare 2 Godkännande av dagordning "
            "3 Budgetuppföljning efter januari Dnr KS 2026/0031 4 Motion om belysning på Storgatan "
            "Dnr KS 2025/0412 5 Delegationsbeslut 6 Anmälningsärenden 7 Svar på medborgarförslag om en hundrastgård "
            "i Västerbyn Dnr KS 2025/0388 8 Taxa för offentlig plats 2026 Dnr KS 2025/0450 9 Information från "
            "kommundirektören 10 Övriga frågor")
    view = reflow(normalize(text))
    assert "Du är här" not in view.text and "Politik >" not in view.text
    doc = kdextract.parse(text, ner=False)
    assert "2026-02-10" in {d.value for d in doc.dates}
