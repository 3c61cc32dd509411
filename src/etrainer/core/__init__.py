"""The learning logic in plain, typed Python: no Qt, no database, no file writes.

One package per capability — `course` (the pack and its lessons), `quiz`, `walkthrough`, `progress`,
`classroom`, `learner`, `markdown` (lesson text → safe HTML) — beside the shared kernel: `ids`, `errors`
and `yamlfile` (YAML that remembers line numbers). docs/architecture.md says where a change goes.
"""
