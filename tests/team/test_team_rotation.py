"""Keys that can be taken back on a team server: removing an account, or a beheerder
resetting a password, replaces the team key without anyone else's password.

Each person has a key pair; the team key of every live generation is wrapped to each
public key. The beheerder's workstation makes the next generation and wraps it to every
remaining person in the removal's own transaction; ``admin reseal`` (the owner) then
re-seals what was sealed with the older key, in batches, and forgets that key.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import select

from tests.conftest import PASSWORDS
from tests.services.test_services import ADDRESS, _assessment, _plan
from tests.team.conftest import PgTeam
from veilig_huisbezoek import cli
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.register import NoteCategory
from veilig_huisbezoek.services import accounts, register, visits
from veilig_huisbezoek.services.accounts import KeyStatus
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage import store as store_module
from veilig_huisbezoek.storage.errors import AccessWithdrawnError, AuthenticationError
from veilig_huisbezoek.storage.keyslots import KeyRing
from veilig_huisbezoek.storage.models import Account
from veilig_huisbezoek.storage.sealed import Sealer, SealError
from veilig_huisbezoek.storage.store import KeyRotation
from veilig_huisbezoek.storage.team import key_wraps, opening, reseal
from veilig_huisbezoek.storage.team.location import TeamLocation

NEW_BRAM = "bram-kreeg-een-nieuw-wachtwoord-8"


# ---- helpers (also used by test_team_rotation_kill9.py) ----------------------------------


def sql(
    team: PgTeam, statement: str, *args: object, past_rules: bool = False
) -> list[tuple[object, ...]]:
    """As the cluster's superuser: what a database administrator sees (``past_rules``:
    and changes, with the app's triggers off)."""
    with psycopg.connect(team.cluster.conninfo(team.database)) as conn:
        if past_rules:
            conn.execute("SET session_replication_role = replica")
        cur = conn.execute(statement, args or None)
        return list(cur.fetchall()) if cur.description else []


@dataclass(frozen=True)
class Value:
    where: str
    row: int
    sealed: bytes

    @property
    def generation(self) -> int | None:
        return Sealer.single(b"\0" * 32).generation_of(self.sealed)


def sealed_values(team: PgTeam) -> list[Value]:
    """Every sealed value on the server."""
    found: list[Value] = []
    with psycopg.connect(team.cluster.conninfo(team.database)) as conn:
        for col in reseal.sealed_columns():
            for row, value in conn.execute(
                f'SELECT id, "{col.column}" FROM "{col.table}" '
                f'WHERE "{col.column}" IS NOT NULL ORDER BY id'
            ):
                found.append(Value(col.where, int(row), bytes(value)))  # type: ignore[call-overload]
    return found


def opens_with(key: bytes, value: Value) -> bool:
    """Whether ``key`` opens the value, whatever generation it claims to be."""
    generation = value.generation or 1
    try:
        Sealer({generation: key}, generation=generation, accept_v1=True).open(
            value.sealed, value.where, value.row
        )
    except SealError:
        return False
    return True


def generation_now(team: PgTeam) -> int:
    [(generation,)] = sql(team, "SELECT generation FROM team_keyring")
    return int(generation)  # type: ignore[call-overload]


def wrapped_generations(team: PgTeam) -> set[int]:
    return {int(g) for (g,) in sql(team, "SELECT DISTINCT generation FROM team_key_wraps")}  # type: ignore[call-overload]


def keys_of(team: PgTeam, name: str, password: str | None = None) -> dict[int, bytes]:
    """The team keys a person's own slot unwraps now (their password, their rows)."""
    owner = TeamLocation.parse(team.cluster.owner_url(team.database))
    store = opening.open_as_owner(owner, name, password or PASSWORDS[name])
    try:
        return dict(store._keys)
    finally:
        store.close()


def owner_cli(team: PgTeam, command: str, user: str, password: str, *extra: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        [command, "--database-url", team.cluster.owner_url(team.database), "--user", user, *extra],
        stdin=io.StringIO(password + "\n"),
        stdout=out,
        stderr=err,
    )
    assert code == 0, err.getvalue()
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return out.getvalue()


def person_verify(team: PgTeam, name: str, password: str | None = None) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        ["verify", "--database-url", team.person_url, "--user", name],
        stdin=io.StringIO((password or PASSWORDS[name]) + "\n"),
        stdout=out,
        stderr=err,
    )
    assert code == 0, out.getvalue() + err.getvalue()
    return out.getvalue()


def note(ctx: ServiceContext, text: str, street: str = "Akerstraat") -> int:
    from veilig_huisbezoek.domain.address import Address

    address = ADDRESS if street == ADDRESS.street else Address(street, 7, "", "6411 HB", "Heerlen")
    return register.propose_note(
        ctx,
        address=address,
        category=NoteCategory.BEDREIGING,
        incident_date=ctx.now().date() - timedelta(days=1),
        description=text,
        precautions="Altijd met twee.",
    )


def everything_as(team: PgTeam, name: str, password: str | None = None) -> dict[str, object]:
    """What a person reads: every note (a leidinggevende sees all), every visit, the
    accounts, and a healthy verify (every value they may see opens)."""
    from veilig_huisbezoek.services.team import team_log_in

    ctx = team_log_in(team.location, name, password or PASSWORDS[name], team.clock)
    try:
        report = ctx.store.verify()
        assert report.ok, report.verdict()
        return {
            "notes": sorted((n.id, n.description) for n in register.list_notes(ctx)),
            "visits": sorted((v.id, v.address) for v in visits.list_visits(ctx)),
            "accounts": sorted((a.id, a.display_name) for a in accounts.list_accounts(ctx)),
        }
    finally:
        ctx.store.close()


def a_visit(team: PgTeam, name: str) -> int:
    ctx = team.login(name)
    try:
        return visits.save_visit(ctx, _plan(ctx, team), _assessment(RiskLevel.GROEN))  # type: ignore[arg-type]
    finally:
        ctx.store.close()


# ---- rotation on removal -----------------------------------------------------------------


def test_removing_an_account_replaces_the_team_key_and_after_reseal_her_key_opens_nothing(
    pg_team: PgTeam,
) -> None:
    sanne = pg_team.login("sanne")
    before_note = note(sanne, "Bewoner dreigde met de hond.")
    old_keys = dict(sanne.store._keys)  # what she could have kept
    sanne.store.close()
    a_visit(pg_team, "sanne")
    petra = pg_team.login("petra")
    register.approve_note(petra, before_note)
    petra.store.close()
    assert old_keys.keys() == {1} and generation_now(pg_team) == 1
    old_key = old_keys[1]
    assert all(opens_with(old_key, v) for v in sealed_values(pg_team))
    seen_before = everything_as(pg_team, "petra")

    anna = pg_team.login("anna")
    try:
        assert accounts.remove_account(anna, pg_team.ids["sanne"]) is KeyRotation.DONE
        after_note = note(anna, "Na het verwijderen vastgelegd.")
    finally:
        anna.store.close()
    assert generation_now(pg_team) == 2
    assert wrapped_generations(pg_team) == {1, 2}  # the old one until the re-seal
    [(rotated,)] = sql(pg_team, "SELECT count(*) FROM audit_log WHERE action = 'team_key_rotated'")
    assert rotated == 1
    with pytest.raises(AuthenticationError):
        pg_team.login("sanne")
    # Everything written since the rotation is sealed with the new key: hers opens none.
    values = sealed_values(pg_team)
    newer = [v for v in values if v.generation == 2]
    assert newer and not any(opens_with(old_key, v) for v in newer)
    assert {v.row for v in newer if v.where == "unsafe_address_notes.description"} == {after_note}
    # Everyone who remains reads old and new; the warning at the address is found
    # through the blind index of either generation.
    seen = everything_as(pg_team, "petra")
    assert set(seen_before["notes"]) < set(seen["notes"])  # type: ignore[arg-type]
    for name in ("anna", "bram"):
        everything_as(pg_team, name)
    petra = pg_team.login("petra")
    try:
        assert [n.id for n in register.warnings_for(petra, ADDRESS.key)] == [before_note]
    finally:
        petra.store.close()
    assert "admin reseal" in person_verify(pg_team, "petra")

    output = owner_cli(pg_team, "reseal", "bram", PASSWORDS["bram"])
    assert "teamsleutel 2" in output
    values = sealed_values(pg_team)
    assert values and {v.generation for v in values} == {2}
    assert not any(opens_with(old_key, v) for v in values)
    # Not even the blind address indexes: none is her key's index of the address.
    old_index = Sealer.single(old_key).address_index(
        "unsafe_address_notes", ADDRESS.postcode, ADDRESS.house_number, ADDRESS.addition
    )
    indexes = {i for (i,) in sql(pg_team, "SELECT address_bidx FROM unsafe_address_notes")}
    assert old_index not in indexes and None not in indexes
    assert wrapped_generations(pg_team) == {2}
    assert everything_as(pg_team, "petra") == seen
    for name in ("anna", "bram"):
        everything_as(pg_team, name)
    assert "admin reseal" not in person_verify(pg_team, "petra")
    petra = pg_team.login("petra")
    try:
        assert [n.id for n in register.warnings_for(petra, ADDRESS.key)] == [before_note]
    finally:
        petra.store.close()
    # A second run finds nothing to do.
    assert "0 versleutelde gegevens" in owner_cli(pg_team, "reseal", "anna", PASSWORDS["anna"])


def test_a_workstation_open_during_the_rotation_reads_and_writes_with_the_new_key(
    pg_team: PgTeam,
) -> None:
    petra = pg_team.login("petra")  # logged in before; stays open throughout
    bram = pg_team.login("bram")
    try:
        first = note(bram, "Voor de nieuwe sleutel.")
        anna = pg_team.login("anna")
        try:
            accounts.remove_account(anna, pg_team.ids["sanne"])
            by_anna = note(anna, "Door Anna, met de nieuwe sleutel.", street="Kerkstraat")
        finally:
            anna.store.close()
        # Petra's and Bram's open workstations pick the new generation up by themselves.
        second = note(bram, "Na de nieuwe sleutel.")
        assert {n.id for n in register.list_notes(petra)} >= {first, second, by_anna}
        register.approve_note(petra, second)
        generations = {
            v.row: v.generation
            for v in sealed_values(pg_team)
            if v.where == "unsafe_address_notes.description"
        }
        assert generations == {first: 1, by_anna: 2, second: 2}
        assert petra.store.sealer.generation == bram.store.sealer.generation == 2
    finally:
        petra.store.close()
        bram.store.close()


def test_the_server_refuses_a_value_sealed_with_the_old_key_after_the_rotation(
    pg_team: PgTeam,
) -> None:
    from veilig_huisbezoek.storage.team.errors import TeamRefusedError

    bram = pg_team.login("bram")
    try:
        anna = pg_team.login("anna")
        accounts.remove_account(anna, pg_team.ids["sanne"])
        anna.store.close()
        # A workstation that would not notice (an older app): it seals with generation 1.
        bram.store._sync_generation = lambda session: None  # type: ignore[method-assign]
        bram.store._use_generation(1)
        before = sql(pg_team, "SELECT count(*) FROM unsafe_address_notes")
        with pytest.raises(TeamRefusedError, match="huidige teamsleutel"):
            note(bram, "Met de oude sleutel.")
        assert sql(pg_team, "SELECT count(*) FROM unsafe_address_notes") == before
    finally:
        bram.store.close()


# ---- rotation on a password reset ---------------------------------------------------------


def test_a_password_reset_gives_a_new_key_pair_and_a_new_team_key(pg_team: PgTeam) -> None:
    first = a_visit(pg_team, "sanne")  # Bram is the buddy: he sees it
    [(old_public,)] = sql(
        pg_team,
        "SELECT public_key FROM team_keyslots WHERE rolname = %s",
        pg_team.location.login_role("bram"),
    )
    old_keys = keys_of(pg_team, "bram")
    anna = pg_team.login("anna")
    try:
        assert accounts.reset_password(anna, pg_team.ids["bram"], NEW_BRAM) is KeyRotation.DONE
        statuses = accounts.key_statuses(anna)
        assert set(statuses.values()) == {KeyStatus.OK}
    finally:
        anna.store.close()
    assert generation_now(pg_team) == 2
    with pytest.raises(AuthenticationError):
        pg_team.login("bram")
    [(new_public,)] = sql(
        pg_team,
        "SELECT public_key FROM team_keyslots WHERE rolname = %s",
        pg_team.location.login_role("bram"),
    )
    assert new_public != old_public
    # His new key pair got the old generation (values still sealed with it) and the new.
    assert keys_of(pg_team, "bram", NEW_BRAM).keys() == {1, 2}
    second = a_visit(pg_team, "sanne")
    seen = everything_as(pg_team, "bram", NEW_BRAM)
    assert {first, second} <= {visit_id for visit_id, _ in seen["visits"]}  # type: ignore[attr-defined]
    owner_cli(pg_team, "reseal", "anna", PASSWORDS["anna"])
    assert not any(opens_with(old_keys[1], v) for v in sealed_values(pg_team))
    assert keys_of(pg_team, "bram", NEW_BRAM).keys() == {2}
    assert everything_as(pg_team, "bram", NEW_BRAM) == seen


# ---- people with a password slot from before key pairs ------------------------------------


def _back_to_a_password_slot(team: PgTeam, name: str) -> None:
    """Make ``name``'s slot what an older server held: the team key (generation 1)
    wrapped by the password key itself, no key pair, no wraps."""
    owner = TeamLocation.parse(team.cluster.owner_url(team.database))
    key = keys_of(team, name)[1]
    store = opening.open_as_owner(owner, name, PASSWORDS[name])
    try:
        base = KeyRing(store._ring.store_id, store._ring.store_salt, store._ring.kdf)
    finally:
        store.close()
    slot = base.make_slot(name, PASSWORDS[name], key)
    role = team.location.login_role(name)
    sql(team, "DELETE FROM team_key_wraps WHERE rolname = %s", role, past_rules=True)
    sql(team, "DELETE FROM team_keyslots WHERE rolname = %s", role, past_rules=True)
    sql(
        team,
        "INSERT INTO team_keyslots (slot_id, rolname, nonce, wrapped_key) VALUES (%s, %s, %s, %s)",
        slot.id,
        role,
        slot.nonce,
        slot.wrapped_key,
        past_rules=True,
    )


def test_a_password_slot_becomes_a_key_pair_at_the_next_login(pg_team: PgTeam) -> None:
    _back_to_a_password_slot(pg_team, "bram")
    anna = pg_team.login("anna")
    try:
        assert accounts.key_statuses(anna)[pg_team.ids["bram"]] is KeyStatus.OLD_SLOT
    finally:
        anna.store.close()
    everything_as(pg_team, "bram")
    [(public,)] = sql(
        pg_team,
        "SELECT public_key FROM team_keyslots WHERE rolname = %s",
        pg_team.location.login_role("bram"),
    )
    assert public is not None
    anna = pg_team.login("anna")
    try:
        assert accounts.key_statuses(anna)[pg_team.ids["bram"]] is KeyStatus.OK
        accounts.remove_account(anna, pg_team.ids["sanne"])
    finally:
        anna.store.close()
    assert keys_of(pg_team, "bram").keys() == {1, 2}
    everything_as(pg_team, "bram")


def test_a_password_slot_cannot_get_the_new_team_key_and_needs_a_new_password(
    pg_team: PgTeam,
) -> None:
    _back_to_a_password_slot(pg_team, "bram")
    anna = pg_team.login("anna")
    try:
        accounts.remove_account(anna, pg_team.ids["sanne"])
        assert accounts.key_statuses(anna)[pg_team.ids["bram"]] is KeyStatus.NEEDS_PASSWORD
    finally:
        anna.store.close()
    with pytest.raises(AccessWithdrawnError, match="nieuw wachtwoord"):
        pg_team.login("bram")
    owner_cli(pg_team, "reseal", "anna", PASSWORDS["anna"])
    # After the re-seal his old slot holds no key at all; still the same message.
    [(material,)] = sql(
        pg_team,
        "SELECT length(wrapped_key) FROM team_keyslots WHERE rolname = %s",
        pg_team.location.login_role("bram"),
    )
    assert material == 0
    with pytest.raises(AccessWithdrawnError):
        pg_team.login("bram")
    anna = pg_team.login("anna")
    try:
        accounts.reset_password(anna, pg_team.ids["bram"], NEW_BRAM)
        assert accounts.key_statuses(anna)[pg_team.ids["bram"]] is KeyStatus.OK
    finally:
        anna.store.close()
    everything_as(pg_team, "bram", NEW_BRAM)


# ---- the re-seal is resumable -------------------------------------------------------------


def test_an_interrupted_reseal_continues_where_it_stopped(
    pg_team: PgTeam, monkeypatch: pytest.MonkeyPatch
) -> None:
    petra = pg_team.login("petra")
    try:
        for n in range(12):
            note(petra, f"Notitie nummer {n} over een dreigende bewoner.")
    finally:
        petra.store.close()
    anna = pg_team.login("anna")
    try:
        accounts.remove_account(anna, pg_team.ids["sanne"])
    finally:
        anna.store.close()
    owner = TeamLocation.parse(pg_team.cluster.owner_url(pg_team.database))
    older = sum(1 for v in sealed_values(pg_team) if v.generation == 1)
    assert older > 24

    class Stop(Exception):
        pass

    commits: list[str] = []

    def stop_after_three(step: str) -> None:
        if step == "reseal-committed":
            commits.append(step)
            if len(commits) == 3:
                raise Stop

    monkeypatch.setattr(store_module, "_rotation_hook", stop_after_three)
    with pytest.raises(Stop):
        opening.reseal_server(owner, ("petra", PASSWORDS["petra"]), batch=4)
    left = sum(1 for v in sealed_values(pg_team) if v.generation == 1)
    assert 0 < left < older  # some batches committed, the rest left
    assert wrapped_generations(pg_team) == {1, 2}
    seen = everything_as(pg_team, "petra")  # half re-sealed: still all readable
    monkeypatch.setattr(store_module, "_rotation_hook", None)
    report = opening.reseal_server(owner, ("petra", PASSWORDS["petra"]), batch=4)
    assert report.resealed == left and report.generation == 2
    assert {v.generation for v in sealed_values(pg_team)} == {2}
    assert wrapped_generations(pg_team) == {2}
    assert everything_as(pg_team, "petra") == seen


def test_upgrade_server_reseals_too_and_says_when_it_could_not(pg_team: PgTeam) -> None:
    anna = pg_team.login("anna")
    try:
        accounts.remove_account(anna, pg_team.ids["sanne"])
    finally:
        anna.store.close()
    out, err = io.StringIO(), io.StringIO()
    argv = ["upgrade-server", "--database-url", pg_team.cluster.owner_url(pg_team.database)]
    assert cli.run(argv, stdin=io.StringIO(""), stdout=out, stderr=err) == 0, err.getvalue()
    assert "admin reseal" in out.getvalue()
    assert wrapped_generations(pg_team) == {1, 2}
    output = owner_cli(pg_team, "upgrade-server", "anna", PASSWORDS["anna"])
    assert "opnieuw verzegeld" in output
    assert wrapped_generations(pg_team) == {2}
    assert {v.generation for v in sealed_values(pg_team)} == {2}


def test_reseal_needs_the_owner_and_a_password_that_opens_the_current_key(
    pg_team: PgTeam,
) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        ["reseal", "--database-url", pg_team.person_url, "--user", "anna"],
        stdin=io.StringIO(PASSWORDS["anna"] + "\n"),
        stdout=out,
        stderr=err,
    )
    assert code == 1 and "eigenaar" in err.getvalue()
    code = cli.run(
        ["reseal", "--database-url", pg_team.cluster.owner_url(pg_team.database), "--user", "anna"],
        stdin=io.StringIO("niet-het-wachtwoord\n"),
        stdout=out,
        stderr=err,
    )
    assert code == 2
    assert "Traceback" not in out.getvalue() + err.getvalue()


def test_changing_ones_own_password_keeps_the_key_pair(pg_team: PgTeam) -> None:
    bram = pg_team.login("bram")
    role = pg_team.location.login_role("bram")
    [(public,)] = sql(pg_team, "SELECT public_key FROM team_keyslots WHERE rolname = %s", role)
    try:
        accounts.change_password(bram, PASSWORDS["bram"], NEW_BRAM)
    finally:
        bram.store.close()
    assert sql(pg_team, "SELECT public_key FROM team_keyslots WHERE rolname = %s", role) == [
        (public,)
    ]
    anna = pg_team.login("anna")
    try:
        accounts.remove_account(anna, pg_team.ids["sanne"])
    finally:
        anna.store.close()
    everything_as(pg_team, "bram", NEW_BRAM)
    with pytest.raises(AuthenticationError):
        pg_team.login("bram")


def test_the_accounts_audit_trail_names_each_new_team_key(pg_team: PgTeam) -> None:
    anna = pg_team.login("anna")
    try:
        accounts.remove_account(anna, pg_team.ids["sanne"])
        accounts.reset_password(anna, pg_team.ids["bram"], NEW_BRAM)
        with anna.store.read_session() as session:
            active = session.execute(select(Account.username).where(Account.active)).scalars()
            assert sorted(active) == ["anna", "bram", "petra"]
    finally:
        anna.store.close()
    assert generation_now(pg_team) == 3
    assert wrapped_generations(pg_team) == {1, 2, 3}
    actions = [
        a
        for (a,) in sql(
            pg_team,
            "SELECT action FROM audit_log WHERE action NOT IN ('logged_in') ORDER BY id",
        )
    ]
    assert actions[-4:] == [
        "account_removed",
        "team_key_rotated",
        "password_reset",
        "team_key_rotated",
    ]
    owner_cli(pg_team, "reseal", "petra", PASSWORDS["petra"])
    assert wrapped_generations(pg_team) == {3}


def test_a_public_key_slipped_in_past_the_app_gets_no_new_team_key(pg_team: PgTeam) -> None:
    """A database administrator puts Sanne's public key (and its genuine tag) in Bram's
    slot before Sanne is removed: the rotation must not wrap the new key to it."""
    owner = TeamLocation.parse(pg_team.cluster.owner_url(pg_team.database))
    sanne = opening.open_as_owner(owner, "sanne", PASSWORDS["sanne"])
    try:
        assert sanne._opened is not None and sanne._opened.private is not None
        sanne_private = sanne._opened.private
        sanne_ring = sanne._ring
    finally:
        sanne.close()
    roles = {name: pg_team.location.login_role(name) for name in ("sanne", "bram")}
    [(public,)] = sql(
        pg_team, "SELECT public_key FROM team_keyslots WHERE rolname = %s", roles["sanne"]
    )
    [(tag,)] = sql(pg_team, "SELECT tag FROM team_key_wraps WHERE rolname = %s", roles["sanne"])
    sql(
        pg_team,
        "UPDATE team_keyslots SET public_key = %s WHERE rolname = %s",
        public,
        roles["bram"],
        past_rules=True,
    )
    sql(
        pg_team,
        "UPDATE team_key_wraps SET tag = %s WHERE rolname = %s",
        tag,
        roles["bram"],
        past_rules=True,
    )
    anna = pg_team.login("anna")
    try:
        assert accounts.key_statuses(anna)[pg_team.ids["bram"]] is KeyStatus.OK  # (looks so)
        accounts.remove_account(anna, pg_team.ids["sanne"])
        assert accounts.key_statuses(anna)[pg_team.ids["bram"]] is KeyStatus.NEEDS_PASSWORD
    finally:
        anna.store.close()
    assert sql(
        pg_team,
        "SELECT count(*) FROM team_key_wraps WHERE rolname = %s AND generation = 2",
        roles["bram"],
    ) == [(0,)]
    # No new wrapped key anywhere opens with Sanne's private key.
    from veilig_huisbezoek.storage.keywrap import UnwrapError, unwrap_with

    for (wrapped,) in sql(pg_team, "SELECT wrapped FROM team_key_wraps WHERE generation = 2"):
        for holder in ("sanne", "bram", "anna", "petra"):
            context = replace(sanne_ring, holder=holder).key_context(2)
            with pytest.raises(UnwrapError):
                unwrap_with(sanne_private, key_wraps.wrapped_from(bytes(wrapped)), context)  # type: ignore[arg-type]
    # Bram's own private key no longer fits his slot; a new password puts it right.
    with pytest.raises(AuthenticationError):
        pg_team.login("bram")
    anna = pg_team.login("anna")
    try:
        accounts.reset_password(anna, pg_team.ids["bram"], NEW_BRAM)
    finally:
        anna.store.close()
    everything_as(pg_team, "bram", NEW_BRAM)


def test_two_logins_with_a_password_slot_make_one_key_pair(
    pg_team: PgTeam, monkeypatch: pytest.MonkeyPatch
) -> None:
    from veilig_huisbezoek.storage.keywrap import public_bytes

    _back_to_a_password_slot(pg_team, "bram")
    with monkeypatch.context() as patch:  # the first login has read its slot, no more
        patch.setattr(opening, "make_key_pair", lambda store, account_id: None)
        early, account_id = opening.open_as(pg_team.location, "bram", PASSWORDS["bram"])
    try:
        pg_team.login("bram").store.close()  # the second one makes the key pair
        key_wraps.make_key_pair(early, account_id)  # … and the first one uses it
        [(public,)] = sql(
            pg_team,
            "SELECT public_key FROM team_keyslots WHERE rolname = %s",
            pg_team.location.login_role("bram"),
        )
        assert early._opened is not None and early._opened.private is not None
        assert public_bytes(early._opened.private) == public
    finally:
        early.close()
