"""Shared UI pieces: error dialogs, background tasks, yes/no prompts."""
