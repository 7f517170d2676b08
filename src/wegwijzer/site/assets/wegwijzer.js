/* Kansrijke Start Wegwijzer: small improvements on top of pages that work without JavaScript.
   - Home: find your gemeente by typing your woonplaats (the plain list stays usable).
   - Sociale kaart: filter by gemeente, fase and thema at once, without loading a page.
   - Cards with opening hours: a "nu open" / "nu dicht" mark, in Amsterdam time.
   No requests, no storage, no tracking. */
(function () {
  "use strict";

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

  function start() {
    setupFinder();
    setupFilter();
    setupUren();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
