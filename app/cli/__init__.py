"""Sub-commands, one module per verb, each with ``register(subparsers, common)`` and ``run(args) -> int``.

They run without Qt. Later verbs (export, verify, import-plan) slot into ``COMMANDS``.
"""

from app.cli import backup, certificates, consolidate, export, import_plan, restore, verify

COMMANDS = (backup, restore, import_plan, export, verify, certificates, consolidate)
