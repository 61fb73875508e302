"""General gaps closed on branch gaps21, each in our own words: signers' names over their titles, without parties,
one or several side by side in columns, read by the layout (a title line right under a name line, each title under
its name, a blank or the end under it); a form's label over its name stays a label; the secretary signs a protocol;
a time of day wrapped over a line break ("27/8 kl." / "13.00–16.00") keeps its hours."""

from __future__ import annotations

import datetime as dt

import pytest

import kdextract
from kdextract.layout.form import is_form_label, label_hits
from kdextract.layout.signature_rows import signer_pairs

DAY = dt.date(2027, 3, 4)

HEAD = """Ekby kommun
Protokoll
Kultur- och fritidsnämnden 2027-03-04
§ 8 Val av justerare
Nämnden utser Gustav Lönn
att justera protokollet.

Underskrifter

"""

COLUMNS = HEAD + """Maja Wennerholm
Ordförande

Gustav Lönn                 Ingrid Falk
Justerare                       Sekreterare
"""


def _doc(text: str) -> kdextract.Document:
    return kdextract.parse(text, document_date=DAY, ner=False)


def _roles(text: str) -> dict[str, str | None]:
    return {p.name: (p.role or "").casefold() or None for p in _doc(text).people}


def test_names_without_parties_over_titles_in_columns_take_them() -> None:
    roles = _roles(COLUMNS)
    assert roles["Maja Wennerholm"] == "ordförande"
    assert roles["Ingrid Falk"] == "sekreterare"
    assert roles["Gustav Lönn"] is None  # an adjuster's label names no office


def test_the_secretary_among_signers_side_by_side_wrote_the_protocol() -> None:
    assert _doc(COLUMNS).meta.author == "Ingrid Falk"
    with_parties = COLUMNS.replace("Maja Wennerholm\n", "Maja Wennerholm (S)\n").replace(
        "Gustav Lönn                 Ingrid Falk", "Gustav Lönn (M)             Ingrid Falk (C)")
    assert _doc(with_parties).meta.author == "Ingrid Falk"


def test_a_title_under_a_name_opens_no_form_field() -> None:
    titles = {COLUMNS[h.start:h.end] for h in label_hits(COLUMNS)}
    assert titles == {"Underskrifter"}


def test_three_signers_side_by_side() -> None:
    text = HEAD + ("Karin Ahlgren         Gustav Lönn          Ingrid Falk\n"
                   "Ordförande            Justerande           Sekreterare\n")
    roles = _roles(text)
    assert (roles["Karin Ahlgren"], roles["Gustav Lönn"], roles["Ingrid Falk"]) == ("ordförande", None, "sekreterare")
    assert _doc(text).meta.author == "Ingrid Falk"


def test_vid_protokollet_under_a_name_is_the_secretary() -> None:
    text = HEAD + "Karin Ahlgren\nOrdförande\n\nIngrid Falk\nVid protokollet\n"
    assert _roles(text)["Ingrid Falk"] == "sekreterare"
    assert _doc(text).meta.author == "Ingrid Falk"


def test_an_attestation_under_a_name_gives_no_office() -> None:
    text = HEAD + "Karin Ahlgren\nOrdförande\n\nIngrid Falk\nUtdragsbestyrkande\n"
    roles = _roles(text)
    assert roles["Karin Ahlgren"] == "ordförande"
    assert roles["Ingrid Falk"] is None  # not the chair over the blank line


def test_a_form_label_over_its_name_stays_a_label() -> None:
    spaced = HEAD + "Sekreterare\n\nIngrid Falk\n\nOrdförande\n\nKarin Ahlgren\n"
    stacked = HEAD + "Sekreterare\nIngrid Falk\nOrdförande\nKarin Ahlgren\n"
    for text in (spaced, stacked):
        roles = _roles(text)
        assert (roles["Ingrid Falk"], roles["Karin Ahlgren"]) == ("sekreterare", "ordförande"), text
        assert _doc(text).meta.author == "Ingrid Falk"


def test_a_label_right_over_a_name_keeps_it_though_a_blank_follows_the_next_label() -> None:
    text = HEAD + "Ordförande\nKarin Ahlgren\nSekreterare\n\nIngrid Falk\n"
    roles = _roles(text)
    assert (roles["Karin Ahlgren"], roles["Ingrid Falk"]) == ("ordförande", "sekreterare")


def test_a_row_of_labels_over_a_blank_over_names_in_columns_gives_each_its_label() -> None:
    text = HEAD + ("Ordförande                  Justerare\n\nKarin Ahlgren               Gustav Lönn\n\n"
                   "Sekreterare\n\nIngrid Falk\n")
    roles = _roles(text)
    assert (roles["Karin Ahlgren"], roles["Ingrid Falk"]) == ("ordförande", "sekreterare")
    assert _doc(text).meta.author == "Ingrid Falk"


def test_a_surname_particle_keeps_a_signer_over_a_title() -> None:
    text = HEAD + "Karin Ahlgren                 Ingrid von Falk\nOrdförande                    Sekreterare\n"
    roles = _roles(text)
    assert (roles["Karin Ahlgren"], roles["Ingrid von Falk"]) == ("ordförande", "sekreterare")


def _pairs(text: str, line: int) -> list[tuple[str, str]]:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    a = starts[line]
    b = text.find("\n", a)
    return [(text[n[0]:n[1]], text[t[0]:t[1]])
            for n, t in signer_pairs(text, a, len(text) if b < 0 else b, is_form_label)]


def test_signer_pairs_read_the_layout() -> None:
    assert _pairs("Gustav Lönn        Ingrid Falk\nJusterare             Sekreterare\n", 1) == [
        ("Gustav Lönn", "Justerare"), ("Ingrid Falk", "Sekreterare")]
    assert _pairs("      Ingrid Falk\n        Sekreterare\n", 1) == [("Ingrid Falk", "Sekreterare")]  # centred
    # a title far from its name's column, a name line under a label line, or no blank under the titles: no pairs
    assert _pairs("Ingrid Falk\n                          Sekreterare\n", 1) == []
    assert _pairs("Ordförande\nIngrid Falk\nSekreterare\n", 2) == []
    assert _pairs("Ingrid Falk\nSekreterare\nKarin Ahlgren\n", 1) == []
    assert _pairs("Ingrid Falk        Karin Ahlgren\nSekreterare\n", 1) == []  # one title, two names


def _dates(sentence: str) -> list[tuple[str, str | None]]:
    doc = kdextract.parse("Ekby kommun\nInformation\n2027-08-02\n\n" + sentence + "\n", ner=False,
                          document_date=dt.date(2027, 8, 2))
    return [(d.text, d.value) for d in doc.dates if d.text != "2027-08-02"]


@pytest.mark.parametrize("sentence, found", [
    ("Nya ledamöter bjuds in till en utbildning 27/8 kl.\n13.00–16.00 i Stora salen.", "27/8 kl.\n13.00–16.00"),
    ("Nya ledamöter bjuds in till en utbildning 27/8\nkl. 13.00–16.00 i Stora salen.", "27/8\nkl. 13.00–16.00"),
    ("Nya ledamöter bjuds in till en utbildning 27/8 kl. 13.00–\n16.00 i Stora salen.", "27/8 kl. 13.00–\n16.00"),
])
def test_a_time_wrapped_over_a_line_break_keeps_its_hours(sentence: str, found: str) -> None:
    assert _dates(sentence) == [(found, "2027-08-27T13:00/2027-08-27T16:00")]


def test_a_number_opening_the_next_line_is_no_hour_of_a_day_without_kl() -> None:
    assert _dates("Vi ses på ön 27/8\n13 personer har anmält sig.") == [("27/8", "2027-08-27")]
