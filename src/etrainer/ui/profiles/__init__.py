"""Choosing, creating and editing learner profiles."""
