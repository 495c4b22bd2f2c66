"""The `transdesk` command: composes each capability's sub-app and reports user errors.

Everything heavy is imported inside the commands, so `transdesk --help` stays fast.
"""

from __future__ import annotations

import sys

import typer

from align.cli import align_batch_command, align_command, align_eval_command
from core.errors import TransdeskError
from glossary.cli import app as glossary_app
from lang.cli import translit_command
from score.cli import score_command
from transdesk import __version__
from transdesk.check_cli import check_command
from transdesk.read_cli import read_command
from transdesk.run_cli import run_command

try:
    from click import ClickException
except ImportError:  # typer >= 0.2x vendors click instead of depending on it
    from typer._click.exceptions import ClickException  # type: ignore[no-redef]

app = typer.Typer(
    name="transdesk",
    help="Align, check terminology and score translations between Russian or Belarusian "
    "and English.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"transdesk {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Align, check terminology and score translations between Russian or Belarusian and
    English."""


app.command("run")(run_command)
app.command("read")(read_command)
app.command("translit")(translit_command)
app.command("align")(align_command)
app.command("align-eval")(align_eval_command)
app.command("align-batch")(align_batch_command)
app.command("score")(score_command)
app.command("check")(check_command)
app.add_typer(glossary_app, name="glossary")


def run(argv: list[str] | None = None) -> int:
    """Run the CLI on `argv` and return the exit status; user errors become one stderr line."""
    try:
        result = app(args=argv, prog_name="transdesk", standalone_mode=False)
    except TransdeskError as exc:
        _error(str(exc))
        return 1
    except typer.Exit as exc:
        return exc.exit_code
    except ClickException as exc:
        exc.show()
        return exc.exit_code
    except typer.Abort:
        _error("interrupted")
        return 130
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    return result if isinstance(result, int) else 0


def _error(message: str) -> None:
    sys.stderr.write("transdesk: error: " + " ".join(message.split()) + "\n")


def main() -> None:
    """Console-script entry point."""
    try:
        code = run()
        sys.stdout.flush()
    except BrokenPipeError:
        # `transdesk read x | head`: the reader went away; that is not an error.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)
