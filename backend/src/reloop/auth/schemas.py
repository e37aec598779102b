"""Request and response shapes of sign-up, sign-in, sessions and account security."""

import uuid
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from reloop.kit.schemas import Schema, UtcDatetime
from reloop.users.schemas import Me

Password = Annotated[str, StringConstraints(min_length=1, max_length=128)]
Email = Annotated[str, StringConstraints(min_length=3, max_length=254)]
OpaqueToken = Annotated[str, StringConstraints(min_length=20, max_length=200)]


class Registration(Schema):
    email: Email
    username: Annotated[str, StringConstraints(min_length=3, max_length=30)]
    password: Password
    display_name: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)] | None
    ) = None


class Credentials(Schema):
    email: Email
    password: Password
    transport: Literal["cookie", "bearer"] = Field(
        default="cookie",
        description="`cookie` (browsers): tokens in HttpOnly cookies. "
        "`bearer` (API clients): tokens in the body, no cookies.",
    )


class RefreshRequest(Schema):
    refresh_token: OpaqueToken | None = Field(
        default=None, description="API clients; browsers send the refresh cookie instead."
    )


class TokenGrant(Schema):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105
    expires_in: int = Field(description="Seconds until the access token expires.")
    refresh_token: str | None = Field(
        default=None, description="Only for `transport: bearer`; browsers get a cookie."
    )
    csrf_token: str = Field(description="Send as X-CSRF-Token on cookie-authenticated writes.")
    user: Me


class EmailToken(Schema):
    token: OpaqueToken


class VerifiedEmail(Schema):
    email: str


class ForgotPassword(Schema):
    email: Email


class PasswordReset(Schema):
    token: OpaqueToken
    password: Password


class PasswordChange(Schema):
    current_password: Password
    new_password: Password


class EmailChange(Schema):
    new_email: Email
    password: Password


class SessionInfo(Schema):
    id: uuid.UUID
    device: str
    ip: str | None
    created_at: UtcDatetime
    last_used_at: UtcDatetime
    current: bool


class SessionList(Schema):
    items: list[SessionInfo]


class Jwk(Schema):
    kty: str
    crv: str
    x: str
    kid: str
    use: str
    alg: str


class Jwks(Schema):
    keys: list[Jwk]
