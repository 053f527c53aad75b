"""The package for the superior level: one folder (and its .zip) with the year's papers and a manifest.

Contents are an explicit list (``CONTENTS``, in ``package_contents.py``): each
kind renders its files into a local scratch folder and returns them as
``PackItem``s (``package_request.py``).

Safe writing: everything is first written into a hidden temporary folder
beside the destination (same disk), each file flushed to the device and read
back against the SHA-256 of what was sent; then ``DANH_MUC.txt`` and
``manifest.json``; only then is the folder renamed to its final name. The
.zip is written the same way (temporary name, read back and verified against
the manifest, renamed). Any failure or a cancel removes everything this call
created, so a full or pulled USB stick never holds a package that looks whole.
An existing package is never replaced: the new one gets ``_2``, ``_3``…
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from app import __version__
from app.errors import UserError
from app.exchange.package_data import DATA_FILE, DATA_KIND
from app.read_once import read_once
from app.exporters.manifest import FILE_NAME, Manifest, ManifestFile, index_text
from app.exporters.package_contents import CONTENTS
from app.exporters.package_names import free_name, package_name, unique_in
from app.domain.package_due import DueContent
from app.exporters.package_request import (  # noqa: F401 (ui/ reads these here)
    ContentKind,
    PackageRequest,
    PackItem,
    default_period,
    due_contents,
    suggested_period,
)
from app.file_links import is_link
from app.progress import Cancelled
from app.queries.profile import commune_profile
from app.store import Store
from db.fsync import fsync_dir

INDEX_NAME = "DANH_MUC.txt"
DATA_TITLE = "Dữ liệu để Sở Nội vụ tổng hợp (máy đọc)"
_CHUNK = 1024 * 1024
_STORED = {".docx", ".xlsx", ".zip", ".jpg", ".jpeg", ".png", ".7z", ".rar"}  # already compressed


class ExportCancelled(Cancelled):
    """The clerk pressed Cancel; nothing was left behind."""


@dataclass(frozen=True)
class PackageResult:
    name: str
    folder: Path
    zip_path: Path | None
    manifest: Manifest
    wanted_name: str  # the conventional name; differs from ``name`` when a package of that name existed
    notes: tuple[str, ...] = ()
    seconds: float = 0.0

    def summary(self) -> list[str]:
        """Vietnamese lines saying what was written (and whether the name got a suffix)."""
        lines = [f"Đã tạo gói hồ sơ: {self.folder} ({len(self.manifest.files)} tệp)"]
        if self.zip_path:
            size = f"{self.zip_path.stat().st_size:,}".replace(",", ".")  # Vietnamese groups thousands with dots
            lines.append(f"Đã tạo tệp nén: {self.zip_path} ({size} byte)")
        if self.name != self.wanted_name:
            lines.append(f"Đã có gói tên “{self.wanted_name}” ở thư mục này nên gói mới được đặt tên “{self.name}” "
                         "(gói cũ giữ nguyên).")
        return lines + list(self.notes) + [f"Thời gian: {self.seconds:.1f}".replace(".", ",") + " giây."]


Progress = Callable[[int, int, str], None]


@dataclass
class _Run:
    """One build's bookkeeping: what it created (to remove on failure), progress and cancel."""

    destination: Path
    progress: Progress | None
    cancelled: Callable[[], bool] | None
    created: list[Path] = field(default_factory=list)
    step: int = 0
    total: int = 1

    def advance(self, text: str) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled
        if self.progress is not None:
            self.progress(self.step, self.total, text)
        self.step += 1

    def remove_created(self) -> None:
        for path in reversed(self.created):
            if path.is_dir() and not is_link(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    pass


# ---------------------------------------------------------------- public


def chosen_kinds(keys: Iterable[str]) -> list[ContentKind]:
    """The registered kinds for ``keys``, in registry order; a UserError for an unknown or empty choice."""
    keys = [key.strip() for key in keys if key.strip()]
    unknown = [key for key in keys if key not in CONTENTS]
    if unknown:
        raise UserError(f"Chưa có nội dung “{', '.join(unknown)}” để đưa vào gói.",
                        f"Chọn trong: {', '.join(CONTENTS)}.")
    if not keys:
        raise UserError("Chưa chọn nội dung nào cho gói hồ sơ.", "Chọn ít nhất một nội dung (kế hoạch, báo cáo…).")
    return [kind for key, kind in CONTENTS.items() if key in keys]


def default_contents(store: Store, year: int, today: date) -> tuple[tuple[str, ...], tuple[DueContent, ...]]:
    """The contents ticked by default for ``year``'s package on ``today``, and why: those due on that day
    (``resources/defaults/package-due.json``); when none is, the contents that are not optional."""
    due = tuple(item for item in due_contents(store, year, today) if item.key in CONTENTS)
    if due:
        keys = {item.key for item in due}
        return tuple(key for key in CONTENTS if key in keys), due
    return tuple(key for key, kind in CONTENTS.items() if not kind.optional), ()


def build_package(store: Store, request: PackageRequest, destination: Path, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None, now: datetime | None = None) -> PackageResult:
    """Build the package (and its zip) in ``destination``; runs in a worker, touches no widget.

    Raises UserError (Vietnamese, naming the destination) when the destination
    fails, ExportCancelled on cancel; in both cases nothing is left behind.
    """
    started = time.perf_counter()
    destination = Path(destination)
    _check_destination(destination)
    kinds = chosen_kinds(request.contents)
    profile = commune_profile(store)
    wanted = package_name(profile.commune_name, request.year, [kind.code for kind in kinds])
    name = free_name(destination, wanted)
    run = _Run(destination, progress, cancelled, total=len(kinds) + 4)
    scratch = Path(tempfile.mkdtemp(prefix="cchc-goi-"))
    now = (now or datetime.now()).astimezone()
    period = _period(store, request, kinds, now.date())
    try:
        with read_once():  # a dozen papers and the data file read the year's set and verdicts once
            items, notes = _render(store, request, kinds, scratch, run)
            items.append(_data_item(store, request, period, scratch, run, now))
        notes += _clock_notes(store, now.date())
        base = Manifest(name, profile.commune_name, profile.province, request.year, __version__,
                        now.isoformat(timespec="seconds"), tuple({"key": k.key, "title": k.title} for k in kinds),
                        period=period)
        folder, manifest = _write_folder(items, base, name, run)
        zip_path = _write_zip(folder, manifest, name, run) if request.make_zip else None
    except OSError as error:
        run.remove_created()
        raise _destination_error(destination, error) from error
    except BaseException:
        run.remove_created()
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return PackageResult(name, folder, zip_path, manifest, wanted, notes, time.perf_counter() - started)


# ---------------------------------------------------------------- steps


def _check_destination(destination: Path) -> None:
    if not destination.is_dir():
        raise UserError(f"Không tìm thấy thư mục đích “{destination}”.",
                        "Kiểm tra ổ USB còn cắm, hoặc chọn thư mục khác.", str(destination))


def _destination_error(destination: Path, error: OSError) -> UserError:
    if error.errno == errno.ENOSPC:
        message = f"Thư mục đích “{destination}” đã đầy, không ghi được gói hồ sơ."
    else:
        message = f"Không ghi được gói hồ sơ vào “{destination}”."
    return UserError(message, "Không có gói dở dang nào được để lại. Kiểm tra ổ USB còn cắm, còn chỗ trống và "
                     "không bị khóa ghi, rồi xuất lại (hoặc chọn thư mục khác).", f"{destination}: {error}")


def _clock_notes(store: Store, today: date) -> tuple[str, ...]:
    """A sentence for the summary when the computer clock looks wrong: the papers and the zip carry its date."""
    from app.clock import folder_clock_check

    clock = folder_clock_check(store.folder, today)
    if not clock.wrong:
        return ()
    return (f"{clock.short_warning} Ngày ghi trên văn bản, trong danh mục và trong tệp nén lấy theo đồng hồ này "
            "nên có thể sai: hãy chỉnh ngày giờ rồi xuất lại trước khi gửi.",)


def _render(store, request, kinds, scratch: Path, run: _Run) -> tuple[list[PackItem], tuple[str, ...]]:
    items, notes = [], []
    for kind in kinds:
        run.advance(f"Đang tạo {kind.title.lower()}…")
        found = kind.build(store, request, scratch / kind.key)
        if not found:
            notes.append(f"{kind.title}: năm {request.year} chưa có tệp nào.")
        items += found
    run.total = run.step + len(items) + 4
    return items, tuple(notes)


def _period(store: Store, request: PackageRequest, kinds: list[ContentKind], today: date) -> str:
    """The report's period key when the package carries the report, else "" (the manifest and data file say it)."""
    if not any(kind.key == "report" for kind in kinds):
        return ""
    from app.domain.progress import report_period

    return report_period(request.period or suggested_period(store, request.year, request.today or today)).key


def _data_item(store: Store, request: PackageRequest, period: str, scratch: Path, run: _Run,
               now: datetime) -> PackItem:
    """``du-lieu-cchc.json``: what the province's receiver reads, whatever contents were chosen (issue 21)."""
    from app.domain.progress import report_period
    from app.queries.models.progress_report import period_span
    from app.queries.package_data import package_data

    run.advance("Đang ghi dữ liệu để Sở Nội vụ tổng hợp…")
    label = period_span(report_period(period).label, request.year) if period else ""
    data = package_data(store, request.year, period, request.today or now.date(), now.isoformat(timespec="seconds"),
                        __version__, label)
    target = scratch / DATA_FILE
    target.write_bytes(data.to_json())
    return PackItem(target, DATA_FILE, DATA_KIND, DATA_TITLE, period)


def write_chunk(handle, data: bytes) -> None:
    """Every byte the package puts on the destination passes here (tests make it fail like a full disk)."""
    handle.write(data)


def _copy_verified(reader, target: Path) -> tuple[int, str]:
    """Write ``reader`` to a new ``target``, flush it to the device, read it back; returns (size, sha256)."""
    digest, size = hashlib.sha256(), 0
    with target.open("xb") as writer:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            write_chunk(writer, chunk)
        writer.flush()
        os.fsync(writer.fileno())
    check = hashlib.sha256()
    with target.open("rb") as back:
        while chunk := back.read(_CHUNK):
            check.update(chunk)
    if check.hexdigest() != digest.hexdigest():
        raise OSError(errno.EIO, f"tệp đọc lại khác tệp đã ghi: {target.name}")
    return size, digest.hexdigest()


def _place(items: list[PackItem], temp: Path, run: _Run) -> list[ManifestFile]:
    used: dict[str, set[str]] = {}
    files = []
    for item in items:
        run.advance(f"Đang chép {item.name}…")
        name = unique_in(item.name, used.setdefault(item.subfolder, {INDEX_NAME.casefold(), FILE_NAME.casefold()}))
        relative = f"{item.subfolder}/{name}" if item.subfolder else name
        (temp / relative).parent.mkdir(exist_ok=True)
        with item.source.open("rb") as reader:
            size, sha256 = _copy_verified(reader, temp / relative)
        files.append(ManifestFile(relative, item.kind, item.title, item.period, size, sha256))
    return files


def _write_folder(items: list[PackItem], base: Manifest, name: str, run: _Run) -> tuple[Path, Manifest]:
    temp = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".dang-ghi", dir=run.destination))
    run.created.append(temp)
    files = _place(items, temp, run)
    run.advance("Đang ghi danh mục và manifest.json…")
    index = index_text(replace(base, files=tuple(files))).encode("utf-8-sig")
    size, sha256 = _copy_verified(io.BytesIO(index), temp / INDEX_NAME)
    files.append(ManifestFile(INDEX_NAME, "index", "Danh mục hồ sơ", "", size, sha256))
    manifest = replace(base, files=tuple(files))
    _copy_verified(io.BytesIO(manifest.to_json()), temp / FILE_NAME)
    for folder in {(temp / f.path).parent for f in files}:
        fsync_dir(folder)
    final = run.destination / name
    if final.exists():
        raise UserError(f"Trong lúc xuất, một gói tên “{name}” đã xuất hiện ở “{run.destination}”.", "Hãy xuất lại.")
    os.rename(temp, final)
    run.created[run.created.index(temp)] = final
    fsync_dir(run.destination)
    return final, manifest


class _GuardedWriter(io.RawIOBase):
    """A file for ``zipfile`` whose writes go through ``write_chunk``."""

    def __init__(self, handle) -> None:
        self.handle = handle

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def write(self, data) -> int:
        write_chunk(self.handle, bytes(data))
        return len(data)

    def tell(self) -> int:
        return self.handle.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.handle.seek(offset, whence)

    def flush(self) -> None:
        self.handle.flush()


def _write_zip(folder: Path, manifest: Manifest, name: str, run: _Run) -> Path:
    from app.exporters.verify import verify_package

    run.advance("Đang nén gói thành tệp .zip…")
    handle_fd, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".zip.dang-ghi", dir=run.destination)
    temp = Path(temp_name)
    run.created.append(temp)
    with os.fdopen(handle_fd, "wb") as handle:
        # strict_timestamps=False: a file dated before 1980 or after 2107 (a wrong clock) gets the nearest
        # date ZIP can store instead of a ValueError.
        with zipfile.ZipFile(_GuardedWriter(handle), "w", strict_timestamps=False) as archive:
            for relative in [item.path for item in manifest.files] + [FILE_NAME]:
                stored = Path(relative).suffix.lower() in _STORED
                archive.write(folder / relative, f"{name}/{relative}",
                              zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
                if run.cancelled is not None and run.cancelled():
                    raise ExportCancelled
        handle.flush()
        os.fsync(handle.fileno())
    run.advance("Đang kiểm tra tệp nén…")
    check = verify_package(temp)
    if not check.ok or check.manifest != manifest:
        raise OSError(errno.EIO, f"tệp nén đọc lại không khớp: {check.verdict}")
    final = run.destination / f"{name}.zip"
    if final.exists():
        raise UserError(f"Trong lúc xuất, một tệp “{final.name}” đã xuất hiện ở “{run.destination}”.", "Hãy xuất lại.")
    os.rename(temp, final)
    run.created[run.created.index(temp)] = final
    fsync_dir(run.destination)
    return final

