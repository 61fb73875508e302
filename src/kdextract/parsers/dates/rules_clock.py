"""Times of day ("kl 09.15-11.45", "15:20", "kvart i tolv"). Alone they are not dates in documents
(rule ``dates/clock``); next to a date they are joined to it (see merge.py)."""

from __future__ import annotations

from typing import Any

from kdextract.pattern_cache import compile_re
from kdextract.text.fold import fold

from .calendar import Value
from .engine import DIGIT, DateCandidate, Ctx, cand, rule
from .patterns import DATA, LEX, NL, NLB, NUMBER_WORD

_TZ = r"(?:[ \t]+(?P<tz>cet|cest|gmt|utc))?"
#: A property designation's name inside a sentence, before its block and unit ("… för Ekbacken 3:12", "del av
#: Norra Tallåsen 1:4"): the number after it is no time of day. Read in the original text's last 60 characters.
_PROPERTY_NAME = compile_re(r"\p{Ll}[\p{L}.,]*[ \t]+(?:\p{Lu}\p{Ll}+[ \t]+)?\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?[ \t]+$")


def _clock(m: Any, ctx: Ctx, times: list[tuple[int, int, int, str]], why: str, standalone: bool = True) -> DateCandidate | None:
    for h, mi, s, _ in times:
        if not (0 <= h <= 24 and 0 <= mi < 60 and 0 <= s < 60):
            return None
    c = cand(m, ctx, Value("", "datetime"), "dates/clock", why)
    if c is not None:
        c.kind, c.clock, c.standalone = "clock", times, standalone
    return c


def _t(h: str | None, mi: str | None, s: str | None = None) -> tuple[int, int, int, str]:
    grain = "second" if s else "minute" if mi else "hour"
    return int(h or 0), int(mi or 0), int(s or 0), grain


@rule("dates/clock_kl",
      rf"{NLB}(?:(?:ca\.?|cirka|omkring|runt|ungefar)[ \t]+)?(?:(?:fran|mellan|efter)[ \t]+)?"
      r"(?:(?:kl\.?|klockan)(?:[ \t]*\n)?|@)[ \t]*"  # "kl." may end a line: its hours open the next
      r"(?P<h1>[0-2]?\d)(?:[:.](?P<m1>[0-5]\d)(?::(?P<s1>[0-5]\d))?)?(?![\d])"
      r"(?:[ \t]*(?:(?:-|till)(?:[ \t]*\n)?|och)[ \t]*"  # a range's dash may end a line too
      r"(?:kl\.?[ \t]*|klockan[ \t]+)?(?P<h2>[0-2]?\d)(?:[:.](?P<m2>[0-5]\d))?(?![\d]))?"
      rf"(?:[ \t]+(?:exakt|precis){NL})?{_TZ}", needs=("kl|@", DIGIT))
def clock_kl(m: Any, ctx: Ctx) -> DateCandidate | None:
    times = [_t(m["h1"], m["m1"], m["s1"])]
    if m["h2"]:
        times.append(_t(m["h2"], m["m2"]))
    return _clock(m, ctx, times, "time of day after 'kl'")


@rule("dates/clock_colon",
      r"(?<![\w.,:/-])(?:(?:fran|mellan|efter)[ \t]+)?(?P<h1>[0-2]?\d):(?P<m1>[0-5]\d)(?::(?P<s1>[0-5]\d))?(?![\d:])"
      r"(?:[ \t]*(?:-|till|och|men[ \t]+fore)[ \t]*(?P<h2>[0-2]?\d)[:.](?P<m2>[0-5]\d)(?!\d))?" + _TZ, needs="0:0")
def clock_colon(m: Any, ctx: Ctx) -> DateCandidate | None:
    if _PROPERTY_NAME.search(ctx.text, max(0, m.start() - 60), m.start()):
        return None
    times = [_t(m["h1"], m["m1"], m["s1"])]
    if m["h2"]:
        times.append(_t(m["h2"], m["m2"]))
    return _clock(m, ctx, times, "time of day hh:mm")


@rule("dates/clock_h", r"(?<![\w.,:/-])(?P<h1>[0-2]?\d)h(?![^\W\d_]|\d)", needs="0h")
def clock_h(m: Any, ctx: Ctx) -> DateCandidate | None:
    return _clock(m, ctx, [_t(m["h1"], None)], "time of day 15h")


_MIN = {fold(k): v for k, v in DATA.clock_minute_words.words.items()}


@rule("dates/clock_words",
      rf"{NLB}(?:(?P<kl>kl\.?|klockan)[ \t]*)?(?:(?P<mm>kvart|tjugofem|tjugo|tio|fem|\d{{1,2}})[ \t]+(?P<dir>over|i)"
      rf"|(?P<halv>halv))[ \t]+(?P<h>[0-2]?\d|{NUMBER_WORD}){NL}(?!\d)", needs=("kvart|tjugo|tio|fem|0|halv", "=i|=over|halv"))
def clock_words(m: Any, ctx: Ctx) -> DateCandidate | None:
    hs, he = m.span("h")
    h = LEX.number(m["h"], ctx.text[hs:he])
    if h is None or h != int(h) or not 0 <= h <= 24:
        return None
    h = int(h)
    if m["halv"]:
        return _clock(m, ctx, [((h - 1) % 24, 30, 0, "minute")], "half hour ('halv tre' = 2.30)")
    mm = m["mm"]
    if mm.isdigit() and not (m["kl"] or m["dir"] == "over"):
        return None
    minutes = int(mm) if mm.isdigit() else _MIN[mm]
    if m["dir"] == "i":
        if mm.isdigit():
            return None
        total = (h * 60 - minutes) % (24 * 60)
        return _clock(m, ctx, [(total // 60, total % 60, 0, "minute")], "minutes to the hour")
    return _clock(m, ctx, [(h, minutes, 0, "minute")], "minutes past the hour")


@rule("dates/clock_hours",
      r"(?<![^\W\d_])(?:fran|mellan)[ \t]+(?P<h1>[0-2]?\d)[ \t]+(?:till|och|-)[ \t]+(?P<h2>[0-2]?\d)(?![\d:.,])", needs=("fran|mellan", DIGIT))
def clock_hours(m: Any, ctx: Ctx) -> DateCandidate | None:
    return _clock(m, ctx, [_t(m["h1"], None), _t(m["h2"], None)], "hour to hour", standalone=False)
