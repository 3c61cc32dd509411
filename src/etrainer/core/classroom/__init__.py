"""The classroom: slides built from lessons, their pages and the running slide show, the classroom
quiz and its summary, and the World Café with its harvest file."""
