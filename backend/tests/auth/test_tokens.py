"""Access tokens: asymmetric, identified by `kid`, verifiable with the published JWKS."""

import jwt
from httpx import AsyncClient

from reloop.kit.db import Database
from tests.factories.users import make_member, sign_in


async def test_access_tokens_verify_with_the_published_key(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    token = (await sign_in(client, member)).json()["access_token"]
    jwks = (await client.get("/.well-known/jwks.json")).json()

    header = jwt.get_unverified_header(token)
    key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
    claims = jwt.decode(
        token,
        jwt.PyJWK(key).key,
        algorithms=["EdDSA"],
        audience="reloop-api",
        issuer="reloop",
    )

    assert header["alg"] == "EdDSA"
    assert claims["sub"] == str(member.user.id)
    assert claims["exp"] - claims["iat"] == 900


async def test_a_tampered_access_token_is_refused(client: AsyncClient, database: Database) -> None:
    token = (await sign_in(client, await make_member(database))).json()["access_token"]
    head, payload, signature = token.split(".")
    tampered = f"{head}.{payload[:-2]}AA.{signature}"

    response = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {tampered}"})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


async def test_an_expired_access_token_asks_for_a_refresh(
    client: AsyncClient, database: Database
) -> None:
    member = await make_member(database)
    token = (await sign_in(client, member)).json()["access_token"]
    claims = jwt.decode(token, options={"verify_signature": False})
    app_keys = client._transport.app.state.signing_keys  # type: ignore[attr-defined]
    expired = app_keys.sign({**claims, "iat": claims["iat"] - 3600, "exp": claims["iat"] - 60})

    response = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {expired}"})

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_expired"


async def test_a_malformed_authorization_header_is_refused(client: AsyncClient) -> None:
    response = await client.get("/api/v1/me", headers={"Authorization": "Basic abc"})

    assert response.status_code == 401
