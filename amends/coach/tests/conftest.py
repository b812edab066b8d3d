"""One coach for the whole test session: the model loads once, as in production."""

from __future__ import annotations

import pytest

from amends.coach import Coach


@pytest.fixture(scope="session")
def coach() -> Coach:
    return Coach()
