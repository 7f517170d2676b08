"""The `wegwijzer` command: validate, show and schema (more commands join as stages land).

Exit codes: 0 all well (warnings allowed), 1 errors in the data, 2 wrong use of the command.
Never a traceback: an unexpected failure prints a short Dutch message and exits 3.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from wegwijzer import __version__
from wegwijzer.diagnostics import GebruiksFout, Meldingen, WegwijzerFout

EXIT_OK, EXIT_FOUT, EXIT_GEBRUIK, EXIT_INTERN = 0, 1, 2, 3

# argparse's own messages, in Dutch (argparse looks its texts up through gettext).
_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "expected one argument": "verwacht één waarde",
    "show this help message and exit": "toon deze hulp en stop",
    "positional arguments": "argumenten",
    "options": "opties",
    "ambiguous option: %(option)s could match %(matches)s": "optie %(option)s is niet eenduidig: %(matches)s",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: gebruiksfout: %(message)s\n",
}


def _nl(text: str) -> str:
    return _ARGPARSE_NL.get(text, text)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _nl(singular if n == 1 else plural)


argparse._ = _nl  # type: ignore[attr-defined]
argparse.ngettext = _ngettext  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_GEBRUIK, f"{self.prog}: gebruiksfout: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="wegwijzer",
        description="Kansrijke Start Wegwijzer: sociale kaart, gemeentepagina's en "
        "MamaWegwijzer-flyers uit YAML-bestanden.",
    )
    parser.add_argument("--version", action="version", version=f"wegwijzer {__version__}")
    common = _Parser(add_help=False)
    common.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        metavar="MAP",
        help="map met mkdocs.yml, content/ en gemeenten/ (standaard: de huidige map)",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("validate", parents=[common], help="controleer alle databestanden")
    p.add_argument(
        "--alleen-fouten", action="store_true", help="toon geen waarschuwingen, alleen fouten"
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("show", parents=[common], help="toon de samengevoegde gegevens van een gemeente")
    p.add_argument("gemeente", help="id van de gemeente (bestandsnaam zonder .yml)")
    p.add_argument("--json", action="store_true", help="als JSON, met herkomst per veld")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("schema", parents=[common], help="schrijf het JSON Schema van de databestanden")
    p.add_argument("--out", type=Path, metavar="BESTAND", help="schrijf naar dit bestand (standaard: scherm)")
    p.add_argument(
        "--markdown", action="store_true", help="schrijf het overzicht van alle velden (Markdown)"
    )
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except GebruiksFout as exc:
        print(f"wegwijzer: gebruiksfout: {exc}", file=sys.stderr)
        return EXIT_GEBRUIK
    except WegwijzerFout as exc:
        print(f"wegwijzer: fout: {exc}", file=sys.stderr)
        return EXIT_FOUT
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("wegwijzer: afgebroken", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for editors
        print(
            f"wegwijzer: interne fout ({type(exc).__name__}: {exc}). Dit is een fout in het "
            "programma, niet in je bestanden: meld het aan de beheerders. "
            "Zet WEGWIJZER_DEBUG=1 voor details.",
            file=sys.stderr,
        )
        import os

        if os.environ.get("WEGWIJZER_DEBUG"):
            raise
        return EXIT_INTERN


def _print_meldingen(meldingen: Meldingen, *, alleen_fouten: bool = False) -> None:
    for melding in meldingen:
        if alleen_fouten and not melding.is_fout:
            continue
        print(melding.format())


def _summary(meldingen: Meldingen, files: int) -> str:
    fouten, waarschuwingen = len(meldingen.fouten), len(meldingen.waarschuwingen)
    f = "fout" if fouten == 1 else "fouten"
    w = "waarschuwing" if waarschuwingen == 1 else "waarschuwingen"
    b = "bestand" if files == 1 else "bestanden"
    return f"{fouten} {f}, {waarschuwingen} {w} in {files} {b}"


def cmd_validate(args: argparse.Namespace) -> int:
    from wegwijzer.validate import validate

    result = validate(args.root)
    _print_meldingen(result.meldingen, alleen_fouten=args.alleen_fouten)
    print(_summary(result.meldingen, len(result.project.bestanden)), file=sys.stderr)
    return EXIT_FOUT if result.meldingen.has_errors else EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from wegwijzer.validate import validate
    from wegwijzer.values import suggestion

    result = validate(args.root)
    data = result.gemeenten.get(args.gemeente)
    if data is None:
        known = sorted(result.project.gemeenten)
        if args.gemeente not in known:
            raise GebruiksFout(
                f"gemeente '{args.gemeente}' bestaat niet{suggestion(args.gemeente, known)}"
            )
        _print_meldingen(result.meldingen, alleen_fouten=True)
        return EXIT_FOUT
    if args.json:
        from wegwijzer.show import gemeente_json

        json.dump(gemeente_json(data, result.project.root), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        from wegwijzer.show import gemeente_text

        print(gemeente_text(data))
    return EXIT_FOUT if result.meldingen.has_errors else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from wegwijzer.fielddocs import markdown
    from wegwijzer.schema import json_schema

    if args.markdown:
        text = markdown()
    else:
        text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        _write(args.out, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise WegwijzerFout(f"kan '{path}' niet schrijven ({exc.strerror})") from exc


def run() -> None:
    sys.exit(main())
