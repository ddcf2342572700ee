// UI strings come from the server in the user's language (Resources/strings.tsv); no text is hard-coded here.
import type { Config } from "./types";

export function loadConfig(): Config {
  const el = document.getElementById("room-config");
  if (!el) throw new Error("room-config missing");
  return JSON.parse(el.textContent || "{}") as Config;
}

export function makeT(strings: Record<string, string>) {
  return (key: string, ...args: (string | number)[]): string => {
    let s = strings[key] ?? key;
    args.forEach((a, i) => { s = s.replace(`{${i}}`, String(a)); });
    return s;
  };
}

/** The error code inside a hub error ("…HubException: room.rate_limited") or a connection failure. */
export function errorCode(err: unknown): string {
  const m = /(room\.[a-z_]+)/.exec(String((err as Error)?.message ?? err));
  return m ? m[1] : "connection";
}
