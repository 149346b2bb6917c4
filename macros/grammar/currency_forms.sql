{#- Every written form of every currency, from seeds/vocabulary/vocabulary_currencies.csv, as a
    list of {written_form, currency_code, position ('before' or 'after'), is_default, exponent}: a
    form one currency writes is its default; a form several write is the default of the one whose
    default_for names it. `exponent` is the power of ten a form multiplies the number by: -2 for a
    hundredth of the currency written after it ("245 pence" is 2.45 pounds), else 0. -#}
{% macro currency_forms() -%}
    {%- set forms = [] -%}
    {%- for row in vocabulary_rows('vocabulary_currencies') -%}
        {%- set defaults = (row['default_for'] or '').split(';') | map('trim') | list -%}
        {%- for column, position, exponent in [('written_before', 'before', 0), ('written_after', 'after', 0),
                                               ('written_after_hundredths', 'after', -2)] -%}
            {%- for form in (row[column] or '').split(';') | map('trim') if form -%}
                {%- do forms.append({'written_form': form, 'currency_code': row['currency_code'],
                                     'position': position, 'is_default': form in defaults, 'exponent': exponent}) -%}
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
