"""Starten bij aanmelden: the per-person entry on each platform, and IT's switches
``--install-autostart`` / ``--remove-autostart``."""

from __future__ import annotations

import plistlib
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.__main__ import main
from veilig_huisbezoek.services import autostart, desk_state
from veilig_huisbezoek.services.autostart import (
    AUTOSTART_FLAG,
    LaunchAgent,
    WindowsRunKey,
    XdgAutostart,
    desktop_exec,
    launch_command,
)

STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def string_value(raw: str) -> str:
    """A desktop entry's string value as written in the file, unescaped (``\\s \\n \\t
    \\r \\\\``): the specification undoes these before the ``Exec`` quoting."""
    value = ""
    chars = iter(raw)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            assert following in STRING_ESCAPES, raw  # anything else is not a string
            value += STRING_ESCAPES[following]
        else:
            value += char
    return value


def desktop_split(raw: str) -> list[str]:
    """Read an ``Exec=`` value as the desktop entry specification says: the string
    escapes first; then arguments apart by spaces; in double quotes, a backslash takes
    the next ``"`$\\`` literally; ``%%`` is a percent sign."""
    line = string_value(raw)
    args: list[str] = []
    current: str | None = None
    quoted = escaped = False
    for char in line:
        if escaped:
            assert char in '"`$\\', line
            current = (current or "") + char
            escaped = False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
            current = current or ""
        elif char == " " and not quoted:
            if current is not None:
                args.append(current)
            current = None
        else:
            current = (current or "") + char
    assert not quoted and not escaped, line
    if current is not None:
        args.append(current)
    return [arg.replace("%%", "%") for arg in args]


def exec_line(entry: Path) -> str:
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return next(line.removeprefix("Exec=") for line in lines if line.startswith("Exec="))


def test_the_xdg_entry_starts_this_installation_with_autostart(tmp_path: Path) -> None:
    place = XdgAutostart(tmp_path / "config")
    assert not place.installed()
    place.install(launch_command())
    assert place.installed()
    assert place.path == tmp_path / "config" / "autostart" / "veilig-huisbezoek.desktop"
    command = desktop_split(exec_line(place.path))
    assert command == [sys.executable, "-m", "veilig_huisbezoek", AUTOSTART_FLAG]
    place.remove()
    # A folder with a backslash or a dollar sign in its name starts the same program.
    odd = [str(tmp_path / "Mijn $apps\\venv" / "python3"), "-m", "veilig_huisbezoek"]
    place.install(odd)
    assert desktop_split(exec_line(place.path)) == odd
    assert rf'"{tmp_path}/Mijn \\$apps\\\\venv/python3"' in exec_line(place.path)
    place.remove()
    assert not place.installed()
    place.remove()  # twice is fine


ARGUMENT = st.text(
    st.characters(exclude_categories=("Cc", "Cs"), include_characters="\t\n\r"), min_size=1
)


@given(st.lists(ARGUMENT, min_size=1))
def test_desktop_exec_quotes_every_argument_back(command: list[str]) -> None:
    line = desktop_exec(command)
    assert "\n" not in line
    assert desktop_split(line) == command


def test_install_and_remove_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "veilig-huisbezoek.desktop"
    assert main(["--install-autostart"]) == 0
    assert entry.is_file()
    assert "start voortaan bij aanmelden" in capsys.readouterr().out
    assert main(["--remove-autostart"]) == 0
    assert not entry.exists()
    assert "start niet meer bij aanmelden" in capsys.readouterr().out


def test_a_folder_that_cannot_be_written_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "config"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    assert main(["--install-autostart"]) == 1
    assert "Starten bij aanmelden niet aangepast" in capsys.readouterr().err


def test_the_launch_agent_runs_at_load(tmp_path: Path) -> None:
    place = LaunchAgent(tmp_path)
    place.install(["/Applications/Veilig Huisbezoek.app/Contents/MacOS/vh", AUTOSTART_FLAG])
    agent = plistlib.loads(place.path.read_bytes())
    assert agent["RunAtLoad"] is True
    assert agent["ProgramArguments"][-1] == AUTOSTART_FLAG
    assert place.installed()
    place.remove()
    assert not place.installed()


class FakeRegistry(types.ModuleType):
    """The few winreg calls the Run key uses, on a dict."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_SET_VALUE = 2
    REG_SZ = 1

    def __init__(self) -> None:
        super().__init__("winreg")
        self.values: dict[str, dict[str, Any]] = {}

    def _key(self, root: str, path: str, create: bool) -> Any:
        registry = self

        class Key:
            def __enter__(self) -> dict[str, Any]:
                if create:
                    return registry.values.setdefault(path, {})
                if path not in registry.values:
                    raise FileNotFoundError(path)
                return registry.values[path]

            def __exit__(self, *_exc: object) -> None:
                return None

        return Key()

    def CreateKey(self, root: str, path: str) -> Any:
        return self._key(root, path, True)

    def OpenKey(self, root: str, path: str, *_args: object) -> Any:
        return self._key(root, path, False)

    def SetValueEx(self, key: dict[str, Any], name: str, _r: int, _t: int, v: str) -> None:
        key[name] = v

    def QueryValueEx(self, key: dict[str, Any], name: str) -> tuple[str, int]:
        if name not in key:
            raise FileNotFoundError(name)
        return key[name], self.REG_SZ

    def DeleteValue(self, key: dict[str, Any], name: str) -> None:
        if name not in key:
            raise FileNotFoundError(name)
        del key[name]


def test_the_windows_run_key(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = FakeRegistry()
    monkeypatch.setitem(sys.modules, "winreg", registry)
    place = WindowsRunKey()
    assert not place.installed()
    place.install([r"C:\Program Files\Veilig Huisbezoek\veilig-huisbezoek.exe", AUTOSTART_FLAG])
    assert registry.values[autostart.RUN_KEY]["Veilig Huisbezoek"] == (
        r'"C:\Program Files\Veilig Huisbezoek\veilig-huisbezoek.exe" --autostart'
    )
    assert place.installed()
    place.remove()
    assert not place.installed()
    place.remove()


def test_on_windows_a_pip_install_starts_without_a_console(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("python.exe", "pythonw.exe"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python.exe"))
    assert launch_command("win32") == [
        str(tmp_path / "pythonw.exe"),
        "-m",
        "veilig_huisbezoek",
        AUTOSTART_FLAG,
    ]
    assert launch_command("linux")[0] == str(tmp_path / "python.exe")
    (tmp_path / "pythonw.exe").unlink()  # an odd install without it: still starts
    assert launch_command("win32")[0] == str(tmp_path / "python.exe")


def test_the_desk_remembers_only_whether_it_was_watching(tmp_path: Path) -> None:
    assert not desk_state.was_watching(tmp_path)
    desk_state.remember_watching(True, tmp_path)
    assert desk_state.was_watching(tmp_path)
    assert (tmp_path / desk_state.FILE_NAME).read_text() == '{"watching": true}'
    desk_state.remember_watching(False, tmp_path)
    assert not desk_state.was_watching(tmp_path)
    (tmp_path / desk_state.FILE_NAME).write_text("{kapot")
    assert not desk_state.was_watching(tmp_path)


def test_a_desk_state_that_cannot_be_written_does_not_stop_the_app(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Logging in, logging out and quitting all write it: a full disk or a read-only
    # state folder must not break them (it is a hint for the next start, no more).
    blocked = tmp_path / "state"
    blocked.write_text("a file where the folder should be")
    desk_state.remember_watching(True, blocked)
    desk_state.remember_watching(False, blocked)
    assert not desk_state.was_watching(blocked)
    assert "niet bewaard" in caplog.text
    assert str(tmp_path) not in caplog.text
