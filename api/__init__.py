"""plangraph's web API, store access and command line (imports `extract`, never the reverse)."""
