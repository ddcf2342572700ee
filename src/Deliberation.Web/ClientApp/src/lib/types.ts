// Shapes of the room protocol (see docs/realtime-api.md). Field names are camelCase as SignalR's JSON protocol sends them.
export interface RoomEvent { seq: number; type: string; at: string; data: any }
export interface Comment { id: string; authorName: string; tier: string; sector: string | null; text: string; pinned: boolean; at: string }
export interface Question {
  id: string; authorName: string; tier: string; text: string; status: string; votes: number; mergedCount: number;
  mergedIntoId: string | null; answeredBy: string | null; answerText: string | null; at: string;
}
export interface FloorRequest { id: string; speakerName: string; tier: string; sector: string | null; kind: string; topic: string | null; status: string; position: number }
export interface Speaker {
  speechId: string | null; speakerName: string | null; tier: string | null; sector: string | null; kind: string | null;
  topic: string | null; text: string | null; startedAt: string | null; allowedSeconds: number;
}
export interface Poll { id: string; title: string; kind: string; options: string[]; maxChoices: number; showResultsLive: boolean; allowChange: boolean; status: string }
/** A poll's results; `version` grows with every answer, so the larger one is the newer (see docs/realtime-api.md). */
export interface Tally { pollId: string; respondents: number; counts: number[]; averageRating: number | null; words: { word: string; count: number }[]; version: number }
export interface QuestionVotes { id: string; votes: number }
export interface Vote {
  id: string; title: string; secret: boolean; quorumPercent: number; passPercent: number; status: string; expected: number; present: number;
  for: number | null; against: number | null; abstain: number | null; quorumMet: boolean | null; passed: boolean | null; closedAt: string | null;
}
export interface QItem { key: string; text: string; kind: string; options: string[]; required: boolean }
export interface Questionnaire { id: string; title: string; description: string | null; anonymous: boolean; status: string; items: QItem[] }
export interface Agenda { id: string; order: number; title: string; presenter: string | null; minutes: number }
/** `peak`: the most online at once in this room so far; `totalViewers`: distinct viewers so far (docs/realtime-api.md). */
export interface Presence { total: number; byTier: Record<string, number>; seq?: number; peak?: number; totalViewers?: number }
export interface Snapshot {
  seq: number; id: string; title: string; status: string; publicAccess: string; roomCode: string; agenda: Agenda[];
  currentAgendaItemId: string | null; announcement: string | null; comments: Comment[]; questions: Question[];
  floorQueue: FloorRequest[]; speaker: Speaker; polls: Poll[]; tallies: Tally[];
  myPollAnswers: { pollId: string; choices: number[]; rating: number | null; text: string | null }[];
  votes: Vote[]; votedIds: string[]; questionnaire: Questionnaire | null; questionnaireAnswered: boolean;
  upvotedQuestionIds: string[]; speakingMinutes: number;
}
export interface Me { key: string; name: string; tier: string; canModerate: boolean; mayInteract: boolean; mayTakeFloor: boolean; mayVote: boolean }
/** `questionVotes`: on a resume, the current vote counts of the room's questions (null with a snapshot). */
export interface JoinResult {
  roomId: string; me: Me; snapshot: Snapshot | null; missed: RoomEvent[] | null; presence: Presence; tallies: Tally[];
  questionVotes: QuestionVotes[] | null;
}
export interface Notice { code: string; detail: string | null }
export interface Config { roomId: string; roomCode: string; joinUrl: string; strings: Record<string, string>; exportBase: string }

// Participant requests as the hub takes them (docs/realtime-api.md); tests/…/BrowserRequestTests.cs sends these shapes.
export interface PollAnswerRequest { pollId: string; choices: number[] | null; rating: number | null; text: string | null }
export interface BallotRequest { voteId: string; choice: "For" | "Against" | "Abstain"; idempotencyKey: string }
export interface SpeechRequest { kind: "Oral" | "Written"; topic: string | null; text: string | null }
export interface QuestionnaireAnswer { key: string; choices: number[]; rating: number | null; text: string | null }
export interface QuestionnaireSubmission { questionnaireId: string; answers: QuestionnaireAnswer[] }
