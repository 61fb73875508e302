"""kdextract.visualize: HTML content, escaping, and a real render in headless Chromium."""

from __future__ import annotations

import json
import re
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kdextract.models import Document, Person, Source
from kdextract.output.html import COLORS, save_html, visualize

try:
    from test_tables import make_document
except ImportError:  # tests collected as a package
    from tests.test_tables import make_document


class _Collect(HTMLParser):
    """Text inside each <mark> by its data-kd-type (labels left out), and whether every tag is closed in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self.scripts = 0
        self._mark: tuple[str, list[str]] | None = None
        self._in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.scripts += tag == "script"
        if tag == "mark":
            self._mark = (a.get("data-kd-type") or "", [])
        if tag == "span" and (self._in_label or a.get("class") == "kd-label"):
            self._in_label += 1
        if tag != "meta":
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()
        if tag == "span" and self._in_label:
            self._in_label -= 1
        elif tag == "mark" and self._mark:
            self.marks.append((self._mark[0], "".join(self._mark[1])))
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._mark is not None and not self._in_label:
            self._mark[1].append(data)


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
    assert sum(1 for t, _ in p.marks if t == "person") == 2  # every mention, not just the first
    for kind, color in COLORS.items():
        assert f"background:{color}" in html, kind
    assert 'class="kd-legend"' in html and "PERSON 1" in html and "BELOPP 1" in html


def test_section_titles_are_marked_with_their_numbers() -> None:
    html = visualize(make_document())
    assert re.search(r'<span class="kd-section" id="kd-sec-1"[^>]*>1\. Ny simhall<span class="kd-label"', html)
    assert 'data-kd-section="sec-2"' in html


def test_text_is_escaped_and_kept_whole() -> None:
    doc = make_document()
    html = visualize(doc)
    assert "<script>" not in html and _parsed(html).scripts == 0
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp;" in html
    # Removing the markup gives back the document text.
    text_div = re.search(r'<div class="kd-text"[^>]*>(.*?)</div><details', html, re.DOTALL)
    assert text_div
    plain = re.sub(r'<span class="kd-label"[^>]*>[^<]*</span>', "", text_div.group(1))
    plain = re.sub(r"<[^>]+>", "", plain)
    import html as html_module

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
    assert "Förstudien" in html and "12500000" in html
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
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
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
    page = tmp_path / "doc.html"
    page.write_text(visualize(doc, full_page=True).replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    probe = re.search(r'<pre id="kd-probe">(.*?)</pre>', result.stdout, re.DOTALL)
    assert probe, result.stdout[-2000:]
    import html as html_module

    boxes = json.loads(html_module.unescape(probe.group(1)))
    types = {b["type"] for b in boxes}
    assert {"person", "organisation", "project", "date", "amount", "section"} <= types
    for box in boxes:
        assert box["w"] > 10 and box["h"] > 8, box
        assert 0 <= box["x"] < 1100 and box["vis"] == "visible" and box["disp"] != "none", box
        assert box["top"], f"covered by something else: {box}"
        if box["type"] != "section":
            r, g, b = (int(COLORS[box["type"]][i:i + 2], 16) for i in (1, 3, 5))
            assert box["bg"] == f"rgb({r}, {g}, {b})", box

    shot = tmp_path / "shot.png"
    # Plain page (no probe script) for the screenshot.
    save_html(doc, page)
    result = _chromium(tmp_path, f"--screenshot={shot}", page.as_uri())
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    width, height, rows = _png_pixels(shot)
    assert (width, height) == (1100, 1000)
    for kind, color in COLORS.items():
        rgb = bytes(int(color[i:i + 2], 16) for i in (1, 3, 5))
        pixels = sum(row[i:i + 3] == rgb for row in rows for i in range(0, len(row), 3))
        assert pixels > 300, f"{kind} highlight ({color}) hardly visible: {pixels} pixels"



def test_the_meeting_and_its_attendance_are_shown() -> None:
    import kdextract
    from kdextract.output.html import visualize
    from protocol_fixtures import line_broken

    html = visualize(kdextract.parse(line_broken(), ner=False))
    assert 'class="kd-meeting"' in html and "Närvaro" in html
    assert "Arvid Lönn" in html and "serving_substitute" in html and "Ronja Fält" in html
