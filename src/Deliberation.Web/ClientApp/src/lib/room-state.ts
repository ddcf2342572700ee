// The room as the client knows it: the join snapshot plus every sequenced event, applied in order.
import type { Agenda, Comment, FloorRequest, Me, Poll, Question, Questionnaire, RoomEvent, Snapshot, Speaker, Tally, Vote } from "./types";

export type Section = "status" | "agenda" | "announcement" | "comments" | "questions" | "floor" | "speaker" | "polls" | "votes" | "questionnaire";

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

  load(s: Snapshot, me: Me): void {
    this.me = me;
    this.status = s.status;
    this.title = s.title;
    this.agenda = s.agenda;
    this.currentAgendaId = s.currentAgendaItemId;
    this.announcement = s.announcement;
    this.comments = new Map(s.comments.map((c) => [c.id, c]));
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
      case "CommentShown": this.comments.set(d.id, d); return ["comments"];
      case "CommentRemoved": this.comments.delete(d.id); return ["comments"];
      case "CommentPinned": { const c = this.comments.get(d.id); if (c) c.pinned = d.pinned; return ["comments"]; }
      case "QuestionAsked":
      case "QuestionUpdated":
        if (d.status === "Hidden") this.questions.delete(d.id); else this.questions.set(d.id, d);
        return ["questions"];
      case "FloorQueueChanged": this.floor = d; return ["floor"];
      case "SpeakerChanged": this.speaker = d.speechId ? d : null; return ["speaker"];
      case "AgendaItemChanged": this.currentAgendaId = d.id; return ["agenda"];
      case "AnnouncementMade": this.announcement = d.text; return ["announcement"];
      case "PollOpened": this.polls.set(d.id, d); return ["polls"];
      case "PollClosed": this.polls.set(d.poll.id, d.poll); this.tallies.set(d.tally.pollId, d.tally); return ["polls"];
      case "VoteOpened":
      case "VoteClosed": this.votes.set(d.id, d); return ["votes"];
      case "QuestionnaireOpened": this.questionnaire = d; this.questionnaireAnswered = false; return ["questionnaire"];
      case "QuestionnaireClosed": if (this.questionnaire?.id === d.id) this.questionnaire = null; return ["questionnaire"];
      case "RoomStatusChanged": this.status = d.status; return ["status"];
      default: return [];
    }
  }

  currentAgenda(): Agenda | undefined {
    return this.agenda.find((a) => a.id === this.currentAgendaId);
  }

  /** Pinned first, then newest first. */
  sortedComments(): Comment[] {
    return [...this.comments.values()].sort((a, b) => (a.pinned === b.pinned ? b.at.localeCompare(a.at) : a.pinned ? -1 : 1));
  }

  visibleQuestions(byVotes: boolean): Question[] {
    const list = [...this.questions.values()].filter((q) => q.status !== "Merged" && q.status !== "Pending");
    return list.sort((a, b) => {
      const rank = (q: Question) => (q.status === "Answering" ? 0 : q.status === "Answered" ? 2 : 1);
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
      return byVotes ? b.votes - a.votes || b.at.localeCompare(a.at) : b.at.localeCompare(a.at);
    });
  }

  /** Where my question went: itself, or the question it was merged into. */
  followMerged(id: string): Question | undefined {
    let q = this.questions.get(id);
    for (let i = 0; q?.mergedIntoId && i < 10; i++) q = this.questions.get(q.mergedIntoId);
    return q;
  }
}
