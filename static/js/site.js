/* Improvements on top of pages that work without this script. */

/* On a phone the menus are one row that scrolls sideways: bring the current section into view,
   so a visitor on "Funders" sees it marked without scrolling the row first. */
(function () {
  "use strict";
  var row = document.querySelector(".site-header__menus");
  var current = row && row.querySelector("[aria-current]");
  if (!current || row.scrollWidth <= row.clientWidth) {
    return;
  }
  var box = current.getBoundingClientRect();
  var visible = row.getBoundingClientRect();
  if (box.left < visible.left || box.right > visible.right) {
    // Centre it; the browser stops at either end of the row.
    row.scrollLeft += box.left - visible.left - (visible.width - box.width) / 2;
  }
})();

/* On a phone the map is wider than the screen and scrolls sideways: open it on the countries it
   names (data-focus: their middle, as a share of the map's width) rather than on its west edge. */
(function () {
  "use strict";
  var frames = document.querySelectorAll(".map__frame[data-focus]");
  for (var i = 0; i < frames.length; i++) {
    var frame = frames[i];
    if (frame.scrollWidth > frame.clientWidth) {
      var focus = parseFloat(frame.getAttribute("data-focus"));
      frame.scrollLeft = focus * frame.scrollWidth - frame.clientWidth / 2;
    }
  }
})();

/* The programme list's filters are a disclosure, closed so that a phone shows the results first;
   where they fit beside the results, open them. */
(function () {
  "use strict";
  var filters = document.querySelector("details.filters");
  if (filters && window.matchMedia("(min-width: 60em)").matches) {
    filters.open = true;
  }
})();
