"""The watch service (docs/design.md §4a, "The last line"): headless, next to the team
server; no Qt is imported anywhere on its path (``veilig-huisbezoek watch``)."""
