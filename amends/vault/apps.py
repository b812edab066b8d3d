from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "amends.vault"
    label = "vault"
