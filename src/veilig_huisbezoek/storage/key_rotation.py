"""Replacing the embedded store's database key (Store.revoking / Store.rotate_key), and
finishing a replacement a crash interrupted, at the next login.

These functions are the :class:`~.store.Store`'s own: they change the key material it
holds (``_keys``, ``_key``, ``_generation``, ``_ring``) under its use gate. The steps
report to :func:`.store._step`, where the crash tests cut in.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection
from dataclasses import replace

from .errors import StoreBusyError, StoreDamagedError, StoreError
from .files import sync_folder
from .keyslots import (
    KeyRing,
    OpenedSlot,
    keyring_lock,
    new_database_key,
    read_keyring,
    write_keyring,
)
from .layout import db_path, keyring_path
from .models import Account
from .store import (
    BUSY_ELSEWHERE_MESSAGE,
    Store,
    _damage_as_store_error,
    _open_checked,
    _rekey_file,
    _step,
    file_errors_as_store_error,
)


def begin_rotation(store: Store, drop: Collection[str], keep: Collection[str]) -> None:
    recipients = (store._active_slot_ids() | set(keep)) - set(drop)
    new_key = new_database_key()
    chosen: list[int] = []

    def begin(ring: KeyRing) -> KeyRing:
        generation = max(ring.generations() | set(store._keys)) + 1
        chosen.append(generation)
        ring = ring.without_slots(drop)
        return ring.with_generation(generation, new_key, recipients, store._keys)

    _step("before-begin")
    store._modify_ring(begin)
    store._keys[chosen[-1]] = new_key
    _step("begun")


def rekey_to(store: Store, generation: int) -> None:
    """The rotation proper. At every moment the file opens with the old or the new
    key, and the key file holds that key for every remaining person:

    1. (:func:`begin_rotation`) keyslots.json gains the new generation, atomically,
       next to the old one: both keys are wrapped to everyone;
    2. the file is re-encrypted in one transaction (:func:`_rekey_file`): a crash
       before its commit rolls back to the old key, after it the new key holds;
    3. the file is checked with the new key; keyslots.json drops the old generation.

    A crash after 1 or 2 leaves both generations in the file: the next login opens
    with whichever fits and then repeats 2 or finishes 3.
    """
    new_key = store._keys[generation]
    with (
        file_errors_as_store_error(store.data_dir),
        store._gate.exclusive(),
        keyring_lock(store.data_dir),
    ):
        ring = read_keyring(keyring_path(store.data_dir))
        if generation != max(ring.generations(), default=0):
            raise StoreBusyError(BUSY_ELSEWHERE_MESSAGE)  # a newer rotation was begun
        store.engine.dispose()
        with _damage_as_store_error(store.data_dir):
            _rekey_file(db_path(store.data_dir), store._key, new_key)
        _step("rekeyed")
        sync_folder(store.data_dir)
        try:
            engine = _open_checked(store.data_dir, new_key)
        except StoreDamagedError:
            # PRAGMA rekey failed without saying so: the file kept the old key.
            raise StoreError(
                "De database kon niet opnieuw versleuteld worden; hij blijft met de "
                "oude sleutel werken. Probeer het later opnieuw."
            ) from None
        old_engine = store.engine
        store._use_engine(engine, new_key, generation)
        old_engine.dispose()
        tidy_ring(store, ring, store._active_slot_ids())
    _step("done")


def tidy_ring(store: Store, ring: KeyRing, recipients: Collection[str]) -> None:
    """The file opens with this store's generation: wrap it to the active accounts
    (``recipients``) that still lack it and forget older generations. Call under
    the key-file lock."""
    _step("before-cleanup")
    ring = ring.with_generation(
        store._generation, store._key, recipients, store._keys
    ).only_generation(store._generation)
    write_keyring(keyring_path(store.data_dir), ring)
    store._ring = ring
    store._keys = {store._generation: store._key}


def settle(store: Store, opened: OpenedSlot, account_id: int) -> None:
    """After a login: upgrade the person's slot; finish an interrupted rotation."""
    if opened.needs_upgrade:
        upgrade_slot(store, opened, account_id)
    generations = store.keyring_now().generations()
    newest = max(generations, default=store._generation)
    if newest == store._generation and generations != {store._generation}:
        # The rotation committed but was not cleaned up (a crash after step 2).
        recipients = store._active_slot_ids()  # before the lock: gate, then lock
        with file_errors_as_store_error(store.data_dir), keyring_lock(store.data_dir):
            ring = read_keyring(keyring_path(store.data_dir))
            if max(ring.generations(), default=0) == store._generation:
                tidy_ring(store, ring, recipients)
    elif newest > store._generation and newest in store._keys:
        with contextlib.suppress(StoreBusyError):
            rekey_to(store, newest)


def upgrade_slot(store: Store, opened: OpenedSlot, account_id: int) -> None:
    """A password slot becomes a key pair; a slot of a non-NFC password is re-made
    from the NFC form (a new slot id, so the account row follows)."""
    slot = store._ring.upgraded(replace(opened, keys={**opened.keys, **store._keys}))
    store._modify_ring(lambda ring: ring.with_slot(slot))
    if slot.id != opened.slot_id:
        with store.session() as session:
            account = session.get(Account, account_id)
            assert account is not None
            account.slot_id = slot.id
        store.remove_key_slot(opened.slot_id)
