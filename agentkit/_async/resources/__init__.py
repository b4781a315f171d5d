"""One module per resource family."""
