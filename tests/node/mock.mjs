// Drives a mock server (sio-codegen mock) with Node's socket.io-client: for each namespace of the
// catalog, sends every client event with its example and collects the acks, and collects the
// server's events until each arrived twice (or 15 s passed). Prints one JSON object.
// Usage: node mock.mjs http://127.0.0.1:PORT CATALOG.json
import { readFileSync } from "node:fs";
import { io } from "socket.io-client";

const [url, catalogPath] = process.argv.slice(2);
const catalog = JSON.parse(readFileSync(catalogPath, "utf8"));
const options = { transports: ["websocket"], reconnection: false };
const results = { acks: {}, events: {} };
const sockets = [];
try {
  for (const ns of catalog.namespaces) {
    const socket = io(ns.name === "/" ? url : `${url}${ns.name}`, options);
    sockets.push(socket);
    socket.onAny((event, ...args) => {
      const key = `${ns.name} ${event}`;
      (results.events[key] ??= []).push(args);
    });
    for (const event of ns.events) {
      if (event.direction !== "client_to_server" || event.ack === null) continue;
      const args = event.args.map((arg) => arg.example);
      results.acks[`${ns.name} ${event.name}`] = await socket.timeout(5000).emitWithAck(event.name, ...args);
    }
  }
  const expected = catalog.namespaces.flatMap((ns) =>
    ns.events.filter((e) => e.direction === "server_to_client").map((e) => `${ns.name} ${e.name}`));
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline && !expected.every((key) => (results.events[key] ?? []).length >= 2)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
} catch (error) {
  results.failure = String(error);
} finally {
  for (const socket of sockets) socket.close();
}
console.log(JSON.stringify(results));
