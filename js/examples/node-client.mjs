// Node.js client of the order tracker's SockJS event-bus bridge, with the npm packages
// @vertx/eventbus-bridge-client.js and sockjs-client: subscribes to every order event and queries the tracker.
//
//   node js/examples/node-client.mjs http://127.0.0.1:8080/eventbus <token> [--events N] [--symbol BTCUSDT]
//
// The token is the bridge's JWT (see eventbus-bridge/README.md); it rides in the URL's token query parameter.
// Prints one line per thing that happens, for people and for the test that runs this file:
//   READY                          connected, subscribed, first queries answered
//   STATS <json>                   getStats (a token restricted to accounts/symbols: {"refused":"scope_required"},
//                                  the counters are global)
//   ACTIVE <n> <json>              getActiveOrders
//   EVENT <EVENT_TYPE> <json>      every order event
//   ORDER <json>                   getOrder of each filled order (a query per event, by order id and symbol)
//   ERROR <json>                   refusals (stable codes such as auth_required, forbidden_account)
// With --events N it exits 0 after N events (and their follow-up queries), otherwise it runs until Ctrl-C.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// the client library is CommonJS and finds sockjs-client through require (Node transports: websocket, xhr)
const EventBus = require('@vertx/eventbus-bridge-client.js');

const args = process.argv.slice(2);
const [baseUrl, token] = args;
if (!baseUrl || !token) {
  console.error('usage: node node-client.mjs <http://host:port/eventbus> <token> [--events N] [--symbol S] [--prefix P]');
  process.exit(2);
}
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const expectedEvents = Number(option('--events', '0'));
const symbol = option('--symbol', null);
const prefix = option('--prefix', 'orders');
const tracker = `${prefix}.tracker`;
const EVENT_TYPES = ['ORDER_PLACED', 'ORDER_PARTIALLY_FILLED', 'ORDER_FILLED', 'ORDER_CANCELLED', 'ERROR_OCCURRED',
  'ORDER_LOST'];

const eb = new EventBus(`${baseUrl}?token=${encodeURIComponent(token)}`);
eb.enableReconnect(true);

/** One request to the tracker: the action header names the service method, the body holds its parameters. */
function ask(action, body) {
  return new Promise((resolve, reject) => {
    eb.send(tracker, body, { action }, (err, reply) => (err ? reject(err) : resolve(reply.body)));
  });
}

let seen = 0;
let pending = Promise.resolve();

function finishIfDone() {
  if (expectedEvents > 0 && seen >= expectedEvents) {
    pending.then(() => {
      eb.enableReconnect(false);
      eb.close();
      process.exit(0);
    });
  }
}

function onEvent(err, msg) {
  if (err) {
    console.log('ERROR ' + JSON.stringify(err));
    return;
  }
  const event = msg.body;
  seen += 1;
  console.log(`EVENT ${event.event_type} ${JSON.stringify(event)}`);
  if (event.event_type === 'ORDER_FILLED') {
    // follow-up query through the bridge: the order as the tracker knows it now
    pending = pending.then(() => ask('getOrder', { orderId: event.order_id, symbol: event.symbol }))
      .then((order) => console.log('ORDER ' + JSON.stringify(order)))
      .catch((e) => console.log('ERROR ' + JSON.stringify(e)));
  }
  finishIfDone();
}

eb.onerror = (err) => console.log('ERROR ' + JSON.stringify(err));

// onopen runs after every (re)connect: register again and catch up with a fresh query
eb.onopen = async () => {
  EVENT_TYPES.forEach((t) => eb.registerHandler(`${prefix}.events.${t}`, onEvent));
  try {
    const stats = await ask('getStats', {}).catch((e) => ({ refused: e.message }));
    console.log('STATS ' + JSON.stringify(stats));
    const active = await ask('getActiveOrders', { symbol });
    console.log(`ACTIVE ${active.length} ${JSON.stringify(active)}`);
    console.log('READY');
  } catch (e) {
    console.log('ERROR ' + JSON.stringify(e));
  }
};

eb.onclose = () => {
  if (expectedEvents === 0 || seen < expectedEvents) {
    console.log('CLOSED (reconnecting)');
  }
};
