"""Veilig Huisbezoek: safe home visits for municipal staff."""

__version__ = "0.1.0"
