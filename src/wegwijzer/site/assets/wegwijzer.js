/* Kansrijke Start Wegwijzer: small improvements on top of pages that work without JavaScript.
   - Home: find your gemeente by typing your woonplaats (the plain list stays usable).
   - Sociale kaart: filter by gemeente, fase and thema at once, without loading a page.
   - Cards with opening hours: a "nu open" / "nu dicht" mark, in Amsterdam time.
   - Sociale kaart: "Zet op lijstje", and the list page for a parent (print, send, show).
   - Search on every page (Pagefind): loaded on the first search only, from this site; it
     fetches only the parts of the index of this page's language that the search needs.
   No requests to other sites, no tracking. The list page loads its own data from this site;
   the only storage
   is a copy of the shortlist (the address holds it: ?g=<gemeente>&k=<id>,<id>). */
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
      // the shortlist's own parameters (g, k) stay in the address
      var current = new URLSearchParams(window.location.search);
      keys.forEach(function (key) { current.delete(key[0]); });
      current.forEach(function (value, name) { query.set(name, value); });
      var search = query.toString().replace(/%2C/g, ",");
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
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

  /* --- sociale kaart: the shortlist ("lijstje") -------------------------------------------- */

  var LIJST_OPSLAG = "wegwijzer-lijstje";
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var MAX_KEUZES = 20;
  var scriptSrc = document.currentScript ? document.currentScript.src : "";

  function ids(text) {
    var result = [];
    (text || "").split(",").forEach(function (id) {
      id = id.trim();
      if (SLUG.test(id) && result.indexOf(id) < 0 && result.length < MAX_KEUZES) result.push(id);
    });
    return result;
  }

  /* The list from an address (?g=&k=), or null when the address has none. */
  function lijstUit(search) {
    var params = new URLSearchParams(search);
    if (!params.has("k")) return null;
    var g = params.get("g") || "";
    return { g: SLUG.test(g) ? g : "", k: ids(params.get("k")) };
  }

  function opgeslagen() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(LIJST_OPSLAG) || "null");
      if (saved && typeof saved.g === "string" && Array.isArray(saved.k)) {
        return { g: SLUG.test(saved.g) ? saved.g : "", k: ids(saved.k.join(",")) };
      }
    } catch (e) { /* no storage (private window, blocked): the address holds the list */ }
    return null;
  }

  function bewaar(lijst) {
    try {
      if (lijst.k.length || lijst.g) window.localStorage.setItem(LIJST_OPSLAG, JSON.stringify(lijst));
      else window.localStorage.removeItem(LIJST_OPSLAG);
    } catch (e) { /* the address holds the list */ }
  }

  /* "?g=ede&k=a,b": ids are slugs, so the commas need no escaping. */
  function lijstQuery(lijst) {
    return "?g=" + encodeURIComponent(lijst.g) + "&k=" + lijst.k.join(",");
  }

  /* The current page's address with the list in it (other parameters and the hash kept). */
  function metLijst(url, lijst) {
    var params = new URLSearchParams(url.search);
    params.delete("g");
    params.delete("k");
    var rest = params.toString();
    var search = lijst.k.length ? lijstQuery(lijst) + (rest ? "&" + rest : "") : (rest ? "?" + rest : "");
    return url.pathname + search + url.hash;
  }

  function setupKiezen() {
    var balk = document.querySelector("[data-ww-lijstbalk]");
    var knoppen = Array.prototype.slice.call(document.querySelectorAll("[data-ww-kies]"));
    if (!balk || !knoppen.length) return;
    var link = balk.querySelector("[data-ww-lijst-link]");
    var aantal = balk.querySelector("[data-ww-lijst-aantal]");
    var status = balk.querySelector("[data-ww-lijst-status]");
    var kies = balk.querySelector("[data-ww-lijst-kies]");
    var filter = document.getElementById("ww-filter-gemeente");
    var eigen = balk.getAttribute("data-ww-lijst-gemeente") || "";
    var lijst = lijstUit(window.location.search) || opgeslagen() || { g: "", k: [] };
    var basis = link.href.split("?")[0];

    function naam(slug) {
      if (slug === eigen) return balk.getAttribute("data-ww-lijst-naam") || slug;
      var option = kies && kies.querySelector('option[value="' + CSS.escape(slug) + '"]');
      return option ? option.textContent : slug;
    }

    function toon() {
      aantal.textContent = String(lijst.k.length);
      link.href = lijst.g || lijst.k.length ? basis + lijstQuery(lijst) : basis;
      if (kies) kies.value = lijst.g && kies.querySelector('option[value="' + CSS.escape(lijst.g) + '"]') ? lijst.g : "";
      knoppen.forEach(function (knop) {
        knop.setAttribute("aria-pressed", lijst.k.indexOf(knop.getAttribute("data-ww-kies")) >= 0 ? "true" : "false");
      });
    }

    function opslaan() {
      bewaar(lijst);
      window.history.replaceState(null, "", metLijst(window.location, lijst));
      toon();
    }

    knoppen.forEach(function (knop) {
      knop.hidden = false;
      knop.addEventListener("click", function () {
        var id = knop.getAttribute("data-ww-kies");
        var melding = [];
        var gemeente = eigen || (filter && filter.value) || (kies && kies.value) || lijst.g;
        if (gemeente && gemeente !== lijst.g) {
          if (lijst.g && lijst.k.length) melding.push("Het lijstje is nu voor " + naam(gemeente) + ".");
          lijst.g = gemeente;
        }
        var plek = lijst.k.indexOf(id);
        if (plek >= 0) {
          lijst.k.splice(plek, 1);
          melding.unshift("Van het lijstje gehaald. Er staan nu " + lijst.k.length + " op.");
        } else if (lijst.k.length >= MAX_KEUZES) {
          melding.unshift("Het lijstje is vol (" + MAX_KEUZES + "). Haal eerst iets van het lijstje.");
        } else {
          lijst.k.push(id);
          melding.unshift("Op het lijstje gezet. Er staan nu " + lijst.k.length + " op.");
        }
        if (!lijst.g) melding.push("Kies hieronder voor welke gemeente het lijstje is.");
        status.textContent = melding.join(" ");
        opslaan();
      });
    });
    if (kies) {
      kies.addEventListener("change", function () {
        lijst.g = kies.value;
        opslaan();
      });
    }
    if (filter && !eigen) {
      filter.addEventListener("change", function () {
        if (filter.value) {
          lijst.g = filter.value;
          opslaan();
        }
      });
    }
    // links to other pages of the sociale kaart take the list along in their address
    document.addEventListener("click", function (event) {
      var a = event.target.closest ? event.target.closest("a[href]") : null;
      if (!a || !lijst.k.length || a.origin !== window.location.origin) return;
      if (a.pathname.indexOf("/sociale-kaart/") < 0 || a.pathname === new URL(basis).pathname) return;
      if (a.pathname === window.location.pathname && a.hash) return;
      a.href = metLijst(a, lijst);
    }, true);
    balk.hidden = false;
    if (lijstUit(window.location.search)) bewaar(lijst);
    else if (lijst.k.length) window.history.replaceState(null, "", metLijst(window.location, lijst));
    toon();
  }

  /* --- the list page ------------------------------------------------------------------------ */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  var VEILIG = /^(https?:\/\/|mailto:|tel:)[^\s]*$/i;

  function link(href, text, className) {
    var a = el("a", className, text);
    a.href = VEILIG.test(href) ? href : "#";
    return a;
  }

  function feit(dl, label, value) {
    if (!value) return;
    var row = el("div");
    row.appendChild(el("dt", null, label));
    var dd = el("dd");
    if (typeof value === "string") dd.textContent = value;
    else dd.appendChild(value);
    row.appendChild(dd);
    dl.appendChild(row);
  }

  function nummers(contact) {
    if (!contact.nummers || !contact.nummers.length) return null;
    var list = el("ul", "ww-kaal");
    contact.nummers.forEach(function (n) {
      var li = el("li");
      if (n.label !== "Bel") li.appendChild(document.createTextNode(n.label + ": "));
      var nummer = n.href ? link(n.href, n.nummer, "ww-nummer") : el("span", "ww-nummer", n.nummer);
      nummer.dir = "ltr";
      li.appendChild(nummer);
      list.appendChild(li);
    });
    return list;
  }

  function contactFeiten(dl, contact) {
    feit(dl, "Bellen", nummers(contact));
    if (contact.whatsapp) {
      var wa = contact.whatsapp.href ? link(contact.whatsapp.href, contact.whatsapp.nummer) : el("span", null, contact.whatsapp.nummer);
      wa.dir = "ltr";
      feit(dl, "WhatsApp", wa);
    }
    if (contact.chat) feit(dl, "Chat", link(contact.chat.href, contact.chat.host));
    if (contact.website) feit(dl, "Website", link(contact.website.href, contact.website.host));
    if (contact.email) feit(dl, "E-mail", link(contact.email.href, contact.email.adres));
  }

  function lijstkaart(v, weg) {
    var article = el("article", "ww-lijstkaart");
    article.id = "hulp-" + v.id;
    article.appendChild(el("h3", "ww-lijstkaart__titel", v.naam + (v.afkorting && v.naam.indexOf(v.afkorting) < 0 ? " (" + v.afkorting + ")" : "")));
    (v.omschrijving || "").split(/\n\s*\n/).forEach(function (tekst) {
      if (tekst.trim()) article.appendChild(el("p", "ww-lijstkaart__tekst", tekst.trim()));
    });
    var dl = el("dl", "ww-feiten");
    feit(dl, "Voor wie", v.doelgroep);
    feit(dl, "Aanmelden", v.aanmelden);
    feit(dl, "Kosten", v.kosten);
    feit(dl, "Wanneer", v.bereikbaar);
    contactFeiten(dl, v);
    if (v.via) {
      feit(dl, "Contact", "via " + v.via.naam);
      contactFeiten(dl, v.via);
    }
    article.appendChild(dl);
    if (v.vraag_ernaar) {
      article.appendChild(el("p", null, "Wil je deze hulp? Vraag ernaar bij je huisarts, verloskundige of het consultatiebureau."));
    }
    article.appendChild(el("p", "ww-gecontroleerd", v.onzeker
      ? (v.gecontroleerd ? "Nog niet alles gecontroleerd." : "Nog niet gecontroleerd.")
      : "Laatst gecontroleerd: " + v.gecontroleerd + "."));
    var knop = el("button", "ww-lijstactie ww-lijstactie--klein ww-scherm", "Haal van het lijstje");
    knop.type = "button";
    knop.addEventListener("click", function () { weg(v.id); });
    article.appendChild(knop);
    return article;
  }

  function qrSvg(text, label) {
    var qr = window.qrcode(0, "M");
    qr.addData(text, "Byte");
    qr.make();
    var n = qr.getModuleCount();
    var rand = 4;
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + (n + 2 * rand) + " " + (n + 2 * rand));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("shape-rendering", "crispEdges");
    var achter = document.createElementNS(ns, "rect");
    achter.setAttribute("width", "100%");
    achter.setAttribute("height", "100%");
    achter.setAttribute("fill", "#fff");
    svg.appendChild(achter);
    var d = "";
    for (var y = 0; y < n; y++) {
      for (var x = 0; x < n; x++) {
        if (qr.isDark(y, x)) d += "M" + (x + rand) + " " + (y + rand) + "h1v1h-1z";
      }
    }
    var pad = document.createElementNS(ns, "path");
    pad.setAttribute("d", d);
    pad.setAttribute("fill", "#000");
    svg.appendChild(pad);
    return svg;
  }

  function laadQr(klaar) {
    if (window.qrcode) { klaar(); return; }
    var script = document.createElement("script");
    script.src = scriptSrc.replace(/wegwijzer\.js(\?.*)?$/, "qrcode.js");
    script.onload = klaar;
    document.head.appendChild(script);
  }

  function datumVandaag() {
    return new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  }

  function setupLijstPagina() {
    var root = document.querySelector("[data-ww-lijst]");
    if (!root) return;
    var $ = function (name) { return root.querySelector("[data-ww-" + name + "]"); };
    $("lijst-zonderjs").hidden = true;
    var lijst = lijstUit(window.location.search) || opgeslagen() || { g: "", k: [] };
    var keuze = $("lijst-gemeentekeuze");
    var select = keuze.querySelector("select");
    var bekend = lijst.g && select.querySelector('option[value="' + CSS.escape(lijst.g) + '"]');
    var bericht = $("lijst-bericht");
    var adres = "";

    function zet() {
      adres = window.location.origin + window.location.pathname + lijstQuery(lijst);
      window.history.replaceState(null, "", window.location.pathname + lijstQuery(lijst));
      bewaar(lijst);
    }

    if (!bekend) {
      $("lijst-k").value = lijst.k.join(",");
      keuze.hidden = false;
      return;
    }
    zet();
    var datum = $("lijst-datum");
    datum.textContent = "Datum: " + datumVandaag();
    datum.hidden = false;

    fetch(encodeURIComponent(lijst.g) + ".json", { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) { toonLijst(data); })
      .catch(function () {
        bericht.textContent = "Het lijstje kan nu niet worden geladen. Probeer het later opnieuw.";
        bericht.hidden = false;
      });

    function toonLijst(data) {
      var items = $("lijst-items");
      var mist = $("lijst-mist");

      function vul() {
        while (items.firstChild) items.removeChild(items.firstChild);
        var weg = 0;
        lijst.k.forEach(function (id) {
          var v = Object.prototype.hasOwnProperty.call(data.vermeldingen, id) ? data.vermeldingen[id] : null;
          if (!v) { weg++; return; }
          var li = el("li");
          li.appendChild(lijstkaart(v, haalWeg));
          items.appendChild(li);
        });
        mist.textContent = weg === 1 ? "1 hulp van het lijstje is er niet in " + data.naam + "."
          : weg + " soorten hulp van het lijstje zijn er niet in " + data.naam + ".";
        mist.hidden = weg === 0;
        var leeg = !items.children.length;
        bericht.textContent = leeg ? "Er staat nog geen hulp op dit lijstje. Kies hulp op de sociale kaart met de knop 'Zet op lijstje'." : "";
        bericht.hidden = !leeg;
        $("lijst-inhoud").hidden = leeg && !weg;
        $("lijst-delen").hidden = leeg;
        $("lijst-qr").hidden = true;
        zet();
        if (!leeg) delen();
      }

      function haalWeg(id) {
        lijst.k = lijst.k.filter(function (k) { return k !== id; });
        vul();
        $("lijst-kopje").focus();
      }

      $("lijst-kopje").textContent = "Hulp in " + data.naam;
      $("lijst-kopje").tabIndex = -1;
      spoed(data);
      vul();
    }

    function spoed(data) {
      var list = root.querySelector(".ww-spoed__lijst");
      if (!list || !data.spoed || !data.spoed.length) return;
      while (list.firstChild) list.removeChild(list.firstChild);
      data.spoed.forEach(function (lijn) {
        var li = el("li");
        li.appendChild(el("span", "ww-spoed__naam", lijn.naam));
        if (lijn.href) {
          var a = link(lijn.href, null, "ww-knop ww-knop--spoed");
          var span = el("span", null, lijn.nummer ? "Bel " : "Website ");
          var waarde = el("span", lijn.nummer ? "ww-nummer" : "ww-host", lijn.nummer || lijn.host);
          waarde.dir = "ltr";
          span.appendChild(waarde);
          a.appendChild(span);
          li.appendChild(a);
        }
        list.appendChild(li);
      });
    }

    function delen() {
      var tekst = "Hier is het lijstje met hulp voor jou: " + adres;
      $("lijst-mail").href = "mailto:?subject=" + encodeURIComponent("Lijstje met hulp") +
        "&body=" + encodeURIComponent(tekst);
      $("lijst-whatsapp").href = "https://wa.me/?text=" + encodeURIComponent(tekst);
      // back to the gemeente's sociale kaart, the list in its address
      var meer = $("lijst-meer");
      meer.href = new URL("../gemeente/" + encodeURIComponent(lijst.g) + "/", window.location.href).pathname + lijstQuery(lijst);
      var a = $("lijst-adres");
      a.href = adres;
      a.textContent = adres;
      laadQr(function () {
        var klein = $("qr");
        var groot = $("qr-groot");
        [klein, groot].forEach(function (plek) {
          while (plek.firstChild) plek.removeChild(plek.firstChild);
          plek.appendChild(qrSvg(adres, "QR-code met de link naar dit lijstje"));
        });
        $("lijst-qr").hidden = false;
      });
    }

    $("lijst-print").addEventListener("click", function () { window.print(); });
    var toonKnop = $("lijst-toon");
    var laatZien = $("laatzien");
    function laat(zien) {
      laatZien.hidden = !zien;
      root.classList.toggle("ww-lijst--laatzien", zien);
      toonKnop.setAttribute("aria-expanded", zien ? "true" : "false");
      if (zien) laatZien.querySelector("h2").focus();
      else toonKnop.focus();
    }
    toonKnop.addEventListener("click", function () { laat(true); });
    $("lijst-terug").addEventListener("click", function () { laat(false); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !laatZien.hidden) laat(false);
    });
  }

  /* --- opening hours: "nu open" / "nu dicht" ------------------------------------------- */

  var WEEKDAGEN = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
  var WEEK = 7 * 1440;
  var amsterdamKlok = null;

  /* The wall clock in Amsterdam, whatever the device's time zone; summer time is the
     browser's own time-zone data (Intl), not computed here. */
  function amsterdam(date) {
    if (!amsterdamKlok) {
      amsterdamKlok = new Intl.DateTimeFormat("en-GB", {
        timeZone: "Europe/Amsterdam", weekday: "short", year: "numeric", month: "numeric",
        day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23"
      });
    }
    var p = {};
    amsterdamKlok.formatToParts(date).forEach(function (part) { p[part.type] = part.value; });
    return {
      dag: WEEKDAGEN[p.weekday],
      minuut: (Number(p.hour) % 24) * 60 + Number(p.minute),
      datum: dagnummer(Number(p.year), Number(p.month), Number(p.day))
    };
  }

  function dagnummer(jaar, maand, dag) {
    return Math.round(Date.UTC(jaar, maand - 1, dag) / 864e5);
  }

  function pasen(jaar) { /* Easter Sunday (anonymous Gregorian algorithm) */
    var a = jaar % 19, b = Math.floor(jaar / 100), c = jaar % 100;
    var d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25);
    var g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
    var i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    var m = Math.floor((a + 11 * h + 22 * l) / 451);
    var n = h + l - 7 * m + 114;
    return dagnummer(jaar, Math.floor(n / 31), (n % 31) + 1);
  }

  /* 2: a public holiday on which most help is closed; 1: Goede Vrijdag or Bevrijdingsdag
     (a day off for some only); 0: another day. */
  function feestdag(n) {
    var jaar = new Date(n * 864e5).getUTCFullYear(), p = pasen(jaar);
    var koning = dagnummer(jaar, 4, 27);
    if (new Date(koning * 864e5).getUTCDay() === 0) koning -= 1;
    var vast = [dagnummer(jaar, 1, 1), koning, dagnummer(jaar, 12, 25), dagnummer(jaar, 12, 26)];
    if (vast.concat([p, p + 1, p + 39, p + 49, p + 50]).indexOf(n) >= 0) return 2;
    if (n === p - 2 || n === dagnummer(jaar, 5, 5)) return 1;
    return 0;
  }

  /* "12345@0900-1700 7@2000-0200": days 1 (Monday) to 7, then van-tot; a 'tot' before
     'van' ends the next day. True: open now; false: closed; null: not known (a holiday the
     data says nothing about). */
  function nuOpen(uren, feestdagen, nu) {
    var t = (nu.dag - 1) * 1440 + nu.minuut;
    var vensters = uren.split(" ");
    for (var i = 0; i < vensters.length; i++) {
      var m = /^([1-7]+)@(\d\d)(\d\d)-(\d\d)(\d\d)$/.exec(vensters[i]);
      if (!m) return null;
      var van = Number(m[2]) * 60 + Number(m[3]), tot = Number(m[4]) * 60 + Number(m[5]);
      var duur = ((tot - van) % 1440 + 1440) % 1440 || 1440;
      for (var j = 0; j < m[1].length; j++) {
        var start = (Number(m[1].charAt(j)) - 1) * 1440 + van;
        var verstreken = ((t - start) % WEEK + WEEK) % WEEK;
        if (verstreken >= duur) continue;
        /* open by the hours; the day the window began decides about holidays */
        var soort = feestdag(nu.datum - (verstreken > nu.minuut ? 1 : 0));
        if (soort === 0 || feestdagen === "open") return true;
        return feestdagen === "gesloten" && soort === 2 ? false : null;
      }
    }
    return false;
  }

  function setupUren() {
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-ww-uren]"));
    if (!cards.length || !window.Intl || !Intl.DateTimeFormat.prototype.formatToParts) return;

    function update() {
      var nu;
      try { nu = amsterdam(new Date()); } catch (error) { return; }
      cards.forEach(function (card) {
        var mark = card.querySelector("[data-ww-nu]");
        if (!mark) return;
        var open = nuOpen(card.getAttribute("data-ww-uren"), card.getAttribute("data-ww-feestdagen"), nu);
        mark.hidden = open === null;
        if (open === null) return;
        mark.textContent = mark.getAttribute(open ? "data-open" : "data-dicht");
        mark.className = "ww-nu ww-nu--" + (open ? "open" : "dicht");
      });
    }

    update();
    window.setInterval(update, 60000);
  }

  /* --- search on every page (Pagefind) --------------------------------------------- */

  // Results shown at first, and per "Meer resultaten": each one fetches its fragment (the text
  // of its page, a few KB); three keep a first search on the national site under 150 KB.
  var EERST = 3;
  var PER_KEER = 6;

  function setupSearch() {
    var panel = document.querySelector("[data-ww-zoekpaneel]");
    // The texts of a page in another language (data-t-*); the Dutch ones are below.
    function tekst(name, dutch, values) {
      var text = panel && panel.getAttribute("data-t-" + name);
      if (!text) return dutch;
      Object.keys(values || {}).forEach(function (key) {
        text = text.split("{" + key + "}").join(values[key]);
      });
      return text;
    }
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
          more.textContent = tekst("meer", "Meer resultaten");
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
      status.removeAttribute("data-ww-klaar");
      status.removeAttribute("data-ww-aantal");
      if (!query) { status.textContent = ""; return; }
      status.textContent = tekst("bezig", "Zoeken…");
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
            var values = { zoekterm: query, aantal: String(n) };
            status.textContent = n === 0
              ? tekst("niets", "Niets gevonden voor ‘" + query + "’" + in_ + ". Probeer een ander woord" +
                (where ? ", of zoek in alle gemeenten." : "."), values)
              : tekst("gevonden", (n === 1 ? "1 resultaat" : n + " resultaten") + " voor ‘" + query + "’" + in_ + ".", values);
            status.setAttribute("data-ww-aantal", String(n));
            status.setAttribute("data-ww-klaar", "");
          });
        });
      }).catch(function () {
        status.textContent = tekst("fout", "Zoeken lukt nu niet. Kijk op de sociale kaart of kies je gemeente op de beginpagina.");
        status.setAttribute("data-ww-aantal", "0");
        status.setAttribute("data-ww-klaar", "");
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
    setupKiezen();
    setupLijstPagina();
    setupUren();
    setupSearch();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
