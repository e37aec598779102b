"""Security primitives with no domain knowledge: hashing, signing, tokens, headers."""
