// quotes report: optional niceties. The page is complete without this script.
(function () {
  "use strict";
  var filters = document.querySelector(".filters");
  if (!filters) { return; }
  var speakerSelect = filters.querySelector("select[name=speaker]");
  var driftOnly = filters.querySelector("input[name=drift-only]");
  var shown = filters.querySelector("[data-shown]");
  var speakers = Array.prototype.slice.call(document.querySelectorAll("section.speaker"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("article.group"));
  filters.hidden = false;

  function apply() {
    var wanted = speakerSelect.value;
    var onlyDrift = driftOnly.checked;
    var visibleGroups = 0;
    speakers.forEach(function (section) {
      var match = !wanted || section.id === wanted;
      section.hidden = !match;
      section.querySelectorAll("article.group").forEach(function (group) {
        var keep = match && (!onlyDrift || group.getAttribute("data-drift") !== "0");
        group.hidden = !keep;
        if (keep) { visibleGroups += 1; }
      });
      var singles = section.querySelector(".singletons");
      if (singles) { singles.hidden = onlyDrift; }
    });
    shown.textContent = visibleGroups + " of " + groups.length + " groups shown";
  }

  speakerSelect.addEventListener("change", apply);
  driftOnly.addEventListener("change", apply);
  apply();
})();
