"""The spaCy backbone: the only place the model is loaded."""
