/* Teacher mode's deck: one scene on screen at a time, moved by a presenter's keys.
 * Shared by `cstokit present` (Voila, scenes made of widgets) and the export's static
 * slideshow (scenes written as HTML). Keys:
 *   → ← PageDown PageUp Space   next / previous step (a frame, a reveal, then the next scene)
 *   Home End                    first / last scene
 *   1-9, 0 then Enter (or wait) go to that scene number
 *   I (or Escape to close)      the scene index
 *   B or .                      blank the screen (again to come back)
 *   F                           full screen
 * On a focused control (a slider, a list, a text box) the arrows, Home and End belong to the
 * control; Page Up/Down (what a clicker sends) always move between scenes.
 */
(function () {
  "use strict";
  var deck = null, scenes = [], current = -1, frame = 0, digits = "", digitTimer = null;
  var index = null, blank = null;
  var requested = parseInt((location.hash || "").slice(1), 10);  // a scene asked for by address

  function $all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function head(scene) { return scene.querySelector(".cstokit-scene-head"); }
  function number(scene) { var h = head(scene); return h ? parseInt(h.getAttribute("data-n"), 10) : NaN; }
  function frames(scene) { return $all(scene, ".cstokit-frame"); }
  function here(scene) {  // the frame on screen, or the whole scene where it has no frames
    var f = frames(scene);
    return f.length ? f[Math.min(frame, f.length - 1)] : scene;
  }
  function reveals(scene) { return $all(here(scene), ".cstokit-reveal"); }

  function draw(scene) {
    if (!scene) return;
    // Static slideshow: the figure's JSON is in the page; plotly.js draws it on first show.
    $all(scene, ".cstokit-figure-json").forEach(function (node) {
      if (node.getAttribute("data-drawn") || !window.Plotly) return;
      node.setAttribute("data-drawn", "1");
      var fig = JSON.parse(node.textContent);
      var config = {displaylogo: false, responsive: true};
      var plot = node.parentNode.querySelector(".cstokit-plot");
      window.Plotly.newPlot(plot, fig.data, fig.layout, config).then(function () {
        if (fig.frames && fig.frames.length) window.Plotly.addFrames(plot, fig.frames);
      });
    });
    // Teacher mode: the kernel draws a scene when its (hidden) draw button is pressed.
    $all(scene, "button.cstokit-draw, .cstokit-draw button").forEach(function (button) {
      if (button.getAttribute("data-pressed")) return;
      button.setAttribute("data-pressed", "1");
      button.click();
    });
  }

  function setFrame(scene, n, revealAll) {
    var f = frames(scene);
    frame = Math.max(0, Math.min(n, Math.max(f.length - 1, 0)));
    f.forEach(function (node, i) { node.classList.toggle("cstokit-current", i === frame); });
    reveals(scene).forEach(function (node) { node.classList.toggle("cstokit-shown", !!revealAll); });
  }

  function show(i, atEnd) {
    if (!scenes.length) return;
    i = Math.max(0, Math.min(i, scenes.length - 1));
    var scene = scenes[i];
    var moved = i !== current;
    scenes.forEach(function (node, k) {
      node.classList.toggle("cstokit-current", k === i);
      node.setAttribute("aria-hidden", k === i ? "false" : "true");
    });
    current = i;
    if (moved || atEnd !== undefined) setFrame(scene, atEnd ? 1e9 : 0, atEnd);
    draw(scene);
    // Prefetch the next scene while the class looks at this one.
    var next = scenes[i + 1];
    if (next) setTimeout(function () { draw(next); }, 1200);
    // Plots drawn while their scene was hidden learn their size again.
    window.dispatchEvent(new Event("resize"));
    var n = number(scene);
    if (!isNaN(n) && history.replaceState) history.replaceState(null, "", "#" + n);
    if (index) renderIndex();
    document.documentElement.setAttribute("data-cstokit-scene", String(n));
  }

  function step(forward) {
    var scene = scenes[current];
    if (!scene) return;
    var r = reveals(scene);
    var f = frames(scene);
    if (forward) {
      var hidden = r.filter(function (node) { return !node.classList.contains("cstokit-shown"); });
      if (hidden.length) { hidden[0].classList.add("cstokit-shown"); return; }
      if (f.length && frame < f.length - 1) { setFrame(scene, frame + 1, false); return; }
      if (current < scenes.length - 1) show(current + 1);
    } else {
      var shown = r.filter(function (node) { return node.classList.contains("cstokit-shown"); });
      if (shown.length) { shown[shown.length - 1].classList.remove("cstokit-shown"); return; }
      if (f.length && frame > 0) { setFrame(scene, frame - 1, true); return; }
      if (current > 0) show(current - 1, true);
    }
  }

  function goTo(n) {
    for (var k = 0; k < scenes.length; k++) {
      if (number(scenes[k]) === n) { show(k); return true; }
    }
    return false;
  }

  function renderIndex() {
    if (!index) {
      index = document.createElement("div");
      index.className = "cstokit-index";
      index.setAttribute("role", "dialog");
      document.body.appendChild(index);
      index.addEventListener("click", function (event) {
        var item = event.target.closest("li[data-n]");
        if (item) { goTo(parseInt(item.getAttribute("data-n"), 10)); toggleIndex(false); }
      });
    }
    var groups = [], last = null;
    scenes.forEach(function (scene, k) {
      var h = head(scene);
      if (!h) return;
      var lesson = h.getAttribute("data-lesson");
      if (lesson !== last) { groups.push({lesson: lesson, items: []}); last = lesson; }
      groups[groups.length - 1].items.push({n: h.getAttribute("data-n"), title: h.getAttribute("data-title"), here: k === current});
    });
    var strings = deck.querySelector("[data-index-title]") || deck;
    var title = strings.getAttribute("data-index-title") || "Scenes";
    var hint = strings.getAttribute("data-index-hint") || "";
    var html = "<h2>" + esc(title) + "</h2>";
    groups.forEach(function (g) {
      html += "<h3>" + esc(g.lesson) + "</h3><ol>";
      g.items.forEach(function (item) {
        html += '<li data-n="' + esc(item.n) + '"' + (item.here ? ' class="cstokit-here"' : "") + ">" +
          esc(item.n) + ". " + esc(item.title) + "</li>";
      });
      html += "</ol>";
    });
    index.innerHTML = html + "<p>" + esc(hint) + "</p>";
  }

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }

  function toggleIndex(open) {
    renderIndex();
    var isOpen = index.classList.contains("cstokit-open");
    index.classList.toggle("cstokit-open", open === undefined ? !isOpen : open);
  }

  function toggleBlank() {
    if (!blank) {
      blank = document.createElement("div");
      blank.className = "cstokit-blank";
      document.body.appendChild(blank);
    }
    blank.classList.toggle("cstokit-open");
  }

  function inControl(target) {
    if (!target || target === document.body) return false;
    if (target.closest && target.closest(".noUi-target, [role=slider]")) return true;
    var tag = (target.tagName || "").toLowerCase();
    return tag === "input" || tag === "select" || tag === "textarea" || target.isContentEditable;
  }

  function jumpDigits() {
    if (digits && goTo(parseInt(digits, 10))) toggleIndex(false);
    digits = "";
    clearTimeout(digitTimer);
  }

  function onKey(event) {
    if (!scenes.length || event.altKey || event.ctrlKey || event.metaKey) return;
    var key = event.key, control = inControl(event.target);
    var handled = true;
    if (blank && blank.classList.contains("cstokit-open") && key !== "b" && key !== "B" && key !== ".") {
      if (key === "Escape") toggleBlank();
      event.preventDefault();
      return;
    }
    if (key === "PageDown") step(true);
    else if (key === "PageUp") step(false);
    else if (control) handled = false;  // the control keeps its own keys
    else if (key === "ArrowRight" || key === " " || key === "ArrowDown") step(true);
    else if (key === "ArrowLeft" || key === "ArrowUp") step(false);
    else if (key === "Home") show(0);
    else if (key === "End") show(scenes.length - 1);
    else if (key === "b" || key === "B" || key === ".") toggleBlank();
    else if (key === "i" || key === "I") toggleIndex();
    else if (key === "Escape") { if (index && index.classList.contains("cstokit-open")) toggleIndex(false); else handled = false; }
    else if (key === "f" || key === "F") {
      if (document.fullscreenElement) document.exitFullscreen();
      else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () {});
    }
    else if (/^[0-9]$/.test(key)) {
      digits += key;
      clearTimeout(digitTimer);
      digitTimer = setTimeout(jumpDigits, 900);
    }
    else if (key === "Enter" && digits) jumpDigits();
    else handled = false;
    if (handled) { event.preventDefault(); event.stopPropagation(); }
  }

  function onClick(event) {
    var cell = event.target.closest && event.target.closest("[data-evidence]");
    if (!cell) return;
    var scene = cell.closest(".cstokit-scene");
    var strip = scene && scene.querySelector(".cstokit-evidence");
    if (strip) strip.textContent = cell.getAttribute("data-evidence");
  }

  function collect() {
    // Teacher mode's page opens on a cover: its first scene, written into the page by the
    // server so it paints at once. It gives way when the live scene of that number arrives.
    var decks = $all(document, ".cstokit-deck");
    var cover = decks.filter(function (d) { return d.classList.contains("cstokit-cover"); })[0];
    var live = decks.filter(function (d) { return !d.classList.contains("cstokit-cover"); })[0];
    if (cover && live) {
      var n = number(cover.querySelector(".cstokit-scene"));
      if ($all(live, ".cstokit-scene").filter(head).some(function (s) { return number(s) === n; })) {
        cover.parentNode.removeChild(cover);
        cover = null;
      }
    }
    var next = cover || live;
    if (!next) return;
    var found = $all(next, ".cstokit-scene").filter(head);
    if (next === deck && found.length === scenes.length) return;
    var was = scenes[current] ? number(scenes[current]) : NaN;
    var fromCover = !deck || deck.classList.contains("cstokit-cover");
    deck = next;
    scenes = found;
    if (!scenes.length) return;
    deck.classList.add("cstokit-ready");
    document.documentElement.classList.add("cstokit-deck-on");
    if (fromCover && !isNaN(requested) && !deck.classList.contains("cstokit-cover")) {
      was = requested;
      requested = NaN;
    } else if (isNaN(was)) {
      was = requested;
    }
    var k = 0;
    scenes.forEach(function (scene, i) { if (number(scene) === was) k = i; });
    current = -1;
    show(k);
  }

  document.addEventListener("keydown", onKey, true);
  document.addEventListener("click", onClick);
  // In Voila the scenes arrive with the widgets, after the page has loaded: keep watching.
  function watch() {
    collect();
    new MutationObserver(collect).observe(document.body, {childList: true, subtree: true});
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
  window.cstokitDeck = {show: show, step: step, goTo: goTo,
    current: function () { return scenes[current] ? number(scenes[current]) : null; }};
})();
