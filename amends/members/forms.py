from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from amends.members.strength import check_passphrase


class HandleSignUpForm(forms.Form):
    handle = forms.CharField(
        min_length=3,
        max_length=40,
        help_text="Not your name or any name people know you by. It is never shown to anyone.",
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    passphrase = forms.CharField(
        strip=False,
        help_text="At least 12 characters. Four or five unrelated words work well.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    passphrase_again = forms.CharField(
        strip=False,
        label="Passphrase, again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    understood = forms.BooleanField(
        label="I understand that if I lose both my passphrase and my recovery key, "
        "nobody, not even the people who run Amends, can recover what I write here.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        passphrase = data.get("passphrase") or ""
        if passphrase:
            try:
                check_passphrase(passphrase, handle=data.get("handle") or "")
            except ValidationError as exc:
                self.add_error("passphrase", exc)
        if passphrase and data.get("passphrase_again") != passphrase:
            self.add_error("passphrase_again", "The two passphrases are not the same.")
        return data


class CodenameSignUpForm(forms.Form):
    understood = forms.BooleanField(
        label="I understand that if I lose both my codename and my recovery key, "
        "nobody, not even the people who run Amends, can recover what I write here.",
    )


class CodenameLogInForm(forms.Form):
    codename = forms.CharField(
        strip=True,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="The seven words you were given, separated by spaces.",
    )


class HandleLogInForm(forms.Form):
    handle = forms.CharField(
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    passphrase = forms.CharField(
        strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class ChangePassphraseForm(forms.Form):
    current = forms.CharField(
        strip=False,
        label="Current passphrase or codename",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    passphrase = forms.CharField(
        strip=False,
        label="New passphrase",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    passphrase_again = forms.CharField(
        strip=False,
        label="New passphrase, again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        passphrase = data.get("passphrase") or ""
        if passphrase:
            try:
                check_passphrase(passphrase)
            except ValidationError as exc:
                self.add_error("passphrase", exc)
        if passphrase and data.get("passphrase_again") != passphrase:
            self.add_error("passphrase_again", "The two passphrases are not the same.")
        return data


class NewCodenameForm(forms.Form):
    current = forms.CharField(
        strip=True,
        label="Current codename",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class RecoverForm(forms.Form):
    recovery_key = forms.CharField(max_length=200, strip=True)
    handle = forms.CharField(
        max_length=40,
        required=False,
        help_text="Only if you signed up with a handle. Leave empty if you had a codename.",
    )
    passphrase = forms.CharField(
        strip=False,
        required=False,
        label="New passphrase",
        help_text="Only for a handle. A codename member is given a new codename.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("handle"):
            passphrase = data.get("passphrase") or ""
            if not passphrase:
                self.add_error("passphrase", "Choose a new passphrase for your handle.")
            else:
                try:
                    check_passphrase(passphrase, handle=data["handle"])
                except ValidationError as exc:
                    self.add_error("passphrase", exc)
        return data


class DeleteAccountForm(forms.Form):
    current = forms.CharField(
        strip=False,
        label="Your passphrase or codename",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label="Delete my account, my reflection and all my statements, published or not. "
        "This cannot be undone."
    )
