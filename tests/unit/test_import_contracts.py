"""The layers are enforced by import-linter (``[tool.importlinter]`` in pyproject.toml).

The real package keeps every contract; a copy with a planted wrong import breaks the
contract that forbids it, so the contracts do analyse what they claim to.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from importlinter.api import read_configuration

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "pyproject.toml"
PACKAGE = ROOT / "src" / "veilig_huisbezoek"
# `lint-imports` of this interpreter's environment, wherever its scripts are.
LINT = (
    "import sys; from importlinter.cli import lint_imports_command; "
    "sys.exit(lint_imports_command())"
)


def _contract_names() -> dict[str, str]:
    contracts = read_configuration(str(CONFIG))["contracts_options"]
    return {contract["id"]: contract["name"] for contract in contracts}


def _lint(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="300")  # no wrapped lines in the report
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)  # ahead of the installed (editable) package
    return subprocess.run(
        [sys.executable, "-c", LINT, "--config", str(CONFIG), "--no-cache", "--no-logo"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _copy_package(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(
        PACKAGE, src / "veilig_huisbezoek", ignore=shutil.ignore_patterns("__pycache__")
    )
    return src


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_package_keeps_every_contract(tmp_path: Path) -> None:
    result = _lint(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    names = _contract_names()
    assert set(names) >= {
        "domain-plain",
        "no-qt-below-gui",
        "layers",
        "storage-via-services",
        "reminders-no-gui",
    }
    report = _flat(result.stdout)
    for name in names.values():
        assert f"{name} KEPT" in report


@pytest.mark.parametrize(
    ("module", "planted", "edge", "contract"),
    [
        (
            "services/context.py",
            "from ..gui import look",
            "veilig_huisbezoek.services.context -> veilig_huisbezoek.gui.look",
            "layers",
        ),
        (
            "domain/clock.py",
            "from ..services import context",
            "veilig_huisbezoek.domain.clock -> veilig_huisbezoek.services.context",
            "layers",
        ),
        (
            "domain/clock.py",
            "import PySide6",
            "veilig_huisbezoek.domain.clock -> PySide6",
            "domain-plain",
        ),
    ],
    ids=["services-imports-gui", "domain-imports-services", "domain-imports-qt"],
)
def test_a_planted_import_breaks_its_contract(
    tmp_path: Path, module: str, planted: str, edge: str, contract: str
) -> None:
    src = _copy_package(tmp_path)
    target = src / "veilig_huisbezoek" / module
    target.write_text(
        target.read_text(encoding="utf-8") + f"\n{planted}  # noqa\n", encoding="utf-8"
    )
    result = _lint(tmp_path, pythonpath=src)
    assert result.returncode != 0
    report = _flat(result.stdout)
    assert f"{_contract_names()[contract]} BROKEN" in report
    assert edge in report  # the copy was analysed, not the installed package


def test_a_new_top_level_module_needs_a_layer(tmp_path: Path) -> None:
    src = _copy_package(tmp_path)
    (src / "veilig_huisbezoek" / "extra.py").write_text("VALUE = 1\n", encoding="utf-8")
    result = _lint(tmp_path, pythonpath=src)
    assert result.returncode != 0
    report = _flat(result.stdout)
    assert f"{_contract_names()['layers']} BROKEN" in report
    assert "veilig_huisbezoek.extra" in report
