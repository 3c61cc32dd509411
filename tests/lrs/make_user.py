"""Write Ralph's Basic-authentication file with one user: make_user.py FILE USER PASSWORD (run with .venv-lrs)."""

import json
import sys

import bcrypt

path, user, password = sys.argv[1:4]
credentials = [{"agent": {"account": {"homePage": "https://lrs.example.org", "name": user}}, "scopes": ["all"],
                "hash": bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode(), "username": user}]
with open(path, "w", encoding="utf-8") as file:
    json.dump(credentials, file)
