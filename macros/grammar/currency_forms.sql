{#- Every written form of every currency, from seeds/vocabulary/vocabulary_currencies.csv, as a
    list of {written_form, currency_code, position ('before' or 'after'), is_default}: a form one
    currency writes is its default; a form several write is the default of the one whose
    default_for names it. -#}
{% macro currency_forms() -%}
    {%- set forms = [] -%}
    {%- for row in vocabulary_rows('vocabulary_currencies') -%}
        {%- set defaults = (row['default_for'] or '').split(';') | map('trim') | list -%}
        {%- for position in ['before', 'after'] -%}
            {%- for form in (row['written_' ~ position] or '').split(';') | map('trim') if form -%}
                {%- do forms.append({'written_form': form, 'currency_code': row['currency_code'],
                                     'position': position, 'is_default': form in defaults}) -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set writers = {} -%}
    {%- for form in forms -%}
        {%- do writers.update({form['written_form'] ~ '|' ~ form['position']: writers.get(form['written_form'] ~ '|' ~ form['position'], 0) + 1}) -%}
    {%- endfor -%}
    {%- for form in forms if writers[form['written_form'] ~ '|' ~ form['position']] == 1 -%}
        {%- do form.update({'is_default': true}) -%}
    {%- endfor -%}
    {{ return(forms) }}
{%- endmacro %}
