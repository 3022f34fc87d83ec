"""Which store sessions a GUI module opens on the GUI thread.

On a team server every store session is a round trip: opened on the GUI thread it
freezes the window (and an unreachable server freezes it for the time-out). GUI code
reads and writes on the task runner (gui/tasks.py); ``GuiThreadProbe`` records every
``Store``/``TeamStore`` ``session()``/``read_session()`` opened on the main thread with
a GUI module (or the reminder scheduler, whose timers run there) on the stack, so a test
can ratchet what is left (tests/gui/test_gui_thread_store.py) and
``VH_GUI_THREAD_REPORT=FILE`` can list them all (tests/conftest.py).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Code that runs on the GUI thread: the widgets, and the reminder scheduler (its timers).
GUI_DIRS = ("/veilig_huisbezoek/gui/", "/veilig_huisbezoek/reminders/")
PROJECT_DIR = "/veilig_huisbezoek/"


def _on_gui_side(filename: str) -> bool:
    return any(d in filename for d in GUI_DIRS)


@dataclass(frozen=True)
class Opening:
    """One session opened on the GUI thread: the GUI frames, innermost first
    (``file.py:line:function``), and the innermost project frame outside gui/."""

    gui_frames: tuple[str, ...]
    callee: str

    @property
    def place(self) -> str:
        """Where it happened, without line numbers: the innermost GUI function
        (``my_visits.py:reload``). A task runner callback outside gui/ (say the reminder
        scheduler's) is named by that callback: ``tasks.py:_deliver > scheduler.py:f``."""
        file, _line, function = self.gui_frames[0].split(":", 2)
        place = f"{file}:{function}"
        if place == "tasks.py:_deliver" and self.callee:
            place += f" > {self.callee}"
        return place

    def stack(self) -> str:
        return " < ".join(self.gui_frames)


@dataclass
class GuiThreadProbe:
    openings: list[Opening] = field(default_factory=list)

    def places(self) -> set[str]:
        return {o.place for o in self.openings}

    def where(self, place: str) -> list[str]:
        """The stacks that opened a session at ``place`` (for a failure message)."""
        return sorted({o.stack() for o in self.openings if o.place == place})

    def note(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        frames = list(reversed(traceback.extract_stack()))  # innermost first
        gui = tuple(
            f"{Path(f.filename).name}:{f.lineno}:{f.name}"
            for f in frames
            if _on_gui_side(f.filename)
        )
        if not gui:
            return
        # The project frame the innermost GUI frame called (the callback of a task),
        # skipping the storage layer and this probe.
        callee = ""
        first_gui = next(i for i, f in enumerate(frames) if _on_gui_side(f.filename))
        for f in reversed(frames[:first_gui]):
            if PROJECT_DIR in f.filename and "/storage/" not in f.filename:
                callee = f"{Path(f.filename).name}:{f.name}"
                break
        self.openings.append(Opening(gui, callee))


@contextmanager
def probing() -> Iterator[GuiThreadProbe]:
    """Record the store sessions GUI modules open on the GUI thread, while inside."""
    from veilig_huisbezoek.storage.store import Store
    from veilig_huisbezoek.storage.team.store import TeamStore

    probe = GuiThreadProbe()

    def wrap(original: Any) -> Any:
        def probed(self: Any, *args: Any, **kwargs: Any) -> Any:
            probe.note()
            return original(self, *args, **kwargs)

        return probed

    originals = [
        (cls, name, cls.__dict__[name])
        for cls in (Store, TeamStore)
        for name in ("session", "read_session")
    ]
    for cls, name, original in originals:
        setattr(cls, name, wrap(original))
    try:
        yield probe
    finally:
        for cls, name, original in originals:
            setattr(cls, name, original)
