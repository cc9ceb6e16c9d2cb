"""USB sync between the stations and the county office (docs/sync-format.md is the file format).

- ``container``: the ``.fasync`` file itself — header, compressed body, encryption, signature.
- ``records``: how a stored row travels (UUIDs instead of integer ids, no password hashes).
- ``trust``: public key files and the keys this PC has accepted.
- ``station_export``: a station writes what changed since its last export.
- ``county_import``: the county verifies, checks the sequence and upserts a station's file.
- ``upsert``: the one place that merges incoming records (by uuid and revision).
- ``package``: the county's signed package (staff, departments, rules, holidays) and
  acknowledgements, and how a station takes them in.
- ``importing``: the door for ``sync import``: any file, whatever its kind.
"""
