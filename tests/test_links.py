"""Records' page addresses are exactly what reverse() gives, for a fraction of its cost."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from positions.reading.links import record_url

CASES = [
    ("party-detail", "slug", "russia"),
    ("topic-detail", "slug", "ukraine-nato_membership-2"),
    ("person-detail", "slug", "Zoe-9"),
    ("position-detail", "pk", 7),
    ("source-detail", "pk", 123456789012345678),
]


@pytest.mark.parametrize("view_name, kwarg, value", CASES)
def test_record_addresses_are_those_reverse_gives(view_name, kwarg, value):
    assert record_url(view_name, kwarg, value) == reverse(view_name, kwargs={kwarg: value})
    # Asked again, from the reversal kept for the pattern.
    assert record_url(view_name, kwarg, value) == reverse(view_name, kwargs={kwarg: value})


@pytest.mark.parametrize(
    "view_name, kwarg, value",
    [
        ("party-detail", "slug", "two words"),
        ("party-detail", "slug", "a/b"),
        ("position-detail", "pk", -1),
        ("position-detail", "pk", None),
    ],
)
def test_a_value_the_address_cannot_hold_is_refused_as_reverse_refuses_it(view_name, kwarg, value):
    with pytest.raises(NoReverseMatch):
        record_url(view_name, kwarg, value)


def test_addresses_follow_the_prefix_the_site_is_mounted_under():
    set_script_prefix("/standpoint/")
    try:
        assert record_url("party-detail", "slug", "russia") == "/standpoint/parties/russia/"
    finally:
        set_script_prefix("/")
    assert record_url("party-detail", "slug", "russia") == "/parties/russia/"
