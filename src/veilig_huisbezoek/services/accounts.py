"""Accounts: first-run set-up, logging in, adding and removing people, passwords."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
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
from ..storage.keyslots import KeySlot, PersonSlot, normalise_username
from ..storage.models import Account
from ..storage.store import KeyRotation as KeyRotation
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


def _insert_account(
    session: Session,
    store: Store,
    new: NewAccount,
    clock: Clock,
    audit_it: Callable[[int], None],
) -> Account:
    """Log the new account (``audit_it`` gets its id), then store it with its login."""
    if (
        session.execute(select(Account.id).where(Account.username == new.username)).first()
        is not None
    ):
        raise ValidationErrors([ValidationError("Gebruikersnaam", "deze naam is al in gebruik.")])
    account = Account(
        id=store.next_id(session, "accounts"),
        username=new.username,
        first_name=new.first_name,
        last_name=new.last_name,
        phone=new.phone,
        roles=roles_to_text(new.roles),
        active=True,
        created_at=clock.now(),
    )
    audit_it(account.id)
    store.create_account(session, account, new.password)
    stored = session.get(Account, account.id)
    assert stored is not None
    return stored


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

        def audit_it(account_id: int) -> None:
            audit.append(
                session,
                at=clock.now(),
                actor_id=account_id,
                action="account_created",
                object_type="account",
                object_id=account_id,
                detail="first account",
            )

        account = _insert_account(session, store, new, clock, audit_it)
        return ServiceContext(store, _actor_from(account), clock)


def create_store_with_first_account(
    data_dir: Path, new: NewAccount, clock: Clock | None = None
) -> ServiceContext:
    """First run on this computer: a new store in ``data_dir``, its first account logged in."""
    store = Store.create(data_dir)
    try:
        return create_first_account(store, new, clock)
    except BaseException:
        store.close()
        raise


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


# What a co-signature is for (the server accepts each only for its own purpose).
COSIGN_CONSENT = "toestemming"
COSIGN_LEAD_ACCOUNT = "leidinggevende_account"
COSIGN_LEAD_PASSWORD = "leidinggevende_wachtwoord"


@dataclass(frozen=True)
class CoSignature:
    """A second person signing at this desk with their own name and password.

    ``token`` is the team server's proof that the signer's own credentials reached it
    (None on the embedded store, where the app checked the password)."""

    actor: Actor
    token: str | None


def co_sign(ctx: ServiceContext, username: str, password: str, purpose: str) -> CoSignature:
    """Check a co-signer's name and password (throttled like a login); on a team server
    the signer's own connection records the signature. Raises AuthenticationError.
    Slow (Argon2id): call off the GUI thread."""
    from .throttle import LoginThrottle

    account_id, token = LoginThrottle(ctx.store.data_dir).attempt(
        username,
        lambda: ctx.store.co_sign(username, password, purpose, ctx.actor.account_id),
    )
    with ctx.store.read_session() as session:
        account = session.get(Account, account_id)
        assert account is not None
        return CoSignature(_actor_from(account), token)


def _other_leads(session: Session, ctx: ServiceContext, target: int | None) -> bool:
    ids = session.execute(
        select(Account.id, Account.roles).where(Account.active, Account.id != ctx.actor.account_id)
    ).all()
    return any(
        Role.LEIDINGGEVENDE in roles_from_text(roles) and account_id != target
        for account_id, roles in ids
    )


def _check_lead_cosign(
    ctx: ServiceContext, session: Session, cosign: CoSignature | None, target: int | None
) -> str:
    """Four eyes for a leidinggevende's account: another leidinggevende co-signs (unless
    the team has no other one yet). Returns the audit detail naming the co-signer."""
    if not _other_leads(session, ctx, target):
        return ""
    if (
        cosign is None
        or not cosign.actor.may(Permission.GIVE_CONSENT)
        or cosign.actor.account_id in (ctx.actor.account_id, target)
    ):
        raise PermissionDenied(
            "een account van een leidinggevende maken of zijn wachtwoord herstellen kan "
            "alleen met de handtekening van een tweede leidinggevende (vier ogen)"
        )
    return f"medeondertekend door {cosign.actor.account_id}"


def needs_lead_cosign(ctx: ServiceContext, target: int | None = None) -> bool:
    """Whether making (``target`` None) or resetting a leidinggevende needs a co-signer."""
    with ctx.store.read_session() as session:
        return _other_leads(session, ctx, target)


def add_account(ctx: ServiceContext, new: NewAccount, cosign: CoSignature | None = None) -> int:
    ctx.require(Permission.MANAGE_ACCOUNTS, "alleen een beheerder kan accounts toevoegen")
    new = validate_new_account(new, municipality=municipality_name(ctx))
    with ctx.store.session() as session:
        signed = ""
        if Role.LEIDINGGEVENDE in new.roles:
            signed = _check_lead_cosign(ctx, session, cosign, None)
            ctx.store.use_cosignature(session, cosign.token if cosign else None)
        detail = ";".join(part for part in (roles_to_text(new.roles), signed) if part)

        def audit_it(account_id: int) -> None:
            ctx.audit(session, "account_created", "account", account_id, detail)

        return _insert_account(session, ctx.store, new, ctx.clock, audit_it).id


def _active_account(ctx: ServiceContext, account_id: int) -> tuple[str, str | None]:
    """(username, slot id) of an active account, or a Dutch ValidationError."""
    with ctx.store.read_session() as session:
        account = session.get(Account, account_id)
        if account is None or not account.active:
            raise ValidationError("Account", "dit account bestaat niet (meer).")
        return account.username, account.slot_id


def _rotate_in(ctx: ServiceContext, session: Session, account_id: int, reason: str) -> None:
    """A team server: a new team key, in the transaction of the removal or reset (the
    server refuses the one without the other); logged as its own audit entry."""
    ctx.store.rotate_in(
        session,
        lambda generation: ctx.audit(
            session, "team_key_rotated", "team_key", generation, f"{reason} {account_id}"
        ),
    )


def remove_account(ctx: ServiceContext, account_id: int) -> KeyRotation:
    """Deactivate the account and take its key slot away, for good.

    On the embedded store the database key is replaced (see :meth:`Store.revoking`):
    a copy of the removed person's slot from an older key file no longer opens the
    database. On a team server the team key is replaced in the same transaction
    (:meth:`Store.rotate_in`): what is written from now on no longer opens with the key
    the removed person had, and ``admin reseal`` re-seals what was written before.
    Returns what became of the key (PENDING: the database is open elsewhere; the next
    login re-encrypts it).
    """
    ctx.require(Permission.MANAGE_ACCOUNTS, "alleen een beheerder kan accounts verwijderen")
    if account_id == ctx.actor.account_id:
        raise PermissionDenied("u kunt uw eigen account niet verwijderen")
    _username, slot_id = _active_account(ctx, account_id)
    with (
        ctx.store.revoking([slot_id] if slot_id else []) as rotation,
        ctx.store.session() as session,
    ):
        account = session.get(Account, account_id)
        if account is None or not account.active:
            raise ValidationError("Account", "dit account bestaat niet (meer).")
        ctx.audit(session, "account_removed", "account", account_id)
        ctx.store.remove_account(session, account, ctx.now())
        _rotate_in(ctx, session, account_id, "account verwijderd:")
    return rotation()


def change_password(ctx: ServiceContext, old_password: str, new_password: str) -> None:
    """Re-wrap the database key for the new password; the database is not re-encrypted
    (one's own password: the old one was not leaked to anyone else)."""
    check_new_password(ctx, new_password)
    ring = ctx.store.keyring_now()
    try:
        old_slot, _key = ring.unlock(ctx.actor.username, old_password)
    except AuthenticationError:
        raise ValidationError("Huidig wachtwoord", "klopt niet.") from None
    new_slot = ctx.store.add_key_slot(ctx.actor.username, new_password)
    with ctx.store.session() as session:
        account = session.get(Account, ctx.actor.account_id)
        assert account is not None
        account.slot_id = new_slot
        ctx.audit(session, "password_changed", "account", account.id)
    if old_slot != new_slot:
        ctx.store.remove_key_slot(old_slot)


def reset_password(
    ctx: ServiceContext, account_id: int, new_password: str, cosign: CoSignature | None = None
) -> KeyRotation:
    """A beheerder sets a new password for someone (forgotten, or leaked); the person is
    told at their next login. A leidinggevende's needs a second leidinggevende.

    On the embedded store the database key is replaced too, so that the old password's
    slot, also from an older copy of the key file, no longer opens the database; on a
    team server the person gets a new key pair and the team key is replaced in the same
    transaction. Every check comes first: a refused reset changes no key.
    """
    ctx.require(Permission.MANAGE_ACCOUNTS, "alleen een beheerder kan wachtwoorden herstellen")
    if account_id == ctx.actor.account_id:
        raise PermissionDenied("uw eigen wachtwoord wijzigt u met 'Wachtwoord wijzigen'")
    check_new_password(ctx, new_password, account_id=account_id)
    username, old_slot = _active_account(ctx, account_id)
    with ctx.store.read_session() as session:
        account = session.get(Account, account_id)
        assert account is not None
        lead = Role.LEIDINGGEVENDE in roles_from_text(account.roles)
        signed = _check_lead_cosign(ctx, session, cosign, account_id) if lead else ""
    cosigner = cosign.actor.account_id if (cosign and signed) else None
    new_slot = ctx.store.new_slot_for(username, new_password)
    drop = [old_slot] if old_slot and new_slot and old_slot != new_slot else []
    with (
        ctx.store.revoking(drop, keep=[new_slot] if new_slot else []) as rotation,
        ctx.store.session() as session,
    ):
        account = session.get(Account, account_id)
        assert account is not None
        if lead:
            ctx.store.use_cosignature(session, cosign.token if cosign else None)
        ctx.audit(session, "password_reset", "account", account_id, signed)
        ctx.store.set_password(
            session,
            account,
            new_password,
            slot_id=new_slot,
            reset=(ctx.actor.account_id, cosigner, ctx.now()),
        )
        _rotate_in(ctx, session, account_id, "wachtwoord hersteld:")
    return rotation()


class KeyStatus(Enum):
    """Whether an account's key slot opens the database (embedded store)."""

    OK = "ok"
    # A password slot from before key pairs: it opens the database now and becomes a
    # key pair at the next login, but a key rotation before then cannot include it.
    OLD_SLOT = "old_slot"
    # The database key was replaced without this account: a new password is needed.
    NEEDS_PASSWORD = "needs_password"


def key_statuses(ctx: ServiceContext) -> dict[int, KeyStatus]:
    """Per active account whether its slot opens the database (beheerder). On a team
    server: whether it holds the current team key (a password slot from before key pairs
    cannot be given a new team key)."""
    ctx.require(Permission.MANAGE_ACCOUNTS, "alleen een beheerder kan accounts beheren")
    states = ctx.store.account_key_states()
    if states is not None:
        return {account_id: KeyStatus(state) for account_id, state in states.items()}
    if not ctx.store.rotates_key:
        return {}
    ring = ctx.store.keyring_now()
    newest = max(ring.generations() | {ctx.store.generation})
    with ctx.store.read_session() as session:
        rows = session.execute(select(Account.id, Account.slot_id).where(Account.active)).all()
    statuses: dict[int, KeyStatus] = {}
    for account_id, slot_id in rows:
        slot = ring.find(slot_id) if slot_id else None
        if isinstance(slot, PersonSlot) and (
            newest in slot.keys or ctx.store.generation in slot.keys
        ):
            statuses[account_id] = KeyStatus.OK
        elif isinstance(slot, KeySlot) and slot.generation == newest:
            statuses[account_id] = KeyStatus.OLD_SLOT
        else:
            statuses[account_id] = KeyStatus.NEEDS_PASSWORD
    return statuses


@dataclass(frozen=True)
class PasswordNotice:
    """Someone else gave this account a new password: said once, at the next login."""

    reset_by: str
    cosigned_by: str
    at: datetime


def take_password_notice(ctx: ServiceContext) -> PasswordNotice | None:
    """The notice for the logged-in person, if any; cleared once read."""
    with ctx.store.session() as session:
        account = session.get(Account, ctx.actor.account_id)
        if account is None or account.password_reset_by is None:
            return None
        names = {
            a.id: f"{a.first_name} {a.last_name}".strip()
            for a in session.execute(select(Account)).scalars()
        }
        notice = PasswordNotice(
            reset_by=names.get(account.password_reset_by, "?"),
            cosigned_by=names.get(account.password_reset_cosigner or -1, ""),
            at=account.password_reset_at or ctx.now(),
        )
        account.password_reset_by = None
        account.password_reset_cosigner = None
        account.password_reset_at = None
        return notice


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
    with ctx.store.read_session() as session:
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

    Used to unlock after idle time (a co-signer at this desk goes through
    :func:`co_sign`, which a team server can check). Raises AuthenticationError. Slow
    (Argon2id): call off the GUI thread.
    """
    ring = ctx.store.keyring_now()
    slot_id, _key = ring.unlock(username, password)
    with ctx.store.read_session() as session:
        account = session.execute(
            select(Account).where(Account.slot_id == slot_id, Account.active)
        ).scalar_one_or_none()
        if account is None:
            raise AuthenticationError()
        return _actor_from(account)
