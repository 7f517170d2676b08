"""Generate a deterministic, clearly synthetic national dataset: 25 regio's, 342 gemeenten.

    python scripts/gen_national.py --out /tmp/nationaal

Everything is made up and says so: names start with "Voorbeeld", web addresses use the
reserved `.example` domain, every file carries `voorbeelddata: ja` (pages and flyers built
from it show a "voorbeelddata" banner). Phone numbers are valid in form only.
The result is a complete project root that every `wegwijzer` command accepts with --root.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

SEED = 20261123
REGIOS = 25
GEMEENTEN = 342
LANGUAGES = ["en", "ar", "tr", "pl", "ti"]  # plus nl: six flyer languages per gemeente
FASEN = ["voor-zwangerschap", "zwanger", "na-geboorte"]
THEMAS = ["zwangerschap", "gezondheid", "psychisch", "opvoeden", "relatie", "veiligheid",
          "geld", "wonen", "ontmoeten", "kinderwens", "voeding", "verslaving", "praktisch"]
ZINNEN = [
    "Je kunt hier terecht met vragen.", "Je praat met iemand die luistert.",
    "Samen kijken we wat je nodig hebt.", "Het is gratis.", "Je hoeft niet te wachten.",
    "Je krijgt hulp bij je thuis.", "Je ontmoet andere ouders.", "We helpen je op weg.",
]
DATE = "2026-10-01"


def q(value: object) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


class Generator:
    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.phone_counter = 1000000

    def phone(self) -> str:
        self.phone_counter += self.rng.randint(1, 97)
        digits = f"{self.phone_counter:07d}"
        return f"085 {digits[:3]} {digits[3:5]} {digits[5:]}"

    def entry(self, kind: str, id: str, naam: str, host: str, aanbieder: str | None = None) -> list[str]:
        rng = self.rng
        lines = [f"  - id: {id}", f"    naam: {q(naam)}"]
        if kind in ("hulplijnen", "interventies"):
            text = " ".join(rng.sample(ZINNEN, 3))
            lines.append(f"    omschrijving: {q(text)}")
            lines.append(f"    fasen: [{', '.join(sorted(rng.sample(FASEN, rng.randint(1, 3))))}]")
            lines.append(f"    themas: [{', '.join(sorted(rng.sample(THEMAS, rng.randint(1, 3))))}]")
            if rng.random() < 0.6:
                lines.append("    kosten: gratis")
            if aanbieder:
                lines.append(f"    aanbieder: {aanbieder}")
        if kind == "contacten":
            lines.append(f"    soort: {rng.choice(['cjg', 'jgz', 'sociaal-team', 'gemeente'])}")
        lines.append(f"    telefoon: {q(self.phone())}")
        lines.append(f"    website: {q(f'https://{host}/{kind}/{id}')}")
        lines.append(f"    bron: {q('Synthetische voorbeelddata (scripts/gen_national.py)')}")
        lines.append(f"    gecontroleerd: {DATE}")
        return lines

    def landelijk(self) -> tuple[str, dict[str, list[str]]]:
        lines = ["# Verzonnen voorbeelddata: niet publiceren.", "voorbeelddata: ja", "hulplijnen:"]
        lines += [
            "  - id: alarmnummer-112", '    naam: "Voorbeeld: alarmnummer 112"',
            '    omschrijving: "Bel bij direct gevaar."', '    telefoon: "112"',
            "    fasen: [voor-zwangerschap, zwanger, na-geboorte]", "    themas: [veiligheid]",
            "    kosten: gratis", "    spoed: ja", "    op_flyer: ja",
            '    bron: "Synthetische voorbeelddata"', f"    gecontroleerd: {DATE}",
        ]
        ids: dict[str, list[str]] = {"hulplijnen": ["alarmnummer-112"], "interventies": [], "organisaties": []}
        host = "www.landelijk-voorbeeld.example"
        for n in range(1, 41):
            id = f"landelijke-lijn-{n:03d}"
            lines += self.entry("hulplijnen", id, f"Voorbeeld landelijke lijn {n}", host)
            if n <= 6:
                lines.append("    op_flyer: ja")
            ids["hulplijnen"].append(id)
        lines.append("interventies:")
        for n in range(1, 61):
            id = f"landelijke-interventie-{n:03d}"
            lines += self.entry("interventies", id, f"Voorbeeld landelijke interventie {n}", host)
            ids["interventies"].append(id)
        lines.append("organisaties:")
        for n in range(1, 21):
            id = f"landelijke-organisatie-{n:03d}"
            lines += self.entry("organisaties", id, f"Voorbeeld landelijke organisatie {n}", host)
            ids["organisaties"].append(id)
        return "\n".join(lines) + "\n", ids

    def regio(self, r: int, national: dict[str, list[str]]) -> tuple[str, dict[str, list[str]]]:
        slug = f"voorbeeldregio-{r:02d}"
        host = f"www.{slug}.example"
        ggd = f"ggd-{slug}"
        lines = ["# Verzonnen voorbeelddata: niet publiceren.", "voorbeelddata: ja", "regio:",
                 f"  naam: {q(f'Voorbeeldregio {r:02d}')}", f"  ggd: {ggd}", "organisaties:"]
        lines += self.entry("organisaties", ggd, f"Voorbeeld-GGD regio {r:02d}", host)
        ids: dict[str, list[str]] = {"hulplijnen": [], "interventies": [], "organisaties": [ggd]}
        lines.append("hulplijnen:")
        for n in range(1, 4):
            id = f"{slug}-lijn-{n}"
            lines += self.entry("hulplijnen", id, f"Voorbeeld regiolijn {r:02d}-{n}", host, ggd)
            ids["hulplijnen"].append(id)
        lines.append("interventies:")
        for n in range(1, 8):
            id = f"{slug}-interventie-{n}"
            lines += self.entry("interventies", id, f"Voorbeeld regio-interventie {r:02d}-{n}", host, ggd)
            ids["interventies"].append(id)
        excluded = self.rng.sample(national["interventies"], 2)
        lines.append(f"niet_aangeboden: [{', '.join(excluded)}]")
        for id in excluded:
            national_ids = ids.setdefault("_excluded", [])
            national_ids.append(id)
        return "\n".join(lines) + "\n", ids

    def gemeente(self, g: int, r: int, regio_ids: dict[str, list[str]], national: dict[str, list[str]]) -> str:
        rng = self.rng
        slug = f"voorbeeldgemeente-{g:03d}"
        host = f"www.{slug}.example"
        lines = ["# Verzonnen voorbeelddata: niet publiceren.", "voorbeelddata: ja", "gemeente:",
                 f"  naam: {q(f'Voorbeeldgemeente {g:03d}')}", f"  regio: voorbeeldregio-{r:02d}",
                 f"  woonplaatsen: [{q(f'Voorbeelddorp {g:03d}-A')}, {q(f'Voorbeelddorp {g:03d}-B')}]",
                 f"  flyer_talen: [{', '.join(LANGUAGES)}]"]
        local = rng.randint(10, 60)
        kinds = {"contacten": 2, "hulplijnen": max(1, local // 6)}
        kinds["interventies"] = local - sum(kinds.values())
        for kind, count in kinds.items():
            lines.append(f"{kind}:")
            for n in range(1, count + 1):
                id = f"{slug}-{kind[:-2] if kind.endswith('en') else kind}-{n:02d}"
                lines += self.entry(kind, id, f"Voorbeeld {kind[:-2]} {g:03d}-{n}", host)
            if kind == "interventies":
                for id in rng.sample(regio_ids["interventies"], 2):  # overrides
                    lines += [f"  - id: {id}", f"    telefoon: {q(self.phone())}",
                              f"    bijzonderheden: {q('Lokale afspraak in deze voorbeeldgemeente.')}"]
        available = [i for i in national["interventies"] if i not in regio_ids.get("_excluded", [])]
        excluded = rng.sample(available, 2) + rng.sample(regio_ids["interventies"][2:], 1)
        lines.append("niet_aangeboden:")
        for id in excluded:
            lines += [f"  - id: {id}", f"    reden: {q('Niet in deze voorbeeldgemeente.')}"]
        return "\n".join(lines) + "\n"


def region_sizes(rng: random.Random) -> list[int]:
    sizes = [GEMEENTEN // REGIOS] * REGIOS
    for i in rng.sample(range(REGIOS), GEMEENTEN - sum(sizes)):
        sizes[i] += 1
    for _ in range(30):  # vary sizes while keeping the total
        a, b = rng.sample(range(REGIOS), 2)
        if sizes[a] > 6:
            sizes[a] -= 1
            sizes[b] += 1
    return sizes


def generate(out: Path, seed: int = SEED) -> None:
    gen = Generator(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "content" / "regio").mkdir(parents=True)
    (out / "gemeenten").mkdir()
    repo = Path(__file__).resolve().parent.parent
    mkdocs = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    (out / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    text, national = gen.landelijk()
    (out / "content" / "landelijk.yml").write_text(text, encoding="utf-8")
    g = 0
    for r, size in enumerate(region_sizes(gen.rng), start=1):
        text, regio_ids = gen.regio(r, national)
        (out / "content" / "regio" / f"voorbeeldregio-{r:02d}.yml").write_text(text, encoding="utf-8")
        for _ in range(size):
            g += 1
            path = out / "gemeenten" / f"voorbeeldgemeente-{g:03d}.yml"
            path.write_text(gen.gemeente(g, r, regio_ids, national), encoding="utf-8")
    vertalingen = repo / "content" / "vertalingen"
    if vertalingen.is_dir():
        _translations(out, vertalingen)


def _translations(out: Path, source: Path) -> None:
    """Copy the fixed flyer texts; synthetic entries are translated as '[taal] Dutch text'."""
    target = out / "content" / "vertalingen"
    shutil.copytree(source, target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    generate(args.out, args.seed)
    print(f"voorbeelddata geschreven naar {args.out}")


if __name__ == "__main__":
    main()
