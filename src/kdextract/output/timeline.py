"""A timeline of deadlines across documents (matplotlib, imported only when plotting)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kdextract.models import Document
from kdextract.output.labels import Labels
from kdextract.output.tables import require
from kdextract.parsers.timex import bounds

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["deadline_rows", "plot_deadlines"]

_KIND_STYLE: dict[str, tuple[str, str]] = {  # kind -> (marker, colour)
    "due": ("o", "#d62728"),
    "planned": ("s", "#1f77b4"),
    "expires": ("X", "#9467bd"),
    "starts": (">", "#2ca02c"),
    "ends": ("<", "#8c564b"),
    "meeting": ("D", "#ff7f0e"),
    "other": ("o", "#7f7f7f"),
}


def deadline_rows(docs: Document | Iterable[Document]) -> list[dict[str, Any]]:
    """The deadlines that can be placed in time: doc_id, doc index, first/last day, kind, what, value."""
    documents = [docs] if isinstance(docs, Document) else list(docs)
    rows: list[dict[str, Any]] = []
    for n, doc in enumerate(documents):
        for deadline in doc.deadlines:
            span = (deadline.day, deadline.day) if deadline.day else bounds(deadline.value)
            if span is None:
                continue
            rows.append({"doc": n, "doc_id": doc.id or f"dokument {n + 1}", "first": span[0], "last": span[1],
                         "kind": deadline.kind, "what": deadline.what, "value": deadline.value,
                         "id": deadline.id})
    return rows


def _label(text: str, width: int = 38) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


_LANES = (7, -15, 19, -27)  # label offsets in points above/below a row: up to four labels side by side


def _place_labels(ax: Axes, labels: list[tuple[float, float, str]], fontsize: float = 8) -> None:
    """Label the markers, moving a label to another lane where it would run into its neighbour's
    (and leaving it out where every lane is taken)."""
    lo, hi = ax.get_xlim()
    fig: Any = ax.figure
    fig = getattr(fig, "figure", None) or fig  # the root Figure, also for an Axes on a SubFigure
    width_pt = ax.get_position().width * fig.get_size_inches()[0] * 72
    # x units per character, generously: tight_layout may still narrow the axes.
    per_char = (hi - lo) / max(width_pt * 0.75, 1.0) * fontsize * 0.6
    ends: dict[tuple[float, int], float] = {}
    for x, y, text in sorted(labels):
        lane = next((k for k in range(len(_LANES)) if ends.get((y, k), -float("inf")) < x), None)
        if lane is None:
            continue  # no room: an unreadable pile of labels helps nobody (deadline_rows has them all)
        ends[(y, lane)] = x + per_char * (len(text) + 2)
        ax.annotate(text, (x, y), xytext=(3, _LANES[lane]), textcoords="offset points", fontsize=fontsize,
                    color="#333", va="center")


def plot_deadlines(docs: Document | Iterable[Document], ax: Axes | None = None, *, annotate: bool = True,
                   title: str | None = "", lang: str = "sv") -> Axes:
    """Plot every deadline of ``docs`` on a time axis, one row per document; return the Axes.

    Day deadlines are markers (shape and colour by kind: due, planned, expires, ...);
    coarser ones (a month, a half-year, a range) are bars over the period they cover.
    With ``annotate`` each is labelled with what is due, as far as the labels fit side by
    side (``deadline_rows`` lists them all). The title (by default "Tidsgränser"; None for
    none), the kinds in the legend and the other words are Swedish, or English with
    ``lang="en"``. Needs matplotlib
    (``pip install 'kdextract[notebook]'``).
    """
    words = Labels.of(lang)
    require("matplotlib", "kdextract.output.timeline.plot_deadlines")
    import matplotlib.dates
    from matplotlib.lines import Line2D

    mdates: Any = matplotlib.dates  # partly untyped
    documents = [docs] if isinstance(docs, Document) else list(docs)
    rows = deadline_rows(documents)
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(11, 1.4 + 0.9 * max(1, len(documents))))
    kinds_seen: dict[str, None] = {}
    labels: list[tuple[float, float, str]] = []  # (x, y, text), placed once the x range is known
    for row in rows:
        marker, color = _KIND_STYLE.get(row["kind"], _KIND_STYLE["other"])
        kinds_seen[row["kind"]] = None
        y = row["doc"]
        first, last = mdates.date2num(row["first"]), mdates.date2num(row["last"] + dt.timedelta(days=1))
        if row["last"] > row["first"]:
            ax.broken_barh([(first, last - first)], (y - 0.15, 0.3), facecolors=color, alpha=0.35)
            x = first
        else:
            x = mdates.date2num(row["first"])
            ax.plot([x], [y], marker=marker, color=color, markersize=8, linestyle="none")
        if annotate:
            labels.append((x, y, _label(row["what"])))
    ax.set_yticks(range(len(documents)), [d.id or f"{words.words['document']} {n + 1}"
                                          for n, d in enumerate(documents)])
    ax.set_ylim(-0.7, len(documents) - 0.3)
    ax.invert_yaxis()
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if rows:
        lo = min(r["first"] for r in rows) - dt.timedelta(days=20)
        hi = max(r["last"] for r in rows) + dt.timedelta(days=60)
        ax.set_xlim(mdates.date2num(lo), mdates.date2num(hi))
    else:
        ax.text(0.5, 0.5, words.words["no_deadlines"], transform=ax.transAxes, ha="center", va="center",
                color="#888")
    if labels:
        _place_labels(ax, labels)
    ax.grid(axis="x", alpha=0.3)
    if kinds_seen:
        handles = [Line2D([], [], marker=_KIND_STYLE.get(k, _KIND_STYLE["other"])[0], linestyle="none",
                          color=_KIND_STYLE.get(k, _KIND_STYLE["other"])[1], label=words.value(k)) for k in kinds_seen]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    if title is not None:
        ax.set_title(title or words.titles["deadlines"])
    return ax
