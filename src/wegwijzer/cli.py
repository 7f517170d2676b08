"""The `wegwijzer` command: one subcommand per job, each a thin `cmd_*` over a stage.

    validate, show        read side and rules (read/, rules/)
    build                 site and flyers (site/, flyer/), into a new folder swapped in whole
    flyers                the MamaWegwijzer flyers only (flyer/)
    check                 links, numbers, live links, freshness (check/)
    export                HSDS 3.0, xlsx, csv (export/)
    vertalingen           texts to translate out (XLIFF, CSV) and a translated file back in
    fmt, nieuw, schema    editors' tools (edit/)

Every path argument is made absolute once, before anything else; `build` and `flyers` hold
the project's write lock (`files.schrijfslot`); no command writes over data or sources
(`files.check_out_dir`, `files.check_out_file`).

Exit codes: 0 all well (warnings allowed), 1 errors in the data, 2 wrong use of the command,
130 stopped (Ctrl-C or SIGTERM). Never a traceback: an unexpected failure prints a short
Dutch message and exits 3.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wegwijzer import __version__
from wegwijzer.diagnostics import GebruiksFout, Meldingen, WegwijzerFout
from wegwijzer.files import check_out_dir, check_out_file, schrijfslot, toon

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
    p.add_argument(
        "--uitleg",
        nargs="?",
        const="",
        metavar="CODE",
        help="leg uit wat een melding betekent en hoe je het oplost (zonder CODE: alle codes)",
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
    p.add_argument(
        "--meldingen",
        action="store_true",
        help="schrijf het overzicht van alle meldingen en hun codes (Markdown)",
    )
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser(
        "fmt", parents=[common], help="maak databestanden netjes op (volgorde, aanhalingstekens)"
    )
    p.add_argument(
        "bestanden", nargs="*", type=Path, metavar="BESTAND",
        help="alleen deze bestanden (standaard: alle databestanden onder --root)",
    )
    p.add_argument(
        "--check", action="store_true",
        help="verander niets; stop met code 1 als een bestand anders opgemaakt zou worden",
    )
    p.set_defaults(func=cmd_fmt)

    p = sub.add_parser("nieuw", parents=[common], help="maak een startbestand voor een nieuwe gemeente")
    p.add_argument("naam", help="naam van de gemeente, zoals 'Ede' of 'Bergen op Zoom'")
    p.add_argument("--regio", required=True, metavar="ID", help="id van de regio, zoals gelderland-midden")
    p.add_argument("--id", metavar="ID", help="bestandsnaam zonder .yml (standaard: uit de naam)")
    p.set_defaults(func=cmd_nieuw)

    p = sub.add_parser("export", parents=[common], help="exporteer de gegevens (hsds, xlsx of csv)")
    p.add_argument("formaat", choices=["hsds", "xlsx", "csv"], help="hsds, xlsx of csv")
    p.add_argument(
        "--out", type=Path, required=True, metavar="PAD",
        help="map (hsds, csv) of bestand (xlsx; een map kan ook)",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "vertalingen", help="teksten voor een vertaler (XLIFF of CSV) en de vertaling terug"
    )
    vsub = p.add_subparsers(dest="vertalingen", metavar="STAP", parser_class=_Parser)
    vsub.required = True
    v = vsub.add_parser(
        "export", parents=[common],
        help="schrijf de teksten van één taal naar een XLIFF-bestand (of CSV) voor een vertaler",
    )
    v.add_argument("--taal", required=True, metavar="CODE", help="taalcode, zoals ar of tr")
    v.add_argument(
        "--out", type=Path, required=True, metavar="BESTAND",
        help="nieuw bestand: .xlf (XLIFF 1.2, voor vertaalprogramma's) of .csv (voor een rekenblad)",
    )
    v.add_argument(
        "--alleen-ontbrekend", action="store_true",
        help="alleen teksten die nog niet vertaald zijn of waarvan het Nederlands is veranderd",
    )
    v.add_argument(
        "--gemeente", action="append", default=[], metavar="ID",
        help="alleen de teksten van deze gemeente (mag vaker; standaard: de gemeenten met deze "
        "taal in flyer_talen)",
    )
    v.set_defaults(func=cmd_vertalingen_export)
    v = vsub.add_parser(
        "import", parents=[common],
        help="lees een vertaald XLIFF- of CSV-bestand en schrijf een nieuw vertaalbestand (YAML)",
    )
    v.add_argument("bestand", type=Path, metavar="BESTAND", help="het vertaalde .xlf- of .csv-bestand")
    v.add_argument(
        "--out", type=Path, required=True, metavar="BESTAND",
        help="nieuw YAML-bestand (een bestaand bestand wordt nooit overschreven)",
    )
    v.add_argument("--taal", metavar="CODE", help="taalcode (standaard: uit het bestand)")
    v.set_defaults(func=cmd_vertalingen_import)

    p = sub.add_parser("flyers", parents=[common], help="maak de MamaWegwijzer-flyers (pdf en png)")
    p.add_argument("--out", type=Path, metavar="MAP", help="uitvoermap (standaard: MAP/site)")
    p.add_argument("--gemeente", metavar="ID", help="alleen deze gemeente (bestandsnaam zonder .yml)")
    p.add_argument("--taal", metavar="CODE", help="alleen deze taal (nl, of een taal uit flyer_talen)")
    p.add_argument(
        "--concept",
        action="store_true",
        help="zet ook onzekere vermeldingen op de flyer; elke pagina krijgt dan 'CONCEPT'",
    )
    p.set_defaults(func=cmd_flyers)

    p = sub.add_parser(
        "check", parents=[common], help="controleer links en telefoonnummers, ook live (--online)"
    )
    from wegwijzer.check.command import add_arguments as _check_arguments

    _check_arguments(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("build", parents=[common], help="controleer de data en bouw site en flyers")
    p.add_argument("--out", type=Path, metavar="MAP", help="uitvoermap (standaard: MAP/site)")
    p.add_argument(
        "--zonder-flyers", action="store_true", help="bouw alleen de site (sneller, voor een voorbeeld)"
    )
    p.set_defaults(func=cmd_build)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _absolute_paths(args)
    previous = _stop_on_sigterm()
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
    except Exception as exc:
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
    finally:
        _restore_sigterm(previous)


def _absolute_paths(args: argparse.Namespace) -> None:
    """Every path argument once, against the current folder, before anything else: later
    steps (MkDocs among them) may resolve a relative path against another folder."""
    import os

    for name, value in vars(args).items():
        if isinstance(value, Path):
            setattr(args, name, Path(os.path.abspath(value)))
        elif isinstance(value, list) and value and all(isinstance(v, Path) for v in value):
            setattr(args, name, [Path(os.path.abspath(v)) for v in value])


def _stop_on_sigterm() -> Any:
    """Let a `kill` (SIGTERM) stop a command as Ctrl-C does, so its cleanup runs (temporary
    folders removed, workers stopped); the handler it replaced, to put back."""
    import signal

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        return None


def _restore_sigterm(previous: Any) -> None:
    import signal

    if previous is not None:
        signal.signal(signal.SIGTERM, previous)


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
    from wegwijzer.rules.validate import validate

    if args.uitleg is not None:
        return _uitleg(args.uitleg)

    result = validate(args.root)
    _print_meldingen(result.meldingen, alleen_fouten=args.alleen_fouten)
    print(_summary(result.meldingen, len(result.project.bestanden)), file=sys.stderr)
    return EXIT_FOUT if result.meldingen.has_errors else EXIT_OK


def _uitleg(naam: str) -> int:
    from wegwijzer import codes

    if not naam.strip():
        sys.stdout.write(codes.overzicht_tekst())
        return EXIT_OK
    code = codes.zoek(naam)
    if code is None:
        near = codes.nearest(naam)
        quoted = [f"'{n}'" for n in near]
        if len(quoted) > 1:
            quoted = [", ".join(quoted[:-1]), quoted[-1]]
        hint = f"; bedoel je {' of '.join(quoted)}?" if quoted else ""
        raise GebruiksFout(
            f"melding '{naam}' bestaat niet{hint} ('wegwijzer validate --uitleg' toont alle codes)"
        )
    sys.stdout.write(codes.uitleg_tekst(code))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from wegwijzer.rules.validate import validate
    from wegwijzer.read.values import suggestion

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
        from wegwijzer.edit.show import gemeente_json

        json.dump(gemeente_json(data, result.project.root), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        from wegwijzer.edit.show import gemeente_text

        print(gemeente_text(data))
    return EXIT_FOUT if result.meldingen.has_errors else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from wegwijzer.edit.fielddocs import markdown
    from wegwijzer.edit.schema import json_schema

    if args.meldingen:
        from wegwijzer import codes

        text = codes.markdown()
    elif args.markdown:
        text = markdown()
    else:
        text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        check_out_file(args.out, args.root)
        _write(args.out, text)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_flyers(args: argparse.Namespace) -> int:
    from wegwijzer.read.config import read_config
    from wegwijzer.flyer import render_all
    from wegwijzer.read.project import GEMEENTEN_DIR
    from wegwijzer.rules.validate import validate

    # one gemeente: only the files its flyers come from are read and checked (fast at scale)
    alleen = args.gemeente
    if alleen is not None and not any(
        (args.root / GEMEENTEN_DIR / f"{alleen}{suffix}").is_file() for suffix in (".yml", ".yaml")
    ):
        alleen = None  # an unknown name: read all, so the message can suggest one
    result = validate(args.root, alleen=alleen)
    if result.meldingen.has_errors:
        _print_meldingen(result.meldingen, alleen_fouten=True)
        print(
            f"{_summary(result.meldingen, len(result.project.bestanden))}; "
            "los eerst de fouten op, dan worden de flyers gemaakt",
            file=sys.stderr,
        )
        return EXIT_FOUT
    out = args.out if args.out is not None else args.root / "site"
    check_out_dir(out, args.root)
    config = read_config(args.root)
    meldingen = Meldingen()
    try:
        with schrijfslot(args.root, "flyers"):
            paths = render_all(
                result, out, config, args.gemeente, args.taal,
                onzeker_toestaan=args.concept, meldingen=meldingen,
            )
    finally:
        _print_meldingen(meldingen)
    flyers = len({p.name.rsplit("-", 1)[0] for p in paths if p.suffix == ".pdf"})
    print(f"{flyers} flyers ({len(paths)} bestanden) in {toon(out)}", file=sys.stderr)
    return EXIT_OK


def _write(path: Path, text: str) -> None:
    from wegwijzer.files import write_text_atomic

    write_text_atomic(path, text)


def cmd_check(args: argparse.Namespace) -> int:
    from wegwijzer.check.command import run as run_check

    return run_check(args)


def cmd_fmt(args: argparse.Namespace) -> int:
    from wegwijzer.diagnostics import Plek
    from wegwijzer.edit.fmt import data_files, format_files
    from wegwijzer.read.project import check_root

    paths = list(args.bestanden) or data_files(check_root(args.root))
    for path in paths:
        if not path.is_file():
            raise GebruiksFout(f"bestand '{toon(path)}' bestaat niet")
    uitkomst = format_files(paths, check=args.check)
    _print_meldingen(uitkomst.meldingen)
    for path in uitkomst.gewijzigd:
        print(f"{Plek(path).display()}: {'zou worden opgemaakt' if args.check else 'opgemaakt'}")
    fouten = len({m.plek.path for m in uitkomst.meldingen.fouten})
    tussendoor = len(uitkomst.tussendoor)
    total = len(uitkomst.gewijzigd) + len(uitkomst.ongewijzigd) + fouten + tussendoor
    if args.check:
        summary = f"{len(uitkomst.gewijzigd)} van {total} bestanden zouden anders worden opgemaakt"
        if uitkomst.gewijzigd:
            summary += "; draai 'wegwijzer fmt' om ze op te maken"
    else:
        summary = f"{len(uitkomst.gewijzigd)} van {total} bestanden opgemaakt"
    if fouten:
        summary += f"; {fouten} niet opgemaakt door fouten"
    if tussendoor:
        summary += (f"; {tussendoor} niet opgemaakt omdat {'het' if tussendoor == 1 else 'ze'} "
                    "tussendoor gewijzigd of weggehaald " + ("is" if tussendoor == 1 else "zijn"))
    print(summary, file=sys.stderr)
    if fouten or tussendoor or (args.check and uitkomst.gewijzigd):
        return EXIT_FOUT
    return EXIT_OK


def cmd_nieuw(args: argparse.Namespace) -> int:
    from wegwijzer.read.project import check_root
    from wegwijzer.edit.scaffold import create

    path = create(check_root(args.root), args.naam, args.regio, args.id)
    print(f"{toon(path)}: aangemaakt; vul het aan en draai daarna 'wegwijzer validate'")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from wegwijzer.export import export
    from wegwijzer.rules.validate import validate

    if args.formaat == "xlsx" and args.out.suffix.lower() == ".xlsx":
        check_out_file(args.out, args.root)
    else:
        check_out_dir(args.out, args.root)
    result = validate(args.root)
    if result.meldingen.has_errors:
        _print_meldingen(result.meldingen, alleen_fouten=True)
        print(
            f"{_summary(result.meldingen, len(result.project.bestanden))}; "
            "los eerst de fouten op, dan wordt er geëxporteerd",
            file=sys.stderr,
        )
        return EXIT_FOUT
    for path in export(result, args.formaat, args.out):
        print(toon(path))
    return EXIT_OK


def _nieuw_bestand(out: Path, root: Path) -> None:
    """Refuse an --out that exists (any kind of file) or would land among data or sources."""
    if out.exists():
        raise GebruiksFout(
            f"--out '{toon(out)}' bestaat al; dat bestand wordt niet overschreven. Kies een "
            "nieuwe bestandsnaam, of haal het oude bestand eerst zelf weg"
        )
    check_out_file(out, root)


def cmd_vertalingen_export(args: argparse.Namespace) -> int:
    from wegwijzer.export import vertalingen as vt
    from wegwijzer.read.project import check_root
    from wegwijzer.rules.validate import validate

    taal = args.taal.strip().lower()
    if taal == "nl":
        raise GebruiksFout("--taal nl: Nederlands is de taal waaruit vertaald wordt; kies een andere taal")
    import re

    if not re.fullmatch(r"[a-z]{2,3}", taal):
        raise GebruiksFout(f"--taal '{args.taal}' is geen taalcode; schrijf bijvoorbeeld ar, tr of pl")
    _nieuw_bestand(args.out, args.root)
    # Errors in the data do not stop the export: missing translations are errors too, and
    # they are exactly what a translator needs to see.
    result = validate(check_root(args.root))
    slugs = vt.kies_gemeenten(result.gemeenten, taal, args.gemeente)
    eenheden = vt.eenheden(
        result.project.vertalingen, result.gemeenten, taal, slugs,
        alleen_ontbrekend=args.alleen_ontbrekend,
    )
    vt.schrijf_nieuw(args.out, vt.export_tekst(eenheden, taal, args.out))
    telling = {s: sum(1 for e in eenheden if e.status == s) for s in vt.STATUSSEN}
    delen = ", ".join(f"{n} {s}" for s, n in telling.items() if n)
    met_taal = any(taal in (result.gemeenten[s].info.flyer_talen or ()) for s in slugs)
    bron = (f"{len(slugs)} gemeente(n)" if met_taal or args.gemeente
            else f"alle {len(slugs)} gemeenten (geen gemeente heeft '{taal}' in flyer_talen)")
    print(f"{toon(args.out)}: {len(eenheden)} teksten ({delen or 'geen'}) uit {bron}", file=sys.stderr)
    return EXIT_OK


def cmd_vertalingen_import(args: argparse.Namespace) -> int:
    from wegwijzer.export import vertalingen as vt

    _nieuw_bestand(args.out, args.root)
    if args.out.suffix.lower() not in (".yml", ".yaml"):
        raise GebruiksFout(f"--out '{toon(args.out)}': geef een bestandsnaam die eindigt op .yml")
    meldingen = Meldingen()
    taal = args.taal.strip().lower() if args.taal else None
    uitkomst = vt.importeer(args.bestand, meldingen, taal)
    _print_meldingen(meldingen)
    if uitkomst is None:
        fouten = len(meldingen.fouten)
        print(f"{fouten} {'fout' if fouten == 1 else 'fouten'} in {toon(args.bestand)}; er is "
              "geen bestand geschreven", file=sys.stderr)
        return EXIT_FOUT
    taal, tekst, gelezen, leeg = uitkomst
    vt.schrijf_nieuw(args.out, tekst.encode("utf-8"))
    print(
        f"{toon(args.out)}: {gelezen} vertaalde teksten in het {taal}"
        + (f"; {leeg} nog niet vertaald" if leeg else "")
        + f". Vergelijk met content/vertalingen/{taal}.yml en neem over wat klopt",
        file=sys.stderr,
    )
    return EXIT_OK



def cmd_build(args: argparse.Namespace) -> int:
    from wegwijzer.site.build import build_site

    with schrijfslot(args.root, "build"):
        result = build_site(args.root, args.out, flyers=not args.zonder_flyers)
    meldingen = result.resultaat.meldingen
    files = len(result.resultaat.project.bestanden)
    if result.out is None:
        _print_meldingen(meldingen, alleen_fouten=True)
        print(f"{_summary(meldingen, files)}; de site is niet gebouwd", file=sys.stderr)
        return EXIT_FOUT
    _print_meldingen(result.flyer_meldingen)
    # a page at the top ('/rozendaal/') is the address a flyer's QR code carries: each by name
    code = "pagina-verdwenen"
    top = [page for page in result.verdwenen if page.count("/") == 2]
    other = [page for page in result.verdwenen if page.count("/") > 2]
    for page in top:
        print(
            f"wegwijzer: waarschuwing: de pagina {page} stond in de vorige site en is er nu niet "
            "meer; flyers en links met dat adres komen nergens meer uit. Is er een "
            f"gemeentebestand weg of hernoemd? [{code}]",
            file=sys.stderr,
        )
    if other:
        examples = ", ".join(other[:3]) + (", ..." if len(other) > 3 else "")
        print(
            f"wegwijzer: waarschuwing: nog {len(other)} pagina's van de vorige site zijn er niet "
            f"meer ({examples}) [{code}]",
            file=sys.stderr,
        )
    for text in result.mkdocs_meldingen:
        print(f"mkdocs: {text}", file=sys.stderr)
    print(f"{_summary(meldingen, files)} (zie 'wegwijzer validate')", file=sys.stderr)
    print(
        f"site gebouwd in {toon(result.out)}: {result.paginas} pagina's, {result.flyers} flyerbestanden",
        file=sys.stderr,
    )
    return EXIT_OK

def run() -> None:
    sys.exit(main())
