"""Sub-commands, one module per verb (``app/cli/<verb>.py`` with ``register(subparsers, common)`` and ``run``).

They run without Qt. ``python -m app`` reads the command line before the window opens, so it must not
import every verb's module (≈ 18 ms, issue 24): ``COMMANDS`` names each verb and its help line, which is
all ``--help`` lists, and ``LazyCommands`` imports a verb's module and reads its options only when that
verb is the one on the command line. A new verb is one ``Command`` line below.
"""

from __future__ import annotations

import argparse
import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    """A verb, its one-line help (listed by ``--help``), and the module that registers and runs it."""

    name: str
    help: str

    @property
    def module(self) -> str:
        return "app.cli." + self.name.replace("-", "_")


COMMANDS = (
    Command("backup", "sao lưu dữ liệu ngay"),
    Command("restore", "khôi phục dữ liệu từ một bản sao lưu"),
    Command("import-plan", "đọc nhiệm vụ từ một kế hoạch (.docx, .txt), không lưu"),
    Command("export", "xuất gói hồ sơ gửi cấp trên (thư mục và .zip)"),
    Command("verify", "kiểm tra gói hồ sơ (thư mục hoặc .zip) với manifest.json"),
    Command("certificates", "in giấy khen của quyết định khen thưởng đã ban hành lên phôi (PDF)"),
    Command("consolidate", "tổng hợp, xếp hạng các gói hồ sơ của xã, phường gửi lên"),
)


class LazyCommands(argparse._SubParsersAction):
    """argparse's sub-commands, each verb's options read from its module only once that verb is chosen."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pending: dict[str, tuple[str, argparse.ArgumentParser]] = {}

    def add_lazily(self, command: Command, common: argparse.ArgumentParser) -> None:
        """List ``command`` for ``--help``; its module's ``register`` runs when the verb is used."""
        self.add_parser(command.name, help=command.help)
        self._pending[command.name] = (command.module, common)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        self.load(values[0])
        super().__call__(parser, namespace, values, option_string)

    def load(self, name: str) -> argparse.ArgumentParser | None:
        """The verb's real parser, its module imported now (None for a name that is no verb)."""
        if name in self._pending:
            module, common = self._pending.pop(name)
            del self._name_parser_map[name]  # the placeholder, so the module's add_parser may use the name
            listed = len(self._choices_actions)
            importlib.import_module(module).register(self, common)
            del self._choices_actions[listed:]  # its help line is listed once, from ``COMMANDS``
        return self._name_parser_map.get(name)


def missing_commands() -> list[str]:
    """The verbs whose module does not load: a frozen bundle has them only if the build was told of them
    (imported by name, which PyInstaller cannot see); ``--self-test`` runs this."""
    missing = []
    for command in COMMANDS:
        try:
            importlib.import_module(command.module).register
        except (ImportError, AttributeError) as error:
            missing.append(f"{command.name} ({command.module}: {error})")
    return missing
