from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "amends.library"
    label = "library"
