"""Handlers of Secured API: yours to edit.

sio-codegen created this file once and never overwrites it. After a spec change, regenerate and
run ``mypy --strict``: it points at every method here that no longer fits the generated bases.
A method left as ``raise NotImplementedError`` answers clients with a ``not_implemented`` error
ack (hooks behave as the defaults) and is listed at start-up.
"""

from __future__ import annotations

from ._generated import models
from ._generated.runtime import NamespaceHandlers, Principal, SecurityHandlers, override
from ._generated.server import (
    BothNamespace,
    KeysCookieNamespace,
    KeysHeaderNamespace,
    KeysQueryNamespace,
    OauthNamespace,
    OidcNamespace,
    PublicNamespace,
    RootNamespace,
    Security,
    StaffNamespace,
)


class RootHandlers(RootNamespace):
    """Namespace '/'."""

    @override
    def on_whoami(self, sid: str) -> models.WhoAmIAck:
        """Event 'whoami'."""
        raise NotImplementedError


class BothHandlers(BothNamespace):
    """Namespace '/both'."""

    @override
    def on_whoami(self, sid: str) -> models.WhoAmIAck:
        """Event 'whoami'."""
        raise NotImplementedError


class KeysCookieHandlers(KeysCookieNamespace):
    """Namespace '/keys/cookie'."""

    @override
    def on_whoami(self, sid: str) -> models.WhoAmIAck:
        """Event 'whoami'."""
        raise NotImplementedError


class KeysHeaderHandlers(KeysHeaderNamespace):
    """Namespace '/keys/header'."""

    @override
    def on_whoami(self, sid: str) -> models.WhoAmIAck:
        """Event 'whoami'."""
        raise NotImplementedError


class KeysQueryHandlers(KeysQueryNamespace):
    """Namespace '/keys/query'."""

    @override
    def on_whoami(self, sid: str) -> models.WhoAmIAck:
        """Event 'whoami'."""
        raise NotImplementedError


class OauthHandlers(OauthNamespace):
    """Namespace '/oauth'."""

    @override
    def on_whoami(self, sid: str) -> models.WhoAmIAck:
        """Event 'whoami'."""
        raise NotImplementedError


class OidcHandlers(OidcNamespace):
    """Namespace '/oidc'."""

    @override
    def on_whoami(self, sid: str) -> models.WhoAmIAck:
        """Event 'whoami'."""
        raise NotImplementedError


class PublicHandlers(PublicNamespace):
    """Namespace '/public'."""

    @override
    def on_whoami(self, sid: str) -> models.WhoAmIAck:
        """Event 'whoami'."""
        raise NotImplementedError


class StaffHandlers(StaffNamespace):
    """Namespace '/staff'."""

    @override
    def on_whoami(self, sid: str) -> models.WhoAmIAck:
        """Event 'whoami'."""
        raise NotImplementedError


class SecurityHooks(Security):
    """Verify the credentials of each security scheme: return a Principal, or None to refuse."""

    @override
    def verify_basic(self, username: str, password: str) -> Principal | None:
        """Security scheme 'basic': HTTP basic credentials from the Authorization header."""
        raise NotImplementedError

    @override
    def verify_bearer(self, token: str) -> Principal | None:
        """Security scheme 'bearer': A bearer token from the Authorization header (JWT)."""
        raise NotImplementedError

    @override
    def verify_cookie_key(self, key: str) -> Principal | None:
        """Security scheme 'cookieKey': An API key from the cookie 'session'."""
        raise NotImplementedError

    @override
    def verify_header_key(self, key: str) -> Principal | None:
        """Security scheme 'headerKey': An API key from the header 'X-API-Key'."""
        raise NotImplementedError

    @override
    def verify_oauth(self, token: str) -> Principal | None:
        """Security scheme 'oauth': An oauth2 access token from the Authorization header (Bearer).
        The requirement's scopes must all be in the returned Principal's scopes.
        """
        raise NotImplementedError

    @override
    def verify_oidc(self, token: str) -> Principal | None:
        """Security scheme 'oidc': An openIdConnect access token from the Authorization header (Bearer).
        The requirement's scopes must all be in the returned Principal's scopes.
        """
        raise NotImplementedError

    @override
    def verify_query_key(self, key: str) -> Principal | None:
        """Security scheme 'queryKey': An API key from the query 'api_key'."""
        raise NotImplementedError

    @override
    def verify_user_pass(self, username: str, password: str) -> Principal | None:
        """Security scheme 'userPass': A username and password: the auth payload's ``username`` and
        ``password``, else HTTP basic credentials from the Authorization header.

        A staff member's login.
        """
        raise NotImplementedError


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    """One handlers object per namespace (and the security hooks), as ``app.py`` registers them."""
    return [
        RootHandlers(),
        BothHandlers(),
        KeysCookieHandlers(),
        KeysHeaderHandlers(),
        KeysQueryHandlers(),
        OauthHandlers(),
        OidcHandlers(),
        PublicHandlers(),
        StaffHandlers(),
        SecurityHooks(),
    ]
