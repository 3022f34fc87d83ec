"""Render the announcement letter and the incident form from a demo store to PNG in docs/.

    python tools/render_documents.py [--dpi 80]

Needs ``pdftoppm`` (poppler-utils). The demo store lives in a temporary folder that is
deleted afterwards; the PDFs go from memory straight into pdftoppm's stdin (demo data
only, but the app's rule holds here too: no PDF in a temporary file).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
DEMO_START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def to_png(pdf: bytes, target: Path, dpi: int, page: int = 1) -> None:
    """pdftoppm reads the PDF from stdin and writes ``target`` (one page)."""
    stem = target.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            "-",
            str(stem),
        ],
        input=pdf,
        check=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from veilig_huisbezoek.domain.address import Address
    from veilig_huisbezoek.domain.checklist import Answer, assess, default_checklist
    from veilig_huisbezoek.domain.clock import FakeClock
    from veilig_huisbezoek.domain.incident import (
        AftercareRecord,
        IncidentReport,
        PoliceReport,
        Step,
    )
    from veilig_huisbezoek.domain.settings import Settings
    from veilig_huisbezoek.domain.visit import VisitPlan
    from veilig_huisbezoek.outputs.incident_form import incident_form_pdf
    from veilig_huisbezoek.outputs.letter import letter_pdf
    from veilig_huisbezoek.services import documents, incidents, planning, visits
    from veilig_huisbezoek.services.accounts import log_in
    from veilig_huisbezoek.services.demo import DEMO_ACCOUNTS, create_demo_store
    from veilig_huisbezoek.services.settings import save_settings

    app = QApplication(sys.argv[:1])
    passwords = {d.username: d.password for d in DEMO_ACCOUNTS}
    clock = FakeClock(DEMO_START)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        create_demo_store(data_dir, visits=10, clock=clock)

        def login(user: str):  # type: ignore[no-untyped-def]
            return log_in(data_dir, user, passwords[user], clock)

        tom = login("tom")
        save_settings(
            tom,
            replace(
                Settings(),
                municipality_name="Gemeente Heerlen",
                municipality_address="Postbus 1\n6400 AA Heerlen\nGeleenstraat 27, 6411 HR Heerlen",
            ),
        )
        tom.store.close()
        sanne = login("sanne")
        checklist = default_checklist()
        assessment = assess(checklist, {i.id: Answer.NEE for i in checklist.items})
        buddy = next(a for a in planning.team_members(sanne) if a.username == "ahmed")
        lotte = next(a for a in planning.team_members(sanne) if a.username == "lotte")
        start = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
        end = start + timedelta(hours=1)
        plan = VisitPlan.create(
            reason="dienstverlening",
            address=Address.create("Akerstraat", "12", "6411 HC", "Heerlen"),
            residents="Dhr. en mevr. Janssen",
            clients="Mevr. A. Janssen",
            client_phone_text="045 560 5040",
            start=start,
            expected_return=end,
            visitor_id=sanne.actor.account_id,
            colleague_ids=(lotte.id,),
            roles_note="",
            interpreter=False,
            announced_in_writing=True,
            buddy_id=buddy.id,
            callbacks=planning.suggested_callbacks(sanne, start, end, assessment.level),
            now=clock.now(),
        )
        visit_id = planning.plan_visit(sanne, plan, assessment, schedule=True)
        DOCS.mkdir(exist_ok=True)
        letter = documents.announcement_letter(sanne, visit_id)
        to_png(letter_pdf(letter), DOCS / "announcement-letter.png", args.dpi)

        clock.set(start + timedelta(minutes=-5))
        # Ahmed (the buddy) is logged in somewhere: the departure checks it.
        sanne.store.heartbeat("render-ahmed", buddy.id, clock.now(), locked=False)
        visits.depart(sanne, visit_id)
        clock.set(start + timedelta(minutes=40))
        visits.return_with_incident(sanne, visit_id)
        report = IncidentReport.create(
            occurred_at=start + timedelta(minutes=25),
            channel="huisbezoek",
            category="D",
            wie="Bewoner (zoon van de cliënt, man van ongeveer 40 jaar)",
            wat="Tijdens het gesprek over de herindicatie werd de bewoner steeds bozer. "
            "Hij schreeuwde, sloeg op tafel en dreigde de medewerker 'buiten op te wachten'.",
            waar="Huisbezoek, Akerstraat 12, 6411 HC Heerlen (woonkamer)",
            waarmee="Geen voorwerpen",
            wijze="Verbale bedreiging; kwam dreigend dichtbij staan",
            waarom="Onvrede over de beslissing op de aanvraag",
            witnesses="Lotte Bakker (collega)",
            now=clock.now(),
        )
        incident_id = incidents.file_incident(sanne, report, visit_id=visit_id)
        incidents.record_step(sanne, incident_id, Step.VEILIGHEID, start + timedelta(minutes=27))
        incidents.record_step(sanne, incident_id, Step.LEIDINGGEVENDE)
        clock.advance(timedelta(hours=3))
        incidents.record_police_report(
            sanne,
            incident_id,
            PoliceReport.create(
                kind="aangifte",
                reported_by="Petra de Groot",
                reported_at=clock.now(),
                police_reference="PL2300-2026-123456",
                municipality_address="Geleenstraat 27, 6411 HR Heerlen",
                vpt_mentioned=True,
                occurred_at=report.occurred_at,
                now=clock.now(),
            ),
        )
        incidents.add_attachment(
            sanne,
            incident_id,
            filename="bericht-facebook.png",
            content=b"\x89PNG demo",
            captured_at=report.occurred_at - timedelta(days=1),
        )
        sanne.store.close()
        clock.advance(timedelta(days=1))
        petra = login("petra")
        incidents.record_aftercare(
            petra,
            incident_id,
            AftercareRecord.create(
                talk="eerste",
                outcome="gehouden",
                on=clock.now().date(),
                note="Stoom afgeblazen; uitleg over stressreacties gegeven.",
                occurred_at=report.occurred_at,
                now=clock.now(),
            ),
        )
        pdf = incident_form_pdf(documents.incident_form(petra, incident_id))
        petra.store.close()
        to_png(pdf, DOCS / "incident-form.png", args.dpi, page=1)
        to_png(pdf, DOCS / "incident-form-2.png", args.dpi, page=2)
    del app
    print("docs/announcement-letter.png, docs/incident-form.png, docs/incident-form-2.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
