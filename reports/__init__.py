"""Reports over the published warehouse: the claims report, the docs site, the dashboard."""
