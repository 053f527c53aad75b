"""The composition root: ``python -m app`` (or ``cchc-xa``).

No sub-command opens the main window; a sub-command runs headless, without
importing Qt. Only opening the window imports ``ui/``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import __version__
from app.cli import COMMANDS, LazyCommands
from app.cli import vietnamese as vietnamese_argparse
from app.errors import UserError
from app.paths import DataFolder, default_data_dir, default_receiving_dir


def _common_options() -> argparse.ArgumentParser:
    """Options every sub-command takes too, so ``--data-dir`` may stand before or after the verb."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS,
        help="thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    vietnamese_argparse.install()
    parser = argparse.ArgumentParser(
        prog="cchc-xa",
        description="CCHC Xã: kế hoạch cải cách hành chính và thi đua - khen thưởng của UBND xã.",
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="thư mục dữ liệu (mặc định: thư mục của người dùng)")
    parser.add_argument("--demo", action="store_true", help="nạp dữ liệu xã mẫu vào thư mục dữ liệu còn trống")
    parser.add_argument("--version", action="version", version=f"CCHC Xã {__version__}",
                        help="hiện phiên bản rồi thoát")  # argparse fixes this help text before any translation
    parser.add_argument("--tong-hop", action="store_true",
                        help="mở chế độ Tổng hợp (Sở Nội vụ): nhận, thẩm định, xếp hạng các gói hồ sơ của xã, phường "
                             "(thư mục dữ liệu riêng)")
    parser.add_argument("--self-test", action="store_true", help="tự kiểm tra: dữ liệu mẫu → gói hồ sơ → kiểm tra gói, rồi thoát")
    # For tests and benchmarks: close the window as soon as it is shown.
    parser.add_argument("--exit-after-show", action="store_true", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="LỆNH", action=LazyCommands)
    common = _common_options()
    for command in COMMANDS:  # each verb's module is imported only when it runs (app/cli/__init__.py)
        subparsers.add_lazily(command, common)
    return parser


def _use_utf8_console() -> None:
    """A Windows console may not be UTF-8: never let a Vietnamese message crash the program."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def _run_command(args: argparse.Namespace, folder: DataFolder) -> int:
    """A sub-command's failure is a Vietnamese line and exit code 2; a bug's traceback goes to errors.log, not the terminal."""
    try:
        return args.run(args, folder)
    except UserError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 — the clerk's terminal never shows a traceback
        import traceback

        from app.logs import record_error

        log_file = folder.logs / "errors.log"
        failed = record_error("".join(traceback.format_exception(error)), log_file)
        where = f"Chi tiết kỹ thuật: {failed}" if failed else f"Chi tiết kỹ thuật đã được ghi vào tệp {log_file}."
        print(f"Lỗi: Đã xảy ra lỗi ngoài dự kiến ({type(error).__name__}). Dữ liệu đã lưu trước đó không bị ảnh hưởng.\n"
              f"{where}", file=sys.stderr)
        return 2


def main(argv: list[str] | None = None) -> int:
    _use_utf8_console()
    args = build_parser().parse_args(argv)
    if args.self_test:
        from app.cli import missing_commands
        from app.cli.self_test import run_self_test
        from ui.main_window import missing_pages

        missing = missing_pages()
        if missing:
            print(f"Tự kiểm tra: KHÔNG đạt — thiếu trang: {'; '.join(missing)}", file=sys.stderr)
            return 1
        missing = missing_commands()
        if missing:
            print(f"Tự kiểm tra: KHÔNG đạt — thiếu lệnh: {'; '.join(missing)}", file=sys.stderr)
            return 1
        try:
            return run_self_test()
        except UserError as error:
            print(f"Tự kiểm tra: KHÔNG đạt — {error}", file=sys.stderr)
            return 1
    if args.tong_hop and not args.command:  # the province's window, on its own folder
        from ui.receiving.start import run_receiving_window

        folder = DataFolder((args.data_dir or default_receiving_dir()).expanduser().resolve())
        return run_receiving_window(folder, exit_after_show=args.exit_after_show)
    folder = DataFolder((args.data_dir or default_data_dir()).expanduser().resolve())
    if args.command:
        return _run_command(args, folder)
    from ui.pyside_features import use_cheap_feature_check

    use_cheap_feature_check()  # before the window's hundred imports: each paid PySide6 ≈ 0.5 ms (issue 24)
    from ui.application import run_window

    return run_window(folder, demo=args.demo, exit_after_show=args.exit_after_show)


if __name__ == "__main__":
    sys.exit(main())
