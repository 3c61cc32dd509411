"""Start Ralph's LRS API on 127.0.0.1 with its file-system backend, taking repeated writes.

    .venv-lrs/bin/python tests/lrs/launch.py PORT

Ralph's file-system LRS backend writes every batch of statements to one file (`fs_lrs.jsonl`) with the
data backend's default operation, CREATE, which refuses a file that exists: the first POST is stored and every
later one fails with 500. Appending is an operation the same backend implements (`BaseOperationType.APPEND`),
so this launcher makes it the backend's default and runs the unchanged API with uvicorn. Everything else —
statement validation, duplicate-id checks (409 for a POST of an id it has), `more` links, Basic
authentication from RALPH_AUTH_FILE — is Ralph's own. Configuration comes from Ralph's environment variables
(RALPH_RUNSERVER_BACKEND=fs, RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH, RALPH_AUTH_FILE), set by
tests/servers.py. Limits: the backend reads the whole file for every query, fine for a test's few thousand
statements, not for production (use Ralph with ClickHouse, MongoDB or Elasticsearch there).
"""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
