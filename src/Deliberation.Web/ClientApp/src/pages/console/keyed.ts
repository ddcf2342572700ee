// A keyed list: rows are created once, patched in place when their data changes and moved only when the order
// changes, so a stream of events touches a handful of elements instead of rebuilding the list.
import { h } from "../../lib/dom";

export interface RowSpec<T> {
  key(item: T): string;
  /** A row whose signature is unchanged is left alone. */
  sig(item: T): string;
  create(item: T): HTMLElement;
  /** Updates a row in place; returns false when the row must be created anew. */
  patch?(el: HTMLElement, item: T): boolean;
}

interface Row { el: HTMLElement; sig: string }

export class KeyedList<T> {
  readonly el: HTMLElement;
  private rows = new Map<string, Row>();
  private waiting = false;

  constructor(tag: "ul" | "ol" | "div", cls: string, private readonly spec: RowSpec<T>, private readonly onDeferred?: () => void) {
    this.el = h(tag, { class: cls });
  }

  get size(): number {
    return this.rows.size;
  }

  update(items: T[]): void {
    // Only a field being typed in holds a row back; a focused button (just clicked) does not.
    const active = document.activeElement as HTMLElement | null;
    const typing = !!active && this.el.contains(active) && (/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable);
    const seen = new Set<string>();
    const wanted: HTMLElement[] = [];
    for (const item of items) {
      const key = this.spec.key(item);
      seen.add(key);
      const sig = this.spec.sig(item);
      let row = this.rows.get(key);
      if (!row) {
        row = { el: this.spec.create(item), sig };
        row.el.dataset.key = key;
        this.rows.set(key, row);
      } else if (row.sig !== sig) {
        if (this.spec.patch?.(row.el, item)) {
          row.sig = sig;
        } else if (typing && row.el.contains(active)) {
          this.defer(); // the moderator is typing in this row: redraw it once they leave it
        } else {
          const fresh = this.spec.create(item);
          fresh.dataset.key = key;
          row.el.replaceWith(fresh);
          row.el = fresh;
          row.sig = sig;
        }
      }
      wanted.push(row.el);
    }
    for (const [key, row] of this.rows) {
      if (!seen.has(key)) {
        row.el.remove();
        this.rows.delete(key);
      }
    }
    if (typing) {
      // Moving rows under the caret would steal focus; append new rows only and restore the order later.
      for (const el of wanted) if (!el.isConnected) this.el.append(el);
      if (wanted.some((el, i) => this.el.children[i] !== el)) this.defer();
      return;
    }
    let cursor = this.el.firstElementChild;
    for (const el of wanted) {
      if (el === cursor) {
        cursor = cursor.nextElementSibling;
        continue;
      }
      this.el.insertBefore(el, cursor);
    }
  }

  private defer(): void {
    if (this.waiting || !this.onDeferred) return;
    this.waiting = true;
    this.el.addEventListener("focusout", () => {
      window.setTimeout(() => {
        this.waiting = false;
        this.onDeferred?.();
      }, 0);
    }, { once: true });
  }
}

/** A "更多" button under a capped list; shows how many rows are not drawn. */
export function moreButton(label: (rest: number) => string, onMore: () => void): { el: HTMLButtonElement; show(rest: number): void } {
  const el = h("button", { type: "button", class: "btn small more", onclick: onMore });
  el.hidden = true;
  return {
    el,
    show(rest: number) {
      el.hidden = rest <= 0;
      if (rest > 0) el.textContent = label(rest);
    },
  };
}
