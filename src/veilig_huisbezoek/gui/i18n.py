"""Qt Linguist translations. Dutch is the source language; English ships as a .qm."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from ..domain.errors import Message, UserError, ValidationError, ValidationErrors
from ..paths import resources_dir
from ..storage.errors import StoreError

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


def qt_translations_dir() -> str:
    """Qt's own catalogues (qtbase_nl.qm …), shipped with PySide6."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_qt_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Qt's own texts (standard buttons Annuleren / Ja, the file dialog) in ``language``.

    Qt's source texts are English; a Dutch app needs qtbase_nl, and qtbase_en makes the
    English explicit (plural forms). ``qt_extra_<language>.qm`` (ours, see
    tools/update_translations.py) adds the few texts Qt's catalogue lacks. A catalogue
    that is missing is skipped: Qt then shows its English source text.
    """
    if language not in SUPPORTED:
        return []
    installed: list[QTranslator] = []
    for name, folder in (
        (f"qtbase_{language}", qt_translations_dir()),
        (f"qt_extra_{language}", str(resources_dir() / "translations")),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)  # the last installed is asked first
            installed.append(translator)
    return installed


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Everything for ``language``: Qt's own texts and the app's (remove them all to
    switch). Dutch is the app's source language, so it needs only Qt's catalogue."""
    installed = install_qt_translators(app, language)
    own = install_translator(app, language)
    if own is not None:
        installed.append(own)
    return installed


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


def message_text(text: str) -> str:
    """A message of the domain, services or storage in the chosen language.

    A :class:`~..domain.errors.Message` is translated by its template, its parameters
    that are messages (field names, labels) or errors too; other parameters are data.
    A plain text is looked up as it is (a literal refusal), else shown unchanged.
    """
    if isinstance(text, Message):
        if not text.params:
            return domain_text(text.template)
        params = {name: _param_text(value) for name, value in text.params.items()}
        return domain_text(text.template).format(**params)
    return domain_text(text)


def _param_text(value: object) -> object:
    if isinstance(value, str):
        return message_text(value) if isinstance(value, Message) else value
    if isinstance(value, BaseException):
        return error_text(value)
    return value


def error_text(exc: BaseException) -> str:
    """A refusal (``UserError``, ``StoreError``) in the chosen language, for the GUI.

    ``ValidationErrors`` gives one line per field. Any other exception, or one whose
    text is not its message, is shown as ``str(exc)``: the Dutch of the command line.
    """
    if isinstance(exc, ValidationErrors):
        return "\n".join(error_text(error) for error in exc.errors)
    if isinstance(exc, ValidationError):
        return f"{message_text(exc.field)}: {message_text(exc.message)}"
    if isinstance(exc, UserError | StoreError) and len(exc.args) == 1:
        message = exc.args[0]
        if isinstance(message, str) and str(exc) == message:
            return message_text(message)
    return str(exc)


def failure_text(error: BaseException) -> str:
    """Why something failed, for a message: a refusal (``UserError``, ``StoreError``) in
    its own words (:func:`error_text`), anything else "onverwachte fout (its kind)."."""
    if isinstance(error, UserError | StoreError):
        return error_text(error)
    return QCoreApplication.translate("Failure", "onverwachte fout ({kind}).").format(
        kind=type(error).__name__
    )


_NUMBER_ARGS = frozenset({"count", "unknown", "threshold"})


@lru_cache(maxsize=1)
def _reason_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each reason template as a pattern that recognises it filled in."""
    from ..domain.checklist import REASON_TEMPLATES

    patterns = []
    for template in REASON_TEMPLATES:
        # re.split with a group: literal text at even places, argument names at odd.
        pieces = re.split(r"\{(\w+)\}", template)
        pattern = "".join(
            (rf"(?P<{piece}>\d+)" if piece in _NUMBER_ARGS else rf"(?P<{piece}>.+)")
            if n % 2
            else re.escape(piece)
            for n, piece in enumerate(pieces)
        )
        patterns.append((re.compile(pattern, re.S), template))
    return tuple(patterns)


def stored_reason_text(text: str) -> str:
    """A reason as stored with an assessment (Dutch, filled in) in the chosen language.

    Recognised by its template (``REASON_TEMPLATES``), which is translated with the
    question in it; a text no template fits (an older wording) is shown as stored.
    """
    for pattern, template in _reason_patterns():
        match = pattern.fullmatch(text)
        if match is not None:
            args = {
                name: domain_text(value) if name == "question" else value
                for name, value in match.groupdict().items()
            }
            return domain_text(template).format(**args)
    return text


def saved_language() -> str:
    # QSettings holds only this preference: nothing personal ever goes there.
    value = QSettings().value(_SETTINGS_KEY, SOURCE_LANGUAGE)
    return value if isinstance(value, str) and value in SUPPORTED else SOURCE_LANGUAGE


def save_language(language: str) -> None:
    QSettings().setValue(_SETTINGS_KEY, language)
