/* The admin's preview of a programme's locations (programmes/admin/locations.py): each row's
   latitude and longitude drawn on the portal's map as staff type, with the same projection as
   programmes/maps.py (equirectangular, x scaled by the cosine of the box's middle latitude), and
   a line for each point the map cannot show. No inline script: the Content-Security-Policy. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function project(box, lat, lon) {
    if (lon < box.west || lon > box.east || lat < box.south || lat > box.north) return null;
    var cos = Math.cos((((box.south + box.north) / 2) * Math.PI) / 180);
    var scale = box.width / ((box.east - box.west) * cos);
    return [(lon - box.west) * cos * scale, (box.north - lat) * scale];
  }

  function number(input) {
    var text = input ? input.value.trim().replace(",", ".") : "";
    return text === "" ? null : Number(text);
  }

  function rows() {
    return Array.prototype.filter.call(
      document.querySelectorAll("#locations-group tr.form-row:not(.empty-form)"),
      function (row) {
        var deleted = row.querySelector('input[name$="-DELETE"]');
        return !(deleted && deleted.checked);
      }
    );
  }

  function say(list, text) {
    var item = document.createElement("li");
    item.textContent = text;
    list.appendChild(item);
  }

  function draw(figure) {
    var d = figure.dataset;
    var box = {west: +d.west, south: +d.south, east: +d.east, north: +d.north, width: +d.width, height: +d.height};
    var layer = figure.querySelector(".location-preview__points");
    var status = figure.querySelector(".location-preview__status");
    layer.textContent = "";
    status.textContent = "";
    rows().forEach(function (row, index) {
      var name = (row.querySelector('input[name$="-name_en"]') || {}).value || "Row " + (index + 1);
      var lat = number(row.querySelector('input[name$="-latitude"]'));
      var lon = number(row.querySelector('input[name$="-longitude"]'));
      if (lat === null && lon === null) return;
      if (lat === null || lon === null || isNaN(lat) || isNaN(lon)) {
        say(status, name + ": give both a latitude and a longitude, as decimal degrees.");
        return;
      }
      var point = project(box, lat, lon);
      if (point === null) {
        say(status, name + ": " + lat + ", " + lon + " is outside the map; the public map will not show it.");
        return;
      }
      var circle = document.createElementNS(SVG, "circle");
      circle.setAttribute("cx", point[0].toFixed(1));
      circle.setAttribute("cy", point[1].toFixed(1));
      circle.setAttribute("r", "8");
      circle.setAttribute("class", "location-preview__point");
      var title = document.createElementNS(SVG, "title");
      title.textContent = name + " (" + lat + ", " + lon + ")";
      circle.appendChild(title);
      layer.appendChild(circle);
      say(status, name + ": on the map.");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var figure = document.querySelector("[data-location-preview]");
    var group = document.getElementById("locations-group");
    if (!figure || !group) return;
    var redraw = function () { draw(figure); };
    group.addEventListener("input", redraw);
    group.addEventListener("change", redraw);
    // Rows added or deleted by the inline's own buttons.
    new MutationObserver(redraw).observe(group, {childList: true, subtree: true});
    redraw();
  });
})();
