"""The library's layers read top to bottom: each module imports only from its own layer or
the layers above it (README, "What is inside")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "cstokit"
LAYERS = [
    {
        "_data",
        "_dates",
        "_errors",
        "_text",
        "_strings_exercises",
        "_strings_scenes",
        "_strings_app",
        "_html",
    },
    {"_members", "_treaties", "_operations", "_sources", "_cases"},
    {
        "_maps",
        "_charts",
        "_figures",
        "_figure_api",
        "_layout",
        "_geo",
        "_exercises",
        "_exercise_base",
        "_exercise_grid",
        "_exercise_scoring",
        "_exercise_feedback",
        "_exercise_widget",
        "_dashboard",
        "_scenes",
        "_worksheets",
        "_export",
    },
    {"_cli", "_present", "_voila_app", "_server", "_setup", "_doctor"},
]


def _layer(module: str) -> int:
    return next(i for i, names in enumerate(LAYERS) if module in names)


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_every_private_module_has_a_layer():
    modules = {p.stem for p in SRC.glob("_*.py")} - {"__init__"}
    assert modules == set().union(*LAYERS)


@pytest.mark.parametrize("module", sorted(set().union(*LAYERS)))
def test_a_module_imports_nothing_from_a_layer_below_it(module):
    mine = _layer(module)
    below = {name for name in _imports(SRC / f"{module}.py") if _layer(name) > mine}
    assert not below, f"{module} (layer {mine}) imports {sorted(below)} from a lower layer"
