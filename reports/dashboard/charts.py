"""Chart geometry for the dashboard: where each bar, point, tick and label goes, in SVG pixels.

This module only computes positions; reports/templates/dashboard/charts.html.j2 draws them. Every
mark carries the tooltip and figure ids of the number it shows, so the SVG can give it a <title>
(shown on hover) and a data-figure-ids attribute. The axis label is passed in by the caller, from
the data (its currency and unit), never chosen here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

WIDTH = 760
FONT_WIDTH = 6.6  # average width of a 12px sans-serif character, to size label margins
SCALES = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")]


@dataclass(frozen=True)
class Datum:
    """One number to draw: its value (or a low-high range), the text shown beside it and its provenance."""

    value: float
    label: str
    tooltip: str
    figure_ids: str = ""
    low: float | None = None  # a range's other end; None for a single value
    is_forecast: bool = False
    tone: str = ""  # a colour class beyond the series colour: a verdict, or positive/negative


@dataclass(frozen=True)
class Series:
    name: str
    data: dict[str, Datum]  # category -> datum
    colour: int | None = None  # a colour index shared with another series (a metric and its forecast)
    is_forecast: bool = False


@dataclass(frozen=True)
class LegendEntry:
    name: str
    colour: int
    is_forecast: bool


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    width: float
    height: float
    series_index: int
    datum: Datum
    label_x: float
    label_y: float
    label_anchor: str
    show_label: bool = True


@dataclass(frozen=True)
class Tick:
    position: float
    text: str


@dataclass(frozen=True)
class CategoryLabel:
    x: float
    y: float
    text: str
    full_text: str
    anchor: str


@dataclass
class Chart:
    """Everything the SVG template needs; `kind` is columns, bars or points."""

    kind: str
    title: str
    axis_label: str
    width: float
    height: float
    plot_left: float
    plot_top: float
    plot_right: float
    plot_bottom: float
    zero: float
    ticks: list[Tick]
    categories: list[CategoryLabel]
    marks: list[Mark]
    legend: list[LegendEntry]
    has_forecast: bool
    line: list[tuple[float, float]] = field(default_factory=list)


def nice_step(span: float, count: int = 5) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about `count` ticks over `span`."""
    if span <= 0:
        return 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * power:
            return multiple * power
    return 10 * power


def value_scale(values: list[float]) -> tuple[float, str]:
    """The divisor and word that make the largest value readable: (1e9, 'billion'), or (1, '')."""
    largest = max((abs(value) for value in values), default=0)
    for divisor, word in SCALES:
        if largest >= divisor:
            return divisor, word
    return 1.0, ""


def axis_range(values: list[float]) -> tuple[float, float, float]:
    """Low end, high end and step of a value axis that includes zero and every value."""
    low = min([0.0, *values])
    high = max([0.0, *values])
    if low == high:
        high = low + 1
    step = nice_step(high - low)
    return math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step, step


def tick_text(value: float, divisor: float, step: float, percent: bool) -> str:
    scaled = value / divisor * (100 if percent else 1)
    scaled_step = step / divisor * (100 if percent else 1)
    decimals = max(0, -math.floor(math.log10(scaled_step) + 1e-9)) if scaled_step < 1 else 0
    if scaled_step >= 1 and scaled_step != int(scaled_step):
        decimals = 1
    return f"{scaled:,.{decimals}f}"


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def all_values(series: list[Series]) -> list[float]:
    values = []
    for one in series:
        for datum in one.data.values():
            values.append(datum.value)
            if datum.low is not None:
                values.append(datum.low)
    return values


@dataclass(frozen=True)
class Axis:
    """A value axis: its low and high ends and tick step (axis_range), and how its ticks are written."""

    low: float
    high: float
    step: float
    divisor: float = 1.0
    percent: bool = False

    @classmethod
    def spanning(cls, values: list[float], divisor: float = 1.0, percent: bool = False) -> Axis:
        return cls(*axis_range(values), divisor, percent)

    def ticks(self, position: Callable[[float], float]) -> list[Tick]:
        return [
            Tick(position(value), tick_text(value, self.divisor, self.step, self.percent))
            for value in frange(self.low, self.high, self.step)
        ]


def chart(
    kind: str,
    title: str,
    axis_label: str,
    height: float,
    plot: tuple[float, float, float, float],
    axis: Axis,
    position: Callable[[float], float],
    labels: list[CategoryLabel],
    marks: list[Mark],
    legend: list[LegendEntry] | None = None,
    line: list[tuple[float, float]] | None = None,
) -> Chart:
    """A chart of `kind`, `plot` being its plot box (left, top, right, bottom) and `position` where a
    value falls on its value axis: the ticks, the zero line and whether a mark is a forecast follow."""
    left, top, right, bottom = plot
    return Chart(
        kind,
        title,
        axis_label,
        WIDTH,
        height,
        left,
        top,
        right,
        bottom,
        position(0.0),
        axis.ticks(position),
        labels,
        marks,
        legend or [],
        any(mark.datum.is_forecast for mark in marks),
        line or [],
    )


def columns(
    title: str, axis_label: str, categories: list[str], series: list[Series], divisor: float = 1.0, percent=False
) -> Chart:
    """Vertical grouped columns: one group per category (a year), one column per series (a metric)."""
    axis = Axis.spanning(all_values(series), divisor, percent)
    low, high = axis.low, axis.high
    left, top, bottom_margin = 70.0, 34.0, 46.0
    legend_height = 22.0 * math.ceil(len(series) / 3) if len(series) > 1 else 0.0
    height = 300.0 + legend_height
    right = WIDTH - 16.0
    bottom = height - bottom_margin - legend_height

    def y(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    group = (right - left) / max(1, len(categories))
    bar = min(48.0, group * 0.8 / max(1, len(series)))
    marks, labels = [], []
    for index, category in enumerate(categories):
        centre = left + group * (index + 0.5)
        labels.append(
            CategoryLabel(centre, bottom + 18, shorten(category, int(group / FONT_WIDTH)), category, "middle")
        )
        first = centre - bar * len(series) / 2
        for series_index, one in enumerate(series):
            colour = series_index if one.colour is None else one.colour
            datum = one.data.get(category)
            if datum is None:
                continue
            x = first + bar * series_index
            top_y, base_y = sorted((y(datum.value), y(datum.low if datum.low is not None else 0.0)))
            above = datum.value >= 0
            marks.append(
                Mark(
                    x + 1,
                    top_y,
                    bar - 2,
                    max(1.0, base_y - top_y),
                    colour,
                    datum,
                    x + bar / 2,
                    (top_y - 4) if above else (base_y + 12),
                    "middle",
                    len(datum.label) * FONT_WIDTH * 0.85 <= bar,
                )
            )
    legend = [
        LegendEntry(one.name, index if one.colour is None else one.colour, one.is_forecast)
        for index, one in enumerate(series)
        if len(series) > 1
    ]
    return chart("columns", title, axis_label, height, (left, top, right, bottom), axis, y, labels, marks, legend)


def bars(title: str, axis_label: str, data: list[tuple[str, Datum]], divisor: float = 1.0, percent=False) -> Chart:
    """Horizontal bars, one per category (a provider, a product), in the order given; a range is drawn
    from its low to its high end, a single value from zero."""
    values = [value for _, datum in data for value in (datum.value, datum.low) if value is not None]
    axis = Axis.spanning(values, divisor, percent)
    low, high = axis.low, axis.high
    label_chars = min(40, max((len(name) for name, _ in data), default=4))
    left, top, row = 16 + label_chars * FONT_WIDTH, 34.0, 26.0
    right = WIDTH - 90.0
    bottom = top + row * max(1, len(data))
    height = bottom + 44

    def x(value: float) -> float:
        return left + (value - low) / (high - low) * (right - left)

    marks, labels = [], []
    for index, (name, datum) in enumerate(data):
        centre = top + row * (index + 0.5)
        labels.append(CategoryLabel(left - 8, centre + 4, shorten(name, 40), name, "end"))
        start, end = sorted((x(datum.low if datum.low is not None else 0.0), x(datum.value)))
        outward = datum.value >= (datum.low if datum.low is not None else 0.0)
        marks.append(
            Mark(
                start,
                centre - row * 0.35,
                max(1.0, end - start),
                row * 0.7,
                0,
                datum,
                (end + 4) if outward else (start - 4),
                centre + 4,
                "start" if outward else "end",
            )
        )
    return chart("bars", title, axis_label, height, (left, top, right, bottom), axis, x, labels, marks)


def points(title: str, axis_label: str, data: list[tuple[str, Datum]], divisor: float = 1.0) -> Chart:
    """Points joined by a line, one per category in the order given (events in time)."""
    axis = Axis.spanning([datum.value for _, datum in data], divisor)
    low, high = axis.low, axis.high
    left, top, right = 70.0, 34.0, WIDTH - 30.0
    bottom = 250.0
    height = bottom + 50

    def y(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    slot = (right - left) / max(1, len(data))
    marks, labels, line = [], [], []
    for index, (name, datum) in enumerate(data):
        centre = left + slot * (index + 0.5)
        labels.append(CategoryLabel(centre, bottom + 18, shorten(name, int(slot / FONT_WIDTH)), name, "middle"))
        marks.append(Mark(centre, y(datum.value), 0, 0, 0, datum, centre, y(datum.value) - 10, "middle"))
        line.append((centre, y(datum.value)))
    return chart("points", title, axis_label, height, (left, top, right, bottom), axis, y, labels, marks, line=line)


def frange(low: float, high: float, step: float) -> list[float]:
    count = round((high - low) / step)
    return [low + step * index for index in range(count + 1)]
