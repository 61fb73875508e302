"""kdextract.visualize: HTML content, escaping, and a real render in headless Chromium."""

from __future__ import annotations

import html as html_module
import json
import re
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from kdextract.models import Document, Person, Source
from kdextract.output.html import COLORS, save_html, visualize

try:
    from test_tables import make_document
except ImportError:  # tests collected as a package
    from tests.test_tables import make_document


class _Collect(HTMLParser):
    """Text inside each <mark> by its data-kd-type (labels left out, nested marks too), and whether
    every tag is closed in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self.scripts = 0
        self._open: list[tuple[str, list[str]]] = []
        self._in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.scripts += tag == "script"
        if tag == "mark":
            self._open.append((a.get("data-kd-type") or "", []))
        if tag == "span" and (self._in_label or a.get("class") == "kd-label"):
            self._in_label += 1
        if tag != "meta":
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()
        if tag == "span" and self._in_label:
            self._in_label -= 1
        elif tag == "mark" and self._open:
            kind, parts = self._open.pop()
            self.marks.append((kind, "".join(parts)))

    def handle_data(self, data: str) -> None:
        if not self._in_label:
            for _, parts in self._open:
                parts.append(data)


def _parsed(html: str) -> _Collect:
    p = _Collect()
    p.feed(html)
    p.close()
    return p


def test_highlights_every_type_with_its_text() -> None:
    doc = make_document()
    html = visualize(doc)
    p = _parsed(html)
    assert not p.stack, "unclosed tags"
    marks = set(p.marks)
    assert ("person", "Anna Svensson") in marks
    assert ("organisation", "Tekniska förvaltningen") in marks
    assert ("project", "Simhall 2025") in marks
    assert ("date", "den 30 april 2024") in marks
    assert ("amount", "12,5 mnkr") in marks
    assert ("deadline", "Förstudien ska vara klar senast den 30 april 2024") in marks  # around the date
    decision = next(text for kind, text in p.marks if kind == "decision")
    assert decision.startswith("Kommunstyrelsen beslutar att godkänna rapporten")  # around the organisation
    assert sum(1 for t, _ in p.marks if t == "person") == 2  # every mention, not just the first
    for kind, color in COLORS.items():
        assert f"background:{color}" in html, kind
    for chip in ("PERSON 1", "BELOPP 1", "TIDSGRÄNS 1", "BESLUT 1", "RUBRIK 2"):
        assert chip in html, chip


def test_section_titles_are_marked_with_their_numbers() -> None:
    html = visualize(make_document())
    assert re.search(r'<span class="kd-section" id="kd-sec-1"[^>]*>1\. Ny simhall<span class="kd-label"', html)
    assert 'data-kd-section="sec-2"' in html


def test_text_is_escaped_and_kept_whole() -> None:
    doc = make_document()
    html = visualize(doc)
    assert "<script>" not in html and _parsed(html).scripts == 0
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html and " &amp; <mark" in html
    # Removing the markup gives back the document text.
    text_div = re.search(r'<div class="kd-text"[^>]*>(.*?)</div><details', html, re.DOTALL)
    assert text_div
    plain = re.sub(r'<span class="kd-label"[^>]*>[^<]*</span>', "", text_div.group(1))
    plain = re.sub(r"<[^>]+>", "", plain)
    assert html_module.unescape(plain) == doc.text


def test_hostile_names_in_attributes_and_tables_are_escaped() -> None:
    text = 'Hej "><img src=x onerror=alert(1)> och mer'
    rule = Source(method="rule", name="r")
    person = Person(id="per-1", text=text[4:30], start=4, end=30, name='"><img src=x onerror=alert(1)>',
                    role="<b>roll</b>", source=rule)
    html = visualize(Document(id="<x>.txt", text=text, people=[person]), full_page=True)
    assert "<img" not in html and "<b>" not in html
    assert "&lt;x&gt;.txt" in html


def test_summary_tables_and_overlaps() -> None:
    doc = make_document()
    html = visualize(doc)
    for title in ("Rubriker", "Personer", "Organisationer", "Projekt", "Tidsgränser", "Belopp", "Beslut"):
        assert f"{title} <span" in html, title
    assert "Förstudien" in html and "12\u00a0500\u00a0000" in html
    assert "<td>senast</td>" in html and "<td>Kommunstyrelsen</td>" in html  # Swedish kinds, names for ids
    assert "Sammanfattning" not in visualize(doc, summary=False)
    # An overlapping date inside an amount-sized span: only one highlight survives, text intact.
    overlap = doc.model_copy(update={"dates": [doc.dates[0].model_copy(update={"start": doc.amounts[0].start,
                                                                                "end": doc.amounts[0].end - 2})]})
    assert _parsed(visualize(overlap)).stack == []


def test_empty_document_and_full_page() -> None:
    html = visualize(Document(text=""))
    assert html.startswith('<div class="kdextract-vis"')
    page = visualize(Document(text="x"), full_page=True)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page


def test_repr_html_when_wired() -> None:
    doc = make_document()
    if not hasattr(doc, "_repr_html_"):
        pytest.skip("Document._repr_html_ not added to models.py yet")
    assert doc._repr_html_() == visualize(doc)


# -- a real browser --------------------------------------------------------------------------

CHROMIUM = next((c for c in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(c).exists()), None)

_PROBE = """<script>
window.addEventListener("load", () => {
  const out = [...document.querySelectorAll("mark.kd-ent, .kd-section")].map(el => {
    const r = el.getClientRects()[0], s = getComputedStyle(el);
    return {type: el.dataset.kdType || "section", text: el.firstChild.textContent, w: r.width, h: r.height,
            x: r.left, y: r.top, bg: s.backgroundColor, vis: s.visibility, disp: s.display,
            top: document.elementFromPoint(r.left + 2, r.top + r.height / 2) === el ||
                 el.contains(document.elementFromPoint(r.left + 2, r.top + r.height / 2))};
  });
  const pre = document.createElement("pre"); pre.id = "kd-probe";
  pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
});
</script>"""


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
           f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1100,1000", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)


def _rendered_boxes(tmp_path: Path, doc: Document, name: str) -> list[dict[str, Any]]:
    """The highlights and headings of ``doc``'s full page (saved as ``name``) as Chromium lays them out."""
    page = tmp_path / name
    page.write_text(visualize(doc, full_page=True).replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    probe = re.search(r'<pre id="kd-probe">(.*?)</pre>', result.stdout, re.DOTALL)
    assert probe, result.stdout[-2000:]
    boxes: list[dict[str, Any]] = json.loads(html_module.unescape(probe.group(1)))
    return boxes


def _rgb(kind: str) -> str:
    """The highlight colour of ``kind`` as the browser's computed style writes it."""
    r, g, b = (int(COLORS[kind][i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) pixels of an 8-bit non-interlaced PNG (what Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and color in (2, 6) and interlace == 0
    bpp = 3 if color == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if bpp == 3 else bytes(v for j in range(0, stride, 4) for v in line[j:j + 3]))
        prev = line
    return width, height, rows


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_chromium_renders_visible_highlights(tmp_path: Path) -> None:
    doc = make_document()
    boxes = _rendered_boxes(tmp_path, doc, "doc.html")
    types = {b["type"] for b in boxes}
    assert {"person", "organisation", "project", "date", "amount", "section"} <= types
    for box in boxes:
        assert box["w"] > 10 and box["h"] > 8, box
        assert 0 <= box["x"] < 1100 and box["vis"] == "visible" and box["disp"] != "none", box
        assert box["top"], f"covered by something else: {box}"
        if box["type"] != "section":
            assert box["bg"] == _rgb(box["type"]), box

    shot = tmp_path / "shot.png"
    # Plain page (no probe script) for the screenshot.
    page = tmp_path / "doc.html"
    save_html(doc, page)
    result = _chromium(tmp_path, f"--screenshot={shot}", page.as_uri())
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    width, height, rows = _png_pixels(shot)
    assert (width, height) == (1100, 1000)
    for kind, color in COLORS.items():
        rgb = bytes(int(color[i:i + 2], 16) for i in (1, 3, 5))
        pixels = sum(row[i:i + 3] == rgb for row in rows for i in range(0, len(row), 3))
        assert pixels > 300, f"{kind} highlight ({color}) hardly visible: {pixels} pixels"



# -- long documents, languages, pages ------------------------------------------------------------

TYPES = {"person", "organisation", "project", "date", "amount", "deadline", "decision"}


@pytest.fixture(scope="module")
def long_doc() -> Document:
    """A 30-page protocol (about 60,000 characters) of our own, parsed by the rules."""
    import kdextract
    from kdextract.testing.protocols import protocol

    text = protocol(30, paragraphs=90)
    assert 55_000 < len(text) < 70_000
    return kdextract.parse(text, doc_id="protokoll_30_sidor.txt", ner=False)


def _plain(html: str) -> str:
    inner = re.sub(r'<span class="kd-label"[^>]*>[^<]*</span>', "", html)
    return html_module.unescape(re.sub(r"<[^>]+>", "", inner))


def test_long_document_view_is_compact_and_shows_every_type(long_doc: Document) -> None:
    html = visualize(long_doc)
    assert len(html.encode("utf-8")) < 250_000
    p = _parsed(html)
    assert not p.stack and {kind for kind, _ in p.marks} == TYPES
    assert 'class="kd-section"' in html and 'class="kd-gap"' in html
    note = re.search(r'<div class="kd-note">(.*?)</div>', html)
    assert note and note.group(1).startswith("Utdrag: ") and "visualize(doc, page=1)" in note.group(1)
    body = re.search(r'<div class="kd-text"[^>]*>(.*?)</div><details', html, re.DOTALL)
    assert body and 15_000 < len(_plain(re.sub(r'<div class="kd-(gap|where)">.*?</div>', "", body.group(1)))) <= 20_000
    # Every table is capped, and says how many rows it leaves out.
    assert html.count("<tr>") <= 7 * 27 and "… 65 till" in html  # 90 decisions
    assert len(visualize(long_doc, max_chars=None).encode("utf-8")) > len(html.encode("utf-8"))


def test_pages_cover_the_text_once(long_doc: Document) -> None:
    texts = []
    page = 1
    while True:
        html = visualize(long_doc, page=page, summary=False)
        body = re.search(r'<div class="kd-text"[^>]*>(.*?)</div></div>$', html, re.DOTALL)
        assert body
        texts.append(_plain(body.group(1)))
        if "visualize(doc, page=" not in html:
            break
        page += 1
    assert page == 4 and "".join(texts) == long_doc.text
    with pytest.raises(ValueError, match="page must be a number between 1 and 4"):
        visualize(long_doc, page=5)


def test_english_labels_are_english_and_swedish_swedish() -> None:
    doc = make_document()
    en, sv = visualize(doc, lang="en"), visualize(doc)
    for word in ("DEADLINE", "DECISION", "AMOUNT", "HEADING", "Summary", "Deadlines", "Kind:", "<td>due</td>"):
        assert word in en and word not in sv, word
    for word in ("TIDSGRÄNS", "BESLUT", "BELOPP", "RUBRIK", "Sammanfattning", "Tidsgränser", "Typ:", "<td>senast</td>"):
        assert word in sv and word not in en, word
    assert "12,500,000" in en and 'lang="en"' in en
    with pytest.raises(ValueError, match="lang must be one of"):
        visualize(doc, lang="de")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_chromium_renders_every_type_in_a_long_document(tmp_path: Path, long_doc: Document) -> None:
    boxes = _rendered_boxes(tmp_path, long_doc, "long.html")
    assert {b["type"] for b in boxes} == TYPES | {"section"}
    for box in boxes:
        assert box["w"] > 5 and box["h"] > 8 and box["vis"] == "visible" and box["disp"] != "none", box
        if box["type"] != "section":
            assert box["bg"] == _rgb(box["type"]), box


def test_the_meeting_and_its_attendance_are_shown() -> None:
    from protocol_fixtures import line_broken

    import kdextract
    from kdextract.output.html import visualize

    html = visualize(kdextract.parse(line_broken(), ner=False))
    assert 'class="kd-meeting"' in html and "Närvaro" in html
    assert "Arvid Lönn" in html and "tjänstgörande ersättare" in html and "Ronja Fält" in html
