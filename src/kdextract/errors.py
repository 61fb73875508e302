"""Errors raised by kdextract. Every one says what went wrong and what to do about it."""

from __future__ import annotations


class KdextractError(Exception):
    """Base class of every error kdextract raises on purpose."""


class InputError(KdextractError, ValueError):
    """The input cannot be read as a document (binary, undecodable, too large, unknown type)."""


class ArgumentError(KdextractError, ValueError, TypeError):
    """A function got an argument it cannot use; the message names the argument and what it takes."""


class ModelNotFoundError(KdextractError):
    """The shipped NER model is missing from the installation."""


class EngineUnavailableError(KdextractError):
    """An optional NER backend (stanza) or its local models are not installed."""


class InternalError(KdextractError):
    """A bug in kdextract: an unexpected failure while parsing an input it should have handled.

    The message names the input and the original error (kept as ``__cause__``); please report it
    with the input, or a shortened input that still fails.
    """
