// thb-caselaw: progressive enhancement only. Every feature here has a plain-HTML fallback
// (a submit button, a <details>, selectable text), so the page works with JavaScript off.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  // The letters thb-text's search fold (`fold_for_search`) turns into something other than
  // their base letter once accents are stripped: Cyrillic, `đ`, `ł`, `ß`, … (every lowercase
  // letter of Latin-1 to Latin Extended-B and of the Cyrillic block for which that differs).
  // `src/web/assets.rs` checks every entry against thb-text.
  var FOLD = {
    "ß": "ss", "æ": "ae", "ð": "d", "ø": "o", "þ": "th", "đ": "d", "ħ": "h", "ı": "i", "ĳ": "ij",
    "ĸ": "k", "ŀ": "l", "ł": "l", "ŉ": "n", "ŋ": "n", "œ": "oe", "ŧ": "t", "ſ": "s", "ƀ": "b",
    "ƃ": "b", "ƈ": "c", "ƌ": "d", "ƒ": "f", "ƕ": "hv", "ƙ": "k", "ƚ": "l", "ƞ": "n", "ƥ": "p",
    "ƫ": "t", "ƭ": "t", "ƴ": "y", "ƶ": "z", "ǆ": "dz", "ǉ": "lj", "ǌ": "nj", "ǝ": "e", "ǣ": "ae",
    "ǥ": "g", "ǯ": "z", "ǳ": "dz", "ǵ": "gj", "ǽ": "ae", "ǿ": "o", "ȡ": "d", "ȥ": "z", "ȴ": "l",
    "ȵ": "n", "ȶ": "t", "ȷ": "j", "ȼ": "c", "ȿ": "s", "ɀ": "z", "ɇ": "e", "ɉ": "j", "ɋ": "q",
    "ɍ": "r", "ɏ": "y", "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "z",
    "з": "z", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "ш": "s",
    "щ": "sc", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja", "ѐ": "e", "ё": "e",
    "ђ": "d", "ѓ": "gj", "є": "je", "ѕ": "dz", "і": "i", "ї": "ji", "ј": "j", "љ": "lj",
    "њ": "nj", "ћ": "c", "ќ": "kj", "ѝ": "i", "ў": "u", "џ": "dz", "ѡ": "o", "ѣ": "e", "ѳ": "f",
    "ѵ": "i", "ѷ": "i", "ґ": "g", "ӂ": "z", "ӑ": "a", "ӓ": "a", "ӗ": "e", "ӛ": "ӛ", "ӝ": "z",
    "ӟ": "z", "ӣ": "i", "ӥ": "i", "ӧ": "o", "ӫ": "ӫ", "ӭ": "e", "ӯ": "u", "ӱ": "u", "ӳ": "u",
    "ӵ": "c", "ӹ": "y"
  };

  // What is typed, folded as the server folds facet labels (`data-filter`): lowercase, the
  // table above, accents stripped, one space between words, `dj` → `d` (Djakovica, Đakovica).
  function fold(text) {
    var mapped = "";
    for (var letter of text.toLowerCase()) {
      mapped += Object.prototype.hasOwnProperty.call(FOLD, letter) ? FOLD[letter] : letter;
    }
    var plain = mapped.normalize("NFD").replace(/\p{M}/gu, "").replace(/[^\p{L}\p{N}]+/gu, " ");
    var out = "";
    var previous = "";
    for (var c of plain) {
      if (c === "j" && previous === "d") continue;
      out += c;
      previous = c;
    }
    return out.trim();
  }

  function isTyping(target) {
    if (!target) return false;
    var tag = target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }

  ready(function () {
    var form = document.getElementById("search-form");
    var query = document.getElementById("q");

    // Facet checkboxes and the sort order apply at once. Arrow keys on the closed sort list
    // change its value (and fire "change") as they move: from the keyboard the order applies
    // on Enter or on leaving the list, so that looking through the options loads nothing.
    if (form) {
      var submit = function () {
        if (form.requestSubmit) form.requestSubmit();
        else form.submit();
      };
      // The year range applies as the facets do, once a year is complete.
      form.addEventListener("change", function (event) {
        var t = event.target;
        if ((t.name === "year_from" || t.name === "year_to") && (t.value === "" || t.value.length === 4)) {
          submit();
        }
      });
      var sortByKeys = false;
      var sortChanged = false;
      form.addEventListener("keydown", function (event) {
        if (event.target.id !== "sort") return;
        if (event.key === "Enter" && sortChanged) {
          event.preventDefault();
          submit();
        } else if (event.key !== "Tab") {
          sortByKeys = true;
        }
      });
      form.addEventListener("change", function (event) {
        var t = event.target;
        if (t.type === "checkbox" && (t.closest(".facet") || t.id === "expand")) submit();
        else if (t.id === "sort" && sortByKeys) sortChanged = true;
        else if (t.id === "sort") submit();
      });
      form.addEventListener("focusout", function (event) {
        if (event.target.id === "sort" && sortChanged) submit();
      });
      form.addEventListener("pointerdown", function (event) {
        if (event.target.id === "sort") sortByKeys = false;
      });
    }

    // A long facet list's filter box: as the user types, only the values whose label holds
    // every typed word stay listed, the folded part unfolded; emptied, the list is as it was. A
    // child is read with its parent ("ecthr grand" finds the Grand Chamber under the Court), and
    // a parent stays listed with its children when it or one of them matches.
    function enhanceFacetFilters(scope) {
    scope.querySelectorAll("input.facet-filter").forEach(function (box) {
      var facet = box.closest("fieldset");
      var more = facet.querySelector("details.facet-more");
      var none = facet.querySelector(".facet-nomatch");
      var openBefore = null;
      box.hidden = false;
      var keyOf = function (li) { return li.getAttribute("data-filter") || ""; };
      var holds = function (key, words) {
        return words.every(function (w) { return key.indexOf(w) >= 0; });
      };
      box.addEventListener("input", function () {
        var words = fold(box.value).split(" ").filter(Boolean);
        var listed = 0;
        facet.querySelectorAll("ul.facet-list > li").forEach(function (li) {
          var own = holds(keyOf(li), words);
          var child = false;
          li.querySelectorAll("ul.facet-children > li").forEach(function (c) {
            var shows = own || holds(keyOf(li) + " " + keyOf(c), words);
            c.hidden = !shows;
            child = child || shows;
          });
          li.hidden = !(own || child);
          if (!li.hidden) listed += 1;
        });
        if (none) none.hidden = listed > 0;
        if (more && words.length) {
          if (openBefore === null) openBefore = more.open;
          more.open = true;
          // "More (N)" over nothing that matches would promise what is not there.
          more.hidden = !more.querySelector("ul.facet-list > li:not([hidden])");
        } else if (more && openBefore !== null) {
          more.open = openBefore;
          more.hidden = false;
          openBefore = null;
        }
      });
      // Enter in the box must not send the search form (the box has no name; it filters).
      box.addEventListener("keydown", function (event) {
        if (event.key === "Enter") event.preventDefault();
      });
    });
    }
    enhanceFacetFilters(document);

    // Results in place: with JavaScript a search (a tick, the sort, the year range, the box,
    // a chip's ×, a page link) fetches the page it would have loaded and swaps the part that
    // changes (#outcome), so the scroll position, the focused control and the open or folded
    // panels stay as they were; the address and history follow (back and forward work). Any
    // failure falls back to loading the page.
    var outcome = document.getElementById("outcome");
    // Empty fields and the default order stay out of the URL, so shared links stay short and
    // readable: the in-place URL and the plain submit below leave out the same fields.
    function leftOut(field) {
      return field.value === "" || (field.name === "sort" && field.value === "relevance") ||
        // Expansion is on by default: its ticked box (and the hidden `false` before it, which
        // only speaks for an unticked box) need not be sent.
        (field.name === "expand" && (field.value === "true" || expandTicked(field.form)));
    }
    function expandTicked(f) {
      var box = f && f.querySelector("#expand");
      return !!(box && box.checked);
    }
    function searchUrl(f) {
      var data = new URLSearchParams();
      f.querySelectorAll("input[name], select[name]").forEach(function (field) {
        if (field.disabled) return;
        if ((field.type === "checkbox" || field.type === "radio") && !field.checked) return;
        if (leftOut(field)) return;
        data.append(field.name, field.value);
      });
      var query = data.toString();
      return (f.getAttribute("action") || "/") + (query ? "?" + query : "");
    }
    // How to find the focused control again in the new content: its id, or its name and value.
    function focusKey(element) {
      if (!element || !outcome || !outcome.contains(element)) return null;
      if (element.id) return "#" + CSS.escape(element.id);
      if (element.name) {
        return element.tagName.toLowerCase() + "[name=\"" + CSS.escape(element.name) + "\"][value=\"" +
          CSS.escape(element.value) + "\"]";
      }
      return null;
    }
    var pending = null;
    // The search the page shows.
    var shown = window.location.pathname + window.location.search;
    function load(url, push, focusHits) {
      if (!outcome || !window.fetch || !window.DOMParser) {
        window.location.assign(url);
        return;
      }
      if (pending) pending.abort();
      var controller = window.AbortController ? new AbortController() : null;
      pending = controller;
      var key = focusKey(document.activeElement);
      outcome.setAttribute("aria-busy", "true");
      fetch(url, { headers: { Accept: "text/html" }, signal: controller ? controller.signal : undefined })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var next = new DOMParser().parseFromString(html, "text/html");
          var fresh = next.getElementById("outcome");
          if (!fresh) throw new Error("no results in the page");
          // Panels keep the state the reader gave them: the phone's filter panel, "More (N)".
          var filters = document.getElementById("filters");
          var filtersOpen = filters ? filters.open : null;
          var moreOpen = {};
          outcome.querySelectorAll("details.facet-more[data-facet]").forEach(function (d) {
            moreOpen[d.getAttribute("data-facet")] = d.open;
          });
          outcome.innerHTML = fresh.innerHTML;
          outcome.removeAttribute("aria-busy");
          document.title = next.title;
          var heading = document.querySelector("h1");
          var freshHeading = next.querySelector("h1");
          if (heading && freshHeading) heading.textContent = freshHeading.textContent;
          var newFilters = document.getElementById("filters");
          if (newFilters && filtersOpen !== null) newFilters.open = filtersOpen;
          outcome.querySelectorAll("details.facet-more[data-facet]").forEach(function (d) {
            var facet = d.getAttribute("data-facet");
            if (Object.prototype.hasOwnProperty.call(moreOpen, facet)) d.open = d.open || moreOpen[facet];
          });
          enhanceFacetFilters(outcome);
          if (push) history.pushState({ inPlace: true }, "", url);
          shown = url;
          var target = focusHits ? document.getElementById("hits") || document.getElementById("results")
            : key && outcome.querySelector(key);
          if (target) target.focus({ preventScroll: !focusHits });
          if (focusHits && target) target.scrollIntoView({ block: "start" });
        })
        .catch(function (error) {
          if (error && error.name === "AbortError") return;
          window.location.assign(url);
        });
    }
    if (outcome && form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        load(searchUrl(form), true, false);
      });
      // Chips, "clear filters", pages, the histogram's years: links to another search.
      outcome.addEventListener("click", function (event) {
        var link = event.target.closest("a[href]");
        // In-page links (a skip link to #hits) stay what they are.
        if (link && link.getAttribute("href").charAt(0) === "#") return;
        if (!link || event.defaultPrevented || event.button !== 0 ||
            event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        var href = new URL(link.href, window.location.href);
        if (href.origin !== window.location.origin || href.pathname !== "/") return;
        event.preventDefault();
        load(href.pathname + href.search, true, !!link.closest(".pagination"));
      });
      // Back and forward between searches; a move between #fragments of the same search (the
      // skip link) is not a search.
      window.addEventListener("popstate", function () {
        var url = window.location.pathname + window.location.search;
        if (url !== shown) load(url, false, false);
      });
      history.replaceState({ inPlace: true }, "", window.location.href);
    }

    // A search submitted as a page load leaves out the same fields (`leftOut`).
    document.querySelectorAll("form.search-form").forEach(function (f) {
      f.addEventListener("submit", function (event) {
        // Answered in place (above): the fields stay as they are.
        if (event.defaultPrevented) return;
        f.querySelectorAll("input[name], select[name]").forEach(function (field) {
          if (leftOut(field)) field.disabled = true;
        });
      });
    });
    // Coming back through history (bfcache) must find the fields usable again.
    window.addEventListener("pageshow", function () {
      document.querySelectorAll("form.search-form [disabled]").forEach(function (field) {
        field.disabled = false;
      });
    });

    // Facets fold away on phone-width screens; the <details> is open without JavaScript.
    var filters = document.getElementById("filters");
    if (filters && window.matchMedia) {
      var narrow = window.matchMedia("(max-width: 48rem)");
      filters.open = !narrow.matches;
      var follow = function (e) { filters.open = !e.matches; };
      if (narrow.addEventListener) narrow.addEventListener("change", follow);
    }

    // The syntax help closes on Esc and on a click outside it.
    var help = document.getElementById("syntax-help");
    if (help) {
      document.addEventListener("click", function (event) {
        if (help.open && !help.contains(event.target)) help.open = false;
      });
    }

    // Copy the citation.
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      var status = button.parentElement.querySelector(".copy-status");
      if (!source) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        // A pin-cite is a readonly field's value; the citation a paragraph's text.
        var field = source.tagName === "INPUT";
        var text = (field ? source.value : source.textContent).trim();
        var done = function () {
          if (status) status.textContent = status.getAttribute("data-copied") || "";
        };
        var fallback = function () {
          if (field) {
            source.select();
          } else {
            var range = document.createRange();
            range.selectNodeContents(source);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
          }
          try { if (document.execCommand("copy")) done(); } catch (e) { /* text stays selected */ }
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, fallback);
        } else {
          fallback();
        }
      });
    });

    // Step through the highlighted words of a document.
    var marks = Array.prototype.slice.call(document.querySelectorAll(".text mark"));
    var current = -1;
    function step(by) {
      if (!marks.length) return;
      if (current >= 0) marks[current].classList.remove("current");
      current = (current + by + marks.length) % marks.length;
      var mark = marks[current];
      mark.classList.add("current");
      mark.setAttribute("tabindex", "-1");
      mark.focus({ preventScroll: true });
      mark.scrollIntoView({ block: "center", behavior: "smooth" });
    }
    var next = document.querySelector("button.next-match");
    if (next && marks.length) {
      next.hidden = false;
      next.addEventListener("click", function () { step(1); });
    }

    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "Escape" && help && help.open) {
        help.open = false;
        help.querySelector("summary").focus();
        return;
      }
      if (isTyping(event.target)) return;
      if (event.key === "?" && help) {
        event.preventDefault();
        help.open = true;
        help.querySelector("summary").focus();
      } else if (event.key === "/" && query) {
        event.preventDefault();
        query.focus();
        query.select();
      } else if ((event.key === "n" || event.key === "N") && marks.length) {
        event.preventDefault();
        step(event.key === "n" ? 1 : -1);
      }
    });
  });
})();
