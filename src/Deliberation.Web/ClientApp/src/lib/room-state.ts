// The room as the client knows it: the join snapshot plus every sequenced event, applied in order.
import type { Agenda, Comment, FloorRequest, Me, Poll, Question, QuestionVotes, Questionnaire, RoomEvent, Snapshot, Speaker, Tally, Vote } from "./types";

export type Section = "status" | "agenda" | "announcement" | "comments" | "questions" | "floor" | "speaker" | "polls" | "votes" | "questionnaire";

const SECTIONS: Record<string, Section[]> = {
  CommentShown: ["comments"], CommentRemoved: ["comments"], CommentPinned: ["comments"],
  QuestionAsked: ["questions"], QuestionUpdated: ["questions"], FloorQueueChanged: ["floor"], SpeakerChanged: ["speaker"],
  AgendaItemChanged: ["agenda"], AnnouncementMade: ["announcement"], PollOpened: ["polls"], PollClosed: ["polls"],
  VoteOpened: ["votes"], VoteClosed: ["votes"], QuestionnaireOpened: ["questionnaire"], QuestionnaireClosed: ["questionnaire"],
  RoomStatusChanged: ["status"],
};

/** The sections an event touches (what `RoomState.apply` returns for it). */
export function sectionsOf(e: RoomEvent): Section[] {
  return SECTIONS[e.type] ?? [];
}

const stamps = new WeakMap<object, number>();

/**
 * An item's time as a number, parsed once per item: sorting compares numbers, not strings (a locale-aware
 * comparison per pair was most of a busy page's sorting time, and ISO texts with different offsets do not compare).
 */
export function timeKey(x: { at: string }): number {
  let v = stamps.get(x);
  if (v === undefined) {
    v = Date.parse(x.at) || 0;
    stamps.set(x, v);
  }
  return v;
}

/** Pinned first, then newest first; ties by id, so the order is the same on every page. */
function before(a: Comment, b: Comment): boolean {
  if (a.pinned !== b.pinned) return a.pinned;
  const ta = timeKey(a), tb = timeKey(b);
  return ta !== tb ? ta > tb : a.id > b.id;
}

function rank(q: Question): number {
  return q.status === "Answering" ? 0 : q.status === "Answered" ? 2 : 1;
}

export class RoomState {
  me!: Me;
  status = "";
  title = "";
  agenda: Agenda[] = [];
  currentAgendaId: string | null = null;
  announcement: string | null = null;
  comments = new Map<string, Comment>();
  questions = new Map<string, Question>();
  floor: FloorRequest[] = [];
  speaker: Speaker | null = null;
  polls = new Map<string, Poll>();
  tallies = new Map<string, Tally>();
  myAnswers = new Map<string, { choices: number[]; rating: number | null; text: string | null }>();
  votes = new Map<string, Vote>();
  voted = new Set<string>();
  questionnaire: Questionnaire | null = null;
  questionnaireAnswered = false;
  upvoted = new Set<string>();
  myQuestionIds = new Set<string>();
  speakingMinutes = 5;
  /** `comments` in display order, kept as events arrive (one insertion each, no full sort). */
  private order: Comment[] = [];

  load(s: Snapshot, me: Me): void {
    this.me = me;
    this.status = s.status;
    this.title = s.title;
    this.agenda = s.agenda;
    this.currentAgendaId = s.currentAgendaItemId;
    this.announcement = s.announcement;
    this.comments = new Map(s.comments.map((c) => [c.id, c]));
    this.rebuildOrder();
    this.questions = new Map(s.questions.map((q) => [q.id, q]));
    this.floor = s.floorQueue;
    this.speaker = s.speaker.speechId ? s.speaker : null;
    this.polls = new Map(s.polls.map((p) => [p.id, p]));
    this.tallies = new Map(s.tallies.map((t) => [t.pollId, t]));
    this.myAnswers = new Map(s.myPollAnswers.map((a) => [a.pollId, a]));
    this.votes = new Map(s.votes.map((v) => [v.id, v]));
    this.voted = new Set(s.votedIds);
    this.questionnaire = s.questionnaire;
    this.questionnaireAnswered = s.questionnaireAnswered;
    this.upvoted = new Set(s.upvotedQuestionIds);
    this.speakingMinutes = s.speakingMinutes;
  }

  /** Applies one event; returns the sections to redraw. */
  apply(e: RoomEvent): Section[] {
    const d = e.data;
    switch (e.type) {
      case "CommentShown": this.putComment(d); return ["comments"];
      case "CommentRemoved": this.dropComment(d.id); return ["comments"];
      case "CommentPinned": { const c = this.comments.get(d.id); if (c) this.putComment({ ...c, pinned: d.pinned }); return ["comments"]; }
      case "QuestionAsked":
      case "QuestionUpdated": {
        // Vote counts only grow; a coalesced push may already have brought a higher one than this event's copy.
        const old = this.questions.get(d.id);
        if (d.status === "Hidden") this.questions.delete(d.id); else this.questions.set(d.id, old && old.votes > d.votes ? { ...d, votes: old.votes } : d);
        return ["questions"];
      }
      case "FloorQueueChanged": this.floor = d; return ["floor"];
      case "SpeakerChanged": this.speaker = d.speechId ? d : null; return ["speaker"];
      case "AgendaItemChanged": this.currentAgendaId = d.id; return ["agenda"];
      case "AnnouncementMade": this.announcement = d.text; return ["announcement"];
      case "PollOpened": this.polls.set(d.id, d); return ["polls"];
      case "PollClosed": this.polls.set(d.poll.id, d.poll); this.applyTally(d.tally); return ["polls"];
      case "VoteOpened":
      case "VoteClosed": this.votes.set(d.id, d); return ["votes"];
      case "QuestionnaireOpened": this.questionnaire = d; this.questionnaireAnswered = false; return ["questionnaire"];
      case "QuestionnaireClosed": if (this.questionnaire?.id === d.id) this.questionnaire = null; return ["questionnaire"];
      case "RoomStatusChanged": this.status = d.status; return ["status"];
      default: return [];
    }
  }

  /** Takes a poll tally unless an equal-or-newer version is already here; true when it was taken. */
  applyTally(t: Tally): boolean {
    const old = this.tallies.get(t.pollId);
    if (old && (old.version ?? 0) > (t.version ?? 0)) return false;
    this.tallies.set(t.pollId, t);
    return true;
  }

  /** Takes vote counts (they only grow, so a lower one is older); true when any question changed. */
  applyQuestionVotes(list: QuestionVotes[]): boolean {
    let changed = false;
    for (const v of list) {
      const q = this.questions.get(v.id);
      if (q && v.votes > q.votes) { q.votes = v.votes; changed = true; }
    }
    return changed;
  }

  currentAgenda(): Agenda | undefined {
    return this.agenda.find((a) => a.id === this.currentAgendaId);
  }

  /** Pinned first, then newest first. The list is the state's own: read it, do not change it. */
  sortedComments(): Comment[] {
    // Someone changed `comments` directly: fall back to one full sort.
    if (this.order.length !== this.comments.size) this.rebuildOrder();
    return this.order;
  }

  private rebuildOrder(): void {
    this.order = [...this.comments.values()].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  private putComment(c: Comment): void {
    this.dropComment(c.id);
    this.comments.set(c.id, c);
    // Binary search for the first comment that c comes before; new comments are usually near the top.
    let lo = 0, hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.order[mid], c)) lo = mid + 1; else hi = mid;
    }
    this.order.splice(lo, 0, c);
  }

  private dropComment(id: string): void {
    const c = this.comments.get(id);
    if (!c) return;
    this.comments.delete(id);
    const i = this.order.indexOf(c);
    if (i >= 0) this.order.splice(i, 1);
  }

  /** Questions people see (not pending, merged or hidden): being answered first, answered last; by votes or newest first. */
  visibleQuestions(byVotes: boolean): Question[] {
    const list: Question[] = [];
    for (const q of this.questions.values()) if (q.status !== "Merged" && q.status !== "Pending" && q.status !== "Hidden") list.push(q);
    return list.sort((a, b) => rank(a) - rank(b) || (byVotes ? b.votes - a.votes : 0) || timeKey(b) - timeKey(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Where my question went: itself, or the question it was merged into. */
  followMerged(id: string): Question | undefined {
    let q = this.questions.get(id);
    for (let i = 0; q?.mergedIntoId && i < 10; i++) q = this.questions.get(q.mergedIntoId);
    return q;
  }
}
