"""Classroom voting from phones: a small aiohttp server for one session (services.voting.server)."""
