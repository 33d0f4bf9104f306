"""The ``hrc-report`` command: a thin layer over the library.

Exit status: 0 success; 2 bad input or usage (one line on stderr); 1 an
internal error (one line; ``--verbose`` shows the traceback).
"""

from __future__ import annotations

import logging
import sys
import traceback

import click

from . import __version__
from .models import HrcReportError
from .pipeline import FORMATS, Options, compare, parse_formats, write_reports
from .report import counts
from .render import ISSUE_TITLES, LIST_TITLES


class _Group(click.Group):
    """Turns every error into one line on stderr and a known exit status."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except HrcReportError as error:
            click.echo(f"hrc-report: error: {error}", err=True)
            ctx.exit(error.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("hrc-report: interrupted", err=True)
            ctx.exit(130)
        except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback for users
            if ctx.obj and ctx.obj.get("verbose"):
                traceback.print_exc()
            click.echo(f"hrc-report: internal error: {type(error).__name__}: {error} (run with --verbose for details)", err=True)
            ctx.exit(1)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="hrc-report")
@click.option("--verbose", "-v", is_flag=True, help="Show more detail, and a traceback on internal errors.")
@click.pass_context
def main(ctx, verbose):
    """Compare the English and French summaries of a UN Human Rights Council meeting."""
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="hrc-report: %(message)s")


@main.command("compare")
@click.argument("first", type=click.Path(dir_okay=False, path_type=str))
@click.argument("second", type=click.Path(dir_okay=False, path_type=str))
@click.option("--out", "out", default="out", show_default=True, type=click.Path(file_okay=False), help="Folder for the reports.")
@click.option(
    "--format", "formats", default=",".join(Options().formats), show_default=True,
    help=f"Which reports to write, comma-separated: {', '.join(FORMATS)}.",
)
def compare_command(first, second, out, formats):
    """Compare two versions of one meeting summary (English and French, in either order).

    Example:

        hrc-report compare en.txt fr.txt --out reports/hrc54-item10
    """
    options = Options(formats=parse_formats(formats))
    comparison = compare(first, second)
    written = write_reports(comparison, out, options)
    _print_summary(comparison)
    for fmt, path in written.items():
        click.echo(f"wrote {path}")


def _print_summary(comparison) -> None:
    figures = counts(comparison)
    click.echo(f"{comparison.code}: {comparison.en.title}")
    for lc in comparison.lists:
        order = "; order differs" if lc.order_differs else ""
        click.echo(f"  {LIST_TITLES[lc.list]}: {lc.count_en} EN, {lc.count_fr} FR{order}")
    mismatches = figures["speaker_mismatches"]
    click.echo(
        f"  mismatches: {mismatches['missing_in_fr']} only in English, {mismatches['missing_in_en']} only in French, "
        f"{mismatches['on_behalf_differs']} on-behalf differs"
    )
    for m in comparison.mismatches:
        name = m.name_en or m.name_fr
        click.echo(f"    - {LIST_TITLES[m.list]}: {name} ({m.id}) {ISSUE_TITLES[m.issue]}")
    where = {"en": "only in English", "fr": "only in French", None: "different"}
    click.echo(f"  coverage differences: {len(comparison.coverage)}")
    for flag in comparison.coverage:
        click.echo(f"    - {flag['kind']}, {where[flag['only_in']]}: {flag['about']}")


@main.command("names")
@click.option("--lang", type=click.Choice(["en", "fr"]), required=True,
              help="Language of the names (the index holds both languages, so a name in the other one still resolves).")
@click.option("--context", type=click.Choice(["discussion", "ngos"]), default="discussion", show_default=True,
              help="Read unknown names as NGOs (ngos) or not (discussion).")
def names_command(lang, context):
    """Resolve names read one a line from standard input: prints name, id, kind.

    Example:

        printf 'Fédération de Russie\\nEtats-Unis\\n' | hrc-report names --lang fr
    """
    from .names import load_index

    index = load_index()
    for line in sys.stdin:
        name = line.strip()
        if not name:
            continue
        match = index.resolve(name, context)
        click.echo(f"{name}\t{match.id}\t{match.kind if match.id else ''}")


if __name__ == "__main__":  # pragma: no cover
    main()
