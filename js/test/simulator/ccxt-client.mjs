// ccxt 4.5.x (pro) against the binance-simulator: subscribes to the user data stream over the WebSocket API
// (userDataStream.subscribe.signature), places a LIMIT order over REST and a MARKET order over the WebSocket API
// (order.place), and prints one line per order update it sees. Usage: node ccxt-client.mjs <port>
import ccxt from 'ccxt';

const port = process.argv[2];
if (!port) {
  console.error('usage: node ccxt-client.mjs <port>');
  process.exit(2);
}
const API_KEY = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
const SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
const http = `http://127.0.0.1:${port}`;

const exchange = new ccxt.pro.binance({
  apiKey: API_KEY,
  secret: SECRET,
  options: { defaultType: 'spot', fetchCurrencies: false, fetchMargins: false, fetchMarkets: { types: ['spot'] } },
});
for (const [name, url] of Object.entries(exchange.urls.api)) {
  if (typeof url === 'string') {
    exchange.urls.api[name] = url.replace(/^https:\/\/[^/]+/, http);
  }
}
exchange.urls.api.ws['ws-api'].spot = `ws://127.0.0.1:${port}/ws-api/v3`;
await exchange.loadHttpProxyAgent();

const timeout = setTimeout(() => {
  console.error('TIMEOUT');
  process.exit(1);
}, 30000);

try {
  await exchange.loadMarkets();
  await exchange.authenticate({ type: 'spot' });
  console.log('SUBSCRIBED');

  // LIMIT order over REST, far from the price: stays open
  let watching = exchange.watchOrders('BTC/USDT');
  const limit = await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, 50000);
  console.log(`PLACED rest id=${limit.id} status=${limit.status}`);
  let seen = await watching;
  for (const o of seen) {
    console.log(`executionReport id=${o.id} status=${o.status} filled=${o.filled}`);
  }

  // MARKET order over the WebSocket API: fills at once. Its executionReports reach the stream before the
  // order.place response (as on Binance), so watch first and then read the order cache.
  watching = exchange.watchOrders('BTC/USDT');
  const market = await exchange.createOrderWs('BTC/USDT', 'market', 'sell', 0.002);
  console.log(`PLACED ws id=${market.id} status=${market.status}`);
  await watching;
  let cached = exchange.orders.filter((o) => o.id === market.id);
  while (cached.length === 0 || cached[cached.length - 1].status !== 'closed') {
    await exchange.watchOrders('BTC/USDT');
    cached = exchange.orders.filter((o) => o.id === market.id);
  }
  for (const o of cached) {
    console.log(`executionReport id=${o.id} status=${o.status} filled=${o.filled} trades=${o.trades.length}`);
  }
  console.log('DONE');
  clearTimeout(timeout);
  await exchange.close();
  process.exit(0);
} catch (e) {
  console.error('FAILED', e);
  process.exit(1);
}
