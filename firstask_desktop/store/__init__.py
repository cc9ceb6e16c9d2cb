"""Storage: the database and its models, schema steps, the audit chain, search index, keys,
passwords and lockout, atomic file writes and the translation of disk errors. Knows the domain."""
