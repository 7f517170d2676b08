"""The MkDocs plugin that turns the data into pages (registered as `wegwijzer` in mkdocs.yml).

Why a plugin and not a hook file: it is installed with the package (an entry point), so it
works from any folder and for any project root, it has typed options, and `wegwijzer build`
can hand it data it already validated.

What it does, per build:

- on_config: validate the data (errors stop the build, with the same messages as
  `wegwijzer validate`), regroup it for the overview pages, start rendering the flyers in
  the background when the flyer stage exists (not during `mkdocs serve`), add the theme
  overrides and the site's CSS/JS;
- on_files: add a stand-in Markdown file for every generated page, the standard pages
  (toegankelijkheid, privacy; a file of the same name in docs/ replaces them) and the
  assets; make the pages that link no flyers while the flyers render, then wait for the
  flyers and add them;
- on_page_content: replace a stand-in's content by its rendered (escaped, sanitised)
  template; put urgent help on every other page;
- on_post_page: a Content-Security-Policy that allows nothing from other hosts;
- on_serve: reload when a YAML file under content/ or gemeenten/ changes.
"""

from __future__ import annotations

import logging
import os
import shutil
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
from wegwijzer.site import csp, feiten, flyers
from wegwijzer.site.build import check_out
from wegwijzer.site.overzicht import Overzicht, build_overzicht
from wegwijzer.site.pages import RESERVED, Pagina, alle_paginas
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
        self.overzicht: Overzicht | None = None
        self.pages: dict[str, Pagina] = {}
        self.flyer_dir: Path | None = None
        self.flyer_meldingen = Meldingen()  # notes of the flyer stage, for `wegwijzer build`
        self._order: list[File] | None = None
        self._position: dict[str, int] = {}
        self._pool: ThreadPoolExecutor | None = None
        # pages made before MkDocs asks for them: src_uri -> (url, its sanitised HTML)
        self._klaar: dict[str, tuple[str, Future[str]]] = {}
        self._flyer_job: Future[list[Path]] | None = None

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
        self.overzicht = build_overzicht(resultaat.gemeenten)
        for slug in self.overzicht.gemeenten:
            if slug in RESERVED:
                raise PluginError(
                    f"wegwijzer: gemeente '{slug}' heeft dezelfde naam als een vaste pagina van de "
                    f"site ({', '.join(sorted(RESERVED))}); geef het bestand een andere naam"
                )
        self.pages = {page.src_uri: page for page in alle_paginas(self.overzicht, None)}
        self._start_flyers(resultaat, root)
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

    def _start_flyers(self, resultaat: Resultaat, root: Path) -> None:
        """Start rendering the flyers in the background (their own worker processes): the
        pages that do not link flyers are made meanwhile (`_prerender`); the gemeente pages
        wait for the flyers in `_finish_flyers`, so they link only files that exist."""
        self._flyer_job = None
        if not (self.config.flyers and self.command != "serve" and flyers.available()):
            return  # flyer_dir stays None
        from wegwijzer.read.config import read_config

        self.flyer_dir = flyers.temp_dir()
        self.flyer_meldingen = Meldingen()
        # a thread of its own: the flyer stage mostly waits for its worker processes
        runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wegwijzer-flyers")
        self._flyer_job = runner.submit(
            flyers.render, resultaat, self.flyer_dir, read_config(root), self.flyer_meldingen
        )
        runner.shutdown(wait=False)

    def _finish_flyers(self, files: Files, config: MkDocsConfig) -> None:
        """Wait for the flyers, give each gemeente page its flyer links, add the files."""
        assert self.overzicht is not None
        if self._flyer_job is not None:
            job, self._flyer_job = self._flyer_job, None
            try:
                job.result()
            except WegwijzerFout as exc:
                raise PluginError(f"wegwijzer: flyers: {exc}") from None
            if self.preset is None:  # `mkdocs build`: tell the editor, briefly
                for melding in self.flyer_meldingen:
                    log.info(melding.format())
        if self.flyer_dir is None and self.command != "serve":
            return  # flyers switched off (or no flyer stage): no flyer section at all
        for slug, data in self.overzicht.gemeenten.items():
            folder = self.flyer_dir / slug if self.flyer_dir else None
            page = self.pages.get(f"{slug}/index.md")
            if page is not None:
                page.context["flyers"] = flyers.links(slug, data.info.flyer_talen, folder)
        if self.flyer_dir is not None:
            for path in sorted(self.flyer_dir.rglob("*")):
                if path.is_file():
                    uri = path.relative_to(self.flyer_dir).as_posix()
                    files.append(File.generated(config, uri, abs_src_path=str(path)))

    def _prerender(self, config: MkDocsConfig) -> None:
        """While the flyers render: make every generated page that links no flyers."""
        for src_uri, spec in self.pages.items():
            if "flyers" not in spec.context:
                self._klaar[src_uri] = self._make(src_uri, spec.url, config)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for src_uri, page in self.pages.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"wegwijzer: {config.docs_dir}/{src_uri} botst met een pagina die de "
                    "wegwijzer zelf maakt; geef het bestand een andere naam"
                )
            files.append(File.generated(config, src_uri, content=page.markdown()))
        for path in sorted(PAGES.glob("*.md")):
            if files.get_file_from_path(path.name) is None:
                files.append(File.generated(config, path.name, abs_src_path=str(path)))
        for path in sorted(ASSETS.iterdir()):
            if path.is_file():
                files.append(File.generated(config, f"{ASSET_URI}/{path.name}", abs_src_path=str(path)))
        if self._flyer_job is not None:
            self._prerender(config)
        self._finish_flyers(files, config)
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.pages.get(page.file.src_uri)
        if spec is not None:
            return self._generated(page.file.src_uri, page.url, config, files)
        # A hand-written page (such as toegankelijkheid.md): urgent help after its title.
        box = render("spoed.html", page.url, **self._context(config))
        head, sep, tail = html.partition("</h1>")
        return head + sep + box + tail if sep else box + html

    def _context(self, config: MkDocsConfig) -> dict[str, Any]:
        assert self.overzicht is not None
        return {
            "ov": self.overzicht,
            "f": feiten,
            "spoed": self.overzicht.spoed(),
            "site_url": config.site_url or "",
        }

    def _generated(self, src_uri: str, url: str, config: MkDocsConfig, files: Files) -> str:
        """A generated page's HTML. Sanitising (nh3, which lets go of the GIL) runs on a
        second thread while the template of the page MkDocs will ask for next renders."""
        made = self._klaar.pop(src_uri, None)
        if made is None or made[0] != url:
            made = self._make(src_uri, url, config)
        following = self._next_generated(src_uri, files)
        if following is not None and following.src_uri not in self._klaar:
            self._klaar[following.src_uri] = self._make(following.src_uri, following.url, config)
        return made[1].result()

    def _make(self, src_uri: str, url: str, config: MkDocsConfig) -> tuple[str, Future[str]]:
        """Render a generated page now; sanitise it on the second thread."""
        spec = self.pages[src_uri]
        raw = render_unsanitised(spec.template, url, **{**self._context(config), **spec.context})
        return url, self._sanitiser().submit(sanitize, raw)

    def _next_generated(self, src_uri: str, files: Files) -> File | None:
        """The generated page after `src_uri` in the order MkDocs reads pages (a guess: a
        wrong guess costs time, never correctness)."""
        if self._order is None:
            self._order = [f for f in files.documentation_pages() if f.src_uri in self.pages]
            self._position = {f.src_uri: i for i, f in enumerate(self._order)}
        i = self._position.get(src_uri)
        return self._order[i + 1] if i is not None and i + 1 < len(self._order) else None

    def _sanitiser(self) -> ThreadPoolExecutor:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wegwijzer-nh3")
        return self._pool

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return csp.add_policy(output, page.content or "")

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The 404 page (a theme template, not a page): urgent help and the policy."""
        if template_name != "404.html" or self.overzicht is None:
            return output_content
        box = render("spoed.html", "", ov=self.overzicht, f=feiten, spoed=self.overzicht.spoed(),
                     site_url=config.site_url or "")
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
        self._cleanup()

    def on_shutdown(self) -> None:
        # MkDocs keeps this instance for later configs of the same process: forget the
        # root and data that `wegwijzer build` handed over.
        self.root_override = None
        self.preset = None
        self._cleanup()

    def on_build_error(self, *, error: Exception) -> None:
        self._cleanup()

    def _cleanup(self) -> None:
        if self._flyer_job is not None:  # a build that stopped early: let the flyers finish
            wait([self._flyer_job])
            self._flyer_job = None
        self._klaar.clear()
        self._order = None
        self._position = {}
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if self.flyer_dir is not None:
            shutil.rmtree(self.flyer_dir, ignore_errors=True)
            self.flyer_dir = None

