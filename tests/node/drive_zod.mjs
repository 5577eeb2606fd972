// Drives a generated server of a zod-sockets-shaped document with Node's socket.io-client, as
// a zod-sockets client would, and prints what it saw as one JSON object.
// Usage: node drive_zod.mjs engineio|zod|rest http://127.0.0.1:PORT
// The client sends no Engine.IO parameter of its own (EIO, transport are the transport's) and
// no upgrade header: the documents declare them in their ws binding, the server must not care.
import { io } from "socket.io-client";

const [mode, url] = process.argv.slice(2);
const ack = (socket, event, ...args) => socket.timeout(5000).emitWithAck(event, ...args);
// Every ack argument (emitWithAck resolves the first only), as a zod-sockets client gets them.
const acks = (socket, event, ...args) =>
  new Promise((resolve, reject) => {
    socket.timeout(5000).emit(event, ...args, (error, ...values) => {
      if (error) reject(error);
      else resolve(values);
    });
  });
const next = (socket, event) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 5 s`)), 5000);
    socket.once(event, (...args) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
const connected = (socket) =>
  new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket.io.engine.transport.name));
    socket.once("connect_error", (error) => reject(new Error(`connect_error: ${error.message}`)));
  });

const results = {};
const sockets = [];
const open = (options) => {
  const socket = io(url, { reconnection: false, ...options });
  sockets.push(socket);
  return socket;
};
try {
  if (mode === "engineio") {
    for (const transports of [["polling"], ["websocket"], ["polling", "websocket"]]) {
      const socket = open({ transports, query: { room: "r1" }, forceNew: true });
      const transport = await connected(socket);
      results[transports.join("+")] = { transport, ping: await ack(socket, "ping", "hi") };
      socket.close();
    }
    const refused = open({ transports: ["websocket"], query: { room: "x".repeat(21) }, forceNew: true });
    results.refused = await connected(refused).catch((error) => error.message);
  } else if (mode === "rest") {
    // golden/rest: acks of any number of values (rest-only), both ways, as zod-sockets has them
    const socket = open({ transports: ["websocket"] });
    results.transport = await connected(socket);
    socket.on("collect", (text, callback) => callback(1, "two", null));
    results.gather = await acks(socket, "gather", JSON.stringify(["x", 1, null, { k: [1] }]));
    results.gatherNone = await acks(socket, "gather", "[]");
    results.gatherList = await acks(socket, "gather", "[[1, 2]]");
    results.collected = await acks(socket, "gather", "collect");
  } else {
    const socket = open({ transports: ["websocket"] });
    results.transport = await connected(socket);
    const chat = next(socket, "chat");
    socket.emit("chat", "Hello there");
    results.chat = await chat;
    const time = next(socket, "time");
    const rooms = next(socket, "rooms");
    // zod-sockets spreads "any number of anything": no argument at all, or several
    results.subscribe = await acks(socket, "subscribe").catch((error) => String(error));
    results.subscribeSpread = await acks(socket, "subscribe", "a", 1).catch((error) => String(error));
    results.time = await time;
    results.rooms = await rooms;
    results.pingSpread = await acks(socket, "ping", "something", { more: [1] });
    results.pingList = await acks(socket, "ping", ["something"]);
    results.pingNone = await acks(socket, "ping");
    results.unsubscribe = await acks(socket, "unsubscribe", "x").catch((error) => String(error));
    results.stillConnected = socket.connected;
  }
} catch (error) {
  results.failure = String(error);
} finally {
  for (const socket of sockets) socket.close();
}
console.log(JSON.stringify(results));
