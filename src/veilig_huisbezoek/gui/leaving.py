"""Leaving is never silent (DESIGN §4a): what happens before a session ends.

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
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ..reminders.notifier import Notifier
from ..services.context import ServiceContext
from .tasks import TaskRunner

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
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self._session = session
        self._log_in_here = log_in_here
        self._switch_to = switch_to
        self._bring_to_front = bring_to_front
        self._asking = False
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
