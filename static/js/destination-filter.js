/* The destination index's quick filter: hides the destinations that do not match as one types and
   says how many are shown in a polite live region. Without JavaScript the form filters on the server.
   Matching: static/js/destination-match.js. */
(function () {
    "use strict";

    var match = window.destinationMatch;

    function setUp(form) {
        var input = form.querySelector("[data-destination-filter-input]");
        var status = document.querySelector("[data-destination-filter-status]");
        var empty = document.querySelector("[data-destination-filter-empty]");
        var items = Array.prototype.slice.call(document.querySelectorAll("[data-filter-text]"));
        var groups = Array.prototype.slice.call(document.querySelectorAll("[data-destination-group]"));
        if (!match || !input || !status || !items.length) {
            return;
        }
        var timer = null;

        function apply() {
            var query = match.normalise(input.value);
            var shown = 0;
            items.forEach(function (item) {
                var found = match.matches(query, item.dataset.filterText);
                item.hidden = !found;
                if (found) {
                    shown += 1;
                }
            });
            groups.forEach(function (group) {
                var visible = group.querySelector("[data-filter-text]:not([hidden])");
                group.hidden = !visible;
                var link = document.querySelector('[data-destination-group-link="' + group.dataset.destinationGroup + '"]');
                if (link) {
                    link.parentNode.hidden = !visible;
                }
            });
            if (empty) {
                empty.hidden = shown !== 0;
            }
            // Announce once typing pauses, so a screen reader is not interrupted at every key.
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
                status.textContent = match.countText(status, shown);
            }, 400);
        }

        // Submitting still asks the server, which gives a link that keeps the filter.
        input.addEventListener("input", apply);
    }

    document.querySelectorAll("[data-destination-filter]").forEach(setUp);
})();
