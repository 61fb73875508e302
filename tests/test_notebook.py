"""The notebook extra: examples/explore.ipynb runs top to bottom, and the deadline timeline."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

import kdextract
from kdextract.models import Deadline, Document, Source
from kdextract.output.tables import MissingExtraError
from kdextract.output.timeline import deadline_rows, plot_deadlines

try:
    from test_tables import make_document
except ImportError:  # tests collected as a package
    from tests.test_tables import make_document

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "explore.ipynb"


def _parse_problem() -> str | None:
    try:
        kdextract.parse("Kommunstyrelsen beslutar den 26 augusti 2029.")
    except Exception as exc:  # noqa: BLE001 - the pipeline or the NER model is not there
        return f"{type(exc).__name__}: {exc}"
    return None


@pytest.mark.slow
def test_notebook_executes(monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    problem = _parse_problem()
    if problem:
        pytest.skip(f"kdextract.parse cannot run here: {problem}")
    # The kernel is a new process: it must find this checkout's kdextract and draw without a display.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert 'class="kdextract-vis"' in html and "kd-ent" in html
    assert any("image/png" in o.get("data", {}) for o in outputs), "no timeline image"


def test_committed_notebook_is_executed_and_clean() -> None:
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    if not any(c.outputs for c in code):
        pytest.skip("the example notebook has not been executed yet")
    assert all(c.execution_count for c in code), "run every cell, in order"
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]


# -- the timeline ---------------------------------------------------------------------------------

def _with_deadlines(doc_id: str, *values: tuple[str, str]) -> Document:
    rule = Source(method="rule", name="r")
    text = "x" * 20
    return Document(id=doc_id, text=text, deadlines=[
        Deadline(id=f"dl-{i}", text="x", start=0, end=1, value=v, what=f"sak {i}", kind=k, source=rule)  # type: ignore[arg-type]
        for i, (v, k) in enumerate(values, 1)])


def test_deadline_rows() -> None:
    docs = [make_document("a.txt"), _with_deadlines("b.txt", ("2024-H2", "planned"), ("XXXX-WE", "due"))]
    rows = deadline_rows(docs)
    assert [(r["doc_id"], r["first"], r["last"], r["kind"]) for r in rows] == [
        ("a.txt", dt.date(2024, 4, 30), dt.date(2024, 4, 30), "due"),
        ("b.txt", dt.date(2024, 7, 1), dt.date(2024, 12, 31), "planned"),
    ]


def test_plot_deadlines() -> None:
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    docs = [make_document("a.txt"), _with_deadlines("b.txt", ("2024-H2", "planned"), ("2024-06-01", "meeting")),
            Document(id="c.txt", text="")]
    ax = plot_deadlines(docs)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a.txt", "b.txt", "c.txt"]
    labels = {t.get_text() for t in ax.texts}
    assert {"Förstudien", "sak 1", "sak 2"} <= labels
    lo, hi = ax.get_xlim()
    assert lo < mdates.date2num(dt.date(2024, 4, 30)) and hi > mdates.date2num(dt.date(2024, 12, 31))
    assert {t.get_text() for t in ax.get_legend().get_texts()} == {"senast", "planerat", "möte"}
    assert ax.get_title() == "Tidsgränser"
    english = plot_deadlines(docs, lang="en", annotate=False)
    assert {t.get_text() for t in english.get_legend().get_texts()} == {"due", "planned", "meeting"}
    assert english.get_title() == "Deadlines"
    _fig, own = plt.subplots()
    assert plot_deadlines(Document(text=""), ax=own, title=None) is own  # nothing to draw: a note, no error
    assert any("inga daterade" in t.get_text() for t in own.texts)
    plt.close("all")


def test_plot_without_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match=r"kdextract\[notebook\]"):
        plot_deadlines(make_document())
