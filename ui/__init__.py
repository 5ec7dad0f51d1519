"""The Qt desktop app. Widgets call pos services and nothing else: no Session, engine or
query ever appears here."""
