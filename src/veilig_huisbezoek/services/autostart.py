"""Start at login (*Starten bij aanmelden*), per person: an XDG autostart entry on Linux,
the per-user Run key on Windows, a LaunchAgent on macOS. The entry starts the app with
``--autostart``; a second copy is never started (gui/single_instance.py).
"""

from __future__ import annotations

import importlib
import os
import plistlib
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

APP_TITLE = "Veilig Huisbezoek"
DESKTOP_ID = "veilig-huisbezoek"
LAUNCH_AGENT = "nl.veilighuisbezoek.app"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
AUTOSTART_FLAG = "--autostart"


def launch_command(platform: str = sys.platform) -> list[str]:
    """How this installation starts the app: the bundle's own program, or this Python
    with the package (a venv or a pip install)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, AUTOSTART_FLAG]
    python = Path(sys.executable)
    if platform.startswith("win"):
        # python.exe opens a console window beside the app at every login (closing it
        # ends the app); pythonw.exe, next to it in every install and venv, does not.
        windowed = python.with_name("pythonw.exe")
        if windowed.is_file():
            python = windowed
    return [str(python), "-m", "veilig_huisbezoek", AUTOSTART_FLAG]


class Autostart(Protocol):
    def installed(self) -> bool: ...

    def install(self, command: Sequence[str]) -> None: ...

    def remove(self) -> None: ...


# A desktop entry's string escapes, which a reader undoes before the Exec quoting.
_STRING_ESCAPES = str.maketrans({"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"})


def desktop_exec(command: Sequence[str]) -> str:
    """``Exec=`` of a desktop entry, as written in the file: each argument quoted as the
    specification asks, then the whole value given the string escapes (so a quoted
    ``$`` is written ``\\\\$`` and a backslash four times)."""
    quoted = []
    for arg in command:
        if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`="):
            quoted.append(arg)
            continue
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        quoted.append(f'"{escaped}"')
    # A literal % must be doubled (field codes), also inside quotes.
    return " ".join(quoted).replace("%", "%%").translate(_STRING_ESCAPES)


@dataclass(frozen=True)
class XdgAutostart:
    """``$XDG_CONFIG_HOME/autostart/veilig-huisbezoek.desktop`` (freedesktop autostart)."""

    config_home: Path

    @classmethod
    def for_user(cls) -> XdgAutostart:
        configured = os.environ.get("XDG_CONFIG_HOME")
        return cls(Path(configured) if configured else Path.home() / ".config")

    @property
    def path(self) -> Path:
        return self.config_home / "autostart" / f"{DESKTOP_ID}.desktop"

    def installed(self) -> bool:
        return self.path.is_file()

    def install(self, command: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={APP_TITLE}\n"
            "Comment=Veilig op huisbezoek: terugbelmomenten en alarmen\n"
            f"Exec={desktop_exec(command)}\n"
            f"Icon={DESKTOP_ID}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n",
            encoding="utf-8",
        )

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def _winreg() -> Any:
    # Windows only; imported by name so that other platforms (and mypy there) pass.
    return importlib.import_module("winreg")


@dataclass(frozen=True)
class WindowsRunKey:
    """A value under ``HKEY_CURRENT_USER\\...\\Run``: started at this person's login."""

    def installed(self) -> bool:
        winreg = _winreg()
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.QueryValueEx(key, APP_TITLE)
        except OSError:
            return False
        return True

    def install(self, command: Sequence[str]) -> None:
        winreg = _winreg()
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, APP_TITLE, 0, winreg.REG_SZ, subprocess.list2cmdline(command))

    def remove(self) -> None:
        winreg = _winreg()
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, APP_TITLE)
        except FileNotFoundError:
            pass


@dataclass(frozen=True)
class LaunchAgent:
    """``~/Library/LaunchAgents/nl.veilighuisbezoek.app.plist`` (RunAtLoad)."""

    home: Path

    @property
    def path(self) -> Path:
        return self.home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT}.plist"

    def installed(self) -> bool:
        return self.path.is_file()

    def install(self, command: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        agent = {"Label": LAUNCH_AGENT, "ProgramArguments": list(command), "RunAtLoad": True}
        self.path.write_bytes(plistlib.dumps(agent))

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def for_this_computer(platform: str = sys.platform) -> Autostart:
    if platform.startswith("win"):
        return WindowsRunKey()
    if platform == "darwin":
        return LaunchAgent(Path.home())
    return XdgAutostart.for_user()


def set_autostart(enabled: bool, autostart: Autostart | None = None) -> None:
    """Turn starting at login on or off (for this person, on this computer)."""
    place = autostart or for_this_computer()
    if enabled:
        place.install(launch_command())
    else:
        place.remove()
