from django.apps import AppConfig


class InstitutionsConfig(AppConfig):
    name = "amends.institutions"
    label = "institutions"
