// Drives a generated server of tests/specs/binary.yaml with Node's socket.io-client: Buffers sent
// as binary attachments (top-level, nested, as a second argument, as an ack to the server's
// call), Buffers received; acks of several values both ways (every ack argument collected);
// prints what it saw as one JSON object (a Buffer as {"type": "Buffer", "data": [...]}).
// Usage: node drive_binary.mjs http://127.0.0.1:PORT
import { io } from "socket.io-client";

const [url] = process.argv.slice(2);
const ack = (socket, event, ...args) => socket.timeout(5000).emitWithAck(event, ...args);
const allArgs = (socket, event, ...args) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack to ${event} within 5 s`)), 5000);
    socket.emit(event, ...args, (...values) => {
      clearTimeout(timer);
      resolve(values);
    });
  });
const results = {};
const socket = io(url, { reconnection: false, transports: ["websocket"] });
try {
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", (error) => reject(new Error(`connect_error: ${error.message}`)));
  });
  socket.on("blob", (data, callback) => {
    results.blob = data;
    callback(Buffer.concat([data.content, Buffer.from([7])]));
  });
  socket.on("poll", (text, callback) => callback(text.length, text.toUpperCase()));
  results.stat = await allArgs(socket, "stat", Buffer.from([1, 2]));
  results.statOne = await allArgs(socket, "stat", Buffer.from([1]));
  results.survey = await allArgs(socket, "survey", "node");
  results.upload = await ack(socket, "upload", Buffer.from([0, 1, 255]));
  results.document = await ack(socket, "document", {
    name: "n",
    content: Buffer.from([1, 2]),
    parts: [Buffer.from([3]), Buffer.from([4, 5])],
  });
  results.pair = await ack(socket, "pair", "ab", Buffer.from([9, 9, 9]));
  results.fetch = await ack(socket, "fetch", "from node");
  results.stringForBinary = await ack(socket, "upload", "abc");
  results.binaryForString = await ack(socket, "label", Buffer.from("abc"));
  results.nestedString = await ack(socket, "document", { name: "n", content: "text" });
  results.label = await ack(socket, "label", "abc");
} catch (error) {
  results.failure = String(error);
} finally {
  socket.close();
}
console.log(JSON.stringify(results));
