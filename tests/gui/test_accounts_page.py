"""Beheer of accounts and passwords, driven as a beheerder and a medewerker would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox
from pytestqt.qtbot import QtBot

from tests import helpers
from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.gui.accounts_page import AccountDialog, AccountsPage, AccountTableModel
from veilig_huisbezoek.gui.password_dialog import PasswordDialog
from veilig_huisbezoek.services.accounts import KeyStatus, list_accounts, log_in
from veilig_huisbezoek.storage.errors import AuthenticationError

pytestmark = pytest.mark.gui


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_page(qtbot: QtBot, demo: DemoEnv) -> AccountsPage:
    page = AccountsPage(demo.login("tom"), demo.tasks, demo.hub)
    return helpers.open_page(qtbot, page, size=(1000, 600), exposed=False)


def shown_usernames(page: AccountsPage) -> list[str]:
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_lists_accounts_with_role_labels_and_passes_the_model_tester(
    qtbot: QtBot, demo: DemoEnv, qtmodeltester: object
) -> None:
    page = open_page(qtbot, demo)
    assert set(shown_usernames(page)) == {"sanne", "ahmed", "lotte", "petra", "tom"}
    row = page.model.row_of("petra")
    assert row is not None
    assert "Leidinggevende" in page.model.index(row, 2).data()
    assert not page.reset_button.isEnabled() and not page.remove_button.isEnabled()
    model = AccountTableModel()
    model.set_rows(list_accounts(demo.login("petra")))
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_adding_an_account_checks_the_input_and_the_new_person_can_log_in(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page = open_page(qtbot, demo)
    click(qtbot, page.add_button)
    dialog = page.dialog
    assert isinstance(dialog, AccountDialog) and dialog.isVisible()
    # It asks on the task runner whether a new leidinggevende needs a co-signer.
    qtbot.waitUntil(lambda: not demo.tasks.busy, timeout=10_000)
    qtbot.keyClicks(dialog.user_edit, "noor")
    qtbot.keyClicks(dialog.first_edit, "Noor")
    qtbot.keyClicks(dialog.last_edit, "Jansen")
    qtbot.keyClicks(dialog.phone_edit, "06 12345678")
    qtbot.keyClicks(dialog.password_edit, "kort")
    qtbot.keyClicks(dialog.repeat_edit, "kort")
    click(qtbot, dialog.ok_button)
    assert "Wachtwoord" in dialog.error_label.text()  # the strength rule, in Dutch
    assert dialog.isVisible()
    for guessable, reason in (
        ("welkom1234", "veelgebruikt wachtwoord"),
        ("Noor-Jansen-1990", "bevat uw eigen naam"),
    ):
        for edit in (dialog.password_edit, dialog.repeat_edit):
            edit.clear()
            qtbot.keyClicks(edit, guessable)
        click(qtbot, dialog.ok_button)
        assert reason in dialog.error_label.text()
        assert dialog.isVisible() and not demo.tasks.busy  # refused before any work

    dialog.password_edit.clear()
    dialog.repeat_edit.clear()
    qtbot.keyClicks(dialog.password_edit, "een lange zin als wachtwoord")
    qtbot.keyClicks(dialog.repeat_edit, "een lange zin als wachtwoorT")
    click(qtbot, dialog.ok_button)
    assert dialog.error_label.text() == "De wachtwoorden zijn niet gelijk."
    assert dialog.repeat_edit.text() == ""

    qtbot.keyClicks(dialog.repeat_edit, "een lange zin als wachtwoord")
    assert not dialog.cosign_box.isVisible()
    dialog.role_checks[Role.LEIDINGGEVENDE].setFocus()
    qtbot.keyClick(dialog.role_checks[Role.LEIDINGGEVENDE], Qt.Key.Key_Space)
    # Four eyes: a new leidinggevende needs a second one to sign here.
    assert dialog.cosign_box.isVisible()
    click(qtbot, dialog.ok_button)
    assert "tweede leidinggevende" in dialog.error_label.text()
    qtbot.keyClicks(dialog.cosign_box.user_edit, "petra")
    qtbot.keyClicks(dialog.cosign_box.password_edit, "verkeerd-wachtwoord")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: "klopt niet" in dialog.error_label.text(), timeout=15_000)
    assert dialog.isVisible() and dialog.cosign_box.password_edit.text() == ""
    qtbot.keyClicks(dialog.cosign_box.password_edit, "demo-petra-2026")
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: "noor" in shown_usernames(page), timeout=15_000)
    assert page.selected() is not None and page.selected().username == "noor"  # type: ignore[union-attr]
    assert page.message_label.text() == "Account noor toegevoegd."
    noor = log_in(demo.data_dir, "noor", "een lange zin als wachtwoord", demo.clock)
    demo.opened.append(noor)
    assert noor.actor.roles == frozenset({Role.MEDEWERKER, Role.LEIDINGGEVENDE})


def test_a_duplicate_name_keeps_the_dialog_open_with_the_message(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page = open_page(qtbot, demo)
    click(qtbot, page.add_button)
    dialog = page.dialog
    assert isinstance(dialog, AccountDialog)
    for edit, text in (
        (dialog.user_edit, "sanne"),
        (dialog.first_edit, "Sanne"),
        (dialog.last_edit, "Tweede"),
        (dialog.password_edit, "een lange zin als wachtwoord"),
        (dialog.repeat_edit, "een lange zin als wachtwoord"),
    ):
        qtbot.keyClicks(edit, text)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.error_label.text() != "", timeout=15_000)
    assert dialog.error_label.text() == "Gebruikersnaam: deze naam is al in gebruik."
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert shown_usernames(page).count("sanne") == 1


def test_a_beheerder_resets_a_forgotten_password(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    page.select("ahmed")
    click(qtbot, page.reset_button)
    dialog = page.dialog
    assert isinstance(dialog, PasswordDialog)
    assert not dialog.current_edit.isVisible()  # a reset needs no old password
    assert "ahmed" in dialog.windowTitle()
    qtbot.keyClicks(dialog.new_edit, "nieuw en lang wachtwoord")
    qtbot.keyClicks(dialog.repeat_edit, "nieuw en lang wachtwoord")
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        click(qtbot, dialog.ok_button)
    assert page.message_label.text() == "Nieuw wachtwoord ingesteld voor ahmed."
    with pytest.raises(AuthenticationError):
        log_in(demo.data_dir, "ahmed", "demo-ahmed-2026", demo.clock)
    ahmed = log_in(demo.data_dir, "ahmed", "nieuw en lang wachtwoord", demo.clock)
    demo.opened.append(ahmed)


def test_resetting_a_leidinggevendes_password_needs_a_second_one_and_she_is_told(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    from veilig_huisbezoek.services.accounts import (
        NewAccount,
        add_account,
        co_sign,
        take_password_notice,
    )

    tom = demo.login("tom")
    petra = demo.login("petra")
    cosign = co_sign(tom, "petra", "demo-petra-2026", "leidinggevende_account")
    add_account(
        tom,
        NewAccount(
            "karin",
            "karin-heeft-een-lang-wachtwoord",
            "Karin",
            "Smit",
            frozenset({Role.LEIDINGGEVENDE}),
        ),
        cosign,
    )
    page = open_page(qtbot, demo)
    page.select("petra")
    click(qtbot, page.reset_button)
    dialog = page.dialog
    assert isinstance(dialog, PasswordDialog) and dialog.cosign_box.isVisible()
    qtbot.keyClicks(dialog.new_edit, "petra krijgt een nieuw wachtwoord")
    qtbot.keyClicks(dialog.repeat_edit, "petra krijgt een nieuw wachtwoord")
    qtbot.keyClicks(dialog.cosign_box.user_edit, "petra")  # not the person herself
    qtbot.keyClicks(dialog.cosign_box.password_edit, "demo-petra-2026")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: "vier ogen" in dialog.error_label.text(), timeout=15_000)
    dialog.cosign_box.user_edit.clear()
    qtbot.keyClicks(dialog.cosign_box.user_edit, "karin")
    qtbot.keyClicks(dialog.cosign_box.password_edit, "karin-heeft-een-lang-wachtwoord")
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        click(qtbot, dialog.ok_button)
    again = log_in(demo.data_dir, "petra", "petra krijgt een nieuw wachtwoord", demo.clock)
    demo.opened += [petra, again]
    notice = take_password_notice(again)
    assert notice is not None
    assert notice.reset_by == "Tom Jacobs" and notice.cosigned_by.startswith("Karin")
    assert take_password_notice(again) is None  # said once


def test_removing_asks_first_and_the_removed_person_cannot_log_in(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page = open_page(qtbot, demo)
    page.select("tom")
    assert not page.remove_button.isEnabled()  # not one's own account
    page.select("lotte")
    click(qtbot, page.remove_button)
    box = page.confirm_box
    assert isinstance(box, QMessageBox) and "lotte" in box.text()
    click(qtbot, box.button(QMessageBox.StandardButton.No))
    assert "lotte" in shown_usernames(page)

    page.select("lotte")
    click(qtbot, page.remove_button)
    box = page.confirm_box
    assert isinstance(box, QMessageBox)
    assert "nieuwe sleutel" in box.text()  # removal replaces the database key
    click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: "lotte" not in shown_usernames(page), timeout=15_000)
    assert page.message_label.text() == (
        "Account lotte verwijderd. De database heeft een nieuwe sleutel."
    )
    with pytest.raises(AuthenticationError):
        log_in(demo.data_dir, "lotte", "demo-lotte-2026", demo.clock)
    # The page's own store goes on working with the new key.
    assert page.ctx.store.verify().ok
    assert "lotte" not in {a.username for a in list_accounts(page.ctx)}


def test_a_guessable_new_password_is_explained_before_anything_is_stored(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    dialog = PasswordDialog(demo.login("sanne"), demo.tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.current_edit, "demo-sanne-2026")
    for guessable, reason in (
        ("qwertyuiop", "rij toetsen als qwerty"),
        ("Sanne-Visser-1", "bevat uw eigen naam"),
    ):
        for edit in (dialog.new_edit, dialog.repeat_edit):
            edit.clear()
            qtbot.keyClicks(edit, guessable)
        click(qtbot, dialog.ok_button)
        assert dialog.error_label.text().startswith("Nieuw wachtwoord: ")
        assert reason in dialog.error_label.text()
        assert dialog.isVisible() and not demo.tasks.busy
    log_in(demo.data_dir, "sanne", "demo-sanne-2026", demo.clock).store.close()


def test_changing_ones_own_password_needs_the_current_one(qtbot: QtBot, demo: DemoEnv) -> None:
    dialog = PasswordDialog(demo.login("sanne"), demo.tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.current_edit.isVisible()
    qtbot.keyClicks(dialog.current_edit, "niet-mijn-wachtwoord")
    qtbot.keyClicks(dialog.new_edit, "mijn nieuwe lange zin")
    qtbot.keyClicks(dialog.repeat_edit, "mijn nieuwe lange zin")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.error_label.text() != "", timeout=15_000)
    assert dialog.error_label.text() == "Huidig wachtwoord: klopt niet."
    assert dialog.current_edit.text() == "" and dialog.isVisible()

    qtbot.keyClicks(dialog.current_edit, "demo-sanne-2026")
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        click(qtbot, dialog.ok_button)
    sanne = log_in(demo.data_dir, "sanne", "mijn nieuwe lange zin", demo.clock)
    demo.opened.append(sanne)


def test_the_access_column_says_who_needs_a_new_password(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    rows = page.model.rows
    ids = {row.username: row.id for row in rows}
    assert all(page.model.status_text(row.id) == "In orde" for row in rows)
    model = AccountTableModel()
    model.set_rows(
        rows,
        {
            ids["sanne"]: KeyStatus.OK,
            ids["ahmed"]: KeyStatus.OLD_SLOT,
            ids["lotte"]: KeyStatus.NEEDS_PASSWORD,
        },
    )
    shown = {model.index(r, 0).data(): model.index(r, 4).data() for r in range(model.rowCount())}
    assert shown["sanne"] == "In orde"
    assert shown["ahmed"] == "Oude sleutel: nog niet ingelogd sinds de update"
    assert shown["lotte"] == "Nieuw wachtwoord nodig"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Toegang"
    # The intro says what removal does, and how long older backups still open.
    intro = page.intro_label.text()
    assert "nieuwe sleutel" in intro and "7 automatische back-ups" in intro
