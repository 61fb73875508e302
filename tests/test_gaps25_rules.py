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


_OCR_PROPOSAL = ("EKBY KOMMUN\nTJÄNSTESKRIVELSE\nTekniska förvaltningen\n2027-04-02\n\n"
                 "Ny belysning i Ekparken\n\nParken saknar belysning längs gångvägen.\n\n"
                 "{heading}\nTekniska nämnden föreslås godkänna belysningen av gångvägen.\n")


@pytest.mark.parametrize("heading", ["Förslag ti11 beslut", "Förs1ag till beslut"])
def test_an_ocr_digit_for_a_letter_leaves_a_proposal_heading_a_proposal_heading(heading: str) -> None:
    doc = kdextract.parse(_OCR_PROPOSAL.format(heading=heading))
    assert [d.kind for d in doc.decisions] == ["proposal"]
    assert heading in [s.title for s in doc.sections]


_MINUTES_ITEM = ("EKBY KOMMUN\nPROTOKOLL\nTekniska nämnden\nSammanträdesdatum 2027-04-12\n\n"
                 "§ 18 Ny belysning i Ekparken\nDnr TN 2027/40\nParken saknar belysning längs gångvägen.\n\n"
                 "{heading}\nGatuchefen Nils Berg föreslår att nämnden godkänner belysningen.\n\n"
                 "Beslut\nTekniska nämnden godkänner belysningen av gångvägen.\n")


@pytest.mark.parametrize(("heading", "official"), [("Förslag till beslut", "Gatuchefen Nils Berg"),
                                                   ("Förslag ti11 beslut", "Gatuchefen Nils Berg"),
                                                   ("Förslag till beslut", "Gatuchefen Nils Berg Lindvret")])
def test_in_minutes_an_items_decision_supersedes_its_proposal(heading: str, official: str) -> None:
    doc = kdextract.parse(_MINUTES_ITEM.format(heading=heading).replace("Gatuchefen Nils Berg", official))
    assert [(d.kind, d.text) for d in doc.decisions] == [
        ("decision", "Tekniska nämnden godkänner belysningen av gångvägen.")]


def test_a_lone_one_before_an_ocr_damaged_month_is_a_day_not_the_word_i() -> None:
    from kdextract.text.ocr import repair
    from kdextract.text.view import TextView
    text = "Avta1et gä11er för perioden 1 ju1i 2027 – 30 juni 2029 och 1 augu5ti.\n"
    repaired = repair(TextView.identity(text), force=True).text
    assert "perioden 1 juli 2027" in repaired


def test_an_ocr_damaged_range_is_read_as_one_range() -> None:
    text = ("Nuvarande avta1 1öper ut och förva1tningen har ti11 uppgift att upphand1a nytt.\n"
            "Det nya avta1et gä11er för perioden 1 ju1i 2027 – 30 juni 2029 enligt anbudet.\n")
    dates = [(d.text, d.value) for d in kdextract.parse(text).dates]
    assert ("1 ju1i 2027 – 30 juni 2029", "2027-07-01/2029-06-30") in dates


_FLAT_SIGNERS = ("EKBY KOMMUN KALLELSE\nSocialnämnden 2027-05-03\n\n"
                 "Kallelse till sammanträde med socialnämnden torsdagen den 20 maj 2027 kl. 13.00 i rum Eken.\n\n"
                 "1. Val av justerare\n2. Budget 2028\n\n"
                 "{names}\n{titles}\n")


@pytest.mark.parametrize(("names", "titles", "author"), [
    ("Eva Ekholm Nils Berg", "Ordförande Nämndsekreterare", "Eva Ekholm"),
    ("Nils Berg Eva Ekholm", "Nämndsekreterare Ordförande", "Eva Ekholm"),
])
def test_signers_side_by_side_at_one_space_are_two_names(names: str, titles: str, author: str) -> None:
    doc = kdextract.parse(_FLAT_SIGNERS.format(names=names, titles=titles))
    assert doc.meta.author == author


@pytest.mark.parametrize("label", ["Handläggare:", "Upprättad av:"])
def test_an_author_label_run_into_a_flattened_head_names_the_author(label: str) -> None:
    text = (f"EKBY KOMMUN Tekniska förvaltningen TJÄNSTESKRIVELSE 2027-03-01 Dnr TN 2027/15 {label} Nils Berg, "
            "gatuingenjör Tekniska nämnden Nya farthinder på Skolvägen Förslag till beslut Tekniska nämnden "
            "föreslås besluta att anlägga två farthinder på Skolvägen. Sammanfattning Boende har begärt "
            "lägre hastigheter förbi skolan.\n")
    assert kdextract.parse(text).meta.author == "Nils Berg"


@pytest.mark.parametrize("budget", ["driftbudgeten", "investeringsbudgeten", "ramen"])
def test_the_year_of_a_definite_budget_after_an_estimate_is_no_deadline(budget: str) -> None:
    text = f"Den nya belysningen beräknas kosta 240 000 kr, som ryms inom {budget} för 2028.\n"
    doc = kdextract.parse(text)
    assert [d.value for d in doc.dates] == ["2028"]
    assert doc.deadlines == []
