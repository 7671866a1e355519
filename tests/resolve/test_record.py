"""The merged record's fields, from member records built by hand."""
from types import SimpleNamespace

import pytest

from claimwatch.resolve import record


@pytest.mark.parametrize("flags, merged", [
    ([None, False, True], True),   # one report that says the bomber blew himself up settles it
    ([None, False], False),        # another says the attacker was caught
    ([None, None], None),
])
def test_record_suicide_merges_members(flags, merged):
    members = [SimpleNamespace(record={"suicide": flag}) for flag in flags]
    assert record._suicide(members) is merged
