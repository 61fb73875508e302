"""The examples in docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "kdextract", "kdextract.api", "kdextract.parsers.numbers", "kdextract.text.view", "kdextract.text.normalize",
    "kdextract.text.sentences", "kdextract.output.queries", "kdextract.records.amounts", "kdextract.records.people",
    "kdextract.parsers.dates", "kdextract.parsers.spans", "kdextract.parsers.dates.fold",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
