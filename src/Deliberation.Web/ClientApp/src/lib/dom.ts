// Tiny DOM helpers. Text always goes in through textContent, so user text can never become markup.
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, any> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "text") el.textContent = String(v);
    // Through the CSSOM: the Content-Security-Policy refuses style attributes (setAttribute("style")), not this.
    else if (k === "style") el.style.cssText = String(v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function bind(root: HTMLElement, name: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(`[data-bind="${name}"]`);
  if (!el) throw new Error(`missing [data-bind=${name}]`);
  return el;
}

export function clear(el: HTMLElement, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => !!c));
}

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

let timeFormat: Intl.DateTimeFormat | undefined;

/**
 * Hours and minutes as the hub's server-rendered pages write them: 24-hour, China time (the hub's display zone,
 * `Display`), in the page's language — not the browser's locale and zone, which turned 16:07 into "04:07 PM" on a
 * Chinese page. One formatter for the page: building one per call is slow.
 */
export function time(iso: string): string {
  timeFormat ??= new Intl.DateTimeFormat((typeof document === "undefined" ? "" : document.documentElement.lang) || "zh-CN",
    { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Shanghai" });
  return timeFormat.format(new Date(iso));
}

/** A horizontal bar chart of counts, drawn with plain elements (scales on a phone and on a big screen). */
export function bars(labels: string[], counts: number[]): HTMLElement {
  const total = counts.reduce((a, b) => a + b, 0);
  return h("div", { class: "bars" }, ...labels.map((label, i) => {
    const pct = total === 0 ? 0 : Math.round((counts[i] ?? 0) * 100 / total);
    return h("div", { class: "bar-row" },
      h("div", { class: "bar-label" }, h("span", { text: label }), h("span", { class: "bar-num", text: `${counts[i] ?? 0} · ${pct}%` })),
      h("div", { class: "bar-track" }, h("div", { class: "bar-fill", style: `width:${pct}%` })));
  }));
}

/**
 * Redraws <paramref name="el"/> unless the user is typing in it: then the redraw waits until focus leaves,
 * so streaming updates never wipe half-written text or an open drop-down.
 */
export function redraw(el: HTMLElement, draw: () => void): void {
  const active = document.activeElement;
  if (active && el.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) {
    if (el.dataset.pending) return;
    el.dataset.pending = "1";
    el.addEventListener("focusout", function retry() {
      window.setTimeout(() => {
        if (document.activeElement && el.contains(document.activeElement)) return;
        el.removeEventListener("focusout", retry);
        delete el.dataset.pending;
        draw();
      }, 0);
    });
    return;
  }
  draw();
}
