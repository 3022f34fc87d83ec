from __future__ import annotations

import pytest

from veilig_huisbezoek.domain.errors import (
    TransitionError,
    ValidationError,
    ValidationErrors,
    raise_if_any,
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
