// Live totals and bands for the PHQ-9 and GAD-7 sections of the screening form. The service computes
// the authoritative scores; these only help the clinician while answering.
(function () {
  "use strict";
  var bands = {
    phq9: [[20, "severe"], [15, "moderately severe"], [10, "moderate"], [5, "mild"], [0, "minimal"]],
    gad7: [[15, "severe"], [10, "moderate"], [5, "mild"], [0, "minimal"]]
  };
  function update(fieldset) {
    var kind = fieldset.getAttribute("data-score");
    var total = 0, answered = 0, selects = fieldset.querySelectorAll("select");
    selects.forEach(function (select) {
      if (select.value !== "") { total += Number(select.value); answered++; }
    });
    var score = document.getElementById(kind + "-score");
    var band = document.getElementById(kind + "-band");
    if (answered === 0) { score.textContent = "–"; band.textContent = ""; return; }
    score.textContent = String(total);
    var name = bands[kind].find(function (b) { return total >= b[0]; })[1];
    band.textContent = "(" + name + (answered < selects.length ? ", " + (selects.length - answered) + " unanswered" : "") + ")";
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("fieldset[data-score]").forEach(function (fieldset) {
      fieldset.addEventListener("change", function () { update(fieldset); });
      update(fieldset);
    });
  });
})();
