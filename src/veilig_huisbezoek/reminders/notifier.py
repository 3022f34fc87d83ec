"""Make an alarm heard and seen outside the window: desktop notification, sound, tray.

The in-app alarm (``gui.alarm_panel``) is the channel that always works; this adds:

* a **desktop notification** through plyer. Sent from a short-lived daemon thread (a
  missing notification daemon can block ``notify-send`` or D-Bus for many seconds); the
  outcome comes back to the GUI thread by a queued signal. If plyer has no backend or
  raises (a bare Linux without a notification daemon), that is noted once
  (``desktop_ok`` becomes False, ``desktop_failed`` is emitted, one log line without
  personal data) and the alarm carries on: tray message, sound and in-app panel.
  Notification texts carry at most the visitor's first name, never an address: the
  desktop may be locked, shared or mirrored.
* a **sound**: ``resources/sounds/alarm.wav`` through QtMultimedia's ``QSoundEffect``
  when that module is installed (it is not part of PySide6-Essentials), else
  ``QApplication.beep()``; repeated every ``repeat_ms`` while alarms stay open.
* a **tray icon** (when the platform has a system tray) in state normal or alarm.
"""

from __future__ import annotations

import importlib
import logging
import threading
import warnings
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from ..paths import icon_files, resources_dir

if TYPE_CHECKING:  # the login window needs the notifier, not the reminder rules yet
    from ..services.alarms import AlarmInfo

log = logging.getLogger(__name__)

NotifyFn = Callable[..., Any]
APP_NAME = "Veilig Huisbezoek"
DEFAULT_REPEAT_MS = 60_000


class TrayState(StrEnum):
    NORMAL = "normal"
    ALARM = "alarm"


def locked_alarm_text(first_name: str) -> str:
    """All a locked app tells about an alarm (screen and desktop): the first name."""
    if first_name:
        return QCoreApplication.translate(
            "Alarm", "Alarm: bezoek van {name} — ontgrendel voor details"
        ).format(name=first_name)
    return QCoreApplication.translate("Alarm", "Alarm — ontgrendel voor details")


def alarm_sound_path() -> Path:
    return resources_dir() / "sounds" / "alarm.wav"


def plyer_notify() -> NotifyFn:
    """plyer's ``notification.notify``, resolved quietly.

    Resolving the backend warns (``UserWarning``) on a Linux without D-Bus bindings or
    ``notify-send``; the warning is swallowed here and the failure shows when sending.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from plyer import notification

            notify: NotifyFn = notification.notify
            return notify
    except Exception as exc:  # plyer missing or broken: report when sending
        error = exc

        def unavailable(**_kwargs: Any) -> None:
            raise error

        return unavailable


def _sound_effect(path: Path, parent: QObject) -> Any | None:
    """A QSoundEffect for ``path`` if QtMultimedia is installed, else None."""
    try:
        multimedia = importlib.import_module("PySide6.QtMultimedia")
    except ImportError:
        return None
    if not path.is_file():
        return None
    effect = multimedia.QSoundEffect(parent)
    effect.setSource(QUrl.fromLocalFile(str(path)))
    effect.setVolume(1.0)
    return effect


def app_icon() -> QIcon:
    """The app's own icon (window, task bar and the tray while all is well)."""
    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon


def _tray_icon(colour: str, symbol: str) -> QIcon:
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(2, 2, 60, 60)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(44)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, symbol)
    painter.end()
    return QIcon(pixmap)


class Notifier(QObject):
    # The desktop channel failed for the first time (noted once); a Dutch status line
    # without personal data, fit for ``hub.status_message``.
    desktop_failed = Signal(str)
    # The tray icon was clicked (or "openen" chosen in its menu): the shell raises its
    # window.
    tray_activated = Signal()
    # "Over Veilig Huisbezoek" chosen in the tray menu.
    about_requested = Signal()
    # "Afsluiten" chosen in the tray menu: the shell quits, through the handover.
    quit_requested = Signal()
    # (error or None, title, message) from the sending thread; delivered queued.
    _delivered = Signal(object, str, str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        notify: NotifyFn | None = None,
        sound_file: Path | None = None,
        use_tray: bool = True,
        force_tray: bool = False,
        repeat_ms: int = DEFAULT_REPEAT_MS,
    ) -> None:
        super().__init__(parent)
        self._notify = notify
        self.desktop_ok = True
        self.failure_noted = False
        self.notifications_sent = 0
        self.sounds_played = 0
        self.tray_state = TrayState.NORMAL
        self._open_count = 0
        self._closed = False
        self._threads: list[threading.Thread] = []
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)
        self._sound = _sound_effect(sound_file or alarm_sound_path(), self)
        self._repeat = QTimer(self)
        self._repeat.setInterval(repeat_ms)
        self._repeat.timeout.connect(self.play_sound)
        self._tray: QSystemTrayIcon | None = None
        self._icons: dict[TrayState, QIcon] = {}
        # Tray messages shown (texts without personal data), for tests and diagnosis.
        self.tray_messages: list[str] = []
        self.tray_menu: QMenu | None = None  # QMenu takes no QObject parent: dropped on shutdown
        # ``force_tray``: make the icon even where the platform reports no tray (tests
        # on the offscreen platform, which draws nothing).
        if use_tray and (force_tray or QSystemTrayIcon.isSystemTrayAvailable()):
            self._icons = {
                TrayState.NORMAL: app_icon(),
                TrayState.ALARM: _tray_icon("#c62828", "!"),
            }
            self._tray = QSystemTrayIcon(self._icons[TrayState.NORMAL], self)
            self._tray.setToolTip(APP_NAME)
            self._tray.activated.connect(self._activated)
            self.tray_menu = QMenu()
            self.open_action = self.tray_menu.addAction(
                QCoreApplication.translate("Notifier", "Veilig Huisbezoek &openen")
            )
            self.open_action.triggered.connect(self.tray_activated)
            self.about_action = self.tray_menu.addAction(
                QCoreApplication.translate("Notifier", "&Over Veilig Huisbezoek…")
            )
            self.about_action.triggered.connect(self.about_requested)
            self.quit_action = self.tray_menu.addAction(
                QCoreApplication.translate("Notifier", "&Afsluiten")
            )
            self.quit_action.triggered.connect(self.quit_requested)
            self._tray.setContextMenu(self.tray_menu)
            self._tray.show()

    # ---- status -------------------------------------------------------------------------
    @property
    def has_tray(self) -> bool:
        return self._tray is not None

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # The right button opens the menu; any other click opens the window.
        if reason is not QSystemTrayIcon.ActivationReason.Context:
            self.tray_activated.emit()

    def show_tray_message(self, title: str, message: str) -> None:
        """A balloon at the tray icon (no personal data in it)."""
        if self._tray is None or self._closed:
            return
        self.tray_messages.append(message)
        self._tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 15_000)

    @property
    def has_sound_file_player(self) -> bool:
        """True when QtMultimedia plays the WAV; False means QApplication.beep()."""
        return self._sound is not None

    # ---- alarms -------------------------------------------------------------------------
    def alarm(self, alarm: AlarmInfo, locked: bool = False) -> None:
        """Sound, tray in alarm state and a desktop notification for one alarm.

        ``locked``: the app is locked; the notification then says only
        :func:`locked_alarm_text`."""
        if self._closed:
            return
        self.play_sound()
        self.set_open_count(max(self._open_count, 1))
        title, message = self.notification_text(alarm, locked=locked)
        self._send(title, message)

    def set_open_count(self, count: int) -> None:
        """How many alarms are open: tray state and the repeating sound follow it."""
        self._open_count = max(0, count)
        state = TrayState.ALARM if self._open_count else TrayState.NORMAL
        if state is not self.tray_state:
            self.tray_state = state
            if self._tray is not None:
                self._tray.setIcon(self._icons[state])
                self._tray.setToolTip(
                    QCoreApplication.translate("Notifier", "Veilig Huisbezoek — alarm: open de app")
                    if state is TrayState.ALARM
                    else APP_NAME
                )
        if self._open_count and not self._closed:
            if not self._repeat.isActive():
                self._repeat.start()
        else:
            self._repeat.stop()

    def play_sound(self) -> None:
        self.sounds_played += 1
        if self._sound is not None:
            self._sound.play()
        else:
            QApplication.beep()

    def notification_text(self, alarm: AlarmInfo, *, locked: bool = False) -> tuple[str, str]:
        """Title and message for the desktop: the first name at most, never an address."""
        from ..domain.clock import to_local
        from ..domain.reminders import ReminderKind

        if locked:
            title = APP_NAME + ": " + QCoreApplication.translate("Notifier", "Alarm")
            return title, locked_alarm_text(alarm.visitor_first_name)
        name = alarm.visitor_first_name or QCoreApplication.translate("Notifier", "een collega")
        if alarm.kind is ReminderKind.CALLBACK_DUE:
            title = QCoreApplication.translate("Notifier", "Terugbelmoment")
            message = QCoreApplication.translate("Notifier", "Bel nu {name}.").format(name=name)
        elif alarm.kind is ReminderKind.OVERDUE_ALARM:
            title = QCoreApplication.translate("Notifier", "Te laat terug")
            message = QCoreApplication.translate("Notifier", "{name} is nog niet terug.").format(
                name=name
            )
        elif alarm.kind is ReminderKind.ESCALATION:
            title = QCoreApplication.translate("Notifier", "Escalatie")
            message = QCoreApplication.translate(
                "Notifier", "Alarm voor het bezoek van {name} is niet bevestigd."
            ).format(name=name)
        elif alarm.kind is ReminderKind.BUDDY_UNREACHABLE:
            title = QCoreApplication.translate("Notifier", "Buddy niet bereikbaar")
            message = QCoreApplication.translate(
                "Notifier", "Niemand kijkt mee bij het bezoek van {name}."
            ).format(name=name)
        elif alarm.kind is ReminderKind.EMERGENCY:
            title = QCoreApplication.translate("Notifier", "Noodsituatie")
            message = QCoreApplication.translate(
                "Notifier", "De buddy van {name} heeft alarm geslagen."
            ).format(name=name)
        elif alarm.kind is ReminderKind.UNWATCHED_DEPARTURE:
            title = QCoreApplication.translate("Notifier", "Vertrokken zonder bereikbare buddy")
            message = QCoreApplication.translate(
                "Notifier", "{name} is vertrokken zonder bereikbare buddy."
            ).format(name=name)
        else:
            title = QCoreApplication.translate("Notifier", "Termijn")
            message = QCoreApplication.translate("Notifier", "Er verloopt een termijn.")
        if alarm.raised_late:
            message = QCoreApplication.translate(
                "Notifier", "TE LAAT (oorspronkelijk {time}): {message}"
            ).format(time=to_local(alarm.due_at).strftime("%H:%M"), message=message)
        message += " " + QCoreApplication.translate(
            "Notifier", "Open Veilig Huisbezoek voor de gegevens."
        )
        return f"{APP_NAME}: {title}", message

    # ---- desktop channel ------------------------------------------------------------------
    def _send(self, title: str, message: str) -> None:
        if self._notify is None:
            self._notify = plyer_notify()  # resolved on the GUI thread, once
        notify = self._notify
        self._threads = [t for t in self._threads if t.is_alive()]

        def deliver() -> None:
            error: BaseException | None = None
            try:
                notify(title=title, message=message, app_name=APP_NAME, timeout=30)
            except Exception as exc:
                error = exc
            self._delivered.emit(error, title, message)

        thread = threading.Thread(target=deliver, name="vh-notify", daemon=True)
        self._threads.append(thread)
        thread.start()

    def _on_delivered(self, error: object, title: str, message: str) -> None:
        if error is None:
            self.notifications_sent += 1
            return
        self.desktop_ok = False
        if self._tray is not None and not self._closed:
            self._tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Critical)
        if not self.failure_noted:
            self.failure_noted = True
            # Once, and without personal data: the exception text may hold the message.
            log.warning(
                "desktop notifications unavailable (%s); alarms show in the app%s",
                type(error).__name__,
                " and the tray" if self._tray is not None else "",
            )
            self.desktop_failed.emit(
                QCoreApplication.translate(
                    "Notifier",
                    "Bureaubladmeldingen zijn niet beschikbaar; alarmen verschijnen in de app.",
                )
            )

    # ---- life cycle -----------------------------------------------------------------------
    def wait_idle(self, timeout: float = 2.0) -> None:
        """Wait for notification threads still sending (tests, shutdown)."""
        for thread in self._threads:
            thread.join(timeout)
        self._threads = [t for t in self._threads if t.is_alive()]

    def shutdown(self, timeout: float = 1.0) -> None:
        """Stop the repeating sound, hide the tray icon, let sending threads finish."""
        if self._closed:
            return
        self._closed = True
        self._repeat.stop()
        if self._tray is not None:
            self._tray.hide()
        if self.tray_menu is not None:
            self.tray_menu.deleteLater()
            self.tray_menu = None
        self.wait_idle(timeout)
