"""Classroom screens for a projector: the classroom quiz and the World Café facilitator."""
