"""Spot and repair OCR damage in Swedish text, as replacements on the working view.

Scanned Swedish documents read by an OCR engine without a Swedish model lose their å, ä and ö
("pa", "frin", "f6r", "Socialnimnden") and confuse look-alike letters ("dcn", "utbildnmg",
"rnötet"); list bullets come out as letters ("e planering av arbetet"). ``repair`` undoes that:

* every word that is neither in the Swedish lexicon nor a compound of listed parts is
  matched against the confusion table (``resources/sv/ocr_confusions.json``) and replaced
  by the cheapest listed word it can come from (ties go to the more frequent word);
* listed but rare words whose å/ä/ö form is far more common are restored ("pa" -> "på",
  "for" -> "för"), a "1" standing for "i" between words is restored, and letters standing in
  for bullets at the start of list lines become "•";
* look-alike letters inside numbers of an exact shape become digits ("2O24-03-05", "l 250 tkr";
  ``ocr_numbers``), a misread "§" or party code becomes the one the text prints intact
  elsewhere ("$ 15", "(5)"; ``ocr_codes``), and a word split by a space is joined, two run
  together are parted ("okto ber", "attjustera"; ``ocr_spaces``).

Capitalised words inside a sentence (most likely names) only get å/ä/ö restored; acronyms
and codes (KSAU, E18) are left alone. All of this runs only where the text looks damaged
(``looks_damaged`` scores the share of unknown words), so clean text gets no edits, but for the readings
that no clean text holds: a run of "$" item headings with no intact "§" (``lone_sign_repairs``), look-alike
letters in an ISO date, in a day after its article or in an amount in groups of three ("1984-1O-16",
"den l januari", "412 OOO kr"; ``sure_digit_repairs``), an å/ä/ö printed as "?" inside a word ("M?te";
``ocr_marks``), a lone guillemet at a line's edge past a column gap ("»    Yttrandet …"; ``ocr_marks``), and a
month or unit of money with a look-alike letter ("rnars", "rnnkr"; ``ocr_sure_words``).
Every change is a ``TextView.rewrite`` replacement (reason ``"ocr: …"``), so offsets still
point into the input.

>>> v = repair(TextView.identity("Rapporten ir klar och finns pa intranatet fran och med idag."), force=True)
>>> v.text
'Rapporten är klar och finns på intranätet från och med idag.'
>>> v.input_text(10, 12)
'ir'
>>> looks_damaged("Rapporten är klar och finns på intranätet från och med idag.")
0.0
"""

from __future__ import annotations

from collections import Counter

from kdextract.pattern_cache import compile_re
from kdextract.text.lexicon import Lexicon, load_lexicon
from kdextract.text.ocr_codes import lone_sign_repairs
from kdextract.text.ocr_marks import edge_guillemets, lost_mark_repairs
from kdextract.text.ocr_numbers import sure_digit_repairs
from kdextract.text.ocr_sure_words import sure_word_repairs
from kdextract.text.ocr_confusions import ConfusionRules, confusion_table
from kdextract.text.ocr_repair import ORDINAL, TOKEN, Repairer
from kdextract.text.view import TextView

#: ``looks_damaged`` score from which ``repair(force=None)`` repairs.
DAMAGE_THRESHOLD = 0.08
#: From this score on the text is taken for another language, not damaged Swedish (unless ``lightly_damaged``).
NOT_SWEDISH = 0.45
#: Fewest scored words for a confident auto-detection; shorter texts need a higher score.
MIN_WORDS = 20

_DIGIT_IN_WORD = compile_re(r"\p{L}+\d+\p{L}*|\d\p{L}{3,}")
#: A "1" or "0" (or two: "contro11er") for a letter inside a lower-case word ("socia1chef", "kommunstyre1sen"): no clean word has one.
#: (Read from a run's first letter only: a long run of letters is not read again from each of its letters.)
_LETTER_DIGIT = compile_re(r"(?<!\p{Ll})\p{Ll}{2,}+[01]{1,2}\p{Ll}{2,}")
#: Fewest such words that, beside damaged frequent words, mark light damage (``lightly_damaged``).
SURE_DIGIT_WORDS = 2
#: Frequent Swedish words without å/ä/ö (OCR leaves them alone): the language check.
_FUNCTION_WORDS = frozenset(ConfusionRules.load().function_words)
#: Lower-case party codes after a name ("Eva Lund, s, ordförande"): no words of prose.
_LIST_CODES = frozenset(ConfusionRules.load().list_codes)


def looks_damaged(text: str) -> float:
    """Share (0-1) of the lower-case words in ``text`` that look OCR-damaged.

    Clean Swedish prose scores about 0.01-0.04 (rare words and names); text read by an
    engine without Swedish support scores 0.15 and more.
    """
    return _damage(_words(text))


def _words(text: str) -> Counter[str]:
    """The words (``TOKEN``) of ``text`` and how often each stands: each read once by the checks below."""
    return Counter(TOKEN.findall(text))


def _damage(words: Counter[str]) -> float:
    lex = load_lexicon()
    total = unknown = 0
    for tok, n in words.items():
        if tok[0].isupper() or len(tok) < 2 or ORDINAL.fullmatch(tok):
            continue
        total += n
        unknown += n * _suspicious(tok, lex)
    if not total:
        return 0.0
    return unknown / max(total, MIN_WORDS)


def repair(view: TextView, *, force: bool | None = None) -> TextView:
    """``view`` with OCR damage repaired.

    ``force=None`` repairs where ``looks_damaged`` scores at least ``DAMAGE_THRESHOLD`` (and below ``NOT_SWEDISH``)
    or the text is ``lightly_damaged`` (at any score: digits inside words are OCR's, no other language's), where
    its function words are Swedish; ``True`` always repairs, ``False`` never.
    """
    if force is False:
        return view
    if sure := lone_sign_repairs(view.text) + sure_digit_repairs(view.text) + lost_mark_repairs(view.text) \
            + edge_guillemets(view.text):
        view = view.rewrite(sorted(sure))
    judged = view.text  # the damage is judged with the sure words still damaged: they are its signs too
    if sure := sure_word_repairs(judged):
        view = view.rewrite(sure)
    if force is None:
        words = _words(judged)  # read once for every check
        intact, damaged = _sentinels(words)
        if _clean(intact, damaged):
            return view
        score = _damage(words)
        if not DAMAGE_THRESHOLD <= score < NOT_SWEDISH and not _light(judged, intact, damaged) \
                or not _swedish(words):
            return view
    return view.rewrite(Repairer(view.text).replacements())


def looks_swedish(text: str) -> bool:
    """Whether Swedish function words that OCR does not garble ("och", "att", "som") are frequent.

    Counted among the lower-case words: a protocol's attendance lists, headings and codes
    (capitalised) would otherwise dilute the share below that of a page of foreign prose; so would the
    lower-case party codes older protocols print after each name ("Eva Lund, s, ordförande"), not counted.
    """
    return _swedish(_words(text))


def _swedish(words: Counter[str]) -> bool:
    lower = [(tok, n) for tok, n in words.items() if tok[0].islower() and tok not in _LIST_CODES]
    if not lower:
        return False
    hits = sum(n for tok, n in lower if tok in _FUNCTION_WORDS)
    return hits >= 0.08 * sum(n for _, n in lower)


def lightly_damaged(text: str) -> bool:
    """Light OCR damage that clean text never shows, however few unknown words it has: frequent å/ä/ö words
    damaged at least half as often as printed intact ("ar" beside "är"), and ``SURE_DIGIT_WORDS`` words with a
    "1" or "0" for a letter ("socia1chef")."""
    return _light(text, *_sentinels(_words(text)))


def _light(text: str, intact: int, damaged: int) -> bool:
    return 0 < damaged and 2 * damaged >= intact and len(_LETTER_DIGIT.findall(text)) >= SURE_DIGIT_WORDS


def _sentinels(words: Counter[str]) -> tuple[int, int]:
    """How often frequent å/ä/ö words stand intact and damaged among ``words`` (digits inside words count as damage)."""
    table = confusion_table()
    intact = damaged = 0
    for tok, n in words.items():  # each word read once, counted as often as it stands
        low = tok.lower()
        if low in table.sentinels:
            intact += n
        elif low in table.damaged_sentinels or not low.isalpha() and _DIGIT_IN_WORD.fullmatch(low):
            damaged += n
    return intact, damaged


def plainly_clean(text: str) -> bool:
    """A quick check without the lexicon: frequent å/ä/ö words are all intact.

    True where the text has at least five of a few dozen frequent words with å, ä or ö
    ("är", "på", "för", "också"), next to none of their damaged forms ("ar", "p4", "f6r"),
    and no digits inside words. Saves loading the lexicon for clean documents.
    """
    return _clean(*_sentinels(_words(text)))


def _clean(intact: int, damaged: int) -> bool:
    return intact >= 5 and damaged <= 0.02 * intact


def _suspicious(tok: str, lex: Lexicon) -> bool:
    if not tok.isalpha():
        return True
    low = tok.lower()
    if len(low) <= 3:
        return lex.count(low) == 0
    return not lex.known(low)
