"""`veilig-huisbezoek admin …`: the command line for IT and scripted backups.

Passwords come from stdin (one per line) when it is not a terminal, else a prompt.
Exit codes: 0 success, 1 error (damaged file, bad input, refused), 2 wrong name or password.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn, TextIO

from . import cli_team
from .domain.address import parse_address_key
from .domain.errors import UserError
from .domain.roles import Permission, parse_role
from .services import accounts
from .services.accounts import NewAccount
from .services.backups import list_backups
from .services.context import ServiceContext
from .services.demo import demo_logins, seed_demo
from .services.export import export_address
from .services.retention import apply_retention
from .services.throttle import LoginThrottle
from .storage.audit_anchor import check_backup_anchors
from .storage.errors import (
    DISK_FULL_MESSAGE,
    AuthenticationError,
    ReadOnlyStoreError,
    StoreError,
    StoreExistsError,
)
from .storage.files import write_atomically
from .storage.store import Store, holds_store

EXIT_OK, EXIT_ERROR, EXIT_AUTH = 0, 1, 2


class CommandError(Exception):
    """A message for the person at the terminal; exit 1."""


class UsageError(CommandError):
    """Wrong or missing arguments."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.format_usage().strip()}\nFout in de opdracht: {message}")


class PasswordSource:
    def __init__(self, stdin: TextIO) -> None:
        self._stdin = stdin

    def read(self, prompt: str, *, confirm: bool = False) -> str:
        if self._stdin.isatty():
            first = getpass.getpass(prompt)
            if confirm and getpass.getpass("Herhaal het wachtwoord: ") != first:
                raise CommandError("De wachtwoorden zijn niet gelijk.")
            return first
        line = self._stdin.readline()
        if not line:
            raise CommandError(f"Geen wachtwoord ontvangen op stdin ({prompt.strip(': ')}).")
        return line.rstrip("\r\n")


@contextmanager
def _logged_in(
    args: argparse.Namespace, passwords: PasswordSource, *, as_owner: bool = False
) -> Iterator[ServiceContext]:
    if getattr(args, "database_url", None):
        with cli_team.logged_in(args.database_url, args.user, passwords, as_owner=as_owner) as ctx:
            yield ctx
        return
    data_dir: Path = args.data_dir
    user: str = args.user
    if not holds_store(data_dir):
        raise CommandError(f"Geen database gevonden in {data_dir}.")
    password = passwords.read(f"Wachtwoord voor {user}: ")
    ctx = LoginThrottle(data_dir).attempt(user, lambda: accounts.log_in(data_dir, user, password))
    try:
        yield ctx
    finally:
        ctx.store.close()


def _cmd_init(args: argparse.Namespace, passwords: PasswordSource, out: TextIO) -> int:
    if args.database_url:
        return cli_team.init(args, passwords, out)
    data_dir: Path = args.data_dir
    if holds_store(data_dir):
        raise StoreExistsError(str(data_dir))
    password = passwords.read(f"Nieuw wachtwoord voor {args.user}: ", confirm=True)
    new = NewAccount(
        args.user,
        password,
        args.first_name or args.user.capitalize(),
        args.last_name,
        frozenset(),
    )
    # Validate before anything is written, so bad input leaves no half-made store.
    accounts.validate_new_account(
        NewAccount(
            new.username, password, new.first_name, new.last_name, accounts.FIRST_ACCOUNT_ROLES
        )
    )
    store = Store.create(data_dir)
    try:
        accounts.create_first_account(store, new)
    finally:
        store.close()
    print(
        f"Database aangemaakt in {data_dir}; account {args.user} is beheerder en leidinggevende.",
        file=out,
    )
    return EXIT_OK


def _cmd_add_user(args: argparse.Namespace, passwords: PasswordSource, out: TextIO) -> int:
    role = parse_role(args.role)
    with _logged_in(args, passwords) as ctx:
        password = passwords.read(f"Nieuw wachtwoord voor {args.new_user}: ", confirm=True)
        cosign = None
        if args.cosign_user:
            # Four eyes: a second leidinggevende signs for a new leidinggevende.
            cosign = accounts.co_sign(
                ctx,
                args.cosign_user,
                passwords.read(f"Wachtwoord voor {args.cosign_user} (medeondertekening): "),
                accounts.COSIGN_LEAD_ACCOUNT,
            )
        accounts.add_account(
            ctx,
            NewAccount(
                args.new_user,
                password,
                args.first_name or args.new_user.capitalize(),
                args.last_name,
                frozenset({role}),
                args.phone,
            ),
            cosign,
        )
    print(f"Account {args.new_user} toegevoegd als {role.label.lower()}.", file=out)
    return EXIT_OK


def _cmd_seed_demo(args: argparse.Namespace, passwords: PasswordSource, out: TextIO) -> int:
    if args.visits < 0 or args.visits > 100_000:
        raise CommandError("--visits moet tussen 0 en 100000 liggen.")
    with _logged_in(args, passwords, as_owner=True) as ctx:
        counts = seed_demo(ctx, visits=args.visits)
    print(
        f"Demodata geladen: {counts['visits']} bezoeken, {counts['notes']} adresnotities, "
        f"{counts['accounts']} nieuwe demo-accounts.",
        file=out,
    )
    for username, password, description in demo_logins():
        print(f"  {username:8} {password:22} {description}", file=out)
    return EXIT_OK


def _backups_to_compare(args: argparse.Namespace) -> list[Path]:
    """The automatic backups in the data folder, then each ``--backup FILE``."""
    extra: list[Path] = args.backup or []
    if args.database_url:
        if extra:
            raise CommandError("--backup kan alleen samen met --data-dir.")
        return []
    for path in extra:
        if not path.is_file():
            raise CommandError(f"Back-upbestand niet gevonden: {path}")
    return [info.path for info in list_backups(args.data_dir)] + extra


def _cmd_verify(args: argparse.Namespace, passwords: PasswordSource, out: TextIO) -> int:
    backup_files = _backups_to_compare(args)
    with _logged_in(args, passwords) as ctx:
        if ctx.store.sealed_columns and not (
            ctx.actor.may(Permission.SEE_TEAM_CASES) or ctx.actor.may(Permission.MANAGE_ACCOUNTS)
        ):
            # On a team server the server shows a medewerker only her own cases and no
            # audit log: her "healthy" would check little.
            raise CommandError(
                "Een teamserver controleert een leidinggevende of beheerder: alleen zij "
                "zien het auditlog."
            )
        report = ctx.store.verify()
        try:
            with ctx.store.read_session() as session:
                anchors = check_backup_anchors(session, backup_files)
        except StoreError:
            anchors = None  # the log cannot be read: the report already says so
    problems = anchors.problems if anchors else ()
    if not report.ok or anchors is None:
        print(report.verdict(), file=out)
    elif not problems:
        print(report.verdict(anchors.summary()), file=out)
    for problem in problems:  # one line per backup the log no longer matches
        print(problem, file=out)
    return EXIT_OK if report.ok and anchors is not None and not problems else EXIT_ERROR


def _cmd_backup(args: argparse.Namespace, passwords: PasswordSource, out: TextIO) -> int:
    output: Path = args.output
    if output.exists() and not args.force:
        raise CommandError(f"{output} bestaat al; kies een andere naam of gebruik --force.")
    with _logged_in(args, passwords) as ctx:
        ctx.require(Permission.BACKUP, "alleen een beheerder maakt back-ups")
        ctx.store.backup(output)
        with ctx.store.session() as session:
            ctx.audit(session, "backup_made")
    print(f"Versleutelde back-up geschreven naar {output}.", file=out)
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace, passwords: PasswordSource, out: TextIO) -> int:
    if not args.input.is_file():
        raise CommandError(f"Back-upbestand niet gevonden: {args.input}")
    password = passwords.read(f"Wachtwoord voor {args.user}: ")
    store = Store.restore(args.input, args.data_dir, args.user, password)
    try:
        report = store.verify()
    finally:
        store.close()
    print(f"Back-up hersteld in {args.data_dir}. {report.verdict()}", file=out)
    return EXIT_OK if report.ok else EXIT_ERROR


def _cmd_export(args: argparse.Namespace, passwords: PasswordSource, out: TextIO) -> int:
    key = parse_address_key(args.address)
    with _logged_in(args, passwords) as ctx:
        data = export_address(ctx, key)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if args.output:
        write_atomically(args.output, (text + "\n").encode("utf-8"))  # owner-only
        print(f"Inzage-export geschreven naar {args.output}.", file=out)
    else:
        print(text, file=out)
    return EXIT_OK


def _cmd_retention(args: argparse.Namespace, passwords: PasswordSource, out: TextIO) -> int:
    with _logged_in(args, passwords) as ctx:
        result = apply_retention(ctx)
    print(
        f"Bewaartermijnen toegepast: {result.visits_anonymised} bezoeken geanonimiseerd, "
        f"{result.notes_deleted} verlopen adresnotities verwijderd.",
        file=out,
    )
    return EXIT_OK


def _os_error_message(exc: OSError) -> str:
    """A Dutch message for a file error; names the path, never file contents."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DISK_FULL_MESSAGE
    if exc.errno == errno.EROFS or (exc.errno in (errno.EACCES, errno.EPERM) and exc.filename):
        where = Path(str(exc.filename)).parent if exc.filename else Path(".")
        return str(ReadOnlyStoreError(str(where)))
    return f"Bestandsfout: {exc.strerror or exc.__class__.__name__}."


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="veilig-huisbezoek admin",
        description="Beheer van Veilig Huisbezoek vanaf de opdrachtregel.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")

    def command(name: str, helptext: str, func: Callable[..., int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=helptext, description=helptext)
        where = p.add_mutually_exclusive_group(required=True)
        where.add_argument("--data-dir", type=Path, help="map met de database")
        where.add_argument(
            "--database-url",
            help="teamserver, bv. postgresql://server/team?sslmode=verify-full (teammodus)",
        )
        p.add_argument("--user", required=True, help="uw gebruikersnaam")
        p.set_defaults(func=func)
        return p

    p = command("init", "Maak een nieuwe database met het eerste account.", _cmd_init)
    p.add_argument("--first-name", default="", help="voornaam (standaard: gebruikersnaam)")
    p.add_argument("--last-name", default="", help="achternaam")

    p = command(
        "add-user", "Voeg een account toe (stdin: uw wachtwoord, dan het nieuwe).", _cmd_add_user
    )
    p.add_argument("--new-user", required=True)
    p.add_argument("--role", required=True, help="medewerker, leidinggevende of beheerder")
    p.add_argument("--first-name", default="")
    p.add_argument("--last-name", default="")
    p.add_argument("--phone", default="")
    p.add_argument(
        "--cosign-user",
        help="een tweede leidinggevende die meetekent voor een nieuwe leidinggevende "
        "(stdin: diens wachtwoord, na de andere)",
    )

    p = command("seed-demo", "Laad demo-accounts en voorbeeldbezoeken.", _cmd_seed_demo)
    p.add_argument("--visits", type=int, default=50)

    p = command(
        "verify",
        "Controleer versleuteling, integriteit, verwijzingen en auditlog, en of het "
        "auditlog nog klopt met de back-ups in DIR/backups.",
        _cmd_verify,
    )
    p.add_argument(
        "--backup",
        type=Path,
        action="append",
        metavar="BESTAND",
        help="vergelijk het auditlog ook met deze back-up (mag vaker)",
    )

    p = command("backup", "Maak een versleutelde back-up (ook terwijl de app draait).", _cmd_backup)
    p.add_argument("--output", type=Path, required=True)
    p.add_argument("--force", action="store_true", help="overschrijf een bestaand bestand")

    p = command("restore", "Herstel een back-up in een lege map.", _cmd_restore)
    p.add_argument("--input", type=Path, required=True)

    command(
        "retention",
        "Pas de bewaartermijnen toe: anonimiseer oude bezoeken, verwijder verlopen notities.",
        _cmd_retention,
    )

    p = command("export", "Exporteer alles over een adres als JSON (AVG-inzage).", _cmd_export)
    p.add_argument("--address", required=True, help='postcode en huisnummer, bv. "1234 AB 5"')
    p.add_argument("--output", type=Path, help="schrijf naar dit bestand i.p.v. stdout")
    cli_team.add_commands(sub)
    return parser


def run(
    argv: Sequence[str],
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    try:
        args = build_parser().parse_args(list(argv))
    except UsageError as exc:
        print(str(exc), file=stderr)
        return EXIT_ERROR
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        return int(args.func(args, PasswordSource(stdin), stdout))
    except AuthenticationError as exc:
        print(str(exc), file=stderr)
        return EXIT_AUTH
    except (StoreError, CommandError, UserError) as exc:
        print(str(exc), file=stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Afgebroken.", file=stderr)
        return EXIT_ERROR
    except OSError as exc:
        # e.g. disk full or no permission; the message names the path, not its contents.
        print(_os_error_message(exc), file=stderr)
        return EXIT_ERROR
