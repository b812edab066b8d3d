// Progressive enhancement only: every page works without this file.
// When an autosave cannot reach the server at all (no network, a timeout), htmx
// has no response to show, so say so here. The text stays in the page.
(function () {
  "use strict";
  function tell(event, message) {
    var form = event.target && event.target.closest ? event.target.closest("form") : null;
    var status = form ? form.querySelector(".save-status") : null;
    if (status) {
      status.textContent = message;
      status.classList.add("error");
    }
  }
  document.addEventListener("htmx:sendError", function (event) {
    tell(event, "Not saved: the server could not be reached. Your text is still on this page; press Save draft when you are back online.");
  });
  document.addEventListener("htmx:timeout", function (event) {
    tell(event, "Not saved: the server took too long to answer. Your text is still on this page; press Save draft to try again.");
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var status = event.target;
    if (status && status.classList && status.classList.contains("save-status")) {
      var failed = status.querySelector(".error");
      status.classList.toggle("error", Boolean(failed));
    }
  });

  // "Leave quickly": a plain link without JavaScript. With it, the page is replaced in
  // the history (location.replace), so Back does not bring this page up again.
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("[data-leave-quickly]") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    document.title = "";
    document.body.hidden = true;
    window.location.replace(link.href);
  });

  // "Show the codename": a masked box can show what was typed, so seven words can be
  // checked before pressing Log in. The button is hidden until this script runs.
  function revealControls() {
    document.querySelectorAll("[data-reveal]").forEach(function (button) {
      var box = document.getElementById(button.getAttribute("data-reveal"));
      if (!box) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        var showing = box.type === "text";
        box.type = showing ? "password" : "text";
        button.setAttribute("aria-pressed", showing ? "false" : "true");
        button.textContent = showing ? "Show the codename" : "Hide the codename";
        box.focus();
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", revealControls);
  } else {
    revealControls();
  }
})();
