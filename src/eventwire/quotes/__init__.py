"""Who said what: direct, mixed and indirect quotes and their speakers."""
