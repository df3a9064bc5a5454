/* The alert subscription's destinations, found by typing rather than by scanning some 200 checkboxes.
   The checkboxes stay what the form sends: this shows only those that match what one types (in
   Chinese, English, pinyin or ISO code: static/js/destination-match.js) and lists the chosen places
   above as buttons that remove them. Without JavaScript every checkbox shows. */
(function () {
    "use strict";

    var match = window.destinationMatch;

    function labelOf(checkbox) {
        var label = checkbox.id ? document.querySelector('label[for="' + checkbox.id + '"]') : null;
        return label ? label.textContent.trim() : checkbox.value;
    }

    function setUp(picker) {
        var finder = picker.querySelector("[data-destination-picker-finder]");
        var input = picker.querySelector("[data-destination-picker-input]");
        var status = picker.querySelector("[data-destination-picker-status]");
        var chips = picker.querySelector("[data-destination-picker-chips]");
        var none = picker.querySelector("[data-destination-picker-none]");
        var showAll = picker.querySelector("[data-destination-picker-all]");
        var boxes = Array.prototype.slice.call(picker.querySelectorAll('input[type="checkbox"][data-match]'));
        if (!match || !finder || !input || !status || !chips || !boxes.length) {
            return;
        }
        var rows = boxes.map(function (box) {
            return { box: box, row: box.closest(".form-check") || box.parentNode, name: labelOf(box) };
        });
        var everything = false;
        var timer = null;

        function announce(text) {
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
                status.textContent = text;
            }, 500);
        }

        function filter() {
            var query = match.normalise(input.value);
            var shown = 0;
            rows.forEach(function (entry) {
                var visible = everything || (query !== "" && match.matches(query, entry.box.dataset.match));
                entry.row.hidden = !visible;
                if (visible) {
                    shown += 1;
                }
            });
            if (query) {
                announce(shown ? match.countText(picker, shown) : picker.dataset.countNone || "");
            }
            return shown;
        }

        function renderChips() {
            chips.textContent = "";
            var chosen = rows.filter(function (entry) {
                return entry.box.checked;
            });
            chosen.forEach(function (entry) {
                var item = document.createElement("li");
                var button = document.createElement("button");
                button.type = "button";
                button.className = "destination-chip";
                button.setAttribute("aria-label", (picker.dataset.removeLabel || "%(name)s").replace("%(name)s", entry.name));
                var name = document.createElement("span");
                name.textContent = entry.name;
                var cross = document.createElement("span");
                cross.className = "destination-chip__remove";
                cross.setAttribute("aria-hidden", "true");
                cross.textContent = "×";
                button.appendChild(name);
                button.appendChild(cross);
                button.addEventListener("click", function () {
                    entry.box.checked = false;
                    renderChips();
                    input.focus();
                });
                item.appendChild(button);
                chips.appendChild(item);
            });
            chips.hidden = chosen.length === 0;
            if (none) {
                none.hidden = chosen.length !== 0;
            }
        }

        finder.hidden = false;
        input.addEventListener("input", filter);
        input.addEventListener("keydown", function (event) {
            if (event.key !== "Enter") {
                return;
            }
            // Enter here never sends the form; with a single match, it ticks that place.
            event.preventDefault();
            var visible = rows.filter(function (entry) {
                return !entry.row.hidden;
            });
            if (visible.length === 1 && !everything) {
                visible[0].box.checked = true;
                input.value = "";
                filter();
                renderChips();
                announce(visible[0].name);
            }
        });
        if (showAll) {
            var showLabel = showAll.textContent;
            showAll.addEventListener("click", function () {
                everything = !everything;
                showAll.setAttribute("aria-expanded", everything ? "true" : "false");
                showAll.textContent = everything ? showAll.dataset.hideLabel || showLabel : showLabel;
                filter();
            });
        }
        boxes.forEach(function (box) {
            box.addEventListener("change", renderChips);
        });
        filter();
        renderChips();
    }

    document.querySelectorAll("[data-destination-picker]").forEach(setUp);
})();
