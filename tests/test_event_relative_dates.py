"""Days counted from the document's own meeting: the pure parser's offsets (parsers.dates.event_relative) and the
records' dates and deadlines resolved against the meeting's day (records.event_dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from kdextract import find_dates
from kdextract.api import parse
from kdextract.parsers.dates.event_relative import find_event_relative

THURSDAY = dt.date(2027, 3, 18)

#: (sentence, the day counted from a meeting on THURSDAY, or None where the words give no such day)
PHRASES = [
    ("Synpunkter lämnas senast en vecka före sammanträdet.", "2027-03-11"),
    ("Handlingarna skickas ut fem dagar före sammanträdet.", "2027-03-13"),
    ("Protokollet justeras senast två veckor efter sammanträdet.", "2027-04-01"),
    ("Beslutet gäller från dagen efter sammanträdet.", "2027-03-19"),
    ("Anmäl förhinder senast måndagen före mötet.", "2027-03-15"),
    ("Underlag lämnas senast torsdagen före mötet.", "2027-03-11"),  # strictly before: not the meeting day
    ("Protokollet anslås fredagen efter nämndsammanträdet.", "2027-03-19"),
    ("Ärenden anmäls senast tre arbetsdagar före sammanträdet.", "2027-03-15"),
    ("Motioner lämnas in senast en månad innan fullmäktigesammanträdet.", "2027-02-18"),
    ("Frågor lämnas in senast två veckor före\nsammanträdet.", "2027-03-04"),  # a wrapped line
    ("Frågor ställs före sammanträdet.", None),  # no count
    ("Vi träffades veckan före mötet hölls.", None),  # a past event, no count
    ("Materialet var klart en vecka före mötet hölls.", None),  # the meeting is over
    ("Ett förslag lämnades två veckor före sammanträdet.", None),  # past tense
    ("Svar lämnas senast en vecka före mötet den 4 maj.", None),  # a dated meeting of its own
    ("Svar lämnas senast en vecka före nästa sammanträde.", None),  # another meeting
    ("Svar lämnas senast en vecka före sammanträdet.", "2027-03-11"),  # the same sentence on the meeting
    ("Rapporten lämnas två veckor före mötet med Trafikverket.", None),  # another's meeting
    ("Rapporten lämnas två veckor före mötet med\nRegionen.", None),  # a wrapped line
    ("Rapporten lämnas två veckor före mötet med oss.", "2027-03-04"),  # no name: the meeting
    ("Material skickas en vecka före sammanträdet i Kommunstyrelsen.", None),
    ("Yttranden lämnas senast dagen före sammanträdet i Rådhuset.", "2027-03-17"),  # where, not whose
    ("Handlingar delas ut en vecka före mötet i Stadshuset.", "2027-03-11"),
    ("Frågor lämnas två dagar före sammanträdet i\nSessionssalen.", "2027-03-16"),  # a wrapped line
    ("Svar lämnas senast en vecka före mötet, den 4 maj.", None),  # a dated meeting after a comma
    ("Återkom senast två veckor efter kommunstyrelsens beslut.", None),  # no meeting noun
    ("Kaffe serveras en timme före mötet.", None),  # a clock time, no day
]


@pytest.mark.parametrize(("sentence", "expected"), PHRASES)
def test_day_counted_from_the_meeting(sentence: str, expected: str | None) -> None:
    found = find_event_relative(sentence)
    assert [e.resolve(THURSDAY).isoformat() for e in found] == ([expected] if expected else [])
    if expected:
        assert found[0].event == "meeting" and found[0].text in sentence


def _kallelse(head: str, body: str) -> str:
    return (f"{head}\n\nKALLELSE\n\nMiljö- och byggnämnden kallas till sammanträde torsdag 18 mars 2027 kl. 13.00 "
            f"i Lilla salen, Rådhuset.\n\n{body}\n\nÄrenden\n1. Val av justerare\n2. Budgetuppföljning\n\n"
            "Ordförande: Karin Holmqvist (C)\nSekreterare: Jonas Lindgren\n")


def test_kallelse_dated_by_its_meeting_gives_date_and_deadline() -> None:
    doc = parse(_kallelse("Ekeby kommun\nMiljö- och byggnämnden – sammanträde 18 mars 2027",
                          "Ledamot som har förhinder anmäler det senast måndagen före mötet."))
    dates = [d for d in doc.dates if d.source.name == "dates/event_relative"]
    assert [(d.text, d.value) for d in dates] == [("måndagen före mötet", "2027-03-15")]
    assert "counted from the meeting of 2027-03-18" in dates[0].source.explanation
    assert "2027-03-15" in [d.value for d in doc.deadlines]


def test_protocol_counts_from_its_meeting_record() -> None:
    text = ("Ekeby kommun\nPROTOKOLL\nKultur- och fritidsnämnden\n\n"
            "Plats och tid   Kulturhuset, Ekeby, 2027-03-18 kl. 18.00–20.15\n"
            "Beslutande      Lars Berg (S), ordförande\n                Eva Nord (M)\n"
            "Utses att justera  Eva Nord\nParagrafer      12–14\n\n"
            "§ 12 Justering\nProtokollet justeras senast två veckor efter sammanträdet.\n")
    doc = parse(text)
    assert doc.meetings and doc.meetings[0].day == THURSDAY
    assert [(d.text, d.value) for d in doc.dates if d.source.name == "dates/event_relative"] == [
        ("två veckor efter sammanträdet", "2027-04-01")]


@pytest.mark.parametrize("text", [
    # a notice dated by its signature, before its meeting: the meeting's day is not known
    ("Ekeby kommun\nKALLELSE till sammanträde med kommunfullmäktige\n\nFrågor lämnas senast en vecka före "
     "sammanträdet.\n\nEkeby den 2 mars 2027\n\nAnna Ström\nordförande\n"),
    # a memo: its own date is no meeting's
    ("Ekeby kommun\nTJÄNSTESKRIVELSE\nDatum 2027-03-02\n\nYttrandet lämnas senast en vecka före sammanträdet.\n"),
    # "tid" inside "fritidsnämnden" is no label of the meeting's time: the date on that line is the notice's own
    ("Kultur- och fritidsnämnden   2026-11-05\n\nKALLELSE\n\nFrågor till nämnden lämnas senast en vecka före "
     "sammanträdet.\n"),
])
def test_no_meeting_day_no_date(text: str) -> None:
    doc = parse(text)
    assert not [d for d in doc.dates if d.source.name == "dates/event_relative"]


@pytest.mark.parametrize(("line", "expected"), [
    ("Tid: torsdag 18 mars 2027 kl. 13.00", "2027-03-11"),  # a label of the meeting's time
    ("Tid : 2027-03-18", "2027-03-11"),  # a space before the colon
    ("Nämndsammanträde 2027-03-18", "2027-03-11"),  # a compound of the meeting's word
    ("Tidplan   2027-03-18", None),  # "tid" opens a word, no label
])
def test_meeting_day_line_words(line: str, expected: str | None) -> None:
    doc = parse(f"Ekeby kommun\nKALLELSE\n\n{line}\n\nFrågor lämnas senast en vecka före sammanträdet.\n")
    assert [d.value for d in doc.dates if d.source.name == "dates/event_relative"] == ([expected] if expected else [])


@pytest.mark.parametrize(("sentence", "expected"), [
    # a weekday before "innan"/"efter" and a word that is no event noun: a weekday of the reference
    ("Vi ses på fredag innan han åker.", ("på fredag", "2026-11-20")),
    ("Svar lämnas på måndag efter den stora genomgången.", ("på måndag", "2026-11-23")),
    ("Vi ses på fredag innan semestern.", ("på fredag", "2026-11-20")),
    # before an event noun: counted from that event, no day of the reference's week
    ("Anmäl förhinder senast måndagen före mötet.", None),
    ("Protokollet anslås fredagen efter nämndsammanträdet.", None),
])
def test_weekday_before_a_word_or_an_event(sentence: str, expected: tuple[str, str] | None) -> None:
    found = [(m.text, m.value) for m in find_dates(sentence, reference=dt.date(2026, 11, 19))
             if m.source.name == "dates/weekday"]
    assert found == ([expected] if expected else [])
