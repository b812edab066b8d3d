from __future__ import annotations

from django import forms

from amends.institutions.models import CaseKind, Institution


class InstitutionForm(forms.Form):
    name = forms.CharField(max_length=120)
    kind = forms.ChoiceField(choices=Institution.Kind.choices)
    jurisdiction = forms.CharField(
        max_length=80,
        help_text="Where its reporting duties come from, e.g. \u201cScotland\u201d or \u201cOntario\u201d.",
    )


class RedeemForm(forms.Form):
    code = forms.CharField(
        max_length=40,
        label="Invitation code",
        help_text="The code you were given, with or without its dashes.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class ProfileForm(forms.Form):
    """An institution's public profile. Every field is public text: no member's."""

    accepted_kinds = forms.MultipleChoiceField(
        label="Kinds of case it accepts",
        choices=CaseKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    confidentiality_notice = forms.CharField(
        label="Confidentiality notice",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text="What the institution keeps confidential, and the limits of that. Every party "
        "reads and acknowledges it before saying anything.",
    )
    reporting_duties = forms.CharField(
        label="Reporting duties for this jurisdiction",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="What the institution must report, and to whom (for example a safeguarding "
        "duty when a child may be at risk).",
    )
    escalation_contacts = forms.CharField(
        label="Escalation contacts",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Whom a facilitator or a party contacts when someone is in danger.",
    )
    crisis_resources = forms.CharField(
        label="Crisis resources", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    support_offered = forms.CharField(
        label="Support it offers",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Counselling, advocates, therapy, accountability groups.",
    )
    accepts_requests = forms.BooleanField(
        label="Members may ask this institution for a restorative process on Amends",
        required=False,
    )
