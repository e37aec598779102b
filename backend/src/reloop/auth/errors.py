"""Error codes of authentication and account security."""

from reloop.kit.errors import (
    BadRequest,
    Conflict,
    NotFound,
    RateLimited,
    Unauthorized,
    ValidationFailed,
)


class InvalidCredentials(Unauthorized):
    code = "invalid_credentials"
    message = "That email and password do not match an account."


class InvalidRefreshToken(Unauthorized):
    code = "invalid_refresh_token"
    message = "The refresh token is not valid; sign in again."


class EmailTaken(Conflict):
    code = "email_taken"
    message = "An account with this email already exists."


class UsernameTaken(Conflict):
    code = "username_taken"
    message = "This username is taken."


class WeakPassword(ValidationFailed):
    code = "weak_password"
    message = "Choose a stronger password."


class WrongPassword(ValidationFailed):
    code = "wrong_password"
    message = "The current password is not correct."


class InvalidEmailToken(BadRequest):
    code = "invalid_token"
    message = "This link is not valid. It may have been used already or expired."


class SessionNotFound(NotFound):
    code = "session_not_found"
    message = "No such session."


class TooManyAttempts(RateLimited):
    code = "too_many_attempts"
    message = "Too many failed attempts; wait before trying again."
