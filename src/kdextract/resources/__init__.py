"""Language data (rules, word lists, gazetteers) as versioned files under ``resources/<lang>/``.

Every rule file has one header style and a schema:

* a JSON rule file starts with ``"version"`` (an int) and ``"description"`` (what the file holds
  and where new entries go); the rest is checked by the pydantic ``Rules`` subclass declared for
  it (``class DecisionRules(Rules, file="decisions.json")``): unknown keys are rejected, and
  every field typed ``Pattern`` must compile (``load_rules`` leaves that out: the integrity
  test compiles the shipped files' patterns, and the code compiles each where it uses it);
* a word list (``.txt``) starts with ``# version: N`` and ``#`` comment lines that say what
  it lists and in which format; then one entry per line (blank lines and ``#`` lines skipped).

``load_rules`` reads, validates and caches a rule file; ``load_lines`` a word list. The
integrity test (tests/test_resources.py) loads every file through its schema.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Annotated, Any, ClassVar, TypeVar

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationInfo

from kdextract.pattern_cache import compile_now

R = TypeVar("R", bound="Rules")


#: Validation context of the package's own files: their patterns are not compiled twice.
SHIPPED = {"shipped": True}


def _compiles(pattern: str, info: ValidationInfo) -> str:
    if info.context is SHIPPED:
        return pattern
    try:
        compile_now(pattern)
    except regex.error:
        try:
            compile_now(pattern, regex.V1)
        except regex.error as exc:
            raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from None
    return pattern


#: A regular expression (``regex`` module syntax) kept as text; loading a rule file checks that it compiles.
Pattern = Annotated[str, AfterValidator(_compiles)]


class Rules(BaseModel):
    """Base of the schema of a JSON rule file: ``version``, ``description``, nothing unknown."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: rule file name -> its schema, for every ``Rules`` subclass declared with ``file=...``.
    declared: ClassVar[dict[str, type[Rules]]] = {}
    file: ClassVar[str] = ""

    version: int
    description: str

    def __init_subclass__(cls, file: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if file:
            if file in Rules.declared and Rules.declared[file].__qualname__ != cls.__qualname__:
                raise ValueError(f"two schemas for {file}: {Rules.declared[file].__qualname__} and {cls.__qualname__}")
            cls.file = file
            Rules.declared[file] = cls

    @classmethod
    def load(cls: type[R], lang: str = "sv") -> R:
        """This schema's rule file, validated (cached)."""
        return load_rules(cls.file, cls, lang)


class Part(BaseModel):
    """A part of a rule file that carries its own ``description`` beside its entries."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""


class WordList(Part):
    """A described list of words."""

    words: list[str]


def read_text(name: str, lang: str = "sv") -> str:
    """The text of ``resources/<lang>/<name>``."""
    return resources.files(__name__).joinpath(lang, name).read_text(encoding="utf-8")


def load_rules(name: str, schema: type[R], lang: str = "sv") -> R:
    """The rule file ``resources/<lang>/<name>``, validated by ``schema`` (cached; read-only)."""
    rules = _validated(name, schema, lang)
    assert isinstance(rules, schema)
    return rules


@cache
def _validated(name: str, schema: type[Rules], lang: str) -> Rules:
    return schema.model_validate_json(read_text(name, lang), context=SHIPPED)


@cache
def load_lines(name: str, lang: str = "sv") -> tuple[str, ...]:
    """The entries of a word list: its non-empty lines that are not ``#`` comments."""
    text = read_text(name, lang)
    if not text.startswith("# version: "):
        raise ValueError(f"word list {name} must start with a '# version: N' line")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))

