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

/* The programme list's filters are a disclosure, closed so that a phone shows the results first;
   where they fit beside the results, open them. */
(function () {
  "use strict";
  var filters = document.querySelector("details.filters");
  if (filters && window.matchMedia("(min-width: 60em)").matches) {
    filters.open = true;
  }
})();
