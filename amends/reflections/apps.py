from django.apps import AppConfig


class ReflectionsConfig(AppConfig):
    name = "amends.reflections"
    label = "reflections"
