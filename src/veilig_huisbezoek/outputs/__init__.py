"""Documents made from the data: PDFs (Qt's own PDF writer) and ``.ics`` agenda items.

Every function returns bytes; nothing here writes a file. The GUI saves the bytes only
where the person chooses (a save dialog), never to a temporary file.
"""
