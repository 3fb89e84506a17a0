// glose room page: keeps the stop current from the event stream and sends votes without
// leaving the page. Every text goes through textContent: nothing received is parsed as HTML.
"use strict";
(function () {
  var body = document.body;
  var main = document.getElementById("stop");
  var live = document.getElementById("live");
  function label(name) { return body.getAttribute("data-l-" + name) || ""; }
  function el(tag, cls, txt) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (txt !== undefined && txt !== null) e.textContent = txt;
    return e;
  }
  var ballots = {}; // "rev-stop" of the poll -> the answer this page sent
  var current = null;
  function number(v) {
    var s = String(Math.round(v * 100) / 100);
    return document.documentElement.lang === "fr" ? s.replace(".", ",") : s;
  }
  function render(state) {
    current = state;
    main.textContent = "";
    if (state.stop === null || state.stop === undefined) return;
    if (state.blanked) { main.appendChild(el("p", "paused", label("paused"))); return; }
    main.appendChild(el("p", "progress", label("stop") + " " + (state.stop + 1) + "/" + state.stops));
    main.appendChild(el("h1", null, state.title));
    if (state.heading) main.appendChild(el("h2", null, state.heading));
    if (state.passage) {
      var q = el("blockquote", "passage"), p = el("p");
      p.appendChild(document.createTextNode(state.passage.before));
      if (state.passage.marked) {
        var m = el("mark", null, state.passage.marked);
        m.title = state.passage.kind;
        p.appendChild(m);
      }
      p.appendChild(document.createTextNode(state.passage.after));
      q.appendChild(p);
      main.appendChild(q);
    }
    if (state.big) main.appendChild(el("p", "big", state.big));
    if (state.verdict) {
      var v = el("section", "verdict");
      if (state.verdict.label) v.appendChild(el("h2", null, label("verdict") + (document.documentElement.lang === "fr" ? "\u00a0: " : ": ") + state.verdict.label));
      if (state.verdict.source) v.appendChild(el("p", "source", label("source") + " " + state.verdict.source));
      if (state.verdict.note) v.appendChild(el("p", null, state.verdict.note));
      main.appendChild(v);
    }
    if (state.questions && state.questions.length) {
      var ul = el("ul", "questions");
      state.questions.forEach(function (t) { ul.appendChild(el("li", null, t)); });
      main.appendChild(ul);
    }
    if (state.poll) main.appendChild(poll(state));
  }
  function poll(state) {
    var form = el("form", "poll");
    form.method = "post";
    form.action = body.getAttribute("data-vote");
    var fs = el("fieldset");
    fs.disabled = !!state.revealed;
    fs.appendChild(el("legend", null, label("vote")));
    var hidden = el("input");
    hidden.type = "hidden"; hidden.name = "stop"; hidden.value = state.stop;
    fs.appendChild(hidden);
    var mine = ballots[state.stop];
    var results = state.results;
    if (state.poll.kind === "choices") {
      state.poll.choices.forEach(function (choice, i) {
        var b = el("button");
        b.type = "submit"; b.name = "choice"; b.value = String(i + 1);
        b.setAttribute("aria-pressed", mine === i + 1 ? "true" : "false");
        b.appendChild(el("span", "n", String(i + 1)));
        b.appendChild(document.createTextNode(" " + choice));
        if (results && results.counts) b.appendChild(el("span", "count", " " + results.counts[i]));
        fs.appendChild(b);
      });
    } else {
      var l = el("label"), input = el("input");
      input.type = "number"; input.name = "value"; input.min = state.poll.min; input.max = state.poll.max;
      input.step = "any"; input.required = true; input.setAttribute("inputmode", "decimal");
      if (mine !== undefined) input.value = mine;
      l.appendChild(input);
      l.appendChild(document.createTextNode(" " + state.poll.unit));
      fs.appendChild(l);
      var send = el("button", null, label("send"));
      send.type = "submit";
      fs.appendChild(send);
      if (results) {
        var t = results.answers + " " + label("answers");
        if (results.median !== null && results.median !== undefined) t += " · " + label("median") + " " + number(results.median);
        if (results.answer !== null && results.answer !== undefined) t += " · " + label("answer") + " " + results.answer + " " + state.poll.unit;
        fs.appendChild(el("p", "results", t));
      }
    }
    form.appendChild(fs);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var submitter = event.submitter;
      var data = new URLSearchParams();
      data.set("stop", String(state.stop));
      var answer;
      if (state.poll.kind === "choices") {
        if (!submitter || !submitter.value) return;
        data.set("choice", submitter.value);
        answer = Number(submitter.value);
      } else {
        var field = form.querySelector("input[name=value]");
        data.set("value", field.value);
        answer = field.value;
      }
      fetch(form.action, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-Requested-With": "glose" }
      }).then(function (r) {
        return r.text().then(function (t) {
          live.textContent = t;
          if (r.ok) {
            ballots[state.stop] = answer;
            if (current) render(current);
          }
        });
      }).catch(function () { live.textContent = label("waiting"); });
    });
    return form;
  }
  var initial = document.getElementById("state");
  if (initial) {
    try { current = JSON.parse(initial.textContent); } catch (e) { current = null; }
  }
  if (!window.EventSource) return;
  var source = new EventSource(body.getAttribute("data-events"));
  source.addEventListener("state", function (event) {
    var state;
    try { state = JSON.parse(event.data); } catch (e) { return; }
    if (current && state.stop !== current.stop) live.textContent = "";
    render(state);
    body.setAttribute("data-rev", String(state.rev));
  });
  source.addEventListener("open", function () {
    if (live.textContent === label("waiting")) live.textContent = "";
  });
  source.addEventListener("error", function () { live.textContent = label("waiting"); });
})();
