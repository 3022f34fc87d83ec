"""Every refusal of the domain, services and storage can be translated.

tools/refusal_texts.py finds the text of each error the app constructs (a literal, a
``msg("template", ...)``, a field name) for tools/update_translations.py. An f-string
or any other text it cannot see would stay Dutch in English unnoticed: this fails.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import refusal_texts  # noqa: E402
from refusal_texts import PACKAGE, scan  # noqa: E402


def test_every_refusal_text_can_be_collected() -> None:
    found = scan()
    assert found.problems == [], "\n".join(found.problems)
    assert len(found.texts) > 200
    for text in (
        "Postcode",  # a field name
        "kies een buddy die u terugbelt.",  # a literal message
        "maximaal {count} tekens.",  # a msg() template
        "alleen een beheerder wijzigt instellingen",  # ctx.require(..., what)
        "Geen toestemming: {what}.",  # PermissionDenied's own template
        "Onjuiste gebruikersnaam of wachtwoord",  # a storage error's fixed text
        "Telefoonnummer",  # a followed parameter's default
        "Tijd",
    ):
        assert text in found.texts, text


def _scan_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str) -> list[str]:
    folder = tmp_path / "domain"
    folder.mkdir()
    errors = folder / "errors.py"
    errors.write_text("class UserError(ValueError):\n    pass\n", encoding="utf-8")
    module = folder / "sample.py"
    module.write_text(textwrap.dedent(source), encoding="utf-8")
    monkeypatch.setattr(refusal_texts, "PACKAGE", tmp_path)
    return scan([errors, module]).problems


@pytest.mark.parametrize(
    "raise_site",
    [
        'raise UserError(f"te kort: {n} tekens")',  # an f-string
        'raise UserError("te kort: " + str(n))',  # a sum
        "raise UserError(str(n))",
        'raise UserError(msg(f"te kort: {n}"))',  # msg() needs a literal template
        'raise UserError(msg("{n} is {what}", n=n, what="te kort"))',  # a literal param
        "raise UserError(text)",  # a local variable, not typed Message
    ],
)
def test_an_uncollectable_refusal_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raise_site: str
) -> None:
    source = f"""
        from .errors import UserError, msg

        def check(n: int) -> None:
            text = "te kort"
            {raise_site}
    """
    assert _scan_source(tmp_path, monkeypatch, source) != []


def test_collectable_refusals_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = """
        from .errors import Message, UserError, msg, term

        FIELD = "Veld"

        class OwnError(UserError):
            def __init__(self, what: str, where: str) -> None:
                super().__init__(msg("{what} in {where}", what=term(what), where=where))

        def require(ok: bool, what: str) -> None:
            if not ok:
                raise OwnError(what, "/tmp")

        def check(n: int, hint: Message) -> None:
            require(n > 0, "moet positief zijn")
            if n > 9:
                raise UserError(msg("hoogstens {count}", count=9))
            raise UserError(hint if n else FIELD)
    """
    assert _scan_source(tmp_path, monkeypatch, source) == []


def test_a_followed_parameter_checks_its_callers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = """
        from .errors import UserError

        def refuse(why: str) -> None:
            raise UserError(why)

        def check(n: int) -> None:
            refuse(f"{n} is te groot")
    """
    assert _scan_source(tmp_path, monkeypatch, source) != []


def test_the_package_is_where_the_scan_looks() -> None:
    assert (PACKAGE / "domain" / "errors.py").is_file()
