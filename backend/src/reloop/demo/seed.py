"""Demo data: loaded once into an empty install, never in production.

Members first; listings, follows and orders join as their domains land. Every demo
account shares one password, printed when the data is loaded.
"""

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from reloop.auth.admin import create_member
from reloop.models.user import Role
from reloop.users.repository import UserRepository

DEMO_PASSWORD = "second-life-demo"  # noqa: S105 (demo installs only, refused in production)


@dataclass(frozen=True, slots=True)
class DemoMember:
    username: str
    display_name: str
    bio: str
    country: str
    city: str
    role: Role = Role.member

    @property
    def email(self) -> str:
        return f"{self.username}@example.com"


MEMBERS = [
    DemoMember(
        "ana.vintage",
        "Ana Costa",
        "Seventies denim and leather, fixed up with care.",
        "PT",
        "Lisbon",
    ),
    DemoMember(
        "ben_reads",
        "Ben Okafor",
        "Clearing two bookshelves: novels, cookbooks, comics.",
        "GB",
        "Manchester",
    ),
    DemoMember(
        "chloe.home",
        "Chloé Martin",
        "Ceramics, lamps and small furniture from flat moves.",
        "FR",
        "Lyon",
    ),
    DemoMember(
        "dario.tech",
        "Dario Rossi",
        "Cameras and phones, tested and reset before sale.",
        "IT",
        "Milan",
    ),
    DemoMember(
        "emma_runs",
        "Emma Schulz",
        "Running shoes and sportswear, mostly barely worn.",
        "DE",
        "Berlin",
    ),
    DemoMember(
        "mia.moderates",
        "Mia (moderator)",
        "Keeps Reloop friendly.",
        "NL",
        "Amsterdam",
        Role.moderator,
    ),
    DemoMember(
        "alex.admin", "Alex (admin)", "Runs this demo install.", "NL", "Utrecht", Role.admin
    ),
]


async def load_demo_data(session: AsyncSession) -> list[str]:
    """Create the demo members that do not exist yet; the usernames created."""
    users = UserRepository(session)
    created = []
    for member in MEMBERS:
        if await users.email_exists(member.email):
            continue
        user = await create_member(
            session,
            email=member.email,
            username=member.username,
            password=DEMO_PASSWORD,
            display_name=member.display_name,
            role=member.role,
        )
        user.bio = member.bio
        user.country_code = member.country
        user.city = member.city
        created.append(user.username)
    await session.flush()
    return created
