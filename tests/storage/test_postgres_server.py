"""The throw-away PostgreSQL server the workspace tests use really runs and gives each test its own database."""

from sqlalchemy import create_engine, text


def test_each_test_gets_an_empty_database_on_a_real_server(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar_one()
            tables = connection.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar_one()
            host = connection.execute(text("SELECT inet_server_addr()::text")).scalar_one()
    finally:
        engine.dispose()
    assert int(version.split(".")[0]) >= 13
    assert tables == 0
    assert host.startswith("127.0.0.1")
