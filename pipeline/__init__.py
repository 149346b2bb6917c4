"""Build, check and publish the figures warehouse."""
