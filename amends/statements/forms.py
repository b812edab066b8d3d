from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django import forms

from amends.library.access import all_tags
from amends.library.tags import GROUP_LABELS
from amends.statements.sections import MAX_SECTION_LENGTH, SECTIONS

if TYPE_CHECKING:
    from amends.coaching.review import PlacedFinding


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

    confirmed_details = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Identifying details the coach found",
    )

    def __init__(self, *args: Any, details: Sequence[PlacedFinding] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tags = self.fields["tags"]
        assert isinstance(tags, forms.MultipleChoiceField)
        tags.choices = [(tag.slug, f"{tag.label}") for tag in all_tags()]
        self.details = list(details)
        confirmed = self.fields["confirmed_details"]
        assert isinstance(confirmed, forms.MultipleChoiceField)
        confirmed.choices = [
            (placed.key, f"{placed.label}: \u201c{placed.finding.text}\u201d")
            for placed in self.details
        ]

    def tag_groups(self) -> list[tuple[str, list[Any]]]:
        """The tag checkboxes, under their group's heading ("Where it happened", ...)."""
        group_of = {tag.slug: tag.group for tag in all_tags()}
        return [
            (label, [box for box in self["tags"] if group_of.get(box.data["value"]) == group])
            for group, label in GROUP_LABELS.items()
        ]

    def clean_confirmed_details(self) -> list[str]:
        confirmed = set(self.cleaned_data.get("confirmed_details") or [])
        unconfirmed = [placed for placed in self.details if placed.key not in confirmed]
        if unconfirmed:
            raise forms.ValidationError(
                "The coach still sees details that could identify someone. Edit them out, "
                "dismiss them in the editor with a reason, or confirm each one here: "
                + "; ".join(f"\u201c{placed.finding.text}\u201d" for placed in unconfirmed)
            )
        return sorted(confirmed)


class DeleteStatementForm(forms.Form):
    confirm = forms.BooleanField(
        label="Delete this statement, every version of it, and its published copy if there is one."
    )
