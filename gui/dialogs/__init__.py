"""Dialogs: errors with details, the import report, About."""
