from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "amends.statements"
    label = "statements"
