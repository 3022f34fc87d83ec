"""Demo accounts and realistic sample data, written in one transaction."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import register as register_rules
from ..domain.address import Address
from ..domain.call_outcome import NameUsed, decide_action
from ..domain.checklist import Answer, RiskLevel, assess, default_checklist
from ..domain.clock import Clock, to_local
from ..domain.incident import (
    BehaviourCategory,
    Channel,
    IncidentReport,
    ReportKind,
    TalkOutcome,
    aftercare_schedule,
)
from ..domain.roles import Permission, Role, roles_to_text
from ..domain.settings import Settings
from ..domain.visit import VisitReason, VisitState, default_callbacks
from ..storage import audit
from ..storage.incident_models import AftercareTalkRow, Incident, PoliceReportRow
from ..storage.models import (
    Account,
    Assessment,
    Callback,
    CallRecord,
    Setting,
    UnsafeAddressNote,
    Visit,
    VisitColleague,
    VisitEvent,
)
from ..storage.store import Store
from .accounts import NewAccount, check_username, create_first_account
from .context import ServiceContext
from .incidents import apply_report
from .register import _apply
from .settings import SETTINGS_KEY


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    roles: frozenset[Role]
    description: str
    phone: str

    @property
    def password(self) -> str:
        # A demo database is throw-away; these logins are printed on purpose.
        return f"demo-{self.username}-2026"


DEMO_ACCOUNTS = (
    DemoAccount(
        "sanne",
        "Sanne",
        "Visser",
        frozenset({Role.MEDEWERKER}),
        "medewerker (handhaver)",
        "+31612345601",
    ),
    DemoAccount(
        "ahmed",
        "Ahmed",
        "El Amrani",
        frozenset({Role.MEDEWERKER}),
        "medewerker (Wmo-consulent), vaak buddy",
        "+31612345602",
    ),
    DemoAccount(
        "lotte",
        "Lotte",
        "Bakker",
        frozenset({Role.MEDEWERKER}),
        "medewerker (jeugd)",
        "+31612345603",
    ),
    DemoAccount(
        "petra",
        "Petra",
        "de Groot",
        frozenset({Role.LEIDINGGEVENDE}),
        "leidinggevende / coördinator agressie en geweld",
        "+31612345604",
    ),
    DemoAccount("tom", "Tom", "Jacobs", frozenset({Role.BEHEERDER}), "beheerder", "+31612345605"),
)

# The municipality on the letters (Instellingen: Gemeente (voor brieven)); the demo's
# addresses are in Heerlen. Set by seed_demo only where nobody filled it in yet.
DEMO_MUNICIPALITY_NAME = "Gemeente Heerlen"
DEMO_MUNICIPALITY_ADDRESS = "Geleenstraat 27\n6411 HR Heerlen\nPostbus 1, 6400 AA Heerlen"

# Fictional addresses in Heerlen-style postcodes.
_STREETS = (
    ("Akerstraat", "6411"),
    ("Geleenstraat", "6411"),
    ("Kerkraderweg", "6416"),
    ("Schandelerboord", "6418"),
    ("Voskuilenweg", "6416"),
    ("Heesbergstraat", "6413"),
    ("Meezenbroekerweg", "6412"),
    ("Palemig", "6415"),
    ("Beersdalweg", "6412"),
    ("Molenberglaan", "6416"),
    ("Nobelstraat", "6411"),
    ("Passartweg", "6415"),
)
_LETTERS = ("AB", "BC", "CD", "EG", "GH", "JK", "KL", "MN", "PR", "RT", "TV", "XZ")
_RESIDENTS = (
    "Dhr. en mevr. Janssen",
    "Mevr. Hermans en zoon",
    "Dhr. Kurt",
    "Fam. Coenen",
    "Mevr. Lambrechts",
    "Dhr. Dreessen en partner",
    "Fam. Bosch (3 kinderen)",
    "Dhr. Pelzer",
    "Mevr. Schijns",
    "Fam. Ramaekers",
)
_SITUATION_WEIGHTS = 0.18
_SEVERE_WEIGHTS = 0.04


def demo_address(rng: random.Random) -> Address:
    street, digits = rng.choice(_STREETS)
    addition = rng.choice(("", "", "", "A", "B", "2"))
    return Address(
        street, rng.randint(1, 180), addition, f"{digits} {rng.choice(_LETTERS)}", "Heerlen"
    )


def _answers(rng: random.Random) -> dict[str, Answer]:
    checklist = default_checklist()
    result: dict[str, Answer] = {}
    for item in checklist.items:
        if item.auto:
            result[item.id] = Answer.NEE
            continue
        p_yes = _SEVERE_WEIGHTS if item.kind.value == "ernstig" else _SITUATION_WEIGHTS
        roll = rng.random()
        result[item.id] = (
            Answer.JA if roll < p_yes else Answer.WEET_NIET if roll < p_yes + 0.05 else Answer.NEE
        )
    return result


def seed_demo(ctx: ServiceContext, *, visits: int = 50, seed: int = 2026) -> dict[str, int]:
    """Add the demo accounts (if missing), `visits` sample visits and register notes.

    One transaction: all or nothing (on the embedded store a key slot written for an
    account that then rolls back opens nothing). On a team server only the owner may
    seed: it writes history in other people's names.
    """
    ctx.require(Permission.MANAGE_ACCOUNTS, "alleen een beheerder kan demodata laden")
    rng = random.Random(seed)
    checklist = default_checklist()
    now = ctx.now()
    with ctx.store.session() as session:
        accounts: dict[str, Account] = {}
        added = 0
        for demo in DEMO_ACCOUNTS:
            account = session.execute(
                select(Account).where(Account.username == check_username(demo.username))
            ).scalar_one_or_none()
            if account is None:
                account = Account(
                    id=ctx.store.next_id(session, "accounts"),
                    username=demo.username,
                    first_name=demo.first_name,
                    last_name=demo.last_name,
                    phone=demo.phone,
                    roles=roles_to_text(demo.roles),
                    active=True,
                    created_at=now,
                )
                ctx.store.create_account(session, account, demo.password)
                account = session.get(Account, account.id)
                assert account is not None
                added += 1
            accounts[demo.username] = account
        session.flush()
        workers = [accounts[n] for n in ("sanne", "ahmed", "lotte")]
        manager = accounts["petra"]
        for index in range(visits):
            visitor = workers[index % len(workers)]
            buddy = rng.choice([w for w in workers if w is not visitor] + [manager])
            # Spread over the last 60 days; the last few are running now or planned.
            if index >= visits - min(6, visits):
                start = now - timedelta(minutes=rng.randint(5, 50))
                state = VisitState.ONDERWEG
            elif index >= visits - min(9, visits):
                start = now + timedelta(hours=rng.randint(2, 48))
                state = VisitState.GEPLAND
            else:
                start = now - timedelta(days=rng.uniform(1, 60))
                state = VisitState.AFGESLOTEN
            start = start.replace(second=0, microsecond=0)
            end = start + timedelta(minutes=rng.choice((45, 60, 75, 90, 120)))
            result = assess(checklist, _answers(rng))
            address = demo_address(rng)
            colleague = (
                rng.choice([w for w in workers if w not in (visitor, buddy)])
                if result.level >= RiskLevel.ORANJE
                else None
            )
            visit = Visit(
                visitor_id=visitor.id,
                buddy_id=buddy.id,
                reason=rng.choice(list(VisitReason)).value,
                street=address.street,
                house_number=address.house_number,
                addition=address.addition,
                postcode=address.postcode,
                city=address.city,
                residents=rng.choice(_RESIDENTS),
                clients=rng.choice(_RESIDENTS),
                client_phone=f"+3145{rng.randint(5000000, 5999999)}",
                start_at=start,
                expected_return_at=end,
                roles_note="Gespreksleider en observator" if colleague else "",
                interpreter=rng.random() < 0.1,
                announced_in_writing=rng.random() < 0.8,
                state=state.value,
                level=result.level.value,
                consent_by=manager.id if result.level is RiskLevel.ROOD else None,
                consent_reason=(
                    "Bezoek noodzakelijk voor handhaving; met politie afgestemd"
                    if result.level is RiskLevel.ROOD
                    else ""
                ),
                consent_at=start - timedelta(hours=2) if result.level is RiskLevel.ROOD else None,
                created_at=start - timedelta(days=1),
                updated_at=start,
            )
            visit.colleagues = [VisitColleague(account_id=colleague.id)] if colleague else []
            visit.assessment = Assessment(
                checklist_id=result.checklist_id,
                checklist_version=result.checklist_version,
                answers={k: v.value for k, v in result.answers.items()},
                level=result.level.value,
                reasons=[r.text for r in result.reasons],
                assessed_by=visitor.id,
                assessed_at=start - timedelta(days=1),
            )
            events = [
                VisitEvent(
                    at=start - timedelta(days=1),
                    actor_id=visitor.id,
                    kind="aangemaakt",
                    detail=result.level.value,
                )
            ]
            callbacks = []
            calls: list[CallRecord] = []
            answered: list[tuple[CallRecord, Callback]] = []  # call-back → its first call
            for due in default_callbacks(start, end, result.level):
                done = state is VisitState.AFGESLOTEN or due <= now
                callback = Callback(
                    due_at=due,
                    kind="gepland",
                    status="gedaan" if done else "open",
                    created_at=start - timedelta(days=1),
                )
                callbacks.append(callback)
                if done and state is not VisitState.GEPLAND:
                    first_call = len(calls)
                    misses = 0
                    if rng.random() < 0.08:
                        calls.append(
                            CallRecord(
                                buddy_id=buddy.id,
                                called_at=due,
                                reached=False,
                                action=decide_action(
                                    reached=False,
                                    name_used=None,
                                    vrijuit=None,
                                    politie=None,
                                    previous_misses=0,
                                ).action.value,
                            )
                        )
                        misses = 1
                    name = NameUsed.ACHTERNAAM if rng.random() < 0.02 else NameUsed.VOORNAAM
                    vrijuit = rng.random() > 0.05
                    decision = decide_action(
                        reached=True,
                        name_used=name,
                        vrijuit=vrijuit,
                        politie=False,
                        previous_misses=misses,
                    )
                    calls.append(
                        CallRecord(
                            buddy_id=buddy.id,
                            called_at=due + timedelta(minutes=5 * misses, seconds=40),
                            reached=True,
                            name_used=name.value,
                            vrijuit=vrijuit,
                            politie=False,
                            action=decision.action.value,
                        )
                    )
                    answered.append((calls[first_call], callback))
            if state is not VisitState.GEPLAND:
                events.append(VisitEvent(at=start, actor_id=visitor.id, kind="vertrokken"))
            if state is VisitState.AFGESLOTEN:
                events.append(
                    VisitEvent(
                        at=end - timedelta(minutes=rng.randint(0, 20)),
                        actor_id=visitor.id,
                        kind="terug_veilig",
                    )
                )
                events.append(VisitEvent(at=end, actor_id=visitor.id, kind="afgesloten"))
            visit.callbacks = callbacks
            visit.calls = calls
            visit.events = events
            session.add(visit)
            if answered:  # the calls name their call-back, as the buddy's call dialog does
                session.flush()
                for call, answered_callback in answered:
                    call.callback_id = answered_callback.id
        municipality = _demo_municipality(session)
        notes = _demo_notes(ctx, rng, accounts, now)
        for note in notes:
            row = UnsafeAddressNote()
            _apply(row, note)
            session.add(row)
        incidents = _demo_incidents(rng, accounts, now)
        session.add_all(incidents)
        session.flush()
        audit.append(
            session,
            at=now,
            actor_id=ctx.actor.account_id,
            action="demo_seeded",
            detail=f"{visits} visits, {len(notes)} notes, {len(incidents)} incidents"
            + (", municipality for letters" if municipality else ""),
        )
    return {
        "accounts": added,
        "visits": visits,
        "notes": len(notes),
        "incidents": len(incidents),
    }


def _demo_municipality(session: Session) -> bool:
    """Gemeente Heerlen as the letters' sender, unless a municipality is set already.
    True when set (the seeding's own audit entry says so)."""
    row = session.get(Setting, SETTINGS_KEY)
    settings = Settings.from_dict(row.value) if row is not None else Settings()
    if settings.municipality_name or settings.municipality_address:
        return False
    values = replace(
        settings,
        municipality_name=DEMO_MUNICIPALITY_NAME,
        municipality_address=DEMO_MUNICIPALITY_ADDRESS,
    ).to_dict()
    if row is None:
        session.add(Setting(key=SETTINGS_KEY, value=values))
    else:
        row.value = values
    return True


# (channel, category, days ago, wat) — for the leidinggevende's reports; no real people.
_INCIDENTS = (
    (Channel.BALIE, BehaviourCategory.B, 12, "Schreeuwde en sloeg met de vuist op de balie."),
    (Channel.TELEFOON, BehaviourCategory.C, 25, "Dreigde de consulent iets aan te doen."),
    (Channel.EMAIL, BehaviourCategory.B, 40, "Scheldpartij per e-mail na een afwijzing."),
    (Channel.HUISBEZOEK, BehaviourCategory.D, 55, "Duwde de handhaver de trap af."),
    (Channel.SOCIAL_MEDIA, BehaviourCategory.C, 70, "Zette een bedreigend bericht online."),
    (Channel.BALIE, BehaviourCategory.A, 90, "Bleef na herhaald verzoek de balie blokkeren."),
    (Channel.BRIEF, BehaviourCategory.C, 120, "Anonieme dreigbrief aan het team."),
    (Channel.HUISBEZOEK, BehaviourCategory.B, 150, "Bewoner werd luid en intimiderend."),
)


def _demo_incidents(
    rng: random.Random, accounts: dict[str, Account], now: datetime
) -> list[Incident]:
    rows = []
    for channel, category, days, what in _INCIDENTS:
        occurred = now - timedelta(days=days, minutes=rng.randint(0, 600))
        report = IncidentReport.create(
            occurred_at=occurred,
            channel=channel,
            category=category,
            wie="Inwoner (demo)",
            wat=what,
            waar="Stadskantoor" if channel is not Channel.HUISBEZOEK else "Bij de woning",
            now=now,
        )
        employee = accounts[("sanne", "ahmed", "lotte")[days % 3]]
        row = Incident(
            employee_id=employee.id,
            filed_by=employee.id,
            filed_at=occurred + timedelta(hours=2),
            updated_at=occurred + timedelta(hours=2),
        )
        apply_report(row, report)
        # Followed up as it should be: reported to the police the same day and each
        # aftercare conversation held once it was due, so no deadline is left open.
        row.police_report = PoliceReportRow(
            kind=ReportKind.MELDING.value,
            reported_by=employee.first_name,
            reported_at=occurred + timedelta(hours=3),
            police_reference=f"PL2300-{2026000 + days}",
            municipality_address="Postbus 1, 6400 AA Heerlen",
            vpt_mentioned=True,
            recorded_by=employee.id,
            recorded_at=occurred + timedelta(hours=3),
        )
        lead = accounts["petra"]
        for moment in aftercare_schedule(occurred, occurred + timedelta(hours=2)):
            held = moment.remind_at + timedelta(hours=20)
            if held < now:
                row.aftercare.append(
                    AftercareTalkRow(
                        talk=moment.talk.value,
                        outcome=TalkOutcome.GEHOUDEN.value,
                        held_on=to_local(held).date(),
                        recorded_by=lead.id,
                        recorded_at=held,
                    )
                )
        rows.append(row)
    return rows


_NOTE_TEXTS = (
    (
        "bedreiging",
        "Bewoner dreigde bij controle op 12 maart de handhaver te slaan en "
        "sloeg met de vuist op tafel.",
        "Altijd met twee; politie vooraf informeren.",
    ),
    (
        "gevaarlijk_dier",
        "Twee loslopende honden in de woning; een collega is in de "
        "hal aangevallen en gebeten in de hand.",
        "Vraag vooraf de honden op te sluiten.",
    ),
    (
        "drugs_plantage",
        "Bij preventief bezoek hennepgeur en afgeplakte ramen op de "
        "zolder; bewoner weigerde de toegang.",
        "Niet binnengaan; melden bij politie.",
    ),
    (
        "agressieve_persoon",
        "Zoon (ca. 25) schreeuwde en blokkeerde de deur toen de consulent wilde vertrekken.",
        "Niet alleen; dicht bij de uitgang blijven.",
    ),
    (
        "wapens",
        "Tijdens het gesprek lag een groot mes zichtbaar op tafel; bewoner "
        "wees er herhaaldelijk naar.",
        "Alleen met politie; vooraf 0900-8844 bellen.",
    ),
)


# The README's walk-through prepares a visit here: the first, active note's address.
DEMO_WARNING_ADDRESS = Address("Akerstraat", 12, "", "6411 HC", "Heerlen")

# The fourth note was approved over a year ago: its review is overdue.
_NOTE_AGE_DAYS = (20, 90, 160, 400, 6)


def _demo_notes(
    ctx: ServiceContext, rng: random.Random, accounts: dict[str, Account], now: datetime
) -> list[register_rules.UnsafeAddressNote]:
    notes = []
    today = now.date()
    for index, (category, text, precautions) in enumerate(_NOTE_TEXTS):
        author = accounts[("sanne", "ahmed", "lotte")[index % 3]]
        address = demo_address(rng)  # drawn for every note: the same stream as before
        note = register_rules.new_note(
            address=DEMO_WARNING_ADDRESS if index == 0 else address,
            category=category,
            incident_date=today - timedelta(days=_NOTE_AGE_DAYS[index]),
            description=text,
            precautions=precautions,
            author_id=author.id,
            now=now,
        )
        if index < 4:  # the last one waits for approval
            approved_at = now - timedelta(days=_NOTE_AGE_DAYS[index] - 5)
            note = register_rules.approve(
                note,
                approver_id=accounts["petra"].id,
                approver_is_leidinggevende=True,
                now=approved_at,
            )
        notes.append(note)
    return notes


def demo_logins() -> list[tuple[str, str, str]]:
    return [(d.username, d.password, d.description) for d in DEMO_ACCOUNTS]


DEMO_SETUP_USER = "tom"


def create_demo_store(data_dir: Path, *, visits: int = 50, clock: Clock | None = None) -> None:
    """A fresh encrypted demo store: demo accounts (one per role), visits and notes."""
    setup = next(d for d in DEMO_ACCOUNTS if d.username == DEMO_SETUP_USER)
    store = Store.create(data_dir)
    try:
        ctx = create_first_account(
            store,
            NewAccount(
                setup.username,
                setup.password,
                setup.first_name,
                setup.last_name,
                setup.roles,
                setup.phone,
            ),
            clock,
            roles=setup.roles,
        )
        seed_demo(ctx, visits=visits)
    finally:
        store.close()
