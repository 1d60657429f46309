/*
 * Live dashboard of the order tracker, over the SockJS event-bus bridge (@vertx/eventbus-bridge-client.js).
 * No build step: plain browser JavaScript. The JWT comes from the page URL (?token=...), the address prefix from
 * ?prefix= (default "orders"). On every (re)connect it registers for every event type and re-queries active
 * orders, recent completed orders and the stats, so a dropped connection catches up on its own.
 */
(function () {
  'use strict';

  var EVENT_TYPES = ['ORDER_PLACED', 'ORDER_PARTIALLY_FILLED', 'ORDER_FILLED', 'ORDER_CANCELLED',
    'ERROR_OCCURRED', 'ORDER_LOST'];
  var FINAL = { FILLED: true, CANCELLED: true, EXPIRED: true, FAILED: true };
  var MAX_FEED = 200, MAX_COMPLETED = 25, CHART_MINUTES = 15;

  var params = new URLSearchParams(window.location.search);
  var token = params.get('token') || '';
  if (params.has('token') && window.history && window.history.replaceState) {
    // the token stays in memory only: not in the address bar, the browser history or a bookmark
    params.delete('token');
    var rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
  }
  var prefix = params.get('prefix') || 'orders';
  var trackerAddress = prefix + '.tracker';
  var historyAddress = prefix + '.history';
  var lastSeq = 0;             // highest event sequence shown
  var seen = new Set();        // recent sequences shown (a replayed event is never shown twice)

  var active = new Map();      // key symbol|order_id -> order (plain object, wire JSON)
  var completed = [];          // most recent first
  var fillsPerMinute = new Map(); // epoch minute -> count
  var statsTimer = null;
  var eb = null;

  function key(o) { return o.symbol + '|' + o.order_id; }
  function $(id) { return document.getElementById(id); }
  function text(v) { return v === null || v === undefined ? '' : String(v); }
  function time(iso) { return iso ? iso.substring(11, 19) : ''; }

  function cell(row, value, cls) {
    var td = document.createElement('td');
    td.textContent = text(value);
    if (cls) { td.className = cls; }
    row.appendChild(td);
    return td;
  }

  function statusCell(row, status) {
    var td = document.createElement('td');
    var span = document.createElement('span');
    span.className = 'status s-' + status;
    span.textContent = status;
    td.appendChild(span);
    row.appendChild(td);
  }

  function renderActive(flashKey) {
    var body = $('active').tBodies[0];
    body.textContent = '';
    var orders = Array.from(active.values()).sort(function (a, b) {
      return text(a.created_at).localeCompare(text(b.created_at));
    });
    orders.forEach(function (o) {
      var tr = document.createElement('tr');
      tr.dataset.orderId = o.order_id;
      tr.dataset.clientOrderId = o.client_order_id || '';
      tr.dataset.status = o.status;
      if (key(o) === flashKey) { tr.className = 'flash'; }
      cell(tr, o.order_id); cell(tr, o.symbol); cell(tr, o.side, 'side-' + o.side); cell(tr, o.order_type);
      cell(tr, o.quantity, 'num'); cell(tr, o.price, 'num'); cell(tr, o.filled_quantity, 'num');
      cell(tr, o.average_price, 'num'); statusCell(tr, o.status); cell(tr, time(o.updated_at));
      body.appendChild(tr);
    });
    $('active-count').textContent = orders.length;
    $('active-empty').style.display = orders.length ? 'none' : '';
  }

  function renderCompleted(flashKey) {
    var body = $('completed').tBodies[0];
    body.textContent = '';
    completed.forEach(function (o) {
      var tr = document.createElement('tr');
      tr.dataset.orderId = o.order_id;
      tr.dataset.clientOrderId = o.client_order_id || '';
      tr.dataset.status = o.status;
      if (key(o) === flashKey) { tr.className = 'flash'; }
      cell(tr, o.order_id); cell(tr, o.symbol); cell(tr, o.side, 'side-' + o.side);
      cell(tr, o.filled_quantity, 'num'); cell(tr, o.average_price, 'num'); statusCell(tr, o.status);
      cell(tr, time(o.updated_at));
      body.appendChild(tr);
    });
    $('completed-empty').style.display = completed.length ? 'none' : '';
  }

  function renderStats(stats) {
    document.querySelectorAll('[data-stat]').forEach(function (el) {
      var v = stats[el.dataset.stat];
      el.textContent = v === undefined ? '–' : v;
    });
  }

  function addFeed(type, o, priority) {
    var li = document.createElement('li');
    li.className = 'e-' + type + (priority >= 9 ? ' high' : '');
    var t = document.createElement('span'); t.className = 't'; t.textContent = time(o.updated_at) || '--:--:--';
    var ty = document.createElement('span'); ty.className = 'type'; ty.textContent = type;
    var p = document.createElement('span'); p.className = 'prio'; p.textContent = 'p' + priority + ' #' + text(o.sequence);
    var what = document.createElement('span');
    what.textContent = o.symbol + ' ' + o.order_id + ' ' + text(o.side) + ' ' + text(o.filled_quantity) + '/' +
      text(o.quantity) + (o.average_price ? ' @ ' + o.average_price : '') +
      (o.error_message ? ' — ' + o.error_message : '');
    li.appendChild(t); li.appendChild(ty); li.appendChild(p); li.appendChild(what);
    var feed = $('feed');
    feed.insertBefore(li, feed.firstChild);
    while (feed.children.length > MAX_FEED) { feed.removeChild(feed.lastChild); }
  }

  function countFill(when) {
    var minute = Math.floor(when / 60000);
    fillsPerMinute.set(minute, (fillsPerMinute.get(minute) || 0) + 1);
  }

  function drawChart() {
    var canvas = $('fills-chart');
    var ratio = window.devicePixelRatio || 1;
    var w = canvas.clientWidth || canvas.width, h = canvas.clientHeight || canvas.height;
    canvas.width = w * ratio; canvas.height = h * ratio;
    var g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, h);
    var now = Math.floor(Date.now() / 60000);
    var values = [], max = 1;
    for (var m = now - CHART_MINUTES + 1; m <= now; m++) {
      var v = fillsPerMinute.get(m) || 0;
      values.push(v); max = Math.max(max, v);
    }
    var left = 28, bottom = h - 18, top = 8, slot = (w - left - 4) / values.length;
    g.strokeStyle = '#26313d'; g.fillStyle = '#8a97a6'; g.font = '11px sans-serif'; g.lineWidth = 1;
    (max >= 2 ? [0, 0.5, 1] : [0, 1]).forEach(function (f) {
      var y = bottom - (bottom - top) * f;
      g.beginPath(); g.moveTo(left, y); g.lineTo(w, y); g.stroke();
      g.fillText(String(Math.round(max * f)), 2, y + 4);
    });
    values.forEach(function (v, i) {
      var barH = (bottom - top) * v / max;
      g.fillStyle = i === values.length - 1 ? '#3ecf8e' : 'rgba(62, 207, 142, 0.55)';
      g.fillRect(left + i * slot + 2, bottom - barH, Math.max(2, slot - 4), barH);
    });
    g.fillStyle = '#8a97a6';
    g.fillText('-' + CHART_MINUTES + ' min', left, h - 4);
    g.fillText('now', w - 26, h - 4);
  }

  function onEvent(err, msg) {
    if (err) { showError(err.message || String(err)); return; }
    var o = msg.body;
    if (typeof o.sequence === 'number') {
      if (seen.has(o.sequence)) { return; } // already shown (replayed after a reconnect)
      remember(o.sequence);
    }
    var type = o.event_type || (msg.headers && msg.headers.event_type);
    addFeed(type, o, Number(o.priority || (msg.headers && msg.headers.priority) || 0));
    var k = key(o);
    if (FINAL[o.status]) {
      active.delete(k);
      completed = [o].concat(completed.filter(function (c) { return key(c) !== k; })).slice(0, MAX_COMPLETED);
      renderCompleted(k);
    } else {
      active.set(k, Object.assign(active.get(k) || {}, o));
    }
    renderActive(k);
    if (type === 'ORDER_FILLED' || type === 'ORDER_PARTIALLY_FILLED') {
      countFill(Date.parse(o.updated_at) || Date.now());
      drawChart();
    }
    scheduleStats();
  }

  function remember(sequence) {
    seen.add(sequence);
    if (seen.size > 5000) { seen.delete(seen.values().next().value); }
    if (sequence > lastSeq) { lastSeq = sequence; }
  }

  // Gapless catch-up after a reconnect: the events published while we were away, from the tracker's journal
  // (orders.history, present when the tracker runs with a store). Without a store the request fails and the
  // re-queried active/completed orders above are the catch-up.
  function replayMissed() {
    if (lastSeq <= 0) { return Promise.resolve(0); }
    var from = lastSeq;
    return requestTo(historyAddress, 'eventsSince', { afterSequence: from, limit: MAX_FEED }).then(function (page) {
      var replayed = 0;
      (page.events || []).forEach(function (e) {
        if (e.sequence > from && !seen.has(e.sequence)) {
          remember(e.sequence);
          addFeed(e.event_type, e, Number(e.priority || 0));
          replayed++;
        }
      });
      document.body.dataset.replayed = String(replayed);
      return replayed;
    }, function () { return 0; });
  }

  function request(action, body) {
    return requestTo(trackerAddress, action, body);
  }

  function requestTo(address, action, body) {
    return new Promise(function (resolve, reject) {
      eb.send(address, body, { action: action }, function (err, reply) {
        if (err) { reject(new Error(action + ': ' + (err.message || err.failureType))); } else { resolve(reply.body); }
      });
    });
  }

  function scheduleStats() {
    if (statsTimer) { return; }
    statsTimer = setTimeout(function () {
      statsTimer = null;
      request('getStats', {}).then(renderStats, function (e) { showError(e.message); });
    }, 300);
  }

  function catchUp() {
    return Promise.all([
      request('getActiveOrders', { symbol: null }),
      request('getCompletedOrders', { limit: MAX_COMPLETED }),
      request('getStats', {})
    ]).then(function (answers) {
      active = new Map();
      answers[0].forEach(function (o) { active.set(key(o), o); });
      completed = answers[1];
      fillsPerMinute = new Map();
      completed.forEach(function (o) {
        if (o.status === 'FILLED') { countFill(Date.parse(o.updated_at) || Date.now()); }
      });
      renderActive(); renderCompleted(); renderStats(answers[2]); drawChart();
      return replayMissed();
    }).then(function () {
      document.body.dataset.ready = 'true';
      showError('');
    });
  }

  function setConnection(state, label) {
    var pill = $('connection');
    pill.className = 'pill pill-' + state;
    pill.textContent = label;
  }

  function showError(message) { $('error').textContent = message; }

  function connect() {
    eb = new EventBus(window.location.origin + '/eventbus?token=' + encodeURIComponent(token), {
      vertxbus_reconnect_delay_min: 500, vertxbus_reconnect_delay_max: 8000
    });
    eb.enableReconnect(true);
    eb.onerror = function (err) {
      // refusals carry the bridge's stable code (auth_required, auth_expired, access_denied, ...)
      if (err && err.body !== 'rejected') { showError('bridge: ' + (err.body || err.message || JSON.stringify(err))); }
    };
    // onopen runs on every (re)connect: the client library forgets its handlers when the socket drops
    eb.onopen = function () {
      setConnection('open', 'live');
      EVENT_TYPES.forEach(function (t) { eb.registerHandler(prefix + '.events.' + t, onEvent); });
      catchUp().catch(function (e) { showError(e.message); });
    };
    eb.onclose = function () {
      document.body.dataset.ready = 'false';
      setConnection(token ? 'closed' : 'closed', token ? 'reconnecting…' : 'no token (?token=...)');
    };
  }

  if (!token) { showError('No token: open the URL printed by the launcher (…/?token=...).'); }
  drawChart();
  setInterval(drawChart, 30000);
  connect();
})();
