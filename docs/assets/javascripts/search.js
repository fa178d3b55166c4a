/*
 * The site's search (the index is made by hooks/kurikulum/search.py; see MAINTAINERS.md).
 *
 * Nothing is loaded at page load: when the reader opens search, the index of this page's
 * language (search/<lang>.js) and the stemmer it was made with (assets/javascripts/stemmer-*.js) are
 * added as <script> elements, which works from file:// (the offline copy) as well as over HTTP.
 * Words go through the same steps as at build time: folded, split, reduplications joined,
 * stemmed with the same Snowball algorithm. Results come only from this language's pages.
 */
(function () {
  "use strict";

  var TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
  var DIGIT = /[0-9]/;
  var K_DROPPED = /^[mp]eng[aiueo]/;
  var PREFIX_WEIGHT = 0.5;
  var MAX_RESULTS = 100;

  var indexes = {};
  var loading = {};
  var stemCache = {};

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function stemmerFor(lang) {
    var data = indexes[lang];
    var all = window.kurikulumStemmers || {};
    return data && data.stemmer ? all[data.stemmer] : null;
  }

  /* The same as Analyzer in hooks/kurikulum/search.py. */
  function analyzer(lang) {
    var stemmer = stemmerFor(lang);
    var stop = {};
    ((indexes[lang] || {}).stop || []).forEach(function (w) { stop[w] = true; });
    var cache = (stemCache[lang] = stemCache[lang] || {});
    function stem(word) {
      if (!stemmer || DIGIT.test(word)) return word;
      if (!Object.prototype.hasOwnProperty.call(cache, word)) cache[word] = stemmer(word);
      return cache[word];
    }
    /* [word, stem] pairs of one token; reduplications (anak-anak) are one pair. */
    function units(token, keepStop) {
      if (!keepStop && stop[token]) return [];
      var parts = token.split("-").filter(function (p) { return p; });
      if (parts.length === 2) {
        var one = stem(parts[0]), two = stem(parts[1]);
        if (one === two) return [[parts[0], one]];
        if (one.endsWith(two)) return [[parts[1], two]];
        if (parts[0].endsWith(parts[1]) || parts[0].endsWith(two)) return [[parts[0], one]];
      }
      return parts.filter(function (p) { return p.length > 1 || DIGIT.test(p); })
        .map(function (p) { return [p, stem(p)]; });
    }
    /* Other stems where Snowball's Indonesian stemmer may cut too much (see search.py). */
    function alternatives(word, base) {
      var data = indexes[lang];
      if (!data || !data.expand) return [];
      var found = [];
      if (K_DROPPED.test(word) && "aiueo".indexOf(base.charAt(0)) >= 0 && base) found.push("k" + base);
      if (word.indexOf(base + "kan") >= 0) found.push(base + "k");
      found.push(word);
      var out = [];
      found.forEach(function (alt) {
        if (alt !== base && Object.prototype.hasOwnProperty.call(data.terms, alt) && out.indexOf(alt) < 0) out.push(alt);
      });
      return out;
    }
    function groups(token, keepStop) {
      return units(token, keepStop).map(function (u) { return [u[1]].concat(alternatives(u[0], u[1])); });
    }
    function terms(text) {
      var out = [];
      (fold(text).match(TOKEN) || []).forEach(function (token) {
        units(token).forEach(function (u) { out.push(u[1]); });
      });
      return out;
    }
    return { stem: stem, units: units, groups: groups, terms: terms, stop: stop };
  }

  /* doc number -> score for one term (the index counts each doc number from the previous). */
  function postings(data, term) {
    if (!Object.prototype.hasOwnProperty.call(data.terms, term)) return {};
    var list = data.terms[term], found = {}, doc = 0;
    for (var i = 0; i < list.length; i += 2) {
      doc += list[i];
      found[doc] = list[i + 1];
    }
    return found;
  }

  function keysStartingWith(data, prefix) {
    if (!data.keys) data.keys = Object.keys(data.terms).sort();
    var keys = data.keys, lo = 0, hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    var out = [];
    for (var i = lo; i < keys.length && keys[i].startsWith(prefix); i++) out.push(keys[i]);
    return out;
  }

  /* Pages matching the query, best first: [{url, title, page, text}] (one entry per page). */
  function search(query, lang) {
    var data = indexes[lang];
    if (!data) return [];
    var analyze = analyzer(lang);
    var tokens = fold(query).match(TOKEN) || [];
    var onlyStop = tokens.every(function (token) { return analyze.stop[token]; });
    var wanted = [];  // one entry per word: its stem and alternatives (any of them matches)
    tokens.forEach(function (token, at) {
      analyze.groups(token, onlyStop).forEach(function (group) {
        var key = group.join(" ");
        if (!wanted.some(function (w) { return w.key === key; })) wanted.push({ key: key, terms: group, at: at });
      });
    });
    if (!wanted.length) return [];
    var typing = !/\s$/.test(query) && tokens.length > 0;
    var last = typing ? tokens[tokens.length - 1] : "";
    var scores = {}, hits = {};
    wanted.forEach(function (entry) {
      var found = {};
      function add(more, weight) {
        Object.keys(more).forEach(function (doc) {
          var s = more[doc] * weight;
          if (!(doc in found) || found[doc] < s) found[doc] = s;
        });
      }
      entry.terms.forEach(function (term) { add(postings(data, term), 1); });
      if (entry.at === tokens.length - 1 && last && last.indexOf("-") < 0 && last.length >= 3) {
        var term = entry.terms[0];
        var prefixes = [term];
        if (last !== term) prefixes.push(last);
        prefixes.forEach(function (prefix) {
          keysStartingWith(data, prefix).forEach(function (key) {
            if (entry.terms.indexOf(key) < 0) add(postings(data, key), PREFIX_WEIGHT);
          });
        });
      }
      Object.keys(found).forEach(function (doc) {
        scores[doc] = (scores[doc] || 0) + found[doc];
        hits[doc] = (hits[doc] || 0) + 1;
      });
    });
    var docs = Object.keys(scores);
    var most = docs.reduce(function (m, d) { return Math.max(m, hits[d]); }, 0);
    var best = {};
    docs.forEach(function (d) {
      if (hits[d] < most) return;
      var doc = data.docs[d], page = doc[0];
      if (!best[page] || best[page].score < scores[d]) best[page] = { doc: +d, score: scores[d] };
    });
    return Object.keys(best)
      .map(function (p) { return best[p]; })
      .sort(function (a, b) { return b.score - a.score || a.doc - b.doc; })
      .map(function (hit) {
        var doc = data.docs[hit.doc], page = data.pages[doc[0]];
        return {
          url: page[0] + (doc[1] ? "#" + doc[1] : ""),
          page: page[0],
          pageTitle: page[1],
          title: doc[2],
          text: doc[3],
          score: hit.score
        };
      });
  }

  function addScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  /* Loads this language's index and stemmer (once); resolves when search can answer. */
  function ensure(dialog) {
    var lang = dialog.getAttribute("data-lang");
    var root = dialog.getAttribute("data-root") || ".";
    if (!loading[lang]) {
      loading[lang] = addScript(dialog.getAttribute("data-index")).then(function () {
        var data = indexes[lang];
        if (!data) throw new Error("no search index for " + lang);
        var all = window.kurikulumStemmers || {};
        if (data.stemmer && !all[data.stemmer]) {
          return addScript(root.replace(/\/$/, "") + "/" + data.stemmer_file);
        }
      }).then(function () {
        if (indexes[lang].stemmer && !stemmerFor(lang)) throw new Error("no stemmer " + indexes[lang].stemmer);
        return lang;
      });
      loading[lang].catch(function () { delete loading[lang]; });
    }
    return loading[lang];
  }

  function count(dialog, n) {
    if (n === 0) return dialog.getAttribute("data-none");
    if (n === 1) return dialog.getAttribute("data-one");
    return dialog.getAttribute("data-other").replace("#", String(n));
  }

  function render(dialog, results) {
    var list = dialog.querySelector("[data-site-search-results]");
    var root = (dialog.getAttribute("data-root") || ".").replace(/\/$/, "");
    list.textContent = "";
    results.slice(0, MAX_RESULTS).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.className = "site-search__result";
      link.href = root + "/" + hit.url;
      var title = document.createElement("span");
      title.className = "site-search__result-title";
      title.textContent = hit.title || hit.pageTitle;
      link.appendChild(title);
      if (hit.title && hit.title !== hit.pageTitle) {
        var page = document.createElement("span");
        page.className = "site-search__result-page";
        page.textContent = hit.pageTitle;
        link.appendChild(page);
      }
      if (hit.text) {
        var text = document.createElement("span");
        text.className = "site-search__result-text";
        text.textContent = hit.text;
        link.appendChild(text);
      }
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function setup() {
    var dialog = document.getElementById("site-search");
    var opener = document.querySelector("[data-site-search-open]");
    if (!dialog || !opener || typeof dialog.showModal !== "function") return;
    var input = dialog.querySelector("#site-search-input");
    var status = dialog.querySelector("#site-search-status");
    var list = dialog.querySelector("[data-site-search-results]");
    var ready = false;
    opener.hidden = false;

    function update() {
      if (!ready) return;
      var query = input.value;
      if (!query.trim()) {
        list.textContent = "";
        status.textContent = dialog.getAttribute("data-placeholder");
        return;
      }
      var results = search(query, dialog.getAttribute("data-lang"));
      render(dialog, results);
      status.textContent = count(dialog, results.length);
    }

    function open() {
      if (!dialog.open) dialog.showModal();
      input.focus();
      if (!ready) {
        status.textContent = dialog.getAttribute("data-loading");
        ensure(dialog).then(function () {
          ready = true;
          update();
        }, function () {
          status.textContent = dialog.getAttribute("data-failed");
        });
      }
    }

    opener.addEventListener("click", open);
    dialog.querySelector("[data-site-search-close]").addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("close", function () { opener.focus(); });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();  // a click on the backdrop
    });
    input.addEventListener("input", update);
    dialog.querySelector("[data-site-search-form]").addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) first.click();
    });
    list.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a");
      if (link && link.pathname === location.pathname && link.hash) dialog.close();
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      if (!links.length) return;
      var at = links.indexOf(document.activeElement);
      var next;
      if (event.key === "ArrowDown") next = at < 0 ? links[0] : links[Math.min(at + 1, links.length - 1)];
      else next = at <= 0 ? input : links[at - 1];
      if (at < 0 && document.activeElement !== input) return;
      event.preventDefault();
      next.focus();
    });
    document.addEventListener("keydown", function (event) {
      if (dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (event.key === "/" || event.key === "s" || event.key === "S") {
        event.preventDefault();
        open();
      }
    });
  }

  window.kurikulumSearch = {
    load: function (data) { indexes[data.lang] = data; },
    search: search,
    terms: function (text, lang) { return analyzer(lang).terms(text); },
    groups: function (token, lang) { return analyzer(lang).groups(token); },
    ensure: function () { return ensure(document.getElementById("site-search")); },
    indexes: indexes
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
