// Participant actions made while the room is away wait here and are sent once, in order, when it is back.

/** A participant action waiting for the connection. */
export interface PendingCall { readonly method: string; readonly args: readonly unknown[] }

/** Actions a participant may take while offline: they wait in the outbox and are sent once on reconnect. */
export const QUEUED_METHODS: ReadonlySet<string> = new Set([
  "PostComment", "ReportComment", "AskQuestion", "UpvoteQuestion", "RequestFloor", "WithdrawFloor", "AnswerPoll", "CastVote",
  "SubmitQuestionnaire",
]);

/**
 * A document event (detail: OutboxDetail) fired whenever the outbox changes, so the connection banner
 * (common-ui setConnState) can count waiting actions on every page without extra wiring.
 */
export const OUTBOX_EVENT = "room-outbox";
export interface OutboxDetail { count: number; pending: readonly PendingCall[] }

/** The message of a call refused because the connection is away (shown as RoomError.room.offline). */
export const OFFLINE_ERROR = "room.offline";

interface Outgoing extends PendingCall { resolve(v: unknown): void; reject(e: unknown): void }

export class Outbox {
  private calls: Outgoing[] = [];
  private draining = false;

  constructor(private readonly changed: (detail: OutboxDetail) => void) {}

  /** Nothing waits and nothing is being sent: a new action may go out directly. */
  get idle(): boolean {
    return this.calls.length === 0 && !this.draining;
  }

  get pending(): readonly PendingCall[] {
    return this.calls.map(({ method, args }) => ({ method, args }));
  }

  /** Queues a call; the promise settles after its real send. */
  add<T>(method: string, args: unknown[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.calls.push({ method, args, resolve: resolve as (v: unknown) => void, reject });
      this.report();
    });
  }

  /**
   * Sends the calls in order, one at a time, while `canSend()`; stops (keeping the rest) when it turns false.
   * Each is sent exactly once: a call that fails in flight is not repeated (the server may have applied it); its
   * promise rejects so the page can say so.
   */
  async drain(send: (method: string, args: readonly unknown[]) => Promise<unknown>, canSend: () => boolean): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.calls.length > 0 && canSend()) {
        const call = this.calls.shift()!;
        this.report();
        await send(call.method, call.args).then(call.resolve, call.reject);
      }
    } finally {
      this.draining = false;
    }
  }

  private report(): void {
    const detail: OutboxDetail = { count: this.calls.length, pending: this.pending };
    this.changed(detail);
    if (typeof document !== "undefined" && typeof CustomEvent !== "undefined") document.dispatchEvent(new CustomEvent(OUTBOX_EVENT, { detail }));
  }
}
