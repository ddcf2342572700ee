// The room protocol in the browser: join, apply sequenced events exactly once in order, fill gaps with Resume,
// and after a reconnect resume from the last sequence seen (see docs/realtime-api.md).
import { HttpTransportType, HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import type { JoinResult, Me, Notice, Presence, RoomEvent, Snapshot, Tally } from "./types";

export interface RoomHandlers {
  snapshot(s: Snapshot, me: Me): void;
  event(e: RoomEvent): void;
  state(s: "connecting" | "live" | "reconnecting"): void;
  presence?(p: Presence): void;
  tally?(t: Tally): void;
  questionVotes?(v: { id: string; votes: number }[]): void;
  notice?(n: Notice): void;
  queue?(q: { kind: string; itemId: string; change: string }): void;
  turnout?(t: { voteId: string; cast: number }): void;
  questionnaireTally?(a: any): void;
  joined?(r: JoinResult): void;
}

const RETRY_MS = [0, 1000, 2000, 3000, 5000, 8000];

export class RoomClient {
  readonly connection: HubConnection;
  lastSeq = 0;
  private ahead = new Map<number, RoomEvent>();
  private joining = false;
  private held: RoomEvent[] = [];
  private gapTimer: number | undefined;
  private announcedSeq = 0;

  constructor(private roomId: string, private handlers: RoomHandlers, private screen = false) {
    this.connection = new HubConnectionBuilder()
      // WebSockets only, without the negotiate round trip: any node can take the socket, no sticky sessions.
      .withUrl("/hubs/room", { skipNegotiation: true, transport: HttpTransportType.WebSockets })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => RETRY_MS[c.previousRetryCount] ?? 10000 })
      .configureLogging(LogLevel.Warning)
      .build();
    const c = this.connection;
    c.on("EventsReceived", (b: { events: RoomEvent[] }) => this.receive(b.events));
    c.on("PresenceChanged", (p: Presence) => { this.checkTrailingGap(p.seq ?? 0); handlers.presence?.(p); });
    c.on("PollTallied", (t) => handlers.tally?.(t));
    c.on("QuestionVotesChanged", (v) => handlers.questionVotes?.(v));
    c.on("NoticeReceived", (n) => handlers.notice?.(n));
    c.on("ModerationQueueChanged", (q) => handlers.queue?.(q));
    c.on("VoteTurnoutChanged", (t) => handlers.turnout?.(t));
    c.on("QuestionnaireTallied", (a) => handlers.questionnaireTally?.(a));
    c.onreconnecting(() => handlers.state("reconnecting"));
    c.onreconnected(() => void this.join());
    // The retry policy never gives up, but a server that refuses the socket ends the connection: start over.
    c.onclose(() => { handlers.state("reconnecting"); window.setTimeout(() => void this.start(), 3000); });
  }

  async start(): Promise<void> {
    this.handlers.state(this.lastSeq > 0 ? "reconnecting" : "connecting");
    for (let attempt = 0; ; attempt++) {
      try {
        if (this.connection.state === HubConnectionState.Disconnected) await this.connection.start();
        await this.join();
        return;
      } catch (err) {
        if (/room\./.test(String(err))) throw err; // refused by the room's rules: retrying will not help
        await new Promise((r) => window.setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] || 1000));
      }
    }
  }

  invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T> {
    return this.connection.invoke<T>(method, ...args);
  }

  private async join(): Promise<void> {
    this.joining = true;
    try {
      const resume = this.lastSeq > 0;
      const r = await this.connection.invoke<JoinResult>("Join", { roomId: this.roomId, lastSeq: resume ? this.lastSeq : null, screen: this.screen });
      this.handlers.joined?.(r);
      if (r.snapshot) {
        this.lastSeq = r.snapshot.seq;
        this.ahead.clear();
        this.handlers.snapshot(r.snapshot, r.me);
      }
      this.handlers.presence?.(r.presence);
      r.tallies.forEach((t) => this.handlers.tally?.(t));
      this.joining = false;
      this.receive([...(r.missed ?? []), ...this.held]);
      this.held = [];
      this.handlers.state("live");
    } finally {
      this.joining = false;
    }
  }

  private receive(events: RoomEvent[]): void {
    if (this.joining) { this.held.push(...events); return; }
    for (const e of events) if (e.seq > this.lastSeq) this.ahead.set(e.seq, e);
    let next: RoomEvent | undefined;
    while ((next = this.ahead.get(this.lastSeq + 1))) {
      this.ahead.delete(next.seq);
      this.lastSeq = next.seq;
      this.handlers.event(next);
    }
    if (this.ahead.size > 0 && this.gapTimer === undefined) {
      // Events can overtake each other between nodes; give stragglers a moment, then ask the database.
      this.gapTimer = window.setTimeout(() => void this.fillGap(), 400);
    }
  }

  // The once-a-second presence push carries the room's last sequence. If what the previous push announced has still
  // not arrived, the last batch was lost (a Redis outage, a node gone mid-send): fetch it. Waiting one push avoids
  // asking for events that are merely still in flight.
  private checkTrailingGap(seq: number): void {
    const due = this.announcedSeq;
    this.announcedSeq = seq;
    if (due > this.lastSeq && !this.joining && this.gapTimer === undefined && this.connection.state === HubConnectionState.Connected) {
      void this.connection.invoke<RoomEvent[]>("Resume", this.lastSeq).then((missing) => this.receive(missing), () => undefined);
    }
  }

  private async fillGap(): Promise<void> {
    this.gapTimer = undefined;
    if (this.ahead.size === 0 || this.connection.state !== HubConnectionState.Connected) return;
    const missing = await this.connection.invoke<RoomEvent[]>("Resume", this.lastSeq);
    this.receive(missing);
  }
}
