"""The runs a student takes: practice, exam, review and study, saved answer by answer."""
