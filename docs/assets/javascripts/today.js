// The "today" page (hari-ini.html): shows the run-sheet of the training day in progress, marks
// the block running now from the device clock in the programme's time zone, and names the next
// block. Its data is the JSON in the data-today attribute of <div class="today"> (written by
// the build from data/programme.yml); nothing is fetched, so it works from file:// too. Without
// JavaScript the page is the plain run-sheet of every day.
(function () {
  "use strict";

  var root = document.querySelector(".today[data-today]");
  if (!root) return;
  var data;
  try {
    data = JSON.parse(root.getAttribute("data-today"));
  } catch (error) {
    return;
  }
  var labels = data.labels || {};
  var STORE = "today-day";

  function minutes(clock) {
    var parts = clock.split(":");
    return parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10);
  }
  function clock(total) {
    var h = Math.floor(total / 60) % 24;
    var m = total % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }
  // The date (YYYY-MM-DD) and minutes since midnight in the programme's time zone.
  function now() {
    var shifted = new Date(Date.now() + data.offset * 60000);
    return {
      date: shifted.toISOString().slice(0, 10),
      minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
    };
  }
  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }
  function rowsOf(day) {
    var table = document.querySelector("#today-day-" + day.n + " table");
    return table ? table.querySelectorAll("tbody tr") : [];
  }
  function titleOf(row) {
    var cell = row && row.cells[1];
    return cell ? cell.textContent.trim() : "";
  }

  // The live part: status line and day picker. Hidden in print (site.css).
  var live = document.createElement("div");
  live.className = "today-live";
  var status = document.createElement("p");
  status.className = "today-status";
  status.setAttribute("aria-live", "polite");
  var picker = document.createElement("p");
  picker.className = "today-picker";
  var pickLabel = document.createElement("span");
  pickLabel.textContent = labels.pick || "";
  picker.appendChild(pickLabel);
  var buttons = [];
  data.days.forEach(function (day) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = String(day.n);
    button.setAttribute("data-day", String(day.n));
    button.addEventListener("click", function () {
      chosen = day;
      try {
        window.localStorage.setItem(STORE, String(day.n));
      } catch (error) {
        /* storage may be off; the choice then lasts for this visit */
      }
      update();
    });
    picker.appendChild(button);
    buttons.push(button);
  });
  live.appendChild(picker);
  live.appendChild(status);
  root.appendChild(live);

  function line(label, row, span) {
    var p = document.createElement("span");
    p.className = "today-line";
    var strong = document.createElement("strong");
    strong.textContent = label + " " + span[0] + "–" + span[1] + ": ";
    p.appendChild(strong);
    p.appendChild(document.createTextNode(titleOf(row)));
    var link = row && row.querySelector("a[href]");
    if (link) {
      p.appendChild(document.createTextNode(" · "));
      var a = document.createElement("a");
      a.href = link.getAttribute("href");
      a.textContent = link.textContent;
      p.appendChild(a);
    }
    return p;
  }

  var chosen = null;
  (function choose() {
    var today = now().date;
    data.days.forEach(function (day) {
      if (day.date === today) chosen = day;
    });
    if (chosen) return;
    var stored = null;
    try {
      stored = window.localStorage.getItem(STORE);
    } catch (error) {
      stored = null;
    }
    data.days.forEach(function (day) {
      if (String(day.n) === stored) chosen = day;
    });
    chosen = chosen || data.days[0];
  })();

  function update() {
    var at = now();
    data.days.forEach(function (day) {
      var section = document.getElementById("today-day-" + day.n);
      var heading = document.getElementById("day-" + day.n);
      var shown = day === chosen;
      if (section) section.hidden = !shown;
      if (heading) heading.hidden = !shown;
      if (heading && heading.nextElementSibling && heading.nextElementSibling.tagName === "P") {
        heading.nextElementSibling.hidden = !shown;
      }
      rowsOf(day).forEach(function (row) {
        row.classList.remove("today-now", "today-next");
        row.removeAttribute("aria-current");
      });
    });
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-day") === String(chosen.n)));
      button.classList.toggle("md-button--primary", button.getAttribute("data-day") === String(chosen.n));
    });
    status.textContent = "";
    status.appendChild(document.createTextNode((labels.clock || "") + " " + clock(at.minutes) + " " + data.tz + ". "));
    if (chosen.date && chosen.date !== at.date) {
      status.appendChild(document.createTextNode(fill(labels["not-today"], { date: chosen.date })));
      return;
    }
    if (!chosen.date) {
      status.appendChild(document.createTextNode(labels["no-date"] || ""));
    }
    var rows = rowsOf(chosen);
    var current = -1;
    var next = -1;
    chosen.rows.forEach(function (span, index) {
      if (span[2] === "session") return;
      var start = minutes(span[0]);
      var end = minutes(span[1]);
      if (start <= at.minutes && at.minutes < end) current = index;
      else if (start >= at.minutes && next === -1 && (current === -1 || index > current)) next = index;
    });
    var block = document.createElement("span");
    block.className = "today-lines";
    if (current >= 0) {
      rows[current].classList.add("today-now");
      rows[current].setAttribute("aria-current", "time");
      block.appendChild(line(labels.now, rows[current], chosen.rows[current]));
    }
    if (next >= 0) {
      rows[next].classList.add("today-next");
      block.appendChild(line(labels.next, rows[next], chosen.rows[next]));
    }
    if (current < 0 && next >= 0 && chosen.rows.length && at.minutes < minutes(chosen.rows[0][0])) {
      status.appendChild(document.createTextNode(" " + fill(labels.before, { time: chosen.rows[0][0] })));
    } else if (current < 0 && next < 0) {
      status.appendChild(document.createTextNode(" " + (labels.after || "")));
    }
    status.appendChild(block);
    if (current >= 0 && rows[current].scrollIntoView && !update.scrolled) {
      update.scrolled = true;
      rows[current].scrollIntoView({ block: "center" });
    }
  }

  update();
  window.setInterval(update, 30000);
})();
