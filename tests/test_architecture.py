"""The package's floors: every import points down, never up (design/ARCHITECTURE.md).

    lang      what Chinese economic text is made of     imports nothing else of the package
    schema    the fact and document columns              imports nothing else of the package
    engine    one text in, facts out                     lang, schema
    io        bytes and files in, tables out             lang, schema
    pipeline  one document end to end                    engine, io, lang, schema
    store     the embedded corpus                        pipeline and below
    corpus    the corpus's queries, as DataFrames        store and below
    batch     many documents, local or on a cluster      store, pipeline and below
    app       pure functions behind the dashboard        corpus, store, pipeline and below
    cli       argument parsing                           anything

Imports of the package's own modules sit at the top of a module, where a reader sees them; only
third-party libraries that are slow to load or optional may be imported inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "indicators"

BELOW = {
    "lang": set(),
    "schema": set(),
    "engine": {"lang", "schema"},
    "io": {"lang", "schema"},
    "pipeline": {"engine", "io", "lang", "schema"},
    "store": {"pipeline", "engine", "io", "lang", "schema"},
    "corpus": {"store", "pipeline", "engine", "io", "lang", "schema"},
    "batch": {"store", "pipeline", "engine", "io", "lang", "schema"},
    "app": {"corpus", "store", "pipeline", "engine", "io", "lang", "schema"},
    "cli": {"batch", "app", "corpus", "store", "pipeline", "engine", "io", "lang", "schema"},
    "__init__": {"engine", "pipeline", "schema", "lang", "io", "store"},
    "__main__": {"cli"},
}


def _floor(module: Path) -> str:
    parts = module.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _imported_floors(module: Path, root: Path = ROOT) -> list[tuple[int, str, bool]]:
    """(line, floor of the package imported, whether the import sits inside a function)."""
    tree = ast.parse(module.read_text("utf-8"))
    package_parts = module.relative_to(root).with_suffix("").parts[:-1]    # ('indicators', 'engine')
    nested: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            nested.update(id(n) for n in ast.walk(node) if n is not node)
    found = []
    for node in ast.walk(tree):
        targets: list[tuple[str, ...]] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_parts[: len(package_parts) - node.level + 1]
                mod = (*base, *(node.module.split(".") if node.module else ()))
                if node.module is None:                                    # from . import x
                    targets = [(*mod, alias.name) for alias in node.names]
                else:
                    targets = [mod]
            elif node.module and node.module.split(".")[0] == "indicators":
                targets = [tuple(node.module.split("."))]
        elif isinstance(node, ast.Import):
            targets = [tuple(a.name.split(".")) for a in node.names if a.name.split(".")[0] == "indicators"]
        for target in targets:
            if len(target) >= 2 and target[0] == "indicators":
                found.append((node.lineno, target[1], id(node) in nested))
            elif target == ("indicators",):
                found.append((node.lineno, "__init__", id(node) in nested))
    return found


@pytest.mark.parametrize("module", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(module):
    floor = _floor(module)
    assert floor in BELOW, f"{module}: unknown floor {floor!r}; add it to the table above"
    for line, target, _nested in _imported_floors(module):
        if target == floor:
            continue
        assert target in BELOW[floor], f"{module.relative_to(ROOT)}:{line}: {floor} imports {target}, a floor above it"


@pytest.mark.parametrize("module", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_package_imports_sit_at_the_top(module):
    hidden = [line for line, _target, nested in _imported_floors(module) if nested]
    assert not hidden, f"{module.relative_to(ROOT)}: package imports inside functions at lines {hidden}"


@pytest.mark.parametrize("module", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_package_never_imports_streamlit(module):
    tree = ast.parse(module.read_text("utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not any(n.split(".")[0] == "streamlit" for n in names), module


def test_the_checker_sees_an_upward_and_a_hidden_import(tmp_path):
    fake = tmp_path / "indicators" / "engine"
    fake.mkdir(parents=True)
    bad = fake / "bad.py"
    bad.write_text("from ..pipeline import extract_file\n\ndef f():\n    from ..lang import numbers\n")
    found = _imported_floors(bad, root=tmp_path)
    assert (1, "pipeline", False) in found
    assert (4, "lang", True) in found
    assert "pipeline" not in BELOW["engine"]
