/* Kansrijke Start Wegwijzer: small improvements on top of pages that work without JavaScript.
   - Home: find your gemeente by typing your woonplaats (the plain list stays usable).
   - Sociale kaart: filter by gemeente, fase and thema at once, without loading a page.
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

  function start() {
    setupFinder();
    setupFilter();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
