"""Organisation settings (docs/design.md §7), stored encrypted; only a beheerder changes them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..domain.roles import Permission
from ..domain.settings import Settings
from ..storage.models import Setting
from .context import ServiceContext

SETTINGS_KEY = "organisation"  # the one row of the settings table


def load_settings(ctx: ServiceContext) -> Settings:
    with ctx.store.read_session() as session:
        return settings_in(session)


def settings_in(session: Session) -> Settings:
    """The settings as the caller's session sees them (its read snapshot)."""
    row = session.get(Setting, SETTINGS_KEY)
    return Settings.from_dict(row.value) if row else Settings()


def save_settings(ctx: ServiceContext, settings: Settings) -> None:
    ctx.require(Permission.MANAGE_SETTINGS, "alleen een beheerder wijzigt instellingen")
    with ctx.store.session() as session:
        row = session.get(Setting, SETTINGS_KEY)
        if row is None:
            session.add(Setting(key=SETTINGS_KEY, value=settings.to_dict()))
        else:
            row.value = settings.to_dict()
        ctx.audit(session, "settings_changed", "settings", SETTINGS_KEY)
