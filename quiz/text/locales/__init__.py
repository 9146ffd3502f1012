"""The interface catalogues, one module per language: `MESSAGES` maps a key to its template."""
