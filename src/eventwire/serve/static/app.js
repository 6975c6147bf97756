// eventwire dashboard: draws the charts whose specs the page carries as JSON.
// Strings reach the page through textContent only; nothing here builds HTML.
(function () {
  "use strict";

  function readSpec(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  // A tooltip that writes text nodes (Vega's default one builds HTML).
  var tip = document.createElement("div");
  tip.className = "tooltip";
  tip.hidden = true;
  document.body.appendChild(tip);

  function showTooltip(handler, event, item, value) {
    if (value === null || value === undefined || value === "") {
      tip.hidden = true;
      return;
    }
    tip.replaceChildren();
    if (typeof value === "object") {
      Object.keys(value).forEach(function (key) {
        var row = document.createElement("div");
        var k = document.createElement("span");
        k.className = "key";
        k.textContent = key + ": ";
        var v = document.createElement("span");
        v.textContent = String(value[key]);
        row.appendChild(k);
        row.appendChild(v);
        tip.appendChild(row);
      });
    } else {
      tip.textContent = String(value);
    }
    tip.hidden = false;
    var x = event.clientX + 14, y = event.clientY + 14;
    var r = tip.getBoundingClientRect();
    if (x + r.width > window.innerWidth) x = event.clientX - r.width - 14;
    if (y + r.height > window.innerHeight) y = event.clientY - r.height - 14;
    tip.style.left = (x + window.scrollX) + "px";
    tip.style.top = (y + window.scrollY) + "px";
  }

  document.querySelectorAll("[data-spec]").forEach(function (el) {
    var spec = readSpec(el.dataset.spec);
    if (!spec) return;
    window.vegaEmbed(el, spec, {
      renderer: "svg",
      actions: false,
      defaultStyle: false,
      ast: true,
      expr: window.vegaInterpreter.expressionInterpreter,
      tooltip: showTooltip
    }).then(function () {
      el.dataset.rendered = "true";
    }).catch(function (err) {
      el.dataset.rendered = "error";
      el.textContent = "This chart could not be drawn: " + err.message;
    });
  });

  // A table row with data-href is a link as a whole (its cells' own links still work).
  document.querySelectorAll("tr[data-href]").forEach(function (row) {
    row.addEventListener("click", function (event) {
      if (event.target.closest("a")) return;
      var href = row.dataset.href;
      if (href && href.charAt(0) === "/") window.location.assign(href);
    });
  });

  // The event page scrolls to its sentence.
  var hit = document.querySelector("article.text mark");
  if (hit) hit.scrollIntoView({block: "center"});
})();
