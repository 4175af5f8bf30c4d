# Kiosk mode: next person, animator PIN, export folder.
