"""The `reloop` command's own subcommands, run as an operator would."""

from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from reloop.cli import app
from tests.fixtures.environment import ServiceEnvironment

runner = CliRunner()


def _role_of(url: str, username: str) -> str | None:
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    with engine.connect() as connection:
        role = connection.scalar(
            text("SELECT role FROM users WHERE username = :u"), {"u": username}
        )
    engine.dispose()
    return str(role) if role is not None else None


def test_admin_create_makes_a_verified_admin(test_environment: ServiceEnvironment) -> None:
    result = runner.invoke(
        app,
        ["admin", "create", "--email", "ops@example.com", "--username", "ops_lead"],
        input="a strong admin passphrase\na strong admin passphrase\n",
    )

    assert result.exit_code == 0, result.output
    assert "Admin ops_lead created." in result.output
    assert _role_of(test_environment.database_url, "ops_lead") == "admin"
    _delete(test_environment.database_url, "ops_lead")


def test_admin_create_refuses_a_weak_password(test_environment: ServiceEnvironment) -> None:
    result = runner.invoke(
        app,
        ["admin", "create", "--email", "weak@example.com", "--username", "weak_admin"],
        input="password123\npassword123\n",
    )

    assert result.exit_code == 1
    assert "Not created" in result.output
    assert _role_of(test_environment.database_url, "weak_admin") is None


def test_openapi_is_written_where_asked(tmp_path: Path) -> None:
    target = tmp_path / "openapi.json"
    result = runner.invoke(app, ["openapi", "--output", str(target)])

    assert result.exit_code == 0
    assert '"openapi": "3.1.0"' in target.read_text()


def _delete(url: str, username: str) -> None:
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM users WHERE username = :u"), {"u": username})
    engine.dispose()
