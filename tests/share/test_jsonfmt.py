"""The manifest writer gives exactly json.dumps(indent=1, sort_keys=True)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.share.jsonfmt import dumps_indent1_sorted

_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
            | st.text(max_size=20))
_JSON = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8),
                                                                       children, max_size=4),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert dumps_indent1_sorted(value) == json.dumps(value, indent=1, sort_keys=True)


def test_other_keys_and_types_fall_back_to_json_dumps() -> None:
    value = {"a": {1: "x", 2: [1.5, float("inf")]}, "b": (1, 2), "é": "ö\u2028"}
    assert dumps_indent1_sorted(value) == json.dumps(value, indent=1, sort_keys=True)
