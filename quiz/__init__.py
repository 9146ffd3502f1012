"""quiz: practise multiple-choice questions in the terminal."""

__version__ = "0.1.0"
