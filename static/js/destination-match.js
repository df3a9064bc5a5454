/* How a typed name finds a destination, shared by the destination index's filter, the home page's
   finder and the alert subscription's picker. The server builds each destination's match text (its
   Chinese and English names, ISO code and pinyin, lower-cased: destinations/names.py) and applies the
   same rule when JavaScript is off: a query matches when it occurs in the text. */
(function () {
    "use strict";

    function normalise(text) {
        return (text || "").trim().toLocaleLowerCase();
    }

    /* -1: no match; 0: a name starts with the query ("tai" in "thailand taiguo"); 1: elsewhere. */
    function rank(query, text) {
        var at = text.indexOf(query);
        if (at === -1) {
            return -1;
        }
        while (at !== -1) {
            if (at === 0 || text.charAt(at - 1) === " ") {
                return 0;
            }
            at = text.indexOf(query, at + 1);
        }
        return 1;
    }

    function matches(query, text) {
        return !query || text.indexOf(query) !== -1;
    }

    /* The items that match, names starting with the query first, otherwise in their given order. */
    function ranked(items, query, textOf) {
        var scored = [];
        items.forEach(function (item, position) {
            var score = rank(query, textOf(item));
            if (score !== -1) {
                scored.push({ item: item, score: score, position: position });
            }
        });
        scored.sort(function (a, b) {
            return a.score - b.score || a.position - b.position;
        });
        return scored.map(function (entry) {
            return entry.item;
        });
    }

    function countText(element, count) {
        var template = count === 1 ? element.dataset.countOne : element.dataset.countOther;
        return (template || "%(count)s").replace("%(count)s", String(count));
    }

    window.destinationMatch = {
        normalise: normalise,
        matches: matches,
        rank: rank,
        ranked: ranked,
        countText: countText
    };
})();
