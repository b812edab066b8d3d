from __future__ import annotations

from django import forms

from amends.institutions.models import Institution


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
