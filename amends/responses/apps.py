from django.apps import AppConfig


class ResponsesConfig(AppConfig):
    name = "amends.responses"
    label = "responses"

    def ready(self) -> None:
        from amends.library.authorship import AboutPart, register_about_part
        from amends.members.personal_data import PersonalData, register
        from amends.responses import access, actions

        register(
            PersonalData(
                key="responses",
                export=access.export_responses,
                erase=actions.erase_responses,
            )
        )
        register_about_part(AboutPart("responses/_transparency.html", access.transparency))
