"""The course: its model (course, modules, lessons, glossary), reading a course pack from disk with
`file:line` problems, the pack catalogue, rendering a lesson for the reader, and the full-text search rules."""
