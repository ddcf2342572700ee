// What every part of the console shares: the room state, the console's own lists, the hub call helper and the
// frame scheduler. Parts keep their DOM; they only read and patch this data.
import { h } from "../../lib/dom";
import type { RoomClient } from "../../lib/room-client";
import { timeKey, type RoomState } from "../../lib/room-state";
import type { T } from "../../lib/common-ui";
import type { Poll, Presence, Question, Vote } from "../../lib/types";

export interface QueuedComment {
  id: string; authorKey: string; authorName: string; tier: string; text: string; status: string; flagReason: string | null; reports: number; at: string;
}
export interface Participant { id: string; name: string; tier: string; affiliation: string | null; hasVotingRight: boolean; checkedInAt: string | null }
export interface Outcome { id: string; kind: string; position: number; text: string; departmentId: string | null }
export interface Settings {
  preModeratePublic: boolean; preModerateMembers: boolean; speakingMinutes: number; reportThreshold: number;
  publicCommentIntervalSeconds: number; sensitiveWords: string[];
}
export interface QuestionnaireRow { id: string; title: string; description: string | null; anonymous: boolean; status: string; items: unknown[] }
export interface MinutesProgress { id: string; state: string; progress: number }
export interface ConsoleState {
  queue: { comments: QueuedComment[]; questions: Question[]; blocked: { key: string; name: string }[] };
  polls: Poll[]; votes: Vote[]; questionnaires: QuestionnaireRow[]; participants: Participant[]; settings: Settings;
  departments: { id: string; name: string }[]; outcomes: Outcome[]; minutes: MinutesProgress | null;
}

export interface Ctx {
  t: T;
  root: HTMLElement;
  client: RoomClient;
  state: RoomState;
  exportBase: string;
  roomId: string;
  minutesReviewer: boolean;
  loaded: boolean;
  queueComments: Map<string, QueuedComment>;
  queueQuestions: Map<string, Question>;
  blocked: Map<string, string>;
  polls: Map<string, Poll>;
  votes: Map<string, Vote>;
  questionnaires: Map<string, QuestionnaireRow>;
  participants: Map<string, Participant>;
  outcomes: Outcome[];
  departments: { id: string; name: string }[];
  settings: Settings | null;
  minutes: MinutesProgress | null;
  presence: Presence;
  turnout: Map<string, number>;
  qAggregates: Map<string, any>;
  /** Marks sections to redraw in the next frame. */
  mark(...sections: string[]): void;
  /** Calls a hub method; a refusal shows as a toast in the user's language and gives undefined. */
  act<R = unknown>(method: string, ...args: unknown[]): Promise<R | undefined>;
  /** Calls a hub method that returns nothing; true when it was accepted. */
  ok(method: string, ...args: unknown[]): Promise<boolean>;
  /** Reloads the console's lists from the server (after the moderator's own creating actions, and on (re)connect). */
  reload(): Promise<void>;
  toast(text: string, kind?: "info" | "error"): void;
}

export function btn(t: T, key: string, onclick: (ev: MouseEvent) => unknown, cls = "btn small", ...args: (string | number)[]): HTMLButtonElement {
  return h("button", { type: "button", class: cls, text: t(key, ...args), onclick });
}

/** Newest first, by each item's time parsed once (no locale-aware or text comparison). */
export function byNewest(a: { at: string }, b: { at: string }): number {
  return timeKey(b) - timeKey(a);
}
