"""Generate a deterministic, clearly synthetic national dataset: 25 regio's, 342 gemeenten.

    python scripts/gen_national.py --out /tmp/nationaal [--gemeenten 342] [--seed N]

Everything is made up and says so: names start with "Voorbeeld", web addresses use the
reserved `.example` domain, every file carries `voorbeelddata: ja` (pages and flyers built
from it show a "voorbeelddata" banner). Phone numbers are valid in form only.
The result is a complete project root that every `wegwijzer` command accepts with --root.

Sizes: 120 national and 11 regional entries per regio (about 400), 10 to 60 local entries
per gemeente, regional entries overridden and national and regional ones excluded per
gemeente, six flyer languages per gemeente (nl and five of en, ar, tr, pl, uk, fa, ti, so,
rotating, so every language has pages and flyers in many gemeenten), about 5,000 distinct
URLs (most local entries link to shared pages of their gemeente, regio or a national
programme). --gemeenten N writes a smaller set (about 14 gemeenten per regio) for quick
tests. The same seed gives the same bytes.

Translations are real (machine) translations, never Dutch text labelled as another
language: the fixed flyer and page texts are copied from the shipped content/vertalingen/,
and the flyer texts of the synthetic entries ('kort', 'bereikbaar') are picked from a small
set of phrases translated below (FRASEN). The other entry texts (omschrijving, doelgroep,
...) have no translation: the parent pages show them in Dutch, marked lang="nl".
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
LANGUAGES = ["en", "ar", "tr", "pl", "uk", "fa", "ti", "so"]  # the shipped translations
TALEN_PER_GEMEENTE = 5  # plus nl: six flyer languages per gemeente
FASEN = ["voor-zwangerschap", "zwanger", "na-geboorte"]
THEMAS = ["zwangerschap", "gezondheid", "psychisch", "opvoeden", "relatie", "veiligheid",
          "geld", "wonen", "ontmoeten", "kinderwens", "voeding", "verslaving", "praktisch"]
ZINNEN = [
    "Je kunt hier terecht met vragen.", "Je praat met iemand die luistert.",
    "Samen kijken we wat je nodig hebt.", "Het is gratis.", "Je hoeft niet te wachten.",
    "Je krijgt hulp bij je thuis.", "Je ontmoet andere ouders.", "We helpen je op weg.",
]
DATE = "2026-10-01"
FLYER_LIJNEN = 4  # national hulplijnen on every flyer (with the voorbeelddata band, 5 overflow in ar and fa)


def q(value: object) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


BEREIKBAAR = ["Werkdagen 9.00-17.00 uur", "Maandag tot en met vrijdag 8.30-12.30 uur",
              "Elke dag 10.00-22.00 uur", "Werkdagen 9.00-15.00 uur"]  # the last two are short
KOSTEN = ["Eigen bijdrage, vraag ernaar", "Vergoed door de zorgverzekering"]
KORT = ["Vragen over je kind", "Als je je verhaal kwijt wilt", "Hulp bij opvoeden",
        "Vragen over je zwangerschap", "Als je ergens mee zit", "Vragen over je baby"]
KORT_112 = "Bij direct gevaar"
# The flyer texts of the synthetic entries, translated (machine translation, like the shipped
# files; most are the shipped translations of the same or a longer Dutch line). Only flyer
# entries need them: a flyer is made only when every text it shows is translated, and the
# flyer entries' bereikbaar is one of the last two of BEREIKBAAR and their kosten is gratis.
FRASEN: dict[str, dict[str, str]] = {
    "Vragen over je kind": {
        "en": "Questions about your child", "ar": "أسئلة عن طفلكِ",
        "tr": "Çocuğunla ilgili sorular", "pl": "Pytania o dziecko",
        "uk": "Питання про твою дитину", "fa": "سؤال درباره فرزندت",
        "ti": "ብዛዕባ ውላድኪ ሕቶታት", "so": "Su'aalo ku saabsan ilmahaaga",
    },
    "Als je je verhaal kwijt wilt": {
        "en": "When you want to talk to someone", "ar": "عندما تريدين أن تتحدثي إلى شخص ما",
        "tr": "İçini dökmek istediğinde", "pl": "Gdy chcesz komuś opowiedzieć, co przeżywasz",
        "uk": "Коли хочеш комусь розповісти, що в тебе на душі",
        "fa": "وقتی می‌خواهی با کسی درد دل کنی", "ti": "ታሪኽኪ ክትነግሪ ምስ እትደልዪ",
        "so": "Marka aad rabto inaad sheekadaada qof u sheegto",
    },
    "Hulp bij opvoeden": {
        "en": "Help with parenting", "ar": "مساعدة في تربية الأطفال",
        "tr": "Çocuk yetiştirmede yardım", "pl": "Pomoc w wychowaniu dziecka",
        "uk": "Допомога з вихованням дітей", "fa": "کمک در تربیت فرزند",
        "ti": "ኣብ ምዕባይ ቆልዑ ሓገዝ", "so": "Caawimaad xagga barbaarinta carruurta",
    },
    "Vragen over je zwangerschap": {
        "en": "Questions about your pregnancy", "ar": "أسئلة عن حملكِ",
        "tr": "Hamileliğinle ilgili sorular", "pl": "Pytania o ciążę",
        "uk": "Питання про твою вагітність", "fa": "سؤال درباره بارداری‌ات",
        "ti": "ብዛዕባ ጥንስኺ ሕቶታት", "so": "Su'aalo ku saabsan uurkaaga",
    },
    "Als je ergens mee zit": {
        "en": "When something is bothering you", "ar": "عندما يشغل بالكِ شيء ما",
        "tr": "Bir şey canını sıkıyorsa", "pl": "Gdy coś cię martwi",
        "uk": "Коли тебе щось турбує", "fa": "وقتی چیزی ذهنت را مشغول کرده",
        "ti": "ዘጨንቐኪ ነገር እንተሎ", "so": "Marka ay wax ku hayaan",
    },
    "Vragen over je baby": {
        "en": "Questions about your baby", "ar": "أسئلة عن طفلكِ الرضيع",
        "tr": "Bebeğinle ilgili sorular", "pl": "Pytania o twoje niemowlę",
        "uk": "Питання про твоє немовля", "fa": "سؤال درباره نوزادت",
        "ti": "ብዛዕባ ህጻንኪ ሕቶታት", "so": "Su'aalo ku saabsan ilmahaaga yar",
    },
    KORT_112: {
        "en": "When there is immediate danger", "ar": "عند وجود خطر مباشر",
        "tr": "Doğrudan bir tehlike olduğunda", "pl": "Gdy grozi bezpośrednie niebezpieczeństwo",
        "uk": "Коли є безпосередня небезпека", "fa": "در خطر فوری",
        "ti": "ብቐጥታ ሓደጋ ምስ ዝህሉ", "so": "Marka ay jirto khatar degdeg ah",
    },
    "Elke dag 10.00-22.00 uur": {
        "en": "Every day 10:00 am - 10:00 pm", "ar": "كل يوم من 10:00 إلى 22:00",
        "tr": "Her gün 10.00-22.00", "pl": "Codziennie 10:00-22:00",
        "uk": "Щодня 10:00-22:00", "fa": "هر روز از 10:00 تا 22:00",
        "ti": "ኩሉ መዓልቲ 10:00-22:00", "so": "Maalin kasta 10:00-22:00",
    },
    "Werkdagen 9.00-15.00 uur": {
        "en": "Working days 9:00 am - 3:00 pm", "ar": "أيام العمل من 9:00 إلى 15:00",
        "tr": "Hafta içi 9.00-15.00", "pl": "W dni robocze 9:00-15:00",
        "uk": "У робочі дні 9:00-15:00", "fa": "روزهای کاری از 9:00 تا 15:00",
        "ti": "መዓልታት ስራሕ 9:00-15:00", "so": "Maalmaha shaqada 9:00-15:00",
    },
}
# Pages that many entries share: a regional provider's page per theme, a national programme.
SHARED_PATHS = [f"aanbod/{thema}" for thema in THEMAS] + [f"programma/{n:02d}" for n in range(1, 8)]
UNIQUE_URL = 0.26  # share of local entries with a page of their own (about 5,000 URLs in all)


class Generator:
    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.phone_counter = 1000000
        # entry id -> the Dutch texts its flyer shows (for the translation files)
        self.flyer_teksten: dict[str, dict[str, str]] = {}

    def phone(self) -> str:
        self.phone_counter += self.rng.randint(1, 97)
        digits = f"{self.phone_counter:07d}"
        return f"085 {digits[:3]} {digits[3:5]} {digits[5:]}"

    def entry(self, kind: str, id: str, naam: str, host: str, aanbieder: str | None = None,
              *, website: str | None = None, flyer: bool = False) -> list[str]:
        rng = self.rng
        lines = [f"  - id: {id}", f"    naam: {q(naam)}"]
        if kind in ("hulplijnen", "interventies"):
            text = " ".join(rng.sample(ZINNEN, 3))
            lines.append(f"    omschrijving: {q(text)}")
            lines.append(f"    fasen: [{', '.join(sorted(rng.sample(FASEN, rng.randint(1, 3))))}]")
            lines.append(f"    themas: [{', '.join(sorted(rng.sample(THEMAS, rng.randint(1, 3))))}]")
            roll = rng.random()
            if roll < 0.6 or flyer:  # flyer lines are free (costs take a line on the flyer)
                lines.append("    kosten: gratis")
            elif roll < 0.75:
                lines.append(f"    kosten: {q(rng.choice(KOSTEN))}")
            if aanbieder:
                lines.append(f"    aanbieder: {aanbieder}")
        if kind == "contacten":  # the first contact of a gemeente is its CJG or JGZ
            soorten = ["cjg", "jgz"] if id.endswith("-01") else ["cjg", "jgz", "sociaal-team", "gemeente"]
            lines.append(f"    soort: {rng.choice(soorten)}")
        if kind in ("hulplijnen", "contacten") and rng.random() < 0.7:
            # flyer entries get a short time: long ones overflow the Arabic back page
            bereikbaar = rng.choice(BEREIKBAAR[2:] if flyer else BEREIKBAAR)
            lines.append(f"    bereikbaar: {q(bereikbaar)}")
        lines.append(f"    telefoon: {q(self.phone())}")
        lines.append(f"    website: {q(website or f'https://{host}/{kind}/{id}')}")
        lines.append(f"    bron: {q('Synthetische voorbeelddata (scripts/gen_national.py)')}")
        lines.append(f"    gecontroleerd: {DATE}")
        if flyer:
            self.flyer_teksten[id] = self.teksten(lines)
        return lines

    def teksten(self, lines: list[str]) -> dict[str, str]:
        """The Dutch texts of an entry that its flyer shows: kort, bereikbaar, kosten."""
        result = {"kort": self.rng.choice(KORT)}
        for line in lines:
            key, _, value = line.strip().partition(": ")
            if key in ("bereikbaar", "kosten") and value != "gratis":
                result[key] = json.loads(value)
        return result

    def local_url(self, host: str, regio_host: str, kind: str, id: str) -> str:
        """Most local entries link to a shared page; about a third have one of their own."""
        roll = self.rng.random()
        if roll < UNIQUE_URL:
            return f"https://{host}/{kind}/{id}"
        if roll < UNIQUE_URL + 0.1:
            return f"https://{host}/{self.rng.choice(SHARED_PATHS)}"
        if roll < 0.9:
            return f"https://{regio_host}/{self.rng.choice(SHARED_PATHS)}"
        return f"https://www.landelijk-voorbeeld.example/{self.rng.choice(SHARED_PATHS)}"

    def landelijk(self) -> tuple[str, dict[str, list[str]]]:
        lines = ["# Verzonnen voorbeelddata: niet publiceren.", "voorbeelddata: ja", "hulplijnen:"]
        lines += [
            "  - id: alarmnummer-112", '    naam: "Voorbeeld: alarmnummer 112"',
            '    omschrijving: "Bel bij direct gevaar."', '    telefoon: "112"',
            "    fasen: [voor-zwangerschap, zwanger, na-geboorte]", "    themas: [veiligheid]",
            "    kosten: gratis", "    spoed: ja", "    op_flyer: ja",
            '    bron: "Synthetische voorbeelddata"', f"    gecontroleerd: {DATE}",
        ]
        self.flyer_teksten["alarmnummer-112"] = {"kort": KORT_112}
        ids: dict[str, list[str]] = {"hulplijnen": ["alarmnummer-112"], "interventies": [], "organisaties": []}
        host = "www.landelijk-voorbeeld.example"
        for n in range(1, 41):
            id = f"landelijke-lijn-{n:03d}"
            lines += self.entry("hulplijnen", id, f"Voorbeeld landelijke lijn {n}", host, flyer=n <= FLYER_LIJNEN)
            if n <= FLYER_LIJNEN:
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
        regio_host = f"www.voorbeeldregio-{r:02d}.example"
        overrides = rng.sample(regio_ids["interventies"], 2)
        lines = ["# Verzonnen voorbeelddata: niet publiceren.", "voorbeelddata: ja", "gemeente:",
                 f"  naam: {q(f'Voorbeeldgemeente {g:03d}')}", f"  regio: voorbeeldregio-{r:02d}",
                 f"  woonplaatsen: [{q(f'Voorbeelddorp {g:03d}-A')}, {q(f'Voorbeelddorp {g:03d}-B')}]",
                 f"  flyer_talen: [{', '.join(flyer_talen(g))}]"]
        local = rng.randint(10, 60)
        kinds = {"contacten": 2, "hulplijnen": max(1, local // 6)}
        kinds["interventies"] = local - sum(kinds.values())
        for kind, count in kinds.items():
            lines.append(f"{kind}:")
            for n in range(1, count + 1):
                id = f"{slug}-{kind[:-2] if kind.endswith('en') else kind}-{n:02d}"
                website = self.local_url(host, regio_host, kind, id)
                lines += self.entry(kind, id, f"Voorbeeld {kind[:-2]} {g:03d}-{n}", host,
                                    website=website, flyer=kind == "contacten")
            if kind == "interventies":
                for id in overrides:
                    lines += [f"  - id: {id}", f"    telefoon: {q(self.phone())}",
                              f"    bijzonderheden: {q('Lokale afspraak in deze voorbeeldgemeente.')}"]
        available = [i for i in national["interventies"] if i not in regio_ids.get("_excluded", [])]
        own = [i for i in regio_ids["interventies"] if i not in overrides]
        excluded = rng.sample(available, 2) + rng.sample(own, 1)
        lines.append("niet_aangeboden:")
        for id in excluded:
            lines += [f"  - id: {id}", f"    reden: {q('Niet in deze voorbeeldgemeente.')}"]
        return "\n".join(lines) + "\n"


def flyer_talen(g: int) -> list[str]:
    """The languages of gemeente `g` besides nl: five of LANGUAGES, a window that moves one
    language per gemeente, so every language is in 5 of every 8 gemeenten."""
    start = (g - 1) % len(LANGUAGES)
    chosen = {LANGUAGES[(start + k) % len(LANGUAGES)] for k in range(TALEN_PER_GEMEENTE)}
    return [taal for taal in LANGUAGES if taal in chosen]


def region_sizes(rng: random.Random, gemeenten: int = GEMEENTEN, regios: int = REGIOS) -> list[int]:
    sizes = [gemeenten // regios] * regios
    for i in rng.sample(range(regios), gemeenten - sum(sizes)):
        sizes[i] += 1
    for _ in range(30 if regios > 1 else 0):  # vary sizes while keeping the total
        a, b = rng.sample(range(regios), 2)
        if sizes[a] > 6:
            sizes[a] -= 1
            sizes[b] += 1
    return sizes


def regio_count(gemeenten: int) -> int:
    """25 regio's for the full country; a scaled-down set keeps about 14 gemeenten per regio."""
    return REGIOS if gemeenten >= GEMEENTEN else max(1, min(REGIOS, round(gemeenten * REGIOS / GEMEENTEN)))


def generate(out: Path, seed: int = SEED, gemeenten: int = GEMEENTEN) -> None:
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
    for r, size in enumerate(region_sizes(gen.rng, gemeenten, regio_count(gemeenten)), start=1):
        text, regio_ids = gen.regio(r, national)
        (out / "content" / "regio" / f"voorbeeldregio-{r:02d}.yml").write_text(text, encoding="utf-8")
        for _ in range(size):
            g += 1
            path = out / "gemeenten" / f"voorbeeldgemeente-{g:03d}.yml"
            path.write_text(gen.gemeente(g, r, regio_ids, national), encoding="utf-8")
    write_translations(out, repo / "content" / "vertalingen", gen.flyer_teksten)


HEADER = """# Verzonnen voorbeelddata: niet publiceren.
#
# Translation file of the synthetic national dataset (scripts/gen_national.py).
# {note}
"""
# Languages whose mother's quote is cut to its first sentence: the voorbeelddata band takes
# its room on the flyer.
ERVARING_KORT = ("ar", "fa", "so")


def write_translations(out: Path, source: Path, flyer_teksten: dict[str, dict[str, str]]) -> None:
    """content/vertalingen/<taal>.yml for nl and every language of LANGUAGES.

    nl: the fixed texts of the shipped nl.yml and a made-up 'kort' per flyer entry. Every
    other language: the shipped (machine) translations of the fixed flyer texts and the page
    texts (so pages and flyers use the real scripts, direction and lengths) and, per flyer
    entry, the translation of its 'kort' and 'bereikbaar' from FRASEN. All files other than
    nl say 'machinevertaling: ja'.
    """
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    shipped = {taal: yaml.load((source / f"{taal}.yml").read_text(encoding="utf-8"))
               for taal in ("nl", *LANGUAGES)}
    vast_nl = {k: " ".join(str(v).split()) for k, v in shipped["nl"]["vaste_teksten"].items()}
    target = out / "content" / "vertalingen"
    target.mkdir(parents=True)
    lines = [HEADER.format(note="The Dutch texts; 'kort' is made up."), "taal: nl", "vaste_teksten:"]
    lines += [f"  {k}: {q(v)}" for k, v in vast_nl.items()]
    lines.append("vermeldingen:")
    for id, teksten in sorted(flyer_teksten.items()):
        lines += [f"  {id}:", f"    kort: {q(teksten['kort'])}"]
    (target / "nl.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for taal in LANGUAGES:
        note = (f"Fixed and page texts: the machine translations of content/vertalingen/{taal}.yml;\n"
                "# entry texts: machine translations of a fixed set of phrases (FRASEN).")
        lines = [HEADER.format(note=note), f"taal: {taal}", "machinevertaling: ja", "vaste_teksten:"]
        vast = {k: " ".join(str(v).split()) for k, v in shipped[taal]["vaste_teksten"].items()}
        if taal in ERVARING_KORT:
            vast["ervaring"] = first_sentence(vast["ervaring"])
        lines += [f"  {k}: {q(v)}" for k, v in vast.items()]
        lines.append("site_teksten:")
        lines += [f"  {k}: {q(' '.join(str(v).split()))}" for k, v in shipped[taal]["site_teksten"].items()]
        lines.append("vermeldingen:")
        for id, teksten in sorted(flyer_teksten.items()):
            lines.append(f"  {id}:")
            for veld, nl in teksten.items():
                tekst = FRASEN[nl][taal]
                if veld == "kort":
                    lines.append(f"    kort: {q(tekst)}")
                else:
                    lines += [f"    {veld}:", f"      tekst: {q(tekst)}", f"      nl: {q(nl)}"]
        (target / f"{taal}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def first_sentence(quote: str) -> str:
    """The first sentence of a quote, closed with the quote's own closing mark."""
    close = quote[-1] if quote and quote[-1] in "”»\"" else ""
    ends = [i for i, c in enumerate(quote[:-1]) if c in ".።?!؟"]
    return quote[: ends[0] + 1] + close if ends else quote


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--gemeenten", type=int, default=GEMEENTEN,
                        help=f"number of gemeenten (default {GEMEENTEN}; fewer for quick tests)")
    args = parser.parse_args()
    if args.gemeenten < 1:
        parser.error("--gemeenten: at least 1")
    generate(args.out, args.seed, args.gemeenten)
    print(f"voorbeelddata geschreven naar {args.out}")


if __name__ == "__main__":
    main()
