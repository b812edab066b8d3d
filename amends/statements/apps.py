from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "amends.statements"
    label = "statements"

    def ready(self) -> None:
        from amends.library.authorship import register_author_check
        from amends.members.personal_data import PersonalData, register
        from amends.statements import access, actions

        register_author_check(access.is_author_of)
        register(
            PersonalData(
                key="statements",
                export=access.export_statements,
                erase=actions.erase_statements,
                space_template="statements/_space.html",
                space_context=access.space_context,
                readable=access.readable_statements,
            )
        )
