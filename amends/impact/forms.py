from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from amends.impact.actions import MAX_LENGTH
from amends.impact.receipts import MAX_RECEIPT_BYTES, Receipt, ReceiptError
from amends.institutions.models import Institution

# A text file to check against a receipt: the longest statement, in the widest
# encoding UTF-8 allows, with room to spare.
MAX_TEXT_FILE_BYTES = MAX_LENGTH * 4 + 1024


class ImpactStatementForm(forms.Form):
    text = forms.CharField(
        label="Your impact statement",
        required=False,
        strip=False,
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 20, "aria-describedby": "impact-guide"}),
    )


def notice_version(institution: Institution) -> str:
    """Which notice the member was shown: a notice changed since is read again (G5)."""
    changed = institution.notice_updated
    return changed.isoformat() if changed else ""


class ShareForm(forms.Form):
    """Share with the facilitators of one institution, after reading its notice (G5).

    Only institutions with a confidentiality notice are listed. The notice is shown on
    the page that holds this form; `notice_version` says which one, so that a notice
    changed in between is shown again rather than acknowledged unseen.
    """

    institution = forms.ChoiceField(label="Share with the facilitators of")
    notice_version = forms.CharField(required=False, widget=forms.HiddenInput)
    notice_acknowledged = forms.BooleanField(
        label="I have read what this institution keeps confidential and what it must report.",
        error_messages={
            "required": "Read the confidentiality notice above and tick this box before you share."
        },
    )
    understood = forms.BooleanField(
        label="I understand that these facilitators will be able to read this version, "
        "and could keep a copy of what they read. I can stop sharing at any time."
    )

    def __init__(self, *args: Any, institutions: list[Institution], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.institutions = {str(institution.id): institution for institution in institutions}
        field = self.fields["institution"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Choose an institution")] + [
            (key, institution.name) for key, institution in self.institutions.items()
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        chosen = self.institutions.get(cleaned.get("institution", ""))
        if chosen is not None and cleaned.get("notice_version", "") != notice_version(chosen):
            self.add_error(
                "notice_acknowledged",
                f"{chosen.name} changed its confidentiality notice since you opened this "
                "page. Read it again below, then tick the box.",
            )
        return cleaned

    def chosen(self) -> Institution:
        return self.institutions[self.cleaned_data["institution"]]


class DeleteImpactStatementForm(forms.Form):
    confirm = forms.BooleanField(
        label="Delete this impact statement and every version of it. Anyone I shared it "
        "with loses access."
    )


def _read_upload(upload: UploadedFile, limit: int, what: str) -> str:
    if upload.size is not None and upload.size > limit:
        raise forms.ValidationError(f"That file is too large to be {what}.")
    try:
        content: bytes = upload.read(limit + 1)
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise forms.ValidationError(
            f"That file cannot be read as text. Choose {what} as you downloaded it."
        ) from None


class CheckReceiptForm(forms.Form):
    """A receipt and a text, each as a file or pasted: whichever the person has."""

    receipt_file = forms.FileField(label="The receipt file (.json)", required=False)
    receipt_pasted = forms.CharField(
        label="Or paste the receipt",
        required=False,
        max_length=MAX_RECEIPT_BYTES,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    text_file = forms.FileField(label="The text file (.txt)", required=False)
    text_pasted = forms.CharField(
        label="Or paste the text",
        required=False,
        strip=False,
        max_length=MAX_LENGTH * 2,
        widget=forms.Textarea(attrs={"rows": 12}),
    )

    def _file_or_pasted(self, name: str, limit: int, what: str) -> str:
        """The text of `<name>_file` if one was chosen, else of `<name>_pasted`."""
        upload = self.cleaned_data.get(f"{name}_file")
        if not upload:
            return str(self.cleaned_data.get(f"{name}_pasted", ""))
        try:
            return _read_upload(upload, limit, what)
        except forms.ValidationError as error:
            self.add_error(f"{name}_file", error)
            return ""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        receipt_text = self._file_or_pasted("receipt", MAX_RECEIPT_BYTES, "a receipt")
        text = self._file_or_pasted("text", MAX_TEXT_FILE_BYTES, "the text")
        where = "receipt_file" if cleaned.get("receipt_file") else "receipt_pasted"
        if receipt_text.strip():
            try:
                cleaned["receipt"] = Receipt.from_json(receipt_text)
            except ReceiptError as error:
                self.add_error(where, str(error))
        elif not self.has_error("receipt_file"):
            self.add_error("receipt_pasted", "Add the receipt: choose its file or paste it.")
        if not text.strip() and not self.has_error("text_file"):
            self.add_error("text_pasted", "Add the text: choose its file or paste it.")
        cleaned["text"] = text
        return cleaned
