"""An installed wheel, outside the checkout, carries and finds `ui/` and `resources/`
(and the forms compiled from `ui/`)."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

CHECK = r"""
import json, sys
import veilig_huisbezoek
from veilig_huisbezoek import paths
from veilig_huisbezoek.domain.checklist import default_checklist
from veilig_huisbezoek.storage.migrate import head_revision
from veilig_huisbezoek.gui.forms_generated.ui_login import Ui_LoginWidget
print(json.dumps({
    "compiled": Ui_LoginWidget.__module__,
    "package": veilig_huisbezoek.__file__,
    "ui": str(paths.ui_dir()),
    "forms": sorted(p.name for p in paths.ui_dir().glob("*.ui")),
    "resources": str(paths.resources_dir()),
    "checklist": default_checklist().version,
    "head": head_revision(),
    "icons": [p.name for p in paths.icon_files()],
    "desktop": (paths.resources_dir() / "desktop" / "veilig-huisbezoek.desktop").is_file(),
}))
"""


def test_installed_wheel_finds_its_data(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    (wheel,) = dist.glob("veilig_huisbezoek-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    # Dependencies come from this test environment, appended after the new venv's own
    # site-packages so the wheel's copy of the package wins over the editable checkout.
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "zz_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    result = subprocess.run(
        [str(python), "-c", CHECK],
        check=True,
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
    )
    import json

    info = json.loads(result.stdout)
    assert info["package"].startswith(str(env_dir)), info["package"]
    assert info["ui"].startswith(str(env_dir)) and "login.ui" in info["forms"]
    assert info["resources"].startswith(str(env_dir))
    assert info["compiled"] == "veilig_huisbezoek.gui.forms_generated.ui_login"
    assert info["checklist"]
    assert info["head"] == "0006"
    assert "veilig-huisbezoek-256.png" in info["icons"] and info["desktop"]
    cli = subprocess.run(
        [str(env_dir / "bin" / "veilig-huisbezoek"), "admin", "--help"],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
    )
    assert cli.returncode == 0 and "seed-demo" in cli.stdout
