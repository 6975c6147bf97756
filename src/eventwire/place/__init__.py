"""Where: place names resolved to GeoNames entries."""
