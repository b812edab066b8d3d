"""pytest fixtures for the personas (amends.testing.personas), shared by every test.

Each fixture is one person of PRODUCT.md. Asking for `facilitator` builds what a
facilitator needs around them: an operator, the institution, its admin.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client

from amends.institutions.models import Institution
from amends.testing import personas
from amends.testing.personas import Persona


@pytest.fixture(autouse=True)
def _fresh_rate_limits(request: pytest.FixtureRequest) -> None:
    """Start every database test with no rate-limit counters.

    The counters live in the cache (a table of the test database, or Redis), which
    neither a rolled-back nor a flushed test database empties; without this, sign-ups
    with a persona's handle in one test would count against the next.
    """
    if request.node.get_closest_marker("django_db") is None and not (
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    ):
        return
    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")
    from django.conf import settings
    from django.core.cache import caches

    with blocker.unblock():
        # The readers' pages too: a flushed database keeps its cache tables' rows.
        for alias in settings.CACHES:
            caches[alias].clear()


@pytest.fixture
def responsible(db: None) -> Persona:
    return personas.responsible_party()


@pytest.fixture
def harmed(db: None) -> Persona:
    return personas.harmed_party()


@pytest.fixture
def outsider(db: None) -> Persona:
    return personas.outsider()


@pytest.fixture
def handle_member(db: None) -> Persona:
    """A person who caused harm and chose a handle and passphrase."""
    return personas.sign_up_with_handle("steady-lantern", "rain falls softly on quiet harbours")


@pytest.fixture
def reader(db: None) -> Client:
    """Someone reading the library without an account."""
    return personas.new_client()


@pytest.fixture
def operator(db: None) -> Persona:
    return personas.operator()


@pytest.fixture
def institution(operator: Persona) -> Institution:
    return personas.institution(operator)


@pytest.fixture
def other_institution(operator: Persona) -> Institution:
    return personas.institution(operator, name="Riverside Rowing Club")


@pytest.fixture
def institution_admin(operator: Persona, institution: Institution) -> Persona:
    return personas.institution_admin(operator, institution)


@pytest.fixture
def facilitator(institution_admin: Persona, institution: Institution) -> Persona:
    return personas.facilitator(institution_admin, institution)


@pytest.fixture
def other_facilitator(operator: Persona, other_institution: Institution) -> Persona:
    """A facilitator of another institution: no more right to this one's cases than anyone."""
    admin = personas.institution_admin(operator, other_institution)
    return personas.facilitator(admin, other_institution)


@pytest.fixture
def moderator(operator: Persona) -> Persona:
    return personas.moderator(operator)


DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "amends_cache",
    }
}


@pytest.fixture
def database_cache() -> Iterator[None]:
    """The database cache, with its table made even where Redis is the cache in use:
    time-machine moves its expiry checks, so rate-limit windows can be tested."""
    from django.core.management import call_command
    from django.test import override_settings

    with override_settings(CACHES=DATABASE_CACHE):
        call_command("createcachetable", verbosity=0)
        yield
