"""What runs on after an item's title on its numbered line: its documents ("2. Ny taxa Beslutsunderlag:
Tjänsteskrivelse …"), or a note after a dash that a capitalised verb in the past tense opens ("2. Föregående
anteckningar - Gicks igenom och lades till handlingarna.": a meeting's notes set on the item's line)."""

from __future__ import annotations

from kdextract.layout.item_documents import inline_documents
from kdextract.layout.rules import rules


def title_before_notes(text: str, start: int, title: str) -> str:
    """``title`` (``text`` from ``start``) without the documents or the note that run on after it."""
    if (documents := inline_documents(text, start, start + len(title))) is not None:
        return text[start:documents]
    note = rules().dash_note.search(title)
    return title[:note.start()] if note is not None and note.start() > 0 else title
