// carnet serve: live reload and the overlay of errors. Injected by the
// preview server into every page it serves (never into `carnet build`'s).
// `cfg.page` is the output this page was served from ("*" when no site
// could be built yet), `cfg.generation` the site's version when served.
function (cfg) {
  var key = "carnet-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    addEventListener("load", function () { scrollTo(0, +saved); });
  }
  function reload() {
    sessionStorage.setItem(key, String(scrollY));
    location.reload();
  }
  var box = null;
  function showErrors(text) {
    if (!box) {
      box = document.createElement("div");
      box.id = "carnet-erreurs";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:2147483647;" +
        "max-height:60vh;overflow:auto;margin:0;padding:1em;background:#fff5f5;" +
        "color:#1a1a1a;border-bottom:4px solid #c00;box-shadow:0 2px 12px rgba(0,0,0,.3);" +
        "font:14px/1.4 system-ui,sans-serif";
      var title = document.createElement("strong");
      // In the language of the page (the kit's `langue`), like the diagnostics below.
      title.textContent = document.documentElement.lang === "en"
        ? "The kit has errors: the page shown is the last correct version. " +
          "Fix the file and the page will update itself."
        : "Le kit contient des erreurs : la page affichée est la dernière " +
          "version correcte. Corrigez le fichier, la page se mettra à jour d'elle-même.";
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;font:13px/1.35 ui-monospace,monospace;margin:.8em 0 0";
      box.appendChild(title);
      box.appendChild(pre);
      document.body.appendChild(box);
    }
    box.lastChild.textContent = text;
  }
  function hideErrors() {
    if (box) { box.remove(); box = null; }
  }
  var generation = cfg.generation;
  var events = new EventSource("/_carnet/events");
  events.onmessage = function (message) {
    var state = JSON.parse(message.data);
    if (state.errors !== null) { showErrors(state.errors); return; }
    hideErrors();
    if (state.removed.indexOf(cfg.page) >= 0) { location.href = "/"; return; }
    var stale = state.hello ? state.generation !== generation
      : cfg.page === "*" || state.changed.indexOf(cfg.page) >= 0;
    generation = state.generation;
    if (stale) { reload(); }
  };
}
