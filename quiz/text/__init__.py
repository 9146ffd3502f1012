"""Text for people: the interface catalogues and right-to-left layout."""
