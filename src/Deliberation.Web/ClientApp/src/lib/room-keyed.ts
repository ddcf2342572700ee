// Lists drawn by key: a busy room (20 comments a second, thousands of items) redraws only what changed.

/**
 * Collects sections and draws each once per animation frame, however many events arrived meanwhile; used by the
 * room and the console. <paramref name="after"/> runs after each flush. One section failing does not stop the others.
 */
export class FrameQueue<S> {
  private dirty = new Set<S>();
  private frame = 0;
  private timer = 0;

  constructor(private draw: (section: S) => void, private after?: () => void) {}

  add(...sections: S[]): void {
    for (const s of sections) this.dirty.add(s);
    if (this.frame) return;
    this.frame = window.requestAnimationFrame(() => this.flush());
    // A page in the background gets no frames; draw anyway, rarely, so it is current when shown.
    this.timer = window.setTimeout(() => this.flush(), 500);
  }

  /** Draws everything pending now (after a snapshot, before the first paint). */
  flush(): void {
    if (this.frame) window.cancelAnimationFrame(this.frame);
    window.clearTimeout(this.timer);
    this.frame = 0;
    const list = [...this.dirty];
    this.dirty.clear();
    for (const s of list) {
      try {
        this.draw(s);
      } catch (err) {
        console.error(`drawing ${String(s)} failed`, err);
      }
    }
    this.after?.();
  }
}

/**
 * A list element whose children follow an array of items by key. An item's element is built again only when its
 * signature changes; otherwise it is kept (and moved when the order changed). Removed items are taken out.
 */
export class KeyedList<T> {
  private nodes = new Map<string, { sig: string; el: HTMLElement }>();

  constructor(readonly el: HTMLElement, private key: (item: T) => string, private sig: (item: T) => string,
    private make: (item: T) => HTMLElement) {}

  draw(items: T[]): void {
    const keep = new Set<string>();
    let at: ChildNode | null = this.el.firstChild;
    for (const item of items) {
      const k = this.key(item);
      keep.add(k);
      const s = this.sig(item);
      let node = this.nodes.get(k);
      if (!node || node.sig !== s) {
        const el = this.make(item);
        el.dataset.key = k;
        if (node) {
          if (node.el === at) at = at.nextSibling;
          node.el.remove();
        }
        node = { sig: s, el };
        this.nodes.set(k, node);
      }
      if (node.el === at) at = at.nextSibling;
      else this.el.insertBefore(node.el, at);
    }
    for (const [k, node] of this.nodes) {
      if (!keep.has(k)) {
        node.el.remove();
        this.nodes.delete(k);
      }
    }
  }

  /** Forgets every element, so the next draw builds all of them (language or permissions changed). */
  reset(): void {
    this.nodes.forEach((n) => n.el.remove());
    this.nodes.clear();
  }
}
