"""The base every domain repository extends: typed access to one model's rows."""

import uuid
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.models.base import Base

ModelT = TypeVar("ModelT", bound=Base)


class Repository(Generic[ModelT]):
    model: type[ModelT]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, id_: uuid.UUID) -> ModelT | None:
        return await self.session.get(self.model, id_)

    async def get_for_update(self, id_: uuid.UUID) -> ModelT | None:
        """The row locked until the transaction ends (`SELECT … FOR UPDATE`)."""
        result = await self.session.execute(
            select(self.model).where(self.model.id == id_).with_for_update()
        )
        return result.scalar_one_or_none()

    async def add(self, entity: ModelT) -> ModelT:
        self.session.add(entity)
        await self.session.flush()
        return entity
