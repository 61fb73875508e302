"""Document metadata from letterheads, titles, attendance headers and signatures."""

from __future__ import annotations

import pytest

from kdextract.layout.sections import segment
from kdextract.models import DocumentMeta
from kdextract.records.meta import read_meta
from kdextract.text.normalize import normalize


def meta_of(text: str) -> DocumentMeta:
    view = normalize(text)
    preamble, sections = segment(view)
    return read_meta(view, preamble, sections)


def test_report_header_and_signature() -> None:
    meta = meta_of("""Kungälvs kommun

Datum
2021-02-15

Diarienummer

KS 2021/0112

Kommunstyrelsen

Kommundirektörens rapport

Bostadsbyggande

Tre nya områden planeras.

Eva Sandberg
Kommundirektör
""")
    assert (meta.kind, meta.date, meta.organisation, meta.diarienummer, meta.author) == (
        "kommundirektorens_rapport", "2021-02-15", "Kungälvs kommun", "KS 2021/0112", "Eva Sandberg")
    assert meta.day is not None and meta.day.isoformat() == "2021-02-15"
    assert meta.evidence["author"].text == "Eva Sandberg"


def test_title_with_month_and_year() -> None:
    meta = meta_of("Kommundirektörens rapport mars 2018\n\nSkolor\n\nText om skolor.\n")
    assert meta.kind == "kommundirektorens_rapport"
    assert meta.date == "2018-03"


def test_minutes_weekday_gives_the_year_and_secretary_is_author() -> None:
    meta = meta_of("""Minnesanteckningar från Skaraborgs kommunalförbund

Tid Tisdag den 7 mars kl 09.00-12.00
Plats Kommunhuset

1. Verksamhetsplan 2023

Planen för 2023 diskuterades.

Vid anteckningarna

Lena Ek

Justeras

Per Holm
""")
    assert meta.kind == "minnesanteckningar"
    assert meta.date == "2023-03-07"
    assert meta.organisation == "Skaraborgs kommunalförbund"
    assert meta.author == "Lena Ek"


@pytest.mark.parametrize(
    ("title", "kind"),
    [("Protokoll", "protokoll"), ("Sammanträdesprotokoll", "protokoll"), ("Protokollsutdrag", "protokollsutdrag"),
     ("Tjänsteskrivelse", "tjansteskrivelse"), ("Kallelse till sammanträde", "kallelse"),
     ("Föredragningslista", "kallelse"), ("Mötesanteckningar", "minnesanteckningar")],
)
def test_kinds(title: str, kind: str) -> None:
    assert meta_of(f"{title}\n\nÄrende\n\nText om ärendet.\n").kind == kind


def test_nothing_known_gives_nulls() -> None:
    meta = meta_of("Lite text utan rubrik eller datum.")
    assert (meta.kind, meta.date, meta.organisation, meta.diarienummer, meta.author) == ("other", None, None, None, None)


def test_letterhead_must_name_a_real_municipality() -> None:
    meta = meta_of("Projektet Cykelvänlig kommun\n\nRapport\n\nText om cyklar.\n")
    assert meta.organisation is None
    assert meta_of("Malmö stad\n\nTjänsteskrivelse\n\nText.\n").organisation == "Malmö stad"
