"""The components this app runs on, with their versions and licences: for the About
dialog, the diagnosis and the licence list that ships beside a bundle."""

from __future__ import annotations

import importlib.metadata as metadata
import re
from dataclasses import dataclass

from .. import __version__

APP_DIST = "veilig-huisbezoek"
APP_LICENCE = "EUPL-1.2"
# Where a package's metadata names no licence (checked against each project's own files).
KNOWN_LICENCES = {
    "sqlcipher3": "zlib (bundles SQLCipher: BSD-3-Clause)",
    "zxcvbn": "MIT",
}
# Installed with another package (an extra) and shipped with it.
ALSO_SHIPPED = ("psycopg-binary", "shiboken6")


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def _licence(meta: metadata.PackageMetadata, name: str) -> str:
    info = meta.json
    expression = info.get("license_expression")
    if isinstance(expression, str) and expression:
        return expression
    text = str(info.get("license") or "").strip()
    if text and "\n" not in text and len(text) <= 60:
        return text
    classifiers = info.get("classifier") or []
    named = [
        str(c).rsplit("::", 1)[-1].strip()
        for c in (classifiers if isinstance(classifiers, list) else [classifiers])
        if str(c).startswith("License ::")
    ]
    if named:
        return " / ".join(named)
    return KNOWN_LICENCES.get(name.lower(), "zie het pakket")


def _requirement_name(requirement: str) -> str | None:
    if ";" in requirement and "extra ==" in requirement.split(";", 1)[1]:
        return None  # a test or build extra: not shipped
    match = re.match(r"[A-Za-z0-9_.\-]+", requirement)
    return match.group(0) if match else None


def app_component() -> Component:
    return Component("Veilig Huisbezoek", __version__, APP_LICENCE)


def shipped_components() -> list[Component]:
    """Every package the app needs to run, and what those need in turn (not the test
    tools), sorted by name; empty where this installation carries no package metadata."""
    try:
        waiting = list(metadata.requires(APP_DIST) or [])
    except metadata.PackageNotFoundError:
        return []
    waiting.extend(ALSO_SHIPPED)
    found: dict[str, Component] = {}
    while waiting:
        name = _requirement_name(waiting.pop())
        if name is None or _key(name) in found:
            continue
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue  # for another platform, or an extra not installed
        found[_key(name)] = Component(str(meta["Name"]), str(meta["Version"]), _licence(meta, name))
        waiting.extend(metadata.requires(name) or [])
    return sorted(found.values(), key=lambda c: c.name.lower())


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_lines(extra: list[Component] | None = None) -> list[str]:
    """One line per component: name, version, licence."""
    parts = [app_component(), *(extra or []), *shipped_components()]
    return [f"{c.name} {c.version} — {c.licence}" for c in parts]
