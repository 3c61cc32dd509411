"""Qt widgets and windows. Every PySide6 import lives below this package."""
