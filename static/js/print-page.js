/* "Print this page" buttons (includes/share_tools.html): <button data-print-page hidden>. A static script,
   as the CSP allows no inline handlers; the button is drawn hidden and shown here, so a browser without
   JavaScript never shows a button that does nothing. */
(function () {
    "use strict";
    function ready() {
        document.querySelectorAll("[data-print-page]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () {
                window.print();
            });
        });
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", ready);
    } else {
        ready();
    }
})();
