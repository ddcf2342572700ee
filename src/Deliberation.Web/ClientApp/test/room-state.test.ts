import { describe, expect, it, vi } from "vitest";
import { RoomState, sectionsOf, timeKey } from "../src/lib/room-state";
import type { Comment, RoomEvent } from "../src/lib/types";
import { comment, me, snapshot, tally } from "./fakes";

function state(over = {}): RoomState {
  const s = new RoomState();
  s.load(snapshot(0, over), me);
  return s;
}

const question = (id: string, votes: number, status = "Open") =>
  ({ id, authorName: "李", tier: "Member", text: "?", status, votes, mergedCount: 0, mergedIntoId: null, answeredBy: null, answerText: null, at: "2026-12-02T09:00:00Z" });

/** The order the page shows: pinned first, then newest first (the old full sort, by time). */
function fullSort(list: Comment[]): string[] {
  return [...list].sort((a, b) => (a.pinned === b.pinned ? Date.parse(b.at) - Date.parse(a.at) || (b.id > a.id ? 1 : -1) : a.pinned ? -1 : 1)).map((c) => c.id);
}

describe("comments", () => {
  it("keeps pinned first, then newest first, as events arrive", () => {
    const s = state();
    for (let i = 1; i <= 5; i++) s.apply(comment(i));
    s.apply({ seq: 6, type: "CommentPinned", at: "", data: { id: "c2", pinned: true } });
    s.apply({ seq: 7, type: "CommentRemoved", at: "", data: { id: "c4" } });
    expect(s.sortedComments().map((c) => c.id)).toEqual(["c2", "c5", "c3", "c1"]);
  });

  it("matches a full sort after any mix of shows, re-shows, pins and removals", () => {
    const s = state({ comments: [comment(0, "s1").data, comment(0, "s2", { pinned: true }).data] });
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let seq = 1; seq <= 400; seq++) {
      const id = `c${rnd(60)}`;
      const pick = rnd(4);
      const e: RoomEvent = pick === 0 ? { seq, type: "CommentRemoved", at: "", data: { id } }
        : pick === 1 ? { seq, type: "CommentPinned", at: "", data: { id, pinned: rnd(2) === 0 } }
        : comment(seq, id, { pinned: rnd(5) === 0 });
      s.apply(e);
    }
    expect(s.sortedComments().map((c) => c.id)).toEqual(fullSort([...s.comments.values()]));
    expect(s.sortedComments()).toHaveLength(s.comments.size);
  });

  it("still sorts when a page changed the map directly", () => {
    const s = state();
    s.apply(comment(1));
    const c = comment(2).data as Comment;
    s.comments.set(c.id, c);
    expect(s.sortedComments().map((x) => x.id)).toEqual(["c2", "c1"]);
  });
});

describe("counts", () => {
  it("never takes an older tally version", () => {
    const s = state({ tallies: [tally("p", 5, 5)] });
    expect(s.applyTally(tally("p", 4, 4))).toBe(false);
    expect(s.tallies.get("p")!.respondents).toBe(5);
    expect(s.applyTally(tally("p", 6, 6))).toBe(true);
    s.apply({ seq: 1, type: "PollClosed", at: "", data: { poll: { id: "p", status: "Closed" }, tally: tally("p", 5, 5) } });
    expect(s.tallies.get("p")!.version).toBe(6);
  });

  it("keeps the larger question vote count, from a push or an event", () => {
    const s = state({ questions: [question("q", 3)] });
    expect(s.applyQuestionVotes([{ id: "q", votes: 2 }])).toBe(false);
    expect(s.applyQuestionVotes([{ id: "q", votes: 8 }])).toBe(true);
    s.apply({ seq: 1, type: "QuestionUpdated", at: "", data: question("q", 6, "Answering") });
    expect(s.questions.get("q")).toMatchObject({ votes: 8, status: "Answering" });
    s.apply({ seq: 2, type: "QuestionUpdated", at: "", data: question("q", 6, "Hidden") });
    expect(s.questions.has("q")).toBe(false);
  });
});

describe("sections", () => {
  it("names the same sections apply returns", () => {
    const s = state();
    const events: RoomEvent[] = [
      comment(1), { seq: 2, type: "FloorQueueChanged", at: "", data: [] }, { seq: 3, type: "RoomStatusChanged", at: "", data: { status: "Ended" } },
      { seq: 4, type: "AnnouncementMade", at: "", data: { text: "休会" } }, { seq: 5, type: "Unknown", at: "", data: {} },
    ];
    for (const e of events) expect(s.apply(e)).toEqual(sectionsOf(e));
  });
});

describe("sorting by time", () => {
  const q = (id: string, votes: number, at: string, status = "Open") => ({ ...question(id, votes, status), at });

  it("orders questions by the instant, not the text, whatever offset the server wrote", () => {
    // 10:00+01:00 is 09:00Z: older than 09:30Z although its text sorts later.
    const s = state({ questions: [q("a", 1, "2026-12-02T10:00:00+01:00"), q("b", 1, "2026-12-02T09:30:00Z"), q("c", 1, "2026-12-02T09:45:00.5+00:00")] });
    expect(s.visibleQuestions(false).map((x) => x.id)).toEqual(["c", "b", "a"]);
  });

  it("puts the question being answered first, answered last, then by votes, then newest, then by id", () => {
    const at = "2026-12-02T09:00:00Z";
    const s = state({ questions: [q("done", 99, at, "Answered"), q("low", 1, at), q("hi", 9, at), q("now", 0, at, "Answering"), q("tie2", 9, at),
      q("newer", 1, "2026-12-02T09:10:00Z"), q("wait", 50, at, "Pending"), q("gone", 50, at, "Merged")] });
    expect(s.visibleQuestions(true).map((x) => x.id)).toEqual(["now", "hi", "tie2", "newer", "low", "done"]);
    expect(s.visibleQuestions(false).map((x) => x.id)).toEqual(["now", "newer", "hi", "low", "tie2", "done"]);
  });

  it("parses each item's time once, however often the list is sorted", () => {
    const s = state({ questions: Array.from({ length: 50 }, (_, i) => q(`q${i}`, i % 7, new Date(Date.UTC(2026, 11, 2, 9, i)).toISOString())) });
    s.visibleQuestions(true);
    const parse = vi.spyOn(Date, "parse");
    for (let i = 0; i < 5; i++) s.visibleQuestions(i % 2 === 0);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(timeKey({ at: "2026-12-02T10:00:00+01:00" })).toBe(Date.UTC(2026, 11, 2, 9));
  });

  it("orders comments by the instant across offsets", () => {
    const s = state({ comments: [{ ...comment(0, "x").data, at: "2026-12-02T10:00:00+01:00" }, { ...comment(0, "y").data, at: "2026-12-02T09:30:00Z" }] });
    expect(s.sortedComments().map((c) => c.id)).toEqual(["y", "x"]);
  });
});
