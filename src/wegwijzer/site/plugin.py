"""The MkDocs plugin that turns the data into pages (registered as `wegwijzer` in mkdocs.yml).

Why a plugin and not a hook file: it is installed with the package (an entry point), so it
works from any folder and for any project root, it has typed options, and `wegwijzer build`
can hand it data it already validated.

What it does, per build:

The plugin is an adapter: the pages, their data and the flyer links are decided by
`wegwijzer.site.plan.plan_site`, a pure function of the validated data. Per build:

- on_config: validate the data (errors stop the build, with the same messages as
  `wegwijzer validate`), make the page plan, start rendering the flyers in the background
  when the flyer stage exists (not during `mkdocs serve`), add the theme overrides and the
  site's CSS/JS;
- on_files: add a stand-in Markdown file for every planned page, the standard pages
  (toegankelijkheid, privacy; a file of the same name in docs/ replaces them) and the
  assets; render every planned page (sanitising runs on a second thread meanwhile);
- on_page_content: replace a stand-in's content by its rendered (escaped, sanitised)
  template; put urgent help on every other page;
- on_post_page: a Content-Security-Policy that allows nothing from other hosts;
- on_post_build: wait for the flyers and put them beside their gemeentepagina; index the
  built site for the search (Pagefind, `site/zoeken.py`);
- on_serve: reload when a YAML file under content/ or gemeenten/ changes.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from wegwijzer.diagnostics import GebruiksFout, Meldingen, WegwijzerFout
from wegwijzer.read.mappen import boom_binnen_root
from wegwijzer.read.project import GEMEENTEN_DIR
from wegwijzer.site import csp, feiten, flyers, fonts, zoeken
from wegwijzer.site.build import check_out
from wegwijzer.site.overzicht import Overzicht
from wegwijzer.site.pages import Pagina
from wegwijzer.site.plan import FlyerModus, PlanFout, SitePlan, plan_site
from wegwijzer.site.render import render, render_unsanitised, sanitize
from wegwijzer.site.serve_guard import keep_last_good
from wegwijzer.rules.validate import Resultaat, validate

log = logging.getLogger("mkdocs.plugins.wegwijzer")

HERE = Path(__file__).parent
OVERRIDES = HERE / "overrides"
ASSETS = HERE / "assets"
PAGES = HERE / "standaardteksten"  # standard hand-written pages; a file of the same name in docs/ wins
ASSET_URI = "assets/wegwijzer"
CSS = ("wegwijzer.css",)
JS = ("wegwijzer.js",)


class WegwijzerConfig(base.Config):
    root = c.Optional(c.Type(str))  # project root; default: the folder of mkdocs.yml
    flyers = c.Type(bool, default=True)  # render and link flyers (never during `serve`)


class WegwijzerPlugin(BasePlugin[WegwijzerConfig]):
    def __init__(self) -> None:
        self.command = "build"
        # Set by `wegwijzer build`: the project root and its already validated data.
        self.root_override: Path | None = None
        self.preset: Resultaat | None = None
        self.plan: SitePlan | None = None  # this build's pages; made in on_config
        self.flyer_meldingen = Meldingen()  # notes of the flyer stage, for `wegwijzer build`
        self._flyers: _FlyerRun | None = None
        # every planned page, rendered in on_files: src_uri -> (url, its sanitised HTML)
        self._klaar: dict[str, tuple[str, Future[str]]] = {}

    @property
    def overzicht(self) -> Overzicht | None:
        return self.plan.overzicht if self.plan is not None else None

    # --- lifecycle --------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance alive across `mkdocs serve` rebuilds.
        self.command = command

    def root(self, config: MkDocsConfig) -> Path:
        if self.root_override is not None:
            return self.root_override
        if self.config.root:
            return Path(config.config_file_path).parent / self.config.root
        return Path(config.config_file_path).parent

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._cleanup()
        if not config.use_directory_urls:
            raise PluginError("wegwijzer: zet 'use_directory_urls' aan; de flyers wijzen naar /<gemeente>/")
        if config.theme.name != "material":
            raise PluginError("wegwijzer: het thema moet 'material' zijn (Material for MkDocs)")
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(OVERRIDES))
        for name in CSS:
            if f"{ASSET_URI}/{name}" not in config.extra_css:
                config.extra_css.append(f"{ASSET_URI}/{name}")
        for name in JS:
            if not any(str(s) == f"{ASSET_URI}/{name}" for s in config.extra_javascript):
                config.extra_javascript.append(f"{ASSET_URI}/{name}")

        root = self.root(config)
        if self.preset is None:  # `wegwijzer build` checked its own --out already
            self._check_site_dir(config, root)
        self._check_links(config, root)
        resultaat = self.preset if self.preset is not None else self._validate(root)
        maken = self.config.flyers and self.command != "serve" and flyers.available()
        if maken:
            modus = FlyerModus.MAKEN
        elif self.command == "serve":
            modus = FlyerModus.VOORBEELD
        else:
            modus = FlyerModus.GEEN
        try:
            self.plan = plan_site(resultaat, modus)
        except PlanFout as exc:
            raise PluginError(f"wegwijzer: {exc}") from None
        if self.plan.flyer_modus is FlyerModus.MAKEN:
            self.flyer_meldingen = Meldingen()
            self._flyers = _FlyerRun.start(resultaat, root, self.flyer_meldingen)
        return config

    @staticmethod
    def _check_site_dir(config: MkDocsConfig, root: Path) -> None:
        """Refuse a site_dir (`mkdocs build -d`) that MkDocs' clean would destroy: the data,
        the templates, the repository's own folders, the project root, or any folder that is
        not a site; the same check as `wegwijzer build --out`."""
        site_dir = Path(config.site_dir)
        try:
            check_out(site_dir, root, option="site_dir (mkdocs build -d)")
        except GebruiksFout as exc:
            raise PluginError(
                f"wegwijzer: {exc}. MkDocs maakt die map leeg "
                "voor het bouwen, dus er is niets gebouwd en niets verwijderd."
            ) from None

    @staticmethod
    def _check_links(config: MkDocsConfig, root: Path) -> None:
        """Refuse symbolic links in the folders MkDocs publishes from (docs_dir, the theme's
        custom_dir) that lead outside the project: their targets would be on the site."""
        meldingen = Meldingen()
        bases = [Path(os.path.abspath(root)), Path(os.path.abspath(config.config_file_path)).parent]
        for folder in (config.docs_dir, config.theme.custom_dir):
            if not folder or not os.path.lexists(folder):
                continue
            path = Path(os.path.abspath(folder))
            # A folder outside the project (the empty docs/ of `wegwijzer build`): its own links
            # may not leave it.
            base = next((b for b in bases if b == path or b in path.parents), path)
            boom_binnen_root(path, base, meldingen)
        for melding in meldingen.fouten:
            log.error(melding.format())
        if meldingen.fouten:
            raise PluginError(
                f"wegwijzer: {len(meldingen.fouten)} snelkoppeling(en) naar buiten de projectmap of naar niets; "
                "de site is niet gebouwd, zodat er geen bestand van elders op komt."
            )

    def _validate(self, root: Path) -> Resultaat:
        try:
            resultaat = validate(root)
        except WegwijzerFout as exc:
            raise PluginError(f"wegwijzer: {exc}") from None
        fouten = resultaat.meldingen.fouten
        for melding in fouten:
            log.error(melding.format())
        if fouten:
            raise PluginError(
                f"wegwijzer: {len(fouten)} fout(en) in de gegevens; de site is niet gebouwd. "
                "Verbeter ze (zie hierboven, of `wegwijzer validate`)."
            )
        waarschuwingen = len(resultaat.meldingen.waarschuwingen)
        if waarschuwingen:
            log.info(f"wegwijzer: {waarschuwingen} waarschuwingen; zie `wegwijzer validate`")
        return resultaat

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.plan is not None
        for src_uri, page in self.plan.paginas.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"wegwijzer: {config.docs_dir}/{src_uri} botst met een pagina die de "
                    "wegwijzer zelf maakt; geef het bestand een andere naam"
                )
            files.append(File.generated(config, src_uri, content=page.markdown()))
        for path, text in self.plan.bestanden.items():
            files.append(File.generated(config, path, content=text))
        for path in sorted(PAGES.glob("*.md")):
            if files.get_file_from_path(path.name) is None:
                files.append(File.generated(config, path.name, abs_src_path=str(path)))
        for path in sorted(ASSETS.iterdir()):
            if path.is_file():
                files.append(File.generated(config, f"{ASSET_URI}/{path.name}", abs_src_path=str(path)))
        # Render every planned page now (while the flyers render in their own processes);
        # sanitising (nh3, which lets go of the GIL) runs on a second thread meanwhile.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="wegwijzer-nh3") as sanitiser:
            for src_uri, page in self.plan.paginas.items():
                self._klaar[src_uri] = self._make(page, page.url, config, sanitiser)
        self._add_fonts(files, config)
        return files

    def _add_fonts(self, files: Files, config: MkDocsConfig) -> None:
        """The font subsets of the scripts some pages need, with exactly their letters: the
        pages in that script, and (a few letters) the language menus that name it."""
        assert self.plan is not None
        tekst: dict[str, list[str]] = {}
        for src_uri, page in self.plan.paginas.items():
            uris = [page.meta["ww_font"]] if page.meta.get("ww_font") else []
            uris += page.meta.get("ww_font_namen", [])
            for uri in uris:
                tekst.setdefault(uri, []).append(self._klaar[src_uri][1].result())
                tekst[uri].append(page.markdown())  # title, menu and footer texts (front matter)
        for script in fonts.FONTS:
            for namen in (False, True):
                uri = fonts.stylesheet_uri(script, namen=namen)
                if uri in tekst:
                    made = fonts.bestanden(self.root(config), script, "".join(tekst[uri]), namen=namen)
                    for path, content in sorted(made.items()):
                        files.append(File.generated(config, path, content=content))

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.plan is not None
        spec = self.plan.pagina(page.file.src_uri)
        if spec is not None:
            made = self._klaar.pop(page.file.src_uri, None)
            if made is None or made[0] != page.url:  # not planned at this address: make it now
                with ThreadPoolExecutor(max_workers=1) as sanitiser:
                    made = self._make(spec, page.url, config, sanitiser)
            content = made[1].result()
            return zoeken.markeer(content, spec.zoek_gemeente) if spec.zoeken else content
        # A hand-written page (such as toegankelijkheid.md): urgent help after its title; not
        # in the search index.
        box = render("spoed.html", page.url, **self._context(config))
        head, sep, tail = html.partition("</h1>")
        return head + sep + box + tail if sep else box + html

    def _context(self, config: MkDocsConfig) -> dict[str, Any]:
        assert self.plan is not None
        overzicht = self.plan.overzicht
        return {
            "ov": overzicht,
            "f": feiten,
            "t": self.plan.teksten,
            "spoed": overzicht.spoed(),
            "site_url": config.site_url or "",
        }

    def _make(
        self, spec: Pagina, url: str, config: MkDocsConfig, sanitiser: ThreadPoolExecutor
    ) -> tuple[str, Future[str]]:
        """Render a planned page now; sanitise it on the second thread."""
        raw = render_unsanitised(spec.template, url, **{**self._context(config), **spec.context})
        return url, sanitiser.submit(sanitize, raw)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return csp.add_policy(output, page.content or "")

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The 404 page (a theme template, not a page): urgent help and the policy."""
        if template_name != "404.html" or self.overzicht is None:
            return output_content
        box = render("spoed.html", "", ov=self.overzicht, f=feiten, spoed=self.overzicht.spoed(),
                     t=self.plan.teksten, site_url=config.site_url or "")
        output = output_content.replace("<div data-wegwijzer-spoed></div>", box, 1)
        return csp.add_policy(output, box)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        root = self.root(config)
        for folder in (root / "content", root / GEMEENTEN_DIR):
            if folder.is_dir():
                server.watch(str(folder))
        keep_last_good(server)  # a failed rebuild keeps the last good site visible (item 15)
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._flyers is not None:
            run, self._flyers = self._flyers, None
            try:
                assert self.plan is not None
                run.finish(Path(config.site_dir), self.plan, log_notes=self.preset is None)
            finally:
                run.discard()
        self._cleanup()
        try:
            zoeken.indexeer(Path(config.site_dir))
        except WegwijzerFout as exc:
            raise PluginError(f"wegwijzer: zoeken: {exc}") from None

    def on_shutdown(self) -> None:
        # MkDocs keeps this instance for later configs of the same process: forget the
        # root and data that `wegwijzer build` handed over.
        self.root_override = None
        self.preset = None
        self._cleanup()

    def on_build_error(self, *, error: Exception) -> None:
        self._cleanup()

    def _cleanup(self) -> None:
        if self._flyers is not None:  # a build that stopped early: let the flyers finish
            self._flyers.discard()
            self._flyers = None
        self._klaar.clear()


@dataclass
class _FlyerRun:
    """The flyers of one build, rendered in the background into a folder of their own."""

    folder: Path
    job: Future[list[Path]]
    meldingen: Meldingen

    @classmethod
    def start(cls, resultaat: Resultaat, root: Path, meldingen: Meldingen) -> _FlyerRun:
        from wegwijzer.read.config import read_config

        folder = flyers.temp_dir()
        # a thread of its own: the flyer stage mostly waits for its worker processes
        runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wegwijzer-flyers")
        job = runner.submit(flyers.render, resultaat, folder, read_config(root), meldingen)
        runner.shutdown(wait=False)
        return cls(folder, job, meldingen)

    def finish(self, site_dir: Path, plan: SitePlan, *, log_notes: bool) -> None:
        """Wait for the flyers and move every planned file beside its gemeentepagina in
        `site_dir`; a planned file the flyer stage did not make fails the build (the page
        links it)."""
        try:
            self.job.result()
        except WegwijzerFout as exc:
            raise PluginError(f"wegwijzer: flyers: {exc}") from None
        if log_notes:  # `mkdocs build`: tell the editor, briefly
            for melding in self.meldingen:
                log.info(melding.format())
        planned = [
            f"{slug}/{name}" for slug, talen in plan.flyers.items() for taal in talen for _, name in taal.links
        ]
        missing = [uri for uri in planned if not (self.folder / uri).is_file()]
        if missing:
            raise PluginError(
                f"wegwijzer: flyers: {len(missing)} flyerbestand(en) niet gemaakt, zoals {missing[0]}; "
                "de gemeentepagina linkt ernaar, dus de site is niet gebouwd"
            )
        for uri in planned:
            target = site_dir / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(self.folder / uri, target)

    def discard(self) -> None:
        wait([self.job])
        shutil.rmtree(self.folder, ignore_errors=True)
