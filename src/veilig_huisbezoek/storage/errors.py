"""Storage errors. Messages are Dutch and never contain personal data or key material."""

from __future__ import annotations

from ..domain.errors import msg


class StoreError(Exception):
    """Base class; `str(e)` is a message fit to show a user."""

    exit_code = 1


class StoreUnreachableError(StoreError):
    """The store's server cannot be reached now (team mode); it may come back.

    The embedded store never raises it. The reminder scheduler then alarms locally from
    the last known schedule and records the alarm once the server answers again."""


class AuthenticationError(StoreError):
    exit_code = 2

    def __init__(self) -> None:
        super().__init__("Onjuiste gebruikersnaam of wachtwoord")


class StoreNotFoundError(StoreError):
    def __init__(self, where: str) -> None:
        super().__init__(msg("Geen database gevonden in {where}.", where=where))


class AccessWithdrawnError(StoreError):
    """The name and password are right, but the database key was replaced without this
    person getting the new one (their slot predates key pairs): the beheerder has to set
    a new password for them."""

    exit_code = 2

    def __init__(self) -> None:
        super().__init__(
            "Uw wachtwoord opent deze database niet meer: de sleutel van de database is "
            "vervangen. Vraag de beheerder om een nieuw wachtwoord."
        )


class StoreExistsError(StoreError):
    def __init__(self, where: str) -> None:
        super().__init__(
            msg("In {where} staat al een database; er is niets veranderd.", where=where)
        )


class TeamUrlError(StoreError):
    """A team server address (or the connection profile holding one) that is not valid."""


class StoreDamagedError(StoreError):
    """The file is not ours, damaged, or cannot be read with the unwrapped key."""


class NewerSchemaError(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "Deze database is gemaakt met een nieuwere versie van Veilig Huisbezoek. "
            "Werk de app bij; de database is niet gewijzigd."
        )


class StoreBusyError(StoreError):
    pass


class ReadOnlyStoreError(StoreError):
    """The data folder (or a file in it) cannot be written: nothing was changed."""

    def __init__(self, where: str, *, is_file: bool = False) -> None:
        if is_file:
            super().__init__(
                msg(
                    "Het bestand {where} is alleen-lezen; Veilig Huisbezoek moet het kunnen "
                    "wijzigen.",
                    where=where,
                )
            )
        else:
            super().__init__(
                msg(
                    "De map {where} is alleen-lezen; Veilig Huisbezoek moet daar kunnen schrijven.",
                    where=where,
                )
            )


DISK_FULL_MESSAGE = (
    "De schijf is vol. Wat al was opgeslagen blijft bewaard; maak ruimte vrij en probeer opnieuw."
)


class DiskFullError(StoreError):
    """SQLITE_FULL or ENOSPC: the transaction or file write was undone, nothing half-written."""

    def __init__(self) -> None:
        super().__init__(DISK_FULL_MESSAGE)
