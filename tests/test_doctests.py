"""The examples in docstrings run: every module of the package that has some."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kdextract

MODULES = [m.name for m in pkgutil.walk_packages(kdextract.__path__, "kdextract.")
           if not m.name.endswith("__main__")]


def _examples(name: str) -> int:
    try:
        module = importlib.import_module(name)
    except ImportError:  # an optional extra that is not installed
        return 0
    return sum(len(t.examples) for t in doctest.DocTestFinder().find(module))


WITH_EXAMPLES = ["kdextract", *(name for name in MODULES if _examples(name))]


def test_the_usual_modules_have_examples() -> None:
    assert {"kdextract.parsers.numbers", "kdextract.text.view", "kdextract.parsers.timex", "kdextract.output.queries",
            "kdextract.parsers.dates", "kdextract.output.highlights", "kdextract.output.html", "kdextract.output.labels",
            "kdextract.testing.protocols"} <= set(WITH_EXAMPLES)


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
