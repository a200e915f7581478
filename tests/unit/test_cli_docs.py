"""The command line explains itself, and the README names every named query."""
from __future__ import annotations

import argparse

from plangraph.api.cli import parser
from plangraph.api.query.catalog import load_all
from plangraph.extract.paths import ROOT


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    actions = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices)


def test_cli_every_command_and_option_has_help() -> None:
    commands = _subcommands()
    assert set(commands) >= {"build", "query", "validate", "serve"}
    for name, command in commands.items():
        assert command.description, name
        for action in command._actions:
            if not isinstance(action, argparse._HelpAction):
                assert action.help, f"{name} {action.dest}"


def test_cli_readme_names_every_query() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in load_all() if f"`{name}`" not in readme]
    assert not missing, f"README does not name: {missing}"


def test_cli_readme_opens_with_the_two_commands() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:10]
    assert "    bash scripts/run.sh" in head and "    bash scripts/test.sh" in head
    assert (ROOT / "scripts" / "run.sh").is_file() and (ROOT / "scripts" / "test.sh").is_file()
