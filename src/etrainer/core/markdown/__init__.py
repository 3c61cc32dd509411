"""Lesson markdown → sanitised HTML."""
