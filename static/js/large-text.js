/* Large-text mode (适老化): larger text and touch targets, remembered in this browser.
   Loaded in <head> without defer, so the class is on <html> before the page paints: the HTML stays the
   same for every visitor (cacheable) and the page never jumps from small to large. */
(function () {
    "use strict";
    var KEY = "portal-large-text";
    var CLASS_NAME = "large-text";
    var root = document.documentElement;

    function stored() {
        try {
            return window.localStorage.getItem(KEY) === "on";
        } catch (error) {
            return false; // storage blocked (private mode, WeChat settings): the switch still works for this page
        }
    }

    function remember(on) {
        try {
            if (on) {
                window.localStorage.setItem(KEY, "on");
            } else {
                window.localStorage.removeItem(KEY);
            }
        } catch (error) {
            /* not remembered, still applied */
        }
    }

    function apply(on) {
        root.classList.toggle(CLASS_NAME, on);
        var buttons = document.querySelectorAll("[data-large-text-toggle]");
        for (var i = 0; i < buttons.length; i++) {
            buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
        }
    }

    if (stored()) {
        root.classList.add(CLASS_NAME);
    }

    document.addEventListener("DOMContentLoaded", function () {
        apply(root.classList.contains(CLASS_NAME));
        document.addEventListener("click", function (event) {
            var button = event.target.closest("[data-large-text-toggle]");
            if (!button) {
                return;
            }
            var on = !root.classList.contains(CLASS_NAME);
            remember(on);
            apply(on);
        });
    });
})();
