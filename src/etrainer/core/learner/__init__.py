"""The learner's own things on this PC: profiles (name, library, PIN rules) and notes and bookmarks."""
