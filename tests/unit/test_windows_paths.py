"""No POSIX-only call on a path Windows takes (the desktops are Windows machines).

Two checks. Every module of the app imports with the POSIX-only modules (``fcntl``,
``pwd``, ``grp``, ``termios``, ``resource``) and ``signal.SIGKILL`` missing, as on
Windows. And no module calls a POSIX-only ``os`` function or ``signal.SIGKILL`` outside
a branch that asks for the platform (``os.name`` / ``sys.platform``): on Windows secrecy
comes from the person's own folders, not from file modes.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "veilig_huisbezoek"
POSIX_MODULES = ("fcntl", "pwd", "grp", "termios", "resource")
POSIX_OS = {
    "getuid",
    "geteuid",
    "getgid",
    "getegid",
    "fchmod",
    "fchown",
    "chown",
    "fork",
    "setsid",
    "killpg",
    "getpgid",
    "sync",
    "mkfifo",
    "getloadavg",
    "statvfs",
    "fstatvfs",
    "fdatasync",
    "uname",
    "sysconf",
    "getpgrp",
    "setpgrp",
}
POSIX_SIGNALS = {"SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGQUIT"}

IMPORT_ALL = f"""
import importlib, pkgutil, signal, sys
for name in {POSIX_MODULES!r}:
    sys.modules[name] = None
del signal.SIGKILL
import veilig_huisbezoek
failed = []
for info in pkgutil.walk_packages(veilig_huisbezoek.__path__, "veilig_huisbezoek."):
    try:
        importlib.import_module(info.name)
    except Exception as exc:
        failed.append(info.name + ": " + type(exc).__name__ + ": " + str(exc))
print("\\n".join(failed))
"""


def test_every_module_imports_without_the_posix_modules() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", IMPORT_ALL],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def _asks_for_platform(test: ast.expr) -> bool:
    text = ast.unparse(test)
    return "os.name" in text or "sys.platform" in text or "hasattr(os" in text


def posix_only_calls(tree: ast.AST) -> list[int]:
    found: list[int] = []

    def visit(node: ast.AST, guarded: bool) -> None:
        if isinstance(node, ast.If | ast.IfExp) and _asks_for_platform(node.test):
            guarded = True
        if (
            not guarded
            and isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and (
                (node.value.id == "os" and node.attr in POSIX_OS)
                or (node.value.id == "signal" and node.attr in POSIX_SIGNALS)
            )
        ):
            found.append(node.lineno)
        if not guarded and isinstance(node, ast.Import | ast.ImportFrom):
            names = (
                [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            )
            if any(n in POSIX_MODULES for n in names if n):
                found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, guarded)

    visit(tree, False)
    return found


def test_no_posix_only_call_outside_a_platform_branch() -> None:
    offending = {}
    for path in sorted(SRC.rglob("*.py")):
        lines = posix_only_calls(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            offending[str(path.relative_to(SRC))] = lines
    assert offending == {}


def test_the_scan_finds_what_it_looks_for() -> None:
    planted = ast.parse(
        "import fcntl\nimport os, signal\nos.fchmod(3, 0o600)\nos.kill(1, signal.SIGKILL)\n"
        "if os.name == 'posix':\n    os.fchmod(3, 0o600)\n"
    )
    assert posix_only_calls(planted) == [1, 3, 4]
