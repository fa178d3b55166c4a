// The Print button on printable pages: the browser prints with the site's print stylesheet.
document.addEventListener("click", function (event) {
  if (event.target.closest && event.target.closest("[data-print]")) {
    window.print();
  }
});
