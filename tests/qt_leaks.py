"""What a GUI test may not leave behind: top-level widgets, running timers, threads.

Checked after pytest-qt has closed the widgets a test registered (``qtbot.addWidget``)
and after the deferred deletes have run, so what is left is what the code under test
(or the test) forgot to stop or close: a window nobody closes, a timer that keeps firing
into the next test, a worker thread nobody joined.
"""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget


@dataclass(frozen=True)
class QtState:
    widgets: frozenset[int]
    threads: frozenset[int]


def _flush() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    # Widgets a test dropped in a reference cycle are collected here, between tests,
    # not by a later collection in the middle of some Qt call of the next test.
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def snapshot() -> QtState:
    return QtState(
        widgets=frozenset(id(w) for w in QApplication.topLevelWidgets()),
        threads=frozenset(t.ident or 0 for t in threading.enumerate()),
    )


def _describe(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName()!r})"


def leaks_since(before: QtState) -> list[str]:
    """What is still there that was not there before the test."""
    _flush()
    found: list[str] = []
    widgets = [
        w
        for w in QApplication.topLevelWidgets()
        if id(w) not in before.widgets and shiboken6.isValid(w) and _counts(w)
    ]
    found += [f"top-level widget {_describe(w)}" for w in widgets]
    threads = [
        t
        for t in threading.enumerate()
        if (t.ident or 0) not in before.threads and t.is_alive() and not t.daemon
    ]
    found += [f"thread {t.name!r}" for t in threads]
    if QThreadPool.globalInstance().activeThreadCount():
        found.append("QThreadPool jobs still running")
    timers = [
        obj
        for obj in gc.get_objects()
        if isinstance(obj, QTimer) and shiboken6.isValid(obj) and obj.isActive()
    ]
    found += [f"active QTimer (parent {type(t.parent()).__name__})" for t in timers]
    return found


def _counts(widget: QWidget) -> bool:
    """Hidden Qt internals (tooltips, the desktop widget, menus' tear-offs) do not count;
    a widget of ours does, shown or not, until it is deleted."""
    return widget.isVisible() or type(widget).__module__.startswith("veilig_huisbezoek")
