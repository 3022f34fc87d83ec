"""The scripted session for test_no_plaintext.py (run by it in a separate pytest process).

Not collected by a normal run (the name does not start with ``test_``): the outer test
starts ``python -m pytest`` on this file with HOME, the XDG folders, TMPDIR and the
app's state folder all pointing into one private folder, then scans every file below it.
A fresh process makes sure Qt and SQLite pick those folders up (both cache them).

The session uses distinctive personal strings (PERSONAL) for everything a person types:
addresses, residents, clients, phone numbers, reasons, roles notes, register notes and
their retire reason, an incident report with its aangifte, aftercare and an evidence
file - through the services (visits, call-backs, calls, a return "with incident", the
incident, register notes) and one visit through the prepare-visit page.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from tests.gui.test_prepare_visit import STEP_PLAN, answer, click, pick, type_address
from tests.presence_helpers import visit_buddy_present
from tests.robustness.helpers import make_cheap_store, type_text
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.checklist import Answer, RiskLevel, assess, default_checklist
from veilig_huisbezoek.domain.clock import FakeClock, to_local
from veilig_huisbezoek.domain.incident import (
    AftercareRecord,
    AftercareTalk,
    BehaviourCategory,
    Channel,
    IncidentReport,
    Injury,
    PoliceReport,
    ReportKind,
    Step,
    TalkOutcome,
)
from veilig_huisbezoek.domain.register import NoteCategory
from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.domain.visit import VisitPlan, VisitReason, default_callbacks
from veilig_huisbezoek.gui.hub import AppHub
from veilig_huisbezoek.gui.i18n import save_language
from veilig_huisbezoek.gui.maintenance import MaintenanceRunner
from veilig_huisbezoek.gui.prepare_visit import PrepareVisitPage
from veilig_huisbezoek.gui.tasks import TaskRunner
from veilig_huisbezoek.services import accounts, backups, incidents, register, retention, visits
from veilig_huisbezoek.services.accounts import NewAccount
from veilig_huisbezoek.services.app_log import start_log_file
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.visit_details import get_visit_detail

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

# Through the services.
STREET = "Kwispeldijkstraat"
CITY = "Zwanenburgerveen"
RESIDENTS = "Gerbrandina Pieterszoon-Ölmez"
CLIENT = "Hieronymus Quackernaat"
ROLES_NOTE = "Quackernaat-gesprek leidt Wubbolt"
DEVIATION = "Alleen want collega Wubbolt-Smeenk is ziek"
NOTE_TEXT = "Quackernaat dreigde met een kruisboog bij de voordeur"
PRECAUTIONS = "Nooit alleen bij Kwispeldijkstraat aanbellen"
RETIRE_REASON = "Pieterszoon-Ölmez is verhuisd naar Terschellingerhoeve"
# The incident report, its follow-up and an evidence file (digital aggression).
INCIDENT_WIE = "Zoon Barendrecht-Ypma van de cliënt"
INCIDENT_WAT = "Gooide een Zwaluwstaartvaas naar het hoofd van Wubbolt"
INCIDENT_WITNESS = "Getuige Jolanthe Kroezenga"
POLICE_REFERENCE = "PL2300-2026778899"
EVIDENCE_NAME = "Kroezenga-dreigbericht.png"
EVIDENCE_TEXT = "dreigbericht van Barendrecht-Ypma: ik weet waar je woont"
AFTERCARE_NOTE = "Wubbolt slaapt slecht sinds de Zwaluwstaartvaas"
PHONE = "06-41239876"
# Through the GUI.
GUI_STREET = "Tjalkkadeplantsoen"
GUI_RESIDENTS = "Fokeltje Drieskensz-Ĳsbrandt"
GUI_CLIENTS = "Wiebrand Oosterwolde-Nijenhuis"
GUI_ROLES = "Drieskensz voert het woord"
GUI_PHONE = "045 579 1357"

PERSONAL: tuple[str, ...] = (
    STREET,
    CITY,
    RESIDENTS,
    "Pieterszoon",
    CLIENT,
    "Quackernaat",
    ROLES_NOTE,
    DEVIATION,
    "Wubbolt",
    NOTE_TEXT,
    "kruisboog",
    PRECAUTIONS,
    RETIRE_REASON,
    "Terschellingerhoeve",
    "Barendrecht",
    "Zwaluwstaartvaas",
    "Kroezenga",
    "2026778899",
    "ik weet waar je woont",
    GUI_STREET,
    GUI_RESIDENTS,
    "Drieskensz",
    GUI_CLIENTS,
    "Oosterwolde",
    GUI_ROLES,
    # Phone numbers as typed and as stored (E.164).
    "41239876",
    "+31641239876",
    "5791357",
    "+31455791357",
)

SERVICE_ADDRESS = Address(STREET, 4711, "bis", "9999 ZZ", CITY)
GUI_ADDRESS = (GUI_STREET, "88", "", "9998 XY", CITY)


def _assessment(level: RiskLevel):  # type: ignore[no-untyped-def]
    checklist = default_checklist()
    answers = {item.id: Answer.NEE for item in checklist.items}
    if level is RiskLevel.ORANJE:
        answers["handhaving"] = answers["slecht_nieuws"] = Answer.JA
    return assess(checklist, answers)


def _plan(ctx: ServiceContext, clock: FakeClock, buddy_id: int) -> VisitPlan:
    start = clock.now() + timedelta(minutes=30)
    end = start + timedelta(hours=2)
    return VisitPlan.create(
        reason=VisitReason.HANDHAVING,
        address=SERVICE_ADDRESS,
        residents=RESIDENTS,
        clients=CLIENT,
        client_phone_text=PHONE,
        start=start,
        expected_return=end,
        visitor_id=ctx.actor.account_id,
        colleague_ids=(),
        roles_note=ROLES_NOTE,
        interpreter=True,
        announced_in_writing=True,
        buddy_id=buddy_id,
        callbacks=default_callbacks(start, end, RiskLevel.ORANJE),
        now=clock.now(),
    )


def _service_session(data_dir: Path, clock: FakeClock) -> None:
    anna = accounts.log_in(data_dir, "anna", "anna-wachtwoord-1", clock)
    bram_id = accounts.add_account(
        anna,
        NewAccount(
            "bram", "bram-wachtwoord-3", "Bram", "Smit", frozenset({Role.MEDEWERKER}), PHONE
        ),
    )
    petra_id = accounts.add_account(
        anna,
        NewAccount(
            "petra", "petra-wachtwoord-4", "Petra", "de Groot", frozenset({Role.LEIDINGGEVENDE})
        ),
    )
    assert petra_id
    sanne = accounts.log_in(data_dir, "sanne", "sanne-wachtwoord-2", clock)
    bram = accounts.log_in(data_dir, "bram", "bram-wachtwoord-3", clock)
    petra = accounts.log_in(data_dir, "petra", "petra-wachtwoord-4", clock)
    try:
        made = []
        for incident in (False, True):
            visit_id = visits.save_visit(
                sanne,
                _plan(sanne, clock, bram_id),
                _assessment(RiskLevel.ORANJE),
                deviation_reason=DEVIATION,
            )
            visits.schedule_visit(sanne, visit_id)
            visit_buddy_present(sanne, visit_id)
            visits.depart(sanne, visit_id)
            visits.record_call(bram, visit_id, reached=False)
            visits.record_call(bram, visit_id, reached=False)
            if incident:
                visits.return_with_incident(sanne, visit_id)
            else:
                visits.return_safe(sanne, visit_id)
            made.append(visit_id)
        note_id = register.propose_note(
            sanne,
            address=SERVICE_ADDRESS,
            category=NoteCategory.BEDREIGING,
            incident_date=to_local(clock.now()).date(),
            description=NOTE_TEXT,
            precautions=PRECAUTIONS,
            source_visit_id=made[1],
        )
        register.approve_note(anna, note_id)
        assert register.warnings_for(petra, SERVICE_ADDRESS.key)
        other = register.propose_note(
            bram,
            address=SERVICE_ADDRESS,
            category=NoteCategory.GEVAARLIJK_DIER,
            incident_date=to_local(clock.now()).date(),
            description=NOTE_TEXT + " en een hond",
        )
        register.approve_note(petra, other)
        register.retire_note(petra, other, RETIRE_REASON)
        register.search_notes(petra, text=STREET)
        _incident(sanne, petra, clock, made[1])
        accounts.change_password(sanne, "sanne-wachtwoord-2", "sanne-nieuw-wachtwoord")
        backups.make_backup(anna)
        retention.apply_retention(anna)
    finally:
        for ctx in (anna, sanne, bram, petra):
            ctx.store.close()


def _incident(sanne: ServiceContext, petra: ServiceContext, clock: FakeClock, visit: int) -> None:
    """The report, its steps, the aangifte, aftercare, an evidence file, a register note."""
    now = clock.now()
    report = IncidentReport.create(
        occurred_at=now - timedelta(minutes=20),
        channel=Channel.HUISBEZOEK,
        category=BehaviourCategory.D,
        wie=INCIDENT_WIE,
        wat=INCIDENT_WAT,
        waar=f"{STREET} 4711bis",
        waarmee="Zwaluwstaartvaas",
        injury=Injury.LICHT,
        injury_details="Schaafwond bij Wubbolt",
        witnesses=INCIDENT_WITNESS,
        now=now,
    )
    incident_id = incidents.file_incident(sanne, report, visit_id=visit)
    incidents.record_step(sanne, incident_id, Step.VEILIGHEID)
    incidents.record_police_report(
        sanne,
        incident_id,
        PoliceReport.create(
            kind=ReportKind.AANGIFTE,
            reported_by="Wubbolt-Smeenk",
            reported_at=now,
            police_reference=POLICE_REFERENCE,
            municipality_address="Postbus Quackernaat 1",
            vpt_mentioned=True,
            occurred_at=report.occurred_at,
            now=now,
        ),
    )
    incidents.add_attachment(
        sanne,
        incident_id,
        filename=EVIDENCE_NAME,
        content=EVIDENCE_TEXT.encode("utf-8"),
        captured_at=now - timedelta(minutes=5),
    )
    incidents.record_aftercare(
        petra,
        incident_id,
        AftercareRecord.create(
            talk=AftercareTalk.EERSTE,
            outcome=TalkOutcome.GEHOUDEN,
            on=to_local(now).date(),
            note=AFTERCARE_NOTE,
            occurred_at=report.occurred_at,
            now=now,
        ),
    )
    incidents.propose_register_note(
        sanne,
        incident_id,
        address=SERVICE_ADDRESS,
        category=NoteCategory.GEWELD,
        incident_date=to_local(now).date(),
        description="Zwaluwstaartvaas gegooid door Barendrecht-Ypma",
    )


def _gui_visit(qtbot: QtBot, data_dir: Path, clock: FakeClock) -> None:
    ctx = accounts.log_in(data_dir, "bram", "bram-wachtwoord-3", clock)
    tasks = TaskRunner()
    try:
        page = PrepareVisitPage(ctx, tasks, AppHub())
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        qtbot.waitExposed(page)
        type_address(qtbot, page, *GUI_ADDRESS)
        click(qtbot, page.next_button)
        answer(qtbot, page, {})
        click(qtbot, page.next_button)
        type_text(page.advice_step.roles_edit, GUI_ROLES)
        click(qtbot, page.next_button)
        assert page.current_step() == STEP_PLAN
        pick(qtbot, page.plan_step.reason_combo, "Dienst")
        type_text(page.plan_step.residents_edit, GUI_RESIDENTS)
        type_text(page.plan_step.clients_edit, GUI_CLIENTS)
        qtbot.keyClicks(page.plan_step.phone_edit, GUI_PHONE)
        pick(qtbot, page.plan_step.buddy_combo, "Sanne")
        assert page.plan_step.buddy_combo.currentText().startswith("Sanne")
        click(qtbot, page.next_button)
        with qtbot.waitSignal(page.planned, timeout=10_000) as planned:
            click(qtbot, page.review_step.save_button)
        detail = get_visit_detail(ctx, planned.args[0])
        assert detail.residents == GUI_RESIDENTS and detail.address.street == GUI_STREET
        # The automatic upkeep the main window runs (backup, retention) as well.
        runner = MaintenanceRunner(ctx, tasks, clock)
        clock.advance(timedelta(days=1))
        with qtbot.waitSignal(runner.finished, timeout=15_000):
            runner.start()
        runner.stop()
        page.close()
    finally:
        tasks.shutdown()
        ctx.store.close()


def test_scripted_session(qtbot: QtBot) -> None:
    root = Path(os.environ["VH_PLAINTEXT_ROOT"])
    # The app's own log file (services/app_log.py), at its most talkative.
    start_log_file(root / "logs")
    logging.getLogger().setLevel(logging.DEBUG)
    QCoreApplication.setOrganizationName("Veilig Huisbezoek")
    QCoreApplication.setApplicationName("Veilig Huisbezoek")
    save_language("nl")  # Qt settings: the only preference the app keeps there
    clock = FakeClock(NOW)
    data_dir = root / "data"
    make_cheap_store(data_dir, clock)
    _service_session(data_dir, clock)
    _gui_visit(qtbot, data_dir, clock)
    logging.getLogger("veilig_huisbezoek").info("sessie klaar")
    # An unexpected error whose message quotes what was typed: logged without it.
    try:
        raise ValueError(f"[parameters: ({PERSONAL[0]!r},)]")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    logging.shutdown()


if __name__ == "__main__":  # pragma: no cover - run through pytest only
    raise SystemExit(pytest.main([__file__]))
