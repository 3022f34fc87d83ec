"""In English nothing Dutch is left: every page of every role and every dialog.

Each screen is opened as a person would, with the English translation installed, and
every text it shows (see tests/gui/shown_texts.py) is compared with the Dutch source
texts of the catalogue and the domain. Names and data (addresses, people, notes typed
in Dutch, numbers, dates, phone numbers) are not in the catalogue, so they pass; the
few catalogue texts that may show in English too are listed in ``ALLOWED``, each with
its reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from functools import partial

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.conftest import DemoEnv
from tests.gui.prepare_steps import answer, click, tick_colleague, type_address
from tests.gui.shown_texts import DutchCatalogue, dutch_texts, shown_texts
from tests.gui.test_app_alarms import log_in as login_as_a_person_would
from tests.gui.test_call_dialog import buddy_visit, choose, make_dialog
from tests.gui.test_incident_dialog import returned_visit
from veilig_huisbezoek.domain import register as rules
from veilig_huisbezoek.domain.address import Address, parse_address_key
from veilig_huisbezoek.domain.checklist import (
    REASON_TEMPLATES,
    Reason,
    RiskLevel,
    default_checklist,
)
from veilig_huisbezoek.domain.clock import local_to_utc, to_local
from veilig_huisbezoek.domain.errors import UserError
from veilig_huisbezoek.domain.incident import IncidentReport
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.domain.visit import VisitState, transition
from veilig_huisbezoek.gui.accounts_page import AccountDialog, AccountsPage
from veilig_huisbezoek.gui.i18n import (
    domain_text,
    error_text,
    install_translators,
    reason_text,
    stored_reason_text,
)
from veilig_huisbezoek.gui.incident_dialog import IncidentDialog
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.my_visits import MyVisitsPage
from veilig_huisbezoek.gui.password_dialog import PasswordDialog
from veilig_huisbezoek.gui.prepare_visit import STEP_ADVICE, STEP_CHECK, STEP_PLAN, ConsentDialog
from veilig_huisbezoek.gui.register_page import RegisterPage
from veilig_huisbezoek.gui.visit_detail import VisitDetailDialog
from veilig_huisbezoek.services import accounts, planning
from veilig_huisbezoek.services.demo import DEMO_ACCOUNTS, DEMO_WARNING_ADDRESS, demo_logins
from veilig_huisbezoek.services.planning import PlanNotScheduledError
from veilig_huisbezoek.services.settings import save_settings
from veilig_huisbezoek.services.visit_details import get_visit_detail
from veilig_huisbezoek.storage.errors import AuthenticationError, StoreError
from veilig_huisbezoek.storage.incident_models import Incident
from veilig_huisbezoek.storage.models import Visit

pytestmark = pytest.mark.gui

# Dutch catalogue texts that may show in English: the same word in English, or a Dutch
# term the English keeps on purpose.
ALLOWED = (
    "E-mail",  # Dutch and English alike ("by phone, e-mail, letter or online")
    "Melding",  # the Dutch legal term, kept in brackets: "Notification to the police (melding)"
)


@pytest.fixture(scope="module")
def catalogue() -> DutchCatalogue:
    return DutchCatalogue.load()  # the .ts: tr() and .ui texts and the domain texts


@pytest.fixture
def english(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = install_translators(qapp, "en")
    assert translators
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


class Collector:
    """Texts seen so far, and the Dutch ones among them."""

    def __init__(self, catalogue: DutchCatalogue) -> None:
        self.catalogue = catalogue
        self.problems: list[str] = []
        self.seen = 0

    def look(self, where: str, widget: QWidget) -> None:
        QApplication.processEvents()
        found = shown_texts(widget)
        self.seen += len(found)
        self.problems += [f"{where}: {p}" for p in dutch_texts(self.catalogue, found, ALLOWED)]

    def look_at_windows(self, where: str) -> None:
        """Every visible top-level window: dialogs and message boxes included."""
        for top in QApplication.topLevelWidgets():
            if top.isVisible():
                self.look(f"{where}/{type(top).__name__}", top)

    def assert_none(self) -> None:
        assert self.seen > 0
        unique: dict[str, str] = {}
        for problem in self.problems:  # one line per text, where it was seen first
            unique.setdefault(problem.split(": ", 1)[1], problem)
        assert unique == {}, "\n".join(sorted(unique.values()))


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15_000)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15_000)


def log_in(qtbot: QtBot, window: MainWindow, user: str) -> None:
    login_as_a_person_would(qtbot, window, user)
    wait_idle(qtbot, window)


def select_first_rows(qtbot: QtBot, window: MainWindow, page: QWidget) -> None:
    """Select a row in each list, so detail panes show what they hold."""
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            view.setCurrentIndex(model.index(0, 0))
            wait_idle(qtbot, window)


def ask_to_remove_lotte(qtbot: QtBot, page: QWidget) -> QWidget | None:
    assert isinstance(page, AccountsPage)
    page.select("lotte")
    click(qtbot, page.remove_button)
    return page.confirm_box


def ask_if_back_safely(qtbot: QtBot, page: QWidget) -> QWidget | None:
    assert isinstance(page, MyVisitsPage)
    for row in range(page.model.rowCount()):
        page.select_row(row)
        if page.safe_button.isEnabled():
            click(qtbot, page.safe_button)
            return page.confirm_box
    return None


def propose_a_note(qtbot: QtBot, page: QWidget) -> QWidget | None:
    assert isinstance(page, RegisterPage)
    click(qtbot, page.new_button)
    return None


# What a person does on a page that shows more: a question, a form.
PAGE_ACTIONS = {
    "accounts": ask_to_remove_lotte,
    "my_visits": ask_if_back_safely,
    "register": propose_a_note,
}


def test_every_page_of_every_role_speaks_english(
    qtbot: QtBot, demo: DemoEnv, english: list[QTranslator], catalogue: DutchCatalogue
) -> None:
    seen = Collector(catalogue)
    window = MainWindow(demo.data_dir, demo_logins=demo_logins(), language="en", clock=demo.clock)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    seen.look("login", window)
    for account in DEMO_ACCOUNTS:
        log_in(qtbot, window, account.username)
        workspace = window.workspace
        assert workspace is not None
        for index in range(workspace.tabs.count()):
            workspace.tabs.setCurrentIndex(index)
            wait_idle(qtbot, window)
            where = f"{account.username}/{workspace.tabs.tabText(index)}"
            seen.look(where, window)
            select_first_rows(qtbot, window, workspace.tabs.widget(index))
            seen.look(where + " (row selected)", window)
            seen.look_at_windows(where)
        for key, action in PAGE_ACTIONS.items():
            page = workspace.pages.get(key)
            if page is not None:
                workspace.show_page(key)
                wait_idle(qtbot, window)
                box = action(qtbot, page)
                wait_idle(qtbot, window)
                seen.look_at_windows(f"{account.username}/{key}, after its action")
                if box is not None:
                    box.reject()
        window.end_session()
        seen.look("login after logout", window)
    window.close()
    seen.assert_none()


def test_preparing_a_rood_visit_speaks_english(
    qtbot: QtBot, demo: DemoEnv, english: list[QTranslator], catalogue: DutchCatalogue
) -> None:
    from tests.gui.prepare_steps import open_page, pick

    seen = Collector(catalogue)
    page = open_page(qtbot, demo)
    seen.look("address (empty)", page)
    a = DEMO_WARNING_ADDRESS
    type_address(qtbot, page, a.street, str(a.house_number), a.addition, a.postcode, a.city)
    seen.look("address (register warning)", page)
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_CHECK
    answer(qtbot, page, {})
    seen.look("checklist (rood)", page)
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_ADVICE
    seen.look("advice (rood)", page)
    tick_colleague(page, "Lotte")
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_PLAN
    seen.look("plan (empty)", page)
    pick(qtbot, page.plan_step.reason_combo, "Serv")
    qtbot.keyClicks(page.plan_step.residents_edit, "Mr and Mrs Janssen")
    qtbot.keyClicks(page.plan_step.clients_edit, "Mrs Janssen")
    qtbot.keyClicks(page.plan_step.phone_edit, "045 560 5040")
    pick(qtbot, page.plan_step.buddy_combo, "Ahmed")
    click(qtbot, page.next_button)
    seen.look("review", page)
    seen.look_at_windows("review")
    seen.assert_none()


def test_every_dialog_speaks_english(
    qtbot: QtBot, demo: DemoEnv, english: list[QTranslator], catalogue: DutchCatalogue
) -> None:
    seen = Collector(catalogue)

    def show(dialog: QWidget) -> QWidget:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    # The call dialog, up to the police action, then that visit in full.
    ahmed = demo.login("ahmed")
    visit = buddy_visit(ahmed)
    call = make_dialog(qtbot, demo, ahmed, visit)
    seen.look("call", call)
    choose(qtbot, call.last_name_button)
    seen.look("call (last name)", call)
    qtbot.mouseClick(call.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: call.decision is not None)
    seen.look("call (action)", call)
    call.close()
    seen.look(
        "visit detail after a police call",
        show(VisitDetailDialog(get_visit_detail(ahmed, visit.id))),
    )

    # Every demo visit in full, as the leidinggevende sees it.
    petra = demo.login("petra")
    with petra.store.session() as session:
        visit_ids = list(session.execute(select(Visit.id).order_by(Visit.id)).scalars())
        incident_ids = list(session.execute(select(Incident.id)).scalars())
    for visit_id in visit_ids:
        dialog = VisitDetailDialog(get_visit_detail(petra, visit_id))
        seen.look(f"visit {visit_id}", show(dialog))
        dialog.close()

    # The leidinggevende's signature for a rood visit, empty and refused.
    sanne = demo.login("sanne")
    consent = ConsentDialog(sanne, demo.tasks, "Akerstraat 12, Heerlen", None)
    seen.look("consent", show(consent))
    click(qtbot, consent.sign_button)
    qtbot.waitUntil(lambda: not demo.tasks.busy, timeout=15_000)
    seen.look("consent (refused)", consent)
    consent.close()

    # A new incident after a visit, every tab; a filed one, every tab.
    visit_id = returned_visit(sanne)
    for where, incident in (
        ("new incident", IncidentDialog(sanne, demo.tasks, visit_id=visit_id)),
        ("filed incident", IncidentDialog(petra, demo.tasks, incident_id=incident_ids[0])),
    ):
        show(incident)
        for tab in range(incident.tabs.count()):
            incident.tabs.setCurrentIndex(tab)
            qtbot.waitUntil(lambda: not demo.tasks.busy, timeout=15_000)
            seen.look(f"{where}, tab {tab}", incident)
        incident.close()

    # A new account; one's own password.
    tom = demo.login("tom")
    parent = QWidget()
    qtbot.addWidget(parent)
    account = AccountDialog(tom, demo.tasks, parent)
    seen.look("account", show(account))
    account.close()
    password = PasswordDialog(sanne, demo.tasks)
    seen.look("password", show(password))
    password.close()
    seen.look_at_windows("dialogs")
    seen.assert_none()


def _refused(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except (UserError, StoreError) as exc:
        return exc
    raise AssertionError("not refused")


def service_refusals(demo: DemoEnv) -> dict[str, BaseException]:
    """Refusals from every area, as the services and the domain raise them."""
    sanne = demo.login("sanne")
    now = demo.clock.now()
    tomorrow = to_local(now).date() + timedelta(days=1)
    note = partial(
        rules.new_note,
        address=DEMO_WARNING_ADDRESS,
        incident_date=tomorrow,
        description="kort",
        precautions="",
        author_id=1,
        now=now,
    )
    return {
        # accounts and passwords
        "password too short": _refused(lambda: accounts.check_password("kort")),
        "password guessable": _refused(lambda: accounts.check_password("1234567890")),
        "password simple": _refused(lambda: accounts.check_password("aaaaaaaaaaaaa")),
        "not allowed": _refused(lambda: save_settings(sanne, Settings())),
        "wrong password": AuthenticationError(),
        # planning a visit
        "address": _refused(lambda: Address.create("", "0", "0123 XX", "")),
        "address key": _refused(lambda: parse_address_key("1234 SA 7")),
        "deviation": _refused(lambda: planning.check_deviation(RiskLevel.ROOD, [], "")),
        "transition": _refused(lambda: transition(VisitState.AFGESLOTEN, VisitState.ONDERWEG)),
        "summer time": _refused(lambda: local_to_utc(datetime(2026, 3, 29, 2, 30))),
        "not scheduled": PlanNotScheduledError(
            7, _refused(lambda: transition(VisitState.CONCEPT, VisitState.AFGESLOTEN))
        ),
        # the unsafe-address register
        "register note": _refused(lambda: note(category="onzin")),
        # the incident form
        "incident": _refused(
            lambda: IncidentReport.create(
                occurred_at=None,
                channel=None,
                category=None,
                wie="",
                wat="kort",
                waar="",
                now=now,
            )
        ),
        # the organisation's settings
        "settings": _refused(
            lambda: Settings.from_dict({"grace_minutes": 9999, "police_emergency": "", "x": 1})
        ),
    }


def test_refusals_speak_english(
    qtbot: QtBot, demo: DemoEnv, english: list[QTranslator], catalogue: DutchCatalogue
) -> None:
    seen = Collector(catalogue)
    tom = demo.login("tom")
    parent = QWidget()
    qtbot.addWidget(parent)
    account = AccountDialog(tom, demo.tasks, parent)
    qtbot.addWidget(account)
    account.show()
    click(qtbot, account.ok_button)  # nothing filled in
    qtbot.waitUntil(lambda: account.error_label.text() != "", timeout=15_000)
    seen.look("account (refused)", account)

    # Every other area: each refusal as the GUI shows it, in a label.
    label = QLabel(parent)
    parent.show()
    for where, exc in service_refusals(demo).items():
        shown = error_text(exc)
        assert shown != str(exc), where  # str() stays Dutch; this is the translation
        assert "{" not in shown, where
        label.setText(shown)
        seen.look(f"refusal: {where}", label)
    seen.assert_none()


def test_refusals_render_their_english(english: list[QTranslator]) -> None:
    """A few refusals word for word: templates, translated parameters, data kept."""
    short = _refused(lambda: accounts.check_password("kort"))
    assert error_text(short) == (
        "Password: at least 10 characters. A sentence of a few words is strong and easy "
        "to remember."
    )
    assert str(short).startswith("Wachtwoord: minimaal 10 tekens.")
    moved = _refused(lambda: transition(VisitState.AFGESLOTEN, VisitState.ONDERWEG))
    assert error_text(moved) == (
        f"A visit with status '{domain_text(VisitState.AFGESLOTEN.label)}' cannot change to "
        f"'{domain_text(VisitState.ONDERWEG.label)}'."
    )
    postcode = _refused(lambda: parse_address_key("1234 SA 7"))
    assert error_text(postcode) == "Address: postcode: the letters SA are not used in postcodes."
    assert error_text(ValueError("iets anders")) == "iets anders"  # not a refusal: as it is
    denied = _refused(lambda: planning.check_consent_reason(""))
    assert (
        error_text(denied) == "Reason for consent: describe in a sentence why the visit goes ahead."
    )


def test_demo_role_descriptions_are_translated(
    qtbot: QtBot, demo: DemoEnv, english: list[QTranslator]
) -> None:
    window = MainWindow(demo.data_dir, demo_logins=demo_logins(), language="en", clock=demo.clock)
    qtbot.addWidget(window)
    text = window.login_view.demo_label.text()
    assert "team leader" in text and "administrator" in text
    for account in DEMO_ACCOUNTS:
        assert account.description not in text
    window.close()


def test_stored_reasons_are_recognised_and_translated(english: list[QTranslator]) -> None:
    """An assessment stores its reasons as Dutch text; the visit shows them translated."""
    question = default_checklist().items[0].text
    values: dict[str, str | int] = {"question": question, "count": 2, "unknown": 3}
    values["threshold"] = 2
    for template in REASON_TEMPLATES:
        names = re.findall(r"\{(\w+)\}", template)
        reason = Reason(None, template, tuple((name, values[name]) for name in names))
        shown = stored_reason_text(reason.text)
        assert shown == reason_text(reason), template
        assert shown != reason.text, template
        if "question" in names:
            assert domain_text(question) in shown
    assert stored_reason_text("Een reden van een oudere versie") == (
        "Een reden van een oudere versie"
    )
