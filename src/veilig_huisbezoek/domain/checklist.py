"""The ARIH risk checklist: data model, file parser and the assessment rules.

The checklist itself ships as data (``resources/checklists/arih.json``) so an
organisation can replace it without code changes. The rules (docs/design.md §1):

* any *ja* on a severe factor → **rood**;
* situation factors with *ja*, plus one extra factor when at least
  ``unknowns_per_situation_factor`` answers are *weet ik niet*, reaching
  ``situation_threshold`` → at least **oranje**;
* *weet ik niet* on a severe factor → at least ``unknown_severe_level`` (oranje);
* otherwise **groen**.

Callers must supply the answer of the automatic register item themselves (from
the unsafe-address register); a missing answer counts as *weet ik niet*.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from veilig_huisbezoek.domain.errors import ValidationError, msg, term

FORMAT_NAME = "veilig-huisbezoek/checklist"
SUPPORTED_FORMAT_VERSIONS = frozenset({1})
AUTO_REGISTER = "register"
KNOWN_AUTO = frozenset({AUTO_REGISTER})

_ID_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,63}", re.ASCII)


class Answer(StrEnum):
    JA = "ja"
    NEE = "nee"
    WEET_NIET = "weet_niet"

    @property
    def label(self) -> str:
        return {"ja": "ja", "nee": "nee", "weet_niet": "weet ik niet"}[self.value]


_RANK = {"groen": 0, "oranje": 1, "rood": 2}


class RiskLevel(StrEnum):
    """Ordered: GROEN < ORANJE < ROOD."""

    GROEN = "groen"
    ORANJE = "oranje"
    ROOD = "rood"

    @property
    def label(self) -> str:
        return {"groen": "Groen", "oranje": "Oranje", "rood": "Rood"}[self.value]

    @property
    def rank(self) -> int:
        return _RANK[self.value]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, RiskLevel):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, RiskLevel):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, RiskLevel):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, RiskLevel):
            return NotImplemented
        return self.rank >= other.rank


class FactorKind(StrEnum):
    SITUATIE = "situatie"
    ERNSTIG = "ernstig"

    @property
    def label(self) -> str:
        return {"situatie": "Situatiefactor", "ernstig": "Ernstige factor"}[self.value]


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str
    kind: FactorKind
    help: str = ""
    auto: str | None = None


@dataclass(frozen=True)
class Advice:
    level: RiskLevel
    title: str
    text: str
    precautions: tuple[str, ...]


@dataclass(frozen=True)
class ChecklistRules:
    situation_threshold: int = 2
    unknowns_per_situation_factor: int = 2
    unknown_severe_level: RiskLevel = RiskLevel.ORANJE


@dataclass(frozen=True)
class Checklist:
    id: str
    version: str
    title: str
    items: tuple[ChecklistItem, ...]
    rules: ChecklistRules
    advice: Mapping[RiskLevel, Advice]

    def item(self, item_id: str) -> ChecklistItem:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(it.id for it in self.items)

    def auto_item(self, auto: str = AUTO_REGISTER) -> ChecklistItem | None:
        return next((it for it in self.items if it.auto == auto), None)


class ChecklistFormatError(ValueError):
    """A checklist file that cannot be used; the message is Dutch and names the spot."""


# --------------------------------------------------------------------------- parsing


class _Ctx:
    def __init__(self, source: str) -> None:
        self.source = source

    def error(self, where: str, message: str) -> ChecklistFormatError:
        prefix = f"Checklist {self.source}"
        if where:
            prefix += f", {where}"
        return ChecklistFormatError(f"{prefix}: {message}")


def _require_object(value: Any, ctx: _Ctx, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ctx.error(where, "moet een object ({ ... }) zijn")
    return value


def _check_keys(
    obj: dict[str, Any], ctx: _Ctx, where: str, required: set[str], optional: set[str]
) -> None:
    for key in sorted(required):
        if key not in obj:
            raise ctx.error(where, f'veld "{key}" ontbreekt')
    unknown = sorted(set(obj) - required - optional)
    if unknown:
        raise ctx.error(where, f'onbekend veld "{unknown[0]}"')


def _text(obj: dict[str, Any], key: str, ctx: _Ctx, where: str, *, required: bool = True) -> str:
    value = obj.get(key, "")
    if not isinstance(value, str):
        raise ctx.error(where, f'veld "{key}" moet tekst zijn')
    value = value.strip()
    if required and not value:
        raise ctx.error(where, f'veld "{key}" is leeg')
    return value


def _int(obj: dict[str, Any], key: str, default: int, ctx: _Ctx, where: str) -> int:
    value = obj.get(key, default)
    if type(value) is not int or not 1 <= value <= 100:
        raise ctx.error(where, f'veld "{key}" moet een geheel getal van 1 tot en met 100 zijn')
    return value


def _level(value: Any, ctx: _Ctx, where: str, key: str) -> RiskLevel:
    if not isinstance(value, str) or value not in _RANK:
        raise ctx.error(where, f'veld "{key}" moet "groen", "oranje" of "rood" zijn')
    return RiskLevel(value)


def _parse_rules(raw: Any, ctx: _Ctx) -> ChecklistRules:
    where = "regels"
    obj = _require_object(raw, ctx, where)
    _check_keys(
        obj,
        ctx,
        where,
        set(),
        {"situation_threshold", "unknowns_per_situation_factor", "unknown_severe_level"},
    )
    return ChecklistRules(
        situation_threshold=_int(obj, "situation_threshold", 2, ctx, where),
        unknowns_per_situation_factor=_int(obj, "unknowns_per_situation_factor", 2, ctx, where),
        unknown_severe_level=_level(
            obj.get("unknown_severe_level", "oranje"), ctx, where, "unknown_severe_level"
        ),
    )


def _parse_item(raw: Any, index: int, ctx: _Ctx) -> ChecklistItem:
    where = f"item {index}"
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        where = f'item {index} ("{raw["id"][:40]}")'
    obj = _require_object(raw, ctx, where)
    _check_keys(obj, ctx, where, {"id", "kind", "text"}, {"help", "auto"})
    item_id = obj["id"]
    if not isinstance(item_id, str) or not _ID_PATTERN.fullmatch(item_id):
        raise ctx.error(
            where,
            'veld "id" moet beginnen met een kleine letter en mag alleen kleine letters, '
            "cijfers en _ bevatten",
        )
    kind = obj["kind"]
    if not isinstance(kind, str) or kind not in {k.value for k in FactorKind}:
        raise ctx.error(where, 'onbekende soort in veld "kind" (kies "situatie" of "ernstig")')
    text = _text(obj, "text", ctx, where)
    help_text = _text(obj, "help", ctx, where, required=False)
    auto = obj.get("auto")
    if auto is not None and (not isinstance(auto, str) or auto not in KNOWN_AUTO):
        raise ctx.error(where, 'veld "auto" kent alleen de waarde "register"')
    return ChecklistItem(item_id, text, FactorKind(kind), help_text, auto)


def _parse_advice(raw: Any, ctx: _Ctx) -> dict[RiskLevel, Advice]:
    obj = _require_object(raw, ctx, "advies")
    unknown = sorted(set(obj) - set(_RANK))
    if unknown:
        raise ctx.error("advies", f'onbekend niveau "{unknown[0][:40]}"')
    result: dict[RiskLevel, Advice] = {}
    for level in RiskLevel:
        where = f"advies {level.value}"
        if level.value not in obj:
            raise ctx.error("advies", f'advies voor niveau "{level.value}" ontbreekt')
        entry = _require_object(obj[level.value], ctx, where)
        _check_keys(entry, ctx, where, {"title", "text"}, {"precautions"})
        precautions_raw = entry.get("precautions", [])
        if not isinstance(precautions_raw, list):
            raise ctx.error(where, 'veld "precautions" moet een lijst met teksten zijn')
        precautions: list[str] = []
        for number, p in enumerate(precautions_raw, start=1):
            if not isinstance(p, str) or not p.strip():
                raise ctx.error(where, f"voorzorgsmaatregel {number} moet een niet-lege tekst zijn")
            precautions.append(p.strip())
        result[level] = Advice(
            level,
            _text(entry, "title", ctx, where),
            _text(entry, "text", ctx, where),
            tuple(precautions),
        )
    return result


def parse_checklist(text: str, source: str) -> Checklist:
    """Parse checklist JSON; ``source`` (file name) is used in error messages."""
    ctx = _Ctx(source)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ctx.error(
            f"regel {exc.lineno}, kolom {exc.colno}", f"geen geldige JSON ({exc.msg})"
        ) from None
    except (ValueError, RecursionError):
        raise ctx.error("", "geen geldige JSON (te diep genest of te grote getallen)") from None
    top = _require_object(data, ctx, "")
    if top.get("format") != FORMAT_NAME:
        raise ctx.error("", f'veld "format" moet "{FORMAT_NAME}" zijn')
    version = top.get("format_version")
    if type(version) is not int:
        raise ctx.error("", 'veld "format_version" ontbreekt of is geen geheel getal')
    if version not in SUPPORTED_FORMAT_VERSIONS:
        raise ctx.error(
            "",
            f"formaatversie {version} wordt niet ondersteund "
            f"(ondersteund: {', '.join(str(v) for v in sorted(SUPPORTED_FORMAT_VERSIONS))})",
        )
    _check_keys(
        top,
        ctx,
        "",
        {"format", "format_version", "id", "version", "title", "items", "advice"},
        {"rules", "description", "source"},
    )
    checklist_id = _text(top, "id", ctx, "")
    checklist_version = _text(top, "version", ctx, "")
    title = _text(top, "title", ctx, "")
    rules = _parse_rules(top.get("rules", {}), ctx)
    items_raw = top["items"]
    if not isinstance(items_raw, list) or not items_raw:
        raise ctx.error("", 'veld "items" moet een niet-lege lijst zijn')
    items: list[ChecklistItem] = []
    seen: set[str] = set()
    for index, raw in enumerate(items_raw, start=1):
        item = _parse_item(raw, index, ctx)
        if item.id in seen:
            raise ctx.error(f'item {index} ("{item.id}")', "deze id komt al eerder voor")
        seen.add(item.id)
        items.append(item)
    advice = _parse_advice(top["advice"], ctx)
    return Checklist(
        checklist_id, checklist_version, title, tuple(items), rules, MappingProxyType(advice)
    )


def load_checklist(path: Path | str) -> Checklist:
    """Read and parse a checklist file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ChecklistFormatError(f"Checklist {p.name}: het bestand is geen UTF-8-tekst") from None
    except OSError as exc:
        raise ChecklistFormatError(
            f"Checklist {p}: het bestand kan niet worden gelezen ({exc.strerror or exc})"
        ) from None
    return parse_checklist(text, p.name)


def default_checklist() -> Checklist:
    """The checklist shipped with the application."""
    from veilig_huisbezoek.paths import checklist_path

    return load_checklist(checklist_path())


# ------------------------------------------------------------------------ assessment


@dataclass(frozen=True)
class Reason:
    """Why the level is what it is. ``template`` is fixed Dutch text with ``{named}``
    places, so a translated interface can translate it (and the question in it)."""

    item_id: str | None
    template: str
    args: tuple[tuple[str, str | int], ...] = ()

    @property
    def text(self) -> str:
        return self.template.format(**dict(self.args))


# Every reason template, for the translation catalogue.
REASON_TEMPLATES = (
    'Ernstige factor "{question}": ja → rood',
    'Ernstige factor "{question}": weet ik niet → minstens oranje',
    'Ernstige factor "{question}": weet ik niet → minstens rood',
    'Situatiefactor "{question}": ja',
    '{count}× "weet ik niet" telt als een situatiefactor',
    "{count} situatiefactor met ja → oranje",
    "{count} situatiefactoren met ja → oranje",
    "{count} situatiefactor met ja en 1 voor onbekende antwoorden → oranje",
    "{count} situatiefactoren met ja en 1 voor onbekende antwoorden → oranje",
    "Geen risicofactoren die tot oranje of rood leiden",
    "{count} situatiefactor met ja; oranje vanaf {threshold} situatiefactoren",
    "{count} situatiefactoren met ja; oranje vanaf {threshold} situatiefactoren",
    '{unknown}× "weet ik niet" (telt als een situatiefactor); oranje vanaf {threshold} '
    "situatiefactoren",
    '{count} situatiefactor met ja en {unknown}× "weet ik niet" (telt als een '
    "situatiefactor); oranje vanaf {threshold} situatiefactoren",
    '{count} situatiefactoren met ja en {unknown}× "weet ik niet" (telt als een '
    "situatiefactor); oranje vanaf {threshold} situatiefactoren",
)


@dataclass(frozen=True)
class Assessment:
    checklist_id: str
    checklist_version: str
    answers: dict[str, Answer]
    level: RiskLevel
    reasons: tuple[Reason, ...]
    advice: Advice
    unknown_count: int = field(default=0)
    situation_count: int = field(default=0)


def assess(checklist: Checklist, answers: Mapping[str, Answer]) -> Assessment:
    """Apply the checklist rules; every cause of the level is listed as a reason."""
    known = set(checklist.item_ids)
    unknown_ids = sorted(set(answers) - known)
    if unknown_ids:
        raise ValidationError(
            "Antwoord",
            msg("onbekende vraag '{item}' in de checklist.", item=unknown_ids[0][:40]),
        )
    full: dict[str, Answer] = {}
    for item in checklist.items:
        value = answers.get(item.id, Answer.WEET_NIET)
        if not isinstance(value, Answer):
            try:
                value = Answer(value)
            except ValueError:
                raise ValidationError(
                    "Antwoord",
                    msg(
                        'ongeldig antwoord bij "{question}" (kies ja, nee of weet ik niet).',
                        question=term(item.text),
                    ),
                ) from None
        full[item.id] = value

    rules = checklist.rules
    level = RiskLevel.GROEN
    severe: list[Reason] = []
    severe_unknown: list[Reason] = []
    situation_yes: list[ChecklistItem] = []
    for item in checklist.items:
        answer = full[item.id]
        if item.kind is FactorKind.ERNSTIG:
            if answer is Answer.JA:
                level = max(level, RiskLevel.ROOD)
                severe.append(Reason(item.id, REASON_TEMPLATES[0], (("question", item.text),)))
            elif answer is Answer.WEET_NIET:
                target = rules.unknown_severe_level
                level = max(level, target)
                template = REASON_TEMPLATES[2 if target is RiskLevel.ROOD else 1]
                severe_unknown.append(Reason(item.id, template, (("question", item.text),)))
        elif answer is Answer.JA:
            situation_yes.append(item)

    unknown_count = sum(1 for a in full.values() if a is Answer.WEET_NIET)
    unknown_bonus = 1 if unknown_count >= rules.unknowns_per_situation_factor else 0
    situation_total = len(situation_yes) + unknown_bonus
    situation: list[Reason] = []
    if situation_total >= rules.situation_threshold:
        level = max(level, RiskLevel.ORANJE)
        situation += [
            Reason(it.id, REASON_TEMPLATES[3], (("question", it.text),)) for it in situation_yes
        ]
        if unknown_bonus:
            situation.append(Reason(None, REASON_TEMPLATES[4], (("count", unknown_count),)))
        n = len(situation_yes)
        plural = 0 if n == 1 else 1
        template = REASON_TEMPLATES[(7 if unknown_bonus else 5) + plural]
        situation.append(Reason(None, template, (("count", n),)))

    reasons = severe + severe_unknown + situation
    if not reasons:
        reasons.append(Reason(None, REASON_TEMPLATES[9]))
        if situation_total:
            n = len(situation_yes)
            plural = 0 if n == 1 else 1
            if n and unknown_bonus:
                template = REASON_TEMPLATES[13 + plural]
            elif n:
                template = REASON_TEMPLATES[10 + plural]
            else:
                template = REASON_TEMPLATES[12]
            args: tuple[tuple[str, str | int], ...] = (
                ("count", n),
                ("unknown", unknown_count),
                ("threshold", rules.situation_threshold),
            )
            reasons.append(Reason(None, template, args))
    return Assessment(
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        answers=full,
        level=level,
        reasons=tuple(reasons),
        advice=checklist.advice[level],
        unknown_count=unknown_count,
        situation_count=situation_total,
    )
