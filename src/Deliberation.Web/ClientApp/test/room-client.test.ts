import { beforeEach, describe, expect, it } from "vitest";
import { RoomClient, type ConnState, type RoomHandlers } from "../src/lib/room-client";
import type { Section } from "../src/lib/room-state";
import type { RoomEvent, Tally } from "../src/lib/types";
import { comment, FakeConnection, FakeNetwork, FakeTimers, joinResult, settle, snapshot, tally } from "./fakes";

let conn: FakeConnection;
let timers: FakeTimers;
let net: FakeNetwork;
let seen: number[];
let batches: { seqs: number[]; sections: Set<Section> }[];
let states: ConnState[];
let tallies: Tally[];
let votes: { id: string; votes: number }[][];
let queued: number[];
let client: RoomClient;

function make(extra: Partial<RoomHandlers> = {}): RoomClient {
  return new RoomClient("room", {
    snapshot: () => undefined,
    event: (e) => seen.push(e.seq),
    events: (b, s) => batches.push({ seqs: b.map((e) => e.seq), sections: s }),
    state: (s) => states.push(s),
    tally: (t) => tallies.push(t),
    questionVotes: (v) => votes.push(v),
    queued: (n) => queued.push(n),
    ...extra,
  }, { connection: conn, timers, network: net });
}

/** Starts the client and answers its Join with a snapshot at `seq`. */
async function joined(seq: number, over = {}): Promise<void> {
  const started = client.start();
  await settle();
  conn.take("Join").resolve(joinResult({ snapshot: snapshot(seq, over) }));
  await started;
}

const batch = (...events: RoomEvent[]) => conn.push("EventsReceived", { roomId: "room", events });

beforeEach(() => {
  conn = new FakeConnection();
  timers = new FakeTimers();
  net = new FakeNetwork();
  seen = [];
  batches = [];
  states = [];
  tallies = [];
  votes = [];
  queued = [];
  client = make();
});

describe("sequenced events", () => {
  it("applies events in order and reports each batch once with its sections", async () => {
    await joined(5);
    batch(comment(6), comment(7));
    expect(seen).toEqual([6, 7]);
    expect(batches).toEqual([{ seqs: [6, 7], sections: new Set(["comments"]) }]);
    expect(client.lastSeq).toBe(7);
    expect(states).toEqual(["connecting", "live"]);
  });

  it("drops duplicates and events the snapshot already holds", async () => {
    await joined(5);
    batch(comment(4), comment(5), comment(6));
    batch(comment(6));
    expect(seen).toEqual([6]);
    expect(batches).toHaveLength(1);
  });

  it("holds an event after a gap, then fills the gap with Resume", async () => {
    await joined(5);
    batch(comment(8));
    expect(seen).toEqual([]);
    timers.advance(399);
    expect(conn.has("Resume")).toBe(false);
    timers.advance(1);
    const resume = conn.take("Resume");
    expect(resume.args).toEqual([5]);
    resume.resolve([comment(6), comment(7), comment(8)]);
    await settle();
    expect(seen).toEqual([6, 7, 8]);
  });

  it("asks nothing when the straggler arrives within the wait", async () => {
    await joined(5);
    batch(comment(7));
    batch(comment(6));
    timers.advance(400);
    expect(seen).toEqual([6, 7]);
    expect(conn.has("Resume")).toBe(false);
  });

  it("tries Resume again when it failed while the connection stayed", async () => {
    await joined(5);
    batch(comment(7));
    timers.advance(400);
    conn.take("Resume").reject(new Error("room.try_again"));
    await settle();
    timers.advance(400);
    conn.take("Resume").resolve([comment(6)]);
    await settle();
    expect(seen).toEqual([6, 7]);
  });

  it("notices a lost trailing batch from the presence sequence, one push later", async () => {
    await joined(5);
    conn.push("PresenceChanged", { total: 3, byTier: {}, seq: 7 });
    expect(conn.has("Resume")).toBe(false); // may still be in flight
    batch(comment(6));
    conn.push("PresenceChanged", { total: 3, byTier: {}, seq: 7 });
    const resume = conn.take("Resume");
    expect(resume.args).toEqual([6]);
    resume.resolve([comment(7)]);
    await settle();
    expect(seen).toEqual([6, 7]);
  });

  it("does not ask when the announced events arrived", async () => {
    await joined(5);
    conn.push("PresenceChanged", { total: 3, byTier: {}, seq: 6 });
    batch(comment(6));
    conn.push("PresenceChanged", { total: 3, byTier: {}, seq: 6 });
    expect(conn.has("Resume")).toBe(false);
  });
});

describe("joining and resuming", () => {
  it("holds events that arrive during Join and applies them after the snapshot", async () => {
    const started = client.start();
    await settle();
    batch(comment(6), comment(7));
    expect(seen).toEqual([]);
    conn.take("Join").resolve(joinResult({ snapshot: snapshot(6) }));
    await started;
    expect(seen).toEqual([7]);
  });

  it("after a drop, rejoins with the last sequence and applies missed events before live ones, once", async () => {
    await joined(5);
    batch(comment(6));
    conn.drop();
    expect(states[states.length - 1]).toBe("reconnecting");
    conn.back();
    await settle();
    const join = conn.take("Join");
    expect(join.args[0]).toEqual({ roomId: "room", lastSeq: 6, screen: false });
    batch(comment(9), comment(10)); // live, while Join runs
    join.resolve(joinResult({ missed: [comment(7), comment(8), comment(9)] }));
    await settle();
    expect(seen).toEqual([6, 7, 8, 9, 10]);
    expect(batches[batches.length - 1].seqs).toEqual([7, 8, 9, 10]);
    expect(states[states.length - 1]).toBe("live");
  });

  it("takes the current question votes a resume returns, after the missed events", async () => {
    await joined(5, { questions: [{ id: "q1", votes: 2 }] as any });
    conn.drop();
    conn.back();
    await settle();
    const q = { id: "q1", authorName: "", tier: "Member", text: "", status: "Open", votes: 3, mergedCount: 0, mergedIntoId: null, answeredBy: null, answerText: null, at: "" };
    conn.take("Join").resolve(joinResult({ missed: [{ seq: 6, type: "QuestionUpdated", at: "", data: q }], questionVotes: [{ id: "q1", votes: 7 }] }));
    await settle();
    expect(votes).toEqual([[{ id: "q1", votes: 7 }]]);
    conn.push("QuestionVotesChanged", [{ id: "q1", votes: 5 }]); // an older push, late
    expect(votes).toHaveLength(1);
  });

  it("tries the join again when the database was briefly away, and gives up on a refusal", async () => {
    const started = client.start();
    await settle();
    conn.take("Join").reject(new Error("HubException: room.try_again"));
    await settle();
    timers.advance(1000);
    await settle();
    conn.take("Join").resolve(joinResult({ snapshot: snapshot(1) }));
    await started;
    expect(states[states.length - 1]).toBe("live");

    const other = make();
    const refused = other.start();
    await settle();
    conn.take("Join").reject(new Error("HubException: room.forbidden"));
    await expect(refused).rejects.toThrow("room.forbidden");
  });

  it("a resume too far behind gets a snapshot and starts from its sequence", async () => {
    await joined(5);
    conn.drop();
    conn.back();
    await settle();
    conn.take("Join").resolve(joinResult({ snapshot: snapshot(3000) }));
    await settle();
    batch(comment(3001));
    expect(seen).toEqual([3001]);
  });
});

describe("tallies", () => {
  it("never passes on an older tally version", async () => {
    await joined(5, { tallies: [tally("p", 4, 4)] });
    conn.push("PollTallied", tally("p", 3, 3));
    conn.push("PollTallied", tally("p", 6, 6));
    conn.push("PollTallied", tally("p", 5, 5));
    expect(tallies.map((t) => t.version)).toEqual([6]);
  });

  it("counts a closed poll's final tally as seen", async () => {
    await joined(5);
    batch({ seq: 6, type: "PollClosed", at: "", data: { poll: { id: "p" }, tally: tally("p", 9, 9) } });
    conn.push("PollTallied", tally("p", 8, 8));
    expect(tallies).toEqual([]);
  });
});

describe("offline outbox", () => {
  it("shows reconnecting as soon as the browser goes offline and drops the socket", async () => {
    await joined(5);
    net.set(false);
    expect(states[states.length - 1]).toBe("reconnecting");
    expect(client.online).toBe(false);
    expect(conn.stops).toBe(1);
    timers.advance(60_000);
    expect(conn.has("Join")).toBe(false); // no retries while the browser says there is no network
  });

  it("queues a participant action while offline and sends it exactly once after the rejoin", async () => {
    await joined(5);
    net.set(false);
    let result: unknown;
    const posted = client.invoke("PostComment", "离线时写的").then((r) => (result = r));
    await settle();
    expect(queued).toEqual([1]);
    expect(client.pending).toEqual([{ method: "PostComment", args: ["离线时写的"] }]);
    expect(conn.sent.filter((c) => c.method === "PostComment")).toHaveLength(0);
    expect(result).toBeUndefined();

    net.set(true);
    await settle();
    conn.take("Join").resolve(joinResult({ missed: [] }));
    await settle();
    const post = conn.take("PostComment");
    expect(post.args).toEqual(["离线时写的"]);
    post.resolve({ id: "c9", status: "Approved" });
    await posted;
    expect(result).toEqual({ id: "c9", status: "Approved" });
    expect(queued).toEqual([1, 0]);
    expect(conn.sent.filter((c) => c.method === "PostComment")).toHaveLength(1);
  });

  it("sends queued actions in the order they were made, one at a time", async () => {
    await joined(5);
    conn.drop();
    const a = client.invoke("PostComment", "一");
    const b = client.invoke("AskQuestion", "二");
    conn.back();
    await settle();
    conn.take("Join").resolve(joinResult({ missed: [] }));
    await settle();
    const later = client.invoke("PostComment", "三"); // made while the outbox drains: waits its turn
    expect(conn.calls.map((c) => c.method)).toEqual(["PostComment"]);
    conn.take("PostComment").resolve(1);
    await settle();
    conn.take("AskQuestion").resolve(2);
    await settle();
    conn.take("PostComment").resolve(3);
    expect(await Promise.all([a, b, later])).toEqual([1, 2, 3]);
  });

  it("refuses other calls while offline with room.offline", async () => {
    await joined(5);
    net.set(false);
    await expect(client.invoke("GetConsoleState")).rejects.toThrow("room.offline");
  });

  it("does not repeat a call that failed in flight (the server may have applied it)", async () => {
    await joined(5);
    const posted = client.invoke("PostComment", "发送中");
    conn.drop();
    await expect(posted).rejects.toThrow(/connection/);
    conn.back();
    await settle();
    conn.take("Join").resolve(joinResult({ missed: [] }));
    await settle();
    expect(conn.sent.filter((c) => c.method === "PostComment")).toHaveLength(1);
  });

  it("passes a refusal after the real send on to the caller", async () => {
    await joined(5);
    net.set(false);
    const posted = client.invoke("PostComment", "x");
    net.set(true);
    await settle();
    conn.take("Join").resolve(joinResult({ missed: [] }));
    await settle();
    conn.take("PostComment").reject(new Error("HubException: room.closed"));
    await expect(posted).rejects.toThrow("room.closed");
  });
});
