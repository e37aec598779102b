"""How sellers talk about condition: likelihoods, price effect, and the words, per kind."""

from reloop.demo.catalogue.model import Kind

# How likely each condition is, per kind: used goods mostly, beauty only new or nearly.
CONDITION_WEIGHTS: dict[Kind, dict[str, float]] = {
    Kind.clothing: {
        "new_with_tags": 8,
        "new_without_tags": 10,
        "very_good": 45,
        "good": 30,
        "satisfactory": 7,
    },
    Kind.shoes: {
        "new_with_tags": 5,
        "new_without_tags": 8,
        "very_good": 42,
        "good": 35,
        "satisfactory": 10,
    },
    Kind.bags: {
        "new_with_tags": 5,
        "new_without_tags": 7,
        "very_good": 50,
        "good": 30,
        "satisfactory": 8,
    },
    Kind.accessories: {
        "new_with_tags": 8,
        "new_without_tags": 10,
        "very_good": 50,
        "good": 27,
        "satisfactory": 5,
    },
    Kind.home: {
        "new_with_tags": 4,
        "new_without_tags": 10,
        "very_good": 46,
        "good": 32,
        "satisfactory": 8,
    },
    Kind.tech: {
        "new_with_tags": 3,
        "new_without_tags": 7,
        "very_good": 55,
        "good": 30,
        "satisfactory": 5,
    },
    Kind.media: {
        "new_with_tags": 2,
        "new_without_tags": 8,
        "very_good": 50,
        "good": 34,
        "satisfactory": 6,
    },
    Kind.music: {
        "new_with_tags": 6,
        "new_without_tags": 8,
        "very_good": 50,
        "good": 30,
        "satisfactory": 6,
    },
    Kind.games: {
        "new_with_tags": 4,
        "new_without_tags": 8,
        "very_good": 50,
        "good": 32,
        "satisfactory": 6,
    },
    Kind.toys: {
        "new_with_tags": 5,
        "new_without_tags": 8,
        "very_good": 45,
        "good": 35,
        "satisfactory": 7,
    },
    Kind.sport: {
        "new_with_tags": 4,
        "new_without_tags": 8,
        "very_good": 45,
        "good": 35,
        "satisfactory": 8,
    },
    Kind.beauty: {"new_with_tags": 45, "new_without_tags": 35, "very_good": 20},
}

# What a used item of this condition fetches, relative to `Product.price`.
CONDITION_PRICE = {
    "new_with_tags": 1.35,
    "new_without_tags": 1.2,
    "very_good": 1.0,
    "good": 0.78,
    "satisfactory": 0.55,
}

_NEW = ("New with tags, never worn.", "Never worn, still with the tags on.")
_UNWORN = ("Never worn, tags removed.", "Tried on at home once, no signs of wear.")
_USED_LITTLE = (
    "Worn a handful of times, no marks or pilling.",
    "Very good condition, washed and ready to wear.",
)
_USED = ("Worn regularly, with light signs of wear.", "Some fading from washing, otherwise good.")
_WORN = (
    "Well loved: a small mark on the front (see photos), priced to match.",
    "Obvious wear from use, still plenty of life in it.",
)

# One sentence about the condition, in the seller's words, per kind and condition.
CONDITION_WORDS: dict[Kind, dict[str, tuple[str, ...]]] = {
    Kind.clothing: {
        "new_with_tags": _NEW,
        "new_without_tags": _UNWORN,
        "very_good": _USED_LITTLE,
        "good": _USED,
        "satisfactory": _WORN,
    },
    Kind.shoes: {
        "new_with_tags": ("Brand new in the box, never worn.",),
        "new_without_tags": ("Worn indoors once to try, soles spotless.",),
        "very_good": (
            "Worn a few times, soles barely marked.",
            "Light creasing on the toes, otherwise like new.",
        ),
        "good": (
            "Visible creasing and some wear on the soles, no damage.",
            "Scuffs on the toe caps, lots of wear left.",
        ),
        "satisfactory": ("Heavily worn: soles worn down at the heel, still comfortable.",),
    },
    Kind.bags: {
        "new_with_tags": ("New with tags and dust bag.",),
        "new_without_tags": ("Never used, kept in its dust bag.",),
        "very_good": (
            "Used a handful of times, corners and edges clean.",
            "Very good: inside spotless, hardware unscratched.",
        ),
        "good": (
            "Light wear on the corners and a few marks inside.",
            "Some signs of use, nothing torn.",
        ),
        "satisfactory": ("Worn corners and a pen mark inside, priced accordingly.",),
    },
    Kind.accessories: {
        "new_with_tags": ("New with tags, never worn.",),
        "new_without_tags": ("Never worn.", "Unworn, kept in its box."),
        "very_good": ("Worn a few times, no visible marks.", "Very good condition."),
        "good": ("Light signs of wear, shown in the photos.",),
        "satisfactory": ("Clearly worn, priced to match.",),
    },
    Kind.home: {
        "new_with_tags": ("Unused, still in the original box.",),
        "new_without_tags": ("Unused, a gift that never found a place.",),
        "very_good": (
            "Lightly used and in very good condition.",
            "Very good condition, no damage.",
        ),
        "good": (
            "A couple of small marks from use, nothing broken.",
            "Used, with small signs of wear shown in the photos.",
        ),
        "satisfactory": ("Clearly used, with marks shown in the photos, but fully usable.",),
    },
    Kind.tech: {
        "new_with_tags": ("Sealed in the box, never opened.",),
        "new_without_tags": ("Opened but never used, all accessories in the box.",),
        "very_good": ("Fully working, tested this week.", "Works perfectly; barely a mark on it."),
        "good": (
            "Works perfectly, a few light scratches on the casing.",
            "Fully working, some wear on the corners.",
        ),
        "satisfactory": ("Works, but the casing has a dent and the battery is tired.",),
    },
    Kind.media: {
        "new_with_tags": ("Still in the shrink wrap.",),
        "new_without_tags": ("Unread, as new.",),
        "very_good": ("Read once, spine uncreased.", "Very good: clean pages, no writing."),
        "good": (
            "Some shelf wear on the cover, pages clean.",
            "Spine creased from reading, otherwise good.",
        ),
        "satisfactory": ("Well read, with a coffee ring on the back cover.",),
    },
    Kind.music: {
        "new_with_tags": ("Still sealed.",),
        "new_without_tags": ("Opened and played once.",),
        "very_good": ("Disc and cover in very good condition.", "Barely played, no scratches."),
        "good": ("Some wear on the cover, plays well.",),
        "satisfactory": ("Cover worn and split at one edge, but it still plays.",),
    },
    Kind.games: {
        "new_with_tags": ("Still sealed.",),
        "new_without_tags": ("Opened but never played.",),
        "very_good": ("Complete and in great condition.", "Played a few times, everything as new."),
        "good": ("Box shows some wear, everything inside is fine.",),
        "satisfactory": ("Well used: box corner taped, but complete and working.",),
    },
    Kind.toys: {
        "new_with_tags": ("Brand new in the unopened box.",),
        "new_without_tags": ("Opened, never played with.",),
        "very_good": ("Complete and clean.", "Gently used, nothing missing."),
        "good": ("Used and a little scuffed, everything works.",),
        "satisfactory": ("Well loved: a few marks and scuffs, still works.",),
    },
    Kind.sport: {
        "new_with_tags": ("New with tags, never used.",),
        "new_without_tags": ("Never used.",),
        "very_good": ("Used for one season, well looked after.", "Lightly used, no damage."),
        "good": (
            "Used regularly: visible wear, works perfectly.",
            "A few scratches from use, nothing structural.",
        ),
        "satisfactory": ("Worn and scratched but still does the job.",),
    },
    Kind.beauty: {
        "new_with_tags": ("Sealed and unused.", "New and boxed, an unwanted gift."),
        "new_without_tags": ("Unused, cellophane removed.", "Swatched once, as new."),
        "very_good": ("About 80% left, stored away from light.", "Used a few times, plenty left."),
    },
}

# Optional last sentences; `{city}` is the seller's city.
CLOSINGS: dict[Kind, tuple[str, ...]] = {
    Kind.clothing: (
        "Smoke-free, pet-free home.",
        "Happy to combine postage.",
        "Can send more photos on request.",
    ),
    Kind.shoes: (
        "Cleaned before sending.",
        "Comes in the original box.",
        "Happy to combine postage.",
    ),
    Kind.bags: (
        "Dust bag included.",
        "Can send more photos of the inside.",
        "Happy to combine postage.",
    ),
    Kind.accessories: ("Happy to combine postage.", "Can send more photos on request."),
    Kind.home: (
        "Collection from {city} is also possible.",
        "Carefully packed for posting.",
        "From a smoke-free home.",
    ),
    Kind.tech: (
        "Charger included.",
        "Receipt available.",
        "Collection from {city} is also possible.",
    ),
    Kind.media: (
        "Happy to combine postage with my other books.",
        "From a smoke-free home.",
        "Bundles welcome.",
    ),
    Kind.music: ("Posted in a proper mailer.", "Happy to combine postage.", "Bundles welcome."),
    Kind.games: ("Happy to combine postage.", "From a smoke-free home.", "Bundles welcome."),
    Kind.toys: (
        "From a smoke-free home.",
        "Collection from {city} is also possible.",
        "Happy to combine postage.",
    ),
    Kind.sport: (
        "Collection from {city} preferred.",
        "Happy to answer questions.",
        "Cleaned before sale.",
    ),
    Kind.beauty: ("Stored in a cool, dark drawer.", "Happy to combine postage."),
}
