"use strict";
(function () {
  var list = document.querySelectorAll(".finding");
  var compare = document.getElementById("compare");
  var form = document.getElementById("filters");
  form.hidden = false;
  function filter() {
    var rule = form.rule.value, severity = form.severity.value, source = form.source.value;
    list.forEach(function (f) {
      var show = (!rule || f.dataset.rule === rule) && (!severity || f.dataset.severity === severity) &&
        (!source || f.dataset.sources.split(" ").indexOf(source) >= 0);
      f.hidden = !show;
    });
  }
  form.addEventListener("change", filter);
  function select(f) {
    list.forEach(function (g) { g.classList.remove("selected"); });
    document.querySelectorAll("mark.hit").forEach(function (m) { m.classList.remove("hit"); });
    f.classList.add("selected");
    var panes = document.createElement("div");
    panes.className = "panes";
    f.dataset.claims.split(" ").forEach(function (id) {
      var mark = document.getElementById(id);
      if (!mark) { return; }
      var article = mark.closest(".source");
      var pane = document.createElement("div");
      pane.className = "pane";
      var title = document.createElement("h3");
      title.textContent = article.querySelector("h3").textContent;
      // The claim's value and how it was read, from the finding's list.
      var item = f.querySelector('a[href="#' + id + '"]');
      var about = document.createElement("p");
      about.className = "how";
      if (item) {
        var li = item.closest("li");
        var value = li.querySelector(".value"), how = li.querySelector(".how");
        about.textContent = (value ? value.textContent : "") + (how && how.textContent ? " — " + how.textContent : "");
      }
      var text = article.querySelector(".text").cloneNode(true);
      text.querySelectorAll("[id]").forEach(function (n) { n.dataset.of = n.id; n.removeAttribute("id"); });
      var scroll = document.createElement("div");
      scroll.className = "scroll";
      scroll.tabIndex = 0;
      scroll.appendChild(text);
      pane.appendChild(title);
      pane.appendChild(about);
      pane.appendChild(scroll);
      panes.appendChild(pane);
      mark.classList.add("hit");
      var copy = text.querySelector('[data-of="' + id + '"]');
      if (copy) { copy.classList.add("hit"); }
    });
    var heading = document.createElement("h2");
    heading.textContent = f.querySelector("h3").textContent;
    compare.replaceChildren(heading, panes);
    panes.querySelectorAll(".scroll").forEach(function (scroll) {
      var hit = scroll.querySelector("mark.hit");
      if (hit) { scroll.scrollTop = hit.offsetTop - scroll.clientHeight / 3; }
    });
    compare.scrollIntoView({ block: "nearest" });
  }
  list.forEach(function (f) {
    var button = f.querySelector("button.show");
    if (button) { button.addEventListener("click", function () { select(f); }); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.target.closest("select,input,textarea") || (e.key !== "j" && e.key !== "k")) { return; }
    var shown = Array.prototype.filter.call(list, function (f) { return !f.hidden && f.querySelector("button.show"); });
    var at = shown.findIndex(function (f) { return f.classList.contains("selected"); });
    var next = shown[e.key === "j" ? Math.min(at + 1, shown.length - 1) : Math.max(at - 1, 0)];
    if (next) { select(next); next.querySelector("button.show").focus(); }
  });
})();
