/* mediafeed player: progressive enhancement of <audio controls>.
   Without this file every page still plays (native controls, chapter links open the audio at that time).
   No cookies, no storage, no requests of its own: it works inside a sandbox="allow-scripts" iframe. */
(function () {
  "use strict";

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function hms(seconds) {
    var s = Math.max(0, Math.floor(seconds || 0));
    return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  }
  // a length as the page gives it (model.whole_seconds)
  function whole(s) { return s > 0 ? Math.max(1, Math.round(s)) : 0; }
  function clock(seconds) {
    var t = hms(seconds);
    return (t[0] ? t[0] + ":" + pad(t[1]) : t[1]) + ":" + pad(t[2]);
  }
  // The theme's words: English, or the page's (words.py)
  var W = { play: "Play", pause: "Pause", time_of: "{current} of {total}", copied: "Copied to the clipboard.",
    copy_by_hand: "Press Ctrl+C (⌘C) to copy.", join: " ", categories: ["one", "other"] }, rules = null;
  ["hour", "minute", "second"].forEach(function (u) { W[u + "s"] = "{n} " + u + "|{n} " + u + "s"; });
  try {
    W = JSON.parse(document.getElementById("mediafeed-words").textContent);
    rules = new Intl.PluralRules(W.lang);
  } catch (e) { /* none: English */ }
  function counted(key, n) {
    var forms = W[key].split("|"), i = W.categories.indexOf(rules ? rules.select(n) : n === 1 ? "one" : "other");
    return (forms[i] || forms.pop()).replace("{n}", n);
  }
  // What the slider says: "2 minutes 5 seconds of 12 minutes" ("2:05" is read as a clock time); as the `spoken` filter
  function spoken(seconds) {
    var t = hms(seconds), parts = [[t[0], "hours"], [t[1], "minutes"]].filter(function (p) { return p[0]; });
    if (t[2] || !parts.length) { parts.push([t[2], "seconds"]); }
    return parts.map(function (p) { return counted(p[1], p[0]); }).join(W.join);
  }
  function map(list, f) { return Array.prototype.map.call(list, f); }
  function startOf(link) { return parseFloat(link.getAttribute("data-start")); }
  function plain(event) { return !(event.ctrlKey || event.metaKey || event.shiftKey); } // not "open in a new tab"
  function attempt(promise) { if (promise && promise.catch) { promise.catch(function () {}); } }

  // `linked`: a link's time past the end is ignored (at the end, Play only ended it again)
  function seek(media, seconds, play, linked) {
    var go = function () {
      if (linked && seconds >= media.duration) { return; }
      media.currentTime = Math.min(seconds, isFinite(media.duration) ? media.duration : seconds);
      if (play) { attempt(media.play()); }
    };
    if (media.readyState >= 1) { go(); } else { media.addEventListener("loadedmetadata", go, { once: true }); media.preload = "metadata"; }
  }

  // A time in a link: "83", "83.5", "1:23", "1:02:03", "1h2m3s", "npt:83" or a media fragment's "83,90" (its start).
  function seconds(text) {
    var t = String(text).replace(/^npt:/, "").split(",")[0];
    var m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(t);
    if (t && m) { return (+m[1] || 0) * 3600 + (+m[2] || 0) * 60 + (+m[3] || 0); }
    if (!/^\d+(\.\d+)?(:\d+(\.\d+)?){0,2}$/.test(t)) { return NaN; }
    return t.split(":").reduce(function (sum, part) { return sum * 60 + parseFloat(part); }, 0);
  }
  // Where a link to the page asks the player to start: "#t=1:23" (Castopod, YouTube) or "?t=83" (Podlove).
  // A new hash reads only the hash ("?t=83" is not played again at "Skip to content").
  function linkedTime(hashOnly) {
    var m = /[#&]t=([^&]*)/.exec(window.location.hash) || (!hashOnly && /[?&]t=([^&]*)/.exec(window.location.search));
    try { return m ? seconds(decodeURIComponent(m[1])) : NaN; } catch (e) { return NaN; }
  }

  // The index of the last start at or before `time` in a sorted list (-1 before the first).
  function at(list, time) {
    var index = -1;
    for (var i = 0; i < list.length; i++) { if (list[i] <= time + 0.25) { index = i; } }
    return index;
  }

  // The lock screen and media keys (Media Session API): title, show, artwork, chapters (the one playing as the album).
  function mediaSession(media, starts, names) {
    var ms = navigator.mediaSession, root = media.closest("[data-player]");
    if (!ms || !window.MediaMetadata || !root) { return { chapter: function () {} }; }
    var art = root.getAttribute("data-artwork");
    var info = { title: root.getAttribute("data-title") || document.title, artist: root.getAttribute("data-show") || "",
      artwork: art ? [{ src: new URL(art, document.baseURI).href, sizes: "480x480", type: "image/jpeg" }] : [],
      chapterInfo: starts.map(function (start, i) { return { title: names[i], startTime: start }; }) };
    function position() {
      if (!ms.setPositionState || !isFinite(media.duration)) { return; }
      try {
        ms.setPositionState({ duration: media.duration, playbackRate: media.playbackRate, position: Math.min(media.currentTime, media.duration) });
      } catch (e) { /* a browser that refuses the state keeps its own */ }
    }
    function chapterFrom(step) {
      var index = at(starts, media.currentTime);
      if (step < 0 && index >= 0 && media.currentTime - starts[index] > 3) { step = 0; } // "previous" restarts a chapter first
      var target = starts[Math.max(0, index + step)];
      if (target !== undefined) { seek(media, target, false); }
    }
    var actions = {
      play: function () { attempt(media.play()); },
      pause: function () { media.pause(); },
      seekbackward: function (d) { seek(media, Math.max(0, media.currentTime - ((d && d.seekOffset) || 15)), false); },
      seekforward: function (d) { seek(media, media.currentTime + ((d && d.seekOffset) || 30), false); },
      seekto: function (d) { seek(media, d.seekTime, false); }
    };
    if (starts.length > 1) {
      actions.previoustrack = function () { chapterFrom(-1); };
      actions.nexttrack = function () { chapterFrom(1); };
    }
    Object.keys(actions).forEach(function (name) {
      try { ms.setActionHandler(name, actions[name]); } catch (e) { /* an action this browser does not know */ }
    });
    ["durationchange", "ratechange", "seeked", "play", "pause"].forEach(function (name) { media.addEventListener(name, position); });
    media.addEventListener("play", function () { ms.playbackState = "playing"; });
    media.addEventListener("pause", function () { ms.playbackState = "paused"; });
    return { chapter: function (name) {
      info.album = name;
      try { ms.metadata = new MediaMetadata(info); } catch (e) { /* an artwork URL the browser refuses */ }
    } };
  }

  // "Start at 1:23": the link to copy, the share sheet and the share links open the player there (#t=83).
  function shareAt(media) {
    var box = document.querySelector("[data-share-at]"), field = document.getElementById("page-link");
    if (!box || !field) { return; }
    var time = box.closest(".share-at").querySelector("[data-share-time]"), base = field.value, shown = -1;
    var words = document.getElementById(box.getAttribute("aria-describedby")) || {};
    var button = document.querySelector("[data-share]");
    var links = map(document.querySelectorAll(".share-links a"), function (a) { return [a, a.href]; });
    function update(always) {
      var now = Math.floor(media.currentTime);
      if (now === shown && !always) { return; }
      shown = now;
      time.textContent = clock(now);
      if (document.activeElement !== box) { words.textContent = spoken(now); } // said once, on focus: not each second
      var url = base + (box.checked && now > 0 ? "#t=" + now : "");
      if (document.activeElement !== field) { field.value = url; } // keeps a selection
      if (button) { button.setAttribute("data-url", url); }
      links.forEach(function (pair) { pair[0].href = pair[1].split(encodeURIComponent(base)).join(encodeURIComponent(url)); });
    }
    box.closest(".share-at").hidden = false;
    box.addEventListener("change", function () { update(true); });
    [field, box].forEach(function (el) { el.addEventListener("blur", function () { update(true); }); });
    media.addEventListener("timeupdate", function () { update(false); });
    update(true);
  }

  // A file that cannot play (404, network, type): the bar gives way to the template's message, said once (a 404
  // before this script: media.error, or NO_SOURCE once tried).
  function failing(root, media, bar) {
    var status = root.querySelector("p[data-error]"), text = root.querySelector("template[data-error-text]");
    function fail() {
      if (status.firstChild) { return; }
      var focused = bar && bar.contains(document.activeElement);
      root.classList.add("is-failed");
      status.appendChild(text.content.cloneNode(true));
      if (focused) { (status.querySelector("a") || status).focus(); }
    }
    if (!status || !text) { return; }
    root.addEventListener("error", function (event) {
      var last = media.querySelectorAll("source");
      if (event.target === media || event.target === last[last.length - 1]) { fail(); }
    }, true);
    if (media.error || (media.networkState === 3 && media.currentSrc)) { fail(); }
  }

  function enhance(root) {
    var media = root.querySelector("audio, video");
    var bar = root.querySelector(".player-bar");
    if (media) { failing(root, media, bar); }
    if (!media || !bar || media.tagName !== "AUDIO") { return media; }
    var q = bar.querySelector.bind(bar), play = q("[data-play]"), range = q("[data-seek]"), current = q("[data-current]");
    var total = q("[data-total]"), rate = q("[data-rate]"), dragging = false;

    media.controls = false;
    bar.hidden = false;
    root.classList.add("is-enhanced");

    function duration() { return isFinite(media.duration) && media.duration > 0 ? media.duration : parseFloat(range.max) || 0; }
    function says(at) {
      range.setAttribute("aria-valuetext", W.time_of.replace("{current}", spoken(at)).replace("{total}", spoken(whole(duration()))));
      range.style.setProperty("--at", Math.min(100, at / duration() * 100 || 0) + "%"); // the part played (style.css)
    }
    function played() { return media.ended ? whole(duration()) : media.currentTime; }
    function slide() {
      range.value = String(Math.floor(media.currentTime));
      says(played());
    }
    // A screen reader speaks every change of the focused slider: while focused by keyboard and playing, it stays put
    // (the clock runs); a key moves it from where the audio is.
    function keyboardFocus() {
      try { return range.matches(":focus-visible"); } catch (e) { return document.activeElement === range; }
    }
    function still() { return dragging || (!media.paused && keyboardFocus()); }
    function show() {
      current.textContent = clock(played());
      if (!still()) { slide(); }
    }
    function state() {
      var playing = !media.paused && !media.ended;
      play.setAttribute("aria-label", playing ? W.pause : W.play);
      root.classList.toggle("is-playing", playing);
      document.body.classList.toggle("media-playing", playing); // the marked chapter says "(playing)" only then
    }
    play.addEventListener("click", function () { if (media.paused || media.ended) { attempt(media.play()); } else { media.pause(); } });
    bar.querySelectorAll("[data-skip]").forEach(function (button) {
      button.addEventListener("click", function () {
        seek(media, Math.max(0, media.currentTime + parseFloat(button.getAttribute("data-skip"))), false);
      });
    });
    // Space plays and pauses here too (a range ignores it)
    range.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); play.click(); } else if (!dragging) { slide(); }
    });
    range.addEventListener("blur", show);
    range.addEventListener("input", function () {
      dragging = true;
      current.textContent = clock(range.value);
      says(range.value);
    });
    range.addEventListener("change", function () { dragging = false; seek(media, parseFloat(range.value), false); });
    rate.addEventListener("change", function () { media.playbackRate = parseFloat(rate.value) || 1; });
    media.addEventListener("durationchange", function () {
      if (isFinite(media.duration)) { range.max = String(Math.ceil(media.duration)); total.textContent = clock(whole(media.duration)); }
    });
    media.addEventListener("ratechange", function () { rate.value = String(media.playbackRate); });
    ["play", "pause", "ended"].forEach(function (name) { media.addEventListener(name, state); });
    // A file slow to come: "Loading…" for the clock after 0.5 s (a seek's wait does not flicker), not live (a show's
    // player.html without the word keeps its clock). Past 5 s, the file's link below the bar: the message of a file that
    // cannot play without its first words ("This episode cannot be played here.")
    var waiting = 0, slow = 0, word = q(".player-wait"), line = root.querySelector("[data-slow]");
    var text = root.querySelector("template[data-error-text]");
    function wait(event) {
      clearTimeout(waiting);
      clearTimeout(slow);
      root.classList.remove("is-waiting", "is-slow");
      if (word && event.type === "waiting" && !media.paused) {
        waiting = setTimeout(function () { root.classList.add("is-waiting"); }, 500);
        slow = setTimeout(function () {
          if (line && text && !line.firstChild) { line.appendChild(text.content.cloneNode(true)); line.firstChild.remove(); }
          root.classList.add("is-slow");
        }, 5000);
      }
    }
    ["waiting", "playing", "pause", "emptied"].forEach(function (name) { media.addEventListener(name, wait); });
    ["timeupdate", "seeked", "pause", "ended"].forEach(function (name) { media.addEventListener(name, show); });
    return media;
  }

  var medias = [];
  document.querySelectorAll("[data-player]").forEach(function (root) {
    var media = enhance(root);
    if (media) { medias.push(media); }
  });
  var main = medias[0];

  // One at a time: a player that starts pauses the others, here and in the embeds beside this one on a blog (sandboxed,
  // each with an origin of its own: a message is all that reaches them; JSON text, for frames that parse every one).
  var STARTED = '{"mediafeed":"started"}';
  function pause(except) { medias.forEach(function (m) { if (m !== except && !m.paused) { m.pause(); } }); }
  medias.forEach(function (media) {
    media.addEventListener("play", function () {
      pause(media);
      for (var i = 0, blog = window.parent; blog !== window && i < blog.frames.length; i++) {
        if (blog.frames[i] !== window) { blog.frames[i].postMessage(STARTED, "*"); }
      }
    });
  });
  window.addEventListener("message", function (event) { if (event.data === STARTED) { pause(); } });

  if (main) {
    // Chapter and transcript links seek the player instead of opening the file (Enter too).
    var marks = Array.prototype.slice.call(document.querySelectorAll("a[data-start]"));
    marks.forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (!plain(event)) { return; }
        event.preventDefault();
        seek(main, startOf(link) || 0, true);
      });
    });
    var chapterLinks = marks.filter(function (link) { return link.classList.contains("chapter-link"); });
    var select = document.querySelector("[data-chapters]");
    if (select) {
      // Keys on the closed menu only look through it (a change each); Enter or a pick from the list goes
      var browsing = false, go = function () { seek(main, parseFloat(select.value) || 0, true); };
      select.hidden = false;
      select.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); go(); } else if (!event.altKey && /^(Arrow|Page|Home|End|\S$)/.test(event.key)) {
          browsing = true; // its change comes in this task
          setTimeout(function () { browsing = false; });
        }
      });
      select.addEventListener("change", function () { if (!browsing) { go(); } });
      select.addEventListener("blur", function () { select.selectedIndex = Math.max(0, chapter); });
    }
    var starts = select ? map(select.options, function (o) { return parseFloat(o.value); }) : chapterLinks.map(startOf);
    var names = select ? map(select.options, function (o) { return o.textContent.replace(/^\S+\s+/, ""); })
      : chapterLinks.map(function (l) { return (l.querySelector("span") || l).textContent; });
    // The transcript follows along: its paragraph being spoken is marked (aria-current on its time stamp).
    var stamps = marks.filter(function (link) { return link.classList.contains("stamp"); });
    var stampStarts = stamps.map(startOf);
    var calm = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var chapter = -2, said = -1, frame = 0, reading = null;
    // only two links change (a 1-hour transcript has 1,500)
    function mark(links, from, to) {
      [from, to].forEach(function (i) {
        var link = links[i];
        if (!link) { return; }
        if (i === to) { link.setAttribute("aria-current", "true"); } else { link.removeAttribute("aria-current"); }
        if (link.parentNode.tagName === "P") { link.parentNode.classList.toggle("is-current", i === to); }
      });
    }
    function visible(element) {
      var box = element.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }
    function follow() {
      var time = main.currentTime, index = at(starts, time), line = at(stampStarts, time);
      if (index !== chapter) {
        mark(chapterLinks, chapter, index);
        chapter = index;
        if (select && index >= 0 && document.activeElement !== select) { select.selectedIndex = index; } // (as the slider)
        session.chapter(names[index] || "");
      }
      if (line !== said) {
        if (!frame) { reading = said >= 0 ? stamps[said].parentNode : stamps.length && stamps[0].closest("section"); }
        mark(stamps, said, line);
        said = line;
        frame = frame || requestAnimationFrame(along);
      }
    }
    // Scroll the new paragraph into view for someone reading along (the last one was on screen), in the next frame
    // (at timeupdate, a read forces a layout).
    function along() {
      frame = 0;
      var now = said >= 0 && stamps[said].parentNode;
      if (now && reading && visible(reading) && !visible(now)) {
        now.scrollIntoView({ block: "nearest", behavior: calm ? "auto" : "smooth" });
      }
    }
    var session = mediaSession(main, starts, names);
    main.addEventListener("timeupdate", follow);
    main.addEventListener("seeked", follow);
    session.chapter(names[0] || ""); // nothing is marked "(playing)" before it plays or moves
    // "…/#t=1:23" or "…/?t=83" starts the player there. Reload, Back or Forward resume where and as fast as the
    // listener was: kept in the page's history entry (no storage), not in the embed (its history is the blog's).
    var kept = history.state || {}, linked = kept.mediafeedAt > 0 ? kept.mediafeedAt : linkedTime(), marked = "";
    if (linked >= 0) { seek(main, linked, false, !(kept.mediafeedAt > 0)); }
    if (kept.mediafeedRate > 0) { main.playbackRate = kept.mediafeedRate; }
    // At most one write in 5 s (Chromium ignores history calls past 200 in 10 s; Safari throws past 100 in 30 s), and
    // one as the page goes or hides (pagehide is too late on reload; beforeunload only while a write waits: Firefox's
    // back/forward cache keeps no page with one).
    var written = -Infinity, pending = 0;
    function write() {
      clearTimeout(pending);
      pending = 0;
      window.removeEventListener("beforeunload", write);
      var now = main.ended ? 0 : Math.floor(main.currentTime);
      var key = now + "@" + main.playbackRate;
      if (key === marked) { return; }
      marked = key;
      written = Date.now();
      try {
        history.replaceState(Object.assign({}, history.state, { mediafeedAt: now, mediafeedRate: main.playbackRate }), "");
      } catch (e) { /* a browser that refuses: the next load starts at the beginning */ }
    }
    function keep() {
      if (pending) { return; }
      pending = setTimeout(write, Math.max(0, written + 5000 - Date.now()));
      window.addEventListener("beforeunload", write);
    }
    if (!document.body.classList.contains("embed")) {
      ["timeupdate", "ratechange", "seeked", "pause"].forEach(function (name) { main.addEventListener(name, keep); });
      document.addEventListener("visibilitychange", function () { if (document.hidden) { write(); } });
    }
    function hashLink() {
      var time = linkedTime(true);
      if (time >= 0) { seek(main, time, true, true); }
    }
    window.addEventListener("hashchange", hashLink);
    // the same "#t=…" link again: no hashchange
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (link && link.href === window.location.href && plain(event)) { hashLink(); }
    });
    shareAt(main);
  }

  // Copy buttons: data-copy names the id of the field to copy.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    var box = button.closest(".copy-field"), status = box && box.querySelector(".copy-status");
    button.hidden = false;
    // Chromium scrolls a focused textarea only to its caret's line (its foot stayed below the window)
    field.addEventListener("focus", function () { field.scrollIntoView({ block: "nearest" }); });
    function pick() { field.focus(); field.select(); }
    button.addEventListener("click", function () {
      var done = function (ok) {
        if (status) { status.textContent = ok ? W.copied : W.copy_by_hand; }
        if (!ok) { pick(); }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { done(true); }, function () { done(false); });
      } else {
        pick();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        done(ok);
      }
    });
  });

  // The system share sheet where there is one (phones); the plain links stay.
  if (navigator.share) {
    document.querySelectorAll("[data-share]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        attempt(navigator.share({ title: button.getAttribute("data-title"), url: button.getAttribute("data-url") }));
      });
    });
  }
})();
