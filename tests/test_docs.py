"""Every CLI command is named in the README, and the README names the two set-up commands."""
from pathlib import Path

import pytest

from claimwatch.serve.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_docs_every_command_in_readme(command):
    assert f"claimwatch {command}" in README


@pytest.mark.parametrize("setup", ["make demo", "make test"])
def test_docs_setup_commands(setup):
    assert setup in README
