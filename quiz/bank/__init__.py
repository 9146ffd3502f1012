"""Bank files: the format, reading and checking them, and finding them in bank folders."""
