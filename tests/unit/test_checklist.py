from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veilig_huisbezoek.domain.checklist import (
    Answer,
    Checklist,
    ChecklistFormatError,
    FactorKind,
    RiskLevel,
    assess,
    default_checklist,
    load_checklist,
    parse_checklist,
)
from veilig_huisbezoek.domain.errors import ValidationError
from veilig_huisbezoek.paths import checklist_path

CHECKLIST = default_checklist()
SITUATION = [i.id for i in CHECKLIST.items if i.kind is FactorKind.SITUATIE]
SEVERE = [i.id for i in CHECKLIST.items if i.kind is FactorKind.ERNSTIG]
RAW_TEXT = checklist_path().read_text(encoding="utf-8")


def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(RAW_TEXT)
    return data


def all_nee() -> dict[str, Answer]:
    return {item_id: Answer.NEE for item_id in CHECKLIST.item_ids}


# ------------------------------------------------------------------ the shipped file


def test_default_checklist_contents() -> None:
    c = CHECKLIST
    assert (c.id, c.version) == ("arih", "2026.1")
    assert len(SITUATION) == 9
    assert len(SEVERE) == 6
    register = c.auto_item()
    assert register is not None
    assert register.id == "register_notitie"
    assert register.kind is FactorKind.ERNSTIG
    assert [i.id for i in c.items if i.auto] == ["register_notitie"]
    assert c.rules.situation_threshold == 2
    assert c.rules.unknowns_per_situation_factor == 2
    assert c.rules.unknown_severe_level is RiskLevel.ORANJE
    assert set(c.advice) == set(RiskLevel)
    rood = c.advice[RiskLevel.ROOD]
    rood_text = " ".join((rood.title, rood.text, *rood.precautions))
    assert "0900-8844" in rood_text
    assert "leidinggevende" in rood_text
    assert "toestemming" in rood_text
    oranje = c.advice[RiskLevel.ORANJE]
    assert "twee" in (oranje.title + oranje.text)
    assert c.item("wapens").text == "Wapens (mogelijk) aanwezig"


def test_load_checklist_matches_parse(tmp_path: Path) -> None:
    path = tmp_path / "eigen.json"
    path.write_text(RAW_TEXT, encoding="utf-8")
    assert load_checklist(path) == parse_checklist(RAW_TEXT, "x")


def test_load_checklist_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ChecklistFormatError, match="kan niet worden gelezen"):
        load_checklist(tmp_path / "bestaat-niet.json")


def test_load_checklist_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'{"title": "\xe9"}')
    with pytest.raises(ChecklistFormatError, match="UTF-8"):
        load_checklist(path)


# ------------------------------------------------------------------- format errors


def test_json_syntax_error_names_line_and_column() -> None:
    text = '{\n  "format": "veilig-huisbezoek/checklist",\n  "id": \n}'
    with pytest.raises(ChecklistFormatError) as info:
        parse_checklist(text, "eigen.json")
    assert str(info.value).startswith("Checklist eigen.json, regel 4, kolom 1:")


def _mutate(path: list[Any], value: Any) -> dict[str, Any]:
    data = raw()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (["items", 2, "kind"], _DELETE, 'item 3 ("onaangekondigd"): veld "kind" ontbreekt'),
        (["items", 11, "kind"], "gevaar", 'item 12 ("wapens"): onbekende soort'),
        (["items", 0, "text"], "  ", 'item 1 ("handhaving"): veld "text" is leeg'),
        (["items", 1, "id"], "handhaving", 'item 2 ("handhaving"): deze id komt al eerder voor'),
        (["items", 1, "id"], "Hoofdletter", 'item 2 ("Hoofdletter"): veld "id" moet'),
        (["items", 1, "auto"], "politie", 'veld "auto" kent alleen'),
        (["items", 1, "extra"], 1, 'onbekend veld "extra"'),
        (["items", 4], "tekst", "item 5: moet een object"),
        (["items"], [], 'veld "items" moet een niet-lege lijst zijn'),
        (["advice", "rood"], _DELETE, 'advies voor niveau "rood" ontbreekt'),
        (["advice", "paars"], {}, 'onbekend niveau "paars"'),
        (["advice", "oranje", "text"], "", 'advies oranje: veld "text" is leeg'),
        (["advice", "groen", "precautions"], ["ok", ""], "voorzorgsmaatregel 2"),
        (["format_version"], 2, "formaatversie 2 wordt niet ondersteund"),
        (["format_version"], True, 'veld "format_version"'),
        (["format"], "iets-anders", 'veld "format" moet'),
        (["version"], 2026, 'veld "version" moet tekst zijn'),
        (["rules", "situation_threshold"], 0, 'veld "situation_threshold"'),
        (["rules", "unknown_severe_level"], "paars", 'veld "unknown_severe_level"'),
        (["title"], _DELETE, 'veld "title" ontbreekt'),
    ],
)
def test_format_errors(path: list[Any], value: Any, expected: str) -> None:
    text = json.dumps(_mutate(path, value), ensure_ascii=False)
    with pytest.raises(ChecklistFormatError) as info:
        parse_checklist(text, "eigen.json")
    message = str(info.value)
    assert message.startswith("Checklist eigen.json")
    assert expected in message


def test_rules_are_optional_with_defaults() -> None:
    c = parse_checklist(json.dumps(_mutate(["rules"], _DELETE)), "x")
    assert c.rules == CHECKLIST.rules


def test_rules_read_from_file() -> None:
    data = _mutate(["rules", "situation_threshold"], 3)
    c = parse_checklist(json.dumps(data), "x")
    assert c.rules.situation_threshold == 3


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_random_text_only_format_errors(text: str) -> None:
    with pytest.raises(ChecklistFormatError):
        parse_checklist(text, "x")


@given(st.integers(0, len(RAW_TEXT) - 1), st.integers(1, 20), st.text(max_size=5))
def test_mutated_text_only_format_errors(pos: int, length: int, insert: str) -> None:
    text = RAW_TEXT[:pos] + insert + RAW_TEXT[pos + length :]
    try:
        c = parse_checklist(text, "x")
    except ChecklistFormatError as exc:
        assert str(exc).startswith("Checklist x")
    else:
        assert isinstance(c, Checklist)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)


@given(st.sampled_from(["items", "advice", "rules", "id", "title", "version"]), json_values)
def test_structurally_wrong_values_only_format_errors(key: str, value: Any) -> None:
    data = copy.deepcopy(raw())
    data[key] = value
    try:
        c = parse_checklist(json.dumps(data), "x")
    except ChecklistFormatError as exc:
        assert str(exc).startswith("Checklist x")
    else:
        # only an (empty) rules object or a non-empty string for a text field survives
        if key == "rules":
            assert value == {}
            assert c.rules == CHECKLIST.rules
        else:
            assert key in {"id", "title", "version"}
            assert getattr(c, key) == str(value).strip() != ""


def test_deeply_nested_json() -> None:
    with pytest.raises(ChecklistFormatError):
        parse_checklist("[" * 100_000 + "]" * 100_000, "x")


# ------------------------------------------------------------------------ assessment


def test_all_nee_is_groen() -> None:
    a = assess(CHECKLIST, all_nee())
    assert a.level is RiskLevel.GROEN
    assert [r.text for r in a.reasons] == ["Geen risicofactoren die tot oranje of rood leiden"]
    assert a.advice is CHECKLIST.advice[RiskLevel.GROEN]
    assert (a.checklist_id, a.checklist_version) == ("arih", "2026.1")


def _answers(**overrides: Answer) -> dict[str, Answer]:
    answers = all_nee()
    answers.update(overrides)
    return answers


J, N, W = Answer.JA, Answer.NEE, Answer.WEET_NIET


@pytest.mark.parametrize(
    ("overrides", "level"),
    [
        ({}, RiskLevel.GROEN),
        ({"handhaving": J}, RiskLevel.GROEN),
        ({"handhaving": J, "dieren": J}, RiskLevel.ORANJE),
        ({"handhaving": J, "dieren": J, "verslaving": J}, RiskLevel.ORANJE),
        ({"handhaving": W}, RiskLevel.GROEN),
        ({"handhaving": W, "dieren": W}, RiskLevel.GROEN),  # unknowns alone: 1 factor
        ({"handhaving": J, "dieren": W}, RiskLevel.GROEN),
        ({"handhaving": J, "dieren": W, "verslaving": W}, RiskLevel.ORANJE),
        ({"wapens": J}, RiskLevel.ROOD),
        ({"register_notitie": J}, RiskLevel.ROOD),
        ({"wapens": W}, RiskLevel.ORANJE),
        ({"wapens": W, "psychiatrie": W}, RiskLevel.ORANJE),
        ({"wapens": J, "handhaving": J, "dieren": J}, RiskLevel.ROOD),
        ({"handhaving": J, "wapens": W}, RiskLevel.ORANJE),  # severe unknown → oranje
    ],
)
def test_assess_levels(overrides: dict[str, Answer], level: RiskLevel) -> None:
    assert assess(CHECKLIST, _answers(**overrides)).level is level


def test_missing_answers_are_weet_niet() -> None:
    a = assess(CHECKLIST, {})
    assert set(a.answers) == set(CHECKLIST.item_ids)
    assert all(v is Answer.WEET_NIET for v in a.answers.values())
    assert a.level is RiskLevel.ORANJE
    assert a.unknown_count == 15


def test_unknown_item_id_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        assess(CHECKLIST, {"bestaat_niet": Answer.JA})
    assert info.value.field == "Antwoord"


def test_reasons_list_every_cause() -> None:
    a = assess(
        CHECKLIST,
        _answers(wapens=J, handhaving=J, slecht_nieuws=J, psychiatrie=W, dieren=W),
    )
    texts = [r.text for r in a.reasons]
    assert a.level is RiskLevel.ROOD
    assert 'Ernstige factor "Wapens (mogelijk) aanwezig": ja → rood' in texts
    assert any(r.item_id == "psychiatrie" and "weet ik niet" in r.text for r in a.reasons)
    assert '2× "weet ik niet" telt als een situatiefactor' in texts
    assert "2 situatiefactoren met ja en 1 voor onbekende antwoorden → oranje" in texts
    assert {r.item_id for r in a.reasons} >= {
        "wapens",
        "psychiatrie",
        "handhaving",
        "slecht_nieuws",
    }


def test_reason_two_situation_factors() -> None:
    a = assess(CHECKLIST, _answers(handhaving=J, onaangekondigd=J))
    assert a.reasons[-1].text == "2 situatiefactoren met ja → oranje"


def test_groen_with_one_factor_explains_threshold() -> None:
    a = assess(CHECKLIST, _answers(handhaving=J))
    assert a.level is RiskLevel.GROEN
    assert a.reasons[0].text == "Geen risicofactoren die tot oranje of rood leiden"
    assert "oranje vanaf 2" in a.reasons[1].text


def test_rules_from_file_are_applied() -> None:
    data = raw()
    data["rules"] = {"situation_threshold": 3, "unknowns_per_situation_factor": 3}
    custom = parse_checklist(json.dumps(data), "x")
    answers = _answers(handhaving=J, dieren=J)
    assert assess(custom, answers).level is RiskLevel.GROEN
    answers.update(verslaving=W, slecht_nieuws=W)
    assert assess(custom, answers).level is RiskLevel.GROEN
    answers.update(onaangekondigd=W)
    assert assess(custom, answers).level is RiskLevel.ORANJE


def test_risk_level_order_and_labels() -> None:
    assert RiskLevel.GROEN < RiskLevel.ORANJE < RiskLevel.ROOD
    assert max(RiskLevel.ROOD, RiskLevel.GROEN) is RiskLevel.ROOD
    assert sorted([RiskLevel.ROOD, RiskLevel.GROEN, RiskLevel.ORANJE]) == list(RiskLevel)
    assert RiskLevel.ORANJE.label == "Oranje"
    assert Answer.WEET_NIET.label == "weet ik niet"
    assert Answer("weet_niet") is Answer.WEET_NIET


answer_maps = st.fixed_dictionaries(
    {item_id: st.sampled_from(list(Answer)) for item_id in CHECKLIST.item_ids}
)


@given(answer_maps, st.sampled_from(CHECKLIST.item_ids))
def test_nee_to_ja_never_lowers_level(answers: dict[str, Answer], item_id: str) -> None:
    before = dict(answers, **{item_id: Answer.NEE})
    after = dict(answers, **{item_id: Answer.JA})
    assert assess(CHECKLIST, after).level >= assess(CHECKLIST, before).level


@given(answer_maps, st.sampled_from(CHECKLIST.item_ids))
def test_nee_to_weet_niet_never_lowers_level(answers: dict[str, Answer], item_id: str) -> None:
    before = dict(answers, **{item_id: Answer.NEE})
    after = dict(answers, **{item_id: Answer.WEET_NIET})
    assert assess(CHECKLIST, after).level >= assess(CHECKLIST, before).level


@given(answer_maps)
def test_assessment_invariants(answers: dict[str, Answer]) -> None:
    a = assess(CHECKLIST, answers)
    assert a.reasons
    assert a.advice.level is a.level
    severe_yes = any(answers[i] is Answer.JA for i in SEVERE)
    assert (a.level is RiskLevel.ROOD) == severe_yes
    if a.level is not RiskLevel.GROEN:
        assert all("Geen risicofactoren" not in r.text for r in a.reasons)
