"""The reference date that ``find_dates(reference=)`` and ``parse(document_date=)`` take, read one way for both.

Accepted: a ``date``, a ``datetime`` (pandas' ``Timestamp`` is one), NumPy's ``datetime64``, and ISO strings —
"2024-03-17", "20240317", "2024-03-17T10:00", and for ``find_dates`` also "2024" and "2024-03" (known to the year or
month only). Anything else is an :class:`~kdextract.errors.ArgumentError` that names the argument.
"""

from __future__ import annotations

import datetime as dt

from kdextract.errors import ArgumentError
from kdextract.pattern_cache import compile_re

#: (day, moment, grain): the day stands for the reference (a year's 1 July, a month's 1st), the moment is its
#: time of day where one is given, the grain what it is known to ("year", "month", "day").
Reference = tuple[dt.date, dt.datetime | None, str]

_FORMS = ("a date, a datetime or an ISO string like '2024-03-17', '20240317' or '2024-03-17T10:00' "
          "(find_dates also takes '2024' and '2024-03')")
_DAY = compile_re(r"(\d{4})-?(\d{2})-?(\d{2})")
_MOMENT = compile_re(r"\d{4}-\d{2}-\d{2}[T ]")
_YEAR_MONTH = compile_re(r"(\d{4})(?:-(\d{2}))?")


def parse_reference(value: object, argument: str = "reference") -> Reference:
    """``value`` read as a reference (see the module); an ``ArgumentError`` naming ``argument`` otherwise."""
    if type(value).__name__ == "datetime64":
        value = str(value)  # NumPy prints its ISO form, "2024-03-17" or "2024-03-17T10:00:00.000"
    if isinstance(value, dt.datetime):
        return value.date(), value.replace(tzinfo=None), "day"
    if isinstance(value, dt.date):
        return value, None, "day"
    if isinstance(value, str):
        found = _from_string(value.strip())
        if found is not None:
            return found
    raise ArgumentError(f"{argument} must be {_FORMS}, not {value!r}")


def reference_day(value: object, argument: str) -> dt.date | None:
    """The day of a reference known to the day (``parse``'s ``document_date``); None for None."""
    if value is None:
        return None
    day, _, grain = parse_reference(value, argument)
    if grain != "day":
        raise ArgumentError(f"{argument} must name a day ({_FORMS}), not {value!r}")
    return day


def _from_string(s: str) -> Reference | None:
    try:
        if _MOMENT.match(s):
            moment = dt.datetime.fromisoformat(s)
            return moment.date(), moment.replace(tzinfo=None), "day"
        if day := _DAY.fullmatch(s):
            return dt.date(*map(int, day.groups())), None, "day"
        if short := _YEAR_MONTH.fullmatch(s):
            year, month = short.groups()
            return (dt.date(int(year), 7, 1), None, "year") if month is None else (
                dt.date(int(year), int(month), 1), None, "month")
    except ValueError:
        return None
    return None
