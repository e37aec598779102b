"""The cart: a Redis hash per member, validated against the listings on every read."""
