"""Output of the numbers quiz.progress computes: Rich tables for a terminal, HTML pages.

Rich is imported inside the functions that print, so the core loads none of it at start-up.
"""
