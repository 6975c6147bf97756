"""What was done: event triggers over the parse, their arguments, CAMEO codes, modality and scores."""
