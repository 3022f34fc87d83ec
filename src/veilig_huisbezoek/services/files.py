"""Saving a file the person chose (a letter, an agenda item, an incident form, a report).

Like every file the app writes it is written all or nothing and owner-only (0600).
"""

from __future__ import annotations

from ..storage.files import write_atomically as write_atomically
