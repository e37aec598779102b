"""The two members and taxonomy choices of the social tests, for the cross-domain lists."""

from tests.social.conftest import ana, ben, choice

__all__ = ["ana", "ben", "choice"]
