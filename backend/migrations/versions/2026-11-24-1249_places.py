"""Places: towns with their position, the position of each listing, and saved searches
"near me".

Revision ID: 0006_places
Revises: 0005_search
Create Date: 2026-11-24 12:49 UTC
"""

import json
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0006_places"
down_revision: str | None = "0005_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PLACES = Path(__file__).parents[2] / "src" / "reloop" / "search" / "data" / "places.json"

# A listing's position is its town's: matched on country and name, ignoring case and
# accents ("krakow" is Kraków); a town we do not know leaves it without one.
_ITEMS_PLACE_FUNCTION = """
CREATE FUNCTION items_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT p.latitude, p.longitude INTO NEW.latitude, NEW.longitude
    FROM places p
    WHERE p.country_code = NEW.country_code AND p.city_key = lower(unaccent(NEW.city));
    IF NOT FOUND THEN
        NEW.latitude := NULL;
        NEW.longitude := NULL;
    END IF;
    RETURN NEW;
END
$$
"""
_ITEMS_PLACE_TRIGGER = """
CREATE TRIGGER items_place
BEFORE INSERT OR UPDATE OF city, country_code ON items
FOR EACH ROW EXECUTE FUNCTION items_place()
"""


# Whether a listing matches a saved search: the one definition the events dispatcher (a
# notification per new listing) and the daily alert email both use.
_MATCHES_FUNCTION = """
CREATE FUNCTION saved_search_matches(s saved_searches, i items) RETURNS boolean
LANGUAGE sql STABLE AS $$
SELECT (s.text_query IS NULL OR i.search_vector @@ s.text_query)
   AND (cardinality(s.category_ids) = 0 OR i.category_id = ANY (s.category_ids))
   AND (cardinality(s.brand_ids) = 0 OR i.brand_id = ANY (s.brand_ids))
   AND (cardinality(s.size_ids) = 0 OR i.size_id = ANY (s.size_ids))
   AND (cardinality(s.conditions) = 0 OR i.condition = ANY (s.conditions))
   AND (cardinality(s.colors) = 0 OR i.colors && s.colors)
   AND (s.price_min IS NULL OR i.price_amount >= s.price_min)
   AND (s.price_max IS NULL OR i.price_amount <= s.price_max)
   AND (s.country_code IS NULL OR i.country_code = s.country_code)
   AND (s.city IS NULL OR lower(i.city) = lower(s.city))
   AND (s.near_latitude IS NULL OR (
        i.latitude IS NOT NULL
        AND 2 * 6371.0 * asin(sqrt(
            power(sin(radians(i.latitude - s.near_latitude) / 2), 2)
            + cos(radians(s.near_latitude)) * cos(radians(i.latitude))
              * power(sin(radians(i.longitude - s.near_longitude) / 2), 2)
        )) <= s.near_radius_km
   ))
$$
"""


def upgrade() -> None:
    op.create_table(
        "places",
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("city_key", sa.Text(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("country_code", "city_key", name=op.f("pk_places")),
    )
    places = json.loads(_PLACES.read_text(encoding="utf-8"))["places"]
    op.get_bind().execute(
        sa.text(
            "INSERT INTO places (country_code, city_key, name, latitude, longitude) "
            "VALUES (:country, lower(unaccent(:name)), :name, :latitude, :longitude)"
        ),
        [
            {"country": country, "name": name, "latitude": lat, "longitude": lon}
            for country, name, lat, lon in places
        ],
    )
    op.add_column("items", sa.Column("latitude", sa.Float(), nullable=True))
    op.add_column("items", sa.Column("longitude", sa.Float(), nullable=True))
    op.execute(_ITEMS_PLACE_FUNCTION)
    op.execute(_ITEMS_PLACE_TRIGGER)
    # Existing listings get their position: touching the town fires the trigger.
    op.execute("UPDATE items SET city = city")
    op.create_index(
        "ix_items_active_position",
        "items",
        ["latitude", "longitude"],
        unique=False,
        postgresql_where="status = 'active' AND latitude IS NOT NULL",
    )
    op.add_column("saved_searches", sa.Column("near_latitude", sa.Float(), nullable=True))
    op.add_column("saved_searches", sa.Column("near_longitude", sa.Float(), nullable=True))
    op.add_column("saved_searches", sa.Column("near_radius_km", sa.Float(), nullable=True))
    op.execute(_MATCHES_FUNCTION)


def downgrade() -> None:
    op.execute("DROP FUNCTION saved_search_matches(saved_searches, items)")
    op.drop_column("saved_searches", "near_radius_km")
    op.drop_column("saved_searches", "near_longitude")
    op.drop_column("saved_searches", "near_latitude")
    op.drop_index(
        "ix_items_active_position",
        table_name="items",
        postgresql_where="status = 'active' AND latitude IS NOT NULL",
    )
    op.execute("DROP TRIGGER items_place ON items")
    op.execute("DROP FUNCTION items_place()")
    op.drop_column("items", "longitude")
    op.drop_column("items", "latitude")
    op.drop_table("places")
