"""The consultation log's screens: the quick dialog, the librarian's month, the methodist's tab."""
