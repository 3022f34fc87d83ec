"""Storage errors. Messages are Dutch and never contain personal data or key material."""

from __future__ import annotations


class StoreError(Exception):
    """Base class; `str(e)` is a message fit to show a user."""

    exit_code = 1


class AuthenticationError(StoreError):
    exit_code = 2

    def __init__(self) -> None:
        super().__init__("Onjuiste gebruikersnaam of wachtwoord")


class StoreNotFoundError(StoreError):
    def __init__(self, where: str) -> None:
        super().__init__(f"Geen database gevonden in {where}.")


class StoreExistsError(StoreError):
    def __init__(self, where: str) -> None:
        super().__init__(f"In {where} staat al een database; er is niets veranderd.")


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
