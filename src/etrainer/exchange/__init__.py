"""Import and export formats: progress files, xAPI, CSV/XLSX, PDF, GIFT, Moodle XML."""
