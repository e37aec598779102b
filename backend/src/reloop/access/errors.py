"""Errors of request authentication and authorisation: who is asking, may they."""

from reloop.kit.errors import Forbidden, Unauthorized


class NotAuthenticated(Unauthorized):
    code = "not_authenticated"
    message = "Sign in to do this."


class AccessTokenExpired(Unauthorized):
    code = "token_expired"
    message = "Your session needs refreshing."


class InvalidAccessToken(Unauthorized):
    code = "invalid_token"
    message = "The access token is not valid."


class SessionEnded(Unauthorized):
    code = "session_ended"
    message = "This session has ended; sign in again."


class CsrfFailed(Forbidden):
    code = "csrf_failed"
    message = "The request is missing a valid X-CSRF-Token header."


class EmailNotVerified(Forbidden):
    code = "email_not_verified"
    message = "Verify your email address to do this."


class RoleRequired(Forbidden):
    code = "role_required"
    message = "Your account is not allowed to do this."
