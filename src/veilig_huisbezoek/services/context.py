"""Who is acting, on which store, at which time: passed to every service call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from ..domain.clock import Clock, SystemClock
from ..domain.roles import Permission, PermissionDenied, Role, permissions_for
from ..storage import audit
from ..storage.store import Store


@dataclass(frozen=True)
class Actor:
    account_id: int
    username: str
    first_name: str
    last_name: str
    roles: frozenset[Role]

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_for(self.roles)

    def may(self, permission: Permission) -> bool:
        return permission in self.permissions

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass
class ServiceContext:
    store: Store
    actor: Actor
    clock: Clock = field(default_factory=SystemClock)

    def now(self) -> datetime:
        return self.clock.now()

    def require(self, permission: Permission, what: str) -> None:
        if not self.actor.may(permission):
            raise PermissionDenied(what)

    def audit(
        self,
        session: Session,
        action: str,
        object_type: str = "",
        object_id: str | int = "",
        detail: str = "",
    ) -> None:
        audit.append(
            session,
            at=self.now(),
            actor_id=self.actor.account_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            detail=detail,
        )
