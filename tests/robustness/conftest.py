"""Fixtures for the robustness tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.helpers import CheapStore, make_cheap_store


@pytest.fixture
def cheap_store(tmp_path: Path) -> CheapStore:
    """A real store (cheap Argon2id) with anna (beheerder + leidinggevende) and sanne."""
    return make_cheap_store(tmp_path / "data")
