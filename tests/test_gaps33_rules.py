"""Known gaps closed with general rules, each in our own words: the minutes' header date as the day of the meeting
their form records without one, each person's own organisation where a line lists several, an association's acronym
in brackets read as the person's organisation and never as a party."""

from __future__ import annotations

import datetime as dt

import kdextract
from kdextract.records.attendance import entries_in


def _meeting(text: str) -> kdextract.models.Meeting:
    meetings = kdextract.parse(text, ner=False).meetings
    assert len(meetings) == 1, meetings
    return meetings[0]


_MINUTES = ("Minnesanteckningar 2027-05-18\nTrygghetsrådet\n\nNärvarande:\nLena Ström, kommunpolis, Polisen\n"
            "Omar Haddad, fältsekreterare, Socialförvaltningen\n\nFrånvarande: Britt Dahl, Räddningstjänsten\n\n"
            "1. Lägesbild\nLena redogjorde för läget i centrum.\n")


def test_minutes_header_date_is_the_meetings_day() -> None:
    meeting = _meeting(_MINUTES)
    assert (meeting.date, meeting.day) == ("2027-05-18", dt.date(2027, 5, 18))
    ev = meeting.evidence["date"]
    assert _MINUTES[ev.start:ev.end] == "2027-05-18" and ev.source.name == "meeting/header_date"


def test_header_date_written_in_words_on_its_own_line() -> None:
    text = _MINUTES.replace("Minnesanteckningar 2027-05-18", "Minnesanteckningar\nMöte den 18 maj 2027")
    assert _meeting(text).day == dt.date(2027, 5, 18)


def test_a_form_date_beats_the_header_date() -> None:
    text = _MINUTES.replace("Trygghetsrådet\n", "Trygghetsrådet\nDatum: 2027-05-20\n")
    assert _meeting(text).day == dt.date(2027, 5, 20)


def test_a_form_without_any_date_stays_undated() -> None:
    text = _MINUTES.replace("Minnesanteckningar 2027-05-18", "Minnesanteckningar")
    assert _meeting(text).date is None


def _affiliations(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.name, e.role, e.organisation) for e in entries_in(text, 0, len(text), "member")]


def test_each_person_on_a_line_keeps_their_own_organisation() -> None:
    assert _affiliations("Lena Ström, Polisen, Omar Haddad, Trafikverket\n") == [
        ("Lena Ström", None, "Polisen"), ("Omar Haddad", None, "Trafikverket")]


def test_each_person_in_brackets_keeps_their_own_organisation() -> None:
    assert _affiliations("Lena Ström (Polisen) och Omar Haddad (Region Jämtland)\n") == [
        ("Lena Ström", None, "Polisen"), ("Omar Haddad", None, "Region Jämtland")]


def test_a_role_between_two_people_stays_the_first_ones_role() -> None:
    assert _affiliations("Lena Ström, ordförande, Omar Haddad\n") == [
        ("Lena Ström", "ordförande", None), ("Omar Haddad", None, None)]


def test_people_of_a_line_in_a_minutes_list_link_their_organisations() -> None:
    text = _MINUTES.replace("Frånvarande: Britt Dahl, Räddningstjänsten",
                            "Frånvarande: Britt Dahl, Länsstyrelsen, Olle Berg, Skatteverket")
    doc = kdextract.parse(text, ner=False)
    orgs = {o.id: o.name for o in doc.organisations}
    linked = {p.name: orgs.get(p.organisation or "") for p in doc.people}
    assert linked["Britt Dahl"] == "Länsstyrelsen" and linked["Olle Berg"] == "Skatteverket", linked


def test_an_associations_acronym_in_brackets_is_an_organisation() -> None:
    assert _affiliations("Gun Ek (SPF)\nBo Lind (FUB)\n") == [("Gun Ek", None, "SPF"), ("Bo Lind", None, "FUB")]
    assert [e.party for e in entries_in("Gun Ek (SPF)\n", 0, 13, "member")] == [None]


def test_a_party_in_brackets_stays_a_party_in_any_case() -> None:
    entries = entries_in("Gun Ek (s), Polisen\nBo Lind (MP)\n", 0, 32, "member")
    assert [(e.name, e.party, e.organisation) for e in entries] == [("Gun Ek", "S", "Polisen"), ("Bo Lind", "MP", None)]


def _report(paragraph: str) -> kdextract.models.Document:
    return kdextract.parse(f"Kommundirektörens rapport\n2027-02-01\n\nFritid\n\n{paragraph}\n\nEkonomi\n\nPrognosen håller.\n",
                           ner=False)


def test_three_word_name_opening_a_paragraph_before_its_verb_is_whole() -> None:
    # "Holm" is a common noun too (a small island): the name is no topic heading "Eva Holm" before a subject "Sandberg"
    doc = _report("Eva Holm Sandberg har tagit fram ett förslag till ny simhall.")
    assert [p.name for p in doc.people] == ["Eva Holm Sandberg"]
    assert [s.title for s in doc.sections] == ["Fritid", "Ekonomi"]


def test_topic_heading_before_a_subject_and_its_verb_stays_a_heading() -> None:
    doc = _report("Gåvor Anställda får inte ta emot gåvor från leverantörer.")
    assert "Gåvor" in [s.title for s in doc.sections]


def test_a_name_and_its_longer_namesake_listed_together_are_two_people() -> None:
    doc = _report("Mötet leddes av Jan Nilsson och Jan Nilsson Ek från fritidsförvaltningen.")
    assert sorted(p.name for p in doc.people) == ["Jan Nilsson", "Jan Nilsson Ek"]


def test_a_shorter_form_later_in_the_text_stays_the_same_person() -> None:
    doc = _report("Jan Nilsson Lindgren leder arbetet. Senare redovisade Jan Nilsson tidplanen.")
    assert [(p.name, len(p.mentions)) for p in doc.people] == [("Jan Nilsson Lindgren", 2)]


def _deadlines(paragraph: str) -> list[tuple[str, str]]:
    return [(d.value, d.kind) for d in _report(paragraph).deadlines]


def test_a_due_day_counted_from_the_meeting_is_not_the_meetings_date() -> None:
    # the date names the meeting; what is due is due some days before it, which the date does not say
    assert _deadlines("Underlagen till sammanträdet den 22 april skickas senast sex dagar före mötet.") == []


def test_a_rules_period_after_its_start_day_leaves_the_start() -> None:
    found = _deadlines("Från och med den 1 april 2027 gäller att beslut anslås senast två dagar efter sammanträdet.")
    assert found == [("2027-04-01", "starts")]


def test_a_due_day_with_no_count_after_it_stays_due() -> None:
    assert _deadlines("Underlagen till sammanträdet skickas den 15 april, senast, till nämndens sekreterare.") \
        == [("2027-04-15", "due")]
    assert _deadlines("Yttrandet ska lämnas den 12 mars 2027 senast till kansliet.") == [("2027-03-12", "due")]


_DECISION = ("Protokoll\nBarn- och utbildningsnämnden\nSammanträdesdatum 2027-02-01\n\n§ 9 Skolskjuts\n\nBeslut\n"
             "Nämnden beslutar att ge förvaltningen i uppdrag att utreda busskorten till den 1 mars, samt att ge "
             "ekonomienheten i uppdrag att beräkna kostnaderna till den 15 april.\n")


def test_each_att_clause_of_a_decision_keeps_its_own_task_and_day() -> None:
    found = {d.value: d.what for d in kdextract.parse(_DECISION, ner=False).deadlines}
    assert found == {"2027-03-01": "utreda busskorten", "2027-04-15": "beräkna kostnaderna"}, found


def test_a_point_on_its_own_line_after_samt_keeps_the_budget_year_no_deadline() -> None:
    text = ("Protokoll\nOmsorgsnämnden\nSammanträdesdatum 2027-02-01\n\n§ 3 Extra bemanning\n\nBeslut\n"
            "Nämnden beslutar\natt anlita extra personal under perioden 1 mars–30 april 2027, samt\n\n"
            "att kostnaden ska belasta nämndens reserv för 2027.\n")
    assert [d.value for d in kdextract.parse(text, ner=False).deadlines] == ["2027-03-01/2027-04-30"]
