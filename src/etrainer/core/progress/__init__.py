"""Progress: when a lesson, module or course counts as done, the progress document and its signed file
format, the learner's report, and the methodist's dashboard and item analysis."""
