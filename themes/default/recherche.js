/* carnet — the search box of every page, offline.
   The index (recherche/index.js, written by carnet for the build's profile)
   is a script assigning window.carnetRecherche; it is added to the page when
   the reader first focuses the box, so a page that does not search does not
   load it, and it works opened from disk (file://) with no server.
   What is typed is folded as carnet folded the index (accents dropped, lower
   case); every word typed must begin a word of the entry. Results are made
   with createElement and textContent only: user text never becomes markup. */
(function () {
  "use strict";
  var MAX = 20;
  var form = document.querySelector("form.recherche");
  if (!form || !("normalize" in String.prototype)) { return; }
  var input = form.querySelector("input");
  var panel = form.querySelector(".recherche-panneau");
  var status = form.querySelector(".recherche-statut");
  var list = form.querySelector(".recherche-resultats");
  var root = form.getAttribute("data-racine") || "";
  var entries = null;
  var loading = false;
  var last = null;

  /* « L'École » → « l ecole »: what carnet's view/search.rs fold() does. */
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss")
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function prepare() {
    var data = window.carnetRecherche;
    last = null;
    entries = data.entrees.map(function (e, i) {
      return { genre: data.genres[e[0]], url: e[1], titre: e[2], texte: e[3], t: " " + e[4] + " ", b: " " + e[5] + " ", rang: i };
    });
  }

  function load() {
    if (entries || loading) { return; }
    if (window.carnetRecherche) { prepare(); return; }
    loading = true;
    var script = document.createElement("script");
    script.src = root + "recherche/index.js";
    script.onload = function () { loading = false; prepare(); search(); };
    script.onerror = function () { loading = false; show(form.getAttribute("data-erreur")); };
    document.head.appendChild(script);
  }

  /* How well an entry matches the typed words, or null: a word found at the
     start of a title word counts more than in the text, a whole word more
     than its beginning. */
  function score(entry, terms) {
    var inTitle = 0, whole = 0;
    for (var i = 0; i < terms.length; i++) {
      var needle = " " + terms[i];
      var at = entry.t.indexOf(needle), where = entry.t;
      if (at >= 0) { inTitle++; } else { at = entry.b.indexOf(needle); where = entry.b; }
      if (at < 0) { return null; }
      if (where.indexOf(needle + " ") >= 0) { whole++; }
    }
    return { entry: entry, inTitle: inTitle, whole: whole };
  }

  function rank(a, b) {
    return (b.inTitle - a.inTitle) || (b.whole - a.whole) ||
      (a.entry.titre.length - b.entry.titre.length) || (a.entry.rang - b.entry.rang);
  }

  /* `text` into `parent`, the beginnings of its words that match a typed
     word inside <mark>. */
  function highlight(parent, text, terms) {
    var word = /[\p{L}\p{N}]+/gu, last = 0, m;
    while ((m = word.exec(text)) !== null) {
      var folded = fold(m[0]), best = 0;
      for (var i = 0; i < terms.length; i++) {
        if (folded.indexOf(terms[i]) === 0 && terms[i].length > best) { best = terms[i].length; }
      }
      if (!best) { continue; }
      /* As many characters of the word as it takes to cover the typed word once folded. */
      var chars = Array.from(m[0]), n = 0, len = 0;
      while (n < chars.length && len < best) { len += fold(chars[n]).length; n++; }
      var prefix = chars.slice(0, n).join("");
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = prefix;
      parent.appendChild(mark);
      last = m.index + prefix.length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  /* The part of a long text around its first matching word. */
  function excerpt(text, terms) {
    if (text.length <= 140) { return text; }
    var word = /[\p{L}\p{N}]+/gu, m, at = 0;
    scan: while ((m = word.exec(text)) !== null) {
      var folded = fold(m[0]);
      for (var i = 0; i < terms.length; i++) {
        if (folded.indexOf(terms[i]) === 0) { at = m.index; break scan; }
      }
    }
    var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 40)));
    var end = text.indexOf(" ", Math.min(text.length, start + 140));
    if (end < 0) { end = text.length; }
    return (start > 0 ? "…" : "") + text.slice(start, end).trim() + (end < text.length ? " …" : "");
  }

  function show(message) {
    status.textContent = message;
    panel.hidden = false;
  }

  function clear() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
  }

  function search() {
    var query = fold(input.value);
    clear();
    if (!query) { status.textContent = ""; panel.hidden = true; return; }
    if (!entries) { load(); show(form.getAttribute("data-chargement")); return; }
    /* A query that extends the last one (a letter typed) can only match
       among the last one's matches. */
    var pool = last && query.indexOf(last.query) === 0 ? last.entries : entries;
    var terms = query.split(" "), found = [], matched = [];
    for (var i = 0; i < pool.length; i++) {
      var s = score(pool[i], terms);
      if (s) { found.push(s); matched.push(pool[i]); }
    }
    last = { query: query, entries: matched };
    found.sort(rank);
    var count = found.length;
    show(count === 0 ? form.getAttribute("data-aucun")
      : count === 1 ? form.getAttribute("data-un")
      : count > MAX ? form.getAttribute("data-premiers").replace("{n}", count).replace("{k}", MAX)
      : form.getAttribute("data-nombre").replace("{n}", count));
    for (var j = 0; j < Math.min(count, MAX); j++) {
      var e = found[j].entry;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + e.url;
      var title = document.createElement("span");
      title.className = "recherche-titre";
      highlight(title, e.titre, terms);
      var genre = document.createElement("span");
      genre.className = "recherche-genre";
      genre.textContent = e.genre;
      a.appendChild(title);
      a.appendChild(document.createTextNode(" "));
      a.appendChild(genre);
      li.appendChild(a);
      if (e.texte) {
        var text = document.createElement("span");
        text.className = "recherche-texte";
        highlight(text, excerpt(e.texte, terms), terms);
        li.appendChild(text);
      }
      list.appendChild(li);
    }
  }

  /* Arrows move between the results, Escape closes them, Enter opens the first. */
  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
  form.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) { return; }
      event.preventDefault();
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) { input.focus(); } else { all[Math.min(next, all.length - 1)].focus(); }
    } else if (event.key === "Escape") {
      input.focus();
      panel.hidden = true;
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) { first.click(); }
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) { panel.hidden = true; }
  });
  input.addEventListener("focus", function () {
    load();
    if (input.value) { search(); }
  });
  input.addEventListener("input", search);
  form.hidden = false;
})();
