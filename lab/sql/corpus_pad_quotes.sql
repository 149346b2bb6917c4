{#- Lengthen each generated quote to about quote_chars characters, as long as the article's
    quotes, with words of financial news picked per figure (so the text compresses like prose, not
    like one repeated sentence). The value as written stays in the quote. -#}
update batch
set quote = left(
    quote || ' ' || array_to_string(
        list_transform(
            range(40),
            position -> list_extract(
                [
                    'analysts', 'said', 'the', 'quarter', 'results', 'showed', 'that', 'cloud', 'demand',
                    'remained', 'strong', 'despite', 'pricing', 'pressure', 'from', 'larger', 'rivals',
                    'while', 'margins', 'narrowed', 'as', 'spending', 'on', 'data', 'centres', 'rose',
                    'management', 'expects', 'growth', 'to', 'continue', 'into', 'next', 'year', 'with',
                    'new', 'contracts', 'in', 'government', 'and', 'finance', 'customers', 'according',
                    'filing', 'exchange', 'investors', 'reacted', 'cautiously', 'shares', 'traded',
                    'lower', 'after', 'announcement', 'company', 'reported', 'its', 'annual', 'figures',
                    'compared', 'with', 'a', 'previous', 'estimate', 'of', 'market', 'researchers'
                ],
                1 + cast(hash(figure_id, position) % 66 as integer)
            )
        ),
        ' '
    ),
    greatest(length(quote), {{ quote_chars }})
)
