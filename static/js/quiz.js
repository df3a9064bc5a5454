/* The answer sheet of a quiz attempt (templates/quizzes/take.html).

   - Time left: counted down from the timer's data-seconds-left, against the clock (so a phone that
     slept catches up). A polite live region says it at a few moments only: each minute from five
     minutes left, then at 30 seconds; never every second. When it reaches zero the answers are
     submitted (the server allows a short grace for the network and refuses anything later).
   - Autosave: each change is sent to the form's data-save-url with the CSRF token; the reply
     re-syncs the time left. A failure says so, and the Save button still works.
   Without JavaScript the Save and Submit buttons do all of this; the server keeps the deadline. */
(function () {
    "use strict";

    var ANNOUNCE_AT = [300, 240, 180, 120, 60, 30];
    var SAVE_DELAY = 400;

    var form = document.querySelector("[data-quiz-form]");
    if (!form) {
        return;
    }
    var announcer = document.querySelector("[data-quiz-announce]");
    var saveStatus = form.querySelector("[data-quiz-save-status]");
    var timer = document.querySelector("[data-quiz-timer]");
    var submitting = false;

    function fill(template, count) {
        return (template || "").replace("{count}", String(count));
    }

    function announce(text) {
        if (!announcer || !text) {
            return;
        }
        // Emptied first, so the same words said twice are still read out.
        announcer.textContent = "";
        window.setTimeout(function () {
            announcer.textContent = text;
        }, 100);
    }

    function showStatus(text) {
        if (saveStatus) {
            saveStatus.textContent = text || "";
        }
    }

    function submitNow() {
        if (submitting) {
            return;
        }
        submitting = true;
        var action = document.createElement("input");
        action.type = "hidden";
        action.name = "action";
        action.value = "confirm";
        form.appendChild(action);
        form.submit();
    }

    /* Time left */

    var deadline = null;
    var previousLeft = null;
    var clock = timer ? timer.querySelector("[data-quiz-timer-clock]") : null;

    function setSecondsLeft(seconds) {
        deadline = Date.now() + Math.max(0, seconds) * 1000;
    }

    function clockText(left) {
        var minutes = Math.floor(left / 60);
        var seconds = left % 60;
        return minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    }

    function whatToSay(previous, left) {
        if (left <= 0) {
            return timer.dataset.msgTimeUp;
        }
        for (var index = 0; index < ANNOUNCE_AT.length; index += 1) {
            var mark = ANNOUNCE_AT[index];
            if (previous > mark && left <= mark) {
                if (mark === 60) {
                    return timer.dataset.msgOneMinute;
                }
                if (mark < 60) {
                    return fill(timer.dataset.msgSeconds, mark);
                }
                return fill(timer.dataset.msgMinutes, mark / 60);
            }
        }
        return "";
    }

    function tick() {
        var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
        if (clock) {
            clock.textContent = clockText(left);
        }
        timer.classList.toggle("quiz-timer--low", left <= 300);
        if (previousLeft !== null && previousLeft > 0) {
            announce(whatToSay(previousLeft, left));
        }
        previousLeft = left;
        if (left <= 0) {
            window.clearInterval(interval);
            submitNow();
        }
    }

    var interval = null;
    if (timer) {
        setSecondsLeft(parseInt(timer.dataset.secondsLeft, 10) || 0);
        interval = window.setInterval(tick, 1000);
        tick();
        document.addEventListener("visibilitychange", function () {
            if (!document.hidden && !submitting) {
                tick();
            }
        });
    }

    /* Autosave */

    var saveTimer = null;
    var saving = false;
    var saveAgain = false;

    function csrfToken() {
        var input = form.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    function failed(message) {
        var text = message || form.dataset.msgSaveFailed;
        showStatus(text);
        announce(text);
    }

    function save() {
        if (submitting) {
            return;
        }
        if (saving) {
            saveAgain = true;
            return;
        }
        saving = true;
        showStatus(form.dataset.msgSaving);
        // No submit button is the submitter here, so no "action" is sent: the answers only.
        fetch(form.dataset.saveUrl, {
            method: "POST",
            body: new FormData(form),
            credentials: "same-origin",
            headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
        })
            .then(function (response) {
                return response.json().then(function (body) {
                    return { status: response.status, body: body };
                });
            })
            .then(function (reply) {
                if (reply.body.saved) {
                    showStatus(form.dataset.msgSaved);
                    if (timer && typeof reply.body.seconds_left === "number") {
                        setSecondsLeft(reply.body.seconds_left);
                    }
                } else if (reply.status === 409 && reply.body.next) {
                    // Closed (submitted elsewhere, or out of time): the page says what happened.
                    submitting = true;
                    window.location.assign(reply.body.next);
                } else {
                    failed(reply.body.error);
                }
            })
            .catch(function () {
                failed();
            })
            .then(function () {
                saving = false;
                if (saveAgain) {
                    saveAgain = false;
                    save();
                }
            });
    }

    form.addEventListener("change", function (event) {
        if (!event.target.name || event.target.name.indexOf("q-") !== 0) {
            return;
        }
        window.clearTimeout(saveTimer);
        saveTimer = window.setTimeout(save, SAVE_DELAY);
    });

    form.addEventListener("submit", function () {
        submitting = true;
        window.clearTimeout(saveTimer);
    });
})();
