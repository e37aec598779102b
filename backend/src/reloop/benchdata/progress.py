"""How the seeder reports progress: `(what, done, total)`, total 0 when it has none."""

from collections.abc import Callable

Progress = Callable[[str, int, int], None]
