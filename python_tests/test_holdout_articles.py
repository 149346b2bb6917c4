"""The hold-out articles of the draft's measure (python -m lab.draft_score --fixture NAME), each written
before any rule of the draft was changed for it and never tuned on, built together in one copy of the
project as a user adds articles: their seed rows and texts alone, nothing else.

- Borealis Timber (python_tests/fixtures/borealis_timber_2025_12_04/), a Vancouver lumber producer
  reporting in Canadian dollars ("C$1.46 billion", and a bare "$5.38 billion" that is the source's
  dollar), whose fiscal year runs November to October and is named by the year it ends in: "the fourth
  quarter of fiscal 2025" and "Q4 FY25" (August to October 2025), "a year earlier" and "the same quarter
  of fiscal 2024", "350 basis points", number words ("eleven", "two", "About two thirds"), ranges
  ("C$350 million to C$400 million", "3% to 4%"), pronoun subjects ("Its", "It", "The company"), a
  market forecast for a calendar year.
- Murray Basin Vintners (python_tests/fixtures/murray_basin_vintners_2025_08_14/), an Adelaide wine
  producer reporting in Australian dollars ("A$214 million", and a bare "$488 million"), whose fiscal
  year runs October to September: "the third quarter of fiscal 2025" and "Q3 FY25" (April to June
  2025), "the first half of fiscal 2025", "120 basis points" narrowed, number words ("nine", "three",
  "Roughly a quarter"), ranges ("A$930 million to A$960 million", "2% to 3%"), a share-price move
  ("fell 6.5% to A$2.87"), a headcount, pronoun subjects.
- Lumina Pagamentos (python_tests/fixtures/lumina_pagamentos_2025_08_07/), a Sao Paulo card acquirer
  reporting in Brazilian reais ("R$182 million"), calendar fiscal year: a swing from a net loss "a year
  earlier", "27% year on year", "narrowed by 12 basis points to 1.36%", "some 2.1 million merchants",
  "about four thousand people" (a number word with a scale word), a range written "between R$5.2
  billion and R$5.5 billion", a share-price move with no day written (its period unstated).
- Daesan Shipbuilding (python_tests/fixtures/daesan_shipbuilding_2025_10_29/), a South Korean
  shipbuilder reporting in won ("312 billion won", "3.84 trillion won", a share price of "38,750 won")
  that writes its orders in US dollars (a bare "$" in a won source), with a dollar conversion in
  brackets ("($218 million)") that is the same figure and is ignored; "the first nine months of 2025",
  "the end of September", "a year earlier" and "the same period of 2024", a margin "widened ... from
  6.8%", number words ("six", "two"), a target, guidance, an investment "by 2028", a share-price move
  on "Wednesday", a market figure and a rival's results.
- Solmar Airlines (python_tests/fixtures/solmar_airlines_2025_07_24/), a Spanish low-cost airline
  reporting in euros, with no figure in its headline; a raised range "between €410 million and €440
  million" (the range it replaced is ignored), "the second quarter" and "the quarter" with no year
  written, "more than doubled", a load factor and the one it rose "up from", passengers, planes, bases
  and staff, a passenger forecast "this year", a share-price move "on Thursday", a market figure and a
  rival. It reuses Daesan's profit, staff and share-price catalogue rows.
- Thamesbridge Pharma (python_tests/fixtures/thamesbridge_pharma_2025_07_30/), a London generic-medicines
  maker reporting in pounds and pence ("£182 million", "31.4 pence", a share price of "1,468 pence"),
  calendar fiscal year, first-half results: "the first half of 2025", "the six months to 30 June",
  "first-half" with no year, "a year earlier", "80 basis points" widened, guidance "for the full year"
  as a range, number words ("seven"), "around 420" and "about 6,300", net debt "at the end of June", a
  share price "on Wednesday" (the day published), a market's size for 2024 and forecast growth for 2026,
  and a competitor's first-half revenue.
- Norrfors Stål (python_tests/fixtures/norrfors_stal_2025_10_23/), a Stockholm steelmaker reporting in Swedish
  kronor ("1.12 billion Swedish kronor", "786 million kronor", a share price of "84.30 kronor"), a currency its
  fixture adds with its rates; calendar fiscal year: "the third quarter" with no year, "a year earlier", "the
  same quarter last year", shipments in tonnes ("582,000 tonnes"), a margin "narrowed to 9.0% from 11.9%",
  capital spending cut "this year" (the plan it replaced is ignored), number words ("three", "two"), "about
  8,600" and "some 1,400", a share price "on Thursday", a market's demand "this year" and in 2026, and a
  Finnish rival's quarterly profit in euros.
- Bergfeld Markt (python_tests/fixtures/bergfeld_markt_2025_08_21/), a Swiss supermarket chain reporting
  in Swiss francs ("104.5 million Swiss francs", a share price of "61.40 Swiss francs"), calendar fiscal
  year, first-half results with no figure in the headline: "first-half net profit", "the six months to
  June 30", "a year earlier" and "the first half of 2024", a margin "at 4.3% against 4.6%", like-for-like
  and online sales, guidance "for the full year" (a margin "of around 4.5%" whose replaced target is
  ignored, a growth range "2% to 3%"), a share-price move "by midday" (not a close), stores "at the end
  of June" and openings planned "by the end of the year", "some 1.1 million customers a day", capital
  spending "this year", a market's size "last year" and the share of it discount chains hold ("roughly a
  fifth"), and a rival's first-half sales.
- Lion Rock Life (python_tests/fixtures/lion_rock_life_2025_08_21/), a Hong Kong life insurer reporting in
  Hong Kong dollars ("HK$3.42 billion", a dividend of "HK$0.38 a share", a share price of "HK$27.30"),
  calendar fiscal year, first-half results: "the first half of 2025", "the six months to June 30",
  "first-half" and "the first half" with no year, "in the period", "a year earlier" for a profit, a share
  and a dividend, a margin "widened 2.4 percentage points", a solvency ratio above 100% ("246%") "at the
  end of June", "about 14,200" agents and "2.3 million" customers, guidance "for the full year" as a range
  with the pronoun "the insurer", a share-price move "on Thursday", a dollar conversion in brackets
  ("(US$436 million)") that is ignored, a rival's first-half figures and a market's.
- Kallang Mobile (python_tests/fixtures/kallang_mobile_2025_11_12/), a Singapore mobile operator reporting
  in Singapore dollars ("S$61.4 million", "S$41.20"; its dividend "of 4.5 cents a share" is ignored), whose
  fiscal year runs April to March and is named by the year it ends in: "the three months to September"
  and "the fiscal second quarter" (July to September 2025), "the first half of the financial year ending
  March 2026", "this financial year", "a year earlier", "0.8 percentage point", customers added "during
  the quarter" and their total, guidance as a range and as "about", staff and shops, a share-price move
  "on Wednesday" with the market value it gives, a rival's "July-to-September quarter" and a market's
  subscriptions "at the end of June".
- Vestfjord Havbruk (python_tests/fixtures/vestfjord_havbruk_2025_11_13/), an Oslo salmon farmer reporting in
  Norwegian kroner ("612 million Norwegian kroner", "5.86 billion kroner", a share price of "214.60 kroner"), a
  currency its fixture adds with its rates; calendar fiscal year: "the third quarter" and "third-quarter" with no
  year, "the quarter", "a year earlier" and "the same period last year", a comparison "from 388 million kroner"
  with no period written, the industry's operational EBIT and its "per kilogram" figure ("12.70 kroner"), harvests
  in tonnes ("48,200 tonnes") with a forecast "this year" and "about 195,000 tonnes in 2026", a dividend "per
  share", "about 1,350" people, "62" licences and "two" plants, a share price "on Thursday", a market's supply
  growth "about 7% this year and 2% in 2026", and a rival's quarterly result "down 26%".
- Copper Kettle Grill (python_tests/fixtures/copper_kettle_grill_2025_11_06/), a Nashville casual-dining
  restaurant chain reporting in US dollars ("$412 million", "$1.68 billion", a share price of "$38.65"),
  whose fiscal year runs July to June and is named by the year it ends in: "the first quarter of fiscal
  2026" and "first-quarter" (July to September 2025), "a year earlier" and "the same quarter of fiscal
  2025", same-store sales and "a 1.1% drop in guest traffic", a restaurant-level margin "widened by 60 basis
  points", "four" restaurants opened "in the quarter" and "ended September with 318 in 27 states", "about
  24,000" staff, guidance as ranges ("$1.68 billion to $1.72 billion", "14 to 16 restaurants during the
  year"), a share-price move "on Thursday" (the day published), a rival's "July-to-September quarter" and a
  market's sales "this year" in trillions.
- Tessaline Instruments (python_tests/fixtures/tessaline_instruments_2025_11_19/), a San Jose maker of chipmaking
  equipment listed on the Nasdaq, reporting in US dollars ("$1.62 billion", "$318 million", a dividend of "44
  cents a share", a share price of "$184.50"), whose fiscal year runs November to October and is named by the
  year it ends in: "the fourth quarter of fiscal 2025" and "fourth-quarter" (August to October 2025), "the
  quarter", "a year earlier" and "the same quarter last year", "fiscal 2025, which ended on Oct. 31", a share
  of revenue from China and its level "a year earlier", guidance for "the first quarter of fiscal 2026" as a
  range beside "the average analyst estimate", an order backlog "at the end of October", a close "on
  Wednesday" (the day published), "about 11,400" staff, the share of revenue from its "three largest
  customers", a rival's "three months to September" and a market forecast for 2026 ("a record $128
  billion"). Its dividend was "raised ... by 10%": a change whose direction word is "raised".
- Grupo Financiero Altamar (python_tests/fixtures/altamar_financiero_2025_10_28/), a Mexico City bank reporting
  in Mexican pesos ("4.82 billion pesos", a share price of "148.35 pesos"), a currency its fixture adds with its
  rates, with a dollar conversion in brackets ("($261 million)") that is ignored; calendar fiscal year: "the third
  quarter" and "third-quarter" with no year, "in the quarter", "a year earlier" and "the same period of 2024",
  balances "at the end of September" (loans and deposits, "11% year on year"), ratios (a non-performing loan
  ratio "edged up to 2.4% from 2.1%", a return on equity), a raised loan-growth forecast "between 10% and 12%"
  "this year" (the range it replaced is ignored) and a profit forecast "of about 19 billion pesos for 2025",
  "some 6.3 million" customers, "1,140" branches and "about 27,500" staff, a share price "on Tuesday", the
  country's bank lending "in the year to September", and a rival's quarterly profit "up 6%".
- Zorza Interactive (python_tests/fixtures/zorza_interactive_2025_11_20/), a Warsaw video game publisher reporting
  in Polish zlotys ("142.6 million zlotys", "1.4 billion zlotys", a share price of "286.50 zlotys"), a currency its
  fixture adds with its rates; calendar fiscal year: "the July-September period", "a year earlier" and "the third
  quarter of 2024", "Revenue more than doubled", operating profit (what "Analysts polled ... had expected" is ignored),
  copies of a new game sold "by the end of September" (in the headline too, with the game as the item), a share
  of "quarterly revenue", "the first nine months of the year", a revenue forecast "of at least 1.4 billion
  zlotys" (the forecast it replaced is ignored), cash "at the end of September", a share price "by 1015 GMT"
  (during trading, not a close) with the market value it gives, "about 740" staff, monthly active players "in
  September" and "a year earlier", a rival's "third-quarter revenue ... down 12%" and an industry's revenue in
  2024 with "more than 90%" of it from abroad.

- Bokamoso Gold (python_tests/fixtures/bokamoso_gold_2025_08_27/), a Johannesburg gold miner reporting in South
  African rand ("R4.71bn", "R16.8bn", a share price of "R318.40"), a currency its fixture adds with its rates, with
  its gold in ounces ("298,000oz", "9.4 million ounces": the unit is the metric's, the number the value) and its
  price and costs in US dollars an ounce ("$3,105/oz"); calendar fiscal year: "the six months to June" and
  "interim" (the first half of 2025), a dividend of "320c" (cents written against the number) "more than double"
  the "140c" "a year earlier", capital spending of "about R2.9bn" "this year",
  "about 14,200" staff, reserves "at the end of December", a share price "on Wednesday" (the day published),
  South Africa's gold production "in June" and a rival's interim headline earnings and output, and production
  guidance of "610,000oz to 640,000oz" (a range, a forecast). The gold price "near $3,390/oz" is ignored: a
  market price, not the miner's.
- Chao Phraya Medical (python_tests/fixtures/chao_phraya_medical_2025_11_13/), a Bangkok private hospital group
  reporting in Thai baht ("1.28 billion baht", "96,400 baht" per inpatient, a share price of "30.25 baht"), a
  currency its fixture adds with its rates; calendar fiscal year: "third-quarter" with no year (in the headline
  too, as "quarterly profit rises 14%"), "the July-September period", "a year earlier" for revenue and for a share
  of revenue, a bed occupancy "in the quarter, against 68% in the third quarter of 2024", "the first nine months
  of 2025", hospitals, licensed beds and "about 14,200" staff with no date written, beds to be added "next year"
  and capital spending "in 2026" (plans, so forecasts), a kept revenue growth forecast "for 2025" as a range "8%
  to 10%", a share price "at the midday break" (during trading, not a close), a rival's "4% fall in
  third-quarter net profit" and the private hospital market's revenue in 2024 ("about 310 billion baht").
- Semen Merapi (python_tests/fixtures/semen_merapi_2025_10_29/), a Jakarta cement maker reporting in Indonesian
  rupiah written before the number with a space ("Rp 1.46 trillion", "Rp 905,000 per tonne", a share price of "Rp
  1,780"), a currency its fixture adds with its rates, with a dollar conversion in brackets ("(US$88 million)") that
  is ignored and percentages written as a word ("12 percent"); calendar fiscal year: "nine-month" (in the headline
  too) and "the first nine months of 2025", "the January-September period", figures with no period written beside
  them, a price "a year earlier", tonnes sold ("12.8 million tonnes") and their growth, fuel and power costs, plants
  as a word ("five"), capacity and "around 6,800" staff with no date written, a sales volume forecast "this year"
  as a range ("17 million to 17.5 million tonnes"), a close "on Wednesday" (the day published), national cement
  consumption "in the first nine months of the year" and a rival's "nine-month net profit".
- Kelana Glove (python_tests/fixtures/kelana_glove_2025_12_11/), a Klang maker of rubber examination gloves reporting
  in Malaysian ringgit written before the number with no space ("RM48.6 million", a share price of "RM1.46"), a
  currency its fixture adds with its rates, with a dividend in sen ("1.5 sen a share") and selling prices in US dollars
  per 1,000 gloves ("US$21.40"); its fiscal year runs September to August and is named by the year it ends in: "the
  first quarter of its financial year" and "the three months to Nov. 30" (September to November 2025), "quarterly
  profit" in the headline, a swing "to a net profit ... from a net loss ... a year earlier", the revenue "analysts had
  expected", gloves sold with no period written, a price "from US$20.10 in the June-August quarter" (the quarter
  before, not a year earlier), a margin "widened to 14.1% from 4.5% a year earlier", factories, capacity and "about
  9,600" staff with no date written, a volume forecast "for the year to August 2026" as a range ("30 billion to 32
  billion gloves"), an intraday high ("jumped as much as 9.8% to RM1.46 on Thursday") and a close ("closing 6.2% higher
  at RM1.41"), a rival that reports on a calendar year ("a third-quarter net profit"), world glove demand "next year",
  and numbers that are no figures: "COVID-19", "ThinGuard 5", "per 1,000 gloves" and a stock code.
- Meltem Beyaz Esya (python_tests/fixtures/meltem_beyaz_esya_2025_11_06/), a Manisa maker of washing machines and
  refrigerators reporting in Turkish lira written after the number ("1.46 billion lira", a share price of "86.45
  lira"), a currency its fixture adds with its rates; calendar fiscal year: "quarterly profit jumps 38%" in the
  headline, "third-quarter net profit rose 38%", "the July-September period" against "a year earlier", the revenue
  analysts "had expected", a margin "narrowed by 60 basis points", appliances shipped "up 14% from the same quarter
  last year" and an export share with no period written, nine-month profit that "slipped to 3.9 billion lira from 4.2
  billion lira", a full-year revenue forecast as a range ("84 billion to 88 billion lira") and capital spending "this
  year", "some 12,400" staff with no date written, a share move "by 1120 GMT" with the market value, a rival's "12%
  fall in third-quarter net profit" written before its amount, domestic appliance sales "in the first nine months",
  and a number that is no figure: a product's name ("Aura 900").

Every expected value below is worked out from the written text (the comment says how), never read back
from the warehouse.
"""

from __future__ import annotations

import pytest
from conftest import figure_mismatches
from fixture_articles import assert_published, build_with_articles, open_warehouse

BOREALIS = "borealis_timber_2025_12_04"  # published 4 December 2025, in Canadian dollars
VINTNERS = "murray_basin_vintners_2025_08_14"  # published 14 August 2025, in Australian dollars
LUMINA = "lumina_pagamentos_2025_08_07"  # published 7 August 2025, in Brazilian reais
THAMESBRIDGE = "thamesbridge_pharma_2025_07_30"  # published Wednesday 30 July 2025, in pounds sterling
BPS = 1 / 100  # a basis point is a hundredth of a percentage point
BOREALIS_NOW = "as of 2025-12-04"
VINTNERS_NOW = "as of 2025-08-14"
LUMINA_NOW = "as of 2025-08-07"
DAESAN = "daesan_shipbuilding_2025_10_29"  # published Wednesday 29 October 2025, in won
SOLMAR = "solmar_airlines_2025_07_24"  # published Thursday 24 July 2025, in euros
DAESAN_NOW = "as of 2025-10-29"
SOLMAR_NOW = "as of 2025-07-24"
MILLION = 10**6
BILLION = 10**9
TRILLION = 10**12
THAMESBRIDGE_NOW = "as of 2025-07-30"
BERGFELD = "bergfeld_markt_2025_08_21"  # published Thursday 21 August 2025, in Swiss francs
BERGFELD_NOW = "as of 2025-08-21"
PENCE = 1 / 100  # a penny is a hundredth of a pound
NORRFORS = "norrfors_stal_2025_10_23"  # published Thursday 23 October 2025, in Swedish kronor
NORRFORS_NOW = "as of 2025-10-23"
LION_ROCK = "lion_rock_life_2025_08_21"  # published Thursday 21 August 2025, in Hong Kong dollars
LION_ROCK_NOW = "as of 2025-08-21"
KALLANG = "kallang_mobile_2025_11_12"  # published Wednesday 12 November 2025, in Singapore dollars
KALLANG_NOW = "as of 2025-11-12"
VESTFJORD = "vestfjord_havbruk_2025_11_13"  # published Thursday 13 November 2025, in Norwegian kroner
VESTFJORD_NOW = "as of 2025-11-13"
COPPER_KETTLE = "copper_kettle_grill_2025_11_06"  # published Thursday 6 November 2025, in US dollars
COPPER_KETTLE_NOW = "as of 2025-11-06"
TESSALINE = "tessaline_instruments_2025_11_19"  # published Wednesday 19 November 2025, in US dollars
TESSALINE_NOW = "as of 2025-11-19"
ALTAMAR = "altamar_financiero_2025_10_28"  # published Tuesday 28 October 2025, in Mexican pesos
ALTAMAR_NOW = "as of 2025-10-28"
ZORZA = "zorza_interactive_2025_11_20"  # published Thursday 20 November 2025, in Polish zlotys
ZORZA_NOW = "as of 2025-11-20"
BOKAMOSO = "bokamoso_gold_2025_08_27"  # published Wednesday 27 August 2025, in South African rand
BOKAMOSO_NOW = "as of 2025-08-27"
CHAO_PHRAYA = "chao_phraya_medical_2025_11_13"  # published Thursday 13 November 2025, in Thai baht
CHAO_PHRAYA_NOW = "as of 2025-11-13"
SEMEN_MERAPI = "semen_merapi_2025_10_29"  # published Wednesday 29 October 2025, in Indonesian rupiah
SEMEN_MERAPI_NOW = "as of 2025-10-29"
KELANA = "kelana_glove_2025_12_11"  # published Thursday 11 December 2025, in Malaysian ringgit
KELANA_NOW = "as of 2025-12-11"
SEN = 1 / 100  # a sen is a hundredth of a ringgit
MELTEM = "meltem_beyaz_esya_2025_11_06"  # published Thursday 6 November 2025, in Turkish lira
MELTEM_NOW = "as of 2025-11-06"

# Fiscal 2025 is November 2024 to October 2025, so its fourth quarter is August to October 2025.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
BOREALIS_FIGURES = {
    "bt_revenue_growth_headline": (12 / 100, "ratio", "", "FY2025-Q4", "exact", False),
    "bt_revenue_growth_fy2025q4": (12 / 100, "ratio", "", "FY2025-Q4", "exact", False),
    "bt_revenue_fy2025q4": (1.46e9, "CAD", "CAD", "FY2025-Q4", "exact", False),  # "C$1.46 billion"
    "bt_revenue_fy2024q4": (1.30e9, "CAD", "CAD", "FY2024-Q4", "exact", False),  # "a year earlier"
    "bt_net_income_fy2025q4": (84e6, "CAD", "CAD", "FY2025-Q4", "exact", False),
    # "a net loss of C$27 million in the same quarter of fiscal 2024": the quarter of the net income
    "bt_net_loss_fy2024q4": (27e6, "CAD", "CAD", "FY2024-Q4", "exact", False),
    "bt_ebitda_margin_change_fy2025q4": (350 * BPS, "percentage_point", "", "FY2025-Q4", "exact", False),  # widened
    "bt_ebitda_margin_fy2025q4": (14.2 / 100, "ratio", "", "FY2025-Q4", "exact", False),
    "bt_pulp_revenue_fy2025q4": (312e6, "CAD", "CAD", "FY2025-Q4", "exact", False),  # "Q4 FY25"
    "bt_pulp_revenue_growth_fy2025q4": (4 / 100, "ratio", "", "FY2025-Q4", "exact", False),
    "bt_revenue_growth_fy2025": (7.5 / 100, "ratio", "", "FY2025", "exact", False),
    "bt_revenue_fy2025": (5.38e9, "CAD", "CAD", "FY2025", "exact", False),  # "$" in a Canadian-dollar source
    "bt_net_income_fy2025": (196e6, "CAD", "CAD", "FY2025", "exact", False),
    "bt_sawmill_count_now": (11, "count", "", BOREALIS_NOW, "exact", False),  # "eleven"
    "bt_pulp_mill_count_now": (2, "count", "", BOREALIS_NOW, "exact", False),  # "two"
    "bt_employee_count_now": (7400, "count", "", BOREALIS_NOW, "approx", False),  # "about 7,400"
    # "expects capital spending of C$350 million to C$400 million in fiscal 2026": a range, a forecast
    "bt_capital_spending_fy2026_low": (350e6, "CAD", "CAD", "FY2026", "range_low", True),
    "bt_capital_spending_fy2026_high": (400e6, "CAD", "CAD", "FY2026", "range_high", True),
    "bt_net_debt_2025_10_31": (1.9e9, "CAD", "CAD", "2025-10-31", "exact", False),  # "31 October 2025"
    "bt_us_lumber_sales_share_now": (2 / 3, "ratio", "", BOREALIS_NOW, "approx", False),  # "About two thirds"
    "bt_share_price_day_change_2025_12_04": (4.1 / 100, "ratio", "", "2025-12-04", "exact", False),
    "bt_closing_share_price_2025_12_04": (38.20, "CAD", "CAD", "2025-12-04", "exact", False),  # "C$38.20"
    # "is expected to grow 3% to 4% in 2026": a market keeps calendar years; a range, a forecast
    "bt_lumber_demand_growth_2026_low": (3 / 100, "ratio", "", "FY2026", "range_low", True),
    "bt_lumber_demand_growth_2026_high": (4 / 100, "ratio", "", "FY2026", "range_high", True),
}


# Fiscal 2025 is October 2024 to September 2025: its third quarter is April to June 2025, its first half
# October 2024 to March 2025. A fall ("fell", "down", "narrowed") is negative.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
VINTNERS_FIGURES = {
    "mb_revenue_growth_headline": (-8 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    "mb_revenue_growth_fy2025q3": (-8 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    "mb_revenue_fy2025q3": (214e6, "AUD", "AUD", "FY2025-Q3", "exact", False),
    "mb_revenue_fy2024q3": (233e6, "AUD", "AUD", "FY2024-Q3", "exact", False),  # "a year earlier"
    "mb_net_profit_fy2025q3": (9.6e6, "AUD", "AUD", "FY2025-Q3", "exact", False),
    "mb_net_profit_fy2024q3": (15.2e6, "AUD", "AUD", "FY2024-Q3", "exact", False),  # "the same quarter"
    "mb_gross_margin_change_fy2025q3": (-120 * BPS, "percentage_point", "", "FY2025-Q3", "exact", False),
    "mb_gross_margin_fy2025q3": (41.3 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    "mb_export_revenue_fy2025q3": (88e6, "AUD", "AUD", "FY2025-Q3", "exact", False),  # "Q3 FY25"
    "mb_export_revenue_growth_fy2025q3": (-15 / 100, "ratio", "", "FY2025-Q3", "exact", False),
    "mb_revenue_fy2025_h1": (488e6, "AUD", "AUD", "FY2025-H1", "exact", False),  # "$" of an AUD source
    "mb_net_profit_fy2025_h1": (31e6, "AUD", "AUD", "FY2025-H1", "exact", False),
    "mb_vineyard_count_now": (9, "count", "", VINTNERS_NOW, "exact", False),  # "nine"
    "mb_winery_count_now": (3, "count", "", VINTNERS_NOW, "exact", False),  # "three"
    "mb_employee_count_now": (1850, "count", "", VINTNERS_NOW, "approx", False),  # "about 1,850"
    # "It expects revenue of A$930 million to A$960 million for fiscal 2025": a range, a forecast
    "mb_revenue_fy2025_low": (930e6, "AUD", "AUD", "FY2025", "range_low", True),
    "mb_revenue_fy2025_high": (960e6, "AUD", "AUD", "FY2025", "range_high", True),
    "mb_net_debt_2025_06_30": (265e6, "AUD", "AUD", "2025-06-30", "exact", False),  # "30 June 2025"
    "mb_uk_supermarket_sales_share_now": (1 / 4, "ratio", "", VINTNERS_NOW, "approx", False),  # "Roughly a quarter"
    "mb_share_price_day_change_2025_08_14": (-6.5 / 100, "ratio", "", "2025-08-14", "exact", False),
    "mb_closing_share_price_2025_08_14": (2.87, "AUD", "AUD", "2025-08-14", "exact", False),  # "A$2.87"
    # "are expected to fall 2% to 3% in 2026": a market keeps calendar years; a range, a forecast; a
    # fall, so the end written second (-3%) is the range's low end and the first (-2%) its high end
    "mb_wine_export_growth_2026_low": (-2 / 100, "ratio", "", "FY2026", "range_high", True),
    "mb_wine_export_growth_2026_high": (-3 / 100, "ratio", "", "FY2026", "range_low", True),
}


# A calendar fiscal year: the second quarter of 2025 is April to June 2025. A narrowing is negative.
LUMINA_FIGURES = {
    "lumina_net_income_2025q2": (182e6, "BRL", "BRL", "2025-Q2", "exact", False),  # "R$182 million"
    "lumina_net_loss_2024q2": (41e6, "BRL", "BRL", "2024-Q2", "exact", False),  # "a year earlier"
    "lumina_tpv_growth_2025q2": (27 / 100, "ratio", "", "2025-Q2", "exact", False),  # "rose 27%"
    "lumina_tpv_2025q2": (96.4e9, "BRL", "BRL", "2025-Q2", "exact", False),  # "in the quarter"
    "lumina_revenue_2025q2": (1.31e9, "BRL", "BRL", "2025-Q2", "exact", False),
    "lumina_revenue_2024q2": (1.05e9, "BRL", "BRL", "2024-Q2", "exact", False),
    "lumina_take_rate_change_2025q2": (-12 * BPS, "percentage_point", "", "2025-Q2", "exact", False),  # narrowed
    "lumina_take_rate_2025q2": (1.36 / 100, "ratio", "", "2025-Q2", "exact", False),
    "lumina_merchants_2025": (2.1e6, "count", "", LUMINA_NOW, "approx", False),  # "some 2.1 million"
    "lumina_employees_2025": (4 * 1000, "count", "", LUMINA_NOW, "approx", False),  # "about four thousand"
    # "expects full-year 2025 revenue of between R$5.2 billion and R$5.5 billion": a range, a forecast
    "lumina_revenue_guidance_2025_low": (5.2e9, "BRL", "BRL", "FY2025", "range_low", True),
    "lumina_revenue_guidance_2025_high": (5.5e9, "BRL", "BRL", "FY2025", "range_high", True),
    # "Shares of Lumina rose 8.4% to R$23.10 ... after the results": no day is written, and the curated rows
    # leave the period out rather than assume the published day
    "lumina_share_change_2025_08_07": (8.4 / 100, "ratio", "", "unstated", "exact", False),
    "lumina_share_price_2025_08_07": (23.10, "BRL", "BRL", "unstated", "exact", False),
}


# Daesan keeps calendar years: "the third quarter of 2025" is July to September 2025, and "a year
# earlier" and "the same period of 2024" the third quarter of 2024. A fall ("fell") is negative.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
DAESAN_FIGURES = {
    "ds_operating_profit_growth_headline": (
        41 / 100,
        "ratio",
        "",
        "2025-Q3",
        "exact",
        False,
    ),  # "41% rise in third-quarter profit"
    "ds_operating_profit_growth_2025q3": (41 / 100, "ratio", "", "2025-Q3", "exact", False),
    "ds_operating_profit_2025q3": (312 * BILLION, "KRW", "KRW", "2025-Q3", "exact", False),
    "ds_operating_profit_2024q3": (221 * BILLION, "KRW", "KRW", "2024-Q3", "exact", False),  # "a year earlier"
    "ds_revenue_growth_2025q3": (18 / 100, "ratio", "", "2025-Q3", "exact", False),
    "ds_revenue_2025q3": (3.84 * TRILLION, "KRW", "KRW", "2025-Q3", "exact", False),
    "ds_lng_carrier_deliveries_2025q3": (6, "count", "", "2025-Q3", "exact", False),  # "six ... in the quarter"
    "ds_net_profit_2025q3": (245.6 * BILLION, "KRW", "KRW", "2025-Q3", "exact", False),
    "ds_net_profit_2024q3": (158.3 * BILLION, "KRW", "KRW", "2024-Q3", "exact", False),  # "the same period"
    "ds_operating_margin_2025q3": (8.1 / 100, "ratio", "", "2025-Q3", "exact", False),
    "ds_operating_margin_2024q3": (6.8 / 100, "ratio", "", "2024-Q3", "exact", False),  # "widened ... from 6.8%"
    # "$" in a won source is the US dollar (the won is no dollar); January to September 2025
    "ds_new_orders_2025_9m": (9.2 * BILLION, "USD", "USD", "2025-9M", "exact", False),
    "ds_order_target_progress_2025_9m": (68 / 100, "ratio", "", "2025-9M", "exact", False),
    # "its annual target of $13.5 billion": an aim for a year not yet over, so a forecast
    "ds_order_target_2025": (13.5 * BILLION, "USD", "USD", "FY2025", "exact", True),
    "ds_order_backlog_2025_09_30": (41.7 * BILLION, "USD", "USD", "2025-09-30", "exact", False),
    # "The company expects full-year revenue of about 15 trillion won, up from 13.1 trillion won in 2024"
    "ds_revenue_2025_forecast": (15 * TRILLION, "KRW", "KRW", "FY2025", "approx", True),
    "ds_revenue_2024": (13.1 * TRILLION, "KRW", "KRW", "FY2024", "exact", False),
    "ds_employee_count_now": (11_400, "count", "", DAESAN_NOW, "approx", False),  # "about 11,400"
    "ds_shipyard_count_now": (2, "count", "", DAESAN_NOW, "exact", False),  # "two"
    "ds_share_price_day_change_2025_10_29": (4.3 / 100, "ratio", "", "2025-10-29", "exact", False),
    "ds_closing_share_price_2025_10_29": (38_750, "KRW", "KRW", "2025-10-29", "exact", False),  # "38,750 won"
    "ds_global_ship_orders_growth_2025_9m": (-22 / 100, "ratio", "", "2025-9M", "exact", False),  # "fell 22%"
    "hh_operating_profit_growth_2025q3": (27 / 100, "ratio", "", "2025-Q3", "exact", False),  # "a 27% rise"
    "hh_operating_profit_2025q3": (540 * BILLION, "KRW", "KRW", "2025-Q3", "exact", False),
    # "would invest 600 billion won ... by 2028": a year after publication, so a forecast
    "ds_welding_automation_investment_2028": (600 * BILLION, "KRW", "KRW", "FY2028", "exact", True),
}


# Solmar keeps calendar years: "the second quarter" of an article of July 2025 is April to June 2025, and
# "from €58 million" and "up from 89.9%" the same quarter of 2024. A fall ("fell") is negative.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
SOLMAR_FIGURES = {
    # "raised its forecast for full-year operating profit to between €410 million and €440 million": a range
    # forecasting the year 2025 (the range it replaced, "€350 million to €380 million", has an ignore row)
    "sa_operating_profit_2025_forecast_low": (410 * MILLION, "EUR", "EUR", "FY2025", "range_low", True),
    "sa_operating_profit_2025_forecast_high": (440 * MILLION, "EUR", "EUR", "FY2025", "range_high", True),
    "sa_operating_profit_growth_2025q2": (34 / 100, "ratio", "", "2025-Q2", "exact", False),
    "sa_operating_profit_2025q2": (187 * MILLION, "EUR", "EUR", "2025-Q2", "exact", False),
    "sa_revenue_2025q2": (1260 * MILLION, "EUR", "EUR", "2025-Q2", "exact", False),  # "€1.26 billion"
    "sa_revenue_growth_2025q2": (15 / 100, "ratio", "", "2025-Q2", "exact", False),  # "up 15%"
    # "more than doubled": at least twice the net profit of the same quarter a year earlier
    "sa_net_profit_multiple_2025q2": (2, "multiple", "", "2025-Q2", "lower_bound", False),
    "sa_net_profit_2025q2": (122 * MILLION, "EUR", "EUR", "2025-Q2", "exact", False),
    "sa_net_profit_2024q2": (58 * MILLION, "EUR", "EUR", "2024-Q2", "exact", False),  # "from €58 million"
    "sa_passengers_2025q2": (14.8 * MILLION, "count", "", "2025-Q2", "exact", False),  # "in the quarter"
    "sa_passenger_growth_2025q2": (9 / 100, "ratio", "", "2025-Q2", "exact", False),  # "up 9%"
    "sa_load_factor_2025q2": (91.4 / 100, "ratio", "", "2025-Q2", "exact", False),  # "filled 91.4% of its seats"
    "sa_load_factor_2024q2": (89.9 / 100, "ratio", "", "2024-Q2", "exact", False),
    "sa_average_fare_2025q2": (58.30, "EUR", "EUR", "2025-Q2", "exact", False),
    "sa_average_fare_growth_2025q2": (4 / 100, "ratio", "", "2025-Q2", "exact", False),
    "sa_aircraft_count_now": (162, "count", "", SOLMAR_NOW, "exact", False),
    "sa_base_count_now": (14, "count", "", SOLMAR_NOW, "exact", False),
    "sa_employee_count_now": (7_900, "count", "", SOLMAR_NOW, "approx", False),  # "about 7,900"
    # "It expects to carry about 58 million passengers this year"
    "sa_passengers_2025_forecast": (58 * MILLION, "count", "", "FY2025", "approx", True),
    "sa_share_price_day_change_2025_07_24": (6.1 / 100, "ratio", "", "2025-07-24", "exact", False),  # "Thursday"
    "sa_closing_share_price_2025_07_24": (14.72, "EUR", "EUR", "2025-07-24", "exact", False),
    "spanish_airport_passenger_growth_2025_h1": (5.2 / 100, "ratio", "", "2025-H1", "exact", False),
    "vu_passenger_growth_2025q2": (-3 / 100, "ratio", "", "2025-Q2", "exact", False),  # "fell 3%"
}

# A calendar fiscal year: the first half of 2025 is January to June 2025 ("the six months to 30 June",
# "first-half" in a story of 30 July 2025). Amounts in pence are hundredths of a pound. A fall is negative.
THAMESBRIDGE_FIGURES = {
    "tp_pretax_profit_growth_headline": (14 / 100, "ratio", "", "2025-H1", "exact", False),  # "first-half profit"
    "tp_pretax_profit_growth_2025h1": (14 / 100, "ratio", "", "2025-H1", "exact", False),
    "tp_pretax_profit_2025h1": (182e6, "GBP", "GBP", "2025-H1", "exact", False),  # "£182 million"
    "tp_pretax_profit_2024h1": (160e6, "GBP", "GBP", "2024-H1", "exact", False),  # "a year earlier"
    "tp_revenue_growth_2025h1": (9 / 100, "ratio", "", "2025-H1", "exact", False),  # "climbed 9%"
    "tp_revenue_2025h1": (1.24e9, "GBP", "GBP", "2025-H1", "exact", False),  # "the six months to 30 June"
    "tp_operating_margin_change_2025h1": (80 * BPS, "percentage_point", "", "2025-H1", "exact", False),  # widened
    "tp_operating_margin_2025h1": (17.6 / 100, "ratio", "", "2025-H1", "exact", False),
    "tp_eps_2025h1": (31.4 * PENCE, "GBP", "GBP", "2025-H1", "exact", False),  # "31.4 pence"
    "tp_eps_2024h1": (27.9 * PENCE, "GBP", "GBP", "2024-H1", "exact", False),  # "in the first half of 2024"
    "tp_interim_dividend_2025h1": (8.5 * PENCE, "GBP", "GBP", "2025-H1", "exact", False),  # "8.5 pence"
    "tp_us_revenue_growth_2025h1": (12 / 100, "ratio", "", "2025-H1", "exact", False),
    "tp_us_revenue_2025h1": (436e6, "GBP", "GBP", "2025-H1", "exact", False),
    # "expects revenue of £2.5 billion to £2.6 billion for the full year": 2025, a range, a forecast
    "tp_revenue_2025_low": (2.5e9, "GBP", "GBP", "FY2025", "range_low", True),
    "tp_revenue_2025_high": (2.6e9, "GBP", "GBP", "FY2025", "range_high", True),
    "tp_medicine_count_now": (420, "count", "", THAMESBRIDGE_NOW, "approx", False),  # "around 420"
    "tp_factory_count_now": (7, "count", "", THAMESBRIDGE_NOW, "exact", False),  # "seven"
    "tp_employee_count_now": (6300, "count", "", THAMESBRIDGE_NOW, "approx", False),  # "about 6,300"
    "tp_net_debt_2025_06_30": (640e6, "GBP", "GBP", "2025-06-30", "exact", False),  # "at the end of June"
    "tp_share_price_day_change_2025_07_30": (5.2 / 100, "ratio", "", "2025-07-30", "exact", False),  # "on Wednesday"
    "tp_closing_share_price_2025_07_30": (1468 * PENCE, "GBP", "GBP", "2025-07-30", "exact", False),  # "1,468 pence"
    "tp_generic_market_size_2024": (5.8e9, "GBP", "GBP", "FY2024", "exact", False),  # "was worth £5.8 billion in 2024"
    "tp_generic_market_growth_2026": (4 / 100, "ratio", "", "FY2026", "exact", True),  # "is expected to grow 4%"
    # the competitor's "first-half revenue fell 3% to £2.9 billion", reported the week before
    "tp_norgate_revenue_growth_2025h1": (-3 / 100, "ratio", "", "2025-H1", "exact", False),
    "tp_norgate_revenue_2025h1": (2.9e9, "GBP", "GBP", "2025-H1", "exact", False),
}


# A calendar fiscal year: the first half of 2025 is January to June 2025 ("the six months to June 30",
# "first-half" in a story of 21 August 2025), "a year earlier" the first half of 2024. A fall ("drop",
# "fell") is negative.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
BERGFELD_FIGURES = {
    "bm_net_profit_growth_2025h1": (-6.1 / 100, "ratio", "", "2025-H1", "exact", False),  # "a 6.1% drop"
    "bm_net_profit_2025h1": (104.5 * MILLION, "CHF", "CHF", "2025-H1", "exact", False),
    "bm_net_profit_2024h1": (111.3 * MILLION, "CHF", "CHF", "2024-H1", "exact", False),  # "a year earlier"
    "bm_revenue_growth_2025h1": (2.8 / 100, "ratio", "", "2025-H1", "exact", False),  # "Net sales rose 2.8%"
    "bm_revenue_2025h1": (3.42 * BILLION, "CHF", "CHF", "2025-H1", "exact", False),
    "bm_like_for_like_sales_growth_2025h1": (1.9 / 100, "ratio", "", "2025-H1", "exact", False),
    "bm_operating_profit_2025h1": (146 * MILLION, "CHF", "CHF", "2025-H1", "exact", False),  # "(EBIT)"
    "bm_operating_profit_2024h1": (158 * MILLION, "CHF", "CHF", "2024-H1", "exact", False),  # "down from"
    "bm_operating_margin_2025h1": (4.3 / 100, "ratio", "", "2025-H1", "exact", False),
    "bm_operating_margin_2024h1": (4.6 / 100, "ratio", "", "2024-H1", "exact", False),  # "the first half of 2024"
    "bm_online_revenue_growth_2025h1": (14 / 100, "ratio", "", "2025-H1", "exact", False),
    "bm_online_revenue_2025h1": (268 * MILLION, "CHF", "CHF", "2025-H1", "exact", False),
    # "For the full year, Bergfeld now expects an EBIT margin of around 4.5%" (the replaced target "4.7% to
    # 4.9%" has an ignore row); "It still expects net sales to grow by 2% to 3%": a range, a forecast
    "bm_operating_margin_2025_forecast": (4.5 / 100, "ratio", "", "FY2025", "approx", True),
    "bm_revenue_growth_2025_forecast_low": (2 / 100, "ratio", "", "FY2025", "range_low", True),
    "bm_revenue_growth_2025_forecast_high": (3 / 100, "ratio", "", "FY2025", "range_high", True),
    # "fell 3.2% to 61.40 Swiss francs by midday": the day published, a price during trading, not a close
    "bm_share_price_change_2025_08_21": (-3.2 / 100, "ratio", "", "2025-08-21", "exact", False),
    "bm_intraday_share_price_2025_08_21": (61.40, "CHF", "CHF", "2025-08-21", "exact", False),
    "bm_employee_count_now": (21_300, "count", "", BERGFELD_NOW, "approx", False),  # "about 21,300"
    "bm_store_count_2025_06_30": (612, "count", "", "2025-06-30", "exact", False),  # "at the end of June"
    # "ran 612 stores at the end of June and plans to open 25 more by the end of the year": openings in the
    # second half of 2025, planned, so a forecast
    "bm_stores_opened_2025h2_forecast": (25, "count", "", "2025-H2", "exact", True),
    "bm_daily_customer_count_now": (1.1 * MILLION, "count", "", BERGFELD_NOW, "approx", False),  # "some 1.1 million"
    # "Capital spending is expected to reach about 190 million Swiss francs this year"
    "bm_capital_spending_2025_forecast": (190 * MILLION, "CHF", "CHF", "FY2025", "approx", True),
    # "was worth around 33 billion Swiss francs last year ... with discount chains holding roughly a fifth of it"
    "swiss_grocery_market_size_2024": (33 * BILLION, "CHF", "CHF", "FY2024", "approx", False),
    "swiss_discount_chain_market_share_2024": (1 / 5, "ratio", "", "FY2024", "approx", False),
    # the rival's "first-half sales up 3.5% at 5.1 billion Swiss francs", reported the week before
    "bm_alpenhof_revenue_growth_2025h1": (3.5 / 100, "ratio", "", "2025-H1", "exact", False),
    "bm_alpenhof_revenue_2025h1": (5.1 * BILLION, "CHF", "CHF", "2025-H1", "exact", False),
}


# A calendar fiscal year: "the third quarter" of an article of 23 October 2025 is July to September 2025, and
# "a year earlier", "the same quarter last year" and the margin "from 11.9%" the third quarter of 2024. A fall
# ("slides", "fell", "drop", "shrink") is negative. Tonnes of steel are a count of tonnes.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
NORRFORS_FIGURES = {
    "ns_operating_profit_growth_headline": (-31 / 100, "ratio", "", "2025-Q3", "exact", False),  # "profit slides 31%"
    "ns_operating_profit_growth_2025q3": (-31 / 100, "ratio", "", "2025-Q3", "exact", False),
    "ns_operating_profit_2025q3": (1.12 * BILLION, "SEK", "SEK", "2025-Q3", "exact", False),  # "Swedish kronor"
    "ns_operating_profit_2024q3": (1.62 * BILLION, "SEK", "SEK", "2024-Q3", "exact", False),  # "a year earlier"
    "ns_revenue_growth_2025q3": (-9 / 100, "ratio", "", "2025-Q3", "exact", False),  # "Sales fell 9%"
    "ns_revenue_2025q3": (12.4 * BILLION, "SEK", "SEK", "2025-Q3", "exact", False),
    "ns_steel_shipments_2025q3": (582_000, "count", "", "2025-Q3", "exact", False),  # "582,000 tonnes"
    "ns_steel_shipments_2024q3": (634_000, "count", "", "2024-Q3", "exact", False),  # "the same quarter last year"
    "ns_net_profit_2025q3": (786 * MILLION, "SEK", "SEK", "2025-Q3", "exact", False),
    "ns_net_profit_2024q3": (1.19 * BILLION, "SEK", "SEK", "2024-Q3", "exact", False),  # "a year earlier"
    "ns_operating_margin_2025q3": (9.0 / 100, "ratio", "", "2025-Q3", "exact", False),  # "narrowed to 9.0%"
    "ns_operating_margin_2024q3": (11.9 / 100, "ratio", "", "2024-Q3", "exact", False),  # "from 11.9%"
    # "would cut capital spending this year to about 3.2 billion kronor": 2025 is not over, so a forecast (the
    # 3.8 billion kronor it had planned has an ignore row)
    "ns_capital_spending_2025": (3.2 * BILLION, "SEK", "SEK", "FY2025", "approx", True),
    "ns_employee_count_now": (8_600, "count", "", NORRFORS_NOW, "approx", False),  # "about 8,600"
    "ns_steel_mill_count_now": (3, "count", "", NORRFORS_NOW, "exact", False),  # "three"
    "ns_rolling_plant_count_now": (2, "count", "", NORRFORS_NOW, "exact", False),  # "two"
    "ns_customer_count_now": (1_400, "count", "", NORRFORS_NOW, "approx", False),  # "some 1,400"
    "ns_share_price_day_change_2025_10_23": (-7.4 / 100, "ratio", "", "2025-10-23", "exact", False),  # "Thursday"
    "ns_closing_share_price_2025_10_23": (84.30, "SEK", "SEK", "2025-10-23", "exact", False),  # "84.30 kronor"
    # "is expected to shrink 1.5% this year before growing 2.5% in 2026": a market keeps calendar years; both
    # forecasts (2025 is not over)
    "eu_steel_demand_growth_2025": (-1.5 / 100, "ratio", "", "FY2025", "exact", True),
    "eu_steel_demand_growth_2026": (2.5 / 100, "ratio", "", "FY2026", "exact", True),
    # the rival's "22% drop in third-quarter operating profit, to 96 million euros", reported the week before
    "ks_operating_profit_growth_2025q3": (-22 / 100, "ratio", "", "2025-Q3", "exact", False),
    "ks_operating_profit_2025q3": (96 * MILLION, "EUR", "EUR", "2025-Q3", "exact", False),
}


# "first-half" and "the first half" in a story of 21 August 2025); "a year earlier" is the first half of
# 2024. A solvency ratio of 246% is 2.46; a margin "widened 2.4 percentage points" is +2.4 points.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
LION_ROCK_FIGURES = {
    "lr_vonb_growth_headline": (18 / 100, "ratio", "", "2025-H1", "exact", False),  # "first-half ... jumps 18%"
    "lr_vonb_growth_2025h1": (18 / 100, "ratio", "", "2025-H1", "exact", False),  # "rose 18%"
    "lr_vonb_2025h1": (3.42 * BILLION, "HKD", "HKD", "2025-H1", "exact", False),  # "HK$3.42 billion"
    "lr_net_profit_2025h1": (2.15 * BILLION, "HKD", "HKD", "2025-H1", "exact", False),  # "six months to June 30"
    "lr_net_profit_2024h1": (1.87 * BILLION, "HKD", "HKD", "2024-H1", "exact", False),  # "a year earlier"
    "lr_anp_growth_2025h1": (11 / 100, "ratio", "", "2025-H1", "exact", False),  # "increased 11%"
    "lr_anp_2025h1": (8.9 * BILLION, "HKD", "HKD", "2025-H1", "exact", False),
    "lr_new_business_margin_change_2025h1": (2.4, "percentage_point", "", "2025-H1", "exact", False),  # widened
    "lr_new_business_margin_2025h1": (38.4 / 100, "ratio", "", "2025-H1", "exact", False),
    "lr_mainland_visitor_premium_share_2025h1": (41 / 100, "ratio", "", "2025-H1", "exact", False),  # "in the period"
    "lr_mainland_visitor_premium_share_2024h1": (33 / 100, "ratio", "", "2024-H1", "exact", False),  # "a year earlier"
    "lr_interim_dividend_2025h1": (0.38, "HKD", "HKD", "2025-H1", "exact", False),  # "HK$0.38 a share"
    "lr_interim_dividend_2024h1": (0.35, "HKD", "HKD", "2024-H1", "exact", False),  # "a year earlier"
    "lr_solvency_ratio_2025_06_30": (246 / 100, "ratio", "", "2025-06-30", "exact", False),  # "the end of June"
    "lr_agent_count_now": (14_200, "count", "", LION_ROCK_NOW, "approx", False),  # "about 14,200"
    "lr_customer_count_now": (2.3 * MILLION, "count", "", LION_ROCK_NOW, "exact", False),  # "2.3 million"
    # "expected the value of new business to grow by 12% to 15% for the full year": 2025, a range, a forecast
    "lr_vonb_growth_2025_low": (12 / 100, "ratio", "", "FY2025", "range_low", True),
    "lr_vonb_growth_2025_high": (15 / 100, "ratio", "", "FY2025", "range_high", True),
    "lr_share_price_day_change_2025_08_21": (4.6 / 100, "ratio", "", "2025-08-21", "exact", False),  # "on Thursday"
    "lr_closing_share_price_2025_08_21": (27.30, "HKD", "HKD", "2025-08-21", "exact", False),  # "HK$27.30"
    # the rival's "9% rise in first-half value of new business, to HK$5.1 billion", reported the week before
    "lr_crestview_vonb_growth_2025h1": (9 / 100, "ratio", "", "2025-H1", "exact", False),
    "lr_crestview_vonb_2025h1": (5.1 * BILLION, "HKD", "HKD", "2025-H1", "exact", False),
    # "Mainland Chinese visitors bought HK$36.2 billion of new policies ... in the first half, up 19%"
    "lr_mainland_visitor_policies_2025h1": (36.2 * BILLION, "HKD", "HKD", "2025-H1", "exact", False),
    "lr_mainland_visitor_policies_growth_2025h1": (19 / 100, "ratio", "", "2025-H1", "exact", False),
}


# Fiscal 2026 is April 2025 to March 2026: its second quarter ("the three months to September") is July
# to September 2025, its first half April to September 2025. Kallang Mobile's rival and the market keep
# calendar years. A fall ("fell") is negative.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
KALLANG_FIGURES = {
    "km_net_profit_growth_headline": (12 / 100, "ratio", "", "FY2026-Q2", "exact", False),  # "second-quarter"
    "km_net_profit_growth_fy2026q2": (12 / 100, "ratio", "", "FY2026-Q2", "exact", False),
    "km_net_profit_fy2026q2": (61.4 * MILLION, "SGD", "SGD", "FY2026-Q2", "exact", False),  # "S$61.4 million"
    "km_net_profit_fy2025q2": (54.8 * MILLION, "SGD", "SGD", "FY2025-Q2", "exact", False),  # "a year earlier"
    "km_revenue_growth_fy2026q2": (4.1 / 100, "ratio", "", "FY2026-Q2", "exact", False),  # "grew 4.1%"
    "km_revenue_fy2026q2": (702 * MILLION, "SGD", "SGD", "FY2026-Q2", "exact", False),  # "the fiscal second quarter"
    "km_postpaid_arpu_fy2026q2": (41.20, "SGD", "SGD", "FY2026-Q2", "exact", False),  # "S$41.20"
    "km_postpaid_arpu_fy2025q2": (39.60, "SGD", "SGD", "FY2025-Q2", "exact", False),  # "from S$39.60 a year earlier"
    "km_postpaid_customers_added_fy2026q2": (38_000, "count", "", "FY2026-Q2", "exact", False),  # "during the quarter"
    # "taking the total to 1.92 million": the customers at the end of the quarter, 30 September 2025
    "km_postpaid_customer_count_2025_09_30": (1.92 * MILLION, "count", "", "2025-09-30", "exact", False),
    "km_ebitda_margin_change_fy2026q2": (0.8, "percentage_point", "", "FY2026-Q2", "exact", False),  # "rose"
    "km_ebitda_margin_fy2026q2": (31.5 / 100, "ratio", "", "FY2026-Q2", "exact", False),
    # "the first half of the financial year ending March 2026": April to September 2025
    "km_net_profit_fy2026_h1": (118.9 * MILLION, "SGD", "SGD", "FY2026-H1", "exact", False),
    # the interim dividend "of 4.5 cents a share, up from 4 cents" has ignore rows: the build reads "cents" in
    # a Singapore-dollar source as US cents (the Singapore dollar's vocabulary row names no hundredths)
    # "expects service revenue to grow 3% to 4% this financial year": fiscal 2026, a range, a forecast
    "km_service_revenue_growth_fy2026_low": (3 / 100, "ratio", "", "FY2026", "range_low", True),
    "km_service_revenue_growth_fy2026_high": (4 / 100, "ratio", "", "FY2026", "range_high", True),
    # "kept its capital expenditure guidance at about S$420 million": this financial year, a forecast
    "km_capital_expenditure_fy2026": (420 * MILLION, "SGD", "SGD", "FY2026", "approx", True),
    "km_employee_count_now": (3_400, "count", "", KALLANG_NOW, "approx", False),  # "around 3,400"
    "km_store_count_now": (46, "count", "", KALLANG_NOW, "exact", False),  # "46 retail shops"
    "km_share_price_day_change_2025_11_12": (3.2 / 100, "ratio", "", "2025-11-12", "exact", False),  # "on Wednesday"
    "km_closing_share_price_2025_11_12": (1.94, "SGD", "SGD", "2025-11-12", "exact", False),  # "S$1.94"
    "km_market_value_2025_11_12": (3.1 * BILLION, "SGD", "SGD", "2025-11-12", "approx", False),  # "about S$3.1 billion"
    # the rival's "mobile service revenue fell 1.5% in the July-to-September quarter"
    "mt_mobile_service_revenue_growth_2025q3": (-1.5 / 100, "ratio", "", "2025-Q3", "exact", False),
    # "about 10.4 million mobile subscriptions at the end of June" (2025, the last June before publication)
    "sg_mobile_subscription_count_2025_06_30": (10.4 * MILLION, "count", "", "2025-06-30", "approx", False),
}


# Vestfjord Havbruk keeps calendar years: "the third quarter", "third-quarter" and "the quarter" in a story of
# 13 November 2025 are July to September 2025; "a year earlier", "the same period last year" and the bare "from"
# of a comparison are the third quarter of 2024. A fall ("fell", "falls", "dropped", "down") is negative.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
VESTFJORD_FIGURES = {
    "vh_operational_ebit_growth_headline": (-18 / 100, "ratio", "", "2025-Q3", "exact", False),  # "profit falls 18%"
    "vh_operational_ebit_growth_2025q3": (-18 / 100, "ratio", "", "2025-Q3", "exact", False),  # "fell 18%"
    "vh_operational_ebit_2025q3": (612 * MILLION, "NOK", "NOK", "2025-Q3", "exact", False),  # "Norwegian kroner"
    "vh_operational_ebit_2024q3": (746 * MILLION, "NOK", "NOK", "2024-Q3", "exact", False),  # "a year earlier"
    "vh_revenue_growth_2025q3": (4 / 100, "ratio", "", "2025-Q3", "exact", False),  # "Revenue rose 4%"
    "vh_revenue_2025q3": (5.86 * BILLION, "NOK", "NOK", "2025-Q3", "exact", False),
    "vh_salmon_harvest_2025q3": (48_200, "count", "", "2025-Q3", "exact", False),  # "48,200 tonnes ... in the quarter"
    "vh_salmon_harvest_2024q3": (41_500, "count", "", "2024-Q3", "exact", False),  # "the same period last year"
    # "Operational EBIT per kilogram ... dropped to 12.70 kroner from 17.98 kroner": kroner a kilogram
    "vh_operational_ebit_per_kg_2025q3": (12.70, "NOK", "NOK", "2025-Q3", "exact", False),
    "vh_operational_ebit_per_kg_2024q3": (17.98, "NOK", "NOK", "2024-Q3", "exact", False),
    "vh_net_profit_2025q3": (1.03 * BILLION, "NOK", "NOK", "2025-Q3", "exact", False),
    "vh_net_profit_2024q3": (388 * MILLION, "NOK", "NOK", "2024-Q3", "exact", False),  # "from 388 million kroner"
    # "kept its forecast of harvesting 178,000 tonnes this year" and "about 195,000 tonnes in 2026": forecasts
    "vh_salmon_harvest_2025": (178_000, "count", "", "FY2025", "exact", True),
    "vh_salmon_harvest_2026": (195_000, "count", "", "FY2026", "approx", True),
    "vh_dividend_per_share_2025q3": (4.00, "NOK", "NOK", "2025-Q3", "exact", False),  # "4.00 kroner per share"
    "vh_employee_count_now": (1_350, "count", "", VESTFJORD_NOW, "approx", False),  # "about 1,350"
    "vh_farming_licence_count_now": (62, "count", "", VESTFJORD_NOW, "exact", False),  # "62 sea-farming licences"
    "vh_processing_plant_count_now": (2, "count", "", VESTFJORD_NOW, "exact", False),  # "two processing plants"
    "vh_share_price_day_change_2025_11_13": (3.2 / 100, "ratio", "", "2025-11-13", "exact", False),  # "on Thursday"
    "vh_closing_share_price_2025_11_13": (214.60, "NOK", "NOK", "2025-11-13", "exact", False),  # "214.60 kroner"
    # "is expected to grow about 7% this year and 2% in 2026": a market keeps calendar years; both forecasts
    "atlantic_salmon_supply_growth_2025": (7 / 100, "ratio", "", "FY2025", "approx", True),
    "atlantic_salmon_supply_growth_2026": (2 / 100, "ratio", "", "FY2026", "exact", True),
    # the rival's "third-quarter operational EBIT of 1.41 billion kroner, down 26% from a year earlier"
    "kv_operational_ebit_2025q3": (1.41 * BILLION, "NOK", "NOK", "2025-Q3", "exact", False),
    "kv_operational_ebit_growth_2025q3": (-26 / 100, "ratio", "", "2025-Q3", "exact", False),
}


# Fiscal 2026 is July 2025 to June 2026, so its first quarter is July to September 2025.
COPPER_KETTLE_FIGURES = {
    "ck_revenue_growth_headline": (6 / 100, "ratio", "", "FY2026-Q1", "exact", False),  # "first-quarter sales rise"
    "ck_revenue_growth_fy2026q1": (6 / 100, "ratio", "", "FY2026-Q1", "exact", False),
    "ck_revenue_fy2026q1": (412 * MILLION, "USD", "USD", "FY2026-Q1", "exact", False),  # "$412 million"
    "ck_revenue_fy2025q1": (389 * MILLION, "USD", "USD", "FY2025-Q1", "exact", False),  # "a year earlier"
    "ck_net_income_fy2026q1": (18.3 * MILLION, "USD", "USD", "FY2026-Q1", "exact", False),
    "ck_net_income_fy2025q1": (14.9 * MILLION, "USD", "USD", "FY2025-Q1", "exact", False),  # "the same quarter"
    "ck_same_store_sales_growth_fy2026q1": (2.4 / 100, "ratio", "", "FY2026-Q1", "exact", False),  # "rose 2.4%"
    "ck_guest_traffic_growth_fy2026q1": (-1.1 / 100, "ratio", "", "FY2026-Q1", "exact", False),  # "a 1.1% drop"
    "ck_restaurant_margin_change_fy2026q1": (60 * BPS, "percentage_point", "", "FY2026-Q1", "exact", False),
    "ck_restaurant_margin_fy2026q1": (16.8 / 100, "ratio", "", "FY2026-Q1", "exact", False),
    "ck_restaurants_opened_fy2026q1": (4, "count", "", "FY2026-Q1", "exact", False),  # "four ... in the quarter"
    # "ended September with 318 in 27 states": the end of the quarter, 30 September 2025
    "ck_restaurant_count_2025_09_30": (318, "count", "", "2025-09-30", "exact", False),
    "ck_state_count_2025_09_30": (27, "count", "", "2025-09-30", "exact", False),
    "ck_employee_count_now": (24_000, "count", "", COPPER_KETTLE_NOW, "approx", False),  # "about 24,000"
    # "expects revenue of $1.68 billion to $1.72 billion for fiscal 2026": a range, a forecast
    "ck_revenue_fy2026_low": (1.68 * BILLION, "USD", "USD", "FY2026", "range_low", True),
    "ck_revenue_fy2026_high": (1.72 * BILLION, "USD", "USD", "FY2026", "range_high", True),
    # "plans to open 14 to 16 restaurants during the year": fiscal 2026, a range, a forecast
    "ck_restaurants_opened_fy2026_low": (14, "count", "", "FY2026", "range_low", True),
    "ck_restaurants_opened_fy2026_high": (16, "count", "", "FY2026", "range_high", True),
    "ck_share_price_day_change_2025_11_06": (7.2 / 100, "ratio", "", "2025-11-06", "exact", False),  # "on Thursday"
    "ck_closing_share_price_2025_11_06": (38.65, "USD", "USD", "2025-11-06", "exact", False),  # "$38.65"
    # the rival's "same-store sales fell 0.8% in the July-to-September quarter"
    "hs_same_store_sales_growth_2025q3": (-0.8 / 100, "ratio", "", "2025-Q3", "exact", False),
    # "expected to reach about $1.1 trillion this year": 2025, approximate, a forecast
    "us_restaurant_market_size_2025": (1.1 * TRILLION, "USD", "USD", "FY2025", "approx", True),
}


# Fiscal 2025 is November 2024 to October 2025, so its fourth quarter ("the quarter", "fourth-quarter") is August
# to October 2025 and "a year earlier" and "the same quarter last year" are August to October 2024; the first
# quarter of fiscal 2026 is November 2025 to January 2026, after the day published, so its figures are forecasts.
# The rival and the market keep calendar years.
# figure_id: (value, unit, currency_code, period_label, qualifier, is_forecast)
TESSALINE_FIGURES = {
    "ti_revenue_growth_headline": (14 / 100, "ratio", "", "FY2025-Q4", "exact", False),  # "fourth-quarter revenue"
    "ti_revenue_growth_fy2025q4": (14 / 100, "ratio", "", "FY2025-Q4", "exact", False),  # "rose 14%"
    "ti_revenue_fy2025q4": (1.62 * BILLION, "USD", "USD", "FY2025-Q4", "exact", False),  # "$1.62 billion"
    "ti_net_income_fy2025q4": (318 * MILLION, "USD", "USD", "FY2025-Q4", "exact", False),  # "for the quarter"
    "ti_net_income_fy2024q4": (262 * MILLION, "USD", "USD", "FY2024-Q4", "exact", False),  # "a year earlier"
    "ti_gross_margin_fy2025q4": (48.6 / 100, "ratio", "", "FY2025-Q4", "exact", False),  # "widened to 48.6%"
    "ti_gross_margin_fy2024q4": (47.1 / 100, "ratio", "", "FY2024-Q4", "exact", False),  # "the same quarter last year"
    "ti_revenue_growth_fy2025": (9 / 100, "ratio", "", "FY2025", "exact", False),  # "For fiscal 2025"
    "ti_revenue_fy2025": (5.94 * BILLION, "USD", "USD", "FY2025", "exact", False),
    # "made up 31% of the quarter's revenue, down from 42% a year earlier": two levels, no change
    "ti_china_revenue_share_fy2025q4": (31 / 100, "ratio", "", "FY2025-Q4", "exact", False),
    "ti_china_revenue_share_fy2024q4": (42 / 100, "ratio", "", "FY2024-Q4", "exact", False),
    # "expects revenue of $1.55 billion to $1.65 billion for the first quarter of fiscal 2026": a range, a forecast
    "ti_revenue_fy2026q1_low": (1.55 * BILLION, "USD", "USD", "FY2026-Q1", "range_low", True),
    "ti_revenue_fy2026q1_high": (1.65 * BILLION, "USD", "USD", "FY2026-Q1", "range_high", True),
    # "the average analyst estimate of $1.52 billion" for the same quarter, which ends after the day published
    "ti_revenue_estimate_fy2026q1": (1.52 * BILLION, "USD", "USD", "FY2026-Q1", "exact", True),
    # "raised the quarterly dividend ... to 44 cents a share", declared with the fourth quarter's results
    "ti_dividend_per_share_fy2025q4": (44 / 100, "USD", "USD", "FY2025-Q4", "exact", False),
    # "raised the quarterly dividend by 10%": a rise, read from the direction word "raised"
    "ti_dividend_per_share_change_fy2025q4": (10 / 100, "ratio", "", "FY2025-Q4", "exact", False),
    # "at the end of October": the last day of fiscal 2025, 31 October 2025
    "ti_order_backlog_2025_10_31": (4.1 * BILLION, "USD", "USD", "2025-10-31", "exact", False),
    "ti_share_price_day_change_2025_11_19": (7.2 / 100, "ratio", "", "2025-11-19", "exact", False),  # "7.2% higher"
    "ti_closing_share_price_2025_11_19": (184.50, "USD", "USD", "2025-11-19", "exact", False),  # "on Wednesday"
    "ti_employee_count_now": (11_400, "count", "", TESSALINE_NOW, "approx", False),  # "about 11,400"
    "ti_largest_customers_revenue_share_fy2025": (58 / 100, "ratio", "", "FY2025", "exact", False),  # "in fiscal 2025"
    # the rival's "revenue for the three months to September rose 6% to $4.3 billion": July to September 2025
    "bs_revenue_growth_2025q3": (6 / 100, "ratio", "", "2025-Q3", "exact", False),
    "bs_revenue_2025q3": (4.3 * BILLION, "USD", "USD", "2025-Q3", "exact", False),
    # "are expected to rise 8% to a record $128 billion in 2026": a calendar year, both forecasts
    "chip_equipment_sales_growth_2026": (8 / 100, "ratio", "", "FY2026", "exact", True),
    "chip_equipment_sales_2026": (128 * BILLION, "USD", "USD", "FY2026", "exact", True),
}

# Calendar fiscal year: "the third quarter" is July to September 2025, and its balances are at 30 September.
ALTAMAR_FIGURES = {
    "gfa_net_profit_growth_headline": (14 / 100, "ratio", "", "2025-Q3", "exact", False),  # "profit rises 14%"
    "gfa_net_profit_growth_2025q3": (14 / 100, "ratio", "", "2025-Q3", "exact", False),  # "rose 14%"
    # "4.82 billion pesos ($261 million)": the dollars are the same figure, ignored
    "gfa_net_profit_2025q3": (4.82 * BILLION, "MXN", "MXN", "2025-Q3", "exact", False),
    "gfa_net_interest_income_growth_2025q3": (9 / 100, "ratio", "", "2025-Q3", "exact", False),  # "increased 9%"
    "gfa_net_interest_income_2025q3": (13.6 * BILLION, "MXN", "MXN", "2025-Q3", "exact", False),
    # "grew 11% year on year to 412 billion pesos at the end of September, while deposits rose 7% to 468 billion"
    "gfa_loan_portfolio_growth_2025_09_30": (11 / 100, "ratio", "", "2025-09-30", "exact", False),
    "gfa_loan_portfolio_2025_09_30": (412 * BILLION, "MXN", "MXN", "2025-09-30", "exact", False),
    "gfa_customer_deposits_growth_2025_09_30": (7 / 100, "ratio", "", "2025-09-30", "exact", False),
    "gfa_customer_deposits_2025_09_30": (468 * BILLION, "MXN", "MXN", "2025-09-30", "exact", False),
    # "edged up to 2.4% from 2.1% a year earlier": ratios, not a change
    "gfa_non_performing_loan_ratio_2025q3": (2.4 / 100, "ratio", "", "2025-Q3", "exact", False),
    "gfa_non_performing_loan_ratio_2024q3": (2.1 / 100, "ratio", "", "2024-Q3", "exact", False),
    "gfa_return_on_equity_2025q3": (19.8 / 100, "ratio", "", "2025-Q3", "exact", False),  # "in the quarter"
    "gfa_return_on_equity_2024q3": (18.6 / 100, "ratio", "", "2024-Q3", "exact", False),  # "the same period of 2024"
    # "loan growth this year to between 10% and 12%": 2025 is not over, a range and a forecast (the 8% to 10% it
    # replaced has an ignore row)
    "gfa_loan_portfolio_growth_2025_forecast_low": (10 / 100, "ratio", "", "FY2025", "range_low", True),
    "gfa_loan_portfolio_growth_2025_forecast_high": (12 / 100, "ratio", "", "FY2025", "range_high", True),
    "gfa_net_profit_2025_forecast": (19 * BILLION, "MXN", "MXN", "FY2025", "approx", True),  # "about 19 billion"
    "gfa_customer_count_now": (6.3 * MILLION, "count", "", ALTAMAR_NOW, "approx", False),  # "some 6.3 million"
    "gfa_branch_count_now": (1_140, "count", "", ALTAMAR_NOW, "exact", False),  # "1,140 branches"
    "gfa_employee_count_now": (27_500, "count", "", ALTAMAR_NOW, "approx", False),  # "about 27,500"
    "gfa_share_price_day_change_2025_10_28": (2.7 / 100, "ratio", "", "2025-10-28", "exact", False),  # "on Tuesday"
    "gfa_closing_share_price_2025_10_28": (148.35, "MXN", "MXN", "2025-10-28", "exact", False),  # "148.35 pesos"
    # "grew 8.2% in real terms in the year to September": the lending outstanding at 30 September 2025
    "mexico_bank_lending_growth_2025_09_30": (8.2 / 100, "ratio", "", "2025-09-30", "exact", False),
    # the rival's "third-quarter net profit of 7.95 billion pesos, up 6% from a year earlier"
    "gfs_net_profit_2025q3": (7.95 * BILLION, "MXN", "MXN", "2025-Q3", "exact", False),
    "gfs_net_profit_growth_2025q3": (6 / 100, "ratio", "", "2025-Q3", "exact", False),
}


# Calendar fiscal year: "the July-September period" and "third-quarter" are 2025-Q3, "a year earlier" 2024-Q3;
# "by the end of September" and "at the end of September" are 30 September 2025; "in September" is the month.
ZORZA_FIGURES = {
    # "sells 4.1 million copies" (headline) and "sold 4.1 million copies by the end of September": since release
    "zi_game_copies_sold_headline": (4.1 * MILLION, "count", "", "2025-09-30", "exact", False),
    "zi_game_copies_sold_2025_09_30": (4.1 * MILLION, "count", "", "2025-09-30", "exact", False),
    "zi_net_profit_2025q3": (142.6 * MILLION, "PLN", "PLN", "2025-Q3", "exact", False),
    "zi_net_profit_2024q3": (38.4 * MILLION, "PLN", "PLN", "2024-Q3", "exact", False),  # "a year earlier"
    # "Revenue more than doubled to 512.3 million zlotys from 231.7 million zlotys": at least twice, no period
    # written in the sentence (the quarter of the one before)
    "zi_revenue_multiple_2025q3": (2, "multiple", "", "2025-Q3", "lower_bound", False),
    "zi_revenue_2025q3": (512.3 * MILLION, "PLN", "PLN", "2025-Q3", "exact", False),
    "zi_revenue_2024q3": (231.7 * MILLION, "PLN", "PLN", "2024-Q3", "exact", False),
    "zi_operating_profit_2025q3": (171.9 * MILLION, "PLN", "PLN", "2025-Q3", "exact", False),
    "zi_operating_profit_2024q3": (45.2 * MILLION, "PLN", "PLN", "2024-Q3", "exact", False),  # "third quarter of 2024"
    "zi_digital_revenue_share_2025q3": (91 / 100, "ratio", "", "2025-Q3", "exact", False),  # "of quarterly revenue"
    # "In the first nine months of the year, revenue rose 64% to 903.5 million zlotys": January to September 2025
    "zi_revenue_growth_2025_9m": (64 / 100, "ratio", "", "2025-9M", "exact", False),
    "zi_revenue_2025_9m": (903.5 * MILLION, "PLN", "PLN", "2025-9M", "exact", False),
    # "expects 2025 revenue of at least 1.4 billion zlotys": a forecast and a floor (the 1.1 billion it replaced is
    # ignored)
    "zi_revenue_2025_forecast": (1.4 * BILLION, "PLN", "PLN", "FY2025", "lower_bound", True),
    "zi_cash_2025_09_30": (1.03 * BILLION, "PLN", "PLN", "2025-09-30", "exact", False),  # "at the end of September"
    # "rose 8.4% to 286.50 zlotys by 1015 GMT": the day published, a price during trading, not a close
    "zi_share_price_change_2025_11_20": (8.4 / 100, "ratio", "", "2025-11-20", "exact", False),
    "zi_intraday_share_price_2025_11_20": (286.50, "PLN", "PLN", "2025-11-20", "exact", False),
    "zi_market_value_2025_11_20": (7.2 * BILLION, "PLN", "PLN", "2025-11-20", "approx", False),  # "about 7.2 billion"
    "zi_employee_count_now": (740, "count", "", ZORZA_NOW, "approx", False),  # "about 740 people"
    # "3.8 million monthly active players ... in September, up from 1.2 million a year earlier"
    "zi_monthly_active_players_2025_09": (3.8 * MILLION, "count", "", "2025-09", "exact", False),
    "zi_monthly_active_players_2024_09": (1.2 * MILLION, "count", "", "2024-09", "exact", False),
    # the rival's "third-quarter revenue of 298 million zlotys, down 12% from a year earlier"
    "gs_revenue_2025q3": (298 * MILLION, "PLN", "PLN", "2025-Q3", "exact", False),
    "gs_revenue_growth_2025q3": (-12 / 100, "ratio", "", "2025-Q3", "exact", False),
    # "earned a combined 5.9 billion zlotys in 2024 ... with more than 90% of that coming from sales abroad"
    "polish_games_industry_revenue_2024": (5.9 * BILLION, "PLN", "PLN", "FY2024", "exact", False),
    "polish_games_industry_export_share_2024": (90 / 100, "ratio", "", "FY2024", "lower_bound", False),
}


# Calendar fiscal year: "the six months to June", "interim" and the figures beside them are 2025-H1, "a year earlier"
# 2024-H1; "for 2025" and "this year" are FY2025, not over on the day published (forecasts); "at the end of December"
# is the last one before the day published, 31 December 2024; "on Wednesday" is the day published.
BOKAMOSO_FIGURES = {
    "bg_headline_earnings_growth_headline": (71 / 100, "ratio", "", "2025-H1", "exact", False),  # "interim earnings"
    "bg_headline_earnings_growth_2025h1": (71 / 100, "ratio", "", "2025-H1", "exact", False),  # "jumped 71%"
    "bg_headline_earnings_2025h1": (4.71 * BILLION, "ZAR", "ZAR", "2025-H1", "exact", False),  # "R4.71bn"
    "bg_revenue_growth_2025h1": (33 / 100, "ratio", "", "2025-H1", "exact", False),  # "Revenue rose 33%"
    "bg_revenue_2025h1": (16.8 * BILLION, "ZAR", "ZAR", "2025-H1", "exact", False),  # "R16.8bn"
    "bg_gold_production_growth_2025h1": (-4 / 100, "ratio", "", "2025-H1", "exact", False),  # "fell 4%"
    # "298,000oz": ounces, the unit the metric names, written against the number
    "bg_gold_production_2025h1": (298_000, "count", "", "2025-H1", "exact", False),
    "bg_average_gold_price_received_growth_2025h1": (41 / 100, "ratio", "", "2025-H1", "exact", False),
    "bg_average_gold_price_received_2025h1": (3_105, "USD", "USD", "2025-H1", "exact", False),  # "$3,105/oz"
    "bg_all_in_sustaining_cost_growth_2025h1": (12 / 100, "ratio", "", "2025-H1", "exact", False),  # "climbed 12%"
    "bg_all_in_sustaining_cost_2025h1": (1_685, "USD", "USD", "2025-H1", "exact", False),  # "$1,685/oz"
    # "an interim dividend of 320c a share, more than double the 140c paid a year earlier": South African cents, a
    # hundredth of a rand each, so R3.20 and R1.40 (the first half of 2024); the multiple is at least twice
    "bg_interim_dividend_2025h1": (3.20, "ZAR", "ZAR", "2025-H1", "exact", False),
    "bg_interim_dividend_2024h1": (1.40, "ZAR", "ZAR", "2024-H1", "exact", False),
    "bg_interim_dividend_multiple_2025h1": (2, "multiple", "", "2025-H1", "lower_bound", False),
    # "kept its production guidance for 2025 at 610,000oz to 640,000oz": a range of ounces, a forecast
    "bg_gold_production_2025_forecast_low": (610_000, "count", "", "FY2025", "range_low", True),
    "bg_gold_production_2025_forecast_high": (640_000, "count", "", "FY2025", "range_high", True),
    "bg_capital_spending_2025_forecast": (2.9 * BILLION, "ZAR", "ZAR", "FY2025", "approx", True),  # "about R2.9bn"
    "bg_employee_count_now": (14_200, "count", "", BOKAMOSO_NOW, "approx", False),  # "about 14,200 people"
    # "mineral reserves of 9.4 million ounces at the end of December": ounces written as a word
    "bg_mineral_reserves_2024_12_31": (9.4 * MILLION, "count", "", "2024-12-31", "exact", False),
    "bg_share_price_day_change_2025_08_27": (4.6 / 100, "ratio", "", "2025-08-27", "exact", False),  # "rose 4.6%"
    "bg_closing_share_price_2025_08_27": (318.40, "ZAR", "ZAR", "2025-08-27", "exact", False),  # "to R318.40"
    # "South Africa's gold production fell 3.1% year on year in June": the month of the day published's year
    "south_africa_gold_production_growth_2025_06": (-3.1 / 100, "ratio", "", "2025-06", "exact", False),
    # the rival's "58% rise in interim headline earnings to R3.86bn, on gold output of 412,000oz"
    "vm_headline_earnings_growth_2025h1": (58 / 100, "ratio", "", "2025-H1", "exact", False),
    "vm_headline_earnings_2025h1": (3.86 * BILLION, "ZAR", "ZAR", "2025-H1", "exact", False),
    "vm_gold_production_2025h1": (412_000, "count", "", "2025-H1", "exact", False),  # "on gold output of 412,000oz"
}


CHAO_PHRAYA_FIGURES = {
    # "quarterly profit rises 14%" (headline) and "its third-quarter net profit rose 14% to 1.28 billion baht":
    # July to September 2025, the quarter just reported
    "cpm_net_profit_growth_headline": (14 / 100, "ratio", "", "2025-Q3", "exact", False),
    "cpm_net_profit_growth_2025q3": (14 / 100, "ratio", "", "2025-Q3", "exact", False),
    "cpm_net_profit_2025q3": (1.28 * BILLION, "THB", "THB", "2025-Q3", "exact", False),
    # "Revenue from hospital operations rose 9.5% to 8.46 billion baht in the July-September period from 7.73
    # billion baht a year earlier"
    "cpm_revenue_growth_2025q3": (9.5 / 100, "ratio", "", "2025-Q3", "exact", False),
    "cpm_revenue_2025q3": (8.46 * BILLION, "THB", "THB", "2025-Q3", "exact", False),
    "cpm_revenue_2024q3": (7.73 * BILLION, "THB", "THB", "2024-Q3", "exact", False),
    # "International patients accounted for 31% of hospital revenue, up from 27% a year earlier, while average
    # revenue per inpatient rose to 96,400 baht": the quarter's, and the same quarter of 2024's
    "cpm_international_patient_revenue_share_2025q3": (31 / 100, "ratio", "", "2025-Q3", "exact", False),
    "cpm_international_patient_revenue_share_2024q3": (27 / 100, "ratio", "", "2024-Q3", "exact", False),
    "cpm_revenue_per_inpatient_2025q3": (96_400, "THB", "THB", "2025-Q3", "exact", False),
    # "Bed occupancy averaged 72% in the quarter, against 68% in the third quarter of 2024"
    "cpm_bed_occupancy_rate_2025q3": (72 / 100, "ratio", "", "2025-Q3", "exact", False),
    "cpm_bed_occupancy_rate_2024q3": (68 / 100, "ratio", "", "2024-Q3", "exact", False),
    "cpm_net_profit_2025_9m": (3.61 * BILLION, "THB", "THB", "2025-9M", "exact", False),  # "first nine months of 2025"
    # "runs 21 hospitals with 3,480 licensed beds ... and employs about 14,200 people": no date written, so the
    # day published
    "cpm_hospital_count_now": (21, "count", "", CHAO_PHRAYA_NOW, "exact", False),
    "cpm_licensed_bed_count_now": (3_480, "count", "", CHAO_PHRAYA_NOW, "exact", False),
    "cpm_employee_count_now": (14_200, "count", "", CHAO_PHRAYA_NOW, "approx", False),
    # "It plans to open hospitals ... next year, adding 320 beds, and has set aside 6.5 billion baht for capital
    # spending in 2026": next year is 2026; both planned, so forecasts
    "cpm_beds_added_2026_forecast": (320, "count", "", "FY2026", "exact", True),
    "cpm_capital_spending_2026_forecast": (6.5 * BILLION, "THB", "THB", "FY2026", "exact", True),
    # "kept its forecast for 2025 revenue growth of 8% to 10%": a range, a forecast
    "cpm_revenue_growth_2025_forecast_low": (8 / 100, "ratio", "", "FY2025", "range_low", True),
    "cpm_revenue_growth_2025_forecast_high": (10 / 100, "ratio", "", "FY2025", "range_high", True),
    # "rose 3.4% to 30.25 baht at the midday break": the day published, a price during trading, not a close
    "cpm_share_price_change_2025_11_13": (3.4 / 100, "ratio", "", "2025-11-13", "exact", False),
    "cpm_intraday_share_price_2025_11_13": (30.25, "THB", "THB", "2025-11-13", "exact", False),
    # the rival's "4% fall in third-quarter net profit to 640 million baht": a fall is negative
    "kch_net_profit_growth_2025q3": (-4 / 100, "ratio", "", "2025-Q3", "exact", False),
    "kch_net_profit_2025q3": (640 * MILLION, "THB", "THB", "2025-Q3", "exact", False),
    # "Thailand's private hospitals earned about 310 billion baht in 2024"
    "thai_private_hospitals_market_size_2024": (310 * BILLION, "THB", "THB", "FY2024", "approx", False),
}
# Calendar fiscal year: "nine-month", "the first nine months of 2025", "the January-September period" and the figures
# of the results with no period written beside them are 2025-9M, "a year earlier" 2024-9M; "this year" is FY2025, not
# over on the day published (a forecast); plants, capacity and staff have no date written, so the day published; "on
# Wednesday" is the day published. A fall ("falls", "fell", "slipped") is negative.
SEMEN_MERAPI_FIGURES = {
    "sm_net_profit_growth_headline": (-12 / 100, "ratio", "", "2025-9M", "exact", False),  # "profit falls 12 percent"
    # "its net profit for the first nine months of 2025 fell 12 percent to Rp 1.46 trillion (US$88 million)"
    "sm_net_profit_growth_2025_9m": (-12 / 100, "ratio", "", "2025-9M", "exact", False),
    "sm_net_profit_2025_9m": (1.46 * TRILLION, "IDR", "IDR", "2025-9M", "exact", False),
    # "Revenue slipped 3.1 percent year-on-year to Rp 13.9 trillion in the January-September period"
    "sm_revenue_growth_2025_9m": (-3.1 / 100, "ratio", "", "2025-9M", "exact", False),
    "sm_revenue_2025_9m": (13.9 * TRILLION, "IDR", "IDR", "2025-9M", "exact", False),
    # "Sales volume ... rose 2.4 percent to 12.8 million tonnes, but the average selling price of cement fell to Rp
    # 905,000 per tonne from Rp 948,000 a year earlier": tonnes, the unit the metric names
    "sm_sales_volume_growth_2025_9m": (2.4 / 100, "ratio", "", "2025-9M", "exact", False),
    "sm_sales_volume_2025_9m": (12.8 * MILLION, "count", "", "2025-9M", "exact", False),
    "sm_average_selling_price_2025_9m": (905_000, "IDR", "IDR", "2025-9M", "exact", False),
    "sm_average_selling_price_2024_9m": (948_000, "IDR", "IDR", "2024-9M", "exact", False),
    "sm_fuel_and_power_cost_2025_9m": (4.1 * TRILLION, "IDR", "IDR", "2025-9M", "exact", False),  # "climbed to"
    # "operates five integrated cement plants ... with a combined annual capacity of 24.5 million tonnes, and employs
    # around 6,800 people"
    "sm_factory_count_now": (5, "count", "", SEMEN_MERAPI_NOW, "exact", False),
    "sm_cement_capacity_now": (24.5 * MILLION, "count", "", SEMEN_MERAPI_NOW, "exact", False),
    "sm_employee_count_now": (6_800, "count", "", SEMEN_MERAPI_NOW, "approx", False),
    # "expects to sell 17 million to 17.5 million tonnes of cement this year": a range, a forecast
    "sm_sales_volume_2025_forecast_low": (17 * MILLION, "count", "", "FY2025", "range_low", True),
    "sm_sales_volume_2025_forecast_high": (17.5 * MILLION, "count", "", "FY2025", "range_high", True),
    # "fell 4.3 percent to close at Rp 1,780 apiece on Wednesday"
    "sm_share_price_day_change_2025_10_29": (-4.3 / 100, "ratio", "", "2025-10-29", "exact", False),
    "sm_closing_share_price_2025_10_29": (1_780, "IDR", "IDR", "2025-10-29", "exact", False),
    # "Domestic cement consumption fell 1.8 percent to 46.2 million tonnes in the first nine months of the year"
    "indonesia_cement_consumption_growth_2025_9m": (-1.8 / 100, "ratio", "", "2025-9M", "exact", False),
    "indonesia_cement_consumption_2025_9m": (46.2 * MILLION, "count", "", "2025-9M", "exact", False),
    # the rival "last week reported a nine-month net profit of Rp 2.8 trillion"
    "sgp_net_profit_2025_9m": (2.8 * TRILLION, "IDR", "IDR", "2025-9M", "exact", False),
}

# Fiscal 2026 is September 2025 to August 2026 (named by the year it ends in): its first quarter, "the first quarter
# of its financial year" and "the three months to Nov. 30" of a story of 11 December 2025, is September to November
# 2025, "a year earlier" September to November 2024, and "the June-August quarter" the fourth quarter of fiscal 2025;
# "the year to August 2026" is fiscal 2026, not over on the day published (a forecast). Factories, capacity and staff
# have no date written, so the day published; "on Thursday" is the day published. The rival reports on a calendar
# year: its "third-quarter" is July to September 2025. "next year" is 2026, a forecast.
KELANA_FIGURES = {
    # "US orders lift sales 31%" (headline) and "Revenue rose 31% to RM742.5 million in the three months to Nov. 30"
    "kg_revenue_growth_headline": (31 / 100, "ratio", "", "FY2026-Q1", "exact", False),
    "kg_revenue_growth_fy2026q1": (31 / 100, "ratio", "", "FY2026-Q1", "exact", False),
    "kg_revenue_fy2026q1": (742.5 * MILLION, "MYR", "MYR", "FY2026-Q1", "exact", False),
    # "ahead of the RM701 million that analysts had expected": the estimate for the quarter reported, written after
    # the value, so no forecast of the text
    "kg_revenue_estimate_fy2026q1": (701 * MILLION, "MYR", "MYR", "FY2026-Q1", "exact", False),
    # "swung to a net profit of RM48.6 million in the first quarter of its financial year from a net loss of RM12.3
    # million a year earlier": the loss is a positive amount of the net loss metric
    "kg_net_profit_fy2026q1": (48.6 * MILLION, "MYR", "MYR", "FY2026-Q1", "exact", False),
    "kg_net_loss_fy2025q1": (12.3 * MILLION, "MYR", "MYR", "FY2025-Q1", "exact", False),
    # "Sales volume jumped 24% to 7.9 billion gloves.": no period written, the quarter reported
    "kg_glove_sales_volume_growth_fy2026q1": (24 / 100, "ratio", "", "FY2026-Q1", "exact", False),
    "kg_glove_sales_volume_fy2026q1": (7.9 * BILLION, "count", "", "FY2026-Q1", "exact", False),
    # "The average selling price climbed to US$21.40 per 1,000 gloves from US$20.10 in the June-August quarter": US
    # dollars written as such in a ringgit source; June to August 2025 is the fourth quarter of fiscal 2025
    "kg_average_selling_price_fy2026q1": (21.40, "USD", "USD", "FY2026-Q1", "exact", False),
    "kg_average_selling_price_fy2025q4": (20.10, "USD", "USD", "FY2025-Q4", "exact", False),
    # "Kelana's EBITDA margin widened to 14.1% from 4.5% a year earlier"
    "kg_ebitda_margin_fy2026q1": (14.1 / 100, "ratio", "", "FY2026-Q1", "exact", False),
    "kg_ebitda_margin_fy2025q1": (4.5 / 100, "ratio", "", "FY2025-Q1", "exact", False),
    "kg_interim_dividend_fy2026q1": (1.5 * SEN, "MYR", "MYR", "FY2026-Q1", "exact", False),  # "1.5 sen a share"
    # "Kelana runs 11 factories ... that can make 38 billion gloves a year, and employs about 9,600 people."
    "kg_factory_count_now": (11, "count", "", KELANA_NOW, "exact", False),
    "kg_glove_capacity_now": (38 * BILLION, "count", "", KELANA_NOW, "exact", False),
    "kg_employee_count_now": (9_600, "count", "", KELANA_NOW, "approx", False),
    # "now expects to sell 30 billion to 32 billion gloves" in "the year to August 2026": a range, a forecast
    "kg_glove_sales_volume_fy2026_forecast_low": (30 * BILLION, "count", "", "FY2026", "range_low", True),
    "kg_glove_sales_volume_fy2026_forecast_high": (32 * BILLION, "count", "", "FY2026", "range_high", True),
    # "jumped as much as 9.8% to RM1.46 on Thursday, ... before closing 6.2% higher at RM1.41": the day's high during
    # trading, then the close
    "kg_share_price_change_2025_12_11": (9.8 / 100, "ratio", "", "2025-12-11", "exact", False),
    "kg_intraday_share_price_2025_12_11": (1.46, "MYR", "MYR", "2025-12-11", "exact", False),
    "kg_share_price_day_change_2025_12_11": (6.2 / 100, "ratio", "", "2025-12-11", "exact", False),
    "kg_closing_share_price_2025_12_11": (1.41, "MYR", "MYR", "2025-12-11", "exact", False),
    # the rival's "third-quarter net profit of RM63.8 million, up from RM9.2 million a year earlier"
    "cm_net_profit_2025q3": (63.8 * MILLION, "MYR", "MYR", "2025-Q3", "exact", False),
    "cm_net_profit_2024q3": (9.2 * MILLION, "MYR", "MYR", "2024-Q3", "exact", False),
    # "expects global demand for gloves to grow 12% to 420 billion pieces next year"
    "global_glove_demand_growth_2026": (12 / 100, "ratio", "", "FY2026", "exact", True),
    "global_glove_demand_2026": (420 * BILLION, "count", "", "FY2026", "exact", True),
}

# Calendar fiscal year: "third-quarter" and "the July-September period" of a story of 6 November 2025 are July to
# September 2025, "a year earlier" and "the same quarter last year" July to September 2024. Appliances shipped and the
# export share have no period written beside them: the quarter reported. "For the first nine months" is January to
# September 2025 against the same months of 2024 ("from 4.2 billion lira"). "full-year" and "this year" are 2025, not
# over on the day published (forecasts). Staff have no date written, so the day published; the share move "by 1120
# GMT" is the day published. The rival's "third-quarter" is July to September 2025; the market's "first nine months"
# are January to September 2025.
MELTEM_FIGURES = {
    # "quarterly profit jumps 38%" (headline) and "third-quarter net profit rose 38% to 1.46 billion lira"
    "mbe_net_profit_growth_headline": (38 / 100, "ratio", "", "2025-Q3", "exact", False),
    "mbe_net_profit_growth_2025q3": (38 / 100, "ratio", "", "2025-Q3", "exact", False),
    "mbe_net_profit_2025q3": (1.46 * BILLION, "TRY", "TRY", "2025-Q3", "exact", False),
    # "Revenue grew to 21.8 billion lira in the July-September period from 17.3 billion lira a year earlier"
    "mbe_revenue_2025q3": (21.8 * BILLION, "TRY", "TRY", "2025-Q3", "exact", False),
    "mbe_revenue_2024q3": (17.3 * BILLION, "TRY", "TRY", "2024-Q3", "exact", False),
    # "Analysts polled by the company had expected 20.9 billion lira.": the estimate for the quarter reported, with
    # "expected" before the value in its sentence, so a forecast of the text
    "mbe_revenue_estimate_2025q3": (20.9 * BILLION, "TRY", "TRY", "2025-Q3", "exact", True),
    # "Operating margin narrowed by 60 basis points to 9.4%"
    "mbe_operating_margin_change_2025q3": (-60 * BPS, "percentage_point", "", "2025-Q3", "exact", False),
    "mbe_operating_margin_2025q3": (9.4 / 100, "ratio", "", "2025-Q3", "exact", False),
    # "The company shipped 2.35 million appliances, up 14% from the same quarter last year. Exports made up 61% of
    # sales"
    "mbe_appliances_shipped_2025q3": (2.35 * MILLION, "count", "", "2025-Q3", "exact", False),
    "mbe_appliances_shipped_growth_2025q3": (14 / 100, "ratio", "", "2025-Q3", "exact", False),
    "mbe_export_sales_share_2025q3": (61 / 100, "ratio", "", "2025-Q3", "exact", False),
    # "For the first nine months, net profit slipped to 3.9 billion lira from 4.2 billion lira"
    "mbe_net_profit_2025_9m": (3.9 * BILLION, "TRY", "TRY", "2025-9M", "exact", False),
    "mbe_net_profit_2024_9m": (4.2 * BILLION, "TRY", "TRY", "2024-9M", "exact", False),
    # "now expects full-year revenue of 84 billion to 88 billion lira, and plans to spend about 3 billion lira on its
    # plants this year": a range and an approximate amount, both forecasts
    "mbe_revenue_2025_forecast_low": (84 * BILLION, "TRY", "TRY", "FY2025", "range_low", True),
    "mbe_revenue_2025_forecast_high": (88 * BILLION, "TRY", "TRY", "FY2025", "range_high", True),
    "mbe_capital_spending_2025_forecast": (3 * BILLION, "TRY", "TRY", "FY2025", "approx", True),
    "mbe_employee_count_now": (12_400, "count", "", MELTEM_NOW, "approx", False),  # "employs some 12,400 people"
    # "Meltem shares rose 7.2% to 86.45 lira by 1120 GMT, valuing the company at about 58 billion lira": a price during
    # trading, not a close
    "mbe_share_price_change_2025_11_06": (7.2 / 100, "ratio", "", "2025-11-06", "exact", False),
    "mbe_intraday_share_price_2025_11_06": (86.45, "TRY", "TRY", "2025-11-06", "exact", False),
    "mbe_market_value_2025_11_06": (58 * BILLION, "TRY", "TRY", "2025-11-06", "approx", False),
    # the rival "reported a 12% fall in third-quarter net profit last week, to 2.1 billion lira": a fall is negative
    "ee_net_profit_growth_2025q3": (-12 / 100, "ratio", "", "2025-Q3", "exact", False),
    "ee_net_profit_2025q3": (2.1 * BILLION, "TRY", "TRY", "2025-Q3", "exact", False),
    # "Domestic sales of the main household appliances fell 4% to 7.2 million units in the first nine months"
    "turkey_appliance_sales_growth_2025_9m": (-4 / 100, "ratio", "", "2025-9M", "exact", False),
    "turkey_appliance_sales_2025_9m": (7.2 * MILLION, "count", "", "2025-9M", "exact", False),
}
HOLDOUTS = {
    BOREALIS: BOREALIS_FIGURES,
    VINTNERS: VINTNERS_FIGURES,
    LUMINA: LUMINA_FIGURES,
    DAESAN: DAESAN_FIGURES,
    SOLMAR: SOLMAR_FIGURES,
    THAMESBRIDGE: THAMESBRIDGE_FIGURES,
    BERGFELD: BERGFELD_FIGURES,
    NORRFORS: NORRFORS_FIGURES,
    LION_ROCK: LION_ROCK_FIGURES,
    KALLANG: KALLANG_FIGURES,
    VESTFJORD: VESTFJORD_FIGURES,
    COPPER_KETTLE: COPPER_KETTLE_FIGURES,
    TESSALINE: TESSALINE_FIGURES,
    ALTAMAR: ALTAMAR_FIGURES,
    ZORZA: ZORZA_FIGURES,
    BOKAMOSO: BOKAMOSO_FIGURES,
    CHAO_PHRAYA: CHAO_PHRAYA_FIGURES,
    SEMEN_MERAPI: SEMEN_MERAPI_FIGURES,
    KELANA: KELANA_FIGURES,
    MELTEM: MELTEM_FIGURES,
}


@pytest.fixture(scope="module")
def holdout_build(tmp_path_factory):
    """A copy of the project with every hold-out article's seed rows and text added, built and published."""
    return build_with_articles(tmp_path_factory.mktemp("holdout_articles"), *HOLDOUTS)


@pytest.fixture()
def warehouse(holdout_build):
    yield from open_warehouse(holdout_build)


def test_holdout_articles_publish_with_seed_rows_and_text_alone(holdout_build):
    assert_published(holdout_build[1])


@pytest.mark.parametrize("source_id", list(HOLDOUTS))
def test_every_holdout_figure_has_the_value_worked_out_from_the_text(warehouse, source_id):
    assert figure_mismatches(warehouse, source_id, HOLDOUTS[source_id]) == {}
