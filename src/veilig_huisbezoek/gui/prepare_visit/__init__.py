"""Bezoek voorbereiden: the guided flow Adres › Risicocheck › Advies › Plan › Controle.

The page only collects input and shows results: every rule (address and plan
validation, the ARIH assessment, deviation and consent rules) lives in the domain and
in the services, which the page calls with what was typed. :class:`PrepareVisitPage`
(page.py) is the wizard; each step is a class in its own module.
"""

from .common import (
    STEP_ADDRESS,
    STEP_ADVICE,
    STEP_CHECK,
    STEP_COUNT,
    STEP_PLAN,
    STEP_REVIEW,
    local_text,
    naive_from_edit,
    set_edit_naive,
)
from .consent_dialog import ConsentDialog
from .page import PrepareVisitPage

__all__ = [
    "STEP_ADDRESS",
    "STEP_ADVICE",
    "STEP_CHECK",
    "STEP_COUNT",
    "STEP_PLAN",
    "STEP_REVIEW",
    "ConsentDialog",
    "PrepareVisitPage",
    "local_text",
    "naive_from_edit",
    "set_edit_naive",
]
