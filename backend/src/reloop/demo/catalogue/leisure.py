"""Books, music and film, games, instruments, sport and beauty."""

from reloop.demo.catalogue.model import Kind, Line, Product

_BOOK = Kind.media

LINES = (
    Line(
        "books",
        "entertainment-fiction",
        "book",
        _BOOK,
        ("navy", "green", "red", "cream", "black", "orange"),
        (
            Product("Normal People by Sally Rooney, paperback", None, 500, words="Normal People"),
            Product(
                "The Secret History by Donna Tartt",
                "penguin-books",
                600,
                words="The Secret History",
            ),
            Product("Pachinko by Min Jin Lee, paperback", None, 600, words="Pachinko"),
            Product(
                "Klara and the Sun by Kazuo Ishiguro, hardback",
                None,
                900,
                words="Klara and the Sun",
            ),
            Product(
                "Middlemarch by George Eliot, Penguin Classics",
                "penguin-books",
                400,
                words="Middlemarch",
            ),
            Product("L'Étranger by Albert Camus", "gallimard", 400, words="L'Étranger"),
            Product(
                "The Seven Husbands of Evelyn Hugo", "simon-and-schuster", 500, words="Evelyn Hugo"
            ),
        ),
        (
            "Paperback, 400 pages.",
            "A gripping read I could not put down.",
            "No writing or highlighting inside.",
            "First edition, first printing.",
        ),
    ),
    Line(
        "books",
        "entertainment-non-fiction",
        "book",
        _BOOK,
        ("cream", "white", "yellow", "blue", "green"),
        (
            Product("Sapiens by Yuval Noah Harari", None, 700, words="Sapiens"),
            Product("Ottolenghi Simple cookbook", None, 1500, words="Simple"),
            Product("{brand} Portugal travel guide, 2022", "lonely-planet", 800, words="Portugal"),
            Product(
                "The Story of Art by E. H. Gombrich", "phaidon", 2000, words="The Story of Art"
            ),
            Product("{brand} Bauhaus, Basic Art Series", "taschen", 800, words="Bauhaus"),
        ),
        ("Hardback with dust jacket.", "Lots of photographs throughout."),
        used_notes=("Clean pages, cover slightly rubbed.", "Bought new and barely opened."),
    ),
    Line(
        "books",
        "entertainment-childrens-books",
        "book",
        _BOOK,
        ("green", "yellow", "red", "blue"),
        (
            Product("The Gruffalo by Julia Donaldson", "macmillan", 400, words="The Gruffalo"),
            Product(
                "Harry Potter and the Philosopher's Stone", "bloomsbury", 500, words="Harry Potter"
            ),
            Product(
                "{brand} That's Not My Puppy board book",
                "usborne",
                300,
                words="That's Not My Puppy",
            ),
            Product(
                "The Very Hungry Caterpillar, board book",
                "penguin-books",
                300,
                words="Hungry Caterpillar",
            ),
        ),
        ("No tears or scribbles.", "Lovely illustrations."),
        used_notes=("Read at bedtime many times, still in good shape.",),
    ),
    Line(
        "books",
        "entertainment-comics",
        "book",
        _BOOK,
        ("yellow", "red", "blue", "orange"),
        (
            Product("Tintin: Destination Moon, hardback", "casterman", 900, words="Tintin"),
            Product("Astérix le Gaulois", "hachette", 700, words="Astérix"),
            Product("One Piece, volume 1", "viz-media", 500, words="One Piece"),
            Product("Watchmen, deluxe edition", "dc-comics", 2000, words="Watchmen"),
        ),
        ("Kept in a sleeve.", "Spine straight, colours bright.", "From my own collection."),
    ),
    Line(
        "music",
        "entertainment-vinyl",
        "record",
        Kind.music,
        ("orange", "black", "cream", "blue", "red"),
        (
            Product("Fleetwood Mac - Rumours, LP", None, 2200, words="Rumours"),
            Product("Radiohead - In Rainbows, LP", None, 2500, words="In Rainbows"),
            Product("Amy Winehouse - Back to Black, LP", None, 2000, words="Back to Black"),
            Product("Daft Punk - Random Access Memories, 2LP", None, 3500, words="RAM"),
            Product("Miles Davis - Kind of Blue, LP", None, 1800, words="Kind of Blue"),
        ),
        ("Original inner sleeve.", "Cleaned on a record cleaning machine."),
        used_notes=("Vinyl VG+, plays with light surface noise only.",),
    ),
    Line(
        "music",
        "entertainment-dvds",
        "case",
        Kind.music,
        ("black", "blue", "green"),
        (
            Product(
                "The Lord of the Rings trilogy, extended DVD",
                "warner-bros",
                2000,
                words="The Lord of the Rings",
            ),
            Product("Studio Ghibli: Spirited Away, Blu-ray", None, 1200, words="Spirited Away"),
            Product("Friends: The Complete Series, DVD", "warner-bros", 2500, words="Friends"),
        ),
        ("Discs scratch-free.", "All inserts included.", "Region 2."),
    ),
    Line(
        "music",
        "entertainment-guitars",
        "guitar",
        Kind.sport,
        ("camel", "brown", "black"),
        (
            Product("{brand} F310 acoustic guitar", "yamaha", 9000),
            Product("{brand} CD-60S acoustic guitar", "fender", 11000),
            Product("{brand} GS Mini acoustic guitar", "taylor", 35000),
        ),
        ("New strings fitted.", "Soft case included.", "Action set low, easy to play."),
    ),
    Line(
        "games",
        "entertainment-board-games",
        "boxed_game",
        Kind.games,
        ("green", "red", "blue", "yellow"),
        (
            Product("Catan, base game", "asmodee", 2500, words="Catan"),
            Product("Ticket to Ride Europe", "asmodee", 3000, words="Ticket to Ride"),
            Product("{brand} 1000-piece jigsaw puzzle", "ravensburger", 1200, words="1000 pieces"),
            Product("Monopoly, classic edition", "hasbro", 1500, words="Monopoly"),
            Product("Dixit", "asmodee", 2000, words="Dixit"),
        ),
        ("All pieces counted.", "Cards sleeved."),
        used_notes=("Played a handful of times.",),
    ),
    Line(
        "games",
        "entertainment-trading-cards",
        "cards",
        Kind.games,
        ("red", "blue", "yellow", "purple"),
        (
            Product("{brand} cards, 100 commons and uncommons", "pokemon", 1500),
            Product("{brand} FIFA World Cup sticker album, complete", "panini", 4000),
            Product("{brand} Magic: The Gathering starter decks", "wizards-of-the-coast", 2500),
        ),
        ("From a smoke-free home.", "Sleeved and stored flat.", "Good mix of sets."),
    ),
)
