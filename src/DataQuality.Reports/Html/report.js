(function () {
  "use strict";
  // Lazy chunks: a .lazy placeholder holds rows, cards or a collapsed body as escaped markup in a data
  // block; it becomes that markup when it nears the window (or its collapsed section opens, which is when
  // it gets a box), when a filter searches its list, or when a link targets an id inside it.
  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting) render(e.target); });
  }, { rootMargin: "800px 0px" }) : null;
  function render(ph) {
    if (!ph.parentNode) return;
    if (observer) observer.unobserve(ph);
    ph.insertAdjacentHTML("beforebegin", ph.firstElementChild.textContent);
    ph.remove();
  }
  function renderIn(root) { Array.prototype.forEach.call(root.querySelectorAll(".lazy"), render); }
  Array.prototype.forEach.call(document.querySelectorAll(".lazy"), function (ph) { observer ? observer.observe(ph) : render(ph); });

  // Filter bars: a search box and an optional status/kind select over the rows of one list.
  document.querySelectorAll(".filter").forEach(function (bar) {
    var list = document.getElementById(bar.getAttribute("data-for"));
    if (!list) return;
    var search = bar.querySelector("input"), select = bar.querySelector("select"), count = bar.querySelector(".count");
    var rows = null, texts = null;
    function apply() {
      if (!rows) {
        // A search covers the whole list: render what is still a placeholder, once.
        renderIn(list);
        rows = Array.prototype.slice.call(list.querySelectorAll(":scope > [data-status]"));
        texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
      }
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

  // Deep links: render the chunk holding the target (and the chunks before it in its list, so nothing
  // above it changes height afterwards), open every collapsed section around it, then scroll to it.
  function find(id) {
    var el = document.getElementById(id);
    if (el) return el;
    var needle = 'id="' + id + '"', phs = document.querySelectorAll(".lazy");
    for (var i = 0; i < phs.length; i++) {
      if (phs[i].firstElementChild.textContent.indexOf(needle) < 0) continue;
      for (var p = phs[i], before; p; p = before) {
        before = p.previousElementSibling;
        if (p.classList.contains("lazy")) render(p);
      }
      return document.getElementById(id);
    }
    return null;
  }
  var marked = null;
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && find(id);
    if (!el) return;
    for (var p = el; p; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
    el.hidden = false;
    if (marked) marked.classList.remove("target");
    (marked = el).classList.add("target");
    el.scrollIntoView({ block: "start" });
    settle(el, 30);
  }
  // Chunks rendered around the target in the next frames can move it; keep it at the top until they are
  // done (half a second), unless the reader scrolls, clicks or types meanwhile.
  var settling = null;
  ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (type) {
    window.addEventListener(type, function () { settling = null; }, { passive: true });
  });
  function settle(el, frames) {
    settling = el;
    requestAnimationFrame(function () {
      if (settling !== el) return;
      if (Math.abs(el.getBoundingClientRect().top) > 1) el.scrollIntoView({ block: "start" });
      if (frames > 1) settle(el, frames - 1); else settling = null;
    });
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
