"""The rules of the register, pure: vocabularies, the status machine, deadlines and working days,
validation, masking and who sees what, permissions, errors. No I/O, no database, no Qt."""
