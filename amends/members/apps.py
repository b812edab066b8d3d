from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "amends.members"
    label = "members"
