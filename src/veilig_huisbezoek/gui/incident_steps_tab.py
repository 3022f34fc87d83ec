"""The incident dialog's tab of immediate steps: a check per step, with the time it was
done; ticking or unticking one records it at once."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QWidget

from ..domain.clock import to_local
from ..domain.incident import Step
from ..services import incidents
from ..services.incidents import IncidentDetail
from .forms_generated.ui_incident_dialog import Ui_IncidentDialogForm
from .i18n import domain_text
from .incident_host import IncidentHost
from .keys import tab_after


class IncidentStepsTab(QObject):
    def __init__(self, host: IncidentHost, ui: Ui_IncidentDialogForm, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.steps_box = ui.stepsBox
        self.steps_status_label = ui.stepsStatusLabel
        box_layout = self.steps_box.layout()
        assert box_layout is not None
        self.step_checks: dict[Step, QCheckBox] = {}
        for step in Step:
            check = QCheckBox(domain_text(step.label))
            check.setObjectName(f"step_{step.value}")
            check.setAccessibleName(domain_text(step.label))
            box_layout.addWidget(check)
            self.step_checks[step] = check
            check.toggled.connect(partial(self._step_toggled, step))
        # In the Tab order where the tab is: after the report, before the police tab.
        tab_after(ui.fileButton, self.step_checks.values())

    def show(self, detail: IncidentDetail) -> None:
        done = {s.step: s for s in detail.steps}
        needed = set(detail.needed_steps)
        for step, check in self.step_checks.items():
            record = done.get(step)
            check.blockSignals(True)
            check.setChecked(record is not None)
            check.blockSignals(False)
            label = domain_text(step.label)
            if record is not None:
                label += self.tr(" — gedaan {time}").format(
                    time=to_local(record.done_at).strftime("%d-%m-%Y %H:%M")
                )
            elif step not in needed:
                label += self.tr(" (niet nodig bij dit incident)")
            check.setText(label)
            check.setAccessibleName(label)
        open_steps = detail.open_steps
        self.steps_status_label.setText(
            self.tr("Nog te doen: {steps}.").format(
                steps=", ".join(domain_text(s.label).lower() for s in open_steps)
            )
            if open_steps
            else self.tr("Alle nodige stappen zijn vastgelegd.")
        )

    def _step_toggled(self, step: Step, checked: bool) -> None:
        host = self.host
        if host.incident_id is None:
            return
        ctx, incident_id = host.ctx, host.incident_id
        change = incidents.record_step if checked else incidents.undo_step
        # Refused: read again, so that the tick shows what is stored.
        host.run(
            lambda: change(ctx, incident_id, step),
            lambda _result: host.announce_change(incident_id),
            host.reload,
        )
