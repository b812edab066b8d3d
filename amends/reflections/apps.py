from django.apps import AppConfig


class ReflectionsConfig(AppConfig):
    name = "amends.reflections"
    label = "reflections"

    def ready(self) -> None:
        from amends.members.personal_data import PersonalData, register
        from amends.reflections import access, actions

        register(
            PersonalData(
                key="reflection",
                export=access.export_reflection,
                erase=actions.erase_reflection,
                space_template="reflections/_space.html",
                space_context=access.space_context,
                readable=access.readable_reflection,
            )
        )
