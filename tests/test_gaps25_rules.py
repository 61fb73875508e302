"""Own-words tests for the gaps of held-out batch 37 closed in gaps25 (damaged documents)."""

from __future__ import annotations

import pytest

import kdextract

_FLAT_AGENDA = ("Kallelse till sammanträde med fritidsnämnden.\n\n{header}\n"
                "1. Val av protokollsjusterare Ordföranden\n"
                "2. Budgetuppföljning mars 2027 Ekonom Eva Ekholm\n"
                "3. Ny konstgräsplan vid Björkvallen Anna Ström\n"
                "4. Motion om badplatser Fritidschef Nils Berg\n\n"
                "Gruppmöten hålls kl. 17.00.\n")


def _titles(text: str) -> list[str]:
    return [s.title for s in kdextract.parse(text).sections if s.title[:1].isupper()]


def test_a_flattened_agenda_under_a_presenter_column_loses_its_presenters() -> None:
    titles = _titles(_FLAT_AGENDA.format(header="Ärende Föredragande"))
    assert {"Val av protokollsjusterare", "Budgetuppföljning mars 2027", "Ny konstgräsplan vid Björkvallen",
            "Motion om badplatser"} <= set(titles)


def test_without_a_presenter_column_the_titles_stay_whole() -> None:
    titles = _titles(_FLAT_AGENDA.format(header="Ärenden"))
    assert "Ny konstgräsplan vid Björkvallen Anna Ström" in titles


@pytest.mark.parametrize("title", ["Motion från Eva Ekholm", "Val av justerare"])
def test_a_title_that_names_no_presenter_at_its_end_stays_whole(title: str) -> None:
    text = f"Kallelse till sammanträde.\n\nÄrende Föredragande\n1. {title}\n2. Budget 2027 Eva Ekholm\n"
    assert title in _titles(text)


_FOOTER_MINUTES = ("EKBY KOMMUN\nSAMMANTRÄDESPROTOKOLL\nTekniska nämnden\nSammanträdesdatum 2027-04-12\n\n"
                   "§ 17 Information om vinterväghållningen\n"
                   "Gatuchefen Nils Berg redogjorde för vinterns kostnader.\n"
                   "Beslut\n\n"
                   "Justerares sign          Utdragsbestyrkande          Sida 3 av 3\n\n"
                   "Tekniska nämnden noterar informationen.\n")


def test_a_page_footer_between_a_decision_heading_and_its_text_is_no_decision() -> None:
    texts = [d.text for d in kdextract.parse(_FOOTER_MINUTES).decisions]
    assert texts == ["Tekniska nämnden noterar informationen."]
