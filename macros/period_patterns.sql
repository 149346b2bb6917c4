{#- The grammar of a period as written (lowercased), one regular expression per kind of period.
    A period that matches none fails the build. Capture groups are named in each comment. -#}
{% macro period_patterns() -%}
    {%- set month = '(january|february|march|april|may|june|july|august|september|october|november|december)' -%}
    {{ return({
        'fiscal_year': '^(?:by +)?([0-9]{4})$',
        'half_year': '^(first|second) half of ([0-9]{4})$',
        'month': '^' ~ month ~ ' ([0-9]{4})$',
        'date': '^' ~ month ~ ' ([0-9]{1,2}), ([0-9]{4})$',
        'year_end': '^(?:the )?end of ([0-9]{4})$',
        'span': '^([0-9]{4}) to ([0-9]{4})$',
        'as_of_publication': '^(so far|now|currently|today)$',
        'before_publication': '^(initially|previously|earlier|within a few years of .+)$',
    }) }}
    {#- groups: fiscal_year 1 year; half_year 1 half, 2 year; month 1 month, 2 year;
        date 1 month, 2 day, 3 year; year_end 1 year; span 1 first year, 2 last year -#}
{%- endmacro %}
