"""Sub-commands are listed from a small registry and their modules imported only when their verb runs (issue 24)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.__main__ import build_parser
from app import cli
from app.cli import COMMANDS, Command, missing_commands

REPO = Path(__file__).resolve().parents[3]


def test_opening_the_window_imports_no_sub_command_module():
    """Reading ``--data-dir X`` (the window's command line) in a fresh interpreter imports no verb's module."""
    code = ("import sys; from app.__main__ import build_parser; build_parser().parse_args(['--data-dir', 'x']); "
            "print(sorted(n for n in sys.modules if n.startswith('app.cli.') and n != 'app.cli.vietnamese'))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_verb_imports_its_own_module_only():
    """``verify PATH`` parsed in a fresh interpreter imports app.cli.verify and none of the other verbs."""
    code = ("import sys; from app.__main__ import build_parser; build_parser().parse_args(['verify', 'x.zip']); "
            "print(sorted(n for n in sys.modules if n.startswith('app.cli.') and n != 'app.cli.vietnamese'))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['app.cli.verify']"


def test_help_lists_every_verb_once_with_its_help_line(capsys):
    """``--help`` names each registered verb with its Vietnamese help line, each exactly once."""
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["--help"])
    shown = " ".join(capsys.readouterr().out.split())  # argparse wraps long lines
    assert done.value.code == 0
    for command in COMMANDS:
        assert shown.count(f" {command.name} ") == 1 and command.help in shown


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.name)
def test_each_verb_shows_its_own_options(command, capsys):
    """``VERB --help`` reads the verb's module and shows its usage with ``--data-dir``: the module registers that name."""
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([command.name, "--help"])
    shown = capsys.readouterr().out
    assert done.value.code == 0
    assert f"cchc-xa {command.name}" in shown and "--data-dir" in shown


def test_the_self_test_names_a_verb_the_bundle_lacks(monkeypatch):
    """Verbs load by name, which PyInstaller cannot see: ``missing_commands`` (run by ``--self-test``) names one that does not load."""
    assert missing_commands() == []
    monkeypatch.setattr(cli, "COMMANDS", (*COMMANDS, Command("khong-co", "lệnh không có")))
    assert [text.split(" (")[0] for text in missing_commands()] == ["khong-co"]


def test_the_bundle_is_told_of_every_verb_module():
    """The bundle's spec collects app/cli's modules, which the start imports only by name."""
    spec = (REPO / "installer.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("app.cli")' in spec
