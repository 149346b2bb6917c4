"""The dashboard's pages: which there are, the links between them, and the numbers they show.

Company pages are built in company.py, the pages across companies in topics.py; this module holds
what they share (links, numbers with their figures) and the overview, source and claims pages.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from reports.dashboard import charts
from reports.dashboard.numbers import Figure, Number, figure_number, percent_text, qualified, split_ids
from reports.dashboard.warehouse import Data, grouped

LANDED_PAGE_SIZE = 500  # landed sources per page of the landed-sources index
MAX_PROVENANCE = 5  # figures whose quotes a number shows; the rest are counted


@dataclass
class Page:
    path: str
    template: str
    title: str
    context: dict


def slug(prefix: str, key: str) -> str:
    """A file name for a page about `key`; keys that are not plain names get a short hash."""
    if re.fullmatch(r"[A-Za-z0-9_.-]+", key):
        return f"{prefix}-{key}.html"
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-")[:40]
    return f"{prefix}-{cleaned}-{hashlib.sha1(key.encode()).hexdigest()[:8]}.html"


def landed_page(index: int) -> str:
    return "landed-sources.html" if index == 0 else f"landed-sources-{index + 1}.html"


class Site:
    """The data, grouped the way the pages read it, and the links between pages."""

    def __init__(self, data: Data, landed_page_size: int = LANDED_PAGE_SIZE):
        self.data = data
        self.landed_page_size = landed_page_size
        self.company_href = {row["company_id"]: slug("company", row["company_id"]) for row in data.companies}
        self.curated = [row for row in data.sources if row["is_curated"]]
        self.landed = [row for row in data.sources if not row["is_curated"]]
        self.source_href = {row["source_id"]: slug("source", row["source_id"]) for row in self.curated}
        for index, row in enumerate(self.landed):
            self.source_href[row["source_id"]] = landed_page(index // landed_page_size) + "#" + row["source_id"]
        self.figures = {
            figure_id: Figure(**{**figure.__dict__, "source_href": self.source_href.get(figure.source_id, "")})
            for figure_id, figure in data.figures.items()
        }
        self.figures_by_source: dict[str, list[Figure]] = defaultdict(list)
        self.sources_by_entity: dict[str, set[str]] = defaultdict(set)
        self.figures_by_entity: dict[str, list[Figure]] = defaultdict(list)
        for figure in self.figures.values():  # in the order of figures.sql: source, paragraph, id
            self.figures_by_source[figure.source_id].append(figure)
            self.sources_by_entity[figure.entity_id].add(figure.source_id)
            self.figures_by_entity[figure.entity_id].append(figure)
        self.claims_by_source = grouped(data.claims, "source_id")
        self.claims_by_entity = grouped(data.claims, "entity_id")

    # numbers -------------------------------------------------------------------------------

    def refs(self, ids: str | None) -> tuple[Figure, ...]:
        return tuple(self.figures[figure_id] for figure_id in split_ids(ids) if figure_id in self.figures)

    def number(self, value: float | None, text: str, ids: str | None, name: str, note: str = "") -> Number | None:
        """A computed or mart number, with the figures it comes from (the first MAX_PROVENANCE of them,
        the note says how many more); None when there is no value."""
        if value is None:
            return None
        figures = self.refs(ids)
        if len(figures) > MAX_PROVENANCE:
            more = f"and {len(figures) - MAX_PROVENANCE} more figures"
            note = f"{note}; {more}" if note else more
        return Number(text, figures[:MAX_PROVENANCE], name, value, note)

    def ratio(self, row: dict, column: str, ids_column: str = "figure_ids", note: str = "") -> Number | None:
        return self.number(row[column], percent_text(row[column]), row[ids_column], column, note)

    # rows several pages show ----------------------------------------------------------------

    def node_row(self, row: dict) -> dict:
        text = qualified(f"{row['node_count']:,}", row["qualifier"])
        figure = self.figures.get(row["figure_id"])
        count = row["stated_figure_count"]
        note = (
            f"stated by {count} figures; this one speaks for them (all in fct_cdn_nodes.figure_ids)"
            if count > 1
            else ""
        )
        return {
            "row": row,
            "href": self.company_href.get(row["provider_id"]),
            "nodes": self.number(row["node_count"], text, row["figure_id"], "node_count", note),
            "metric_name": figure.metric_name if figure else "",
        }

    def cut_row(self, row: dict) -> dict:
        return {
            "row": row,
            "href": self.company_href.get(row["provider_id"]),
            "deepest": self.ratio(row, "deepest_price_change_ratio"),
            "shallowest": self.ratio(row, "shallowest_price_change_ratio"),
        }

    def claim_row(self, row: dict) -> dict:
        return {
            "row": row,
            "source_href": self.source_href.get(row["source_id"], ""),
            "company_href": self.company_href.get(row["entity_id"]),
            "stated": self.refs(row["stated_figure_id"]),
        }

    def verdict_chart(self, title: str, claims: list[dict]) -> charts.Chart | None:
        if not claims:
            return None
        counts: dict[str, int] = defaultdict(int)
        for row in claims:
            counts[row["verdict"]] += 1
        data = [
            (verdict, charts.Datum(count, f"{count}", f"{verdict}: {count} claims", tone=verdict))
            for verdict, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]
        return charts.bars(title, "claims", data)

    # pages -----------------------------------------------------------------------------------

    def nav(self) -> list[tuple[str, str]]:
        items = [
            ("index.html", "Overview"),
            ("competitors.html", "Competitors"),
            ("cdn-nodes.html", "CDN nodes"),
            ("price-cuts.html", "Price cuts"),
            ("market.html", "Market"),
            ("claims.html", "Claims"),
        ]
        if self.landed:
            items.append((landed_page(0), "Landed sources"))
        return items

    def index_page(self) -> Page:
        context = {
            "companies": self.data.companies,
            "curated_sources": self.curated,
            "landed_count": len(self.landed),
            "landed_figures": sum(row["figure_count"] for row in self.landed),
            "landed_href": landed_page(0),
            "claim_count": len(self.data.claims),
        }
        return Page("index.html", "index.html.j2", "Overview", context)

    def source_page(self, source: dict) -> Page:
        source_id = source["source_id"]
        figures = sorted(
            self.figures_by_source[source_id], key=lambda figure: (figure.paragraph_number, figure.figure_id)
        )
        claims = self.claims_by_source.get(source_id, [])
        context = {
            "source": source,
            "verdicts": self.verdict_chart("Its claims, checked against its own figures", claims),
            "claims": [self.claim_row(row) for row in claims],
            "figures": [
                {"figure": figure, "number": figure_number(figure), "href": self.company_href.get(figure.entity_id)}
                for figure in figures
            ],
        }
        return Page(self.source_href[source_id], "source.html.j2", source["title"], context)

    def landed_pages(self) -> list[Page]:
        count = math.ceil(len(self.landed) / self.landed_page_size)
        pages = []
        for index in range(count):
            context = {
                "rows": self.landed[index * self.landed_page_size : (index + 1) * self.landed_page_size],
                "page_number": index + 1,
                "page_count": count,
                "pages": [landed_page(other) for other in range(count)],
                "total": len(self.landed),
                "total_figures": sum(row["figure_count"] for row in self.landed),
                "files": len({row["landed_file"] for row in self.landed}),
            }
            pages.append(Page(landed_page(index), "landed_sources.html.j2", "Landed sources", context))
        return pages

    def claims_page(self) -> Page:
        sections = [
            {
                "source_id": source_id,
                "title": rows[0]["source_title"],
                "href": self.source_href.get(source_id, ""),
                "rows": [self.claim_row(row) for row in rows],
            }
            for source_id, rows in self.claims_by_source.items()
        ]
        chart = self.verdict_chart("Claims the sources make, checked against their own figures", self.data.claims)
        return Page("claims.html", "claims.html.j2", "Claim checks", {"sections": sections, "verdicts": chart})
