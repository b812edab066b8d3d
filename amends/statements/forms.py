from __future__ import annotations

from typing import Any

from django import forms

from amends.library.access import all_tags
from amends.statements.sections import MAX_SECTION_LENGTH, SECTIONS


class StatementForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for section in SECTIONS:
            self.fields[section.key] = forms.CharField(
                label=section.title,
                required=False,
                strip=False,
                max_length=MAX_SECTION_LENGTH,
                widget=forms.Textarea(
                    attrs={"rows": 8, "aria-describedby": f"guide-{section.key}"}
                ),
            )


class PublishForm(forms.Form):
    tags = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tags help readers find statements like yours. Choose only what is true.",
    )
    confirm = forms.BooleanField(
        label="I have read my statement as a stranger would, and nothing in it lets anyone "
        "work out who the person I harmed is."
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tags"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(tag.slug, f"{tag.label}") for tag in all_tags()]


class DeleteStatementForm(forms.Form):
    confirm = forms.BooleanField(
        label="Delete this statement, every version of it, and its published copy if there is one."
    )
