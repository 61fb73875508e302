"""The document's own date: the meeting's day from its form, a dated header, a "Datum" label, a weekday.

In order: the sent day of an e-mail header that opens the document ("Skickat: den 2 maj 2026"), except
that minutes sent or answered by e-mail keep their meeting's day ("Datum: 2026-04-09" in the quoted notes); a notice of posted
minutes' posting day ("Datum då anslaget sätts upp"); a memo's own date label ("Dokumentdatum: …", "Upprättad: …";
``own_date_kinds``), before any other day of its head ("Datum för beslut: …"); the protocol form ("Tid Onsdagen den 15 mars 2017", "Plats och tid Stadshuset
2016-04-21"); a day written in the header lines or a running header (never the adjustment,
posting or appeal dates of the form), except that a notice or report signed before the meeting in
its header ("Ekby den 3 maj 2024") takes the signature's day, and one dated in its head before the meeting
its form calls ("2026-11-27" over "Tid: Torsdagen den 10 december 2026") that day; a date label ("Datum",
"Sammanträdesdatum"); a short dated line (where that gives no day, a signature's date comes first);
a weekday without a year ("Torsdag den 22 oktober") that only one year fits; where no day is
written, the year of the document's case number, else the year the text mentions most.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from kdextract.layout.form import form_label
from kdextract.layout.lines import Line
from kdextract.models import DateMention, DocumentKind, Evidence
from kdextract.parsers.dates import weekdays
from kdextract.parsers.dates.rules_years import year_in_name
from kdextract.pattern_cache import compile_re
from kdextract.records.form_dates import first_form_date, written_to_the_day
from kdextract.records.meta_reader import Reader, meta_rules
from kdextract.records.org_places import muni_name
from kdextract.text.fold import fold
from kdextract.text.lexicon import load_lexicon

_YEAR = compile_re(r"(?<![\d/-])(?:19[5-9]\d|20\d\d)(?![\d/-])")
_CASE_YEAR = compile_re(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
#: Form fields whose dates are not the document's (adjustment, notice, appeal).
_OTHER_DATES = {"adjustment", "posted", "taken_down", "appeal", "storage", "notice", "adjusters", "signature"}
#: The place before a signature's date: one or two capitalised words, a comma, "den".
_PLACE = r"\p{Lu}[\p{L}-]+(?:[ \t]+\p{Lu}[\p{L}-]+)?,?[ \t]+(?:den[ \t]+)?"
_PLACE_BEFORE_DATE = compile_re(_PLACE)
#: A place after a sentence's end, right before a date that a signature's line gives ("… i december. Ekby den …").
_RUN_IN_PLACE = compile_re(r"[.!?][ \t]+(?P<place>" + _PLACE + r")\Z")
_RUN_IN_REACH = 48
#: How many of a line's last characters hold a signature run into it.
_RUN_IN_TAIL = 400
#: The lines of an e-mail header (sender, sent, recipients, copy, subject).
_MAIL_HEADER_LINES = 6
#: The blank line that ends an e-mail's header block.
_BLANK_LINE = compile_re(r"\n[ \t]*\n")
#: Header lines searched for a dated line.
_HEADER_LINES = 12
#: How much of a header line is read for its day: its first characters, and in an opening line at least its first
#: words (a column gap is no word; a typewriter's spaced letters are many). A flattened page's line holds the whole
#: page, whose later dates (a contract's end, a deadline) are not the document's.
FLAT_HEAD_WORDS, FLAT_HEAD_CHARS = 24, 120
#: The opening lines, where a flattened document's letterhead and meeting line stand: read for their first words.
_OPENING_LINES = 2
#: A sentence's end after a word, then the next sentence: the line is the body's prose, not a header.
_PROSE_BEFORE = compile_re(r"\p{Ll}{2,}[.!?]\s+\p{Lu}")
_FLAT_HEAD = compile_re(r"\s*+(?:\S++\s*+){0,%d}" % FLAT_HEAD_WORDS)

DateValue = tuple[str | None, dt.date | None]
#: How much of a head line is read for a form label that opens it: characters, and words (the longest label's).
_LABEL_CHARS, _LABEL_WORDS = 80, 6


def read_date(r: Reader, title: Line | None, diarienummer: str | None, kind: DocumentKind) -> DateValue:
    """The document's date (TIMEX value and exact day) and where it was read (noted on ``r``)."""
    sent = _mail_date(r)
    if sent[0]:
        if kind in meta_rules().data.mailed_keep_meeting_date:
            held = _meeting_date(r)
            held = held if held[0] else _labelled_date(r, None, labels_only=True)
            held = held if held[0] else _below_mail_header(r)
            if held[0]:
                return held
        return sent
    if kind in meta_rules().data.posted_date_kinds and (posted := first_form_date(r.text, (f for f, _ in r.form),
                                                                                  ("posted",))) is not None:
        r.note("date", posted[0].start, posted[0].end, "date_posted", "a notice of posted minutes: the posting day")
        return posted[0].value[:10], posted[0].day
    if kind in meta_rules().data.own_date_kinds and (own := _own_date(r))[0]:
        return own
    meeting, header = _noted(r, _meeting_date(r)), _noted(r, _header_date(r))
    labelled = _noted(r, _labelled_date(r, title))
    for candidate in (meeting, header):
        (value, day), _ = candidate
        if value:
            if kind in meta_rules().data.signed_before_meeting and day is not None:
                signed = _signature_date(r)
                if signed[1] is not None and signed[1] < day:
                    return signed  # a notice or report signed before the meeting it is written for
                if candidate is meeting and header[0][1] is not None and header[0][1] < day:
                    return _chosen(r, header)  # a notice dated in its head before the meeting it calls
            return _chosen(r, candidate)
    if labelled[0][1] is None:  # none, or not to the day ("oktober 2024"): a dated signature may give the day
        signed = _signature_date(r)
        if signed[0]:
            return signed
    if labelled[0][0]:
        return _chosen(r, labelled)
    found = _date_from_weekday(r)
    if found[0]:
        return found
    if diarienummer and (m := _CASE_YEAR.search(diarienummer)):
        at = r.evidence.get("diarienummer")
        if at is not None:
            r.note("date", at.start, at.end, "date_case_year", "no day written: the year of the case number")
        return m.group(), None
    return _current_year(r)


def _noted(r: Reader, found: DateValue) -> tuple[DateValue, Evidence | None]:
    """``found`` with the evidence its reader noted, taken off ``r`` until it is the one chosen."""
    return found, r.evidence.pop("date", None)


def _chosen(r: Reader, noted: tuple[DateValue, Evidence | None]) -> DateValue:
    """The date of ``noted``, its evidence noted again (a reader run after it may have noted its own)."""
    if noted[1] is not None:
        r.evidence["date"] = noted[1]
    return noted[0]


def _mail_date(r: Reader) -> DateValue:
    """The sent day of the e-mail header that opens the document ("Från: …" then "Skickat: den 2 maj 2026")."""
    rules = meta_rules()
    head = [line for line in r.head[:_MAIL_HEADER_LINES] if line.text.strip()]
    if not head or not rules.mail_from.match(head[0].text):
        return None, None
    for line in head[1:]:
        if rules.mail_sent.match(line.text):
            for m in r.dates(line.text):
                if written_to_the_day(m):
                    r.note("date", line.start + m.start, line.start + m.end, "date_mail", "the e-mail's sent day")
                    return m.value[:10], m.day
            break
    return None, None


def _meeting_date(r: Reader) -> DateValue:
    """The meeting's day from the protocol form."""
    found = first_form_date(r.text, (f for f, _ in r.form), meta_rules().data.meeting_date_fields)
    if found is None:
        return None, None
    m, field = found
    r.note("date", m.start, m.end, "date_form", f"the meeting date under '{field.label.label}'")
    return m.value[:10], m.day


def _own_date(r: Reader) -> DateValue:
    """A memo's own day under its label in a case system's metadata block ("Dokumentdatum: 2027-04-12",
    "Upprättad: …"), though the day the board is to decide stands above it ("Datum för beslut: 2027-05-04"); only in
    such a block, where a label of that day stands in the head (elsewhere a "Datum:" may be a register entry's)."""
    if not any(meta_rules().decision_date_label.match(line.text) for line in r.head):
        return None, None
    for i, line in enumerate(r.head):
        if not meta_rules().own_date_label.match(line.text) or r.inside_field(line.start, _OTHER_DATES):
            continue
        for ln in r.head[i:i + 2]:  # the day on the label's line or the next
            for m in r.dates(ln.text):
                if written_to_the_day(m) and m.granularity in ("day", "datetime"):
                    r.note("date", ln.start + m.start, ln.start + m.end, "date_own_label", "the memo's own date label")
                    return m.value[:10], m.day
    return None, None


def _below_mail_header(r: Reader) -> DateValue:
    """A day in the head of the document that an e-mail forwards, below the mail's header block: "Skickat: …" is
    the mail's day, "Protokollsutdrag / Kommunstyrelsen / 2025-05-14" under it the minutes'."""
    gap = _BLANK_LINE.search(r.text, r.head[0].start) if r.head else None
    return _header_date(r, gap.end()) if gap is not None else (None, None)


def _header_date(r: Reader, after: int = 0) -> DateValue:
    """A day written in the first lines of the document (from offset ``after``) or in a running header, not the
    first of a period of days the document covers ("Period: 1 oktober – 31 oktober 2026"; a day's hours count), nor
    one after a sentence of the body in its line (a short note's "Ansökan ska lämnas senast den 5 maj. Avtalet löper
    ut 2027-12-31.")."""
    lines = [line for line in [*r.head[:_HEADER_LINES], *r.page_headers] if line.text and line.start >= after]
    for i, line in enumerate(lines):
        if r.inside_field(line.start, _OTHER_DATES) or _other_date_line(line):
            continue
        words = _FLAT_HEAD.match(line.text) if i < _OPENING_LINES else None
        for m in r.dates(line.text[:max(FLAT_HEAD_CHARS, words.end() if words else 0)]):
            if written_to_the_day(m) and (m.granularity != "range" or m.end_day == m.day) \
                    and not r.inside_field(line.start + m.start, _OTHER_DATES) \
                    and not _after_prose(line.text, m.start):
                r.note("date", line.start + m.start, line.start + m.end, "date_header", "a day in the header")
                return m.value[:10], m.day
    return None, None


def _after_prose(text: str, start: int) -> bool:
    """A sentence of the body ends before ``start`` in ``text``, and no label of the document's own day follows it
    (a flattened kallelse's "… kallas till sammanträde. Tid: tisdag 17 november" keeps its day)."""
    last = None
    for last in _PROSE_BEFORE.finditer(text, 0, start):
        pass
    if last is None:
        return False
    return (label := _lead_label(text[last.end() - 1:start])) is None or label in _OTHER_DATES


def _lead_label(text: str) -> str | None:
    """The field of the longest form label the first words of ``text`` make, if any."""
    words = text[:_LABEL_CHARS].split()[:_LABEL_WORDS]
    for k in range(len(words), 0, -1):  # the longest label the first words make ("Datum då anslaget …")
        label = form_label(" ".join(words[:k]).rstrip(":"))
        if label is not None:
            return label.field
    return None


def _other_date_line(line: Line) -> bool:
    """``line`` opens with the label of a day that is not the document's: a form's adjustment, notice or appeal label
    ("Justeringsdatum 2026-03-07"), or a word that says the minutes were adjusted or posted ("Justerat …"). (A head
    of too few labels is read as no form, so ``Reader.inside_field`` does not see the field.)"""
    field = _lead_label(line.text)
    if field is not None:
        return field in _OTHER_DATES
    return meta_rules().other_date_words.match(line.text) is not None


def _labelled_date(r: Reader, title: Line | None, labels_only: bool = False) -> DateValue:
    """The day under a date label in the head ("Datum: …"), else (not ``labels_only``) a short dated head line
    or the title's date; ``labels_only`` also takes a label's span of hours on one day."""
    rules = meta_rules()
    ordered: list[tuple[Line, str]] = []
    for i, line in enumerate(r.head):
        if rules.date_label.match(line.text) and not r.inside_field(line.start, _OTHER_DATES):
            ordered.append((line, "date_label"))
            if i + 1 < len(r.head):
                ordered.append((r.head[i + 1], "date_label"))
    if not labels_only:
        ordered.extend((ln, "date_line") for ln in r.head if ln.kind in ("text", "title", "field") and len(ln.text) <= 40)
    if title:
        ordered.append((title, "date_title"))
    for line, rule in ordered:
        if r.inside_field(line.start, _OTHER_DATES) or _other_date_line(line):
            continue
        for m in r.dates(line.text):
            if m.value[:4].isdigit() and (m.granularity in ("day", "month", "datetime")
                                          or labels_only and _hours_of_one_day(m)):
                r.note("date", line.start + m.start, line.start + m.end, rule, "document date in the header")
                return m.value[:10], m.day
    return None, None


def _hours_of_one_day(m: DateMention) -> bool:
    """A span of hours on one day ("2026-04-09, kl. 15.00–16.30")."""
    return m.granularity == "range" and m.day is not None and m.end_day == m.day and "T" in m.value


def _signature_date(r: Reader) -> DateValue:
    """The day of a signature's place-and-date line near the end ("Ekby den 3 maj 2024", "Ekby, 2024-05-03")."""
    for line in reversed(r.tail):
        if r.inside_field(line.start, _OTHER_DATES):
            continue
        text = line.text.rstrip()
        if _PLACE_BEFORE_DATE.match(text) is not None and _place(text.split()[0].rstrip(",")):
            for m in r.dates(text):
                if written_to_the_day(m) and m.end == len(text) and _PLACE_BEFORE_DATE.fullmatch(text, 0, m.start):
                    r.note("date", line.start + m.start, line.start + m.end, "date_signature",
                           "the signature's place and date")
                    return m.value[:10], m.day
        if (found := _run_in_signature_date(r, line)) is not None:
            return found
    return None, None


def _run_in_signature_date(r: Reader, line: Line) -> tuple[str, dt.date] | None:
    """The day of a signature's place and date that flattened text ran into a line after a sentence, a name or the
    line's end after it ("… senast den 7 december. Ekby den 27 november 2026 Eva Ek, ordförande"); the last one."""
    at = max(0, len(line.text) - _RUN_IN_TAIL)  # a flattened page's line is the whole page: its end only
    text = line.text[at:]
    if not any(c in text for c in ".!?"):
        return None
    for m in reversed(r.dates(text)):
        place = _RUN_IN_PLACE.search(text, max(0, m.start - _RUN_IN_REACH), m.start)
        after = text[m.end:m.end + 2].lstrip()
        if m.day is not None and written_to_the_day(m) and place is not None and _place(place.group("place").split()[0].rstrip(",")) \
                and (not after or after[0].isupper()):
            r.note("date", line.start + at + m.start, line.start + at + m.end, "date_signature",
                   "the signature's place and date")
            return m.value[:10], m.day
    return None


def _place(word: str) -> bool:
    """``word`` may name a place: a municipality ("Vara"), or no common word ("Justerat", "Uppdaterad" are)."""
    return muni_name(word) is not None or word.casefold() not in load_lexicon().common


#: How sure a year counted from the body is as the document's date (no date the document gives).
_GUESS_SCORE = 0.5


def _current_year(r: Reader) -> DateValue:
    """No date written: the year the text treats as current (headings weigh double; ties → earliest)."""
    years = _years_in(r.text)
    for section in r.sections:
        years.update(_years_in(section.title))
    if not years:
        return None, None
    year = min(years, key=lambda y: (-years[y], y))
    at = next((m for m in _YEAR.finditer(r.text) if int(m.group()) == year), None)
    if at:
        r.note("date", at.start(), at.end(), "date_current_year", "a guess: the year the text mentions most "
               "(headings double)", score=_GUESS_SCORE)
    return str(year), None


def _years_in(text: str) -> Counter[int]:
    """How often each year is written in ``text``, not those in a name ("Agenda 2030")."""
    return Counter(int(m.group()) for m in _YEAR.finditer(text) if not year_in_name(text, m.start()))


def _date_from_weekday(r: Reader) -> DateValue:
    """A header date written without a year ("Torsdag den 22 oktober"): the year that fits the weekday."""
    years = _years_in(r.text)
    for line in r.head:
        for m in r.dates(line.text):
            weekday = next((i for w, i in weekdays().items() if w in fold(m.text)), None)
            if weekday is None or not m.value.startswith("XXXX-") or len(m.value) < 10:
                continue
            month, day = int(m.value[5:7]), int(m.value[8:10])
            fits = sorted({y + d for y in years for d in (-1, 0, 1)})
            fits = [y for y in fits if _weekday(y, month, day) == weekday]
            if fits:
                best = max(fits, key=lambda y: (years.get(y, 0) + years.get(y + 1, 0), -abs(y - max(years))))
                r.note("date", line.start + m.start, line.start + m.end, "date_weekday",
                       f"weekday fits {best}, a year the text refers to")
                value = dt.date(best, month, day)
                return value.isoformat(), value
    return None, None


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None
