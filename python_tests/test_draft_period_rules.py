"""The rules by which `python -m pipeline draft` guesses a number's period
(models/intermediate/documents/int_document_draft_periods.sql and the words of
seeds/vocabulary/vocabulary_period_words.csv it reads), each pinned by a sentence of a fixture article
where it decides the guess.

As in test_draft_rules.py, whose helpers this reuses: the fixture articles are registered in copies of
the project, a group of GROUPS to a copy (groups of the same fixtures in either file share one), with
their figure, claim and ignore rows set aside (as for a document nobody has curated), and drafted by
pipeline.draft's own build of the draft models, once for the run. Each expected period was read off
the sentence by hand; the comment says which rule makes it, and what the draft guessed without that
rule.
"""

from __future__ import annotations

import pytest
from test_draft_rules import FIRST_ARTICLE, drafted_rows, row_of

RHEIN, SAKURA, DECCAN = "rhein_logic_2024_11_14", "sakura_compute_2024_11_08", "deccan_infotech_2025_01_16"
MARLOWE, MURRAY = "marlowe_finch_2025_04_16", "murray_basin_vintners_2025_08_14"
HARBOUR = "harbour_cloud_2025_03_20"
SOLMAR = "solmar_airlines_2025_07_24"
THAMESBRIDGE, KESTREL = "thamesbridge_pharma_2025_07_30", "kestrel_foods_2025_08_06"
ORRIN, WENDMOOR = "orrin_ferries_2026_02_19", "wendmoor_outdoor_2025_08_14"
NIMBUS, CORVANE = "nimbus_data_2025_08_26", "corvane_systems_2025_05_02"
COPPER, VESTFJORD = "copper_kettle_grill_2025_11_06", "vestfjord_havbruk_2025_11_13"
NORRFORS = "norrfors_stal_2025_10_23"
ZORZA = "zorza_interactive_2025_11_20"
CHAO = "chao_phraya_medical_2025_11_13"
SEMEN = "semen_merapi_2025_10_29"
KELANA = "kelana_glove_2025_12_11"
MELTEM = "meltem_beyaz_esya_2025_11_06"
KASKELA = "kaskela_leipomo_2025_05_15"
# fixture groups that go in one copy of the project (each carries its own catalogue rows). The first
# three are test_draft_rules.py's, drafted once for both files: its NIMBUS and CORVANE change no row
# of RHEIN, SAKURA, DECCAN or the first article (compared row for row with copies without them).
GROUPS = {
    "first": [NIMBUS, RHEIN, SAKURA],
    "second": [DECCAN, CORVANE],
    "third": [MARLOWE],
    "fourth": [MURRAY],
    "fifth": [HARBOUR],
    "sixth": [SOLMAR],
    "seventh": [THAMESBRIDGE, KESTREL],
    "eighth": [ORRIN, WENDMOOR],
    "ninth": [COPPER, VESTFJORD, NORRFORS],
    "tenth": [ZORZA, CHAO],
    "eleventh": [SEMEN],
    "twelfth": [KELANA],
    "thirteenth": [MELTEM, KASKELA],
}


@pytest.fixture(scope="module")
def drafted(drafted_fixture_articles) -> dict[str, list[dict[str, str]]]:
    return drafted_rows(drafted_fixture_articles, __name__, list(GROUPS))


def period_of(drafted, source_id: str, paragraph: int, value: str) -> str:
    return row_of(drafted, source_id, paragraph, value)["period_label_guess"]


def test_a_number_in_the_present_tense_is_as_of_publication(drafted):
    """ "The company owns nine vineyards and three wineries ..., and employs about 1,850 people": a
    verb in the present tense before the number in its clause (present_tense_verb), the second of a
    list after "and" too; "About a third of its revenue comes from banking ..., and it earns more
    than half of its sales in North America", "One in five of its 40,000 customers now uses ...": a
    verb after "<number> of ...". No period in the paragraph, so the period is "now", as of the
    published date (without the rule: the document's leading period, FY2025-Q3 and 2024-9M)."""
    assert [period_of(drafted, MURRAY, 9, value) for value in ("nine", "three", "about 1,850")] == [
        "as of 2025-08-14"
    ] * 3
    assert [period_of(drafted, DECCAN, 11, value) for value in ("About a third", "more than half")] == [
        "as of 2025-01-16"
    ] * 2
    assert period_of(drafted, RHEIN, 7, "One in five") == "as of 2024-11-14"
    assert row_of(drafted, MURRAY, 9, "nine")["period_as_written"] == "now"


def test_a_period_after_another_number_written_as_a_word_is_not_the_numbers(drafted):
    """ "It runs fifteen data centres in Japan and plans to open four more by 2027": "by 2027" comes
    after "four", a number written as a word, so it is the period of the four, not of the fifteen,
    which is stated in the present tense (without the rule, which counted only digits between, the
    fifteen took FY2027)."""
    assert period_of(drafted, SAKURA, 7, "fifteen") == "as of 2024-11-08"
    assert period_of(drafted, SAKURA, 7, "four") == "FY2027"


def test_a_period_right_after_a_number_after_from_is_the_compared_numbers(drafted):
    """ "In 2022, ... the company's loss expanded from 1.589 billion yuan in 2021 to 2.658 billion
    yuan": "in 2021" is the period of the number the loss expanded from, so the 2.658 billion takes
    the sentence's "In 2022" (without the rule: the nearer "in 2021", FY2021)."""
    assert period_of(drafted, FIRST_ARTICLE, 14, "1.589 billion yuan") == "FY2021"
    assert period_of(drafted, FIRST_ARTICLE, 14, "2.658 billion yuan") == "FY2022"


def test_a_period_right_after_a_number_a_change_is_measured_from_is_that_numbers(drafted):
    """ "Harbour Cloud's shares closed at HK$8.80 on 19 March 2025, down 45% from their listing price
    of HK$16 in 2021, giving the company a market value of about $26 billion": after a direction word,
    "from" and words, the HK$16 is the number compared with and "in 2021" its period, so the market
    value takes "19 March 2025" (without the rule: the nearer "in 2021", FY2021)."""
    assert period_of(drafted, HARBOUR, 10, "HK$16") == "FY2021"
    assert period_of(drafted, HARBOUR, 10, "about $26 billion") == "2025-03-19"


def test_a_period_inside_an_earlier_sentence_is_not_the_numbers(drafted):
    """ "Revenue in 2023 was HK$7.9 billion. Its net loss narrowed to HK$310 million from HK$520
    million a year earlier.": "in 2023" is part of the first sentence, neither leading it nor set
    off by a comma, so the HK$310 million takes the document's leading period, "last year" (without
    the rule: FY2023)."""
    assert period_of(drafted, HARBOUR, 5, "HK$7.9 billion") == "FY2023"
    assert period_of(drafted, HARBOUR, 5, "HK$310 million") == "FY2024"


def test_a_relative_period_resolves_against_a_year_relative_to_publication(drafted):
    """ "Its net loss narrowed to HK$310 million from HK$520 million a year earlier": the HK$310
    million's period is "last year" (FY2024 against the published date), so "a year earlier" is
    2023 (without the rule a reference needed a year in digits, and "a year earlier" resolved to
    nothing)."""
    row = row_of(drafted, HARBOUR, 5, "HK$520 million")
    assert (row["period_as_written"], row["period_label_guess"]) == ("a year earlier", "FY2023")


def test_a_number_a_change_is_measured_from_is_a_year_before(drafted):
    """ "Basic earnings per share rose to 18.4 pence from 16.9 pence": no period in the paragraph; the
    number after "from", after another number of its sentence, is the figure compared with, written
    "a year earlier" (compared_period) and resolved against the 18.4 pence's period, the document's
    leading "year to February 2025" (without the rule both took FY2025)."""
    assert period_of(drafted, MARLOWE, 7, "18.4 pence") == "FY2025"
    assert period_of(drafted, MARLOWE, 7, "16.9 pence") == "FY2024"
    assert row_of(drafted, MARLOWE, 7, "16.9 pence")["period_as_written"] == "a year earlier"


def test_of_joins_a_number_to_the_period_right_after_it(drafted):
    """ "Its cloud revenue in H1 2024 was €480 million, nearly double the €250 million of H1 2023":
    "of" (figure_lead_word) joins the €250 million to "H1 2023" right after it (without the row, the
    nearest period before it in its sentence, H1 2024)."""
    assert period_of(drafted, RHEIN, 6, "€250 million") == "2023-H1"
    assert period_of(drafted, RHEIN, 6, "€480 million") == "2024-H1"


def test_a_part_of_a_year_written_with_no_year_is_the_latest_that_ended_by_publication(drafted):
    """Published on 24 July 2025: "Operating profit in the second quarter rose 34% to €187 million",
    "its second-quarter passenger numbers fell 3%" (an ordinal and a part, no year: the latest second
    quarter that ended on or before the published date) and "The airline carried 14.8 million
    passengers in the quarter" (a part with no number: the latest quarter that ended by then) are
    2025-Q2, and "a year earlier" against it is 2024-Q2 (without the rule: the document's leading
    period, "this year", FY2025, and "a year earlier" FY2024)."""
    assert [period_of(drafted, SOLMAR, 5, value) for value in ("34%", "€187 million")] == ["2025-Q2"] * 2
    assert period_of(drafted, SOLMAR, 13, "3%") == "2025-Q2"
    assert period_of(drafted, SOLMAR, 7, "14.8 million") == "2025-Q2"
    assert period_of(drafted, SOLMAR, 7, "89.9%") == "2024-Q2"
    assert row_of(drafted, SOLMAR, 5, "34%")["period_as_written"] == "Q2 2025"


# Periods written with no year (macros/draft/draft_yearless_periods.sql): a day of the week, the full
# year, the end of a month or of a quarter, a day and month, months counted to a month. Kestrel Foods
# (python_tests/fixtures/kestrel_foods_2025_08_06) is published on Wednesday 6 August 2025.


def test_a_day_of_the_week_is_the_latest_such_day_by_publication(drafted):
    """ "Its shares fell 2.4% to 318 pence on Monday" (published on Wednesday 6 August 2025), "Shares
    of Solmar rose 6.1% to €14.72 in Madrid on Thursday" (published on Thursday 24 July 2025): a day of
    the week (word class weekday) is the latest such day on or before the published date, written as
    a date, and the period of every number of its sentence with no nearer period (without the rule the
    day was not read, and the numbers took the document's leading period: FY2025 for Solmar, 2025-H1
    for Thamesbridge)."""
    assert [period_of(drafted, KESTREL, 7, value) for value in ("2.4%", "318 pence")] == ["2025-08-04"] * 2
    assert [period_of(drafted, SOLMAR, 11, value) for value in ("6.1%", "€14.72")] == ["2025-07-24"] * 2
    assert [period_of(drafted, THAMESBRIDGE, 12, value) for value in ("5.2%", "1,468 pence")] == ["2025-07-30"] * 2
    assert row_of(drafted, KESTREL, 7, "318 pence")["period_as_written"] == "4 August 2025"


def test_the_full_year_with_no_year_is_the_latest_ended_or_the_forecast_one(drafted):
    """ "Its revenue for the full year was £1.58 billion" (published in August 2025): the full year
    with no year (full_year_no_year) is the latest fiscal year that ended by publication, FY2024;
    "The company now expects revenue of £2.5 billion to £2.6 billion for the full year", "raised its
    forecast for full-year operating profit to between €410 million and €440 million": with a forecast
    word in its sentence, the current one, FY2025 (without the rule "the full year" was not read: the
    £2.5 billion took Thamesbridge's leading period, 2025-H1, and Solmar's range was not written
    "full-year 2025")."""
    assert period_of(drafted, KESTREL, 5, "£1.58 billion") == "FY2024"
    assert row_of(drafted, KESTREL, 5, "£1.58 billion")["period_as_written"] == "full year 2024"
    assert [
        row_of(drafted, THAMESBRIDGE, 9, "£2.5 billion to £2.6 billion", position)["period_label_guess"]
        for position in ("first", "second")
    ] == ["FY2025"] * 2
    assert [
        row_of(drafted, SOLMAR, 4, "between €410 million and €440 million", position)["period_as_written"]
        for position in ("first", "second")
    ] == ["full-year 2025"] * 2


def test_the_end_of_a_month_or_quarter_and_a_day_with_no_year_are_dates_by_publication(drafted):
    """ "Net debt was £640 million at the end of June" (published 30 July 2025): the latest end of June
    by publication, 30 June 2025; "cash of £96 million at the end of the quarter" (published 6 August
    2025): the end of the latest quarter by then, 30 June 2025; "212 shops as of 31 December": the
    latest 31 December by then, of 2024 (without the rule: the £640 million took the document's
    leading period, 2025-H1; of "the end of the quarter" only "the quarter" was read, 2025-Q2; the 212
    had no period of its own). A period may start with a number ("31 December"): the 212 is followed
    by no other number before it."""
    assert period_of(drafted, THAMESBRIDGE, 11, "£640 million") == "2025-06-30"
    assert period_of(drafted, KESTREL, 6, "£96 million") == "2025-06-30"
    assert period_of(drafted, KESTREL, 6, "212") == "2024-12-31"


def test_months_to_a_month_with_no_year_are_the_part_of_the_year_they_make(drafted):
    """ "revenue rose 6% to £412 million in the three months to 30 June" (published in August 2025):
    three months to June, of a company that keeps a calendar year, are the second quarter, "Q2 2025";
    "Revenue climbed 9% to £1.24 billion in the six months to 30 June": the first half, "H1 2025"
    (without the rule neither had a period of its own: the £1.24 billion took the document's leading
    period, not written "H1 2025")."""
    assert period_of(drafted, KESTREL, 4, "£412 million") == "2025-Q2"
    assert row_of(drafted, KESTREL, 4, "£412 million")["period_as_written"] == "Q2 2025"
    assert period_of(drafted, THAMESBRIDGE, 5, "£1.24 billion") == "2025-H1"
    assert row_of(drafted, THAMESBRIDGE, 5, "£1.24 billion")["period_as_written"] == "H1 2025"


def test_parts_counted_from_the_start_of_the_year_with_no_year(drafted):
    """ "Online orders rose 11% in the first seven months of the year" (published on 6 August 2025):
    parts counted from the start of "the year" (yearless_year) are of the latest year in which they
    ended by publication, written "first seven months of 2025", which the period grammar reads
    (without the rule "the year" was not read, and the 11% took the document's leading period)."""
    row = row_of(drafted, KESTREL, 8, "11%")
    assert (row["period_as_written"], row["period_label_guess"]) == ("first seven months of 2025", "2025-7M")


# The document's leading period, and the parts of a fiscal year written with no year. Orrin Ferries
# (python_tests/fixtures/orrin_ferries_2026_02_19) keeps a fiscal year that ends in June and is published
# on 19 February 2026; Wendmoor Outdoor (python_tests/fixtures/wendmoor_outdoor_2025_08_14) keeps a
# calendar year and is published on 14 August 2025.


def test_a_part_of_a_year_with_no_year_in_the_headline_is_the_leading_period(drafted):
    """ "Orrin Ferries first-half profit climbs 9% ...": the headline's part of a year with no year is
    the latest such part of the company's fiscal year that ended by publication, the first half of
    fiscal 2026 (July to December 2025), and so the document's leading period, which "Revenue rose 4% to
    £310 million." (no period of its own) takes (without the rule the document had no leading period,
    since it writes no period with a year: the £310 million had none, "unstated")."""
    assert [period_of(drafted, ORRIN, 5, value) for value in ("4%", "£310 million")] == ["FY2026-H1"] * 2
    assert row_of(drafted, ORRIN, 5, "£310 million")["period_as_written"] == "H1 FY2026"


def test_a_part_of_a_fiscal_year_written_with_no_year(drafted):
    """ "Fare revenue for the fiscal second quarter was £58 million": of a company whose fiscal year
    ends in June, the latest second quarter of its fiscal year that ended by publication, October to
    December 2025, written "Q2 FY2026"; "pre-tax profit rose 9% to £24 million in the six months to
    December": six months to the end of the first half of its fiscal year, "H1 FY2026" (without the
    rules neither was read for a fiscal year: the £58 million and the £24 million had no period)."""
    row = row_of(drafted, ORRIN, 6, "£58 million")
    assert (row["period_as_written"], row["period_label_guess"]) == ("Q2 FY2026", "FY2026-Q2")
    row = row_of(drafted, ORRIN, 4, "£24 million")
    assert (row["period_as_written"], row["period_label_guess"]) == ("H1 FY2026", "FY2026-H1")


def test_a_period_compared_with_is_never_the_leading_period(drafted):
    """ "... its operating margin narrowed to 6.8%, against 8.1% in the first half of 2024": the first
    period the document writes comes after a comparison word and a number (comparison_word), the
    period compared with, so the leading period is the next, "Pre-tax profit for the half fell 12%"
    (the latest half by publication, 2025-H1), which "Revenue rose 3% to £402 million." takes (without
    the rule the leading period was the first with a year, 2024-H1)."""
    assert [period_of(drafted, WENDMOOR, 6, value) for value in ("3%", "£402 million")] == ["2025-H1"] * 2


def test_now_in_a_sentence_with_a_forecast_word_is_the_current_fiscal_year(drafted):
    """ "Wendmoor now expects revenue of about £830 million.": "now" in a sentence with a forecast word
    (vocabulary_context_words) is guidance for the current fiscal year, written "full year 2025"
    (without the rule: "now", as of publication, 2025-08-14)."""
    row = row_of(drafted, WENDMOOR, 7, "about £830 million")
    assert (row["period_as_written"], row["period_label_guess"]) == ("full year 2025", "FY2025")


# ---- a period on the subject's fiscal calendar, a period written at the number, present-tense counts
# and a stock at a month's end. Copper Kettle Grill (python_tests/fixtures/copper_kettle_grill_2025_11_06)
# keeps a fiscal year that ends in June and is published on 6 November 2025; its rival Harlan's
# Smokehouse keeps a calendar year. Vestfjord Havbruk and Norrfors Stål keep calendar years.


def test_a_stock_at_a_months_end_is_the_months_last_day(drafted):
    """ "The company opened four restaurants in the quarter and ended September with 318 in 27 states":
    "ended" before a month (month_end_verb) is its end, the latest by publication, written as the
    curated rows write a date, "30 September 2025" (without the rule: "in the quarter", FY2026-Q1);
    the four opened in the quarter keep the quarter."""
    for value in ("318", "27"):
        row = row_of(drafted, COPPER, 8, value)
        assert (row["period_as_written"], row["period_label_guess"]) == ("30 September 2025", "2025-09-30")
    assert period_of(drafted, COPPER, 8, "four") == "FY2026-Q1"


def test_a_period_written_at_the_number_wins_over_an_earlier_one_in_its_sentence(drafted):
    """ "The company kept its forecast of harvesting 178,000 tonnes this year and said it expects
    volumes to rise to about 195,000 tonnes in 2026": "in 2026" is after the number with one word
    between and no number, the period written at it (without the rule: the nearest before it in its
    sentence, "this year", FY2025)."""
    assert period_of(drafted, VESTFJORD, 8, "about 195,000") == "FY2026"
    assert period_of(drafted, VESTFJORD, 8, "178,000") == "FY2025"


def test_a_count_joined_to_a_present_tense_statement_is_as_of_publication(drafted):
    """ "Vestfjord employs about 1,350 people and holds 62 sea-farming licences along the coast of
    Nordland and Troms, with two processing plants": "holds" (present_tense_verb) and "with" after a
    comma (present_tense_link); "The group employs about 8,600 people and runs three steel mills ...,
    selling to some 1,400 customers": a participle after a comma. No period in the paragraph, so each is
    as of publication (without the rules: the document's leading period, 2025-Q3)."""
    assert [period_of(drafted, VESTFJORD, 9, value) for value in ("62", "two")] == ["as of 2025-11-13"] * 2
    assert period_of(drafted, NORRFORS, 9, "some 1,400") == "as of 2025-10-23"


# A period with no year, of a figure whose subject is not the lead entity, on the subject's calendar
# (int_document_draft_figures): Copper Kettle Grill's fiscal year ends in June; its rival Harlan's
# Smokehouse keeps a calendar year.


def test_a_period_with_no_year_is_resolved_on_the_subjects_fiscal_calendar(drafted):
    """ "Rival Harlan's Smokehouse said last week that its same-store sales fell 0.8% in the
    July-to-September quarter": months, a span connector and a part (months_span) are the months to
    September, and on the calendar of the number's subject, a calendar-year rival, that is the third
    quarter of 2025, "Q3 2025" (without the rule: the lead's "Q1 FY2026", which the build read on the
    rival's calendar as 2026-Q1)."""
    row = row_of(drafted, COPPER, 11, "0.8%")
    assert (row["entity_id_guess"], row["period_as_written"], row["period_label_guess"]) == (
        "harlans_smokehouse",
        "Q3 2025",
        "2025-Q3",
    )


# ---- a span of months with no part word, a time of day and a month alone. Zorza Interactive
# (python_tests/fixtures/zorza_interactive_2025_11_20) keeps a calendar year and is published on Thursday
# 20 November 2025.


def test_a_span_of_months_with_no_part_word_is_the_part_it_spans(drafted):
    """ "The Warsaw-listed company said net profit rose to 142.6 million zlotys in the July-September
    period from 38.4 million zlotys a year earlier": two months joined by a span connector, with no
    "quarter" after them (months_span), are the months to the last one, counted first to last: three
    months to September, the third quarter, "Q3 2025", and the figure compared with a year earlier is
    2024-Q3 (without the rule: the first nine months of the year of the next paragraph but one, 2025-9M
    and 2024-9M)."""
    row = row_of(drafted, ZORZA, 5, "142.6 million zlotys")
    assert (row["period_as_written"], row["period_label_guess"]) == ("Q3 2025", "2025-Q3")
    assert period_of(drafted, ZORZA, 5, "38.4 million zlotys") == "2024-Q3"


def test_a_four_digit_number_before_a_time_zone_is_a_time_of_day(drafted):
    """ "Shares in Zorza rose 8.4% to 286.50 zlotys by 1015 GMT in Warsaw, giving the company a market
    value of about 7.2 billion zlotys": a four-digit number with a time zone after it (time_zone) is a
    time of day, no period (without the rule: the year 1015, FY1015)."""
    for value in ("8.4%", "286.50 zlotys", "about 7.2 billion zlotys"):
        assert "1015" not in period_of(drafted, ZORZA, 10, value)


def test_a_four_digit_number_no_year_of_the_document_can_be_is_no_period(drafted):
    """ "Kelana shares, which trade under the code 7153 on Bursa Malaysia, jumped as much as 9.8% to RM1.46 on
    Thursday, ... before closing 6.2% higher at RM1.41", published on Thursday 11 December 2025: 7153 is
    no year of a text of 2025 (outside the window of years of the published date: year_window), so no
    period, and the day's trading is of the day, the published date (without the rule: the year 7153,
    FY7153, for the 9.8%, the 6.2% and the RM1.41); the number is a row of its own, as it is a mention
    the coverage test sees."""
    for value in ("9.8%", "6.2%", "RM1.41"):
        assert period_of(drafted, KELANA, 12, value) == "2025-12-11"
    assert row_of(drafted, KELANA, 12, "7153")["period_label_guess"] != "FY7153"


def test_a_month_alone_after_in_is_the_month(drafted):
    """ "... said it had 3.8 million monthly active players across its titles in September, up from 1.2
    million a year earlier": a month written alone after "in" (month_alone_lead) is that month, the
    latest by publication, "September 2025", and the figure compared with a year earlier is September
    2024 (without the rule: the paragraph has no period, so the document's leading period, 2025-Q3
    and 2024-Q3)."""
    row = row_of(drafted, ZORZA, 11, "3.8 million")
    assert (row["period_as_written"], row["period_label_guess"]) == ("September 2025", "2025-09")
    assert period_of(drafted, ZORZA, 11, "1.2 million") == "2024-09"


# ---- a number a multiple is measured from is the figure compared with


def test_a_number_after_from_a_multiple_written_in_words_is_the_figure_compared_with(drafted):
    """ "Revenue more than doubled to 512.3 million zlotys from 231.7 million zlotys": "doubled" is a
    multiple written in words (vocabulary_value_words), no direction word, yet the number after "from"
    is what the change is measured from, a year before, as after "rose to X from Y" (without the rule:
    2025-Q3, the quarter of the number before it)."""
    assert period_of(drafted, ZORZA, 5, "231.7 million zlotys") == "2024-Q3"
    assert period_of(drafted, ZORZA, 5, "512.3 million zlotys") == "2025-Q3"


# ---- a count hanging off a present-tense statement, a relative period after a comparison word, a day's
# trading in shares and a part written as an adjective. Chao Phraya Medical
# (python_tests/fixtures/chao_phraya_medical_2025_11_13) keeps a calendar year and is published on
# Thursday 13 November 2025; Semen Merapi (semen_merapi_2025_10_29), on Wednesday 29 October 2025,
# leads with the first nine months of 2025.


def test_a_count_after_a_link_word_right_after_a_present_tense_object_is_as_of_publication(drafted):
    """ "The group runs 21 hospitals with 3,480 licensed beds in Bangkok and eight provinces, and employs
    about 14,200 people": "with" (present_tense_link) right after the object of a verb in the present
    tense ("runs 21 hospitals"), with no comma before it, joins the 3,480 to the statement: as of
    publication, as the 21 and the 14,200 are (without the rule: the document's leading period,
    2025-Q3). A flow in the quarter with no present-tense verb keeps its period."""
    assert [period_of(drafted, CHAO, 9, value) for value in ("21", "3,480", "about 14,200")] == ["as of 2025-11-13"] * 3
    assert period_of(drafted, CHAO, 5, "8.46 billion baht") == "2025-Q3"


def test_a_count_after_a_link_word_that_opens_a_noun_and_of_is_as_of_publication(drafted):
    """ "Semen Merapi operates five integrated cement plants in Java, Sumatra and Sulawesi with a combined
    annual capacity of 24.5 million tonnes, and employs around 6,800 people": "with" (present_tense_link)
    opens a noun and "of" ("a combined annual capacity of"), so it joins the 24.5 million to the
    statement in the present tense ("operates"), wherever it stands after the verb's object (here a list
    of islands, commas in it): as of publication, as the five and the 6,800 are (without the rule: the
    document's leading period, 2025-9M)."""
    assert [period_of(drafted, SEMEN, 8, value) for value in ("five", "24.5 million", "around 6,800")] == [
        "as of 2025-10-29"
    ] * 3


def test_a_relative_period_after_a_comparison_word_is_not_the_numbers(drafted):
    """ "Larger rival PT Semen Garuda Perkasa Tbk last week reported a nine-month net profit of Rp 2.8
    trillion, also lower than a year earlier": "a year earlier" after "than" (comparison_word) is what the
    profit is compared with, not its period, as after "from"; the paragraph writes no other period, so
    the profit takes the document's leading period, the first nine months of 2025, that "nine-month"
    speaks of (without the rule: a year earlier, 2024-9M). The number compared with, right before
    "a year earlier", keeps it: "fell to Rp 905,000 per tonne from Rp 948,000 a year earlier"."""
    assert period_of(drafted, SEMEN, 12, "Rp 2.8 trillion") == "2025-9M"
    assert period_of(drafted, SEMEN, 6, "Rp 948,000") == "2024-9M"


def test_a_number_of_a_days_trading_in_shares_is_of_the_published_date(drafted):
    """ "Shares of Chao Phraya Medical rose 3.4% to 30.25 baht at the midday break in Bangkok": a
    sentence on a day's trading in shares ("shares", session_noun, then a direction word or a
    session_verb) that writes no period is of the published date (without the rule: the document's
    leading period for the move, 2025-Q3, and no period for the price)."""
    assert [period_of(drafted, CHAO, 12, value) for value in ("3.4%", "30.25 baht")] == ["2025-11-13"] * 2


def test_a_part_written_as_an_adjective_is_the_latest_part(drafted):
    """ "Digital sales accounted for 91% of quarterly revenue": "quarterly" (part_adjective) after the
    share, joined by "of", is the part of the flow it is a share of: the latest quarter that ended by
    publication, "Q3 2025" (without the rule: "the end of September" of the sentence before, set off by
    a comma, 2025-09-30)."""
    row = row_of(drafted, ZORZA, 7, "91%")
    assert (row["period_as_written"], row["period_label_guess"]) == ("Q3 2025", "2025-Q3")


def test_a_number_inside_a_period_with_no_year_is_no_figure(drafted):
    """ "'Ashen Crown', released on Aug. 28 for PC and consoles, ...", "In the first nine months of the
    year, revenue rose 64% to 903.5 million zlotys": a number inside a period the draft's period grammar
    reads (a month and a day, parts counted from the start of the year) is part of the period, no
    figure (without the rule: draft rows of "28" and "nine"); the figure after it is drafted."""
    written = {(row["paragraph_number"], row["value_as_written"]) for row in drafted[ZORZA]}
    assert ("7", "28") not in written
    assert ("8", "nine") not in written
    assert ("8", "903.5 million zlotys") in written


def test_a_count_of_a_length_of_time_is_no_figure(drafted):
    """ "Same-store sales, which exclude restaurants open for less than 18 months, rose 2.4% in the
    quarter": a number right before a length of time in the plural (duration_noun) counts the length of a
    period, no figure (without the rule: a draft row of "less than 18"); the figures of the sentence are
    drafted."""
    written = {(row["paragraph_number"], row["value_as_written"]) for row in drafted[COPPER]}
    assert ("6", "less than 18") not in written
    assert ("6", "2.4%") in written


def test_the_day_of_a_statement_is_not_the_period_of_its_numbers(drafted):
    """ "Revenue rose 31% to RM742.5 million in the three months to Nov. 30, ahead of the RM701 million that
    analysts had expected, the Klang-based company said in a stock exchange filing on Thursday": "on
    Thursday" after "said" (statement_verb), with no number and no comma between, is the day the statement
    was made, not the period of the estimate, which takes the quarter written before it, the first quarter
    of fiscal 2026 (September to November 2025), as the revenue does (without the rule: the Thursday,
    2025-12-11). A day of the week of a day's trading keeps its date: "Kelana shares ... jumped as much as
    9.8% to RM1.46 on Thursday"."""
    assert [period_of(drafted, KELANA, 5, value) for value in ("RM742.5 million", "RM701 million")] == ["FY2026-Q1"] * 2
    assert period_of(drafted, KELANA, 12, "RM1.46") == "2025-12-11"


def test_a_rate_in_a_statement_in_the_present_tense_is_as_of_publication(drafted):
    """ "Kelana runs 11 factories in Selangor and Kedah that can make 38 billion gloves a year, and employs
    about 9,600 people": "a year" (rate_word) after the number and its unit makes it a rate, not a period,
    and a verb in the present tense before it in its clause ("runs", present_tense_verb; "can",
    present_tense_modal) states it as of publication, as the 11 and the 9,600 are (without the rule: the
    document's leading period, FY2026-Q1)."""
    assert [period_of(drafted, KELANA, 10, value) for value in ("11", "38 billion", "about 9,600")] == [
        "as of 2025-12-11"
    ] * 3


# ---- parts counted from the start of a year with no year written. Meltem Beyaz Esya
# (python_tests/fixtures/meltem_beyaz_esya_2025_11_06) keeps a calendar year, is published on Thursday
# 6 November 2025 and reports the third quarter of 2025 ("third-quarter net profit"); Kaskela Leipomo
# (kaskela_leipomo_2025_05_15) keeps a calendar year, is published on 15 May 2025 and reports the first
# quarter of 2025.


def test_parts_counted_with_no_year_are_of_the_year_the_document_reports(drafted):
    """ "For the first nine months, net profit slipped to 3.9 billion lira from 4.2 billion lira, because of
    heavy losses on its lira holdings early in the year": parts counted from the start of a year with no
    year written (counted_parts) are of the year of the period the document reports, its leading period
    (2025-Q3), written "first nine months of 2025", the period grammar's form; the period opens the
    sentence, so it is the 3.9 billion's, and the 4.2 billion the profit slipped from is the figure
    compared with, a year earlier, 2024-9M (without the rule "the first nine months" was not read: the
    numbers took the leading period, 2025-Q3 and 2024-Q3)."""
    row = row_of(drafted, MELTEM, 8, "3.9 billion lira")
    assert (row["period_as_written"], row["period_label_guess"]) == ("first nine months of 2025", "2025-9M")
    assert period_of(drafted, MELTEM, 8, "4.2 billion lira") == "2024-9M"


def test_parts_counted_with_no_year_after_the_numbers_and_a_statement(drafted):
    """ "Domestic sales of the main household appliances fell 4% to 7.2 million units in the first nine
    months, the manufacturers' association TURKBESD said last month, ...": the period after the 7.2
    million, with words and no number between, is its own, and the 4% that fell to it takes it; "said
    last month" dates the statement, no period the draft reads (without the rule neither number had a
    period: "the first nine months" was not read)."""
    assert [period_of(drafted, MELTEM, 15, value) for value in ("4%", "7.2 million")] == ["2025-9M"] * 2
    assert row_of(drafted, MELTEM, 15, "7.2 million")["period_as_written"] == "first nine months of 2025"


def test_parts_counted_with_no_year_take_the_reported_year_not_the_latest_ended(drafted):
    """ "The company expects revenue of about €190 million for the first nine months, up from €176 million a
    year earlier", published on 15 May 2025 in an article on the first quarter of 2025: the nine months are
    those of the year the document reports, its leading period ("first-quarter", 2025-Q1), 2025-9M, and the
    €176 million a year earlier 2024-9M (without the rule, the year the published date gives, the latest
    in which nine months ended by publication: 2024-9M and 2023-9M; before parts counted with no year were
    read at all: the leading period, 2025-Q1 and 2024-Q1)."""
    row = row_of(drafted, KASKELA, 5, "about €190 million")
    assert (row["period_as_written"], row["period_label_guess"]) == ("first nine months of 2025", "2025-9M")
    assert period_of(drafted, KASKELA, 5, "€176 million") == "2024-9M"


def test_parts_counted_from_another_start_are_no_period(drafted):
    """ "The 14 cafés Kaskela opened in Sweden last year lost €1.2 million in their first six months of
    trading": parts followed by a counted_from_word ("of trading") are counted from another start than the
    year's, no period, so the €1.2 million takes the nearest period before it in its sentence, "last year"
    (without the rule: "first six months of 2025", 2025-6M)."""
    row = row_of(drafted, KASKELA, 6, "€1.2 million")
    assert (row["period_as_written"], row["period_label_guess"]) == ("last year", "FY2024")


def test_parts_counted_with_no_year_of_another_calendar_year_entity_take_the_reported_year(drafted):
    """ "Larger rival Ruislinna Oy expects sales to grow about 5% in the first nine months": resolved again on
    the calendar of the number's subject, a rival that keeps a calendar year as the lead entity does, the
    nine months are still those of the year the document reports, 2025-9M (without the rule: the year the
    published date gives, 2024-9M)."""
    row = row_of(drafted, KASKELA, 7, "about 5%")
    assert (row["entity_id_guess"], row["period_as_written"], row["period_label_guess"]) == (
        "ruislinna",
        "first nine months of 2025",
        "2025-9M",
    )
