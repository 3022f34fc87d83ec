"""Qt Linguist translations. Dutch is the source language; English ships as a .qm."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from ..paths import resources_dir

SOURCE_LANGUAGE = "nl"
SUPPORTED = ("nl", "en")
_SETTINGS_KEY = "ui/language"


def translation_file(language: str) -> str:
    return str(resources_dir() / "translations" / f"veilig_huisbezoek_{language}.qm")


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the translator for `language` (None for the Dutch source)."""
    if language == SOURCE_LANGUAGE or language not in SUPPORTED:
        return None
    translator = QTranslator(app)
    if not translator.load(translation_file(language)):
        return None
    app.installTranslator(translator)
    return translator


def saved_language() -> str:
    # QSettings holds only this preference: nothing personal ever goes there.
    value = QSettings().value(_SETTINGS_KEY, SOURCE_LANGUAGE)
    return value if isinstance(value, str) and value in SUPPORTED else SOURCE_LANGUAGE


def save_language(language: str) -> None:
    QSettings().setValue(_SETTINGS_KEY, language)
