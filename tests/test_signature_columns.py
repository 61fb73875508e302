"""The one reading of signers side by side over their titles (``layout.signature_rows.column_pairs``), which both
``signer_pairs`` and the author reader use."""

from __future__ import annotations

from kdextract.layout.signature_rows import column_pairs


def _lines(text: str) -> tuple[tuple[int, int], tuple[int, int]]:
    cut = text.index("\n")
    return (0, cut), (cut + 1, len(text))


def test_columns_pair_name_with_title() -> None:
    text = "Anna Berg        Olof Lund\nKommunsekreterare        Ordförande"
    names, titles = _lines(text)
    assert [(text[a:b], text[c:d]) for (a, b), (c, d) in column_pairs(text, names, titles)] == [
        ("Anna Berg", "Kommunsekreterare"), ("Olof Lund", "Ordförande")]


def test_uneven_columns_pair_nothing_unless_one_name_takes_the_whole_line() -> None:
    text = "Anna Berg\nNämndsekreterare      Ekby kommun"
    names, titles = _lines(text)
    assert column_pairs(text, names, titles) == []
    assert [(text[a:b], text[c:d]) for (a, b), (c, d) in column_pairs(text, names, titles, whole_under_one=True)] == [
        ("Anna Berg", "Nämndsekreterare      Ekby kommun")]
