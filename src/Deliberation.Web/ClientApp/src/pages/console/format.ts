// One cached time formatter: toLocaleTimeString with options builds a new formatter on every call, which adds up
// when hundreds of rows are drawn.
const hm = new Intl.DateTimeFormat([], { hour: "2-digit", minute: "2-digit" });

export function time(iso: string): string {
  return hm.format(new Date(iso));
}
