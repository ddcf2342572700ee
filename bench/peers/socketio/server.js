// One room; a "comment" (with an ack) becomes one emit of the hub's event-batch shape to everyone in the room.
const { createServer } = require("http");
const { Server } = require("socket.io");

const port = Number(process.env.PORT || 3000);
const http = createServer((req, res) => { res.writeHead(200); res.end("ok"); });
const io = new Server(http, { transports: ["websocket"], serveClient: false });
let seq = 0;

io.on("connection", (socket) => {
  socket.join("room");
  socket.on("comment", (text, ack) => {
    seq += 1;
    io.to("room").emit("events", { roomId: "bench", events: [{ seq, type: "CommentShown", at: new Date().toISOString(), data: { text } }] });
    if (typeof ack === "function") ack(seq);
  });
});

http.listen(port, "127.0.0.1", () => console.log(`socket.io peer on ${port}`));
