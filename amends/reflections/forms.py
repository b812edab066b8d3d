from __future__ import annotations

from typing import Any

from django import forms

from amends.reflections.questions import QUESTIONS

MAX_ANSWER = 20_000


class ReflectionForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            self.fields[question.key] = forms.CharField(
                label=question.text,
                help_text=question.prompt,
                required=False,
                max_length=MAX_ANSWER,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
