"""The figures a page shows, the numbers made from them, and how numbers are written.

A Number is what a reader hovers or clicks: its text, and the figures (quote, id, source) it comes
from. Amounts are written with the currency code of the data (`HKD 8.8 bn`), never a symbol.
"""

from __future__ import annotations

from dataclasses import dataclass

from reports.dashboard import charts

ID_SEPARATOR = ", "  # how the marts list several figure ids in one column
QUALIFIER_MARKS = {"approx": "~", "lower_bound": "≥", "upper_bound": "≤"}
SCALE_ABBREVIATIONS = {"trillion": "tn", "billion": "bn", "million": "mn", "thousand": "k"}


@dataclass(frozen=True)
class Figure:
    """One row of fct_figures, as figures.sql reads it."""

    figure_id: str
    source_id: str
    source_title: str
    is_curated_source: bool
    entity_id: str
    entity_name: str
    metric_id: str
    metric_name: str
    unit_kind: str
    period_label: str
    period_type: str
    period_start_date: object
    fiscal_year: int | None
    qualifier: str
    value: float
    unit: str
    per_unit: str | None
    is_forecast: bool
    value_as_written: str
    paragraph_number: int
    quote: str
    source_href: str = ""

    @property
    def tooltip(self) -> str:
        return f"{self.figure_id} (paragraph {self.paragraph_number}, {self.source_title}): “{self.quote}”"


@dataclass(frozen=True)
class Number:
    """A number on a page: its text, the figures it comes from (hover shows their quotes and ids),
    and, for tests, what it is (`name`) and its exact value."""

    text: str
    figures: tuple[Figure, ...] = ()
    name: str = ""
    value: float | None = None
    note: str = ""

    @property
    def is_forecast(self) -> bool:
        return any(figure.is_forecast for figure in self.figures)

    @property
    def figure_ids(self) -> str:
        return ID_SEPARATOR.join(figure.figure_id for figure in self.figures)

    @property
    def raw(self) -> str:
        return "" if self.value is None else repr(float(self.value))

    @property
    def tooltip(self) -> str:
        lines = [self.text + (" (forecast)" if self.is_forecast else "")]
        if self.note:
            lines.append(self.note)
        lines.extend(figure.tooltip for figure in self.figures)
        return "\n".join(lines)

    def datum(self, label: str, low: float | None = None, tone: str = "") -> charts.Datum:
        """This number as a chart mark, which keeps its tooltip and figure ids."""
        return charts.Datum(
            value=self.value,
            label=label,
            tooltip=self.tooltip,
            figure_ids=self.figure_ids,
            low=low,
            is_forecast=self.is_forecast,
            tone=tone,
        )


def figure_number(figure: Figure) -> Number:
    """A figure as written in its unit or currency, with its qualifier: `≥ CNY 2.8 bn`."""
    text = value_text(figure.value, figure.unit, figure.unit_kind, figure.per_unit)
    return Number(qualified(text, figure.qualifier), (figure,), figure.metric_id, figure.value)


def split_ids(text: str | None) -> list[str]:
    return [part for part in (text or "").split(ID_SEPARATOR) if part]


def scaled(value: float, divisor: float, decimals: int) -> str:
    return f"{value / divisor:,.{decimals}f}"


def short(value: float, divisor: float) -> str:
    """`2.218`, `5.36`, `971`: at most three decimals, no trailing zeros."""
    return scaled(value, divisor, 3).rstrip("0").rstrip(".")


def amount_text(value: float | None, currency: str, per_unit: str | None = None) -> str:
    """`CNY 7.047 bn`, `HKD 8.80 per share`: the currency code from the data, never a symbol."""
    if value is None:
        return ""
    divisor, word = charts.value_scale([value])
    number = short(value, divisor) + " " + SCALE_ABBREVIATIONS[word] if word else scaled(value, 1, 2)
    return f"{currency} {number}" + (f" per {per_unit}" if per_unit else "")


def percent_text(value: float | None) -> str:
    return "" if value is None else f"{value * 100:,.2f}%"


def value_text(value: float | None, unit: str, unit_kind: str, per_unit: str | None = None) -> str:
    """A value in its unit: an amount with its currency, a ratio as a percentage, a count."""
    if value is None:
        return ""
    if unit_kind == "currency":
        return amount_text(value, unit, per_unit)
    per = f" per {per_unit}" if per_unit else ""
    if unit == "ratio":
        return percent_text(value) + per
    if unit == "count":
        return f"{value:,.0f}{per}"
    return f"{value:,.4g} {unit.replace('_', ' ')}{per}"


def qualified(text: str, qualifier: str | None) -> str:
    mark = QUALIFIER_MARKS.get(qualifier or "", "")
    return f"{mark} {text}" if mark and text else text


def amount_axis(currency: str, values: list[float], per_unit: str | None = None) -> tuple[float, str]:
    """The divisor of an axis of amounts and its label from the data's currency: (1e9, 'billion HKD')."""
    divisor, word = charts.value_scale(values)
    label = f"{word} {currency}" if word else currency
    return divisor, label + (f" per {per_unit}" if per_unit else "")


def bar_label(high: float, low: float | None, divisor: float, unit: str, qualifier: str | None) -> str:
    """The short text beside a bar, in the axis's scale: `≤ 500`, `200 to 300`, `15.9%`."""

    def one(value: float) -> str:
        if unit == "ratio":
            return f"{value * 100:,.2f}".rstrip("0").rstrip(".") + "%"
        return short(value, divisor)

    return one(low) + " to " + one(high) if low is not None else qualified(one(high), qualifier)
