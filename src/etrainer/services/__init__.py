"""Use cases: each opens one database session per user action and returns core objects."""
