"""What the alarm panel says: each alarm's row text (for whom, where, since when), the
quiet line of an alarm a colleague handles, who watches the visit, and what a screen
reader hears when an alarm appears. Locked, a row says only whose visit it is."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from ..domain.clock import to_local
from ..domain.incident import deadline_incident_id, deadline_label
from ..domain.phone import format_phone
from ..domain.reminders import ReminderKind, deadline_key, unwatched_since
from ..reminders.notifier import locked_alarm_text
from ..services.alarms import AlarmInfo
from ..services.context import ServiceContext
from .hub import AppHub
from .i18n import domain_text

SYMBOL = "⚠"
VISITOR_SYMBOL = "ℹ"
IN_HAND_SYMBOL = "✓"


def hhmm(moment: datetime) -> str:
    return to_local(moment).strftime("%H:%M")


class AlarmTexts(QObject):
    """The texts of the alarm panel's rows, for the person at this desk."""

    def __init__(self, ctx: ServiceContext, hub: AppHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hub = hub

    # ---- texts --------------------------------------------------------------------------
    def watch_text(self, alarm: AlarmInfo, *, locked: bool) -> str:
        """ "Ahmed kijkt mee." / "Niemand kijkt mee sinds 14:02." for a row about a
        running visit whose buddy is someone else; "" otherwise (and while locked:
        no names)."""
        if (
            locked
            or alarm.buddy_id is None
            or alarm.visit_state is None
            or alarm.visit_start is None
            or alarm.buddy_id == self.ctx.actor.account_id
        ):
            return ""
        now = self.ctx.clock.now()
        watch = self.hub.presence.watch(alarm.visit_state, alarm.visit_start, alarm.buddy_id, now)
        if watch is None:
            return ""
        if watch.watched:
            name = alarm.buddy_first_name or self.tr("de buddy")
            return self.tr("{name} kijkt mee.").format(name=name)
        assert watch.since is not None
        return self.tr("{symbol} Niemand kijkt mee sinds {time}.").format(
            symbol=SYMBOL, time=hhmm(watch.since)
        )

    def alarm_text(self, alarm: AlarmInfo, *, locked: bool) -> str:
        # A failover row says itself since when nobody watches.
        unwatched = alarm.kind is ReminderKind.BUDDY_UNREACHABLE and not alarm.acknowledged
        watch = "" if unwatched else self.watch_text(alarm, locked=locked)
        text = self._alarm_text(alarm, locked=locked)
        return f"{text} {watch}" if watch else text

    def in_hand_text(self, alarm: AlarmInfo) -> str:
        """ "Petra handelt dit af (14:05): <what it was> — bezoek van Sanne." """
        assert alarm.acknowledged_at is not None
        who = alarm.acknowledged_by_first_name or alarm.acknowledged_by or self.tr("Een collega")
        what = domain_text(alarm.kind.label)
        visitor = alarm.visitor_first_name
        if alarm.for_visitor:
            about = self.tr("uw bezoek")
        elif visitor:
            about = self.tr("bezoek van {name}").format(name=visitor)
        else:
            about = self.tr("bezoek nr. {number}").format(number=alarm.visit_id)
        return self.tr("{name} handelt dit af ({time}): {what} — {about}.").format(
            name=who, time=hhmm(alarm.acknowledged_at), what=what, about=about
        )

    def _alarm_text(self, alarm: AlarmInfo, *, locked: bool) -> str:
        if alarm.acknowledged:
            return self.in_hand_text(alarm)
        if alarm.for_visitor:
            return self._visitor_text(alarm)
        if locked:
            if alarm.visitor_first_name:
                return locked_alarm_text(alarm.visitor_first_name)
            return self.tr("Alarm — ontgrendel voor details")
        name = alarm.visitor_name or alarm.visitor_first_name
        phone = format_phone(alarm.visitor_phone)
        who = self.tr("{name} ({phone})").format(name=name, phone=phone) if phone else name
        where = alarm.address.one_line() if alarm.address is not None else ""
        time = hhmm(alarm.due_at)
        # A late alarm says so first, with its original time; an on-time one ends with it.
        if alarm.kind is ReminderKind.CALLBACK_DUE:
            text = self.tr("Terugbelmoment: bel nu {who} — {where}.").format(who=who, where=where)
            when = self.tr("Gepland om {time}.").format(time=time)
        elif alarm.kind is ReminderKind.OVERDUE_ALARM:
            text = self.tr("Te laat terug: {who} is nog niet terug — {where}.").format(
                who=who, where=where
            )
            when = self.tr("Alarm om {time}.").format(time=time)
        elif alarm.kind is ReminderKind.ESCALATION:
            text = self.tr("Escalatie: alarm niet bevestigd — bezoek van {who}, {where}.").format(
                who=who, where=where
            )
            when = self.tr("Sinds {time}.").format(time=time)
        elif alarm.kind is ReminderKind.BUDDY_UNREACHABLE:
            buddy = alarm.buddy_first_name or self.tr("de buddy")
            if not name:
                who = self.tr("nr. {number}").format(number=alarm.visit_id)
            since = unwatched_since(alarm.reminder_key)
            since_text = hhmm(since) if since is not None else time
            if where:
                text = self.tr(
                    "Buddy niet bereikbaar ({buddy}): bezoek van {who} — {where}. Niemand "
                    "kijkt mee sinds {since}."
                ).format(since=since_text, who=who, where=where, buddy=buddy)
            else:
                text = self.tr(
                    "Buddy niet bereikbaar ({buddy}): bezoek van {who}. Niemand kijkt mee "
                    "sinds {since}."
                ).format(since=since_text, who=who, buddy=buddy)
            when = self.tr("Alarm om {time}.").format(time=time)
        elif alarm.kind is ReminderKind.EMERGENCY:
            buddy = alarm.buddy_first_name or self.tr("de buddy")
            text = self.tr(
                "NOODSITUATIE bij het bezoek van {who} — {where}: {buddy} (buddy) heeft "
                "alarm geslagen en belt de politie of u."
            ).format(who=who, where=where, buddy=buddy)
            when = self.tr("Om {time}.").format(time=time)
        elif alarm.kind is ReminderKind.UNWATCHED_DEPARTURE:
            text = self.tr(
                "Vertrokken zonder bereikbare buddy: {who} — {where}. De reden staat bij het "
                "bezoek."
            ).format(who=who, where=where)
            when = self.tr("Vertrokken om {time}.").format(time=time)
        else:
            deadline = alarm.reminder_key.removeprefix(deadline_key(""))
            text = domain_text(deadline_label(deadline))
            number = deadline_incident_id(deadline)
            if number is not None:
                text += " — " + self.tr("incident nr. {number}").format(number=number)
            text += "."
            if name:
                text += " " + self.tr("Medewerker: {name}.").format(name=name)
            when = self.tr("Om {time}.").format(time=time)
        if alarm.raised_late:
            text = self.tr("TE LAAT (oorspronkelijk {time}) — {text}").format(time=time, text=text)
        else:
            text = f"{text} {when}"
        if alarm.visit_ended and alarm.visit_id is not None:
            text += " " + self.tr("Het bezoek is inmiddels beëindigd (teruggemeld).")
        if not alarm.recorded:
            text += " " + self.tr("(nog niet vastgelegd — geen verbinding)")
        return text

    def _visitor_text(self, alarm: AlarmInfo) -> str:
        """For the visitor about their own visit: which visit, who is alarmed, and what
        to do (the street, for someone with more than one visit out)."""
        buddy = alarm.buddy_first_name or self.tr("uw buddy")
        time = hhmm(alarm.due_at)
        where = alarm.address.short() if alarm.address is not None else ""
        if alarm.kind is ReminderKind.CALLBACK_DUE:
            text = self.tr(
                "Terugbelmoment van {time} ({where}): {buddy} is gewaarschuwd om u te bellen."
            ).format(time=time, where=where, buddy=buddy)
        elif alarm.kind is ReminderKind.OVERDUE_ALARM:
            text = self.tr(
                "U bent te laat terug ({where}): {buddy} is om {time} gewaarschuwd."
            ).format(time=time, where=where, buddy=buddy)
        else:
            text = self.tr(
                "Escalatie: de leidinggevende is om {time} gewaarschuwd over uw bezoek ({where})."
            ).format(time=time, where=where)
        return text + " " + self.tr("Bent u terug? Meld u dan nu terug.")

    def spoken_alarm(self, alarm: AlarmInfo, *, locked: bool) -> str:
        """What a screen reader says when the alarm appears: its row and what to do."""
        text = self.alarm_text(alarm, locked=locked)
        if alarm.for_visitor or alarm.acknowledged or locked:
            return text  # says what to do: report back, or unlock; or who handles it
        if alarm.kind is ReminderKind.BUDDY_UNREACHABLE and alarm.recorded:
            todo = self.tr("Neem het bezoek over met Overnemen, of bevestig met Bevestigen.")
        elif alarm.kind is ReminderKind.DEADLINE:
            todo = self.tr("Open het incident met Openen en bevestig met Bevestigen.")
        elif not alarm.recorded or alarm.visit_id is None:
            todo = self.tr("Bel het nummer in de melding en bevestig met Bevestigen.")
        else:
            todo = self.tr("Bel met de knop Bellen en bevestig met Bevestigen.")
        return f"{text} {todo}"
