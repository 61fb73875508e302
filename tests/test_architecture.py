"""The package's layers: data flows one way, and every import points down the stack.

readers/text -> layout -> parsers -> nlp -> records -> pipeline -> api -> output -> cli.
A module may import its own layer and the layers below it, never one above; the public
models, errors and resources import nothing of kdextract at all.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "kdextract"

#: Package or module (dotted, below ``kdextract``) -> layer; lower layers never import higher ones.
LAYERS: dict[str, int] = {
    "errors": 0, "fields_set": 0, "models": 0, "pattern_cache": 0, "resources": 0, "version": 0,
    "text": 1, "readers": 1,
    "layout": 2,
    "parsers": 3,
    "nlp": 4,
    "records": 5,
    "pipeline": 6,
    "api": 7, "batch": 7, "batch_progress": 7, "spacy_components": 7,
    "output": 8, "dask": 8,
    "cli": 9, "testing": 9, "__main__": 9, "__init__": 9,
}
LEAVES = ("errors", "fields_set", "models", "pattern_cache", "resources", "version")
MAX_LINES = 400


def _modules() -> list[tuple[str, Path]]:
    return [(".".join(p.relative_to(SRC).with_suffix("").parts), p) for p in sorted(SRC.rglob("*.py"))]


def _layer(dotted: str) -> int:
    top = dotted.split(".")[0]
    if top not in LAYERS:
        raise AssertionError(f"kdextract.{dotted} is in no layer: add its package to LAYERS")
    return LAYERS[top]


def _imports(path: Path, dotted: str) -> list[tuple[int, str]]:
    """(line, module below ``kdextract``) of every import of the package, at any depth."""
    found: list[tuple[int, str]] = []
    package = dotted.split(".")[:-1] if path.name != "__init__.py" else dotted.split(".")
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name[len("kdextract."):]) for a in node.names if a.name.startswith("kdextract.")]
            found += [(node.lineno, "__init__") for a in node.names if a.name == "kdextract"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1] if node.level > 1 else package
                target = ".".join([*base, node.module] if node.module else base)
            elif node.module and node.module.startswith("kdextract"):
                target = node.module[len("kdextract."):] if node.module != "kdextract" else ""
            else:
                continue
            if target:
                found.append((node.lineno, target))
            else:  # "from kdextract import x": a submodule, or a name of the package facade
                found += [(node.lineno, a.name if (SRC / a.name).exists() or (SRC / f"{a.name}.py").exists()
                           else "__init__") for a in node.names]
    return found


@pytest.mark.parametrize("dotted, path", _modules(), ids=lambda v: str(v) if isinstance(v, str) else "")
def test_imports_point_down(dotted: str, path: Path) -> None:
    own = _layer(dotted) if dotted != "__init__" else LAYERS["__init__"]
    leaf = dotted.split(".")[0] in LEAVES
    for line, target in _imports(path, dotted):
        if leaf and target.split(".")[0] not in LEAVES:
            pytest.fail(f"{path.name}:{line} imports kdextract.{target}, but {dotted} may import only other leaves")
        assert _layer(target) <= own, (
            f"{path.relative_to(SRC)}:{line} imports kdextract.{target} (layer {_layer(target)}) "
            f"from layer {own}: move the code down, or pass it in")


def test_models_import_only_leaves() -> None:
    assert [t for _, t in _imports(SRC / "models.py", "models")] == ["fields_set"]  # a leaf too


def test_the_walker_sees_upward_imports(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from kdextract.output.tables import to_records\n    import kdextract.api\n")
    assert [t for _, t in _imports(bad, "text.bad")] == ["output.tables", "api"]


@pytest.mark.parametrize("dotted, path", _modules(), ids=lambda v: str(v) if isinstance(v, str) else "")
def test_modules_are_small(dotted: str, path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(SRC)} has {lines} lines: split it by what its parts do"
