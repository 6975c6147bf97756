"""When: time expressions resolved against the publication date."""
