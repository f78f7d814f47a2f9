"""The package's folders are its data flow: no module imports a layer above its own, and no import cycles.

Layers, lowest first (a module may import its own folder and any lower layer):

    0  models, errors, _version   the wire contract and the exception tree
    1  text                       normalisation, names, paragraphs, word lists
    2  annotate, io               text → AnnotatedDocument; reading inputs, writing outputs
    3  extract, variants          AnnotatedDocument → Quote; quotes → groups and labels
    4  run                        paths → (article, quotes) with workers; aligning and verifying paths
    5  store, evaluate            the SQLite store and its search; scoring against gold
    6  report                     the HTML report, from files or a store
    7  cli                        parses, makes one library call, prints

``quotes/__init__.py`` is the public face and may import anything.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quotes"

LAYERS = {
    "models": 0, "errors": 0, "_version": 0,
    "text": 1,
    "annotate": 2, "io": 2,
    "extract": 3, "variants": 3,
    "run": 4,
    "store": 5, "evaluate": 5,
    "report": 6,
    "cli": 7,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_only(tree: ast.Module) -> set[int]:
    """Ids of the import nodes inside ``if TYPE_CHECKING:`` blocks (annotations only, never run)."""
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            ids |= {id(n) for child in node.body for n in ast.walk(child)}
    return ids


def _imports(path: Path) -> set[str]:
    """Every ``quotes.*`` module a file imports at run time, at any depth (lazy imports count too)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_only(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("quotes.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.startswith("quotes"):
            found.add(node.module)
    return found


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m != "quotes"))
def test_no_module_imports_a_layer_above_its_own(module: str) -> None:
    layer = _layer(module)
    assert layer in LAYERS, f"{module}: folder {layer!r} has no layer in tests/test_layers.py"
    above = sorted(
        imported for imported in _imports(MODULES[module])
        if imported != "quotes" and _layer(imported) != layer and LAYERS[_layer(imported)] >= LAYERS[layer]
    )
    assert above == [], f"{module} imports {above}, which are not below its layer {layer!r}"


def test_no_import_cycles() -> None:
    graph = {m: {i for i in _imports(p) if i in MODULES and i != m} for m, p in MODULES.items() if m != "quotes"}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(m: str, path: list[str]) -> bool:
        state[m] = 1
        for nxt in sorted(graph.get(m, ())):
            if nxt == "quotes" or nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycle.extend(path + [m, nxt])
                return True
            if state.get(nxt) is None and visit(nxt, path + [m]):
                return True
        state[m] = 2
        return False

    for module in sorted(graph):
        if state.get(module) is None and visit(module, []):
            break
    assert cycle == [], "import cycle: " + " → ".join(cycle)
