"""Attendee files: reading Zoom, Teams, Eventbrite and spreadsheet exports into people."""
