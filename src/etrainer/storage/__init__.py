"""SQLAlchemy models, sessions, repositories, Alembic migrations and backups."""
