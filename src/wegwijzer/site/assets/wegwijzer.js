/* Kansrijke Start Wegwijzer: small improvements on top of pages that work without JavaScript.
   - Home: find your gemeente by typing your woonplaats (the plain list stays usable).
   - Sociale kaart: filter by gemeente, fase and thema at once, without loading a page.
   - Search on every page (Pagefind): loaded on the first search only, from this site; it
     fetches only the parts of the index of this page's language that the search needs.
   No requests to other sites, no storage, no tracking. */
(function () {
  "use strict";

  var SCRIPT = document.currentScript ? document.currentScript.src : "";

  function normalize(text) {
    return (text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }

  function startsWord(name, query) {
    var n = normalize(name);
    return n.indexOf(query) === 0 || n.indexOf(" " + query) >= 0;
  }

  /* --- home: "Kies je gemeente" ------------------------------------------------------- */

  function setupFinder() {
    var box = document.querySelector("[data-ww-zoeker]");
    if (!box) return;
    var input = box.querySelector("input");
    var status = box.querySelector("[data-ww-zoeker-status]");
    var lists = Array.prototype.slice.call(document.querySelectorAll("[data-ww-gemeenten]"));
    var items = [];
    lists.forEach(function (list) {
      Array.prototype.forEach.call(list.children, function (li) {
        items.push({ li: li, names: (li.getAttribute("data-zoek") || "").split("|") });
      });
    });
    box.hidden = false;

    function visible() {
      return items.filter(function (item) { return !item.li.hidden; });
    }

    function update() {
      var query = normalize(input.value);
      var hint = "";
      items.forEach(function (item) {
        var match = null;
        if (query) {
          for (var i = 0; i < item.names.length; i++) {
            if (startsWord(item.names[i], query)) { match = item.names[i]; break; }
          }
        }
        item.li.hidden = Boolean(query) && match === null;
        if (match && match !== item.names[0] && !hint) {
          hint = match + " hoort bij gemeente " + item.names[0] + ".";
        }
      });
      lists.forEach(function (list) {
        var any = Array.prototype.some.call(list.children, function (li) { return !li.hidden; });
        list.hidden = !any;
        var heading = list.previousElementSibling;
        if (heading && heading.tagName === "H3") heading.hidden = !any;
      });
      var shown = visible();
      if (!query) {
        status.textContent = "";
      } else if (shown.length === 0) {
        status.textContent = "Geen gemeente gevonden. Kijk in de lijst met woonplaatsen hieronder.";
        lists.forEach(function (list) { list.hidden = false; });
        items.forEach(function (item) { item.li.hidden = false; });
      } else if (shown.length === 1) {
        status.textContent = hint || ("1 gemeente gevonden: " + shown[0].names[0] + ".");
      } else {
        status.textContent = shown.length + " gemeenten gevonden.";
      }
    }

    input.addEventListener("input", update);
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      var shown = visible();
      if (normalize(input.value) && shown.length === 1) {
        var link = shown[0].li.querySelector("a");
        if (link) window.location.href = link.href;
      }
    });
  }

  /* --- sociale kaart: filter -------------------------------------------------------------- */

  function setupFilter() {
    var form = document.querySelector("[data-ww-filter]");
    if (!form) return;
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-ww-kaarten] > article"));
    var status = form.querySelector("[data-ww-filter-status]");
    var empty = document.querySelector("[data-ww-filter-leeg]");
    var keys = [["gemeente", "data-gemeenten"], ["fase", "data-fasen"], ["thema", "data-themas"]];
    var params = new URLSearchParams(window.location.search);
    keys.forEach(function (key) {
      var select = form.elements[key[0]];
      var value = params.get(key[0]);
      if (select && value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        select.value = value;
      }
    });
    form.hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll(".ww-filtergroep"), function (group) {
      group.open = false;
    });

    function apply(announce) {
      var shown = 0;
      var query = new URLSearchParams();
      cards.forEach(function (card) {
        var ok = keys.every(function (key) {
          var value = form.elements[key[0]].value;
          if (!value) return true;
          return (" " + card.getAttribute(key[1]) + " ").indexOf(" " + value + " ") >= 0;
        });
        card.hidden = !ok;
        if (ok) shown++;
      });
      keys.forEach(function (key) {
        var value = form.elements[key[0]].value;
        if (value) query.set(key[0], value);
      });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
      if (empty) empty.hidden = shown > 0;
      if (announce) {
        status.textContent = shown === cards.length
          ? "Je ziet alle " + shown + " vormen van hulp."
          : "Je ziet " + shown + " van de " + cards.length + " vormen van hulp.";
      }
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply(search_given());

    function search_given() {
      return keys.some(function (key) { return params.get(key[0]); });
    }
  }

  /* --- search on every page (Pagefind) --------------------------------------------- */

  // Results shown at first, and per "Meer resultaten": each one fetches its fragment (the text
  // of its page, a few KB); three keep a first search on the national site under 150 KB.
  var EERST = 3;
  var PER_KEER = 6;

  function setupSearch() {
    var panel = document.querySelector("[data-ww-zoekpaneel]");
    var button = document.querySelector("[data-ww-zoekknop]");
    if (!panel || !button || !SCRIPT || !window.WebAssembly) return;
    var form = panel.querySelector("[data-ww-zoekform]");
    var input = form.elements.q;
    var select = panel.querySelector("[data-ww-zoekgemeente]");
    var status = panel.querySelector("[data-ww-zoekstatus]");
    var list = panel.querySelector("[data-ww-zoekresultaten]");
    var onPage = document.querySelector("[data-ww-zoekpagina]");
    var base = new URL("../../", SCRIPT);
    var pagefind = null;
    var filtersLoaded = false;
    var last = null;
    var timer = null;
    var more = null;

    function load() {
      if (!pagefind) {
        pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (pf) {
          return pf.options({ baseUrl: base.pathname, excerptLength: 24, noWorker: true }).then(function () {
            return pf;
          });
        });
        pagefind.catch(function () { pagefind = null; });
      }
      return pagefind;
    }

    function loadFilters(pf) {
      if (filtersLoaded) return;
      filtersLoaded = true;
      pf.filters().then(function (filters) {
        var names = Object.keys((filters && filters.gemeente) || {});
        names.sort(function (a, b) { return a.localeCompare(b, "nl"); });
        var chosen = select.value;
        names.forEach(function (name) {
          if (select.querySelector('option[value="' + CSS.escape(name) + '"]')) return;
          var option = document.createElement("option");
          option.value = name;
          option.textContent = name;
          select.appendChild(option);
        });
        select.value = chosen;
      });
    }

    /* Pagefind's excerpt is text with <mark> around the words found: keep exactly that,
       as text and <mark> elements (the parser is inert: nothing in it runs or loads). */
    function excerpt(html) {
      var p = document.createElement("p");
      p.className = "ww-zoekresultaat__uittreksel";
      var doc = new DOMParser().parseFromString("<body>" + html, "text/html");
      Array.prototype.forEach.call(doc.body.childNodes, function (node) {
        if (node.nodeName === "MARK") {
          var mark = document.createElement("mark");
          mark.textContent = node.textContent;
          p.appendChild(mark);
        } else {
          p.appendChild(document.createTextNode(node.textContent));
        }
      });
      return p;
    }

    function link(url, text) {
      var a = document.createElement("a");
      var target = new URL(url, window.location.href);
      a.href = target.origin === window.location.origin ? target.href : "#";
      a.textContent = text;
      return a;
    }

    function item(data) {
      var li = document.createElement("li");
      li.className = "ww-zoekresultaat";
      var title = document.createElement("p");
      title.className = "ww-zoekresultaat__titel";
      title.appendChild(link(data.url, (data.meta && data.meta.title) || data.url));
      li.appendChild(title);
      var gemeente = data.filters && data.filters.gemeente && data.filters.gemeente[0];
      if (gemeente) {
        var where = document.createElement("p");
        where.className = "ww-zoekresultaat__waar";
        where.textContent = gemeente;
        li.appendChild(where);
      }
      // the part of the page that matches best (an entry's card, by its heading)
      var sub = null;
      (data.sub_results || []).forEach(function (s) {
        var n = (s.locations || []).length;
        if (s.url !== data.url && (!sub || n > (sub.locations || []).length)) sub = s;
      });
      li.appendChild(excerpt((sub || data).excerpt || ""));
      if (sub && sub.title) {
        var part = document.createElement("p");
        part.className = "ww-zoekresultaat__deel";
        part.appendChild(document.createTextNode("Op de pagina: "));
        part.appendChild(link(sub.url, sub.title));
        li.appendChild(part);
      }
      return li;
    }

    function show(results, from, query, where) {
      if (more) { more.remove(); more = null; }
      var part = results.slice(from, from + (from ? PER_KEER : EERST));
      return Promise.all(part.map(function (r) { return r.data(); })).then(function (datas) {
        if (last !== query + "\u0000" + where) return;
        datas.forEach(function (data) { list.appendChild(item(data)); });
        var shown = from + part.length;
        if (shown < results.length) {
          more = document.createElement("button");
          more.type = "button";
          more.className = "md-button ww-zoekpaneel__meer";
          more.textContent = "Meer resultaten";
          more.addEventListener("click", function () {
            var next = list.children[shown - 1];
            show(results, shown, query, where).then(function () {
              var first = next && next.nextElementSibling && next.nextElementSibling.querySelector("a");
              if (first) first.focus();
            });
          });
          list.parentNode.insertBefore(more, list.nextSibling);
        }
      });
    }

    function run() {
      var query = input.value.trim();
      var where = select.value;
      if (query + "\u0000" + where === last) return;
      last = query + "\u0000" + where;
      if (onPage) {
        var params = new URLSearchParams();
        if (query) params.set("q", query);
        if (where) params.set("gemeente", where);
        var search = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
      }
      list.textContent = "";
      if (more) { more.remove(); more = null; }
      if (!query) { status.textContent = ""; return; }
      status.textContent = "Zoeken…";
      load().then(function (pf) {
        loadFilters(pf);
        var options = where ? { filters: { gemeente: where } } : {};
        return pf.search(query, options).then(function (found) {
          if (last !== query + "\u0000" + where) return;
          var n = found.results.length;
          var in_ = where ? " in " + where : "";
          // announced once the results are on the page
          return show(found.results, 0, query, where).then(function () {
            if (last !== query + "\u0000" + where) return;
            status.textContent = n === 0
              ? "Niets gevonden voor ‘" + query + "’" + in_ + ". Probeer een ander woord" +
                (where ? ", of zoek in alle gemeenten." : ".")
              : (n === 1 ? "1 resultaat" : n + " resultaten") + " voor ‘" + query + "’" + in_ + ".";
          });
        });
      }).catch(function () {
        status.textContent = "Zoeken lukt nu niet. Kijk op de sociale kaart of kies je gemeente op de beginpagina.";
      });
    }

    function open(focus) {
      panel.hidden = false;
      button.setAttribute("aria-expanded", "true");
      if (focus) input.focus();
    }

    function close() {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }

    button.setAttribute("role", "button");
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", function (event) {
      event.preventDefault();
      if (panel.hidden) open(true); else close();
    });
    button.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); button.click(); }
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !onPage) close();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 400);
    });
    select.addEventListener("change", run);
    input.addEventListener("focus", function () { load().then(loadFilters, function () {}); }, { once: true });

    if (onPage) {
      var hints = document.querySelectorAll("[data-ww-zonder-js]");
      Array.prototype.forEach.call(hints, function (hint) { hint.hidden = true; });
      var params = new URLSearchParams(window.location.search);
      var where = params.get("gemeente");
      if (where) {
        var option = document.createElement("option");
        option.value = where;
        option.textContent = where;
        select.appendChild(option);
        select.value = where;
      }
      open(false);
      if (params.get("q")) {
        input.value = params.get("q");
        run();
      }
    }
  }

  function start() {
    setupFinder();
    setupFilter();
    setupSearch();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
