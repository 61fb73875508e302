"""Many different but similar Kommundirektörens rapporter, for the tests that parse in bulk."""

from __future__ import annotations

from pathlib import Path

FIRST = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders", "Sara", "Per"]
LAST = ["Lindqvist", "Berg", "Holm", "Sandberg", "Ekström", "Nyberg", "Forsberg", "Wallin", "Åberg", "Lund"]
ROLES = ["kommundirektör", "ekonomichef", "projektledare", "planchef", "kvalitetschef"]
TOWNS = ["Avesta", "Ludvika", "Gagnef", "Borlänge", "Hedemora"]
ADMINS = ["Tekniska förvaltningen", "Socialförvaltningen", "Barn- och utbildningsförvaltningen",
          "Kultur- och fritidsförvaltningen", "Miljö- och stadsbyggnadsförvaltningen"]
TOPICS = ["Ny simhall", "Upphandling av skolskjuts", "Bredband på landsbygden", "Trygghetsvandringar",
          "Renovering av kulturhuset"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "augusti", "september", "oktober", "november"]


def make_text(i: int) -> str:
    """The i-th of many different but similar municipal reports."""
    first, last = FIRST[i % 10], LAST[(i * 3) % 10]
    town, admin, topic = TOWNS[i % 5], ADMINS[(i // 2) % 5], TOPICS[(i // 3) % 5]
    year = 2012 + i % 8
    return (
        f"{town} kommun\nKommunstyrelsen\n\n"
        f"KOMMUNDIREKTÖRENS RAPPORT\n{year}-0{1 + i % 9}-1{i % 10}\nDnr KS {year}/{100 + i:04d}\n\n"
        f"1. {topic}\n\n"
        f"{first} {last}, {ROLES[i % 5]} på {admin}, informerar om projektet {topic} {year + 1}. "
        f"Kostnaden beräknas till {(i + 1) * 125_000:,} kronor. ".replace(",", " ")
        + f"Arbetet ska vara klart senast den {1 + i % 28} {MONTHS[i % 10]} {year + 1}.\n\n"
        f"2. Ekonomi\n\n"
        f"Kommunstyrelsen beslutar att avsätta {1 + i % 9},{i % 10} mnkr till {topic.lower()} under {year + 1}. "
        f"Nästa avstämning med {TOWNS[(i + 1) % 5]} kommun sker i vecka {10 + i % 30}.\n\n"
        f"{first} {last}\n{ROLES[i % 5].capitalize()}\n"
    )


def write_reports(folder: Path, n: int, name: str = "{:03d}.txt") -> list[Path]:
    """The first ``n`` reports as files of a new ``folder``, the i-th named ``name.format(i)``."""
    folder.mkdir()
    paths = [folder / name.format(i) for i in range(n)]
    for i, path in enumerate(paths):
        path.write_text(make_text(i), encoding="utf-8")
    return paths
