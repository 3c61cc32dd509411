"""Е-тренер: an offline trainer for librarians who help citizens use administrative e-services."""

__version__ = "0.1.0"
