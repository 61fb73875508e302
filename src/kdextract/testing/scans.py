"""Synthetic scans: our own documents printed to page images, damaged like a scanner, saved as image-only PDFs.

Tests and ``benchmarks/bench_scans.py`` use them to measure the OCR route end to end against
the text parse of the same document. A document is plain text with two marks: a line that
starts with ``"# "`` is a heading (printed bold and larger; ``plain_text`` drops the mark) and
a tab separates a form field's label from its value (printed at a tab stop). Pages break
between paragraphs, and every page gets a running header and a "Sida N av M" footer, as
printed municipal documents have. Needs Pillow and a DejaVu or Liberation TrueType font
(Debian: ``fonts-dejavu-core``).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image, ImageFont

    from kdextract.models import Document

#: The kinds of damage ``add_scan_noise`` knows.
NOISE_KINDS = ("blur", "skew", "speckle")
_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation",
              "/usr/share/fonts/dejavu", "/usr/share/fonts/liberation", "/Library/Fonts", "C:/Windows/Fonts")
_SERIF = ("DejaVuSerif.ttf", "LiberationSerif-Regular.ttf")
_BOLD = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf")
_A4 = (8.27, 11.69)  # inches
_MARGIN = 1.0  # inches
_TAB_STOP = 2.2  # inches from the left margin


def plain_text(marked: str) -> str:
    """The document's text without the heading marks: what a text layer would hold."""
    return "\n".join(line[2:] if line.startswith("# ") else line for line in marked.split("\n"))


def find_font(names: Sequence[str]) -> Path:
    """The first installed TrueType font of ``names``, or FileNotFoundError naming a package."""
    for folder in _FONT_DIRS:
        for name in names:
            path = Path(folder) / name
            if path.is_file():
                return path
    raise FileNotFoundError(f"no {' or '.join(names)} font: apt-get install fonts-dejavu-core")


@dataclass(frozen=True)
class _Fonts:
    body: ImageFont.FreeTypeFont
    heading: ImageFont.FreeTypeFont
    small: ImageFont.FreeTypeFont


def _fonts(dpi: int) -> _Fonts:
    from PIL import ImageFont

    serif, bold = find_font(_SERIF), find_font(_BOLD)
    return _Fonts(ImageFont.truetype(str(serif), round(10.5 * dpi / 72)),
                  ImageFont.truetype(str(bold), round(12.5 * dpi / 72)),
                  ImageFont.truetype(str(serif), round(8.5 * dpi / 72)))


def render_pages(marked: str, *, dpi: int = 300, header: str = "") -> list[Image.Image]:
    """The document printed on A4 pages at ``dpi`` (greyscale), with header and page footer."""
    from PIL import Image, ImageDraw

    fonts = _fonts(dpi)
    line_height = round(10.5 * 1.4 * dpi / 72)
    top, bottom = round(_MARGIN * dpi), round((_A4[1] - _MARGIN) * dpi)
    pages: list[list[tuple[int, str]]] = [[]]
    y = top
    for block in _blocks(marked):
        need = line_height * (len(block) + 1)
        if y + need > bottom and pages[-1]:
            pages.append([])
            y = top
        for line in block:
            pages[-1].append((y, line))
            y += round(line_height * (1.3 if line.startswith("# ") else 1.0))
        y += line_height
    images = []
    for n, lines in enumerate(pages, 1):
        image = Image.new("L", (round(_A4[0] * dpi), round(_A4[1] * dpi)), 255)
        draw = ImageDraw.Draw(image)
        left = round(_MARGIN * dpi)
        for y, line in lines:
            if line.startswith("# "):
                draw.text((left, y), line[2:], font=fonts.heading, fill=0)
                continue
            label, tab, value = line.partition("\t")
            draw.text((left, y), label, font=fonts.body, fill=0)
            if tab:
                draw.text((left + round(_TAB_STOP * dpi), y), value, font=fonts.body, fill=0)
        if header:
            draw.text((left, round(0.5 * dpi)), header, font=fonts.small, fill=0)
        footer = f"Sida {n} av {len(pages)}"
        width = draw.textlength(footer, font=fonts.small)
        draw.text((round((image.width - width) / 2), round((_A4[1] - 0.55) * dpi)), footer, font=fonts.small, fill=0)
        images.append(image)
    return images


def _blocks(marked: str) -> list[list[str]]:
    """Paragraphs (runs of non-blank lines); a heading is kept with the paragraph after it."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in marked.strip("\n").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    merged: list[list[str]] = []
    for block in blocks:
        if merged and len(merged[-1]) == 1 and merged[-1][0].startswith("# "):
            merged[-1] = [*merged[-1], "", *block]
        else:
            merged.append(block)
    return merged


def add_scan_noise(image: Image.Image, kinds: Iterable[str], *, dpi: int = 300, seed: int = 0) -> Image.Image:
    """``image`` damaged as a poor scan: ``blur`` (out of focus), ``skew`` (page fed askew), ``speckle`` (dust)."""
    from PIL import Image, ImageDraw, ImageFilter

    kinds = list(kinds)
    unknown = set(kinds) - set(NOISE_KINDS)
    if unknown:
        raise ValueError(f"unknown noise {sorted(unknown)}: use {', '.join(NOISE_KINDS)}")
    rng = random.Random(seed)
    out = image.copy()
    if "speckle" in kinds:
        draw = ImageDraw.Draw(out)
        dots = round(out.width * out.height * 4e-5 * (300 / dpi) ** 2)
        for _ in range(dots):
            x, y = rng.randrange(out.width), rng.randrange(out.height)
            r = rng.uniform(0.5, 1.6) * dpi / 300
            draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice((0, 60, 110)))
    if "blur" in kinds:
        out = out.filter(ImageFilter.GaussianBlur(radius=1.1 * dpi / 300))
    if "skew" in kinds:
        out = out.rotate(rng.choice((-1, 1)) * rng.uniform(0.8, 1.4), resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    return out


def write_image_pdf(images: Sequence[Image.Image], path: str | Path, *, dpi: int = 300) -> Path:
    """An image-only PDF (no text layer) of ``images``, one per page, as a scanner writes it."""
    if not images:
        raise ValueError("no pages to write")
    path = Path(path)
    first, *rest = images
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=float(dpi))
    return path


def scan_pdf(marked: str, path: str | Path, *, dpi: int = 300, noise: Iterable[str] = (), header: str = "",
             seed: int = 0) -> Path:
    """``marked`` printed, damaged by ``noise`` and saved as an image-only PDF at ``path``."""
    noise = list(noise)
    pages = render_pages(marked, dpi=dpi, header=header)
    if noise:
        pages = [add_scan_noise(page, noise, dpi=dpi, seed=seed + n) for n, page in enumerate(pages)]
    return write_image_pdf(pages, path, dpi=dpi)


# -- comparing a scan's parse with the text parse ------------------------------------------------

@dataclass(frozen=True)
class Agreement:
    """How far one kind of record from a scan agrees with the text parse (multisets of keys)."""

    reference: int
    found: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0 if not self.reference else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.reference if self.reference else 1.0 if not self.found else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _agreement(reference: Iterable[Hashable], found: Iterable[Hashable]) -> Agreement:
    ref, got = Counter(reference), Counter(found)
    return Agreement(sum(ref.values()), sum(got.values()), sum((ref & got).values()))


def record_keys(doc: Document) -> dict[str, list[Hashable]]:
    """What must agree between two parses of one document, per kind: values, not offsets."""
    return {
        "amounts": [(a.value, a.currency) for a in doc.amounts],
        "dates": [d.value for d in doc.dates],
        "sections": [(s.number, " ".join(s.title.split())) for s in doc.sections],
        "people": [p.name for p in doc.people],
    }


def compare(reference: Document, scanned: Document) -> dict[str, Agreement]:
    """Agreement per kind (amounts, dates, sections, people) of ``scanned`` with ``reference``."""
    ref, got = record_keys(reference), record_keys(scanned)
    return {kind: _agreement(ref[kind], got[kind]) for kind in ref}
