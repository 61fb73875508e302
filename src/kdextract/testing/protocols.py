"""Seeded synthetic protocols in our own words: archives for tests, benchmarks and demos.

``protocol(seed, paragraphs)`` writes the minutes of one meeting of a municipal body: letterhead,
meeting date, attendance, then numbered paragraphs (§) in which officials report, money is
granted, deadlines are set and the body decides. Names, places and sums vary with the seed,
so an archive of ``protocol(i)`` for many ``i`` holds different documents of one genre.

>>> text = protocol(3, paragraphs=4)
>>> text.count("§") >= 4 and "beslutar att" in text
True
>>> protocol(3, paragraphs=4) == text
True
"""

from __future__ import annotations

import random

__all__ = ["protocol"]

FIRST = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders", "Sara", "Per", "Helena", "Mats",
         "Ingrid", "Oskar", "Linnea", "Gustav"]
LAST = ["Lindqvist", "Berg", "Holm", "Sandberg", "Ekström", "Nyberg", "Forsberg", "Wallin", "Åberg", "Lund",
        "Sjöberg", "Hedlund", "Björk", "Dahl", "Strand", "Öberg"]
ROLES = ["kommundirektör", "ekonomichef", "projektledare", "planchef", "kvalitetschef", "förvaltningschef",
         "utredare", "controller"]
TOWNS = ["Avesta", "Ludvika", "Gagnef", "Borlänge", "Hedemora", "Tierp", "Arjeplog", "Ockelbo"]
BODIES = ["Kommunstyrelsen", "Tekniska nämnden", "Socialnämnden", "Kultur- och fritidsnämnden",
          "Barn- och utbildningsnämnden", "Miljö- och byggnadsnämnden"]
ADMINS = ["Tekniska förvaltningen", "Socialförvaltningen", "Barn- och utbildningsförvaltningen",
          "Kultur- och fritidsförvaltningen", "Miljö- och stadsbyggnadsförvaltningen", "Kommunledningskontoret"]
TOPICS = ["Ny simhall", "Upphandling av skolskjuts", "Bredband på landsbygden", "Trygghetsvandringar",
          "Renovering av kulturhuset", "Ny förskola i Norrby", "Gång- och cykelväg längs Sjövägen",
          "Digital ärendehantering", "Upprustning av lekplatser", "Energieffektivisering i skolorna",
          "Sommarjobb för unga", "Översyn av färdtjänsten"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "augusti", "september", "oktober", "november",
          "december"]
VERBS = ["anslå", "avsätta", "bevilja", "reservera"]


def _person(rnd: random.Random) -> str:
    return f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"


def _money(rnd: random.Random) -> str:
    kind = rnd.randrange(3)
    if kind == 0:
        return f"{rnd.randint(1, 40)},{rnd.randint(0, 9)} mnkr"
    if kind == 1:
        return f"{rnd.randint(1, 9) * 100 + rnd.randint(0, 9) * 10} 000 kronor"
    return f"{rnd.randint(1, 9)} {rnd.randint(0, 9)}00 000 kr"


def _paragraph(rnd: random.Random, n: int, body: str, year: int) -> str:
    topic = rnd.choice(TOPICS)
    official, role, admin = _person(rnd), rnd.choice(ROLES), rnd.choice(ADMINS)
    day, month = rnd.randint(1, 28), rnd.choice(MONTHS)
    later = year + rnd.randint(0, 2)
    lines = [
        f"§ {n} {topic}",
        "",
        (f"{official}, {role} på {admin}, redogör för läget i arbetet med {topic.lower()}. "
         f"Arbetet har pågått sedan {rnd.choice(MONTHS)} {year - 1} och en första etapp är genomförd. "
         f"Kostnaden hittills uppgår till {_money(rnd)}, vilket ryms inom budget."),
        "",
        (f"Projektet {topic} {later} drivs tillsammans med {rnd.choice(TOWNS)} kommun. "
         f"En slutrapport ska vara klar senast den {day} {month} {later}."),
        "",
        (f"{body} beslutar att {rnd.choice(VERBS)} {_money(rnd)} till {topic.lower()} under {later}, "
         f"och att uppdra åt {admin.lower()} att återkomma med en redovisning senast den {rnd.randint(1, 28)} "
         f"{rnd.choice(MONTHS)} {later}."),
    ]
    if rnd.random() < 0.4:
        party = rnd.choice(["S", "M", "C", "L", "V", "KD", "MP"])
        lines += ["", f"{_person(rnd)} ({party}) reserverar sig mot beslutet till förmån för eget yrkande."]
    return "\n".join(lines)


def protocol(seed: int, paragraphs: int = 8) -> str:
    """The minutes of one meeting: about 550 characters per paragraph, different for every ``seed``."""
    rnd = random.Random(seed)
    town, body = rnd.choice(TOWNS), rnd.choice(BODIES)
    year = rnd.randint(2012, 2024)
    date = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    chair, secretary, *others = dict.fromkeys(_person(rnd) for _ in range(12))
    members = ", ".join(others[:5])
    head = (f"{town} kommun\n{body}\n\nPROTOKOLL\nSammanträdesdatum {date}\nDnr {year}/{rnd.randint(10, 999)}\n\n"
            f"Närvarande: {chair} (ordförande), {members}\nSekreterare: {secretary}\n")
    body_text = "\n\n".join(_paragraph(rnd, n, body, year) for n in range(1, paragraphs + 1))
    return f"{head}\n{body_text}\n\nVid protokollet\n{secretary}\n\nJusteras\n{chair}\n"
