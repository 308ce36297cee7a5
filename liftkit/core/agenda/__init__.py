"""The agenda: its model and validation, durations, bundled templates."""
