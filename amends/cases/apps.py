from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "amends.cases"
    label = "cases"

    def ready(self) -> None:
        from amends.cases import access, actions
        from amends.members.personal_data import PersonalData, register

        register(
            PersonalData(
                key="cases",
                export=access.export_cases,
                erase=actions.erase_cases,
                space_template="cases/_space.html",
                space_context=access.space_context,
            )
        )
