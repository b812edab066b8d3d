"""Every test shares one set of personas: amends.testing.personas, as fixtures."""

pytest_plugins = ["amends.testing.fixtures"]
