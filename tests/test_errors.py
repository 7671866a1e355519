"""The error tree: every error has a unique code, drawn in the module docstring."""
import inspect

import pytest

from claimwatch import errors

CLASSES = [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.ClaimwatchError)]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_errors_drawn_in_docstring(cls):
    assert cls.__name__ in errors.__doc__ and (cls.code in errors.__doc__ or cls.code.endswith("00"))


def test_errors_codes_unique():
    codes = [c.code for c in CLASSES]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("cls,stage", [(errors.BadJSONL, "E1"), (errors.NotFound, "E4")])
def test_errors_message_carries_code(cls, stage):
    assert str(cls("x")).startswith(f"[{stage}")
