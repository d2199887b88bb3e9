/* Progressive enhancement: chapter links seek the player. No cookies, no storage, no third parties. */
(function () {
  "use strict";
  var media = document.querySelector("[data-player] audio, [data-player] video");
  if (!media) { return; }
  function seek(seconds) {
    media.currentTime = seconds;
    var playing = media.play();
    if (playing && playing.catch) { playing.catch(function () {}); }
  }
  document.querySelectorAll("a.chapter-link[data-start]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      seek(parseFloat(link.getAttribute("data-start")) || 0);
    });
  });
  var match = /^#t=(\d+(?:\.\d+)?)$/.exec(window.location.hash);
  if (match) { media.addEventListener("loadedmetadata", function () { media.currentTime = parseFloat(match[1]); }, { once: true }); }
})();
