"""Lab tools: the synthetic corpus generator, the benchmark and its plain-DuckDB floor."""
