"""Access tokens: a remembered signature check never outlives the token or its key."""

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reloop.kit.security.jwt_keys import InvalidAccessToken, SigningKeys, _Key

AUDIENCE, ISSUER = "reloop-api", "reloop"
ISSUED = 1_000_000


def _keys(kid: str = "k1") -> SigningKeys:
    return SigningKeys([_Key(kid=kid, private=Ed25519PrivateKey.generate())])


def _token(keys: SigningKeys, lifetime_s: int = 900) -> str:
    claims = {"sub": "u", "sid": "s", "iat": ISSUED, "exp": ISSUED + lifetime_s}
    return keys.sign({**claims, "aud": AUDIENCE, "iss": ISSUER})


def _at(monkeypatch: pytest.MonkeyPatch, now: float) -> None:
    monkeypatch.setattr("reloop.kit.security.jwt_keys.time.time", lambda: now)


def test_a_remembered_token_is_refused_once_it_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    keys = _keys()
    token = _token(keys)
    _at(monkeypatch, ISSUED + 10)
    assert keys.verify(token, audience=AUDIENCE, issuer=ISSUER)["sub"] == "u"
    _at(monkeypatch, ISSUED + 900)
    with pytest.raises(InvalidAccessToken, match="expired"):
        keys.verify(token, audience=AUDIENCE, issuer=ISSUER)


def test_a_remembered_token_is_refused_for_another_audience(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = _keys()
    token = _token(keys)
    _at(monkeypatch, ISSUED + 10)
    keys.verify(token, audience=AUDIENCE, issuer=ISSUER)
    with pytest.raises(InvalidAccessToken, match="invalid"):
        keys.verify(token, audience="someone-else", issuer=ISSUER)


def test_a_token_altered_after_its_original_was_remembered_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = _keys()
    token = _token(keys)
    _at(monkeypatch, ISSUED + 10)
    keys.verify(token, audience=AUDIENCE, issuer=ISSUER)
    header, payload, signature = token.split(".")
    altered = ".".join(
        (header, payload, signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB"))
    )
    with pytest.raises(InvalidAccessToken, match="invalid"):
        keys.verify(altered, audience=AUDIENCE, issuer=ISSUER)


def test_a_token_signed_by_keys_we_no_longer_hold_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    retired = _keys("old")
    token = _token(retired)
    _at(monkeypatch, ISSUED + 10)
    retired.verify(token, audience=AUDIENCE, issuer=ISSUER)
    with pytest.raises(InvalidAccessToken, match="unknown key"):
        _keys("new").verify(token, audience=AUDIENCE, issuer=ISSUER)
