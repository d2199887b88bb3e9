/* mediafeed embed: ?theme=light or ?theme=dark pins the player's colours to a blog's own scheme; without it (or with
   anything else) the reader's system decides (style.css, prefers-color-scheme). Loaded in <head>, before the page is
   drawn, so a dark blog's frame never flashes white. No cookies, no storage, no requests. */
(function () {
  "use strict";
  var match = /[?&]theme=(light|dark)(?:&|$)/.exec(window.location.search);
  if (match) { document.documentElement.setAttribute("data-theme", match[1]); }
})();
