"""The team server's write locks (transaction-scoped advisory locks).

* ``WRITE_LOCK``: the audit chain's head. The server's ``vh_audit_head`` takes it for
  every entry (:mod:`.rules`), so the chain stays one line in commit order, and every
  writer that is not a change to one visit takes it from its start.
* ``GATE_LOCK``: every write session passes the gate. A change to one visit (its
  departure, a call, its return, its alarms) passes it *shared* and then takes that
  visit's own lock (``VISIT_LOCKS``, the visit's id); saving a new visit passes it
  shared and needs no visit's lock (nobody else can change a visit not yet made);
  every other write (accounts, settings, consent, the register, incidents, handovers,
  key rotation, the re-seal) passes it *exclusively*, as all writes did before. So
  changes to different visits run side by side until their audit entries, two changes
  to the same visit one after the other, and any other write alone, with every
  decision it read still true when it commits.

Always in this order (gate, visit, write lock), so two sessions never wait for each
other in a circle. An app of an earlier version takes only ``WRITE_LOCK``, from its
start: against it a change to one visit is only serialised from its audit entry on
(the server's guards still refuse an illegal state change).
"""

from __future__ import annotations

from sqlalchemy import text

WRITE_LOCK = 0x5648_7465  # 'VHte'
GATE_LOCK = 0x5648_6761  # 'VHga'
VISIT_LOCKS = 0x5648_7669  # 'VHvi': the first key of a visit's lock (the second: its id)

# The gate's lock first: the FROM subquery (volatile, never pulled up) runs before the
# outer target list; one round trip for both.
WRITE_ALONE = text(
    "SELECT pg_advisory_xact_lock(CAST(:write AS bigint)) "
    "FROM (SELECT pg_advisory_xact_lock(CAST(:gate AS bigint))) AS gate"
).bindparams(write=WRITE_LOCK, gate=GATE_LOCK)
NEW_VISIT = text("SELECT pg_advisory_xact_lock_shared(CAST(:gate AS bigint))").bindparams(
    gate=GATE_LOCK
)
ONE_VISIT = text(
    "SELECT pg_advisory_xact_lock(CAST(:visits AS integer), CAST(:visit AS integer)) "
    "FROM (SELECT pg_advisory_xact_lock_shared(CAST(:gate AS bigint))) AS gate"
).bindparams(visits=VISIT_LOCKS, gate=GATE_LOCK)
