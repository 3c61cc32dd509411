"""Quizzes: question kinds and banks, reading `*.quiz.yaml`, drawing and shuffling, grading, responses,
attempts with their time and attempt limits, and the review deck of questions answered wrong."""
