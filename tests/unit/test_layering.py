"""The domain layer is plain Python: no Qt, no SQL (DEVELOPERS.md, layers)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "veilig_huisbezoek"
FORBIDDEN = {
    "domain": ("PySide6", "shiboken6", "sqlalchemy", "sqlcipher3", "alembic", "apscheduler"),
    "storage": ("PySide6", "shiboken6"),
    "services": ("PySide6", "shiboken6"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_does_not_import_forbidden_packages(layer: str) -> None:
    files = sorted((SRC / layer).rglob("*.py"))
    assert files, f"no modules found in {layer}"
    offenders = {
        str(path.relative_to(SRC)): sorted(_imports(path) & set(FORBIDDEN[layer]))
        for path in files
        if _imports(path) & set(FORBIDDEN[layer])
    }
    assert offenders == {}
