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
    acknowledged = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="What else the coach raised",
    )

    def __init__(self, *args: Any, findings: Sequence[PlacedFinding] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tags = self.fields["tags"]
        assert isinstance(tags, forms.MultipleChoiceField)
        tags.choices = [(tag.slug, f"{tag.label}") for tag in all_tags()]
        self.details = [f for f in findings if f.finding.family == "detail"]
        # Failure patterns and missing elements: the member edits them or publishes
        # knowingly, one by one, with the coach's reason in front of them.
        self.concerns = [f for f in findings if f.finding.family != "detail"]
        for name, placed_findings in (
            ("confirmed_details", self.details),
            ("acknowledged", self.concerns),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.MultipleChoiceField)
            field.choices = [(placed.key, _said(placed)) for placed in placed_findings]

    def tag_groups(self) -> list[tuple[str, list[Any]]]:
        """The tag checkboxes, under their group's heading ("Where it happened", ...)."""
        group_of = {tag.slug: tag.group for tag in all_tags()}
        return [
            (label, [box for box in self["tags"] if group_of.get(box.data["value"]) == group])
            for group, label in GROUP_LABELS.items()
        ]

    def concern_choices(self) -> list[tuple[PlacedFinding, Any]]:
        """Each pattern or missing element beside its checkbox, so its reason can be shown."""
        return list(zip(self.concerns, self["acknowledged"], strict=True))

    def _every_one(self, name: str, findings: list[PlacedFinding], message: str) -> list[str]:
        checked = set(self.cleaned_data.get(name) or [])
        unchecked = [placed for placed in findings if placed.key not in checked]
        if unchecked:
            raise forms.ValidationError(message + "; ".join(_said(p) for p in unchecked))
        return sorted(checked)

    def clean_confirmed_details(self) -> list[str]:
        return self._every_one(
            "confirmed_details",
            self.details,
            "The coach still sees details that could identify someone. Edit them out, "
            "dismiss them in the editor with a reason, or confirm each one here: ",
        )

    def clean_acknowledged(self) -> list[str]:
        return self._every_one(
            "acknowledged",
            self.concerns,
            "The coach still raises something about how the statement is written. Edit "
            "it, dismiss it in the editor with a reason, or acknowledge each one here: ",
        )


def _said(placed: PlacedFinding) -> str:
    if placed.finding.text:
        return f"{placed.label}: \u201c{placed.finding.text}\u201d"
    return placed.label


class DeleteStatementForm(forms.Form):
    confirm = forms.BooleanField(
        label="Delete this statement, every version of it, and its published copy if there is one."
    )
