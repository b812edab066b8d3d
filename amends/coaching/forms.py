from __future__ import annotations

from typing import Any

from django import forms

from amends.coaching.actions import MAX_KEEP_OUT


class KeepOutForm(forms.Form):
    items = forms.CharField(
        label="Names and places to keep out",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One per line: real names, nicknames, workplaces, towns. The coach flags "
        "them wherever they appear in your statements. Only you can read this list.",
    )

    def clean_items(self) -> list[str]:
        raw: Any = self.cleaned_data.get("items") or ""
        items = [line.strip() for line in str(raw).splitlines() if line.strip()]
        if len(items) > MAX_KEEP_OUT:
            raise forms.ValidationError(f"Keep the list to {MAX_KEEP_OUT} lines or fewer.")
        return items
