"""Benchmark of attachments (docs/benchmarks.md, section "Attachments").

1. Adding a 12 MB phone photo (4000 × 3000, JPEG, EXIF with GPS) to an entry: re-encoded, stored
   by hash, audited. Baseline, same run: Pillow alone opening, shrinking and saving the same photo
   (what any re-encoding costs). Target: ≤ 1 s.
2. A sync file with N photos (500; ``--quick`` 20): export at the station (rows, part files,
   encryption, signature, read back) plus import at an empty county (every part checked, every
   file written under its hash). Baseline: the same files copied with ``shutil`` and fsynced.

    python bench/attachment_bench.py [--quick] [--photos N]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import sync_bench  # noqa: E402
from PIL import Image  # noqa: E402

from firstask_desktop.store import db  # noqa: E402
from firstask_desktop.store.storage import open_store  # noqa: E402

ADD_TARGET_S = 1.0


def phone_photo(seed: int = 1) -> bytes:
    """A 4000 × 3000 JPEG of about 12 MB (noise: no real photo compresses worse) with the EXIF
    a phone writes, GPS included."""
    noise = Image.effect_noise((4000, 3000), 60 + seed % 5)
    image = Image.merge("RGB", (noise, noise.rotate(180), noise.transpose(0)))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (35.0, 50.0, 30.0), 3: "E", 4: (104.0, 7.0, 12.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95, exif=exif)
    return out.getvalue()


def add_photo_figure(work: Path, repeat: int = 3) -> dict:
    from firstask_desktop.services import entries as svc
    from firstask_desktop.services.attachment_prep import MAX_SIDE
    from firstask_desktop.services.attachments import add_attachment
    from firstask_desktop.store.models import Staff

    photo = phone_photo()
    folder = work / "add"
    sync_bench.make_station(folder, "GS0101", 10, seed=1)
    open_store(folder)
    try:
        clerk = Staff.select().where(Staff.role == "clerk").first()
        serial = svc.register_entry(
            clerk,
            channel="来访",
            category="报修",
            visitor="张三",
            phone="13812345678",
            matter="倒杆",
        ).serial
        times, baselines = [], []
        for n in range(repeat):
            data = photo + os.urandom(8)  # another file each time: nothing is found stored
            start = time.perf_counter()
            item = add_attachment(clerk, serial, data, file_name=f"IMG_{n}.jpg", kind="photo")
            times.append(time.perf_counter() - start)
            start = time.perf_counter()
            with Image.open(io.BytesIO(data)) as plain:
                plain.thumbnail((MAX_SIDE, MAX_SIDE))
                plain.convert("RGB").save(io.BytesIO(), "JPEG", quality=85)
            baselines.append(time.perf_counter() - start)
        return {
            "photo_mb": round(len(photo) / 1024 / 1024, 1),
            "kept_mb": round(item.size / 1024 / 1024, 2),
            "add_s": round(min(times), 2),
            "add_max_s": round(max(times), 2),
            "baseline_s": round(min(baselines), 2),
        }
    finally:
        db.close()


def kept_photo() -> bytes:
    """One photo as the app keeps it (re-encoded, about half a megabyte)."""
    from firstask_desktop.services.attachment_prep import prepare

    noise = Image.effect_noise((2000, 1500), 12)
    image = Image.merge("RGB", (noise, noise.rotate(180), noise.transpose(0)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return prepare(out.getvalue(), "p.jpg").data


def sync_photos_figure(work: Path, photos: int) -> dict:
    from firstask_desktop.store import attachment_files
    from firstask_desktop.store import db as store_db
    from firstask_desktop.store.audit import save_audited
    from firstask_desktop.store.models import Attachment, Entry, Staff

    station, county, usb = work / "station", work / "county", work / "usb"
    usb.mkdir()
    sync_bench.make_station(station, "GS0101", 50, seed=2)
    sync_bench.give_county_key(station, sync_bench.make_county(county, usb))
    base = kept_photo()
    open_store(station)
    try:
        admin = Staff.get(Staff.role == "admin")
        entries = list(Entry.select())
        with store_db.transaction():
            # The rows and files add_attachment leaves (its re-encoding is figure 1's).
            for n in range(photos):
                data = base + n.to_bytes(4, "big")  # after the JPEG's end: another file
                sha = attachment_files.put(station, data)
                entry = entries[n % len(entries)]
                row = Attachment(
                    station=entry.station,
                    entry=entry,
                    sha256=sha,
                    size=len(data),
                    media_type="image/jpeg",
                    kind="photo",
                    file_name=f"IMG_{n:04d}.jpg",
                    added_at=sync_bench.NOW,
                    added_by=admin,
                )
                save_audited(row, actor=admin, action="attach", at=sync_bench.NOW)
    finally:
        db.close()
    export_s, path = sync_bench.timed(sync_bench.export_at, station, usb)
    parts = sorted(usb.glob("GS0101-*-att-*.fasync"))
    import_s, _ = sync_bench.timed(sync_bench.import_at, county, path)
    copy_dir = work / "copy"
    start = time.perf_counter()
    for source in attachment_files.store_dir(station).glob("*/*"):
        target = copy_dir / source.name
        copy_dir.mkdir(exist_ok=True)
        shutil.copyfile(source, target)
        with open(target, "rb+") as handle:
            os.fsync(handle.fileno())
    baseline_s = time.perf_counter() - start
    total = path.stat().st_size + sum(p.stat().st_size for p in parts)
    return {
        "photos": photos,
        "photo_kb": len(base) // 1024,
        "parts": len(parts),
        "files_mb": round(total / 1024 / 1024, 1),
        "export_s": round(export_s, 1),
        "import_s": round(import_s, 1),
        "baseline_s": round(baseline_s, 2),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--photos", type=int)
    args = parser.parse_args(argv)
    photos = args.photos or (20 if args.quick else 500)
    work = Path(tempfile.mkdtemp(prefix="firstask-attach-"))
    try:
        result = {"add": add_photo_figure(work), "sync": sync_photos_figure(work, photos)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
