"""Reloop: a social marketplace for second-hand goods."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("reloop")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"
