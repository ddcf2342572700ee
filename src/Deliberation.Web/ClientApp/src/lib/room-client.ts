// The room protocol in the browser: join, apply sequenced events exactly once in order, fill gaps with Resume,
// and after a reconnect resume from the last sequence seen (see docs/realtime-api.md). While the network is away,
// participant actions wait in an outbox and are sent once, in order, when the room is live again.
import { HubConnectionState } from "@microsoft/signalr";
import { OFFLINE_ERROR, Outbox, QUEUED_METHODS, type PendingCall } from "./outbox";
import { browserNetwork, browserTimers, RETRY_MS, signalRConnection, type NetworkSignal, type RoomConnection, type Timers } from "./room-connection";
import { sectionsOf, type Section } from "./room-state";
import type { JoinResult, Me, Notice, Presence, QuestionVotes, RoomEvent, Snapshot, Tally } from "./types";

export * from "./outbox";
export * from "./room-connection";

export type ConnState = "connecting" | "live" | "reconnecting";

export interface RoomHandlers {
  snapshot(s: Snapshot, me: Me): void;
  /** One event, in sequence order. Optional when `events` is given. */
  event?(e: RoomEvent): void;
  /** Once per applied batch (after its `event` calls), with the sections it touched: redraw once, not per event. */
  events?(batch: RoomEvent[], sections: Set<Section>): void;
  state(s: ConnState): void;
  presence?(p: Presence): void;
  /** A poll tally; an older version than one already delivered for the poll is never passed on. */
  tally?(t: Tally): void;
  /** Question vote counts; a count lower than one already seen for the question is never passed on. */
  questionVotes?(v: QuestionVotes[]): void;
  notice?(n: Notice): void;
  queue?(q: { kind: string; itemId: string; change: string }): void;
  turnout?(t: { voteId: string; cast: number }): void;
  questionnaireTally?(a: any): void;
  joined?(r: JoinResult): void;
  /** How many participant actions wait in the outbox (0 when all were sent). */
  queued?(count: number, pending: readonly PendingCall[]): void;
}

export interface RoomClientOptions {
  /** The hall's big screen: read-only, not counted online. */
  screen?: boolean;
  connection?: RoomConnection;
  timers?: Timers;
  network?: NetworkSignal | null;
}

/** How long a gap in the sequence may stay open before the client asks with Resume. */
export const GAP_WAIT_MS = 400;

export class RoomClient {
  readonly connection: RoomConnection;
  lastSeq = 0;
  private readonly screen: boolean;
  private readonly timers: Timers;
  private readonly network: NetworkSignal | null;
  private ahead = new Map<number, RoomEvent>();
  private joining = false;
  private joined = false;
  private held: RoomEvent[] = [];
  private gapTimer: unknown;
  private announcedSeq = 0;
  private conn: ConnState | null = null;
  private browserOffline = false;
  private starting: Promise<void> | null = null;
  private restartTimer: unknown;
  private readonly outbox: Outbox;
  private tallyVersions = new Map<string, number>();
  private votesSeen = new Map<string, number>();

  constructor(private roomId: string, private handlers: RoomHandlers, screenOrOptions: boolean | RoomClientOptions = false) {
    const o: RoomClientOptions = typeof screenOrOptions === "boolean" ? { screen: screenOrOptions } : screenOrOptions;
    this.screen = o.screen ?? false;
    this.timers = o.timers ?? browserTimers;
    this.outbox = new Outbox((d) => handlers.queued?.(d.count, d.pending));
    this.network = o.network === undefined ? browserNetwork() : o.network;
    this.connection = o.connection ?? signalRConnection();
    const c = this.connection;
    c.on("EventsReceived", (b: { events: RoomEvent[] }) => this.receive(b.events));
    c.on("PresenceChanged", (p: Presence) => { this.checkTrailingGap(p.seq ?? 0); handlers.presence?.(p); });
    c.on("PollTallied", (t: Tally) => this.deliverTally(t));
    c.on("QuestionVotesChanged", (v: QuestionVotes[]) => this.deliverVotes(v));
    c.on("NoticeReceived", (n) => handlers.notice?.(n));
    c.on("ModerationQueueChanged", (q) => handlers.queue?.(q));
    c.on("VoteTurnoutChanged", (t) => handlers.turnout?.(t));
    c.on("QuestionnaireTallied", (a) => handlers.questionnaireTally?.(a));
    c.onreconnecting(() => { this.joined = false; this.setState("reconnecting"); });
    c.onreconnected(() => void this.join().catch(() => void this.connection.stop()));
    // The retry policy never gives up, but a server that refuses the socket ends the connection: start over
    // (unless the browser said it is offline: then the "online" event starts over).
    c.onclose(() => {
      this.joined = false;
      this.setState("reconnecting");
      if (!this.browserOffline) this.scheduleRestart(3000);
    });
    this.browserOffline = this.network ? !this.network.onLine : false;
    this.network?.addEventListener("offline", () => this.wentOffline());
    this.network?.addEventListener("online", () => this.cameOnline());
  }

  /** True while the room is joined over a working connection; participant actions then go out at once. */
  get online(): boolean {
    return this.joined && !this.browserOffline && this.connection.state === HubConnectionState.Connected;
  }

  /** The connection state last reported to the page. */
  get connState(): ConnState {
    return this.conn ?? "connecting";
  }

  /** Participant actions waiting to be sent, oldest first. */
  get pending(): readonly PendingCall[] {
    return this.outbox.pending;
  }

  async start(): Promise<void> {
    this.setState(this.lastSeq > 0 ? "reconnecting" : "connecting");
    this.starting ??= this.connectLoop().finally(() => { this.starting = null; });
    return this.starting;
  }

  /**
   * Calls a hub method. Participant actions (QUEUED_METHODS) made while the connection is away wait in the outbox:
   * the promise stays pending and settles after the real send, which happens once, in order, when the room is live
   * again. Other calls made while offline fail at once with room.offline.
   */
  invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T> {
    const queued = QUEUED_METHODS.has(method);
    // A participant action waits behind earlier queued ones, so the room sees them in the order they were made.
    if (this.online && (!queued || this.outbox.idle)) return this.connection.invoke<T>(method, ...args);
    if (!queued) return Promise.reject(new Error(OFFLINE_ERROR));
    const sent = this.outbox.add<T>(method, args);
    if (this.online) void this.flush();
    return sent;
  }

  private async connectLoop(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.browserOffline) return; // the "online" event starts over
      if (this.joined && this.connection.state === HubConnectionState.Connected) return; // rejoined on its own meanwhile
      try {
        if (this.connection.state === HubConnectionState.Disconnected) await this.connection.start();
        // Still reconnecting on its own (onreconnected joins then): give it the usual wait.
        if (this.connection.state !== HubConnectionState.Connected) throw new Error("not connected");
        await this.join();
        return;
      } catch (err) {
        // Refused by the room's rules: retrying will not help — unless the database was only briefly away.
        if (/room\./.test(String(err)) && !/room\.try_again/.test(String(err))) throw err;
        await new Promise<void>((r) => this.timers.setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] || 1000));
      }
    }
  }

  private scheduleRestart(ms: number): void {
    if (this.restartTimer !== undefined) return;
    this.restartTimer = this.timers.setTimeout(() => {
      this.restartTimer = undefined;
      this.start().catch(() => undefined);
    }, ms);
  }

  // The browser knows at once when the network goes; the socket would take until its timeout. Drop it now, so
  // the page says so and what the person sends waits in the outbox; "online" reconnects and resumes.
  private wentOffline(): void {
    if (this.browserOffline) return;
    this.browserOffline = true;
    this.joined = false;
    this.setState("reconnecting");
    if (this.connection.state !== HubConnectionState.Disconnected) void this.connection.stop().catch(() => undefined);
  }

  private cameOnline(): void {
    if (!this.browserOffline) return;
    this.browserOffline = false;
    if (this.restartTimer !== undefined) { this.timers.clearTimeout(this.restartTimer); this.restartTimer = undefined; }
    this.start().catch(() => undefined);
  }

  private setState(s: ConnState): void {
    if (this.conn === s) return;
    this.conn = s;
    this.handlers.state(s);
  }

  private async join(): Promise<void> {
    this.joining = true;
    try {
      const resume = this.lastSeq > 0;
      const r = await this.connection.invoke<JoinResult>("Join", { roomId: this.roomId, lastSeq: resume ? this.lastSeq : null, screen: this.screen });
      this.joined = true;
      this.handlers.joined?.(r);
      if (r.snapshot) {
        this.lastSeq = r.snapshot.seq;
        this.ahead.clear();
        this.tallyVersions.clear();
        this.votesSeen.clear();
        r.snapshot.tallies.forEach((t) => this.tallyVersions.set(t.pollId, t.version ?? 0));
        r.snapshot.questions.forEach((q) => this.votesSeen.set(q.id, q.votes));
        this.handlers.snapshot(r.snapshot, r.me);
      }
      this.handlers.presence?.(r.presence);
      r.tallies.forEach((t) => this.deliverTally(t));
      this.joining = false;
      this.receive([...(r.missed ?? []), ...this.held]);
      this.held = [];
      // Counts read after the missed events, so they are at least as new as those events' copies.
      if (r.questionVotes?.length) this.deliverVotes(r.questionVotes);
      this.setState("live");
      void this.flush();
    } finally {
      this.joining = false;
    }
  }

  private flush(): Promise<void> {
    return this.outbox.drain((method, args) => this.connection.invoke(method, ...args), () => this.online);
  }

  private receive(events: RoomEvent[]): void {
    if (this.joining) { this.held.push(...events); return; }
    for (const e of events) if (e.seq > this.lastSeq) this.ahead.set(e.seq, e);
    let next: RoomEvent | undefined;
    const applied: RoomEvent[] = [];
    const sections = new Set<Section>();
    while ((next = this.ahead.get(this.lastSeq + 1))) {
      this.ahead.delete(next.seq);
      this.lastSeq = next.seq;
      this.noteEvent(next);
      applied.push(next);
      sectionsOf(next).forEach((s) => sections.add(s));
      this.handlers.event?.(next);
    }
    if (applied.length > 0) this.handlers.events?.(applied, sections);
    if (this.ahead.size > 0 && this.gapTimer === undefined) {
      // Events can overtake each other between nodes; give stragglers a moment, then ask the database.
      this.gapTimer = this.timers.setTimeout(() => void this.fillGap(), GAP_WAIT_MS);
    }
  }

  /** Remembers what a sequenced event says about counts, so an older coalesced push cannot undo it. */
  private noteEvent(e: RoomEvent): void {
    if ((e.type === "QuestionAsked" || e.type === "QuestionUpdated") && typeof e.data?.votes === "number") {
      this.votesSeen.set(e.data.id, Math.max(this.votesSeen.get(e.data.id) ?? 0, e.data.votes));
    } else if (e.type === "PollClosed" && e.data?.tally) {
      const t = e.data.tally as Tally;
      this.tallyVersions.set(t.pollId, Math.max(this.tallyVersions.get(t.pollId) ?? 0, t.version ?? 0));
    }
  }

  private deliverTally(t: Tally): void {
    const seen = this.tallyVersions.get(t.pollId);
    if (seen !== undefined && (t.version ?? 0) < seen) return;
    this.tallyVersions.set(t.pollId, t.version ?? 0);
    this.handlers.tally?.(t);
  }

  // Vote counts only grow (a merge adds the source's voters), so a lower count is an older push.
  private deliverVotes(list: QuestionVotes[]): void {
    const fresh = list.filter((v) => v.votes >= (this.votesSeen.get(v.id) ?? 0));
    fresh.forEach((v) => this.votesSeen.set(v.id, v.votes));
    if (fresh.length > 0) this.handlers.questionVotes?.(fresh);
  }

  // The once-a-second presence push carries the room's last sequence. If what the previous push announced has still
  // not arrived, the last batch was lost (a Redis outage, a node gone mid-send): fetch it. Waiting one push avoids
  // asking for events that are merely still in flight.
  private checkTrailingGap(seq: number): void {
    const due = this.announcedSeq;
    this.announcedSeq = seq;
    if (due > this.lastSeq && !this.joining && this.gapTimer === undefined && this.online) {
      this.connection.invoke<RoomEvent[]>("Resume", this.lastSeq).then((missing) => this.receive(missing), () => undefined);
    }
  }

  private async fillGap(): Promise<void> {
    this.gapTimer = undefined;
    if (this.ahead.size === 0 || !this.online) return; // a rejoin after the reconnect resumes instead
    try {
      this.receive(await this.connection.invoke<RoomEvent[]>("Resume", this.lastSeq));
    } catch {
      // The connection is going away: the rejoin fills the gap. Otherwise try again after the usual wait.
      if (this.ahead.size > 0 && this.gapTimer === undefined && this.online) {
        this.gapTimer = this.timers.setTimeout(() => void this.fillGap(), GAP_WAIT_MS);
      }
    }
  }
}
