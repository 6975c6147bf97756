"""Scoring the coder against gold files (`eventwire eval`)."""
