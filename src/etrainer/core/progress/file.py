"""Reading and checking progress files (`.etprogress`, format in docs/progress-format.md). Qt- and SQLAlchemy-free.

`read_progress_file(path)` returns a typed, frozen `ProgressDocument` (core.progress.document) or raises
`ProgressFileRejected` whose `reason` is a `RejectReason`. The checks, in order: size (before reading),
JSON syntax and nesting depth, format name and version, the Ed25519 signature over `canonical_bytes`, an
optional trusted key, the record limit, then the shape of every field. Older versions are upgraded step by
step (`UPGRADES`) after the signature is checked, since the signature covers the file as written.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from etrainer.core.progress.document import ProgressDocument, Signature, parse_document
from etrainer.core.progress.format import (
    FILE_SUFFIX,
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_RECORDS,
    SIGNATURE_ALGORITHM,
    ProgressFileRejected,
    RejectReason,
    format_time,
    parse_time,
)
from etrainer.core.quiz.bank import transliterate

__all__ = [
    "FILE_SUFFIX", "FORMAT_NAME", "FORMAT_VERSION", "MAX_DEPTH", "MAX_FILE_BYTES", "MAX_RECORDS",
    "SIGNATURE_ALGORITHM", "UPGRADES", "ProgressDocument", "ProgressFileRejected", "RejectReason", "Signature",
    "canonical_bytes", "check_key", "file_bytes", "file_name_for", "format_time", "parse_progress_bytes", "parse_time",
    "read_progress_file", "signed_content", "validate_document", "verify_signature",
]

def _upgrade_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds essays (responses of kind `essay` with `max_points`); a version-1 file has none, so
    only the number changes — and an essay in a version-1 file is damage, not something to upgrade."""
    records = data.get("records")
    attempts = records.get("quiz_attempts") if isinstance(records, dict) else None
    for a, attempt in enumerate(attempts if isinstance(attempts, list) else []):
        responses = attempt.get("responses") if isinstance(attempt, dict) else None
        for r, response in enumerate(responses if isinstance(responses, list) else []):
            if isinstance(response, dict) and response.get("question_kind") == "essay":
                raise ProgressFileRejected(RejectReason.DAMAGED, f"records.quiz_attempts[{a}].responses[{r}]."
                                           "question_kind: essays need format version 2")
    return {**data, "version": 2}


UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _upgrade_1}
"""`UPGRADES[n]` turns a version-n document into version n+1."""



def canonical_bytes(doc: Mapping[str, Any]) -> bytes:
    """The bytes the signature signs: the document without its "signature" key, sorted compact UTF-8 JSON."""
    unsigned = {key: value for key, value in doc.items() if key != "signature"}
    return json.dumps(unsigned, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


SIGNATURE_MEMBER = b',"signature":'
"""How the signature member begins in a file eTrainer writes (`file_bytes`): last, after the canonical bytes."""


def file_bytes(signed: Mapping[str, Any]) -> bytes:
    """The bytes of a signed document as eTrainer writes its files: `canonical_bytes` with the signature block
    added as the last member. A reader then checks the signature against the file's own bytes before that member
    (`verify_signature`) instead of encoding the whole document again."""
    body = canonical_bytes(signed)
    block = json.dumps(signed["signature"], ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                       allow_nan=False).encode("utf-8")
    if body == b"{}":
        return b'{"signature":' + block + b"}"
    return body[:-1] + SIGNATURE_MEMBER + block + b"}"


def file_name_for(learner_name: str, day: date) -> str:
    """`Olena-Petrenko_2026-11-27.etprogress`: the name transliterated, one capital per word, Latin only."""
    words = (re.sub(r"[^a-z0-9]+", "", transliterate(word)) for word in re.split(r"[^\w'ʼ’]+", learner_name))
    stem = "-".join(word[:1].upper() + word[1:] for word in words if word)[:80].rstrip("-") or "Learner"
    return f"{stem}_{day.isoformat()}{FILE_SUFFIX}"


def read_progress_file(path: Path | str, *, trusted_key: bytes | None = None) -> ProgressDocument:
    """The checked document in `path`; raises ProgressFileRejected.

    `trusted_key` is the raw public key a workspace already trusts for this file's learner: a valid file
    signed with another key is refused with KEY_CHANGED. An unreadable path is NOT_A_PROGRESS_FILE.
    """
    path = Path(path)
    try:
        if not path.is_file():
            raise ProgressFileRejected(RejectReason.NOT_A_PROGRESS_FILE, f"{path.name} is not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProgressFileRejected(RejectReason.TOO_LARGE, f"{size} bytes; the limit is {MAX_FILE_BYTES}")
        with path.open("rb") as stream:
            raw = stream.read(min(size, MAX_FILE_BYTES) + 1)  # a file that grew meanwhile still trips the limit
    except OSError as error:
        raise ProgressFileRejected(RejectReason.NOT_A_PROGRESS_FILE,
                                   f"cannot be read: {error.strerror or error}") from error
    if len(raw) > MAX_FILE_BYTES:
        raise ProgressFileRejected(RejectReason.TOO_LARGE, f"more than {MAX_FILE_BYTES} bytes")
    return parse_progress_bytes(raw, trusted_key=trusted_key)


def parse_progress_bytes(raw: bytes, *, trusted_key: bytes | None = None) -> ProgressDocument:
    """As read_progress_file, for the bytes of a file (the size limit applies here too)."""
    data, source_version, signature = signed_content(raw, trusted_key=trusted_key)
    return parse_document(data, FORMAT_VERSION, source_version, signature)


def signed_content(raw: bytes, *, trusted_key: bytes | None = None) -> tuple[dict[str, Any], int, Signature]:
    """Every check of `parse_progress_bytes` but the shape of the fields (`parse_document` does that): the
    parsed data upgraded to FORMAT_VERSION, the version the file was written in, and its signature."""
    if len(raw) > MAX_FILE_BYTES:
        raise ProgressFileRejected(RejectReason.TOO_LARGE, f"{len(raw)} bytes; the limit is {MAX_FILE_BYTES}")
    data = _load_json(raw)
    _check_header(data)
    signature = verify_signature(data, raw)
    if trusted_key is not None:
        check_key(signature, trusted_key)
    source_version: int = data["version"]
    return _upgraded(data), source_version, signature


def validate_document(data: object) -> ProgressDocument:
    """The typed document from parsed JSON, with every check but the signature's value (the signature block,
    when present, must be well-formed). Use it on a freshly collected, unsigned document too."""
    _check_header(data)
    assert isinstance(data, dict)
    signature = _signature_block(data) if "signature" in data else None
    return _upgrade_and_parse(data, signature)


def verify_signature(data: Mapping[str, Any], raw: bytes | None = None) -> Signature:
    """The file's signature after checking it against `canonical_bytes(data)`; raises BAD_SIGNATURE.

    With `raw`, the bytes `data` was parsed from: when they end with the signature member as `file_bytes` writes
    it, the signature is first checked against the bytes before that member (which, for a file eTrainer wrote, are
    the canonical bytes: no second encoding of the document). The data is then what was signed: the same bytes,
    parsed, with only the signature member after them. Bytes laid out another way (an older eTrainer's indented
    files, a file edited by hand) or a signature that does not match them are checked the canonical way."""
    signature = _signature_block(data)
    try:
        key = Ed25519PublicKey.from_public_bytes(signature.public_key)
        signed = _signed_part(raw, data) if raw is not None else None
        if signed is not None:
            try:
                key.verify(signature.value, signed)
                return signature
            except InvalidSignature:
                pass  # not the canonical bytes after all: the canonical encoding decides
        key.verify(signature.value, canonical_bytes(data))
    except InvalidSignature as error:
        raise ProgressFileRejected(RejectReason.BAD_SIGNATURE, "the signature does not match the content") from error
    except ValueError as error:  # a key that is not a valid curve point, or a value canonical JSON refuses
        raise ProgressFileRejected(RejectReason.BAD_SIGNATURE, str(error)) from error
    return signature


def _signed_part(raw: bytes, data: Mapping[str, Any]) -> bytes | None:
    """The bytes before the file's last member when that member is its signature as `file_bytes` writes it (the
    block equal to the parsed one, then the closing brace), closed; None otherwise."""
    text = raw.removeprefix(b"\xef\xbb\xbf").strip()
    at = text.rfind(SIGNATURE_MEMBER)
    if at < 0 or not text.endswith(b"}"):
        return None
    try:
        block = json.loads(text[at + len(SIGNATURE_MEMBER):-1])
    except (ValueError, RecursionError):
        return None
    if block != data.get("signature"):
        return None
    return text[:at] + b"}"


def check_key(signature: Signature | ProgressDocument, trusted_key: bytes) -> None:
    """Raises KEY_CHANGED unless the file was signed with `trusted_key` (raw public key bytes)."""
    if isinstance(signature, ProgressDocument):
        if signature.signature is None:
            raise ProgressFileRejected(RejectReason.BAD_SIGNATURE, "the file is not signed")
        signature = signature.signature
    if signature.public_key != trusted_key:
        raise ProgressFileRejected(RejectReason.KEY_CHANGED, "signed with a key other than the trusted one")


def _load_json(raw: bytes) -> Any:
    text = raw.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text:
        raise ProgressFileRejected(RejectReason.TRUNCATED, "the file is empty")
    if not text.startswith(b"{"):
        raise ProgressFileRejected(RejectReason.NOT_A_PROGRESS_FILE, "it does not begin with a JSON object")
    try:
        decoded = text.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProgressFileRejected(RejectReason.TRUNCATED, f"not UTF-8 text at byte {error.start}") from error
    try:
        data = json.loads(decoded, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        raise ProgressFileRejected(RejectReason.TRUNCATED, f"invalid JSON: {error}") from error
    except RecursionError as error:  # the C parser stops at Python's recursion limit: no crash, just too deep
        raise ProgressFileRejected(RejectReason.DAMAGED, f"JSON nested too deep; the limit is {MAX_DEPTH}") from error
    except ValueError as error:  # NaN, infinity, a number too long to read
        raise ProgressFileRejected(RejectReason.DAMAGED, f"unreadable value: {error}") from error
    depth = _nesting_depth(data)
    if depth > MAX_DEPTH:
        raise ProgressFileRejected(RejectReason.DAMAGED, f"JSON nested {depth} deep; the limit is {MAX_DEPTH}")
    return data


def _nesting_depth(data: Any) -> int:
    """How deep arrays and objects nest in parsed JSON, walked level by level without recursion (stops past
    MAX_DEPTH). A level is one list comprehension: a node at a time cost a tenth of checking a file."""
    containers = (dict, list)  # a tuple: isinstance with `dict | list` is 40 % slower on Python 3.11
    level = [data] if isinstance(data, containers) else []
    depth = 0
    while level and depth <= MAX_DEPTH:
        depth += 1
        level = [child for node in level for child in (node.values() if isinstance(node, dict) else node)
                 if isinstance(child, containers)]
    return depth


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number out of range: {text[:20]}")
    return value


def _check_header(data: object) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ProgressFileRejected(RejectReason.NOT_A_PROGRESS_FILE, f'"format" is not "{FORMAT_NAME}"')
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProgressFileRejected(RejectReason.DAMAGED, "version: expected a whole number")
    if version > FORMAT_VERSION:
        raise ProgressFileRejected(RejectReason.WRONG_VERSION,
                                   f"version {version}; this eTrainer reads versions up to {FORMAT_VERSION}")
    if version < 1:
        raise ProgressFileRejected(RejectReason.WRONG_VERSION, f"unknown version {version}")


def _signature_block(data: Mapping[str, Any]) -> Signature:
    block = data.get("signature")
    if not isinstance(block, dict):
        raise ProgressFileRejected(RejectReason.BAD_SIGNATURE, "the file is not signed")
    if block.get("algorithm") != SIGNATURE_ALGORITHM:
        raise ProgressFileRejected(RejectReason.BAD_SIGNATURE, f"the algorithm is not {SIGNATURE_ALGORITHM}")
    try:
        key = base64.b64decode(block.get("public_key", ""), validate=True)
        value = base64.b64decode(block.get("value", ""), validate=True)
    except (binascii.Error, TypeError, ValueError) as error:
        raise ProgressFileRejected(RejectReason.BAD_SIGNATURE, "the key or signature is not base64") from error
    if len(key) != 32 or len(value) != 64:
        raise ProgressFileRejected(RejectReason.BAD_SIGNATURE, "the key or signature has the wrong length")
    return Signature(SIGNATURE_ALGORITHM, key, value)


def _upgraded(data: dict[str, Any]) -> dict[str, Any]:
    version: int = data["version"]
    while version < FORMAT_VERSION:
        data = UPGRADES[version](data)
        version += 1
    return data


def _upgrade_and_parse(data: dict[str, Any], signature: Signature | None) -> ProgressDocument:
    return parse_document(_upgraded(data), FORMAT_VERSION, data["version"], signature)
