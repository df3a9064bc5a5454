/* "Print this page" buttons (includes/share_tools.html): a static script, as the CSP allows no inline handlers. */
document.addEventListener("click", function (event) {
    "use strict";
    if (event.target.closest("[data-print-page]")) {
        window.print();
    }
});
