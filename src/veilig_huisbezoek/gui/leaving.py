"""Leaving is never silent (docs/design.md §4a): what happens before a session ends.

:class:`LeaveGuard` stands between a person's "I'm going" (Uitloggen, *Afsluiten* in
the tray menu, closing the window where no tray keeps the app running) and the end of
their session. It reads, on the task runner, the running visits the person watches as
buddy; none → the session ends at once; some → the :class:`HandoverDialog` asks where
each goes. Once they are handed over the session ends; when a colleague logged in right
here, the window continues as that colleague's session instead; *Ik blijf* changes
nothing.

Closing the window while logged in keeps the app in the tray (the alarms must go on):
the first time, a tray message says so (remembered in QSettings, which holds nothing
personal).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ..domain.errors import UserError
from ..domain.roles import Permission
from ..reminders.notifier import Notifier
from ..storage.errors import StoreError
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..services.context import Actor, ServiceContext
    from ..services.handover import WatchedVisit

log = logging.getLogger(__name__)

TRAY_EXPLAINED_KEY = "tray/explained"


class LeaveGuard(QObject):
    def __init__(
        self,
        window: QWidget,
        tasks: TaskRunner,
        session: Callable[[], ServiceContext | None],
        log_in_here: Callable[[str, str], ServiceContext],
        switch_to: Callable[[ServiceContext], None],
        bring_to_front: Callable[[], None],
        visits_changed: Callable[[], None] = lambda: None,
        status: Callable[[str], None] = lambda _text: None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self._session = session
        self._log_in_here = log_in_here
        self._switch_to = switch_to
        self._bring_to_front = bring_to_front
        self._visits_changed = visits_changed
        self._status = status
        self._asking = False
        self.offer: QMessageBox | None = None
        self.dialog: QDialog | None = None
        self.question: QMessageBox | None = None

    def then(self, proceed: Callable[[], None]) -> None:
        """Run ``proceed`` (end the session) once nothing watched is left behind."""
        ctx = self._session()
        if ctx is None:
            proceed()
            return
        if self._asking:
            self._bring_to_front()  # the dialog is already open: show it
            return
        self._asking = True
        from ..services import handover

        self._tasks.run(
            lambda: handover.leaving(ctx),
            lambda result: self._ask(ctx, result, proceed),
            lambda error: self._unknown(error, proceed),
        )

    def _ask(self, ctx: ServiceContext, result: object, proceed: Callable[[], None]) -> None:
        from ..services.handover import Leaving
        from .handover_dialog import HandoverDialog
        from .keys import return_focus

        assert isinstance(result, Leaving)
        if ctx is not self._session():  # the session changed meanwhile
            self._asking = False
            return
        if not result.visits:
            self._asking = False
            proceed()
            return
        self._bring_to_front()
        dialog = HandoverDialog(ctx, self._tasks, result, self._log_in_here, self._window)
        self.dialog = dialog

        def finished(code: int) -> None:
            self._asking = False
            self.dialog = None
            dialog.deleteLater()
            if code != QDialog.DialogCode.Accepted:
                return  # Ik blijf
            # From the event loop, not inside the dialog's own task callback: the old
            # session's pages are torn down and their pending answers dropped first.
            handed_to = dialog.handed_to
            if handed_to is not None:
                QTimer.singleShot(0, lambda: self._switch_to(handed_to))
            else:
                QTimer.singleShot(0, proceed)

        dialog.finished.connect(finished)
        return_focus(dialog)
        dialog.open()

    def _unknown(self, error: BaseException, proceed: Callable[[], None]) -> None:
        """The watched visits could not be read (team server unreachable): ask."""
        log.warning("watched visits not read before leaving (%s)", type(error).__name__)
        self._bring_to_front()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Bezoeken niet te controleren"),
            self.tr(
                "Er kon niet worden nagekeken of u nog buddy bent van lopende bezoeken. "
                "Gaat u toch weg, dan ziet een collega binnen een minuut dat niemand "
                "meekijkt. Toch doorgaan?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._window,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.question = box

        def finished(_code: int) -> None:
            self._asking = False
            self.question = None
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                proceed()

        box.finished.connect(finished)
        box.open()

    # ---- a colleague logged in at the lock screen ------------------------------------
    def offer_take_over(
        self, ctx: ServiceContext, left: Actor, visits: Sequence[WatchedVisit]
    ) -> None:
        """``left`` was logged in here, locked, and someone else logged in: the visits
        ``left`` watched have nobody now. Offer them to the person now at this desk."""
        mine = [v for v in visits if v.visitor_id != ctx.actor.account_id]
        if not mine or not ctx.actor.may(Permission.ACT_AS_BUDDY):
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Niemand kijkt mee"),
            self.tr(
                "{name} was buddy van {count} lopend(e) bezoek(en) en is nu uitgelogd: "
                "niemand kijkt daar nog mee. Neemt u ze over?"
            ).format(name=left.display_name, count=len(mine)),
            QMessageBox.StandardButton.NoButton,
            self._window,
        )
        take = box.addButton(self.tr("&Overnemen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Niet nu"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(take)
        self.offer = box

        def finished(_code: int) -> None:
            self.offer = None
            if box.clickedButton() is not take:
                return
            from ..services import handover

            def job() -> tuple[int, list[str]]:
                taken, others = 0, []
                for visit in mine:
                    try:
                        handover.take_over(ctx, visit.id, from_buddy_id=left.account_id)
                        taken += 1
                    except handover.AlreadyTakenOver as refused:
                        others.append(refused.first_name)
                return taken, others

            self._tasks.run(job, self._taken, self._take_failed)

        box.finished.connect(finished)
        box.open()

    def _taken(self, result: object) -> None:
        assert isinstance(result, tuple)
        taken, _others = result
        self._status(self.tr("U kijkt nu mee met {count} bezoek(en).").format(count=taken))
        self._visits_changed()

    def _take_failed(self, error: BaseException) -> None:
        from .i18n import error_text

        log.warning("take-over after a switch failed (%s)", type(error).__name__)
        if isinstance(error, UserError | StoreError):
            self._status(error_text(error))
        else:
            self._status(self.tr("Overnemen mislukt door een onverwachte fout."))
        self._visits_changed()


def explain_tray_once(notifier: Notifier) -> bool:
    """The first time the window goes to the tray: say that the app keeps running and
    how to quit. True when the message was shown now."""
    settings = QSettings()
    if settings.value(TRAY_EXPLAINED_KEY, False, type=bool):
        return False
    notifier.show_tray_message(
        QCoreApplication.translate("LeaveGuard", "Veilig Huisbezoek blijft actief"),
        QCoreApplication.translate(
            "LeaveGuard",
            "Het venster is gesloten, maar de app blijft in het systeemvak draaien, zodat "
            "terugbelmomenten en alarmen doorgaan. Afsluiten kan via het menu van dit "
            "pictogram.",
        ),
    )
    settings.setValue(TRAY_EXPLAINED_KEY, True)
    return True
