from tests.social.conftest import ana, ben, choice  # noqa: F401  (shared fixtures)
