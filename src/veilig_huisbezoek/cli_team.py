"""Team-mode parts of ``veilig-huisbezoek admin``: ``--database-url`` logins, setting a
server up (``init``), ``upgrade-server``, ``reseal`` and ``migrate-to-server``.

Kept apart from :mod:`.cli` (which handles the embedded store) and imported lazily
where it needs the database stack.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    from .services.context import ServiceContext


class _Passwords(Protocol):
    def read(self, prompt: str, *, confirm: bool = False) -> str: ...


@contextmanager
def logged_in(
    url: str, user: str, passwords: _Passwords, *, as_owner: bool = False
) -> Iterator[ServiceContext]:
    """Log in as ``user`` on the team server; ``as_owner``: through the owner's URL (its
    name and password in it), for what only the owner may do (``seed-demo``)."""
    from .services.team import team_log_in, team_log_in_as_owner
    from .services.throttle import LoginThrottle
    from .storage.team.location import TeamLocation

    location = TeamLocation.parse(url)
    if as_owner and not location.url.username:
        from .cli import CommandError

        raise CommandError(
            "Dit schrijft namens anderen en mag op een teamserver alleen met het adres van "
            "de eigenaar (postgresql://eigenaar@server/database), zoals 'init'."
        )
    password = passwords.read(f"Wachtwoord voor {user}: ")
    throttle = LoginThrottle(location.local_dir())
    log_in = team_log_in_as_owner if as_owner else team_log_in
    ctx = throttle.attempt(user, lambda: log_in(location, user, password))
    try:
        yield ctx
    finally:
        ctx.store.close()


def init(args: argparse.Namespace, passwords: _Passwords, out: TextIO) -> int:
    """``init --database-url OWNER-URL``: migrate the server, team key, first account."""
    from .services import accounts
    from .services.accounts import NewAccount
    from .services.team import set_up_team_server
    from .storage.team.location import TeamLocation

    location = TeamLocation.parse(args.database_url)
    password = passwords.read(f"Nieuw wachtwoord voor {args.user}: ", confirm=True)
    new = NewAccount(
        args.user, password, args.first_name or args.user.capitalize(), args.last_name, frozenset()
    )
    accounts.validate_new_account(
        NewAccount(
            new.username, password, new.first_name, new.last_name, accounts.FIRST_ACCOUNT_ROLES
        )
    )
    set_up_team_server(location, new)
    print(
        f"Teamserver {location.display} ingericht; account {args.user} is beheerder en "
        "leidinggevende. Werkplekken gebruiken hetzelfde adres zonder naam en wachtwoord.",
        file=out,
    )
    return 0


def _cmd_upgrade(args: argparse.Namespace, passwords: _Passwords, out: TextIO) -> int:
    """``upgrade-server --database-url OWNER-URL [--user NAME]``: migrations, the team
    schema, and re-sealing values not yet bound to their place or sealed with an older
    team key (needs a person's password: the team key)."""
    from .storage.team import opening
    from .storage.team.location import TeamLocation

    location = TeamLocation.parse(args.database_url)
    credentials = None
    if args.user:
        credentials = (args.user, passwords.read(f"Wachtwoord voor {args.user}: "))
    resealed = opening.upgrade_server(location, credentials)
    print(
        f"Teamserver {location.display} bijgewerkt"
        + (f"; {resealed} versleutelde gegevens opnieuw verzegeld." if resealed else "."),
        file=out,
    )
    if credentials is None and opening.reseal_pending(location):
        print(
            "Let op: er zijn nog gegevens met een oudere teamsleutel; voer 'admin reseal' uit "
            "(of deze opdracht met --user).",
            file=out,
        )
    return 0


def _cmd_reseal(args: argparse.Namespace, passwords: _Passwords, out: TextIO) -> int:
    """``reseal --database-url OWNER-URL --user NAME``: re-seal every value sealed with an
    older team key with the current one, in batches (resumable), then forget the older
    keys."""
    from .cli import CommandError  # cli imports this module at its top
    from .storage.team import opening
    from .storage.team.location import TeamLocation

    if not 1 <= args.batch <= 100_000:
        raise CommandError("--batch moet tussen 1 en 100000 liggen.")
    location = TeamLocation.parse(args.database_url)
    if not location.url.username:
        raise CommandError(
            "Opnieuw versleutelen gaat met het adres van de eigenaar van de database "
            "(postgresql://eigenaar@server/database), zoals 'upgrade-server'."
        )
    password = passwords.read(f"Wachtwoord voor {args.user}: ")
    report = opening.reseal_server(location, (args.user, password), batch=args.batch)
    print(
        f"Teamserver {location.display}: {report.resealed} versleutelde gegevens opnieuw "
        f"verzegeld en {report.reindexed} adresindexen vernieuwd; alles gebruikt nu "
        f"teamsleutel {report.generation} en oudere teamsleutels zijn vergeten.",
        file=out,
    )
    return 0


def _cmd_migrate(args: argparse.Namespace, passwords: _Passwords, out: TextIO) -> int:
    """Copy the embedded store in --data-dir onto an empty server, then verify it."""
    from sqlalchemy import select

    from .storage.errors import StoreError
    from .storage.keyslots import normalise_username
    from .storage.models import Account
    from .storage.store import Store, holds_store
    from .storage.team import opening
    from .storage.team.copy import copy_store, verify_copy
    from .storage.team.location import TeamLocation

    data_dir: Path = args.data_dir
    if not holds_store(data_dir):
        raise StoreError(f"Geen database gevonden in {data_dir}.")
    location = TeamLocation.parse(args.database_url)
    password = passwords.read(f"Wachtwoord voor {args.user}: ")
    source, account_id = Store.unlock(data_dir, args.user, password)
    try:
        with source.read_session() as session:
            me = session.get(Account, account_id)
            assert me is not None
            if "beheerder" not in me.roles.split(","):
                raise StoreError("Alleen een beheerder kan een database naar een server kopiëren.")
        target = opening.set_up(location, kdf=dict(source._ring.kdf))
        try:
            counts = copy_store(source, target)
            problems = verify_copy(source, target)
            if problems:
                raise StoreError("Kopie wijkt af: " + "; ".join(problems))
            # Only this person's password is known here: their slot and server login.
            with target.session() as session:
                row = session.execute(
                    select(Account).where(Account.username == normalise_username(args.user))
                ).scalar_one()
                target.set_password(session, row, password, slot_id=None, reset=None)
        finally:
            target.close()
    finally:
        source.close()
    others = counts.get("accounts", 0) - 1
    print(
        f"Gekopieerd naar {location.display} en gecontroleerd: "
        + ", ".join(f"{n} {t}" for t, n in counts.items() if n)
        + ".",
        file=out,
    )
    if others > 0:
        print(
            f"{others} andere account(s) kunnen pas inloggen na 'Wachtwoord herstellen' door "
            "de beheerder (hun oude sleutels blijven in het lokale bestand).",
            file=out,
        )
    return 0


def _cmd_use_server(args: argparse.Namespace, _passwords: _Passwords, out: TextIO) -> int:
    """``use-server --database-url URL`` / ``use-server --local`` (``--all-users``: for
    everyone on this computer): the connection profile the desktop app reads at start."""
    from .cli import CommandError  # cli imports this module at its top
    from .storage.team.profile import (
        active_profile_path,
        clear_profile,
        load_profile,
        save_profile,
        system_profile_path,
        user_profile_path,
    )

    path = system_profile_path() if args.all_users else user_profile_path()
    try:
        if args.local:
            removed = clear_profile(path)
        else:
            location = save_profile(args.database_url, path)
    except PermissionError:
        raise CommandError(
            f"Geen schrijfrechten voor {path.parent}: voer dit uit als beheerder van deze computer."
        ) from None
    if not args.local:
        out.write(
            f"Deze computer gebruikt nu de teamserver {location.display} "
            f"(vastgelegd in {path}). Start de app zonder opties om in te loggen.\n"
        )
        if not args.all_users and system_profile_path().exists():
            out.write(
                "Dit gaat voor u boven de teamserver die voor alle gebruikers is ingesteld.\n"
            )
        return 0
    still = active_profile_path()
    if still is not None:
        active = load_profile(still)
        assert active is not None
        out.write(
            f"{'Verwijderd' if removed else 'Niets verwijderd'}; de app gebruikt nog de "
            f"teamserver {active.display} uit {still}.\n"
        )
    elif removed:
        out.write("Deze computer gebruikt weer de lokale database.\n")
    else:
        out.write("Deze computer had geen teamserver ingesteld; niets gewijzigd.\n")
    return 0


def _cmd_add_watch(args: argparse.Namespace, passwords: _Passwords, out: TextIO) -> int:
    """``add-watch --database-url OWNER-URL --role NAME`` (stdin: its password): the
    watch service's own server role (docs/design.md §4a, the last line): it reads the
    schedule through its functions and nothing personal or sealed."""
    import psycopg

    from .cli import CommandError  # cli imports this module at its top
    from .storage.team.listen import conninfo_from_url
    from .storage.team.location import TeamLocation
    from .storage.team.schema import scram_verifier
    from .storage.team.watch import add_watch_role, role_name_problem

    location = TeamLocation.parse(args.database_url)
    if not location.url.username:
        raise CommandError(
            "Een wachtpost maakt u met het adres van de eigenaar van de database "
            "(postgresql://eigenaar@server/database), zoals 'init'."
        )
    problem = role_name_problem(args.role, location.role_prefix)
    if problem is not None:
        raise CommandError(problem)
    password = passwords.read(f"Nieuw wachtwoord voor de wachtpost {args.role}: ", confirm=True)
    if len(password) < 16:
        raise CommandError("Kies voor de wachtpost een wachtwoord van minstens 16 tekens.")
    group = location.watch_group_role
    try:
        with psycopg.connect(**conninfo_from_url(location.url), autocommit=True) as conn:
            found = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone()
            if found is None:
                raise CommandError(
                    "Deze teamserver kent nog geen wachtpost: voer eerst 'admin upgrade-server' "
                    "uit (na de update van de app)."
                )
            try:
                new = add_watch_role(conn, group, args.role, scram_verifier(password))
            except ValueError:
                raise CommandError(
                    f"De rol {args.role} bestaat al en is geen wachtpost; kies een andere naam."
                ) from None
    except psycopg.Error as exc:
        raise CommandError(
            f"De teamserver {location.display} weigert of is niet bereikbaar "
            f"({type(exc).__name__})."
        ) from None
    print(
        f"Wachtpost {args.role} {'aangemaakt' if new else 'heeft een nieuw wachtwoord'} op "
        f"{location.display}. Zie docs/watch-service.md om de wachtpost te starten.",
        file=out,
    )
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser(
        "add-watch",
        help="Maak de serverrol van de wachtpost (leest het rooster, niets persoonlijks); "
        "stdin: het wachtwoord van die rol.",
    )
    p.add_argument("--database-url", required=True, help="teamserver (eigenaar-account)")
    p.add_argument("--role", required=True, help="naam van de serverrol, bijv. vh-wachtpost")
    p.set_defaults(func=_cmd_add_watch)
    p = sub.add_parser(
        "migrate-to-server",
        help="Kopieer een lokale database naar een lege teamserver en controleer de kopie.",
    )
    p.add_argument("--data-dir", type=Path, required=True, help="map met de lokale database")
    p.add_argument("--database-url", required=True, help="teamserver (eigenaar-account)")
    p.add_argument("--user", required=True, help="uw gebruikersnaam (beheerder)")
    p.set_defaults(func=_cmd_migrate)
    p = sub.add_parser(
        "upgrade-server", help="Werk het schema van een teamserver bij (na een app-update)."
    )
    p.add_argument("--database-url", required=True, help="teamserver (eigenaar-account)")
    p.add_argument(
        "--user",
        help="een account op de server (stdin: diens wachtwoord), nodig als de update "
        "gegevens opnieuw versleutelt",
    )
    p.set_defaults(func=_cmd_upgrade)
    p = sub.add_parser(
        "reseal",
        help="Versleutel na een nieuwe teamsleutel alle gegevens opnieuw met die sleutel "
        "(hervat waar een eerdere keer stopte) en vergeet de oudere sleutels.",
    )
    p.add_argument("--database-url", required=True, help="teamserver (eigenaar-account)")
    p.add_argument("--user", required=True, help="een account op de server (stdin: wachtwoord)")
    p.add_argument("--batch", type=int, default=500, help="gegevens per transactie (standaard 500)")
    p.set_defaults(func=_cmd_reseal)
    p = sub.add_parser(
        "use-server",
        help="Stel in welke teamserver de app op deze computer gebruikt (of weer de lokale "
        "database).",
    )
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument(
        "--database-url", help="teamserver, zonder naam of wachtwoord (sslrootcert=ca.crt)"
    )
    choice.add_argument("--local", action="store_true", help="weer de lokale database")
    p.add_argument(
        "--all-users",
        action="store_true",
        help="voor iedereen op deze computer (vraagt beheerdersrechten op de computer)",
    )
    p.set_defaults(func=_cmd_use_server)
