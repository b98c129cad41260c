"""The editors' desk: the Django admin, arranged for recording positions."""

from positions.admin import people_and_parties, positions, sources  # noqa: F401
