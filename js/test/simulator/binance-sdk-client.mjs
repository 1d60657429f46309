// binance npm SDK 3.x against the binance-simulator: the WebsocketAPIClient subscribes to the user data stream
// (userDataStream.subscribe.signature with the HMAC key) and places a LIMIT order (order.place); the MainClient
// places a MARKET order over REST. Prints one line per executionReport. Usage: node binance-sdk-client.mjs <port>
import { MainClient, WebsocketAPIClient, WS_KEY_MAP } from 'binance';

const port = process.argv[2];
if (!port) {
  console.error('usage: node binance-sdk-client.mjs <port>');
  process.exit(2);
}
const API_KEY = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
const SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';

const silent = { trace: () => {}, info: () => {}, error: (...a) => console.error(...a) };
const wsApi = new WebsocketAPIClient({
  api_key: API_KEY,
  api_secret: SECRET,
  wsUrl: `ws://127.0.0.1:${port}`,
  beautify: false,
}, silent);
const rest = new MainClient({ api_key: API_KEY, api_secret: SECRET, baseUrl: `http://127.0.0.1:${port}` });

const timeout = setTimeout(() => {
  console.error('TIMEOUT');
  process.exit(1);
}, 30000);

const reports = [];
let marketOrderId;
let resolveFilled;
const filled = new Promise((resolve) => { resolveFilled = resolve; });

function onEvent(data) {
  const event = data && data.event ? data.event : data;
  if (!event || event.e !== 'executionReport') {
    return;
  }
  reports.push(event);
  console.log(`executionReport i=${event.i} x=${event.x} X=${event.X} z=${event.z}`);
  if (marketOrderId !== undefined && event.i === marketOrderId && event.X === 'FILLED') {
    resolveFilled();
  }
  if (event.o === 'MARKET' && event.X === 'FILLED' && marketOrderId === undefined) {
    // the stream can be faster than the REST response: remember and check once the id is known
    resolveFilled.early = event.i;
  }
}

wsApi.getWSClient().on('message', onEvent);
wsApi.getWSClient().on('formattedUserDataMessage', onEvent);

try {
  const sub = await wsApi.subscribeUserDataStream(WS_KEY_MAP.mainWSAPI);
  console.log(`SUBSCRIBED ${JSON.stringify(sub.result)}`);

  const placed = await wsApi.submitNewSpotOrder({
    symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.00100', price: '50000.00',
    timestamp: Date.now(),
  });
  console.log(`PLACED ws orderId=${placed.result.orderId} status=${placed.result.status}`);

  const market = await rest.submitNewOrder({ symbol: 'BTCUSDT', side: 'SELL', type: 'MARKET', quantity: 0.002 });
  marketOrderId = market.orderId;
  console.log(`PLACED rest orderId=${market.orderId} status=${market.status} fills=${market.fills.length}`);
  if (resolveFilled.early === marketOrderId) {
    resolveFilled();
  }
  await filled;
  if (!reports.some((r) => r.i === placed.result.orderId && r.x === 'NEW')) {
    throw new Error('no NEW executionReport for the WebSocket API order');
  }
  console.log('DONE');
  clearTimeout(timeout);
  wsApi.getWSClient().closeAll(true);
  process.exit(0);
} catch (e) {
  console.error('FAILED', e);
  process.exit(1);
}
