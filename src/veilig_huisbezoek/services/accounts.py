"""Accounts: first-run set-up, logging in, adding and removing people, passwords."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import passwords
from ..domain.address import has_control_chars
from ..domain.clock import Clock, SystemClock
from ..domain.errors import ValidationError, ValidationErrors, raise_if_any
from ..domain.passwords import MIN_PASSWORD_LENGTH as MIN_PASSWORD_LENGTH
from ..domain.phone import parse_dutch_phone
from ..domain.roles import Permission, PermissionDenied, Role, roles_from_text, roles_to_text
from ..storage import audit
from ..storage.errors import AuthenticationError, StoreError
from ..storage.keyslots import normalise_username
from ..storage.models import Account
from ..storage.store import Store
from .context import Actor, ServiceContext
from .settings import load_settings

_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,49}")


@dataclass(frozen=True)
class NewAccount:
    username: str
    password: str
    first_name: str
    last_name: str
    roles: frozenset[Role]
    phone: str = ""


def check_username(name: str) -> str:
    normal = normalise_username(name)
    if not _USERNAME.fullmatch(normal):
        raise ValidationError(
            "Gebruikersnaam",
            "gebruik 2 tot 50 tekens: letters, cijfers, punt, streepje of liggend streepje.",
        )
    return normal


def check_password(
    password: str,
    *,
    field: str = "Wachtwoord",
    names: tuple[str, ...] = (),
    municipality: str = "",
) -> None:
    """Length, no hidden characters, and not easy to guess (see domain.passwords).

    ``names``: the person's username, first and last name; ``municipality``: the
    organisation's name from the settings. Both make a password easier to guess.
    """
    passwords.check_password(
        password, field=field, names=names, organisation=(municipality,) if municipality else ()
    )


def municipality_name(ctx: ServiceContext) -> str:
    """The municipality's name from the organisation settings ("" when not set)."""
    return load_settings(ctx).municipality_name


def check_new_password(
    ctx: ServiceContext,
    password: str,
    *,
    account_id: int | None = None,
    field: str = "Nieuw wachtwoord",
) -> None:
    """Check a new password for an existing account (default: one's own)."""
    if account_id is None or account_id == ctx.actor.account_id:
        actor = ctx.actor
        names = (actor.username, actor.first_name, actor.last_name)
    else:
        with ctx.store.read_session() as session:
            account = session.get(Account, account_id)
            if account is None or not account.active:
                raise ValidationError("Account", "dit account bestaat niet (meer).")
            names = (account.username, account.first_name, account.last_name)
    check_password(password, field=field, names=names, municipality=municipality_name(ctx))


def _check_person_name(
    value: str, field: str, *, required: bool = True
) -> tuple[str, list[ValidationError]]:
    clean = unicodedata.normalize("NFC", value).strip()
    errors = []
    if required and not clean:
        errors.append(ValidationError(field, "dit veld is verplicht."))
    elif len(clean) > 100 or has_control_chars(clean):
        errors.append(ValidationError(field, "maximaal 100 tekens, zonder onzichtbare tekens."))
    return clean, errors


def validate_new_account(new: NewAccount, *, municipality: str = "") -> NewAccount:
    """Check every field (all problems together); returns the normalised account.

    ``municipality``: the organisation's name, when settings exist (not at first run).
    """
    errors: list[ValidationError] = []
    username = new.username
    try:
        username = check_username(new.username)
    except ValidationError as exc:
        errors.append(exc)
    first, e1 = _check_person_name(new.first_name, "Voornaam")
    last, e2 = _check_person_name(new.last_name, "Achternaam", required=False)
    try:
        check_password(
            new.password,
            names=(username, new.first_name, new.last_name),
            municipality=municipality,
        )
    except ValidationError as exc:
        errors.append(exc)
    errors += e1 + e2
    phone = ""
    if new.phone.strip():
        try:
            phone = parse_dutch_phone(new.phone)
        except ValidationError as exc:
            errors.append(exc)
    if not new.roles:
        errors.append(ValidationError("Rol", "kies ten minste één rol."))
    raise_if_any(errors)
    return NewAccount(username, new.password, first, last, new.roles, phone)


def _actor_from(account: Account) -> Actor:
    return Actor(
        account_id=account.id,
        username=account.username,
        first_name=account.first_name,
        last_name=account.last_name,
        roles=roles_from_text(account.roles),
    )


def _insert_account(session: Session, store: Store, new: NewAccount, clock: Clock) -> Account:
    if (
        session.execute(select(Account.id).where(Account.username == new.username)).first()
        is not None
    ):
        raise ValidationErrors([ValidationError("Gebruikersnaam", "deze naam is al in gebruik.")])
    slot_id = store.add_key_slot(new.username, new.password)
    account = Account(
        username=new.username,
        first_name=new.first_name,
        last_name=new.last_name,
        phone=new.phone,
        roles=roles_to_text(new.roles),
        slot_id=slot_id,
        active=True,
        created_at=clock.now(),
    )
    session.add(account)
    session.flush()
    return account


FIRST_ACCOUNT_ROLES = frozenset({Role.BEHEERDER, Role.LEIDINGGEVENDE})


def create_first_account(
    store: Store,
    new: NewAccount,
    clock: Clock | None = None,
    *,
    roles: frozenset[Role] = FIRST_ACCOUNT_ROLES,
) -> ServiceContext:
    """First run: by default the first person is beheerder and leidinggevende."""
    clock = clock or SystemClock()
    if Role.BEHEERDER not in roles:
        raise ValueError("the first account must be able to manage accounts")
    new = validate_new_account(
        NewAccount(new.username, new.password, new.first_name, new.last_name, roles, new.phone)
    )
    with store.session() as session:
        if session.execute(select(func.count(Account.id))).scalar_one():
            raise StoreError("Deze database heeft al accounts.")
        account = _insert_account(session, store, new, clock)
        audit.append(
            session,
            at=clock.now(),
            actor_id=account.id,
            action="account_created",
            object_type="account",
            object_id=account.id,
            detail="first account",
        )
        return ServiceContext(store, _actor_from(account), clock)


def log_in(
    data_dir: Path, username: str, password: str, clock: Clock | None = None
) -> ServiceContext:
    """Unlock the store with a person's credentials; raises AuthenticationError."""
    store, account_id = Store.unlock(data_dir, username, password)
    return session_for(store, account_id, clock)


def session_for(store: Store, account_id: int, clock: Clock | None = None) -> ServiceContext:
    """The logged-in context for an unlocked store (file or team server); logs the login."""
    clock = clock or SystemClock()
    try:
        with store.session() as session:
            account = session.get(Account, account_id)
            assert account is not None
            actor = _actor_from(account)
            audit.append(session, at=clock.now(), actor_id=account_id, action="logged_in")
    except BaseException:
        store.close()
        raise
    return ServiceContext(store, actor, clock)


def add_account(ctx: ServiceContext, new: NewAccount) -> int:
    ctx.require(Permission.MANAGE_ACCOUNTS, "alleen een beheerder kan accounts toevoegen")
    new = validate_new_account(new, municipality=municipality_name(ctx))
    with ctx.store.session() as session:
        account = _insert_account(session, ctx.store, new, ctx.clock)
        ctx.audit(session, "account_created", "account", account.id, roles_to_text(new.roles))
        return account.id


def remove_account(ctx: ServiceContext, account_id: int) -> None:
    """Deactivate the account and delete its key slot: it can no longer unlock the store."""
    ctx.require(Permission.MANAGE_ACCOUNTS, "alleen een beheerder kan accounts verwijderen")
    if account_id == ctx.actor.account_id:
        raise PermissionDenied("u kunt uw eigen account niet verwijderen")
    with ctx.store.session() as session:
        account = session.get(Account, account_id)
        if account is None or not account.active:
            raise ValidationError("Account", "dit account bestaat niet (meer).")
        slot_id = account.slot_id
        account.active = False
        account.slot_id = None
        account.removed_at = ctx.now()
        ctx.audit(session, "account_removed", "account", account_id)
    if slot_id:
        ctx.store.remove_key_slot(slot_id)


def change_password(ctx: ServiceContext, old_password: str, new_password: str) -> None:
    """Re-wrap the database key for the new password; the database is not re-encrypted."""
    check_new_password(ctx, new_password)
    ring = ctx.store.keyring_now()
    try:
        old_slot, _key = ring.unlock(ctx.actor.username, old_password)
    except AuthenticationError:
        raise ValidationError("Huidig wachtwoord", "klopt niet.") from None
    _replace_slot(ctx, ctx.actor.account_id, ctx.actor.username, new_password, old_slot)


def reset_password(ctx: ServiceContext, account_id: int, new_password: str) -> None:
    """A beheerder sets a new password for someone (who forgot theirs)."""
    ctx.require(Permission.MANAGE_ACCOUNTS, "alleen een beheerder kan wachtwoorden herstellen")
    check_new_password(ctx, new_password, account_id=account_id)
    with ctx.store.session() as session:
        account = session.get(Account, account_id)
        if account is None or not account.active:
            raise ValidationError("Account", "dit account bestaat niet (meer).")
        username, old_slot = account.username, account.slot_id
    _replace_slot(ctx, account_id, username, new_password, old_slot)


def _replace_slot(
    ctx: ServiceContext, account_id: int, username: str, password: str, old_slot: str | None
) -> None:
    new_slot = ctx.store.add_key_slot(username, password)
    with ctx.store.session() as session:
        account = session.get(Account, account_id)
        assert account is not None
        account.slot_id = new_slot
        ctx.audit(session, "password_changed", "account", account_id)
    if old_slot and old_slot != new_slot:
        ctx.store.remove_key_slot(old_slot)


@dataclass(frozen=True)
class AccountSummary:
    id: int
    username: str
    first_name: str
    last_name: str
    phone: str
    roles: frozenset[Role]

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def list_accounts(ctx: ServiceContext) -> list[AccountSummary]:
    """Active accounts: everyone may see colleagues' names to choose a buddy."""
    with ctx.store.read_session() as session:
        rows = session.execute(
            select(Account).where(Account.active).order_by(Account.first_name, Account.last_name)
        ).scalars()
        return [
            AccountSummary(
                a.id, a.username, a.first_name, a.last_name, a.phone, roles_from_text(a.roles)
            )
            for a in rows
        ]


def find_account_id(ctx: ServiceContext, username: str) -> int:
    with ctx.store.session() as session:
        found = session.execute(
            select(Account.id).where(
                Account.username == normalise_username(username), Account.active
            )
        ).scalar_one_or_none()
    if found is None:
        raise ValidationError("Gebruikersnaam", "geen actief account met deze naam.")
    return found


def verify_credentials(ctx: ServiceContext, username: str, password: str) -> Actor:
    """Check a person's name and password against the open store, without reopening it.

    Used to unlock after idle time and for a leidinggevende co-signing consent at this
    workstation. Raises AuthenticationError. Slow (Argon2id): call off the GUI thread.
    """
    ring = ctx.store.keyring_now()
    slot_id, _key = ring.unlock(username, password)
    with ctx.store.session() as session:
        account = session.execute(
            select(Account).where(Account.slot_id == slot_id, Account.active)
        ).scalar_one_or_none()
        if account is None:
            raise AuthenticationError()
        return _actor_from(account)
