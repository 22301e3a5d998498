"""allauth adapters: profiles for accounts created through single sign-on."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.core.exceptions import PermissionDenied, ValidationError

from accounts import services
from accounts.signup import invited_email
from kennisplatform.client_ip import client_ip


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up by e-mail; the profile fields are saved by ``ProfileSignupForm.signup``."""

    def get_client_ip(self, request):
        # allauth's rate limits and session records use the platform's one derivation.
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def clean_email(self, email):
        email = super().clean_email(email)
        invited = invited_email(self.request)
        if invited and email.lower() != invited.lower():
            raise ValidationError(f"Gebruik het e-mailadres waarop u bent uitgenodigd: {invited}.")
        return email


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form)
        profile = services.get_profile(user)
        if not profile.name:
            data = sociallogin.account.extra_data or {}
            info = data.get("userinfo") or data.get("id_token") or data
            profile.name = (info.get("name") or user.get_full_name() or "").strip()[:150]
        if profile.organisation_id is None and user.email:
            profile.organisation = services.suggest_organisation(user.email)
        profile.save()
        return user
