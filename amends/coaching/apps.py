from django.apps import AppConfig


class CoachingConfig(AppConfig):
    name = "amends.coaching"
    label = "coaching"

    def ready(self) -> None:
        from amends.coaching import access, actions
        from amends.members.personal_data import PersonalData, register

        # Dismissals belong to a statement and go with it (statements erases them).
        register(
            PersonalData(
                key="keep_out_list",
                export=access.keep_out_of,
                erase=actions.erase_keep_out,
                readable=access.readable_keep_out,
            )
        )
