"""The words of the HTML view, in Swedish (default) and English, and Swedish names for the models' values.

>>> Labels.of("sv").value("due"), Labels.of("en").value("due")
('senast', 'due')
>>> Labels.of("en").more(3)
'… 3 more'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kdextract.errors import ArgumentError

__all__ = ["LANGUAGES", "Labels"]

LANGUAGES = ("sv", "en")

#: Swedish words for the values of the models' Literal fields (document, organisation, deadline
#: and decision kinds, project status); English shows the values as they are.
_SV_VALUES = {
    "kommundirektorens_rapport": "kommundirektörens rapport", "protokoll": "protokoll",
    "protokollsutdrag": "protokollsutdrag", "minnesanteckningar": "minnesanteckningar",
    "tjansteskrivelse": "tjänsteskrivelse", "kallelse": "kallelse", "other": "övrigt",
    "municipality": "kommun", "region": "region", "agency": "myndighet", "committee": "nämnd eller styrelse",
    "administration": "förvaltning", "company": "bolag", "association": "förening", "university": "lärosäte",
    "cooperation": "samverkan", "party": "parti",
    "due": "senast", "planned": "planerat", "expires": "upphör", "starts": "börjar", "ends": "slutar",
    "meeting": "möte", "started": "startat", "ongoing": "pågår", "finished": "avslutat", "unknown": "okänt",
    "decision": "beslut", "assignment": "uppdrag", "delegation": "delegering", "adoption": "antagande",
    "proposal": "förslag",
    "member": "ledamot", "serving_substitute": "tjänstgörande ersättare", "substitute": "ersättare",
    "official": "tjänsteperson", "absent": "frånvarande",
}


@dataclass(frozen=True)
class Labels:
    """Every word the view prints, in one language."""

    lang: str
    types: dict[str, str]
    titles: dict[str, str]
    headers: dict[str, tuple[str, ...]]
    meta: dict[str, str]
    meeting: dict[str, str]
    words: dict[str, str]
    values: dict[str, str] = field(default_factory=dict)

    @staticmethod
    def of(lang: str) -> Labels:
        """The labels of ``lang`` ("sv" or "en")."""
        if lang not in _LABELS:
            raise ArgumentError(f"lang must be one of {', '.join(map(repr, LANGUAGES))}, got {lang!r}")
        return _LABELS[lang]

    def value(self, value: object) -> str:
        """A model value (a kind, a status) in this language."""
        text = "" if value is None else str(value)
        return self.values.get(text, text.replace("_", " "))

    def heading(self, level: int) -> str:
        return self.types["section"] if level == 1 else f"{self.words['subheading']} {level}"

    def more(self, n: int) -> str:
        return f"… {n} {self.words['more']}"

    def number(self, value: object, high: object = None) -> str:
        """A sum of money with the language's digit grouping (no rounding); a range's both ends with ``high``."""
        text = f"{value:,}" if value is not None else ""
        text += f"–{high:,}" if high is not None else ""
        return text.replace(",", "\u00a0") if self.lang == "sv" else text


_LABELS = {
    "sv": Labels(
        lang="sv",
        types={"person": "PERSON", "organisation": "ORG", "project": "PROJEKT", "date": "DATUM",
               "amount": "BELOPP", "deadline": "TIDSGRÄNS", "decision": "BESLUT", "section": "RUBRIK"},
        titles={"sections": "Rubriker", "people": "Personer", "organisations": "Organisationer",
                "projects": "Projekt", "deadlines": "Tidsgränser", "amounts": "Belopp", "decisions": "Beslut",
                "attendees": "Närvaro"},
        headers={"sections": ("nr", "rubrik", "nivå"), "people": ("namn", "roll", "organisation"),
                 "organisations": ("namn", "typ", "andra namn"), "projects": ("namn", "status", "start", "slut"),
                 "deadlines": ("när", "typ", "vad"), "amounts": ("text", "värde", "valuta", "avser"),
                 "decisions": ("typ", "beslutat av", "datum", "text"),
                 "attendees": ("namn", "parti", "kategori", "roll", "ersätter")},
        meta={"id": "Dokument", "kind": "Typ", "date": "Datum", "organisation": "Organisation",
              "diarienummer": "Diarienummer", "author": "Författare"},
        meeting={"body": "Organ", "date": "Tid", "place": "Plats", "paragraphs": "Paragrafer",
                 "adjustment": "Justering"},
        words={"subheading": "UNDERRUBRIK", "more": "till", "summary": "Sammanfattning", "level": "nivå",
               "chars": "tecken", "excerpt": "Utdrag: {shown} av {total} tecken, runt {records} av {all} "
                                             "markeringar ur alla typer.",
               "whole": "Hela texten: visualize(doc, max_chars=None); sida för sida: visualize(doc, page=1).",
               "page": "Sida {page} av {pages} (tecken {first}–{last}).", "next": "Nästa: visualize(doc, page={n}).",
               "gap": "[… {n} tecken …]", "document": "dokument", "no_deadlines": "inga daterade tidsgränser"},
        values=_SV_VALUES,
    ),
    "en": Labels(
        lang="en",
        types={"person": "PERSON", "organisation": "ORG", "project": "PROJECT", "date": "DATE",
               "amount": "AMOUNT", "deadline": "DEADLINE", "decision": "DECISION", "section": "HEADING"},
        titles={"sections": "Sections", "people": "People", "organisations": "Organisations",
                "projects": "Projects", "deadlines": "Deadlines", "amounts": "Amounts", "decisions": "Decisions",
                "attendees": "Attendance"},
        headers={"sections": ("no.", "title", "level"), "people": ("name", "role", "organisation"),
                 "organisations": ("name", "kind", "other names"), "projects": ("name", "status", "start", "end"),
                 "deadlines": ("when", "kind", "what"), "amounts": ("text", "value", "currency", "for"),
                 "decisions": ("kind", "decided by", "date", "text"),
                 "attendees": ("name", "party", "category", "role", "replaces")},
        meta={"id": "Document", "kind": "Kind", "date": "Date", "organisation": "Organisation",
              "diarienummer": "Reference", "author": "Author"},
        meeting={"body": "Body", "date": "When", "place": "Place", "paragraphs": "Paragraphs",
                 "adjustment": "Adjusted"},
        words={"subheading": "SUBHEADING", "more": "more", "summary": "Summary", "level": "level",
               "chars": "characters", "excerpt": "Excerpt: {shown} of {total} characters, around {records} of "
                                                 "{all} highlights of every type.",
               "whole": "Whole text: visualize(doc, max_chars=None); page by page: visualize(doc, page=1).",
               "page": "Page {page} of {pages} (characters {first}–{last}).", "next": "Next: visualize(doc, page={n}).",
               "gap": "[… {n} characters …]", "document": "document", "no_deadlines": "no dated deadlines"},
    ),
}
