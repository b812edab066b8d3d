// Keyboard shortcuts for the moderation queue. Every decision is an ordinary form
// that works without this file: j/k move between items, a approves, h holds, and r
// moves to the reason of the rejection (Enter then sends it).
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-queue-item]"));
  if (!items.length) { return; }
  var current = 0;

  function select(index) {
    if (index < 0 || index >= items.length) { return; }
    items[current].classList.remove("is-current");
    current = index;
    items[current].classList.add("is-current");
    items[current].focus();
  }

  function submit(kind) {
    var form = items[current].querySelector('form[data-decision="' + kind + '"]');
    if (!form) { return; }
    if (kind === "reject") {
      var reason = form.querySelector("select");
      if (reason) { reason.focus(); return; }
    }
    form.submit();
  }

  items[0].classList.add("is-current");
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var tag = (event.target && event.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    var keys = { j: function () { select(current + 1); }, k: function () { select(current - 1); },
                 a: function () { submit("approve"); }, h: function () { submit("hold"); },
                 r: function () { submit("reject"); } };
    var action = keys[event.key];
    if (action) { event.preventDefault(); action(); }
  });
}());
