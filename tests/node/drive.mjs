// Drives a generated sio-codegen server with Node's socket.io-client and prints what it saw as
// one JSON object. Usage: node drive.mjs http://127.0.0.1:PORT
import { io } from "socket.io-client";

const url = process.argv[2];
const options = { transports: ["websocket"], reconnection: false };
const root = io(url, options);
const second = io(`${url}/second`, options);
root.on("question", (text, callback) => callback({ answer: `node: ${text}` }));

const ack = (socket, event, ...args) => socket.timeout(5000).emitWithAck(event, ...args);
const results = {};
try {
  results.echo = await ack(root, "echo", { text: "hi" });
  results.invalid = await ack(root, "echo", { text: 5 });
  results.tooLong = await ack(root, "echo", { text: "x".repeat(30) });
  results.ping = await ack(second, "ping", 41);
  results.pingInvalid = await ack(second, "ping", "forty-one");
  results.move = await ack(root, "move", 2, 3);
  results.ask = await ack(root, "ask", "why?");
  results.pending = await ack(root, "pending", 1);
} catch (error) {
  results.failure = String(error);
} finally {
  root.close();
  second.close();
}
console.log(JSON.stringify(results));
