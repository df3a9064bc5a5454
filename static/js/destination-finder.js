/* The home page's destination finder: suggestions as one types, as an ARIA 1.2 combobox with a
   listbox popup (arrow keys move through the suggestions, Enter opens the chosen destination's page,
   Escape closes the list). Without JavaScript the form asks the destination index, which goes
   straight to the page when one destination matches. Matching: static/js/destination-match.js. */
(function () {
    "use strict";

    var MAX_SUGGESTIONS = 8;
    var match = window.destinationMatch;

    function setUp(form) {
        var input = form.querySelector("[data-destination-finder-input]");
        var status = form.querySelector("[data-destination-finder-status]");
        var data = document.getElementById(form.dataset.destinationFinder);
        if (!match || !input || !status || !data) {
            return;
        }
        var entries = JSON.parse(data.textContent);
        var listbox = document.createElement("ul");
        listbox.id = input.id + "-suggestions";
        listbox.className = "destination-finder__suggestions list-unstyled";
        listbox.setAttribute("role", "listbox");
        listbox.setAttribute("aria-label", form.dataset.listLabel || "");
        listbox.hidden = true;
        input.parentNode.appendChild(listbox);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listbox.id);

        var shown = [];
        var active = -1;
        var timer = null;

        function announce(text) {
            // Once typing pauses, so a screen reader is not interrupted at every key.
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
                status.textContent = text;
            }, 500);
        }

        function setOpen(open) {
            listbox.hidden = !open;
            input.setAttribute("aria-expanded", open ? "true" : "false");
            if (!open) {
                setActive(-1);
            }
        }

        function setActive(index) {
            var options = listbox.children;
            if (active >= 0 && options[active]) {
                options[active].setAttribute("aria-selected", "false");
                options[active].classList.remove("is-active");
            }
            active = index;
            if (active >= 0 && options[active]) {
                options[active].setAttribute("aria-selected", "true");
                options[active].classList.add("is-active");
                input.setAttribute("aria-activedescendant", options[active].id);
                options[active].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function go(entry) {
            setOpen(false);
            input.value = entry.name;
            window.location.assign(entry.url);
        }

        function option(entry, index) {
            var item = document.createElement("li");
            item.id = listbox.id + "-" + index;
            item.className = "destination-finder__suggestion";
            item.setAttribute("role", "option");
            item.setAttribute("aria-selected", "false");
            var name = document.createElement("span");
            name.className = "destination-finder__name";
            name.textContent = entry.name;
            item.appendChild(name);
            if (entry.other && entry.other !== entry.name) {
                var other = document.createElement("span");
                other.className = "destination-finder__other";
                other.textContent = entry.other;
                item.appendChild(document.createTextNode(" "));
                item.appendChild(other);
            }
            // mousedown would move the focus out of the box (and close the list) before the click.
            item.addEventListener("mousedown", function (event) {
                event.preventDefault();
            });
            item.addEventListener("click", function () {
                go(entry);
            });
            return item;
        }

        function update() {
            var query = match.normalise(input.value);
            shown = query
                ? match.ranked(entries, query, function (entry) {
                      return entry.match;
                  }).slice(0, MAX_SUGGESTIONS)
                : [];
            active = -1;
            input.removeAttribute("aria-activedescendant");
            listbox.textContent = "";
            shown.forEach(function (entry, index) {
                listbox.appendChild(option(entry, index));
            });
            setOpen(shown.length > 0);
            if (!query) {
                announce("");
            } else if (shown.length) {
                announce(match.countText(form, shown.length));
            } else {
                announce(form.dataset.countNone || "");
            }
        }

        input.addEventListener("input", update);
        input.addEventListener("keydown", function (event) {
            var open = !listbox.hidden;
            if (event.key === "ArrowDown") {
                event.preventDefault();
                if (!open) {
                    update();
                }
                if (shown.length) {
                    setActive(active + 1 < shown.length ? active + 1 : 0);
                }
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                if (shown.length && open) {
                    setActive(active > 0 ? active - 1 : shown.length - 1);
                }
            } else if (event.key === "Enter") {
                // A suggestion picked with the arrows opens; otherwise the form asks the server.
                if (open && active >= 0) {
                    event.preventDefault();
                    go(shown[active]);
                }
            } else if (event.key === "Escape") {
                if (open) {
                    event.preventDefault();
                    setOpen(false);
                }
            }
        });
        input.addEventListener("blur", function () {
            setOpen(false);
        });
        input.addEventListener("focus", function () {
            if (input.value) {
                update();
            }
        });
    }

    document.querySelectorAll("[data-destination-finder]").forEach(setUp);
})();
