"""Helpers for the robustness tests: a real store with a cheap (but real) Argon2id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.accounts import NewAccount
from veilig_huisbezoek.storage.store import Store

# The smallest KDF the key-slot file accepts: keeps Argon2id at a few milliseconds.
CHEAP_KDF: dict[str, int | str] = {
    "name": "argon2id",
    "memory_kib": 8192,
    "time_cost": 1,
    "parallelism": 1,
}
USER = "anna"
PASSWORD = "anna-wachtwoord-1"
MEDEWERKER = "sanne"
MEDEWERKER_PASSWORD = "sanne-wachtwoord-2"


@dataclass(frozen=True)
class CheapStore:
    data_dir: Path
    user: str = USER
    password: str = PASSWORD


def make_cheap_store(data_dir: Path, clock: FakeClock | None = None) -> CheapStore:
    """anna (beheerder + leidinggevende) and sanne (medewerker) in a fresh store."""
    store = Store.create(data_dir, kdf=CHEAP_KDF)
    try:
        ctx = accounts.create_first_account(
            store, NewAccount(USER, PASSWORD, "Anna", "de Vries", frozenset()), clock
        )
        accounts.add_account(
            ctx,
            NewAccount(
                MEDEWERKER,
                MEDEWERKER_PASSWORD,
                "Sanne",
                "Visser",
                frozenset({Role.MEDEWERKER}),
            ),
        )
    finally:
        store.close()
    return CheapStore(data_dir)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder below ``folder``: relative path → sha256 (or ``<dir>``)."""
    result: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        result[rel] = "<dir>" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, as a keyboard or input method would: one key event per character.

    QTest.keyClicks only knows ASCII (it aborts on anything else); a key event whose
    ``text()`` is the character is what an input method delivers for é, Ĳ, عربي or 🙂.
    """
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
