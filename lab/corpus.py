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
import json
import math
import sys
import time
from pathlib import Path

import duckdb

from pipeline import settings
from pipeline.literals import sql_string

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
    connection.execute(
        """
        create table corpus_aliases as select alias, entity_id, note from alias_rows order by entity_id, alias_number;
        create table company_alias as
            select cast(substr(entity_id, 14) as integer) as company, alias_number, alias
            from alias_rows where entity_id like 'corpus_cloud_%';
        create table market_alias as
            select cast(substr(entity_id, 15) as integer) as market, alias_number, alias
            from alias_rows where entity_id like 'corpus_market_%';
        """
    )
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
    """The figures of documents [first_document, first_document + documents), in seed columns plus
    `fault` (NULL for a good row). The corpus stops at total_figures rows: its last document may
    be short."""
    f = FIGURES_PER_DOCUMENT
    company_list = ", ".join(f"'{metric}'" for metric in COMPANY_METRICS)
    market_count = len(REGIONS) * len(SEGMENTS)
    months = ", ".join(f"'{month}'" for month in MONTHS)
    products = ", ".join(f"'{product}'" for product in PRODUCTS)
    faults = ", ".join(f"'{fault}'" for fault in FAULTS)
    return f"""
with

documents as (
    select
        document,
        'corpus_{seed}_doc_' || lpad(cast(document as varchar), 8, '0') as source_id,
        least({f}, {total_figures} - document * {f}) as figure_count,
        cast(hash({seed}, 'first company', document) % {companies} as bigint) as company_0,
        cast(hash({seed}, 'market', document) % {market_count} as bigint) as market,
        cast(hash({seed}, 'first cell', document) % {CELLS} as bigint) as first_cell
    from range({first_document}, {first_document + documents}) as documents(document)
),

with_second_company as (
    select
        *,
        (company_0 + 1 + cast(hash({seed}, 'second company', document) % {max(companies - 1, 1)} as bigint))
            % {companies} as company_1
    from documents
),

slots as (
    select
        documents.*,
        slot,
        cast(hash({seed}, 'form', document, slot) % 1000000 as bigint) as form_hash,
        cast(hash({seed}, 'fault', document, slot) % 1000000 as bigint) as fault_hash,
        -- slots 1 and 2 are the two ends of a price-cut range when the document has room for both
        case
            when slot = 0 then 'ai_model_count'
            when slot in (1, 2) and figure_count >= 3 then 'price_range'
            when slot = 1 then 'price_bound'
            else 'cell'
        end as slot_kind,
        (first_cell + (slot - 3) * {CELL_STRIDE}) % {CELLS} as cell
    from with_second_company as documents
    cross join range({f}) as slots(slot)
    where slot < figure_count
),

cells as (
    select
        *,
        case when cell < {COMPANY_CELLS} then 'company' else 'market' end as entity_kind,
        case
            when cell < {COMPANY_CELLS} and cell // {len(COMPANY_METRICS) * YEARS} = 0 then company_0
            when cell < {COMPANY_CELLS} then company_1
            else market
        end as entity_number,
        case
            when cell < {COMPANY_CELLS} then [{company_list}][(cell % {len(COMPANY_METRICS) * YEARS}) // {YEARS} + 1]
            else ['market_size', 'market_yoy_growth'][(cell - {COMPANY_CELLS}) // {YEARS} + 1]
        end as cell_metric,
        {FIRST_YEAR} + cell % {YEARS} as year
    from slots
),

truths as (
    -- the universe's true figures: functions of (entity, metric, year) only, never of the document
    select
        *,
        20000 + hash('revenue', entity_number, year) % 60000 as revenue_millions,
        20000 + hash('revenue', entity_number, year - 1) % 60000 as prior_revenue_millions,
        40 + hash('public cloud share', entity_number, year) % 21 as public_cloud_percent,
        1000 + hash('net loss', entity_number, year) % 14000 as net_loss_millions,
        800 + hash('rd expense', entity_number, year) % 7200 as rd_expense_millions,
        1000 + hash('cash', entity_number, year) % 49000 as cash_millions,
        200 + hash('cdn nodes', entity_number, year) % 4800 as cdn_nodes,
        500 + hash('market size', entity_number, year) % 49500 as market_size_hundred_millions,
        -100 + cast(hash('market growth', entity_number, year) % 700 as integer) as market_growth_per_mille,
        100 + hash('ai models', entity_number) % 900 as ai_models,
        15 + hash('shallowest cut', document) % 20 as shallowest_cut_percent,
        40 + hash('deepest cut', document) % 51 as deepest_cut_percent,
        cast(hash({seed}, 'price cut', document) % 1000000 as bigint) as price_hash
    from cells
),

amounts as (
    select
        *,
        case cell_metric
            when 'revenue' then revenue_millions
            when 'public_cloud_revenue' then round(revenue_millions * public_cloud_percent / 100)
            when 'industry_cloud_revenue' then revenue_millions - round(revenue_millions * public_cloud_percent / 100)
            when 'net_loss' then net_loss_millions
            when 'rd_expense' then rd_expense_millions
            when 'cash_and_equivalents' then cash_millions
        end as amount_millions,
        revenue_millions / prior_revenue_millions - 1 as revenue_growth
    from truths
),

written as (
    select
        amounts.*,
        fx.cny_per_usd,
        cast(form_hash % 6 as integer) as form,
        case
            when slot_kind = 'ai_model_count' then 'ai_model_count'
            when slot_kind in ('price_range', 'price_bound') then 'price_change'
            else cell_metric
        end as metric_id,
        coalesce(company_alias.alias, market_alias.alias) as subject
    from amounts
    left join fx
        on amounts.year = fx.year
    left join company_alias
        on slot_kind <> 'ai_model_count'
        and (slot_kind <> 'cell' or entity_kind = 'company')
        and company_alias.company = case when slot_kind = 'cell' then entity_number else company_0 end
        and company_alias.alias_number = case when slot_kind = 'cell' then form_hash else price_hash end % 3
    left join market_alias
        on (slot_kind = 'ai_model_count' or (slot_kind = 'cell' and entity_kind = 'market'))
        and market_alias.market = amounts.market
        and market_alias.alias_number = form_hash % 2
),

valued as (
    select
        *,
        case
            when metric_id = 'ai_model_count' then 'so far'
            when metric_id = 'price_change'
                then [{months}][1 + price_hash % 12] || ' ' || ({FIRST_YEAR} + price_hash % {YEARS})
            when metric_id = 'cash_and_equivalents' then 'end of ' || year
            else cast(year as varchar)
        end as period,
        case
            when metric_id = 'price_change' then [{products}][1 + document % {len(PRODUCTS)}]
            else ''
        end as item,
        case
            when metric_id = 'price_change' and slot_kind = 'price_range'
                then shallowest_cut_percent || '% to ' || deepest_cut_percent || '%'
            when metric_id = 'price_change' then 'up to ' || deepest_cut_percent || '%'
            when metric_id = 'ai_model_count' then 'over ' || format('{{:,}}', ai_models)
            -- segments and revenue: always exact, in CNY, so they add up
            when metric_id in ('revenue', 'public_cloud_revenue', 'industry_cloud_revenue') then
                case form % 3
                    when 0 then printf('%.3f billion yuan', amount_millions / 1000)
                    when 1 then printf('¥%.3f billion', amount_millions / 1000)
                    else 'RMB ' || format('{{:,}}', cast(amount_millions as bigint)) || ' million'
                end
            when metric_id in ('net_loss', 'rd_expense', 'cash_and_equivalents') then
                case form
                    when 0 then printf('%.3f billion yuan', amount_millions / 1000)
                    when 1 then '¥' || format('{{:,}}', cast(amount_millions as bigint)) || ' million'
                    when 2 then printf('about %.1f billion yuan', amount_millions / 1000)
                    when 3 then printf('over %.1f billion yuan', floor(amount_millions / 100) / 10)
                    when 4 then printf('nearly %.1f billion yuan', ceil(amount_millions / 100) / 10)
                    else printf('US$%.2f billion', amount_millions / 1000 / cny_per_usd)
                end
            when metric_id = 'revenue_yoy_growth' then printf('%.2f%%', abs(revenue_growth) * 100)
            when metric_id = 'cdn_node_count' then
                case form % 3
                    when 0 then format('{{:,}}', cdn_nodes)
                    when 1 then 'over ' || format('{{:,}}', cdn_nodes // 100 * 100)
                    else 'more than ' || format('{{:,}}', cdn_nodes // 100 * 100)
                end
            when metric_id = 'market_size' then
                case form % 3
                    when 0 then printf('%.1f billion yuan', market_size_hundred_millions / 10)
                    when 1 then 'RMB ' || format('{{:,.1f}}', market_size_hundred_millions / 10) || ' billion'
                    else printf('$%.2f billion', market_size_hundred_millions / 10 / cny_per_usd)
                end
            when metric_id = 'market_yoy_growth' then printf('%.1f%%', abs(market_growth_per_mille) / 10)
        end as value,
        case
            when metric_id = 'price_change' then ['price cuts', 'discounts'][1 + price_hash % 2]
            when metric_id = 'revenue_yoy_growth' and revenue_growth < 0 then ['decrease', 'decline'][1 + form % 2]
            when metric_id = 'revenue_yoy_growth' then ['increase', 'growth'][1 + form % 2]
            when metric_id = 'market_yoy_growth' and market_growth_per_mille < 0 then 'decline'
            when metric_id = 'market_yoy_growth' then 'growth'
            else ''
        end as direction,
        case metric_id
            when 'revenue' then ['revenue', 'total revenue', 'operating revenue'][1 + form % 3]
            when 'revenue_yoy_growth' then 'revenue year on year'
            when 'net_loss' then ['net loss', 'loss'][1 + form % 2]
            when 'rd_expense' then ['R&D expenditures', 'research and development spending'][1 + form % 2]
            when 'public_cloud_revenue' then 'revenue from public cloud services'
            when 'industry_cloud_revenue' then 'revenue from industry cloud'
            when 'cash_and_equivalents' then 'cash and cash equivalents'
            when 'cdn_node_count' then ['CDN nodes', 'global nodes'][1 + form % 2]
            when 'market_size' then 'market size'
            when 'market_yoy_growth' then 'year-on-year growth'
            when 'ai_model_count' then 'AI mega models released'
            when 'price_change' then 'prices'
        end as metric_words
    from written
),

faulted as (
    select
        *,
        -- never a range end: a bad end would take its good partner down with it
        case
            when slot_kind <> 'price_range' and fault_hash % 1000 < {bad}
                then [{faults}][1 + (fault_hash // 1000) % {len(FAULTS)}]
        end as fault
    from valued
),

final as (
    select
        source_id || '_f' || lpad(cast(slot as varchar), 2, '0') as figure_id,
        source_id,
        cast(1 + slot // 4 as integer) as paragraph_number,
        case when fault = 'unknown_subject' then 'an unnamed cloud vendor' else subject end as subject_as_written,
        item as item_as_written,
        metric_id,
        metric_words as metric_as_written,
        case when fault = 'period_does_not_parse' then 'circa ' || period else period end as period_as_written,
        case
            when fault = 'value_does_not_parse' then 'several ' || value
            when fault = 'unit_does_not_fit'
                and metric_id in ('revenue_yoy_growth', 'market_yoy_growth', 'price_change')
                then '3.5 billion yuan'
            when fault = 'unit_does_not_fit' then '12.5%'
            else value
        end as value_as_written,
        case when slot_kind = 'price_range' then ['first', 'second'][slot] else '' end as range_position,
        case when fault = 'unknown_direction' then 'sideways' else direction end as direction_as_written,
        fault,
        document,
        form_hash
    from faulted
)

select
    figure_id,
    source_id,
    paragraph_number,
    subject_as_written,
    item_as_written,
    metric_id,
    metric_as_written,
    period_as_written,
    value_as_written,
    range_position,
    direction_as_written,
    case
        when metric_id = 'price_change'
            then 'In ' || period_as_written || ', ' || subject_as_written || ' announced ' || direction_as_written
                || ' of ' || value_as_written || ' on its ' || item_as_written || ' ' || metric_as_written || '.'
        when direction_as_written <> ''
            then 'In ' || period_as_written || ', ' || subject_as_written || '''s ' || metric_as_written
                || ' showed '
                || case direction_as_written when 'growth' then '' when 'increase' then 'an ' else 'a ' end
                || direction_as_written || ' of ' || value_as_written || '.'
        when metric_id = 'ai_model_count'
            then 'There are ' || value_as_written || ' ' || metric_as_written || ' in the '
                || subject_as_written || ' ' || period_as_written || '.'
        when metric_id = 'cdn_node_count'
            then 'In ' || period_as_written || ', ' || subject_as_written || ' had ' || value_as_written || ' '
                || metric_as_written || '.'
        else 'In ' || period_as_written || ', ' || subject_as_written || '''s ' || metric_as_written
            || ' was ' || value_as_written || '.'
    end as quote,
    fault
from final
order by document, figure_id
"""


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
    text = (Path(__file__).parent / "sql" / "corpus_pad_quotes.sql").read_text(encoding="utf-8")
    return text.replace("{{ quote_chars }}", str(int(quote_chars)))


def simple_sources_sql(seed: int, first_document: int, documents: int, companies: int) -> str:
    return f"""
select
    'corpus_{seed}_doc_' || lpad(cast(documents.document as varchar), 8, '0') as source_id,
    company_alias.alias || ': results, cloud prices and market' as title,
    cast(date '2024-01-01' + cast(hash({seed}, 'published', documents.document) % 700 as integer) as date)
        as published_date,
    'en' as language,
    cast(null as varchar) as text_path,
    'Generated corpus' as section
from range({first_document}, {first_document + documents}) as documents(document)
inner join company_alias
    on company_alias.company = hash({seed}, 'first company', documents.document) % {companies}
    and company_alias.alias_number = 0
order by documents.document
"""


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
