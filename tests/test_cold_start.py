"""The cyclic garbage collector is paused only for the steps of a process's first document, and always put back."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import kdextract
from kdextract import pipeline
from kdextract.pipeline import _ColdStart


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_a_cold_step_pauses_the_collector_and_puts_it_back(collector: None) -> None:
    gc.enable()
    start = _ColdStart()
    with start.paused():
        assert not gc.isenabled()
        with start.paused():  # a nested (or another thread's) step
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_warm_step_leaves_the_collector_alone(collector: None) -> None:
    gc.enable()
    start = _ColdStart()
    start.cold = False
    with start.paused():
        assert gc.isenabled()


def test_a_failing_step_puts_the_collector_back(collector: None) -> None:
    gc.enable()
    start = _ColdStart()
    with pytest.raises(ZeroDivisionError), start.paused():
        1 / 0
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled(collector: None) -> None:
    gc.disable()
    start = _ColdStart()
    with start.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_parsing_leaves_the_collector_as_it_was(collector: None, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Kommunstyrelsen\n\nBudget 2024\n\nRamen är 2,5 mnkr och beslutet fattades den 3 maj 2024."
    for enabled in (True, False):
        monkeypatch.setattr(pipeline, "_COLD_START", start := _ColdStart())  # as in a new process
        (gc.enable if enabled else gc.disable)()
        assert kdextract.parse(text, ner=False).amounts
        assert gc.isenabled() is enabled
        assert not start.cold


def test_documents_yielded_by_parse_many_run_with_the_collector_on(collector: None,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_COLD_START", _ColdStart())  # as in a new process
    gc.enable()
    for doc in kdextract.parse_many(["Kommunstyrelsen\n\nEtt kort protokoll.", "", "Budget 2025\n\nRamen är 3 mnkr."],
                                    batch_size=3):
        assert gc.isenabled(), doc.id  # the caller's code between documents never runs paused


def test_what_the_first_document_loaded_is_frozen_once(collector: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_COLD_START", start := _ColdStart())  # as in a new process
    gc.unfreeze()
    try:
        kdextract.parse("Kommunstyrelsen\n\nBudget 2024\n\nRamen är 2,5 mnkr.", ner=False)
        frozen = gc.get_freeze_count()
        assert frozen > 0 and not start.cold
        kdextract.parse("Budget 2025\n\nRamen är 3 mnkr.", ner=False)
        assert gc.get_freeze_count() == frozen  # later documents freeze nothing
    finally:
        gc.unfreeze()


def test_a_warm_step_of_a_long_document_pauses_the_collector_and_puts_it_back(collector: None) -> None:
    gc.enable()
    start = _ColdStart()
    start.cold = False
    with start.paused(long=True):
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_long_document_is_parsed_with_the_collector_paused(collector: None,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    finish = pipeline._finish
    monkeypatch.setattr(pipeline, "_finish", lambda started: seen.append(gc.isenabled()) or finish(started))
    monkeypatch.setattr(pipeline, "_COLD_START", start := _ColdStart())
    start.cold = False  # a warm process
    gc.enable()
    para = "Ramen för projektet är 2,5 mnkr och beslutet fattades den 3 maj 2024.\n\n"
    kdextract.parse("Kommunstyrelsen\n\n" + para, ner=False)
    kdextract.parse("Kommunstyrelsen\n\n" + para * (pipeline.LONG_TEXT // len(para) + 1), ner=False)
    assert seen == [True, False]  # a short document's steps run with the collector on, a long one's paused
    assert gc.isenabled()
