"""Each chain of the grammar is written once: models and macros call the macro that holds it.

Reads the SQL of models/ and macros/; needs no build.
"""

from __future__ import annotations

import re

from pipeline import settings

# The macros that read a period as written, in the order the chain applies them: only
# period_value_ctes (macros/grammar/period_grammar.sql) calls them, so figures, claims and mentions
# read periods through the same CTEs.
PERIOD_CHAIN = ("period_part_values",)
HOLDER = "period_value_ctes"


def calls(text: str, macro: str) -> int:
    return len(re.findall(r"\{\{-?\s*" + macro + r"\(", text))


def holder_body(text: str) -> str:
    start = text.index("{% macro " + HOLDER + "(")
    return text[start : text.index("{%- endmacro %}", start)]


def test_the_period_chain_is_called_only_by_its_holder_macro() -> None:
    elsewhere = []
    for folder in ("models", "macros"):
        for path in sorted((settings.ROOT / folder).rglob("*.sql")):
            text = path.read_text(encoding="utf-8")
            if f"{{% macro {HOLDER}(" in text:
                body = holder_body(text)
                assert [calls(body, macro) for macro in PERIOD_CHAIN] == [1], (
                    f"{HOLDER} calls each of {PERIOD_CHAIN} once"
                )
                text = text.replace(body, "")
            for macro in PERIOD_CHAIN:
                if calls(text, macro):
                    elsewhere.append(f"{path.relative_to(settings.ROOT)} calls {macro}()")
    assert not elsewhere, "the period chain is written again outside " + HOLDER + ": " + "; ".join(elsewhere)
