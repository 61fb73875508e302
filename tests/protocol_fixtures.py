"""A protocol of our own, written line-broken (a clean file) and flattened (a PDF-to-text transcript).

The flattened form is what document-hosting sites publish: the site's wrapper lines, then
each page on one line that starts with its page number, the running header repeated at the
top of every page, and all line breaks inside a page gone.
"""

from __future__ import annotations

HEADER = "Säffle kommun PROTOKOLL Sammanträdesdatum {page}(3)"

PAGES = [
    """Säffle kommun
PROTOKOLL
Sammanträdesdatum
1(3)
Kommunstyrelsens arbetsutskott
Tid och plats Stadshuset, sal Byälven, tisdagen den 5 mars 2024 kl. 13.00-15.30
Beslutande Gunilla Rask (C), ordförande
Pontus Hed (S), vice ordförande
Wilma Tornberg (M)
Tjänstgörande ersättare Arvid Lönn (S) ersätter Ronja Fält (S)
Ej tjänstgörande ersättare Ingvor Stam (KD)
Övriga deltagare Lennart Kvist, kommundirektör
Sofie Brink, kommunsekreterare
Utses att justera Wilma Tornberg
Justeringens plats och tid Kommunkansliet, den 8 mars 2024
Paragrafer 41-43
Underskrifter
Sekreterare Sofie Brink
Ordförande Gunilla Rask
Justerande Wilma Tornberg
ANSLAG/BEVIS
Organ Kommunstyrelsens arbetsutskott
Datum för anslags uppsättande 2024-03-11
Datum för anslags nedtagande 2024-04-02
Förvaringsplats för protokollet Kommunkansliet""",
    """Säffle kommun
PROTOKOLL
Sammanträdesdatum
2(3)
§ 41 Dnr KS 2024/118
Upphandling av skolskjuts
Bakgrund
Avtalet om skolskjuts löper ut den 30 juni 2024. Förvaltningen har tagit fram ett underlag för en ny upphandling.
Beslut
Arbetsutskottet föreslår kommunstyrelsen att starta upphandlingen.""",
    """Säffle kommun
PROTOKOLL
Sammanträdesdatum
3(3)
§ 42 Dnr KS 2024/131
Ny förskola i Värmlandsbro
Bakgrund
Kostnaden beräknas till 42 miljoner kronor och förskolan ska stå klar hösten 2026.
Beslut
Arbetsutskottet godkänner förstudien.
§ 43 Dnr KS 2024/140
Information från kommundirektören
Kommundirektör Lennart Kvist informerar om arbetet med budgeten.""",
]

WRAPPER = """Säffle kommun PROTOKOLL Sammanträdesdatum

Download "Säffle kommun PROTOKOLL Sammanträdesdatum 1(3) Kommunstyrelsens arbetsutskott"

Storlek: px

Transkript

"""


def line_broken() -> str:
    """The protocol as a clean file: its lines, pages apart."""
    return "\n\n".join(PAGES) + "\n"


def flattened() -> str:
    """The protocol as a hosting site's transcript: each page one line, opened by its number."""
    pages = [" ".join(page.split("\n")) for page in PAGES]
    return WRAPPER + "\n\n".join(f"{i} {page}" for i, page in enumerate(pages, 1)) + "\n"
