"""The `cstokit` command: doctor, enable-jupyter, export, worksheets, present."""

from __future__ import annotations

import argparse
import sys

from . import __version__

LANGUAGES = ("en", "fr")  # cstokit._text.LANGUAGES, without importing the kit for --help


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="cstokit",
        description="cstokit: a Jupyter teaching kit on collective security treaties.",
    )
    parser.add_argument("--version", action="version", version=f"cstokit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("doctor", help="check versions, data hashes and the browser; print fixes")
    sub.add_parser("enable-jupyter", help="enable the kit's offline settings in this environment")
    exp = sub.add_parser(
        "export", help="write standalone HTML pages that open offline from a USB stick"
    )
    exp.add_argument("--out", required=True, help="folder to write (created if missing)")
    exp.add_argument(
        "--overwrite",
        action="store_true",
        help="replace files this command wrote before in that folder",
    )
    exp.add_argument("--no-notebooks", action="store_true", help="skip the executed notebooks")
    exp.add_argument(
        "--language",
        choices=LANGUAGES,
        default="en",
        help="language of the pages and edition of the notebooks (default: en)",
    )
    wks = sub.add_parser(
        "worksheets", help="print one PDF worksheet per lesson (offline, in Chromium)"
    )
    wks.add_argument("--out", default="worksheets", help="folder to write (default: worksheets)")
    wks.add_argument(
        "--lesson",
        action="append",
        help="a lesson's notebook, e.g. 01_kazakhstan_2022.ipynb (repeatable; default: all)",
    )
    wks.add_argument(
        "--language",
        choices=LANGUAGES,
        default="en",
        help="edition of the lessons: en (notebooks/) or fr (notebooks/fr/); default: en",
    )
    pre = sub.add_parser("present", help="the teacher dashboard (Voila) on this machine")
    pre.add_argument("--host", default="127.0.0.1")
    pre.add_argument("--port", type=int, default=8866)
    pre.add_argument("--no-browser", action="store_true")
    pre.add_argument(
        "--lan",
        action="store_true",
        help="serve on this computer's network address, so students open it on their devices",
    )
    pre.add_argument(
        "--cap",
        type=int,
        default=None,
        help="most devices at once (default 20, set from the load test in make bench)",
    )
    pre.add_argument("--pool", type=int, default=None, help="warm kernels kept ready")
    pre.add_argument(
        "--language",
        choices=LANGUAGES,
        default="en",
        help="language teacher mode starts in (default: en; its EN/FR control switches it)",
    )
    args = parser.parse_args(argv)

    if args.command == "doctor":
        from ._doctor import run

        return 1 if run() else 0
    if args.command == "enable-jupyter":
        from ._setup import enable_jupyter

        for path in enable_jupyter():
            print(f"cstokit: wrote {path}")
        return 0
    if args.command == "export":
        from ._export import export

        try:
            result = export(
                args.out,
                overwrite=args.overwrite,
                notebooks=not args.no_notebooks,
                language=args.language,
            )
        except FileExistsError as exc:
            print(f"cstokit export: {exc}", file=sys.stderr)
            return 2
        return 0 if result.ok else 1
    if args.command == "worksheets":
        from ._errors import CstokitError
        from ._worksheets import worksheets

        try:
            worksheets(args.out, args.lesson, language=args.language)
        except CstokitError as exc:
            print(f"cstokit worksheets: {exc}", file=sys.stderr)
            return 2
        return 0
    if args.command == "present":
        from ._present import DEFAULT_CAP, present

        return present(
            host=args.host,
            port=args.port,
            open_browser=not args.no_browser,
            lan=args.lan,
            cap=DEFAULT_CAP if args.cap is None else args.cap,
            pool=args.pool,
            language=args.language,
        )
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
