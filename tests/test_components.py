"""spaCy components: ``nlp.add_pipe("kdextract_sections")`` / ``"kdextract_records"``."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

import kdextract
from kdextract import spacy_components as components

SRC = Path(__file__).resolve().parents[1] / "src"
TEXT = (
    "Exempelby kommun\nKommunstyrelsen\n\n"
    "Kommundirektörens rapport\n\n"
    "## Ny **simhall**\n\n"
    "Anna Svensson redovisar projektet. Budgeten är 12,5 mnkr och arbetet ska vara klart den 30 april 2024.\n\n"
    "## Ekonomi\n\n"
    "Kommunstyrelsen beslutar att godkänna rapporten.\n"
)
ENTRY_POINTS = """\
[spacy_factories]
kdextract_sections = kdextract.spacy_components:make_sections
kdextract_records = kdextract.spacy_components:make_records
"""


def test_sections_component_puts_sections_on_the_doc() -> None:
    nlp = spacy.blank("sv")
    nlp.add_pipe("kdextract_sections")
    doc = nlp(TEXT)
    sections = doc._.kd_sections
    assert [s.title for s in sections if s.level == 1] == ["Ny simhall", "Ekonomi"]
    # Offsets are into doc.text (the markdown marks are in the input, not in the titles).
    first = sections[0]
    assert doc.text[first.title_start:first.title_end].startswith("Ny **simhall")
    assert [s.text.strip("*") for s in doc.spans["kd_section_titles"]] == ["Ny **simhall", "Ekonomi"]
    assert all(s.label_ == sec.category for s, sec in zip(doc.spans["kd_sections"], sections))
    token = next(t for t in doc if t.text == "Budgeten")
    assert token._.kd_section.title == "Ny simhall"
    assert doc[0]._.kd_section is None
    # The same sections kdextract's own text layer finds (when parse is available).
    try:
        parsed = kdextract.parse(TEXT, ner=False)
    except Exception:  # noqa: BLE001 - any failure means "not available yet"
        return
    assert [(s.title, s.start, s.end) for s in parsed.sections] == [(s.title, s.start, s.end) for s in sections]


def test_config_and_serialisation(tmp_path: Path) -> None:
    nlp = spacy.blank("sv")
    nlp.add_pipe("kdextract_sections", config={"spans_key": "avsnitt"})
    assert nlp.config["components"]["kdextract_sections"]["spans_key"] == "avsnitt"
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    doc = loaded(TEXT)
    assert len(doc.spans["avsnitt"]) == 2 and len(doc._.kd_sections) == 2


@pytest.mark.slow
def test_factories_load_through_entry_points_without_importing_kdextract(tmp_path: Path) -> None:
    """A distribution advertising the entry points (what pyproject declares) is enough for add_pipe."""
    dist = tmp_path / "kdextract_entry_points-0.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: kdextract-entry-points\nVersion: 0.0\n")
    (dist / "entry_points.txt").write_text(ENTRY_POINTS)
    script = textwrap.dedent("""
        import sys, spacy
        assert not any(m == "kdextract" or m.startswith("kdextract.") for m in sys.modules), "imported early"
        nlp = spacy.blank("sv")
        nlp.add_pipe("kdextract_sections")
        doc = nlp("Rubrik ett\\n\\nText om något.\\n\\nRubrik två\\n\\nMer text om annat.\\n")
        print(type(doc._.kd_sections).__name__, "kdextract_records" in spacy.registry.factories)
    """)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), str(SRC)]))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                            check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split() == ["list", "True"]


def test_installed_distribution_declares_the_entry_points() -> None:
    try:
        dist = metadata.distribution("kdextract")
    except metadata.PackageNotFoundError:
        pytest.skip("kdextract is not installed as a distribution (pip install -e .)")
    names = {ep.name: ep.value for ep in dist.entry_points if ep.group == "spacy_factories"}
    if not names:
        pytest.skip("pyproject.toml does not declare [project.entry-points.spacy_factories] yet")
    assert names == {"kdextract_sections": "kdextract.spacy_components:make_sections",
                     "kdextract_records": "kdextract.spacy_components:make_records"}


def test_importing_the_module_stays_light() -> None:
    script = ("import sys; import kdextract.spacy_components; "
              "print(sorted(m for m in ('pandas', 'matplotlib', 'kdextract.pipeline') if m in sys.modules))")
    env = dict(os.environ, PYTHONPATH=str(SRC))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


def test_records_component() -> None:
    try:
        kdextract.parse("Hej", ner=False)
    except Exception as exc:  # noqa: BLE001  # pragma: no cover - until the pipeline is complete
        pytest.skip(f"kdextract.parse is not available: {exc}")
    nlp = spacy.blank("sv")
    nlp.add_pipe("kdextract_records")
    doc = nlp(TEXT)
    document = doc._.kd_document
    assert isinstance(document, kdextract.Document) and document.text == doc.text
    assert document == kdextract.parse(TEXT, ner=False)
    assert [a.text for a in document.amounts] == ["12,5 mnkr"]
    assert [s.title for s in doc._.kd_sections] == [s.title for s in document.sections]
    assert components.RecordsComponent(ner=False).parse("Kostnad 5 000 kr.").amounts[0].value == 5000
