"""Reminders that never stay silent: the scheduler (rebuilt from the database) and the
notifier (desktop notification, sound, tray). Qt lives here; the rules live in
``domain.reminders`` and the storage in ``services.alarms``."""
