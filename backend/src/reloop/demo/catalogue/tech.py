"""Phones, computers, audio, cameras and gaming."""

from reloop.demo.catalogue.model import Kind, Line, Product

_T = Kind.tech

LINES = (
    Line(
        "tech",
        "electronics-smartphones",
        "phone",
        _T,
        ("black", "white", "blue", "purple", "silver"),
        (
            Product("{brand} iPhone 12, 128 GB, unlocked", "apple", 32000),
            Product("{brand} iPhone SE (2022), 64 GB", "apple", 22000),
            Product("{brand} Galaxy S21, 128 GB", "samsung", 24000),
            Product("{brand} Pixel 7, 128 GB", "google", 30000),
            Product("{brand} Fairphone 4, 256 GB", "fairphone", 30000, colours=("grey", "green")),
        ),
        ("Comes with the original box and cable.", "Unlocked to all networks."),
        used_notes=("Battery health 88%.", "Always in a case with a screen protector."),
    ),
    Line(
        "tech",
        "electronics-tablets",
        "tablet",
        _T,
        ("grey", "silver", "black"),
        (
            Product("{brand} iPad 9th generation, 64 GB, Wi-Fi", "apple", 22000, variant=0),
            Product("{brand} Galaxy Tab S6 Lite", "samsung", 17000, variant=0),
            Product("{brand} iPad Air 4, 64 GB", "apple", 33000, variant=0),
        ),
        ("Screen flawless.", "Case included.", "Charger and cable included."),
    ),
    Line(
        "tech",
        "electronics-e-readers",
        "tablet",
        _T,
        ("black",),
        (
            Product("{brand} Kindle Paperwhite, 11th gen", "amazon", 8000),
            Product("{brand} Clara 2E e-reader", "kobo", 8500),
        ),
        ("Adjustable warm light.", "Waterproof.", "Registered to nobody, ready to set up."),
        variant=1,
    ),
    Line(
        "tech",
        "electronics-laptops",
        "laptop",
        _T,
        ("silver", "grey", "black"),
        (
            Product("{brand} MacBook Air M1, 8 GB, 256 GB", "apple", 60000),
            Product("{brand} ThinkPad X1 Carbon Gen 7", "lenovo", 45000, colours=("black",)),
            Product("{brand} XPS 13 (9310)", "dell", 50000),
            Product("{brand} Chromebook 14", "acer", 12000),
        ),
        (
            "Freshly reinstalled operating system.",
            "Keyboard and trackpad perfect.",
            "Original charger included.",
        ),
        used_notes=("Battery cycle count 180.",),
    ),
    Line(
        "tech",
        "electronics-headphones",
        "headphones",
        _T,
        ("black", "silver", "white", "navy"),
        (
            Product("{brand} WH-1000XM4 headphones", "sony", 16000),
            Product("{brand} QuietComfort 45", "bose", 14000),
            Product("{brand} Momentum 3 Wireless", "sennheiser", 13000),
            Product(
                "{brand} ATH-M50x studio headphones", "audio-technica", 8000, colours=("black",)
            ),
        ),
        ("Noise cancelling works perfectly.", "Carry case included."),
        used_notes=("Ear pads replaced last month.",),
    ),
    Line(
        "tech",
        "electronics-speakers",
        "speaker",
        _T,
        ("black", "grey", "blue", "red"),
        (
            Product("{brand} Flip 5 portable speaker", "jbl", 5000),
            Product(
                "{brand} One (Gen 2) smart speaker", "sonos", 12000, colours=("black", "white")
            ),
            Product("{brand} Emberton speaker", "marshall", 9000, colours=("black",)),
        ),
        ("Bluetooth pairing is instant.", "Battery lasts all day.", "Cable included."),
    ),
    Line(
        "tech",
        "electronics-hifi",
        "turntable",
        _T,
        ("brown", "black", "white"),
        (
            Product("{brand} AT-LP60X turntable", "audio-technica", 9000),
            Product("{brand} Debut Carbon EVO turntable", "pro-ject", 30000),
            Product("{brand} SL-1500C turntable", "technics", 70000, colours=("black", "silver")),
        ),
        ("Plays at 33 and 45 rpm.", "Built-in switchable phono preamp."),
        used_notes=("New stylus fitted.", "Dust cover has light scratches."),
    ),
    Line(
        "tech",
        "electronics-tvs",
        "monitor",
        _T,
        ("black",),
        (
            Product("{brand} 27-inch 4K monitor", "lg", 15000),
            Product("{brand} 43-inch 4K smart TV", "samsung", 22000),
            Product("{brand} 24-inch IPS monitor", "dell", 7000),
        ),
        (
            "No dead pixels.",
            "Stand and remote included.",
            "Collection only, too big to post safely.",
        ),
    ),
    Line(
        "tech",
        "electronics-smartwatches",
        "watch",
        _T,
        ("black", "silver", "pink"),
        (
            Product("{brand} Watch Series 6, 40 mm", "apple", 15000),
            Product("{brand} Forerunner 245", "garmin", 12000),
            Product("{brand} Charge 5", "fitbit", 7000),
        ),
        ("Unpaired and reset.", "Spare strap included."),
        used_notes=("Battery still lasts days.",),
        variant=1,
    ),
    Line(
        "photo",
        "electronics-digital-cameras",
        "camera",
        _T,
        ("black", "silver"),
        (
            Product("{brand} X-T20 with 18-55 mm lens", "fujifilm", 55000),
            Product("{brand} EOS M50 with kit lens", "canon", 38000, colours=("black",)),
            Product("{brand} Alpha a6000 body", "sony", 30000, colours=("black",)),
            Product("{brand} Lumix GX80 with 12-32 mm", "panasonic", 32000),
        ),
        ("Two batteries, charger and strap included.", "Sensor cleaned, no dust."),
        used_notes=("Shutter count under 9,000.",),
        variant=0,
    ),
    Line(
        "photo",
        "electronics-film-cameras",
        "camera",
        _T,
        ("black", "silver"),
        (
            Product("{brand} AE-1 Program with 50 mm f/1.8", "canon", 22000),
            Product("{brand} K1000 with 50 mm lens", "pentax", 16000),
            Product("{brand} OM-10 35 mm camera", "olympus", 9000),
        ),
        (
            "Tested with a roll of film, scans attached on request.",
            "Light seals replaced.",
            "Light meter works.",
        ),
        variant=1,
    ),
    Line(
        "photo",
        "electronics-lenses",
        "lens",
        _T,
        ("black",),
        (
            Product("{brand} EF 50 mm f/1.8 STM lens", "canon", 9000),
            Product("{brand} 30 mm f/1.4 DC DN lens (Sony E)", "sigma", 20000),
            Product("{brand} XF 35 mm f/2 lens", "fujifilm", 22000),
        ),
        ("Glass clean, no fungus or haze.", "Both caps included.", "Autofocus quick and silent."),
    ),
    Line(
        "gaming",
        "electronics-consoles",
        "handheld",
        _T,
        ("turquoise", "grey", "yellow", "black"),
        (
            Product(
                "{brand} Switch Lite, turquoise, boxed", "nintendo", 14000, colours=("turquoise",)
            ),
            Product("{brand} Switch Lite, grey", "nintendo", 13000, colours=("grey",)),
            Product("{brand} Switch OLED, white", "nintendo", 25000, colours=("white",)),
            Product("{brand} Steam Deck 64 GB", "valve", 30000, colours=("black",)),
        ),
        ("Charger included.", "Comes with the original box."),
        used_notes=("Screen protector fitted since day one.", "No stick drift."),
    ),
    Line(
        "gaming",
        "electronics-gaming-accessories",
        "controller",
        _T,
        ("white", "black", "red", "blue"),
        (
            Product("{brand} DualSense controller", "sony", 4500),
            Product("{brand} Xbox Wireless Controller", "microsoft", 3500),
            Product("{brand} Pro Controller", "nintendo", 4000, colours=("black",)),
        ),
        ("USB-C cable included.", "Works perfectly."),
        used_notes=("No drift, buttons all responsive.",),
    ),
    Line(
        "gaming",
        "electronics-video-games",
        "case",
        Kind.games,
        ("red", "blue", "black", "green"),
        (
            Product(
                "The Legend of Zelda: Breath of the Wild (Switch)", "nintendo", 3500, words="Zelda"
            ),
            Product("Mario Kart 8 Deluxe (Switch)", "nintendo", 3500, words="Mario Kart 8"),
            Product("EA Sports FC 24 (PS5)", "electronic-arts", 2000, words="FC 24"),
            Product("Red Dead Redemption 2 (PS4)", "rockstar-games", 1500, words="Red Dead 2"),
        ),
        ("Disc or cartridge in perfect shape.", "Original case and inlay.", "Works perfectly."),
    ),
)
