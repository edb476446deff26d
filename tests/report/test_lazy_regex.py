"""reportlab's URL pattern, compiled on first use, matches as the compiled one does."""

from __future__ import annotations

import re

from app.templates.report.lazy_regex import LazyPattern, import_platypus


def test_lazy_pattern_answers_as_the_compiled_pattern() -> None:
    import_platypus()
    import reportlab.platypus.paragraph as paragraph

    pattern = paragraph.uri_pat
    if isinstance(pattern, LazyPattern):  # imported through import_platypus first
        compiled = re.compile(pattern._pattern, pattern._flags)
    else:
        compiled = pattern
    for uri in ("https://stockholm.se/äldreomsorg/rapport", "ftp://10.0.0.1:21/x", "inte en länk"):
        lazy, real = pattern.match(uri), compiled.match(uri)
        assert (lazy is None) == (real is None)
        if real is not None:
            assert lazy.groups() == real.groups()
    assert paragraph._uri_split_pairs("https://example.com/a/b")[0] == (
        "https://example.com/a/", "b")
    assert re.compile.__module__ == "re"  # the stdlib function is back in place
