"""Generate a corpus of documents' figures as written, to land under a landing folder.

    python -m lab.corpus --figures 1000000 --seed 7 --out landing --format parquet

Writes, in the as-written columns of the seeds (see macros/landing.sql):
    OUT/figures/batch_NNNNNN.<format>          the figures, whole documents per file
    OUT/sources/batch_NNNNNN.<format>          the documents of the same batch
    OUT/entities/batch_000000.<format>         the generated companies and markets (not with --no-registry)
    OUT/entity_aliases/batch_000000.<format>   every name they are written under (not with --no-registry)
    OUT/_expected_rejections.csv               the rows made bad on purpose, and how
    OUT/_corpus.json                           the parameters and counts

Documents are 50 figures long. Each names two companies and one market of a fixed universe of
generated entities (the universe depends on --companies only, not on the seed, so a corpus made
with another seed can be added to it with --no-registry). The true figures of the universe are
fixed too: every document that states a company's revenue for a year states the same amount, in
one of several ways of writing it (scale words, currency symbols or codes, qualifiers, USD at the
year's reference rate, ranges for price cuts). Segments add up to revenue, growth agrees with the
revenue of consecutive years, and every value passes the expectations (gx/expectations/*.yml).
About one row in a thousand (--bad-per-mille) is made bad on purpose in one of five ways the
warehouse must reject: a value that does not parse, a subject that names no entity, a period that
does not parse, a unit that does not fit the metric, a direction word nobody knows.

Everything is computed inside DuckDB from hashes of (seed, document, slot), so the same arguments
always write the same files. On 2 cores 10^6 figures took 29 s; 10^7 (ten times the companies) took
32 minutes with other jobs running beside it.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import math
import sys
import time
from pathlib import Path

import duckdb
import jinja2

from pipeline import settings
from pipeline.literals import sql_string

SQL_DIR = settings.ROOT / "lab" / "sql"
FIGURES_PER_DOCUMENT = 50
FIRST_YEAR, LAST_YEAR = 2018, 2023
YEARS = LAST_YEAR - FIRST_YEAR + 1

# Generated company names: [district] + first syllable + second syllable + "Cloud"; each alias also
# has a literal English translation of the syllables, as the article's "Golden Mountain Cloud".
# No combination spells a name the curated seeds use.
FIRST_SYLLABLES = [
    ("Lan", "Blue"), ("Bai", "White"), ("Qing", "Azure"), ("Hong", "Red"), ("Zi", "Purple"),
    ("Xing", "Star"), ("Hai", "Sea"), ("Song", "Pine"), ("Feng", "Wind"), ("Ming", "Bright"),
    ("Jia", "Fine"), ("Rui", "Auspicious"), ("Yu", "Jade"), ("Chen", "Dawn"), ("Ling", "Spirit"),
    ("Tao", "Wave"), ("Kang", "Health"), ("Lin", "Forest"), ("He", "River"), ("Shu", "Tree"),
    ("Guang", "Light"), ("Mei", "Plum"), ("Yang", "Sun"), ("An", "Peace"), ("Ning", "Serene"),
]  # fmt: skip
SECOND_SYLLABLES = [
    ("hu", "Lake"), ("jiang", "Stream"), ("feng", "Peak"), ("men", "Gate"), ("gu", "Valley"),
    ("dao", "Island"), ("zhou", "Isle"), ("cheng", "Wall"), ("qiao", "Bridge"), ("yuan", "Garden"),
    ("quan", "Spring"), ("xi", "Brook"), ("ge", "Pavilion"), ("tang", "Hall"), ("lou", "Tower"),
    ("yan", "Rock"), ("sha", "Sand"), ("shi", "Stone"), ("tian", "Field"), ("ye", "Leaf"),
    ("yue", "Moon"), ("xue", "Snow"), ("lei", "Thunder"), ("hua", "Flower"),
]  # fmt: skip
DISTRICTS = [
    "", "North", "South", "East", "West", "Central", "Pacific", "Coastal", "Highland", "Delta",
    "Silk Road", "Harbour", "Summit", "Metro", "Frontier", "Orient", "Crystal", "Grand", "New", "United",
]  # fmt: skip
MAX_COMPANIES = len(FIRST_SYLLABLES) * len(SECOND_SYLLABLES) * len(DISTRICTS)

REGIONS = [
    "Southeast Asia", "Middle East", "Latin America", "Central Asia", "East Africa", "Western Europe",
    "Nordic", "North Africa", "South Asia", "Oceania", "Eastern Europe", "Caribbean",
]  # fmt: skip
SEGMENTS = ["public cloud", "private cloud", "cloud storage", "edge computing"]

# Company metrics, in the order the document's cell numbers use.
COMPANY_METRICS = [
    "revenue", "revenue_yoy_growth", "net_loss", "rd_expense", "public_cloud_revenue",
    "industry_cloud_revenue", "cash_and_equivalents", "cdn_node_count",
]  # fmt: skip
MARKET_METRICS = ["market_size", "market_yoy_growth"]
COMPANY_CELLS = 2 * len(COMPANY_METRICS) * YEARS  # two companies per document
CELLS = COMPANY_CELLS + len(MARKET_METRICS) * YEARS
CELL_STRIDE = 41  # coprime with CELLS, so a document's slots name distinct cells
PRODUCTS = ["storage product", "core product", "CDN", "Redis"]
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
FAULTS = ["value_does_not_parse", "unknown_subject", "period_does_not_parse", "unit_does_not_fit", "unknown_direction"]


@functools.cache
def templates() -> jinja2.Environment:
    """The corpus's SQL templates (lab/sql/corpus_*.sql); `sql_list` writes a list of strings as SQL literals."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SQL_DIR), undefined=jinja2.StrictUndefined, autoescape=False
    )
    environment.filters["sql_list"] = lambda values: ", ".join(sql_string(value) for value in values)
    return environment


def render(template: str, **parameters: object) -> str:
    """A corpus template rendered with `parameters` and the constants of the generated universe."""
    universe = {
        "figures_per_document": FIGURES_PER_DOCUMENT,
        "market_count": len(REGIONS) * len(SEGMENTS),
        "cells": CELLS,
        "cell_stride": CELL_STRIDE,
        "company_cells": COMPANY_CELLS,
        "company_metrics": COMPANY_METRICS,
        "market_metrics": MARKET_METRICS,
        "years": YEARS,
        "first_year": FIRST_YEAR,
        "months": MONTHS,
        "products": PRODUCTS,
        "faults": FAULTS,
    }
    return templates().get_template(template).render(**universe, **parameters)


def company_names(count: int) -> list[dict]:
    """The first `count` companies of the universe, with their aliases."""
    if count > MAX_COMPANIES:
        raise ValueError(f"--companies is at most {MAX_COMPANIES:,}")
    companies = []
    for index in range(count):
        first = FIRST_SYLLABLES[index % len(FIRST_SYLLABLES)]
        second = SECOND_SYLLABLES[(index // len(FIRST_SYLLABLES)) % len(SECOND_SYLLABLES)]
        district = DISTRICTS[index // (len(FIRST_SYLLABLES) * len(SECOND_SYLLABLES))]
        prefix = f"{district} " if district else ""
        name = f"{prefix}{first[0]}{second[0]} Cloud"
        companies.append(
            {
                "entity_id": f"corpus_cloud_{index:05d}",
                "name": name,
                "aliases": [name, f"{name} Holdings", f"{prefix}{first[1]} {second[1]} Cloud"],
            }
        )
    return companies


def market_names() -> list[dict]:
    markets = []
    for index, (region, segment) in enumerate((r, s) for r in REGIONS for s in SEGMENTS):
        name = f"{region} {segment} market"
        markets.append(
            {
                "entity_id": f"corpus_market_{index:03d}",
                "name": name,
                "aliases": [name, f"{region}'s {segment} services"],
            }
        )
    return markets


def registry_tables(connection, companies: int) -> None:
    """Entities and aliases of the universe as tables corpus_entities and corpus_aliases, plus the
    lookup tables the figures query joins (company_alias, market_alias, fx)."""
    rows, alias_rows = [], []
    for kind, entities, description in [
        ("cloud_provider", company_names(companies), "Cloud provider of the generated corpus."),
        ("market", market_names(), "Market of the generated corpus."),
    ]:
        for entity in entities:
            rows.append((entity["entity_id"], entity["name"], kind, None, description))
            for number, alias in enumerate(entity["aliases"]):
                alias_rows.append((alias, entity["entity_id"], number, f"Generated alias {number + 1}."))
    keys = [alias.lower() for alias, *_ in alias_rows]
    if len(set(keys)) != len(keys):
        raise AssertionError("generated aliases are not unique")
    connection.execute(
        "create table corpus_entities (entity_id varchar, entity_name varchar, entity_type varchar, "
        "parent_entity_id varchar, description varchar)"
    )
    connection.executemany("insert into corpus_entities values (?, ?, ?, ?, ?)", rows)
    connection.execute("create table alias_rows (alias varchar, entity_id varchar, alias_number integer, note varchar)")
    connection.executemany("insert into alias_rows values (?, ?, ?, ?)", alias_rows)
    connection.execute((SQL_DIR / "corpus_registry.sql").read_text(encoding="utf-8"))
    rates = settings.ROOT / "seeds" / "reference" / "reference_fx_rates.csv"
    with rates.open(encoding="utf-8") as handle:
        fx = [
            (int(row["year"]), float(row["units_per_usd"]))
            for row in csv.DictReader(handle)
            if row["currency_code"] == "CNY"
        ]
    connection.execute("create table fx (year integer, cny_per_usd double)")
    connection.executemany("insert into fx values (?, ?)", fx)


def figures_sql(seed: int, first_document: int, documents: int, total_figures: int, companies: int, bad: int) -> str:
    """The figures of documents [first_document, first_document + documents) (lab/sql/corpus_figures.sql)."""
    return render(
        "corpus_figures.sql",
        seed=seed,
        first_document=first_document,
        documents=documents,
        total_figures=total_figures,
        companies=companies,
        bad_per_mille=bad,
    )


def copy(connection, query: str, path: Path, file_format: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    options = "(format parquet, compression zstd)" if file_format == "parquet" else "(format csv, header true)"
    connection.execute(f"copy ({query}) to {sql_string(str(path))} {options}")


def generate(
    figures: int,
    seed: int,
    out: Path,
    file_format: str = "parquet",
    companies: int | None = None,
    batch_figures: int = 1_000_000,
    bad_per_mille: int = 1,
    registry: bool = True,
    progress=print,
    quote_chars: int = 0,
) -> dict:
    """Write the corpus; return what _corpus.json records."""
    if figures < 1:
        raise ValueError("--figures must be at least 1")
    companies = companies or default_companies(figures)
    documents = math.ceil(figures / FIGURES_PER_DOCUMENT)
    documents_per_batch = max(1, batch_figures // FIGURES_PER_DOCUMENT)
    connection = duckdb.connect()
    registry_tables(connection, companies)
    started = time.perf_counter()
    rejections = []
    batches = math.ceil(documents / documents_per_batch)
    for batch in range(batches):
        first = batch * documents_per_batch
        count = min(documents_per_batch, documents - first)
        name = f"batch_{batch:06d}.{file_format}"
        query = figures_sql(seed, first, count, figures, companies, bad_per_mille)
        connection.execute(f"create or replace temp table batch as {query}")
        if quote_chars:
            connection.execute(pad_quotes_sql(quote_chars))
        copy(connection, "select * exclude (fault) from batch", out / "figures" / name, file_format)
        rejections += connection.execute(
            "select figure_id, source_id, fault from batch where fault is not null order by figure_id"
        ).fetchall()
        copy(connection, simple_sources_sql(seed, first, count, companies), out / "sources" / name, file_format)
        progress(f"  batch {batch + 1}/{batches}: {count:,} documents ({time.perf_counter() - started:.1f} s)")
    connection.execute("drop table if exists batch")
    if registry:
        copy(connection, "select * from corpus_entities", out / "entities" / f"batch_000000.{file_format}", file_format)
        copy(
            connection,
            "select * from corpus_aliases",
            out / "entity_aliases" / f"batch_000000.{file_format}",
            file_format,
        )
    with (out / "_expected_rejections.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["figure_id", "source_id", "fault"])
        writer.writerows(rejections)
    summary = {
        "figures": figures,
        "documents": documents,
        "seed": seed,
        "companies": companies,
        "format": file_format,
        "batches": batches,
        "bad_rows": len(rejections),
        "registry": registry,
        "quote_chars": quote_chars,
        "seconds": round(time.perf_counter() - started, 1),
    }
    (out / "_corpus.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def pad_quotes_sql(quote_chars: int) -> str:
    """Lengthen the batch's quotes to about `quote_chars` characters (lab/sql/corpus_pad_quotes.sql)."""
    return render("corpus_pad_quotes.sql", quote_chars=int(quote_chars))


def simple_sources_sql(seed: int, first_document: int, documents: int, companies: int) -> str:
    """The documents of the same range (lab/sql/corpus_sources.sql)."""
    return render(
        "corpus_sources.sql", seed=seed, first_document=first_document, documents=documents, companies=companies
    )


def default_companies(figures: int) -> int:
    """About a thousand figures per company, at least 50, at most the universe."""
    return min(MAX_COMPANIES, max(50, figures // 1000))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lab.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--figures", type=int, required=True, help="number of figure rows to write")
    parser.add_argument("--seed", type=int, default=1, help="picks the documents (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="landing folder to write into")
    parser.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    parser.add_argument("--companies", type=int, help="size of the company universe (default figures/1000, >= 50)")
    parser.add_argument("--batch-figures", type=int, default=1_000_000, help="figures per file (default 1,000,000)")
    parser.add_argument("--bad-per-mille", type=int, default=1, help="rows in a thousand made bad (default 1)")
    parser.add_argument(
        "--no-registry", action="store_true", help="write no entities or aliases (to add to a corpus that has them)"
    )
    parser.add_argument(
        "--quote-chars",
        type=int,
        default=0,
        help="lengthen each quote to about this many characters with words of news prose (the article's: ~170)",
    )
    arguments = parser.parse_args(argv)
    print(f"writing {arguments.figures:,} figures to {arguments.out}", flush=True)
    summary = generate(
        arguments.figures,
        arguments.seed,
        arguments.out,
        arguments.format,
        arguments.companies,
        arguments.batch_figures,
        arguments.bad_per_mille,
        not arguments.no_registry,
        progress=lambda line: print(line, flush=True),
        quote_chars=arguments.quote_chars,
    )
    print(
        f"{summary['figures']:,} figures in {summary['documents']:,} documents, {summary['bad_rows']:,} bad on purpose "
        f"(listed in _expected_rejections.csv), {summary['companies']:,} companies; {summary['seconds']} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
