(function () {
  "use strict";
  // Filter bars: a search box and an optional status/kind select over the rows of one list.
  document.querySelectorAll(".filter").forEach(function (bar) {
    var list = document.getElementById(bar.getAttribute("data-for"));
    if (!list) return;
    var rows = Array.prototype.slice.call(list.querySelectorAll(":scope > [data-status]"));
    var search = bar.querySelector("input"), select = bar.querySelector("select"), count = bar.querySelector(".count");
    var texts = null;
    function apply() {
      if (!texts) texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
      var q = search.value.toLowerCase(), s = select ? select.value : "", shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var st = rows[i].getAttribute("data-status");
        var ok = (!q || texts[i].indexOf(q) >= 0) && (!s || st === s || (s === "problems" && st !== "passed"));
        rows[i].hidden = !ok;
        if (ok) shown++;
      }
      if (count) count.textContent = shown + " of " + rows.length;
    }
    search.addEventListener("input", apply);
    if (select) select.addEventListener("change", apply);
  });
  // Deep links: open every collapsed section around the target, then scroll to it.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    for (var p = el; p; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
    el.hidden = false;
    el.scrollIntoView({ block: "start" });
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
