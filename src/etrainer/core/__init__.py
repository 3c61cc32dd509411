"""The course model and learning logic: plain typed Python, no Qt, no database."""
