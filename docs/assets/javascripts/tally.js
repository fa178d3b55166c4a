// Pre/post-test tallies in the room (results page, section "Count in the room").
//
// The page content is plain markup: <div class="tally" id="tally-<test>"> holding a table
// whose rows are <tr class="tally-item" id="tally-<test>-<item key>"> with empty
// <td class="tally-count tally-pre|tally-post"> cells. Without JavaScript that table is a
// printable tally sheet. This script turns the count cells into number inputs, draws the
// chart (inline SVG), keeps the counts in localStorage, prints the section and writes the
// data/results.yml text for the record. No network request; works from file:// too.
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var WHEN = ["pre", "post"];
  var STORE_PREFIX = "kurikulum-tally:";

  function storage() {
    try {
      var probe = STORE_PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private mode or storage switched off: the tool still works, unsaved
    }
  }

  function svgElement(name, attrs, text) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) {
      element.setAttribute(key, String(attrs[key]));
    });
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  function count(input) {
    var value = input.value.trim();
    if (value === "" || !/^\d+$/.test(value)) {
      return null;
    }
    return parseInt(value, 10);
  }

  function percent(correct, total) {
    if (correct === null || !total) {
      return null;
    }
    return Math.round((100 * correct) / total);
  }

  function Tally(root) {
    this.root = root;
    this.slug = root.id.replace(/^tally-/, "");
    this.key = STORE_PREFIX + this.slug;
    this.store = storage();
    this.rows = [];
    this.respondents = {};
    this.build();
    this.load();
    this.update(false);
    root.classList.add("is-live");
  }

  Tally.prototype.input = function (cell, label) {
    var input = document.createElement("input");
    input.type = "number";
    input.min = "0";
    input.step = "1";
    input.inputMode = "numeric";
    input.className = "tally-input";
    input.setAttribute("aria-label", label);
    var shown = document.createElement("span");
    shown.className = "tally-percent";
    cell.textContent = "";
    cell.appendChild(input);
    cell.appendChild(shown);
    input.addEventListener("input", this.update.bind(this, true));
    return { input: input, percent: shown };
  };

  Tally.prototype.build = function () {
    var self = this;
    var heads = this.root.querySelectorAll("thead th");
    var headText = function (cls) {
      for (var i = 0; i < heads.length; i += 1) {
        if (heads[i].classList.contains(cls)) {
          return heads[i].textContent.trim();
        }
      }
      return cls;
    };
    var respondents = this.root.querySelector("tr.tally-respondents");
    var respondentsLabel = respondents.querySelector("th").textContent.trim();
    WHEN.forEach(function (when) {
      self.respondents[when] = self.input(
        respondents.querySelector("td.tally-" + when),
        respondentsLabel + ", " + headText("tally-" + when)
      );
    });
    var prefix = this.root.id + "-";
    var items = this.root.querySelectorAll("tr.tally-item");
    for (var i = 0; i < items.length; i += 1) {
      var tr = items[i];
      var row = { key: tr.id.slice(prefix.length), number: tr.querySelector("th").textContent.trim() };
      WHEN.forEach(function (when) {
        row[when] = self.input(tr.querySelector("td.tally-" + when), row.number + ", " + headText("tally-" + when));
      });
      this.rows.push(row);
    }
    var print = this.root.querySelector(".tally-print");
    if (print) {
      print.addEventListener("click", this.print.bind(this));
    }
    var clear = this.root.querySelector(".tally-clear");
    if (clear) {
      clear.addEventListener("click", this.clear.bind(this, clear));
    }
    this.chart = this.root.querySelector("figure.tally-chart");
    this.yaml = this.root.querySelector(".tally-yaml code");
    this.warning = this.root.querySelector(".tally-warning");
    this.status = this.root.querySelector(".tally-status");
  };

  Tally.prototype.values = function () {
    var data = { respondents: {}, correct: {} };
    var self = this;
    WHEN.forEach(function (when) {
      data.respondents[when] = count(self.respondents[when].input);
    });
    this.rows.forEach(function (row) {
      data.correct[row.key] = { pre: count(row.pre.input), post: count(row.post.input) };
    });
    return data;
  };

  Tally.prototype.load = function () {
    if (!this.store) {
      return;
    }
    var saved;
    try {
      saved = JSON.parse(this.store.getItem(this.key) || "null");
    } catch (error) {
      saved = null;
    }
    if (!saved || typeof saved !== "object") {
      return;
    }
    var fill = function (input, value) {
      if (typeof value === "number" && value >= 0) {
        input.value = String(value);
      }
    };
    var self = this;
    WHEN.forEach(function (when) {
      fill(self.respondents[when].input, (saved.respondents || {})[when]);
    });
    this.rows.forEach(function (row) {
      var tally = (saved.correct || {})[row.key] || {};
      WHEN.forEach(function (when) {
        fill(row[when].input, tally[when]);
      });
    });
  };

  Tally.prototype.save = function (data) {
    if (!this.store) {
      return;
    }
    try {
      this.store.setItem(this.key, JSON.stringify(data));
      if (this.status) {
        this.status.classList.add("is-shown");
      }
    } catch (error) {
      // storage full or refused: the counts stay on the page
    }
  };

  Tally.prototype.update = function (save) {
    var data = this.values();
    var self = this;
    var tooMany = false;
    var sums = { pre: 0, post: 0 };
    var counted = { pre: 0, post: 0 };
    WHEN.forEach(function (when) {
      var total = data.respondents[when];
      self.rows.forEach(function (row) {
        var value = data.correct[row.key][when];
        var share = percent(value, total);
        // A count with no number of sheets yet is marked too: data/results.yml would refuse it.
        var over = value !== null && value > (total === null ? 0 : total);
        row[when].input.classList.toggle("tally-error", over);
        tooMany = tooMany || over;
        row[when].percent.textContent = share === null || over ? "" : share + "%";
        if (share !== null && !over) {
          sums[when] += share;
          counted[when] += 1;
        }
      });
    });
    if (this.warning) {
      this.warning.classList.toggle("is-shown", tooMany);
    }
    WHEN.forEach(function (when) {
      var average = self.root.querySelector(".tally-avg-" + when);
      if (average) {
        average.textContent = counted[when] ? Math.round(sums[when] / counted[when]) + "%" : "–";
      }
    });
    this.draw(data);
    this.writeYaml(data);
    if (save) {
      this.save(data);
    }
  };

  Tally.prototype.draw = function (data) {
    if (!this.chart) {
      return;
    }
    var old = this.chart.querySelector("svg");
    if (old) {
      old.remove();
    }
    var rows = this.rows;
    var svg = svgElement("svg", {
      xmlns: SVG,
      viewBox: "0 0 640 " + (12 + rows.length * 30),
      role: "img",
      "aria-label": this.chart.querySelector("figcaption") ? this.chart.querySelector("figcaption").textContent.trim() : "",
    });
    rows.forEach(function (row, index) {
      var y = 6 + index * 30;
      svg.appendChild(svgElement("text", { x: 30, y: y + 17, "text-anchor": "end" }, row.number));
      WHEN.forEach(function (when, offset) {
        var total = data.respondents[when];
        var value = data.correct[row.key][when];
        var share = percent(value, total);
        if (share === null || share > 100) {
          return;
        }
        var top = y + offset * 13;
        var bar = svgElement("rect", { x: 40, y: top, width: share * 5.4, height: 12, class: "bar-" + when });
        bar.setAttribute("data-key", row.key);
        svg.appendChild(bar);
        svg.appendChild(svgElement("text", { x: 44 + share * 5.4, y: top + 10 }, share + "%"));
      });
    });
    this.chart.insertBefore(svg, this.chart.firstChild);
  };

  Tally.prototype.writeYaml = function (data) {
    if (!this.yaml) {
      return;
    }
    var number = function (value) {
      return value === null ? 0 : value;
    };
    var lines = [
      "assessment: " + this.slug,
      "respondents:",
      "  pre: " + number(data.respondents.pre),
      "  post: " + number(data.respondents.post),
      "correct:",
    ];
    this.rows.forEach(function (row) {
      var tally = data.correct[row.key];
      lines.push("  " + row.key + ": {pre: " + number(tally.pre) + ", post: " + number(tally.post) + "}");
    });
    this.yaml.textContent = lines.join("\n") + "\n";
  };

  Tally.prototype.clear = function (button) {
    // Two clicks, no dialog: the first shows "click again" (for 5 seconds), the second clears.
    if (!button.classList.contains("is-armed")) {
      button.classList.add("is-armed");
      window.setTimeout(function () {
        button.classList.remove("is-armed");
      }, 5000);
      return;
    }
    button.classList.remove("is-armed");
    var inputs = this.root.querySelectorAll("input.tally-input");
    for (var i = 0; i < inputs.length; i += 1) {
      inputs[i].value = "";
    }
    if (this.store) {
      try {
        this.store.removeItem(this.key);
      } catch (error) {
        // nothing saved to remove
      }
    }
    if (this.status) {
      this.status.classList.remove("is-shown");
    }
    this.update(false);
  };

  Tally.prototype.print = function () {
    var html = document.documentElement;
    var root = this.root;
    html.classList.add("tally-printing");
    root.classList.add("is-printing");
    // Back to printing the whole page after this print: when the browser says the print is
    // over, or at the next click or key press on the page (some browsers never say).
    var events = ["afterprint", "pointerdown", "keydown"];
    var done = function () {
      html.classList.remove("tally-printing");
      root.classList.remove("is-printing");
      events.forEach(function (name) {
        window.removeEventListener(name, done, true);
      });
    };
    events.forEach(function (name) {
      window.addEventListener(name, done, true);
    });
    window.print();
  };

  function start() {
    var roots = document.querySelectorAll("div.tally[id^='tally-']");
    for (var i = 0; i < roots.length; i += 1) {
      if (!roots[i].classList.contains("is-live") && roots[i].querySelector("tr.tally-respondents")) {
        new Tally(roots[i]);
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
