"""Render every screen and dialog of the till to PNG for review, in English and Chinese,
at 1366x768 and 1920x1080, on a throwaway demo store:

    python -m ui.screenshots screenshots/            # everything, both languages, both sizes
    python -m ui.screenshots out/ --locale en --size 1366x768 --screens login,payment
    python -m ui.screenshots --list                  # the screens, and those still to add

Runs offscreen (no display needed). Look at each picture: clipped, cramped or unreadable
text is a bug. The store is made by the `pos` command (`pos demo load`) and opened by
the app's own start (ui.app.load_services); everything else is done at the till, as a
cashier does it, with keys, scans and clicks. A dialog is drawn over the dimmed till
where it sits. Each screen is one function in ui.screenshots.screens; the stage they
play on is ui.screenshots.stage, the command ui.screenshots.runner."""
