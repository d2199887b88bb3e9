/* mediafeed player: progressive enhancement of <audio controls>.
   Without this file every page still plays (native controls, chapter links open the audio at that time).
   No cookies, no storage, no requests of its own: it works inside a sandbox="allow-scripts" iframe. */
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds || 0));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return h ? h + ":" + pad(m) + ":" + pad(r) : m + ":" + pad(r);
  }
  // What the slider says to a screen reader: "2 minutes 5 seconds of 12 minutes" ("2:05 of 12:00" is read as clock
  // times, "two oh five"). The same words as the templates' `spoken` filter.
  function spoken(seconds) {
    var s = Math.max(0, Math.floor(seconds || 0));
    var parts = [[Math.floor(s / 3600), "hour"], [Math.floor((s % 3600) / 60), "minute"]].filter(function (p) { return p[0]; });
    if (s % 60 || !parts.length) { parts.push([s % 60, "second"]); }
    return parts.map(function (p) { return p[0] + " " + p[1] + (p[0] === 1 ? "" : "s"); }).join(" ");
  }
  function attempt(promise) { if (promise && promise.catch) { promise.catch(function () {}); } }

  function seek(media, seconds, play) {
    var go = function () {
      media.currentTime = Math.min(seconds, isFinite(media.duration) ? media.duration : seconds);
      if (play) { attempt(media.play()); }
    };
    if (media.readyState >= 1) { go(); } else { media.addEventListener("loadedmetadata", go, { once: true }); media.preload = "metadata"; }
  }

  function enhance(root) {
    var media = root.querySelector("audio, video");
    var bar = root.querySelector(".player-bar");
    if (!media || !bar || media.tagName !== "AUDIO") { return media; }
    var play = bar.querySelector("[data-play]");
    var range = bar.querySelector("[data-seek]");
    var current = bar.querySelector("[data-current]");
    var total = bar.querySelector("[data-total]");
    var rate = bar.querySelector("[data-rate]");
    var dragging = false;

    media.controls = false;
    bar.hidden = false;
    root.classList.add("is-enhanced");

    function duration() { return isFinite(media.duration) && media.duration > 0 ? media.duration : parseFloat(range.max) || 0; }
    function slide() {
      var at = media.currentTime;
      range.value = String(Math.floor(at));
      range.setAttribute("aria-valuetext", spoken(at) + " of " + spoken(duration()));
    }
    // A screen reader speaks every change of the focused slider: while it has keyboard focus and plays, it stays
    // put (the clock beside it runs); a key moves it from where the audio is, and leaving it brings it up to date.
    function keyboardFocus() {
      try { return range.matches(":focus-visible"); } catch (e) { return document.activeElement === range; }
    }
    function still() { return dragging || (!media.paused && keyboardFocus()); }
    function show() {
      current.textContent = clock(media.currentTime);
      if (!still()) { slide(); }
    }
    function state() {
      var playing = !media.paused && !media.ended;
      play.setAttribute("aria-label", playing ? "Pause" : "Play");
      root.classList.toggle("is-playing", playing);
    }
    play.addEventListener("click", function () { if (media.paused || media.ended) { attempt(media.play()); } else { media.pause(); } });
    bar.querySelectorAll("[data-skip]").forEach(function (button) {
      button.addEventListener("click", function () {
        seek(media, Math.max(0, media.currentTime + parseFloat(button.getAttribute("data-skip"))), false);
      });
    });
    range.addEventListener("keydown", function () { if (!dragging) { slide(); } });
    range.addEventListener("blur", show);
    range.addEventListener("input", function () {
      dragging = true;
      current.textContent = clock(parseFloat(range.value));
      range.setAttribute("aria-valuetext", spoken(parseFloat(range.value)) + " of " + spoken(duration()));
    });
    range.addEventListener("change", function () { dragging = false; seek(media, parseFloat(range.value), false); });
    rate.addEventListener("change", function () { media.playbackRate = parseFloat(rate.value) || 1; });
    media.addEventListener("durationchange", function () {
      if (isFinite(media.duration)) { range.max = String(Math.ceil(media.duration)); total.textContent = clock(media.duration); }
    });
    media.addEventListener("timeupdate", show);
    media.addEventListener("seeked", show);
    media.addEventListener("ratechange", function () { rate.value = String(media.playbackRate); });
    ["play", "pause", "ended"].forEach(function (name) { media.addEventListener(name, state); });
    media.addEventListener("pause", show);
    return media;
  }

  var medias = [];
  document.querySelectorAll("[data-player]").forEach(function (root) {
    var media = enhance(root);
    if (media) { medias.push(media); }
  });
  var main = medias[0];

  if (main) {
    // Chapter and transcript links: seek the player instead of opening the file (Enter works: they are links).
    var marks = Array.prototype.slice.call(document.querySelectorAll("a[data-start]"));
    marks.forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey) { return; }
        event.preventDefault();
        seek(main, parseFloat(link.getAttribute("data-start")) || 0, true);
      });
    });
    var chapterLinks = marks.filter(function (link) { return link.classList.contains("chapter-link"); });
    var select = document.querySelector("[data-chapters]");
    if (select) {
      select.hidden = false;
      select.addEventListener("change", function () { seek(main, parseFloat(select.value) || 0, true); });
    }
    var starts = (select ? Array.prototype.map.call(select.options, function (o) { return parseFloat(o.value); })
      : chapterLinks.map(function (l) { return parseFloat(l.getAttribute("data-start")); }));
    main.addEventListener("timeupdate", function () {
      var at = main.currentTime, index = -1;
      for (var i = 0; i < starts.length; i++) { if (starts[i] <= at + 0.25) { index = i; } }
      chapterLinks.forEach(function (link, i) {
        if (i === index) { link.setAttribute("aria-current", "true"); } else { link.removeAttribute("aria-current"); }
      });
      if (select && index >= 0 && select.selectedIndex !== index) { select.selectedIndex = index; }
    });
    // A link to "…/#t=90" starts the player there.
    var match = /^#t=(\d+(?:\.\d+)?)$/.exec(window.location.hash);
    if (match) { seek(main, parseFloat(match[1]), false); }
  }

  // Copy buttons: data-copy names the id of the field to copy.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    var status = button.closest(".copy-field") && button.closest(".copy-field").querySelector(".copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function (ok) {
        if (status) { status.textContent = ok ? "Copied to the clipboard." : "Press Ctrl+C (⌘C) to copy."; }
        if (!ok) { field.focus(); field.select(); }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { done(true); }, function () { done(false); });
      } else {
        field.focus();
        field.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        done(ok);
      }
    });
  });

  // The system share sheet where there is one (phones); the plain links stay for everyone else.
  if (navigator.share) {
    document.querySelectorAll("[data-share]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        attempt(navigator.share({ title: button.getAttribute("data-title"), url: button.getAttribute("data-url") }));
      });
    });
  }
})();
