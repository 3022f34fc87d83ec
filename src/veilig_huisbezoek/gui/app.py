"""Start the desktop app: arguments, the demo database, QApplication, main window."""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from .. import __version__

if TYPE_CHECKING:
    from ..services.team import TeamLocation
    from .single_instance import InstanceGuard


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="veilig-huisbezoek",
        description="Veilig Huisbezoek. Beheer: 'veilig-huisbezoek admin --help'.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start op een tijdelijke, versleutelde demodatabase (wordt bij afsluiten gewist)",
    )
    parser.add_argument("--data-dir", type=Path, help="map met de database")
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="teammodus: log in op deze PostgreSQL-teamserver "
        "(postgresql://server/team?sslrootcert=ca.crt, zonder naam of wachtwoord); zonder "
        "deze optie de teamserver van deze computer ('admin use-server'), als die er is",
    )
    parser.add_argument(
        "--visits", type=int, default=50, help="aantal voorbeeldbezoeken in de demodatabase"
    )
    parser.add_argument("--lang", choices=("nl", "en"), help="taal van de app (nl of en)")
    parser.add_argument(
        "--autostart",
        action="store_true",
        help="gestart bij aanmelden: wacht in het systeemvak als de vorige sessie nog "
        "bezoeken bewaakte",
    )
    parser.add_argument(
        "--licences",
        action="store_true",
        help="toon de onderdelen van de app met hun versie en licentie en stop",
    )
    at_login = parser.add_mutually_exclusive_group()
    at_login.add_argument(
        "--install-autostart",
        action="store_true",
        help="start de app voortaan bij aanmelden (voor deze gebruiker) en stop",
    )
    at_login.add_argument(
        "--remove-autostart",
        action="store_true",
        help="start de app niet meer bij aanmelden en stop",
    )
    return parser.parse_args(list(argv))


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("veilig-huisbezoek", appauthor=False))


def team_location(args: argparse.Namespace, profile: Path | None = None) -> TeamLocation | None:
    """The team server to log in on: ``--database-url``, else this computer's connection
    profile (``admin use-server``) unless ``--demo`` or ``--data-dir`` is given; None
    means the embedded database. Raises ``TeamUrlError`` with a Dutch message."""
    from ..services.locations import load_profile

    if args.database_url:
        from ..services.locations import workstation_location
        from ..storage.errors import TeamUrlError

        if args.demo or args.data_dir:
            raise TeamUrlError("--database-url gaat niet samen met --demo of --data-dir.")
        return workstation_location(args.database_url)
    if args.demo or args.data_dir:
        return None
    return load_profile(profile)


def run_gui(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    if args.install_autostart or args.remove_autostart:
        return _set_autostart(args.install_autostart)
    if args.licences:
        from ..services.components import licence_lines
        from .about_dialog import toolkit

        print("\n".join(licence_lines(toolkit())))
        return 0
    from ..storage.errors import StoreError

    try:
        team = team_location(args)
    except StoreError as exc:  # TeamUrlError, without loading SQLAlchemy for the check
        print(str(exc), file=sys.stderr)
        return 2
    demo_dir: Path | None = None
    logins = None
    if args.demo:
        # Only the demo needs the database stack before the login window shows.
        from ..services.demo import create_demo_store, demo_logins

        demo_dir = Path(tempfile.mkdtemp(prefix="veilig-huisbezoek-demo-"))
        create_demo_store(demo_dir, visits=args.visits)
        logins = demo_logins()
        print(f"Demo-database (versleuteld, tijdelijk) in {demo_dir}")
        print("Demo-accounts (gebruikersnaam, wachtwoord, rol):")
        for user, password, description in logins:
            print(f"  {user:8} {password:22} {description}")
        sys.stdout.flush()
    data_dir = demo_dir or args.data_dir or default_data_dir()
    try:
        from PySide6.QtCore import QTranslator
        from PySide6.QtWidgets import QApplication

        from ..paths import state_dir
        from ..reminders.notifier import app_icon
        from ..services.app_log import DEMO_LOG_NAME, LOG_NAME, start_log_file
        from .i18n import install_translators, save_language, saved_language
        from .main_window import MainWindow, start_at_login
        from .single_instance import InstanceGuard

        start_log_file(name=DEMO_LOG_NAME if args.demo else LOG_NAME)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        # A demo is a throw-away database of its own: it may run beside the real app.
        guard = None if args.demo else InstanceGuard(state_dir(), app)
        if guard is not None and not guard.claim():
            handed_over = _hand_over(guard, argv)
            if handed_over is not None:
                return handed_over
        logging.getLogger(__name__).info(
            "Veilig Huisbezoek %s gestart%s", __version__, " (demo)" if args.demo else ""
        )
        app.setApplicationName("Veilig Huisbezoek")
        app.setDesktopFileName("veilig-huisbezoek")  # Wayland: the .desktop entry's icon
        app.setWindowIcon(app_icon())
        app.setOrganizationName("Veilig Huisbezoek")
        # The window may live in the tray: a dialog closing while it is hidden must not
        # end the app. Every way out goes through MainWindow.quit_confirmed.
        app.setQuitOnLastWindowClosed(False)
        translators: list[QTranslator] = []
        state: dict[str, object] = {}

        def open_window(language: str) -> MainWindow:
            # Qt's own texts (Annuleren, the file dialog) and the app's, in this language.
            for old in translators:
                app.removeTranslator(old)
            translators[:] = install_translators(app, language)
            window = MainWindow(data_dir, demo_logins=logins, language=language, team=team)
            window.language_change_requested.connect(switch_language)
            # Quitting without closing the window still stops the alarms before the
            # store closes.
            app.aboutToQuit.connect(window.shutdown)
            # Afsluiten once every watched visit is handed over; the desktop session
            # ending says at once that this session leaves.
            window.quit_confirmed.connect(app.quit)
            app.commitDataRequest.connect(window.session_ending)
            if args.autostart and not state:
                from ..services.desk_state import was_watching

                start_at_login(window, waiting_in_tray=was_watching())
            else:
                window.show_fitted()
            state["window"] = window
            return window

        def later_start(_argv: list[str]) -> None:
            window = state.get("window")
            if isinstance(window, MainWindow):
                window.bring_to_front()

        def switch_language(language: str) -> None:
            save_language(language)
            previous = state["window"]
            assert isinstance(previous, MainWindow)
            geometry = previous.normalGeometry()
            window = open_window(language)
            if previous.isMaximized():
                window.showMaximized()
            else:
                window.showNormal()
                window.setGeometry(geometry)
            previous.close()
            previous.deleteLater()

        if guard is not None:
            guard.activated.connect(later_start)
        open_window(args.lang or saved_language())
        try:
            return int(app.exec())
        finally:
            if guard is not None:
                guard.release()
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


def _set_autostart(enabled: bool) -> int:
    """``--install-autostart`` / ``--remove-autostart`` (IT's scripts)."""
    from ..services.autostart import set_autostart

    try:
        set_autostart(enabled)
    except OSError as exc:
        print(f"Starten bij aanmelden niet aangepast: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(
        "Veilig Huisbezoek start voortaan bij aanmelden."
        if enabled
        else "Veilig Huisbezoek start niet meer bij aanmelden."
    )
    return 0


def _hand_over(guard: InstanceGuard, argv: Sequence[str]) -> int | None:
    """This person's app is already running: bring it to the front instead. None: it
    was quitting and has ended meanwhile, so this start is the app after all."""
    if guard.hand_over(argv):
        print("Veilig Huisbezoek draait al; dat venster staat nu vooraan.")
        return 0
    if guard.claim():
        return None
    print(
        "Veilig Huisbezoek draait al, maar reageert niet. Sluit het af (of herstart de "
        "computer) en start opnieuw.",
        file=sys.stderr,
    )
    return 1
