from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from amends.members.identity import MAX_SECRET_LENGTH
from amends.members.strength import check_passphrase


class PassphraseField(forms.CharField):
    """A passphrase, codename or current secret: taken as typed, and never longer than
    MAX_SECRET_LENGTH, so that no request makes the server fold, check or hash more."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("strip", False)
        kwargs.setdefault("max_length", MAX_SECRET_LENGTH)
        kwargs.setdefault("widget", forms.PasswordInput(attrs={"autocomplete": "current-password"}))
        super().__init__(**kwargs)


def _check_new_passphrase(form: forms.Form, data: dict[str, Any], *, handle: str = "") -> None:
    """A new passphrase must be strong and typed the same twice; errors go on its fields."""
    passphrase = data.get("passphrase") or ""
    if not passphrase:
        return
    try:
        check_passphrase(passphrase, handle=handle)
    except ValidationError as exc:
        form.add_error("passphrase", exc)
    if "passphrase_again" in form.fields and data.get("passphrase_again") != passphrase:
        form.add_error("passphrase_again", "The two passphrases are not the same.")


class HandleSignUpForm(forms.Form):
    handle = forms.CharField(
        min_length=3,
        max_length=40,
        help_text="Not your name or any name people know you by. It is never shown to anyone.",
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    passphrase = PassphraseField(
        help_text="At least 12 characters. Four or five unrelated words work well.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    passphrase_again = PassphraseField(
        label="Passphrase, again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    understood = forms.BooleanField(
        label="I understand that if I lose both my passphrase and my recovery key, "
        "nobody, not even the people who run Amends, can recover what I write here.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _check_new_passphrase(self, data, handle=data.get("handle") or "")
        return data


class CodenameSignUpForm(forms.Form):
    understood = forms.BooleanField(
        label="I understand that if I lose both my codename and my recovery key, "
        "nobody, not even the people who run Amends, can recover what I write here.",
    )


class CodenameLogInForm(forms.Form):
    codename = PassphraseField(
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
    passphrase = PassphraseField()


class ChangePassphraseForm(forms.Form):
    current = PassphraseField(
        label="Current passphrase or codename",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    passphrase = PassphraseField(
        label="New passphrase",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    passphrase_again = PassphraseField(
        label="New passphrase, again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _check_new_passphrase(self, data)
        return data


class NewCodenameForm(forms.Form):
    current = PassphraseField(
        strip=True,
        max_length=200,
        label="Current codename",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class RecoverForm(forms.Form):
    recovery_key = forms.CharField(max_length=200, strip=True)
    handle = forms.CharField(
        max_length=40,
        required=False,
        help_text="If you signed up with a handle, you may type it too. Leave it empty if "
        "you had a codename.",
    )
    passphrase = PassphraseField(
        required=False,
        label="New passphrase",
        help_text="Required if you signed up with a handle: choose a new passphrase, at least "
        "12 characters. If you had a codename, leave it empty: you are given a new codename.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # Whether the account is a handle's is known only from the recovery key
        # (members.actions.do_recover checks again there); a typed handle or a typed
        # passphrase says so already.
        if data.get("handle") and not data.get("passphrase"):
            self.add_error("passphrase", "Choose a new passphrase for your handle.")
        _check_new_passphrase(self, data, handle=data.get("handle") or "")
        return data


class DeleteAccountForm(forms.Form):
    current = PassphraseField(
        label="Your passphrase or codename",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label="Delete my account, my reflection and all my statements, published or not. "
        "This cannot be undone."
    )


@dataclass(frozen=True)
class Credentials:
    lookup: str
    secret: str


@dataclass
class LogInForms:
    """Both ways of logging in, as one page shows them; `credentials` once one is valid."""

    codename_form: CodenameLogInForm
    handle_form: HandleLogInForm
    credentials: Credentials | None = None


def log_in_forms(data: QueryDict | None = None) -> LogInForms:
    """Read whichever login form was sent (the hidden "way" field says which)."""
    from amends.members.identity import codename_lookup, handle_lookup, normalise_codename

    forms_ = LogInForms(CodenameLogInForm(prefix="codename"), HandleLogInForm(prefix="handle"))
    if data is None:
        return forms_
    if data.get("way") == "codename":
        forms_.codename_form = CodenameLogInForm(data, prefix="codename")
        if forms_.codename_form.is_valid():
            codename = forms_.codename_form.cleaned_data["codename"]
            # Codenames are hashed normalised: case, hyphens and spacing do not matter.
            forms_.credentials = Credentials(
                codename_lookup(codename), normalise_codename(codename)
            )
    elif data.get("way") == "handle":
        forms_.handle_form = HandleLogInForm(data, prefix="handle")
        if forms_.handle_form.is_valid():
            cleaned = forms_.handle_form.cleaned_data
            forms_.credentials = Credentials(
                handle_lookup(cleaned["handle"]), cleaned["passphrase"]
            )
    return forms_
