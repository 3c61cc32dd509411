"""Reading course pack files into core objects, collecting problems instead of failing."""
