"""The demo members: sellers across Europe, each with what they sell, plus two staff.

`shelves` name the catalogue lines a seller lists (`Line.shelf`), so a seller's bio and
their listings agree; `listings` is how many they have, from a couple to a few dozen.
"""

from dataclasses import dataclass

from reloop.models.user import Role

DEMO_PASSWORD = "second-life-demo"  # noqa: S105 (demo installs only, refused in production)


@dataclass(frozen=True, slots=True)
class DemoMember:
    """A demo account: who they are, where, and what they sell (staff sell nothing)."""

    username: str
    display_name: str
    bio: str
    country: str
    city: str
    role: Role = Role.member
    shelves: tuple[str, ...] = ()
    listings: int = 0

    @property
    def email(self) -> str:
        """Demo addresses use the reserved example.com domain: mail goes nowhere."""
        return f"{self.username}@example.com"


def _seller(
    username: str,
    name: str,
    bio: str,
    country: str,
    city: str,
    shelves: tuple[str, ...],
    listings: int,
) -> DemoMember:
    return DemoMember(username, name, bio, country, city, Role.member, shelves, listings)


MEMBERS = [
    _seller(
        "ana.vintage",
        "Ana Costa",
        "Seventies denim and leather, fixed up with care.",
        "PT",
        "Lisbon",
        ("women", "bags", "accessories"),
        25,
    ),
    _seller(
        "ben_reads",
        "Ben Okafor",
        "Clearing two bookshelves: novels, cookbooks, comics.",
        "GB",
        "Manchester",
        ("books",),
        18,
    ),
    _seller(
        "chloe.home",
        "Chloé Martin",
        "Ceramics, lamps and small furniture from flat moves.",
        "FR",
        "Lyon",
        ("home", "kitchen"),
        20,
    ),
    _seller(
        "dario.tech",
        "Dario Rossi",
        "Cameras and phones, tested and reset before sale.",
        "IT",
        "Milan",
        ("tech", "photo"),
        16,
    ),
    _seller(
        "emma_runs",
        "Emma Schulz",
        "Running shoes and sportswear, mostly barely worn.",
        "DE",
        "Berlin",
        ("running", "sport"),
        12,
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
    _seller(
        "lotte.kids",
        "Lotte de Vries",
        "Two kids who outgrow everything by spring. Toys and clothes, all washed.",
        "NL",
        "Rotterdam",
        ("kids", "toys", "baby"),
        20,
    ),
    _seller(
        "mateo.closet",
        "Mateo García",
        "Menswear I no longer wear: workwear, denim, good shoes.",
        "ES",
        "Madrid",
        ("men", "men-shoes", "accessories"),
        15,
    ),
    _seller(
        "sofia_b",
        "Sofia Bianchi",
        "Wardrobe clear-out twice a year. Sizes S and M, shoes 38.",
        "IT",
        "Turin",
        ("women", "women-shoes", "bags"),
        14,
    ),
    _seller(
        "jonas.outdoor",
        "Jonas Lindqvist",
        "Bikes, skis and hiking gear. Everything checked before it goes.",
        "SE",
        "Stockholm",
        ("sport", "men"),
        10,
    ),
    _seller(
        "ines.ceramica",
        "Inês Ferreira",
        "Potter by weekend. Seconds and pieces from my own shelves.",
        "PT",
        "Porto",
        ("home",),
        8,
    ),
    _seller(
        "tom.vinyl",
        "Tom Byrne",
        "Records, films and the odd guitar. Everything plays.",
        "IE",
        "Dublin",
        ("music",),
        9,
    ),
    _seller(
        "kasia.style",
        "Katarzyna Nowak",
        "Minimal wardrobe, maximal shoes.",
        "PL",
        "Kraków",
        ("women", "women-shoes"),
        12,
    ),
    _seller(
        "pierre.velo",
        "Pierre Dubois",
        "Bike mechanic. I sell what I have serviced myself.",
        "FR",
        "Bordeaux",
        ("sport",),
        5,
    ),
    _seller(
        "hannah_knits",
        "Hannah Weber",
        "Knitwear lover; scarves and jumpers looking for a new home.",
        "AT",
        "Vienna",
        ("women", "accessories"),
        7,
    ),
    _seller(
        "luca.games",
        "Luca Moretti",
        "Board games night host. Consoles and games I finished.",
        "IT",
        "Bologna",
        ("gaming", "games"),
        9,
    ),
    _seller(
        "freya.north",
        "Freya Hansen",
        "Scandinavian design and a wardrobe in neutrals.",
        "DK",
        "Copenhagen",
        ("home", "women"),
        10,
    ),
    _seller(
        "olivier.b",
        "Olivier Lambert",
        "Office wardrobe refresh: shirts, suits, bags.",
        "BE",
        "Brussels",
        ("men", "bags"),
        6,
    ),
    _seller(
        "nora.reads",
        "Nora Virtanen",
        "Librarian with too many books at home.",
        "FI",
        "Helsinki",
        ("books",),
        6,
    ),
    _seller(
        "sam.fixes",
        "Sam Mitchell",
        "Refurbished laptops and audio, fully tested.",
        "GB",
        "Bristol",
        ("tech",),
        8,
    ),
    _seller(
        "elena.mama",
        "Elena Popescu",
        "Baby gear from our first, in great shape.",
        "RO",
        "Bucharest",
        ("baby", "kids"),
        10,
    ),
    _seller(
        "lucia.beauty",
        "Lucía Romero",
        "Make-up artist selling unused and barely used products.",
        "ES",
        "Valencia",
        ("beauty",),
        8,
    ),
    _seller(
        "felix.moves",
        "Felix Braun",
        "Moving abroad in March, everything must go.",
        "DE",
        "Hamburg",
        ("home", "kitchen", "tech", "books"),
        12,
    ),
    _seller(
        "anders.ski",
        "Anders Berg",
        "Ski instructor. Winter kit and spare jackets.",
        "NO",
        "Oslo",
        ("sport", "men"),
        5,
    ),
    _seller(
        "giulia.archive",
        "Giulia Conti",
        "Designer bags and pieces from my archive, all authentic.",
        "IT",
        "Florence",
        ("bags", "women"),
        6,
    ),
    _seller(
        "kofi.sneakers",
        "Kofi Mensah",
        "Trainers, cleaned and boxed. Sizes 40 to 46.",
        "FR",
        "Paris",
        ("men-shoes", "women-shoes"),
        10,
    ),
    _seller(
        "zoe.studio",
        "Zoé Laurent",
        "Interior stylist parting with props: frames, lamps, cushions.",
        "FR",
        "Marseille",
        ("home",),
        4,
    ),
    _seller(
        "david.cook",
        "David Novák",
        "Home cook upgrading the kitchen.",
        "CZ",
        "Prague",
        ("kitchen",),
        5,
    ),
    _seller(
        "yara.m",
        "Yara Haddad",
        "A few things from my wardrobe.",
        "BE",
        "Antwerp",
        ("women",),
        3,
    ),
    _seller(
        "niamh.crafts",
        "Niamh Kelly",
        "Textiles and knitwear, mostly handmade.",
        "IE",
        "Galway",
        ("home", "accessories"),
        3,
    ),
    _seller(
        "piotr.w",
        "Piotr Wiśniewski",
        "Selling my old consoles and phone.",
        "PL",
        "Warsaw",
        ("gaming", "tech"),
        2,
    ),
]
