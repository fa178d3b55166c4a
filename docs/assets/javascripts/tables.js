// Wide tables scroll inside their own box (Material's .md-typeset__scrollwrap, and the
// worksheets' .write-table-wrap). A box that
// scrolls gets the class "scrolls" (site.css draws a shadow at the edge with more to see),
// is reachable with the keyboard (tabindex) and is named after the heading above it, so a
// screen reader says what the region is. Nothing leaves the page.
(function () {
  "use strict";

  function headingBefore(element) {
    var node = element;
    while (node) {
      var previous = node.previousElementSibling;
      while (previous) {
        if (/^H[1-6]$/.test(previous.tagName) && previous.id) return previous;
        previous = previous.previousElementSibling;
      }
      node = node.parentElement;
      if (node && node.classList && node.classList.contains("md-content")) break;
    }
    return null;
  }

  function mark() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap, .write-table-wrap");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("scrolls", scrolls);
      if (scrolls) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        var heading = headingBefore(box);
        if (heading) box.setAttribute("aria-labelledby", heading.id);
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-labelledby");
      }
    }
  }

  var pending = 0;
  function later() {
    window.clearTimeout(pending);
    pending = window.setTimeout(mark, 100);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mark);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
  window.addEventListener("resize", later);
})();
