"""Background upkeep while someone is logged in: automatic backups and retention.

``MaintenanceRunner(ctx, tasks, clock)`` runs :func:`services.backups.backup_if_due`
and :func:`services.retention.apply_retention` on the worker thread of the shared
:class:`TaskRunner` (never on the GUI thread): once when :meth:`start` is called and
then every hour. Both are cheap when nothing is due (a folder listing and two indexed
queries), so the hourly check costs nothing noticeable; a backup is only written when
the newest is older than the ``backup_interval_hours`` setting.

Retention needs a beheerder or leidinggevende (the service checks); for anyone else
only the backup part runs. A failure (full disk, read-only folder) is reported through
:attr:`problem` with the Dutch message and retried at the next hour; it never stops the
app. Results come back as a :class:`MaintenanceReport` through :attr:`finished`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.clock import Clock
from ..domain.errors import UserError
from ..domain.roles import Permission
from ..services.backups import BackupInfo, backup_if_due
from ..services.context import ServiceContext
from ..services.retention import RetentionResult, apply_retention
from ..storage.errors import StoreError
from .tasks import TaskRunner

HOUR_MS = 60 * 60 * 1000


@dataclass(frozen=True)
class MaintenanceReport:
    backup: BackupInfo | None  # the backup made now, None when none was due (or failed)
    retention: RetentionResult | None  # None when this person may not apply retention
    problems: tuple[str, ...] = ()  # Dutch messages, fit to show

    @property
    def ok(self) -> bool:
        return not self.problems


def may_apply_retention(ctx: ServiceContext) -> bool:
    return ctx.actor.may(Permission.MANAGE_SETTINGS) or ctx.actor.may(Permission.MANAGE_NOTES)


def run_maintenance(ctx: ServiceContext, clock: Clock) -> MaintenanceReport:
    """One round (on the worker thread): backup if due, then retention; never raises a
    user-facing error - those end up in ``problems``."""
    now = clock.now()
    problems: list[str] = []
    backup: BackupInfo | None = None
    retention: RetentionResult | None = None
    try:
        backup = backup_if_due(ctx, now)
    except (StoreError, UserError) as exc:
        problems.append(f"Automatische back-up mislukt: {exc}")
    if may_apply_retention(ctx):
        try:
            retention = apply_retention(ctx, now)
        except (StoreError, UserError) as exc:
            problems.append(f"Bewaartermijnen toepassen mislukt: {exc}")
    return MaintenanceReport(backup, retention, tuple(problems))


class MaintenanceRunner(QObject):
    finished = Signal(object)  # MaintenanceReport
    problem = Signal(str)  # a Dutch message, for the status bar

    def __init__(
        self,
        ctx: ServiceContext,
        tasks: TaskRunner,
        clock: Clock,
        parent: QObject | None = None,
        *,
        interval_ms: int = HOUR_MS,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._clock = clock
        self._running = False  # a round is queued or under way
        self._stopped = True
        self.rounds = 0  # finished rounds (for tests and diagnostics)
        self.last_report: MaintenanceReport | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run_now)

    @property
    def busy(self) -> bool:
        return self._running

    def start(self) -> None:
        """A round now, then one every interval (default: hourly)."""
        self._stopped = False
        self.timer.start()
        self.run_now()

    def stop(self) -> None:
        """Before logging out / locking the store: no new rounds; a queued one is skipped."""
        self._stopped = True
        self.timer.stop()

    def run_now(self) -> None:
        if self._stopped or self._running:
            return  # one round at a time; the next tick catches up
        self._running = True
        ctx, clock = self._ctx, self._clock

        def job() -> MaintenanceReport | None:
            if self._stopped:  # stopped while queued behind other work
                return None
            return run_maintenance(ctx, clock)

        self._tasks.run(job, self._done, self._failed)

    def _done(self, report: object) -> None:
        self._running = False
        if report is None:
            return
        assert isinstance(report, MaintenanceReport)
        self.rounds += 1
        self.last_report = report
        for message in report.problems:
            self.problem.emit(message)
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        # Not a StoreError/UserError (those are in the report): a bug or a closed store.
        self._running = False
        self.rounds += 1
        self.problem.emit("Automatisch onderhoud mislukt door een onverwachte fout.")
