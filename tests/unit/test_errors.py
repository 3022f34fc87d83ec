from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.errors import (
    TransitionError,
    ValidationError,
    ValidationErrors,
    msg,
    raise_if_any,
    term,
)


def test_validation_error_str_names_field() -> None:
    e = ValidationError("Postcode", "ongeldig")
    assert e.field == "Postcode"
    assert e.message == "ongeldig"
    assert str(e) == "Postcode: ongeldig"
    assert isinstance(e, ValueError)


def test_validation_errors_joins_lines() -> None:
    errs = ValidationErrors([ValidationError("A", "x"), ValidationError("B", "y")])
    assert str(errs) == "A: x\nB: y"
    assert errs.fields == ["A", "B"]
    assert len(errs.errors) == 2


def test_raise_if_any() -> None:
    raise_if_any([])
    with pytest.raises(ValidationErrors):
        raise_if_any([ValidationError("A", "x")])


def test_transition_error_is_value_error() -> None:
    assert issubclass(TransitionError, ValueError)


# ---- translatable messages (Message, msg, term) ----------------------------------------

_PLAIN = st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=30)
_NAMES = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True)


def test_a_message_is_its_dutch_text() -> None:
    message = msg("te kort: beschrijf het in minstens {count} tekens.", count=20)
    assert message == "te kort: beschrijf het in minstens 20 tekens."
    assert str(message) == "te kort: beschrijf het in minstens 20 tekens."
    assert message.template == "te kort: beschrijf het in minstens {count} tekens."
    assert dict(message.params) == {"count": 20}
    error = ValidationError("Wat", message)
    assert str(error) == "Wat: te kort: beschrijf het in minstens 20 tekens."
    assert error.message is message


def test_a_message_without_parameters_is_not_formatted() -> None:
    assert msg("{niet} ingevuld") == "{niet} ingevuld"
    assert term("Rood") == "Rood" and term("Rood").template == "Rood"
    label = msg("Postcode")
    assert term(label) is label


def test_parameters_that_are_messages_or_errors_show_their_dutch() -> None:
    cause = ValidationError("Buddy", msg("kies een buddy die u terugbelt."))
    message = msg("niet gepland: {cause} ({field})", cause=cause, field=term("Reden"))
    assert message == "niet gepland: Buddy: kies een buddy die u terugbelt. (Reden)"


def test_a_message_survives_pickling() -> None:
    message = msg("maximaal {count} tekens.", count=3)
    copy = pickle.loads(pickle.dumps(message))
    assert copy == message and copy.template == message.template
    assert dict(copy.params) == {"count": 3}


@given(
    pieces=st.lists(_PLAIN, min_size=1, max_size=4),
    values=st.lists(st.one_of(_PLAIN, st.integers()), min_size=3, max_size=3),
    names=st.lists(_NAMES, min_size=3, max_size=3, unique=True),
)
def test_str_is_the_template_formatted(
    pieces: list[str], values: list[str | int], names: list[str]
) -> None:
    template = "".join(
        piece + (f"{{{names[n]}}}" if n < len(pieces) - 1 else "") for n, piece in enumerate(pieces)
    )
    params = dict(zip(names, values, strict=True))
    message = msg(template, **params)
    assert str(message) == (template.format(**params) if params else template)
    assert message.template == template
    assert isinstance(message, str)
