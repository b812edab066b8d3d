from __future__ import annotations

from django import forms

from amends.moderation.pipeline import MAX_CHARS
from amends.responses.models import ReportKind


class ResponseForm(forms.Form):
    # No max_length here: an over-long response is the pipeline's to refuse, with its
    # explanation, and the text is given back whole.
    text = forms.CharField(
        label="Your response", widget=forms.Textarea(attrs={"rows": 6}), strip=False
    )
    send_anyway = forms.BooleanField(required=False, widget=forms.HiddenInput)


class ReplyForm(forms.Form):
    text = forms.CharField(
        label="Your reply", max_length=MAX_CHARS, widget=forms.Textarea(attrs={"rows": 4})
    )


class SettingsForm(forms.Form):
    responses_open = forms.BooleanField(
        label="Readers may respond to this statement", required=False
    )
    hold_all = forms.BooleanField(
        label="Hold every response for review before it appears", required=False
    )


class ReportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What is wrong with this response?",
        choices=ReportKind.choices,
        widget=forms.RadioSelect,
    )


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("published", "approve"), ("held", "hold"), ("rejected", "reject")]
    )
    reason = forms.CharField(max_length=40)
