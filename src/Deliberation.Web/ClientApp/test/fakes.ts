// Test doubles for RoomClient: a connection whose calls the test answers, timers the test fires, a network switch.
import type { NetworkSignal, RoomConnection, Timers } from "../src/lib/room-client";
import type { JoinResult, Me, RoomEvent, Snapshot, Tally } from "../src/lib/types";

export interface Call { method: string; args: any[]; resolve(v: unknown): void; reject(e: unknown): void }

export class FakeConnection implements RoomConnection {
  state = "Disconnected";
  calls: Call[] = [];
  sent: Call[] = [];
  stops = 0;
  private handlers = new Map<string, (...args: any[]) => any>();
  private reconnecting?: (e?: Error) => void;
  private reconnected?: (id?: string) => void;
  private closed?: (e?: Error) => void;

  async start(): Promise<void> { this.state = "Connected"; }
  async stop(): Promise<void> { this.stops++; this.state = "Disconnected"; this.fail(); this.closed?.(); }
  invoke<T>(method: string, ...args: any[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const call = { method, args, resolve: resolve as (v: unknown) => void, reject };
      this.calls.push(call);
      this.sent.push(call);
    });
  }
  on(method: string, handler: (...args: any[]) => any): void { this.handlers.set(method, handler); }
  onreconnecting(cb: (e?: Error) => void): void { this.reconnecting = cb; }
  onreconnected(cb: (id?: string) => void): void { this.reconnected = cb; }
  onclose(cb: (e?: Error) => void): void { this.closed = cb; }

  /** The server sends a client event. */
  push(name: string, ...args: any[]): void { this.handlers.get(name)!(...args); }
  /** The oldest unanswered call (of a method, when given); fails the test when there is none. */
  take(method?: string): Call {
    const i = this.calls.findIndex((c) => method === undefined || c.method === method);
    if (i < 0) throw new Error(`no pending ${method ?? "call"}; pending: ${this.calls.map((c) => c.method).join(", ")}`);
    return this.calls.splice(i, 1)[0];
  }
  has(method: string): boolean { return this.calls.some((c) => c.method === method); }
  /** The socket drops: SignalR starts reconnecting on its own. */
  drop(): void { this.state = "Reconnecting"; this.fail(); this.reconnecting?.(); }
  /** SignalR's own reconnect succeeded. */
  back(): void { this.state = "Connected"; this.reconnected?.("x"); }
  private fail(): void { for (const c of this.calls.splice(0)) c.reject(new Error("Invocation canceled due to the underlying connection being closed.")); }
}

export class FakeTimers implements Timers {
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private now = 0;
  private id = 0;
  setTimeout(fn: () => void, ms: number): unknown { const id = ++this.id; this.queue.push({ at: this.now + ms, fn, id }); return id; }
  clearTimeout(h: unknown): void { this.queue = this.queue.filter((t) => t.id !== h); }
  /** Moves the clock and fires what fell due. */
  advance(ms: number): void {
    this.now += ms;
    const due = this.queue.filter((t) => t.at <= this.now).sort((a, b) => a.at - b.at);
    this.queue = this.queue.filter((t) => t.at > this.now);
    due.forEach((t) => t.fn());
  }
  get pending(): number { return this.queue.length; }
}

export class FakeNetwork implements NetworkSignal {
  onLine = true;
  private listeners = new Map<string, (() => void)[]>();
  addEventListener(type: "online" | "offline", listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  set(online: boolean): void { this.onLine = online; (this.listeners.get(online ? "online" : "offline") ?? []).forEach((l) => l()); }
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise<void>((r) => setTimeout(r, 0));

export const me: Me = { key: "m:1", name: "张委员", tier: "Member", canModerate: false, mayInteract: true, mayTakeFloor: true, mayVote: true };

export function snapshot(seq: number, over: Partial<Snapshot> = {}): Snapshot {
  return {
    seq, id: "room", title: "协商", status: "Live", publicAccess: "Watch", roomCode: "123456", agenda: [], currentAgendaItemId: null,
    announcement: null, comments: [], questions: [], floorQueue: [], polls: [], tallies: [], myPollAnswers: [], votes: [], votedIds: [],
    questionnaire: null, questionnaireAnswered: false, upvotedQuestionIds: [], speakingMinutes: 5,
    speaker: { speechId: null, speakerName: null, tier: null, sector: null, kind: null, topic: null, text: null, startedAt: null, allowedSeconds: 0 },
    ...over,
  };
}

export function joinResult(over: Partial<JoinResult>): JoinResult {
  return { roomId: "room", me, snapshot: null, missed: null, presence: { total: 1, byTier: { Member: 1 }, seq: 0 }, tallies: [], questionVotes: null, ...over };
}

let minute = 0;
export function comment(seq: number, id = `c${seq}`, over: Record<string, unknown> = {}): RoomEvent {
  const at = new Date(Date.UTC(2026, 11, 2, 9, minute++)).toISOString();
  return { seq, type: "CommentShown", at, data: { id, authorName: "王", tier: "Member", sector: null, text: `评论${seq}`, pinned: false, at, ...over } };
}

export function tally(pollId: string, version: number, respondents: number): Tally {
  return { pollId, respondents, counts: [respondents, 0], averageRating: null, words: [], version };
}
