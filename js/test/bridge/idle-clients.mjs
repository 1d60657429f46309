// Opens N SockJS WebSocket connections to the bridge (raw SockJS framing, npm 'ws'), each registered on the six
// order-event addresses, then idles until killed. Used by the bridge memory benchmark so that only the server's
// heap is measured. Usage: node idle-clients.mjs <http://host:port> <token> <n>
import WebSocket from 'ws';

const [base, token, count] = process.argv.slice(2);
const n = Number(count || '100');
const types = ['ORDER_PLACED', 'ORDER_PARTIALLY_FILLED', 'ORDER_FILLED', 'ORDER_CANCELLED', 'ERROR_OCCURRED',
  'ORDER_LOST'];
const wsBase = base.replace(/^http/, 'ws');
let open = 0;
const sockets = [];

function connect(i) {
  const session = Math.random().toString(36).slice(2, 12);
  const ws = new WebSocket(`${wsBase}/eventbus/${i % 1000}/${session}/websocket?token=${encodeURIComponent(token)}`);
  ws.on('message', (data) => {
    if (String(data) === 'o') {
      const frames = types.map((t) => JSON.stringify({ type: 'register', address: `orders.events.${t}`, headers: {} }));
      ws.send(JSON.stringify(frames));
      open += 1;
      if (open === n) { console.log('READY ' + open); }
    }
  });
  ws.on('error', (e) => console.log('ERROR ' + e.message));
  sockets.push(ws);
}

for (let i = 0; i < n; i++) { connect(i); }
setInterval(() => {
  // SockJS bridge ping, so that ping_timeout_ms does not close idle clients
  for (const ws of sockets) {
    if (ws.readyState === WebSocket.OPEN) { ws.send(JSON.stringify([JSON.stringify({ type: 'ping' })])); }
  }
}, 5000);
