"""Read models filled by plain SQL over the standard library's sqlite3: what pages and papers show, no ORM."""
