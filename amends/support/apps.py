from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "amends.support"
    label = "support"

    def ready(self) -> None:
        # A support file the operator got wrong stops Amends at start-up, with the
        # reason, rather than showing a person in a hard moment an empty page.
        from amends.support.resources import resources

        resources()
