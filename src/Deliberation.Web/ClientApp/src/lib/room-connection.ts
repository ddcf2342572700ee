// What RoomClient needs from the outside world — the SignalR connection, timers, the browser's network signal —
// as small interfaces, so the unit tests can drive the client without a network or a clock.
import { HttpTransportType, HubConnectionBuilder, LogLevel } from "@microsoft/signalr";

/** The few members of SignalR's HubConnection the client uses. */
export interface RoomConnection {
  readonly state: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke<T = any>(method: string, ...args: any[]): Promise<T>;
  on(method: string, handler: (...args: any[]) => any): void;
  onreconnecting(callback: (error?: Error) => void): void;
  onreconnected(callback: (connectionId?: string) => void): void;
  onclose(callback: (error?: Error) => void): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's own network signal (navigator.onLine and the window's online/offline events). */
export interface NetworkSignal {
  readonly onLine: boolean;
  addEventListener(type: "online" | "offline", listener: () => void): void;
}

/** Keep-alive and timeout, matched to the server's KeepAliveInterval (5 s) and ClientTimeoutInterval (30 s). */
export const KEEP_ALIVE_MS = 5000;
export const SERVER_TIMEOUT_MS = 12000;
/** Waits between connection attempts (the last one repeats). */
export const RETRY_MS = [0, 1000, 2000, 3000, 5000, 8000];

export const browserTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as number),
};

export function browserNetwork(): NetworkSignal | null {
  if (typeof window === "undefined" || typeof navigator === "undefined") return null;
  return { get onLine() { return navigator.onLine; }, addEventListener: (type, fn) => window.addEventListener(type, fn) };
}

export function signalRConnection(): RoomConnection {
  return new HubConnectionBuilder()
    // WebSockets only, without the negotiate round trip: any node can take the socket, no sticky sessions.
    .withUrl("/hubs/room", { skipNegotiation: true, transport: HttpTransportType.WebSockets })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => RETRY_MS[c.previousRetryCount] ?? 10000 })
    .withKeepAliveInterval(KEEP_ALIVE_MS)
    .withServerTimeout(SERVER_TIMEOUT_MS)
    .configureLogging(LogLevel.Warning)
    .build();
}
