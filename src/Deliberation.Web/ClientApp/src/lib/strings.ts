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

/** Code and optional detail of a hub error: "room.too_long:500" gives { code: "room.too_long", detail: "500" }. */
export function errorInfo(err: unknown): { code: string; detail: string | null } {
  const m = /(room\.[a-z_]+)(?::([A-Za-z0-9_.-]+))?/.exec(String((err as Error)?.message ?? err));
  return m ? { code: m[1], detail: m[2] ?? null } : { code: "connection", detail: null };
}
