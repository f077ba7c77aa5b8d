/* Belvedere's first-party tracker: page views without cookies, Plausible's event format.
   Respects Do-Not-Track; follows history.pushState for single-page navigation.
   <script defer src="/static/analytics/t.js" data-api="/api/event"></script>
   Custom events: window.belvedere("Signup", {props: {plan: "free"}}) */
(function () {
  "use strict";
  var script = document.currentScript;
  var api = (script && script.getAttribute("data-api")) || "/api/event";
  var domain = (script && script.getAttribute("data-domain")) || location.hostname;
  var dnt = navigator.doNotTrack || window.doNotTrack || navigator.msDoNotTrack;
  var lastPath = null;

  function send(name, options) {
    if (dnt === "1" || dnt === "yes") return;
    var body = JSON.stringify({
      n: name, u: location.href, d: domain, r: document.referrer || null,
      w: window.innerWidth, p: (options && options.props) || undefined
    });
    if (navigator.sendBeacon && navigator.sendBeacon(api, new Blob([body], {type: "text/plain"}))) return;
    if (window.fetch) fetch(api, {method: "POST", body: body, keepalive: true,
                                  headers: {"Content-Type": "text/plain"}}).catch(function () {});
  }

  function pageview() {
    if (lastPath === location.pathname) return;
    lastPath = location.pathname;
    send("pageview");
  }

  var push = history.pushState;
  if (push) {
    history.pushState = function () { push.apply(this, arguments); pageview(); };
    window.addEventListener("popstate", pageview);
  }
  window.belvedere = function (name, options) { send(name, options); };
  if (document.visibilityState === "prerender") {
    document.addEventListener("visibilitychange", function once() {
      if (document.visibilityState === "visible") { document.removeEventListener("visibilitychange", once); pageview(); }
    });
  } else {
    pageview();
  }
})();
