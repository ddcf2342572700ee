import { afterEach, describe, expect, it } from "vitest";
import { FrameQueue, KeyedList } from "../src/lib/room-keyed";

// Just enough of the DOM for a keyed list: children in order, insertBefore, remove, dataset.
class FakeNode {
  parent: FakeParent | null = null;
  dataset: Record<string, string> = {};
  constructor(readonly label: string) {}
  get nextSibling(): FakeNode | null {
    if (!this.parent) return null;
    return this.parent.kids[this.parent.kids.indexOf(this) + 1] ?? null;
  }
  remove(): void {
    if (!this.parent) return;
    this.parent.kids.splice(this.parent.kids.indexOf(this), 1);
    this.parent = null;
  }
}
class FakeParent extends FakeNode {
  kids: FakeNode[] = [];
  inserts = 0;
  get firstChild(): FakeNode | null { return this.kids[0] ?? null; }
  insertBefore(n: FakeNode, ref: FakeNode | null): FakeNode {
    n.remove();
    this.kids.splice(ref ? this.kids.indexOf(ref) : this.kids.length, 0, n);
    n.parent = this;
    this.inserts++;
    return n;
  }
}

type Item = { id: string; v: number };

function setup() {
  const parent = new FakeParent("ul");
  let built = 0;
  const list = new KeyedList<Item>(parent as unknown as HTMLElement, (x) => x.id, (x) => String(x.v),
    (x) => { built++; return new FakeNode(`${x.id}${x.v}`) as unknown as HTMLElement; });
  const labels = () => parent.kids.map((k) => k.label);
  return { parent, list, labels, built: () => built };
}

describe("KeyedList", () => {
  it("builds each item once and prepends a new one with a single insertion", () => {
    const { parent, list, labels, built } = setup();
    list.draw([{ id: "a", v: 1 }, { id: "b", v: 1 }, { id: "c", v: 1 }]);
    const before = [...parent.kids];
    parent.inserts = 0;
    list.draw([{ id: "n", v: 1 }, { id: "a", v: 1 }, { id: "b", v: 1 }, { id: "c", v: 1 }]);
    expect(labels()).toEqual(["n1", "a1", "b1", "c1"]);
    expect(built()).toBe(4);
    expect(parent.inserts).toBe(1);
    expect(parent.kids.slice(1)).toEqual(before);
  });

  it("rebuilds only an item whose signature changed, drops removed ones and follows a new order", () => {
    const { parent, list, labels, built } = setup();
    list.draw([{ id: "a", v: 1 }, { id: "b", v: 1 }, { id: "c", v: 1 }]);
    const a = parent.kids[0];
    list.draw([{ id: "c", v: 1 }, { id: "b", v: 2 }, { id: "a", v: 1 }]);
    expect(labels()).toEqual(["c1", "b2", "a1"]);
    expect(built()).toBe(4);
    expect(parent.kids[2]).toBe(a);
    list.draw([{ id: "a", v: 1 }]);
    expect(labels()).toEqual(["a1"]);
  });
});

describe("FrameQueue", () => {
  const realWindow = (globalThis as any).window;
  afterEach(() => { (globalThis as any).window = realWindow; });

  it("draws each section once per frame however often it was marked", () => {
    const frames: (() => void)[] = [];
    (globalThis as any).window = {
      requestAnimationFrame: (f: () => void) => frames.push(f),
      cancelAnimationFrame: () => undefined,
      setTimeout: () => 0,
      clearTimeout: () => undefined,
    };
    const drawn: string[] = [];
    const q = new FrameQueue<string>((s) => drawn.push(s));
    for (let i = 0; i < 20; i++) { q.add("comments"); q.add("questions"); }
    expect(drawn).toEqual([]);
    expect(frames.length).toBe(1);
    frames[0]();
    expect(drawn).toEqual(["comments", "questions"]);
  });
});
