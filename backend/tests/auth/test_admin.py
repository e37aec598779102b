"""Staff accounts from the command line."""

import pytest

from reloop.auth.admin import create_member
from reloop.auth.errors import EmailTaken, WeakPassword
from reloop.kit.db import Database
from reloop.models.user import Role


async def test_an_admin_is_created_verified_with_the_admin_role(database: Database) -> None:
    async with database.transaction() as session:
        user = await create_member(
            session,
            email="root@example.com",
            username="first_admin",
            password="a long and unusual phrase",
            role=Role.admin,
        )

    assert user.role is Role.admin
    assert user.is_verified


async def test_admins_follow_the_sign_up_rules(database: Database) -> None:
    async with database.transaction() as session:
        with pytest.raises(WeakPassword):
            await create_member(
                session, email="a@example.com", username="admin_two", password="password123"
            )
    async with database.transaction() as session:
        await create_member(
            session, email="b@example.com", username="admin_three", password="long enough phrase"
        )
    async with database.transaction() as session:
        with pytest.raises(EmailTaken):
            await create_member(
                session, email="B@example.com", username="admin_four", password="long enough phrase"
            )
