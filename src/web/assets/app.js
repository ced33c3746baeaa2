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
        if (t.type === "checkbox" && t.closest(".facet")) submit();
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

    // Empty fields are left out of the URL, so shared links stay short and readable.
    document.querySelectorAll("form.search-form").forEach(function (f) {
      f.addEventListener("submit", function () {
        f.querySelectorAll("input[name], select[name]").forEach(function (field) {
          if (field.value === "" || (field.name === "sort" && field.value === "relevance")) {
            field.disabled = true;
          }
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
        var text = source.textContent.trim();
        var done = function () {
          if (status) status.textContent = status.getAttribute("data-copied") || "";
        };
        var fallback = function () {
          var range = document.createRange();
          range.selectNodeContents(source);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
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
