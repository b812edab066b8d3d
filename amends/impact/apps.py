from django.apps import AppConfig


class ImpactConfig(AppConfig):
    name = "amends.impact"
    label = "impact"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from amends.impact import access, actions
        from amends.institutions.models import Role
        from amends.members.personal_data import PersonalData, register

        register(
            PersonalData(
                key="impact_statements",
                export=access.export_impact_statements,
                erase=actions.erase_impact_statements,
                space_template="impact/_space.html",
                space_context=access.space_context,
                readable=access.readable_impact_statements,
            )
        )
        # A facilitator whose role ends loses every key shared with them through it.
        post_delete.connect(actions.role_ended, sender=Role, dispatch_uid="impact_role_ended")
