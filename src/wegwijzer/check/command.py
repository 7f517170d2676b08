"""The arguments of `wegwijzer check` and what the command does with them.

Kept apart from `wegwijzer.cli` so that the main parser stays small; this module imports
nothing heavy at load time (aiohttp and rich are imported when a check runs).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wegwijzer import files
from wegwijzer.diagnostics import GebruiksFout

EXIT_OK, EXIT_FOUT = 0, 1
PROGRESS_MIN = 20  # show a progress bar from this many addresses on (in a terminal)


def _positive(kind: type) -> object:
    def parse(text: str) -> object:
        try:
            value = kind(text.replace(",", "."))
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is geen getal") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"'{text}' moet groter dan 0 zijn")
        return value

    parse.__name__ = kind.__name__
    return parse


def _resolve(text: str) -> tuple[str, str]:
    import ipaddress

    host, _, address = text.partition("=" if "=" in text else ":")
    try:
        ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}': schrijf HOST:IP-ADRES, zoals 'www.ede.nl:127.0.0.1'"
        ) from None
    if not host:
        raise argparse.ArgumentTypeError(f"'{text}': de hostnaam ontbreekt")
    return host.lower(), address.strip("[]")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--online",
        action="store_true",
        help="haal elk webadres uit de gegevens en de site echt op",
    )
    p.add_argument(
        "--site",
        type=Path,
        metavar="MAP",
        help="controleer ook de gebouwde site in deze map (links, ankers, tel: en mailto:)",
    )
    p.add_argument(
        "--report",
        "--rapport",
        dest="rapporten",
        type=Path,
        action="append",
        default=[],
        metavar="BESTAND",
        help="schrijf een rapport: .md, .html of .json (mag vaker)",
    )
    p.add_argument(
        "--allow-private",
        action="store_true",
        help="haal ook interne adressen op (localhost, 10.x, 192.168.x): voor tests en intranet",
    )
    p.add_argument(
        "--alleen",
        action="append",
        default=[],
        metavar="PATROON",
        help="controleer alleen adressen die op dit patroon (reguliere expressie) lijken; mag vaker",
    )
    p.add_argument(
        "--behalve",
        action="append",
        default=[],
        metavar="PATROON",
        help="sla adressen over die op dit patroon lijken; mag vaker",
    )
    p.add_argument(
        "--max-tijd",
        type=_positive(float),
        default=300.0,
        metavar="SECONDEN",
        help="stop met ophalen na zoveel seconden; de rest heet 'niet gecontroleerd' "
        "(standaard 300)",
    )
    p.add_argument(
        "--timeout",
        type=_positive(float),
        default=10.0,
        metavar="SECONDEN",
        help="wacht zo lang op één antwoord (standaard 10)",
    )
    p.add_argument(
        "--pogingen",
        type=_positive(int),
        default=3,
        metavar="N",
        help="probeer zo vaak bij een tijdelijke fout (5xx, timeout, 429; standaard 3)",
    )
    p.add_argument(
        "--gelijktijdig",
        type=_positive(int),
        default=128,
        metavar="N",
        help="zoveel verzoeken tegelijk in totaal (standaard 128)",
    )
    p.add_argument(
        "--per-host",
        type=_positive(int),
        default=8,
        metavar="N",
        help="zoveel verzoeken tegelijk naar één website (standaard 8)",
    )
    p.add_argument(
        "--cache-uren",
        type=_positive(float),
        default=24.0,
        metavar="UREN",
        help="een adres dat werkte wordt zo lang niet opnieuw opgehaald (standaard 24)",
    )
    p.add_argument(
        "--geen-cache",
        action="store_true",
        help="gebruik en bewaar geen eerdere uitkomsten (.wegwijzer-cache/)",
    )
    p.add_argument(
        "--resolve",
        type=_resolve,
        action="append",
        default=[],
        metavar="HOST:IP",
        help="gebruik dit IP-adres voor deze hostnaam (zoals curl --resolve); voor tests",
    )
    p.add_argument(
        "--versheid",
        action="store_true",
        help="toon ook de lijst van vermeldingen die langer dan 12 maanden niet zijn gecontroleerd",
    )
    p.add_argument(
        "--alleen-fouten", action="store_true", help="toon geen waarschuwingen, alleen fouten"
    )


def run(args: argparse.Namespace) -> int:
    from wegwijzer.check.fetch import Instellingen
    from wegwijzer.check.report import check_report_path, terminal, write_report
    from wegwijzer.check.runner import Opties, run_check

    for path in args.rapporten:
        check_report_path(path)  # wrong suffixes are usage errors, before any work
        files.check_out_file(path, args.root, "--rapport")  # never over data or sources
    settings = Instellingen(
        gelijktijdig=args.gelijktijdig,
        per_host=args.per_host,
        timeout=args.timeout,
        pogingen=args.pogingen,
        max_tijd=args.max_tijd,
        allow_private=args.allow_private,
        resolve=dict(args.resolve),
    )
    opties = Opties(
        root=args.root,
        online=args.online,
        site=args.site,
        instellingen=settings,
        cache=not args.geen_cache,
        cache_ttl=args.cache_uren * 3600,
        alleen=args.alleen,
        behalve=args.behalve,
    )
    progress = _progress() if args.online else None
    try:
        if progress is not None:
            progress.start()
            opties.voortgang = progress.update_to
        result = run_check(opties)
    finally:
        if progress is not None:
            progress.stop()
    terminal(result, alleen_fouten=args.alleen_fouten, versheid=args.versheid)
    for path in args.rapporten:
        write_report(path, result)
        print(f"rapport geschreven: {files.toon(path)}", file=sys.stderr)
    return EXIT_FOUT if result.has_errors else EXIT_OK


class _Progress:
    """A rich progress bar on stderr, only in a terminal and only for long runs."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("webadressen controleren"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self.task = None
        self.started = False

    def start(self) -> None:
        pass

    def update_to(self, done: int, total: int) -> None:
        if total < PROGRESS_MIN:
            return
        if not self.started:
            self.progress.start()
            self.task = self.progress.add_task("links", total=total)
            self.started = True
        self.progress.update(self.task, completed=done, total=total)

    def stop(self) -> None:
        if self.started:
            self.progress.stop()


def _progress() -> _Progress | None:
    if not sys.stderr.isatty():
        return None
    try:
        return _Progress()
    except ImportError:
        return None


__all__ = ["GebruiksFout", "add_arguments", "run"]
