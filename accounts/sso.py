"""Optional single sign-on with an organisation's OpenID Connect identity provider.

Read from environment variables by the settings; without ``OIDC_CLIENT_ID`` nothing is
configured and no SSO button appears. Kept free of Django imports so settings can use it.
"""

from collections.abc import Mapping


def openid_connect_providers(environ: Mapping[str, str]) -> dict:
    """The ``SOCIALACCOUNT_PROVIDERS`` value for allauth's openid_connect provider."""
    client_id = environ.get("OIDC_CLIENT_ID", "").strip()
    server_url = environ.get("OIDC_SERVER_URL", "").strip()
    if not client_id or not server_url:
        return {}
    app = {
        "provider_id": environ.get("OIDC_PROVIDER_ID", "sso").strip() or "sso",
        "name": environ.get("OIDC_PROVIDER_NAME", "Inloggen via uw organisatie").strip(),
        "client_id": client_id,
        "secret": environ.get("OIDC_CLIENT_SECRET", ""),
        "settings": {"server_url": server_url, "oauth_pkce_enabled": True},
    }
    return {"openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": [app]}}
