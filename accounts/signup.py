"""The sign-up form (ACCOUNT_FORMS["signup"]): allauth's, with the address fixed for invitees.

An accept link from an invitation e-mail stashes the invited address in the session
(allauth's ``stash_verified_email``), so sign-up treats it as verified. The address is then
shown read-only, and the adapter refuses any other (``AccountAdapter.clean_email``).
"""

from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import context


def invited_email(request) -> str | None:
    return request.session.get("account_verified_email") if request is not None else None


class SignupForm(AllauthSignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = invited_email(context.request)
        if email:
            self.fields["email"].initial = email
            self.fields["email"].widget.attrs["readonly"] = True
            self.fields["email"].help_text = "Het adres waarop u bent uitgenodigd."
