from __future__ import annotations

from django import forms

from amends.cases.models import (
    Contraindication,
    Decision,
    Mode,
    Pace,
    Party,
    Repair,
    Reporting,
    SpeaksFirst,
    Support,
)
from amends.institutions.models import CaseKind, Institution

# A letter or a note is a page or two; longer texts only cost the coach's time.
TEXT_LIMIT = 10_000


class AskForm(forms.Form):
    party = forms.ChoiceField(
        label="What are you asking for?",
        widget=forms.RadioSelect,
        choices=[
            (
                Party.HARMED.value,
                "I was harmed, and I would like to talk with a facilitator about a restorative process",
            ),
            (
                Party.RESPONSIBLE.value,
                "I caused harm, and I want to do accountability work with a facilitator",
            ),
        ],
    )
    kind = forms.ChoiceField(label="What kind of harm is it about?", widget=forms.RadioSelect)
    notice_acknowledged = forms.BooleanField(
        label="I have read the confidentiality notice and the reporting duties above.",
        required=True,
        error_messages={"required": "Please read the notice and tick this box before you ask."},
    )

    def __init__(self, institution: Institution, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        labels = dict(CaseKind.choices)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [(k, labels[k]) for k in institution.accepted_kinds if k in labels]


class ReferForm(forms.Form):
    institution = forms.ChoiceField(label="Institution")
    kind = forms.ChoiceField(label="Kind of harm", choices=CaseKind.choices)

    def __init__(self, institutions: list[Institution], *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["institution"].choices = [(i.slug, i.name) for i in institutions]  # type: ignore[attr-defined]


class MoveForm(forms.Form):
    target = forms.CharField(max_length=40)
    reason = forms.CharField(max_length=40, required=False)


class ScreeningForm(forms.Form):
    contraindications = forms.MultipleChoiceField(
        label="What the screening found (tick none if none)",
        choices=Contraindication.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ReportingForm(forms.Form):
    decision = forms.ChoiceField(
        label="Reporting decision", choices=Reporting.choices, widget=forms.RadioSelect
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=Decision.choices)


class PartyCodeForm(forms.Form):
    party = forms.ChoiceField(choices=Party.choices)


class TextForm(forms.Form):
    text = forms.CharField(
        label="Text",
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Write something first."},
    )


class RelayForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("pass_on", "pass on"), ("ask_changes", "ask for changes"), ("hold", "hold")]
    )
    feedback = forms.CharField(
        label="What should change (the writer reads this)",
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ChoicesForm(forms.Form):
    mode = forms.ChoiceField(
        label="How would any contact happen?", choices=Mode.choices, widget=forms.RadioSelect
    )
    support = forms.ChoiceField(
        label="Who would be with you?", choices=Support.choices, widget=forms.RadioSelect
    )
    speaks_first = forms.ChoiceField(
        label="Who speaks first?", choices=SpeaksFirst.choices, widget=forms.RadioSelect
    )
    pace = forms.ChoiceField(label="How fast?", choices=Pace.choices, widget=forms.RadioSelect)
    repair_forms = forms.MultipleChoiceField(
        label="What repair would matter to you? (choose any, or none yet)",
        choices=Repair.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ColleagueForm(forms.Form):
    role = forms.UUIDField()
