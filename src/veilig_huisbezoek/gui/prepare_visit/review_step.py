"""Step 5, Controle: a read-only summary of the plan, and saving it (scheduled, or as a
concept waiting for consent)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from ...domain.checklist import RiskLevel
from ...domain.clock import to_local
from ...domain.errors import UserError, ValidationError, ValidationErrors
from ...domain.phone import format_phone
from ...services import planning
from ...services.planning import PlanNotScheduledError
from ...storage.errors import StoreError
from ..forms_generated.ui_prepare_visit import Ui_PrepareVisitForm
from ..i18n import domain_text, error_text
from ..look import PRIMARY_BUTTON_STYLE, scaled_font
from .checklist_step import make_badge
from .common import STEP_ADVICE, STEP_CHECK, escape, translate

if TYPE_CHECKING:
    from .page import PrepareVisitPage


class ReviewStep:
    """The summary labels and the save, concept and consent buttons of the last step."""

    def __init__(self, page: PrepareVisitPage, ui: Ui_PrepareVisitForm) -> None:
        self.page = page
        self.review_address = ui.reviewAddressLabel
        self.review_advice = ui.reviewAdviceLabel
        self.review_summary = ui.reviewSummaryLabel
        self.review_consent = ui.reviewConsentLabel
        self.save_button = ui.saveButton
        self.concept_button = ui.conceptButton
        self.review_consent_button = ui.reviewConsentButton
        self.save_error = ui.saveErrorLabel
        self.review_badge = make_badge(ui.reviewBadgeHolder, 1.6)
        self.review_address.setFont(scaled_font(self.review_address, 1.7))
        self.review_advice.setFont(scaled_font(self.review_advice, 1.2))
        for label in (self.review_address, self.review_summary):
            label.setTextFormat(Qt.TextFormat.RichText)
        self.save_button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        self.save_button.setFont(scaled_font(self.save_button, 1.15))
        self.concept_button.setFont(scaled_font(self.concept_button, 1.0))

    def connect(self) -> None:
        self.review_consent_button.clicked.connect(self.page.consent_step.ask_now)
        self.save_button.clicked.connect(lambda: self.save(schedule=True))
        self.concept_button.clicked.connect(lambda: self.save(schedule=False))

    def hide_buttons(self) -> None:
        """Off the last step: the save buttons live in the navigation row."""
        for button in (self.save_button, self.concept_button, self.review_consent_button):
            button.hide()
        self.save_error.hide()

    def show_review(self) -> None:
        """A read-only summary of the validated plan (built when leaving step 4)."""
        page = self.page
        plan = page.plan_step.plan
        if plan is None:
            return
        address = plan.address
        self.review_address.setText(
            f"{escape(address.short())}<br>{escape(address.postcode)} {escape(address.city)}"
        )
        assessment = page.checklist_step.assessment
        if assessment is not None:
            self.review_advice.setText(domain_text(assessment.advice.title))
        team = {p.id: p for p in page.team}
        yes, no = translate("PrepareVisitPage", "ja"), translate("PrepareVisitPage", "nee")
        going = [
            translate("PrepareVisitPage", "uzelf ({name})").format(name=page.ctx.actor.display_name)
        ]
        going += [team[i].display_name for i in plan.colleague_ids if i in team]
        buddy_text = ""
        if plan.buddy_id in team:
            buddy = team[plan.buddy_id]
            phone = (
                format_phone(buddy.phone)
                if buddy.phone
                else translate("PrepareVisitPage", "geen nummer bekend")
            )
            buddy_text = f"{buddy.display_name} ({phone})"
        reason = page.plan_step.reason_label(plan.reason)
        rows: list[tuple[str, str]] = [
            (translate("PrepareVisitPage", "Reden"), escape(reason)),
            (translate("PrepareVisitPage", "Geplande start"), escape(self.day_text(plan.start))),
            (
                translate("PrepareVisitPage", "Verwachte terugkomst"),
                escape(self.day_text(plan.expected_return)),
            ),
            (translate("PrepareVisitPage", "Wie gaan er"), escape(", ".join(going))),
        ]
        if plan.roles_note:
            rows.append((translate("PrepareVisitPage", "Rollen"), escape(plan.roles_note)))
        rows += [
            (translate("PrepareVisitPage", "Buddy"), escape(buddy_text)),
            (
                translate("PrepareVisitPage", "Terugbelmomenten"),
                escape(", ".join(to_local(m).strftime("%H:%M") for m in plan.callbacks))
                or translate("PrepareVisitPage", "geen"),
            ),
            (translate("PrepareVisitPage", "Bewoners"), escape(plan.residents)),
            (translate("PrepareVisitPage", "Cliënt(en)"), escape(plan.clients)),
            (
                translate("PrepareVisitPage", "Telefoon cliënt"),
                escape(format_phone(plan.client_phone)),
            ),
            (translate("PrepareVisitPage", "Tolk"), yes if plan.interpreter else no),
            (
                translate("PrepareVisitPage", "Schriftelijk aangekondigd"),
                yes if plan.announced_in_writing else no,
            ),
        ]
        notes = page.address_step.notes
        if notes:
            rows.append(
                (
                    translate("PrepareVisitPage", "Register"),
                    "<b>"
                    + escape(", ".join(domain_text(n.category.label) for n in notes))
                    + "</b> "
                    + translate("PrepareVisitPage", "(actieve notitie, zie waarschuwing)"),
                )
            )
        deviation = page.advice_step.deviation_reason()
        if deviation:
            rows.append(
                (translate("PrepareVisitPage", "Reden afwijking advies"), escape(deviation))
            )
        self.review_summary.setText(
            "<table cellspacing='4' cellpadding='2'>"
            + "".join(f"<tr><td><b>{escape(k)}</b></td><td>{v or '—'}</td></tr>" for k, v in rows)
            + "</table>"
        )
        self._show_buttons()

    def _show_buttons(self) -> None:
        consent_step = self.page.consent_step
        rood = self.page.level() is RiskLevel.ROOD
        missing = rood and consent_step.grant is None
        later = consent_step.later()
        self.review_consent.setVisible(rood)
        if rood:
            self.review_consent.setText(consent_step.consent_status.text())
            self.review_consent.setStyleSheet(consent_step.consent_status.styleSheet())
        self.save_button.setVisible(not (missing and later))
        self.concept_button.setVisible(missing)
        self.review_consent_button.setVisible(missing)
        self.concept_button.setStyleSheet(PRIMARY_BUTTON_STYLE if later else "")

    @staticmethod
    def day_text(moment: datetime) -> str:
        days = (
            translate("PrepareVisitPage", "maandag"),
            translate("PrepareVisitPage", "dinsdag"),
            translate("PrepareVisitPage", "woensdag"),
            translate("PrepareVisitPage", "donderdag"),
            translate("PrepareVisitPage", "vrijdag"),
            translate("PrepareVisitPage", "zaterdag"),
            translate("PrepareVisitPage", "zondag"),
        )
        local = to_local(moment)
        return f"{days[local.weekday()]} {local.strftime('%d-%m-%Y %H:%M')}"

    def save(self, *, schedule: bool = True) -> None:
        """Opslaan en plannen (``schedule``) or store as concept for later consent."""
        page = self.page
        self.save_error.hide()
        page.errors.say("")
        assessment = page.checklist_step.assessment
        if assessment is None or not page.checklist_step.check_answered():
            if page.current_step() != STEP_CHECK:
                page.go_to(STEP_CHECK)
            return
        if not page.advice_step.check():
            page.go_to(STEP_ADVICE)
            page.advice_step.check()
            return
        plan = page.plan_step.build_plan()
        if plan is None:
            return
        page.consent_step.check_basis()
        try:
            visit_id = planning.plan_visit(
                page.ctx,
                plan,
                assessment,
                deviation_reason=page.advice_step.deviation_reason(),
                consent=page.consent_step.grant,
                schedule=schedule,
            )
        except PlanNotScheduledError as exc:
            page.hub.visits_changed.emit()
            page.reset_form()
            page.errors.say(error_text(exc), error=True)
            return
        except ValidationErrors as exc:
            page.show_errors_on_their_step(exc.errors)
            return
        except ValidationError as exc:
            page.show_errors_on_their_step([exc])
            return
        except (UserError, StoreError) as exc:
            self.save_error.setText("⚠ " + error_text(exc))
            self.save_error.show()
            return
        page.hub.visits_changed.emit()
        when = self.day_text(plan.start)
        address = plan.address.one_line()
        page.reset_form()
        if schedule:
            page.errors.say(
                translate(
                    "PrepareVisitPage",
                    "Bezoek gepland: {address}, {when}. "
                    "Vertrek via Mijn bezoeken met ‘Vertrekken’.",
                ).format(address=address, when=when)
            )
            page.hub.status_message.emit(translate("PrepareVisitPage", "Bezoek gepland."))
        else:
            page.errors.say(
                translate(
                    "PrepareVisitPage",
                    "Bezoek als concept opgeslagen: {address}, {when}. Uw leidinggevende geeft "
                    "toestemming vanuit het eigen scherm; daarna plant u het in Mijn bezoeken.",
                ).format(address=address, when=when)
            )
            page.hub.status_message.emit(
                translate("PrepareVisitPage", "Bezoek als concept opgeslagen.")
            )
        page.planned.emit(visit_id)
