"""Impact statements are shared only with institutions that published a confidentiality
notice (G5): the institution of these tests has one."""

from __future__ import annotations

import pytest

from amends.institutions.models import Institution
from amends.testing import personas
from amends.testing.personas import Persona


@pytest.fixture
def institution_admin(operator: Persona, institution: Institution) -> Persona:
    admin = personas.institution_admin(operator, institution)
    personas.publish_profile(admin, institution)
    return admin
