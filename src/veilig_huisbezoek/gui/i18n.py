"""Qt Linguist translations. Dutch is the source language; English ships as a .qm."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from ..paths import resources_dir

SOURCE_LANGUAGE = "nl"
SUPPORTED = ("nl", "en")
_SETTINGS_KEY = "ui/language"
# The Qt Linguist context of the texts the domain layer shows (enum labels, call actions,
# the checklist's questions and advice). domain/ stays free of Qt, so lupdate cannot see
# them there: tools/update_translations.py collects them into this context.
if TYPE_CHECKING:
    from ..domain.checklist import Reason

DOMAIN_CONTEXT = "domain"


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


def domain_text(text: str) -> str:
    """A Dutch text from the domain layer in the chosen language.

    Returns ``text`` unchanged when it has no translation (Dutch, or a text that is not
    in the catalogue, such as a question of a checklist an organisation replaced).
    Translate a template before formatting it, never the formatted result.
    """
    if not text:
        return text
    return QCoreApplication.translate(DOMAIN_CONTEXT, text)


def reason_text(reason: Reason) -> str:
    """A checklist reason in the chosen language: its template and the question in it."""
    args = {k: domain_text(v) if isinstance(v, str) else v for k, v in reason.args}
    return domain_text(reason.template).format(**args)


def saved_language() -> str:
    # QSettings holds only this preference: nothing personal ever goes there.
    value = QSettings().value(_SETTINGS_KEY, SOURCE_LANGUAGE)
    return value if isinstance(value, str) and value in SUPPORTED else SOURCE_LANGUAGE


def save_language(language: str) -> None:
    QSettings().setValue(_SETTINGS_KEY, language)
