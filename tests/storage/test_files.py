"""The one way the app writes a file: atomically and owner-only (0600), whatever the umask."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import file_mode
from veilig_huisbezoek.storage import files
from veilig_huisbezoek.storage.files import write_atomically

pytestmark = pytest.mark.usefixtures("umask_022")


def test_a_new_file_is_owner_only_under_the_usual_umask(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_bytes(b"x")
    assert file_mode(plain) == 0o644  # what write_bytes would have given
    target = tmp_path / "inzage.json"
    write_atomically(target, b'{"a": 1}')
    assert target.read_bytes() == b'{"a": 1}'
    assert file_mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inzage.json", "plain.txt"]


@pytest.mark.parametrize("umask", [0o000, 0o002, 0o077, 0o277])
def test_the_mode_is_exactly_0600_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        write_atomically(tmp_path / "brief.pdf", b"%PDF")
    finally:
        os.umask(old)
    assert file_mode(tmp_path / "brief.pdf") == 0o600


def test_an_existing_world_readable_file_is_replaced_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "rapportage.csv"
    target.write_text("oud")
    target.chmod(0o666)
    write_atomically(target, b"nieuw")
    assert target.read_bytes() == b"nieuw"
    assert file_mode(target) == 0o600


def test_a_relative_path_is_written_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_atomically(Path("los.ics"), b"BEGIN:VCALENDAR")
    assert file_mode(tmp_path / "los.ics") == 0o600


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "backup.vhbackup"
    target.write_bytes(b"oud")

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_atomically(target, b"nieuw")
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["backup.vhbackup"]
