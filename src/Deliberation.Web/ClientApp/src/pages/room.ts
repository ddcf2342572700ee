// The participant room (phone first): comments, questions, polls, votes, questionnaire, asking for the floor.
// Events only mark sections dirty; each section is drawn at most once per frame, and long lists are drawn by key
// (only new or changed items are built), so a busy room stays responsive.
import { bars, bind, clear, h, redraw, time } from "../lib/dom";
import { RoomClient } from "../lib/room-client";
import { RoomState, type Section } from "../lib/room-state";
import { errorInfo, loadConfig, makeT } from "../lib/strings";
import { renderOnline, renderStatus, setConnState, speakerView, toast } from "../lib/common-ui";
import { isRetryable, refusalText, refusedItem } from "../lib/room-errors";
import { FrameQueue, KeyedList } from "../lib/room-keyed";
import type { Comment, Notice, Poll, Question, Snapshot, Tally, Vote } from "../lib/types";

const cfg = loadConfig();
const t = makeT(cfg.strings);
const root = document.getElementById("room")!;
const state = new RoomState();
let activeTab = "comments";
let sortByVotes = true;
let quiet = true; // no "new" dots for what the snapshot drew
let publicAccess = "";
let commentLimit = 100;
let questionLimit = 100;
let restored = false;
const panels = new Map<string, HTMLElement>();
const heads = new Map<string, HTMLElement>();
const PAGE = 100;
const PENDING_KEY = `dlb.pending:${cfg.roomId}`;

/** My own comments the moderator has not decided on yet (or refused, with the reason), shown only to me. */
interface MineWaiting { comment: Comment; rejected: boolean; reason: string | null }
const waiting = new Map<string, MineWaiting>();

type Draw = Section | "heads" | "tallies";
const frames = new FrameQueue<Draw>(draw);
const render = (s: Draw) => frames.add(s);

const client = new RoomClient(cfg.roomId, {
  snapshot: (s, me) => {
    state.load(s, me);
    publicAccess = s.publicAccess;
    loadWaiting(s);
    buildTabs();
    quiet = true;
    renderAll();
    frames.flush();
    quiet = false;
    restoreAction();
  },
  event: (e) => state.apply(e).forEach(render),
  state: (s) => { setConnState(root, s); markWaiting(); },
  presence: (p) => renderOnline(root, p, t),
  tally: (tally) => { state.tallies.set(tally.pollId, tally); render("tallies"); },
  questionVotes: (list) => { list.forEach((v) => { const q = state.questions.get(v.id); if (q) q.votes = v.votes; }); render("questions"); },
  notice: (n) => onNotice(n as Notice & { itemId?: string | null }),
});

function onNotice(n: Notice & { itemId?: string | null }): void {
  const id = n.itemId ?? null;
  if (n.code === "comment.approved") {
    const w = id ? waiting.get(id) : undefined;
    if (w && id) {
      waiting.delete(id);
      if (!state.comments.has(id)) state.comments.set(id, w.comment); // the CommentShown event may still be on its way
    }
    toast(root, t("Notice.comment.approved"));
    render("comments");
    return;
  }
  if (n.code === "comment.rejected") {
    const w = id ? waiting.get(id) : undefined;
    if (w) { w.rejected = true; w.reason = n.detail; }
    toast(root, n.detail ? t("Notice.comment.rejected", n.detail) : t("Room.Rejected"), "error");
    render("comments");
    return;
  }
  toast(root, t(`Notice.${n.code}`, n.detail ?? ""));
  if (n.code === "question.merged" && n.detail) state.myQuestionIds.add(n.detail);
  render("questions");
}

function loadWaiting(s: Snapshot): void {
  const rejected = [...waiting.values()].filter((w) => w.rejected);
  waiting.clear();
  rejected.forEach((w) => waiting.set(w.comment.id, w));
  for (const c of (s as Snapshot & { myPendingComments?: Comment[] | null }).myPendingComments ?? []) {
    waiting.set(c.id, { comment: c, rejected: false, reason: null });
  }
}

/** The item number of a questionnaire item key, for messages such as "第2题为必答题". */
function itemNo(key: string): number | undefined {
  const i = state.questionnaire?.items.findIndex((it) => it.key === key) ?? -1;
  return i >= 0 ? i + 1 : undefined;
}

function say(err: unknown): void {
  toast(root, refusalText(t, err, itemNo), "error");
}

async function act<T>(method: string, ...args: unknown[]): Promise<T | undefined> {
  try {
    return await client.invoke<T>(method, ...args);
  } catch (err) {
    if (errorInfo(err).code === "room.name_required") { askName({ tab: activeTab }); return undefined; }
    say(err);
    return undefined;
  }
}

// ---------- taking part: a public visitor is asked for a name only when they first take part ----------

/** A public visitor without a name, in a room where the public may take part once named. */
function mayJoinIn(): boolean {
  return !state.me.mayInteract && state.me.key.startsWith("c:") && publicAccess === "Interact";
}

/** Whether this person can act here (or can after giving a name). */
function canAct(): boolean {
  return state.me.mayInteract || mayJoinIn();
}

/** True when the person may act now; otherwise asks for a name (remembering what they were doing) or explains. */
function ready(action: { tab: string; text?: string }): boolean {
  if (state.me.mayInteract) return true;
  if (mayJoinIn()) askName(action);
  else toast(root, t("Room.WatchOnly"), "error");
  return false;
}

function askName(action: { tab: string; text?: string }): void {
  const dialog = document.getElementById("name-dialog") as HTMLDialogElement | null;
  if (!dialog) return;
  const form = dialog.querySelector("form")!;
  form.onsubmit = () => {
    // The name lives in a signed cookie that the live connection reads when it opens: the page reloads, then
    // what the person was doing carries on.
    try { sessionStorage.setItem(PENDING_KEY, JSON.stringify(action)); } catch { /* private mode: the text is lost */ }
  };
  dialog.querySelector<HTMLButtonElement>("[data-close]")!.onclick = () => dialog.close();
  if (!dialog.open) dialog.showModal();
  dialog.querySelector<HTMLInputElement>("input[name=displayName]")?.focus();
}

/** After the reload that follows giving a name: back to the tab, and a comment or question being written is sent. */
function restoreAction(): void {
  if (restored) return;
  restored = true;
  if (new URLSearchParams(location.search).get("name") === "missing" && mayJoinIn()) {
    document.querySelector("#name-dialog .field-error")?.removeAttribute("hidden");
    askName({ tab: activeTab });
    return;
  }
  let action: { tab: string; text?: string } | null = null;
  try {
    action = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? "null");
    sessionStorage.removeItem(PENDING_KEY);
  } catch { action = null; }
  if (!action || !panels.has(action.tab)) return;
  selectTab(action.tab);
  const form = heads.get(action.tab)?.querySelector<HTMLFormElement>("form.composer");
  const area = form?.querySelector("textarea");
  if (form && area && action.text) {
    area.value = action.text;
    area.dispatchEvent(new Event("input"));
    if (state.me.mayInteract) form.requestSubmit();
  }
}

// ---------- tabs and drawing ----------

function buildTabs(): void {
  const tabs: [string, string][] = [["comments", "Room.Tab.Comments"], ["questions", "Room.Tab.Questions"], ["polls", "Room.Tab.Polls"]];
  if (state.me.mayVote) tabs.push(["votes", "Room.Tab.Votes"]);
  tabs.push(["questionnaire", "Room.Tab.Questionnaire"]);
  if (state.me.mayTakeFloor) tabs.push(["floor", "Room.Tab.Floor"]);
  if (!tabs.some(([id]) => id === activeTab)) activeTab = "comments";
  const nav = bind(root, "tabs");
  const holder = bind(root, "panels");
  clear(nav);
  clear(holder);
  panels.clear();
  heads.clear();
  lists.clear();
  nav.style.setProperty("--tabs", String(tabs.length));
  for (const [id, key] of tabs) {
    nav.append(h("button", { type: "button", role: "tab", class: "tab", id: `tab-${id}`, "data-tab": id, "aria-controls": `panel-${id}`,
      "aria-selected": String(id === activeTab), onclick: () => selectTab(id) },
      h("span", { text: t(key) }), h("span", { class: "badge", "data-badge": id, hidden: true })));
    // A panel's head (the composer) is drawn once, so text being typed survives the stream of new items below it.
    const head = h("div", { class: "panel-head" });
    const body = h("div", { class: "panel-body" });
    heads.set(id, head);
    panels.set(id, body);
    holder.append(h("section", { class: "room-panel", role: "tabpanel", id: `panel-${id}`, "aria-labelledby": `tab-${id}`, "data-panel": id,
      hidden: id !== activeTab }, head, body));
  }
}

function selectTab(id: string): void {
  activeTab = id;
  root.querySelectorAll<HTMLElement>("[data-tab]").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === id)));
  root.querySelectorAll<HTMLElement>("[data-panel]").forEach((p) => (p.hidden = p.dataset.panel !== id));
  const badge = root.querySelector<HTMLElement>(`[data-badge="${id}"]`);
  if (badge) badge.hidden = true;
}

function flag(tab: string): void {
  if (quiet || tab === activeTab) return;
  const badge = root.querySelector<HTMLElement>(`[data-badge="${tab}"]`);
  if (badge) badge.hidden = false;
}

function renderAll(): void {
  (["status", "agenda", "announcement", "comments", "questions", "floor", "speaker", "polls", "votes", "questionnaire"] as Section[]).forEach(render);
}

function draw(section: Draw): void {
  switch (section) {
    case "status": {
      // Going live or ending changes what may be done everywhere; no "new" dots for that.
      renderStatus(root, state, t);
      drawHeads(); drawComments(); drawQuestions(); drawPolls();
      const p = panels.get("floor");
      if (p) redraw(p, drawFloor);
      break;
    }
    case "heads": drawHeads(); break;
    case "tallies": drawPolls(); break; // new counts are no news worth a dot
    case "agenda": {
      const a = state.currentAgenda();
      const el = bind(root, "agenda");
      el.hidden = !a;
      if (a) el.textContent = `${t("Room.CurrentAgenda")}：${a.order}. ${a.title}`;
      break;
    }
    case "announcement": {
      const el = bind(root, "announcement");
      el.hidden = !state.announcement;
      el.textContent = state.announcement ? `${t("Room.Announcement")}：${state.announcement}` : "";
      break;
    }
    case "speaker": { const el = bind(root, "speaker"); el.hidden = !state.speaker; clear(el, speakerView(state, t)); render("floor"); break; }
    case "comments": drawComments(); flag("comments"); break;
    case "questions": drawQuestions(); flag("questions"); break;
    case "polls": drawPolls(); flag("polls"); break;
    case "votes": drawVotes(); flag("votes"); break;
    case "questionnaire": drawQuestionnaire(); flag("questionnaire"); break;
    case "floor": { const p = panels.get("floor"); if (p) redraw(p, drawFloor); break; }
  }
}

/** A panel body's fixed parts, built once per set of tabs: the keyed lists, the "more" button, the empty text. */
const lists = new Map<string, { list: KeyedList<any>; more: HTMLButtonElement; empty: HTMLElement; extra: HTMLElement }>();

function listOf<T>(tab: string, tag: "ul" | "div", cls: string, key: (x: T) => string, sig: (x: T) => string, make: (x: T) => HTMLElement,
  emptyKey: string, onMore?: () => void): { list: KeyedList<T>; more: HTMLButtonElement; empty: HTMLElement; extra: HTMLElement } | undefined {
  let parts = lists.get(tab);
  if (parts) return parts;
  const panel = panels.get(tab);
  if (!panel) return undefined;
  const el = h(tag, { class: cls });
  const more = h("button", { type: "button", class: "btn more", hidden: true, onclick: () => onMore?.() });
  const empty = h("p", { class: "empty", text: t(emptyKey), hidden: true });
  const extra = h("div", { class: "list-extra" });
  panel.append(extra, empty, el, more);
  parts = { list: new KeyedList<T>(el, key, sig, make), more, empty, extra };
  lists.set(tab, parts);
  return parts;
}

function drawHeads(): void {
  drawHead("comments", () => canAct() && state.status === "Live"
    ? composer("comments", t("Room.CommentPlaceholder"), 500, t("Room.Send"), postComment)
    : !canAct() ? h("p", { class: "meta", text: t("Room.WatchOnly") }) : null);
  drawHead("questions", () => canAct() && state.status === "Live"
    ? composer("questions", t("Room.QuestionPlaceholder"), 300, t("Room.Ask"), askQuestion) : null);
}

/** Draws a panel's head once per room status (a composer appears when the room goes live, goes when it ends). */
function drawHead(id: string, make: () => HTMLElement | null): void {
  const head = heads.get(id);
  if (!head) return;
  const key = `${state.status}:${canAct()}`;
  if (head.dataset.key === key) return;
  head.dataset.key = key;
  clear(head, make());
}

// ---------- sending: text is cleared only once the server has it; while offline the item says it is waiting ----------

/** Marks a form as sending; while the connection is down it reads "waiting for the network". */
function sending(form: HTMLElement, on: boolean): void {
  let note = form.querySelector<HTMLElement>(".send-note");
  if (!note) {
    note = h("p", { class: "send-note", role: "status" });
    form.append(note);
  }
  if (on) form.dataset.sending = "1"; else delete form.dataset.sending;
  markWaiting();
}

function markWaiting(): void {
  const down = root.dataset.state !== "live";
  root.querySelectorAll<HTMLElement>(".send-note").forEach((note) => {
    const form = note.parentElement!;
    const busy = form.dataset.sending === "1";
    if (busy && down) form.dataset.waiting = "1"; else delete form.dataset.waiting;
    note.hidden = !busy;
    note.textContent = busy ? t(down ? "Room.Waiting" : "Room.Sending") : "";
  });
}

function composer(tab: string, placeholder: string, max: number, button: string, send: (text: string) => Promise<boolean>): HTMLElement {
  const area = h("textarea", { rows: 2, maxlength: max, placeholder, "aria-label": placeholder });
  const count = h("span", { class: "meta count", text: `0/${max}` });
  area.addEventListener("input", () => (count.textContent = `${area.value.length}/${max}`));
  const btn = h("button", { type: "submit", class: "btn primary", text: button });
  const form = h("form", { class: "composer", onsubmit: async (ev: Event) => {
    ev.preventDefault();
    const text = area.value;
    if (!text.trim() || form.dataset.sending) return;
    if (!ready({ tab, text })) return;
    btn.disabled = true;
    sending(form, true);
    const ok = await send(text);
    sending(form, false);
    btn.disabled = false;
    if (ok && area.value === text) { area.value = ""; count.textContent = `0/${max}`; }
  } }, area, h("div", { class: "composer-row" }, count, btn));
  return form;
}

async function postComment(text: string): Promise<boolean> {
  const r = await act<{ id: string; status: string }>("PostComment", text);
  if (!r) return false;
  if (r.status === "Pending") {
    waiting.set(r.id, { comment: { id: r.id, authorName: state.me.name, tier: state.me.tier, sector: null, text: text.trim(), pinned: false,
      at: new Date().toISOString() }, rejected: false, reason: null });
    render("comments");
  }
  toast(root, r.status === "Pending" ? t("Room.Pending") : t("Room.Sent"));
  return true;
}

async function askQuestion(text: string): Promise<boolean> {
  const q = await act<Question>("AskQuestion", text);
  if (!q) return false;
  state.myQuestionIds.add(q.id);
  state.questions.set(q.id, q);
  toast(root, q.status === "Pending" ? t("Room.QuestionPending") : t("Room.Sent"));
  render("questions");
  return true;
}

// ---------- comments ----------

type CommentRow = { c: Comment; w?: MineWaiting };

function drawComments(): void {
  const parts = listOf<CommentRow>("comments", "ul", "feed", (r) => r.c.id,
    (r) => `${r.c.pinned}|${r.w ? (r.w.rejected ? "x" : "w") : ""}|${canAct()}`, commentItem, "Room.NoComments",
    () => { commentLimit += PAGE; render("comments"); });
  if (!parts) return;
  const mine: CommentRow[] = [...waiting.values()].filter((w) => !state.comments.has(w.comment.id)).reverse().map((w) => ({ c: w.comment, w }));
  const all = state.sortedComments();
  const shown = all.slice(0, commentLimit).map((c) => ({ c }));
  parts.list.draw([...mine, ...shown]);
  parts.empty.hidden = mine.length + shown.length > 0;
  const rest = all.length - shown.length;
  parts.more.hidden = rest <= 0;
  if (rest > 0) parts.more.textContent = t("Room.MoreCount", rest);
}

function commentItem({ c, w }: CommentRow): HTMLElement {
  const li = h("li", { class: [c.pinned ? "pinned" : "", w ? (w.rejected ? "mine-rejected" : "mine-pending") : ""].filter(Boolean).join(" ") },
    h("div", { class: "feed-head" },
      h("strong", { text: c.authorName }),
      h("span", { class: "meta", text: ` ${t(`Room.Tier.${c.tier}`)}${c.sector ? " · " + c.sector : ""} · ${time(c.at)}` }),
      c.pinned ? h("span", { class: "tag", text: t("Room.Pinned") }) : null,
      w ? h("span", { class: `tag ${w.rejected ? "warn" : "pending"}`, text: w.rejected ? t("Room.Rejected") : t("Room.Status.Pending") }) : null),
    h("p", { class: "feed-text", text: c.text }));
  if (w?.rejected) {
    li.append(h("p", { class: "reject-reason", text: w.reason ? t("Room.RejectedReason", w.reason) : t("Room.Rejected") }),
      h("button", { type: "button", class: "btn small-btn", text: t("Room.Dismiss"), onclick: () => { waiting.delete(c.id); render("comments"); } }));
  } else if (!w && canAct()) {
    li.append(h("button", { type: "button", class: "link small", text: t("Room.Report"), onclick: async () => {
      if (!ready({ tab: "comments" })) return;
      if ((await act("ReportComment", c.id)) !== undefined) toast(root, t("Room.Reported"));
    } }));
  }
  return li;
}

// ---------- questions ----------

function questionSig(q: Question): string {
  return [q.status, q.votes, q.mergedCount, q.answeredBy, q.answerText, state.upvoted.has(q.id), state.myQuestionIds.has(q.id), canAct()].join("|");
}

function questionItem(q: Question): HTMLElement {
  const mine = state.myQuestionIds.has(q.id);
  const canVote = canAct() && (q.status === "Open" || q.status === "Answering");
  return h("li", { class: `question q-${q.status.toLowerCase()} ${mine ? "mine" : ""}` },
    h("div", { class: "q-votes" },
      h("button", { type: "button", class: `upvote ${state.upvoted.has(q.id) ? "on" : ""}`, disabled: !canVote || state.upvoted.has(q.id),
        "aria-label": t("Room.Upvote"), onclick: async () => {
          if (!ready({ tab: "questions" })) return;
          const ok = await act<boolean>("UpvoteQuestion", q.id);
          if (ok !== undefined) { state.upvoted.add(q.id); render("questions"); }
        } }, "▲"),
      h("span", { class: "q-count", text: String(q.votes) })),
    h("div", { class: "q-body" },
      h("div", { class: "feed-head" },
        h("span", { class: `tag q-status`, text: t(`Room.Status.${q.status}`) }),
        mine ? h("span", { class: "tag mine", text: t("Room.MyQuestion") }) : null,
        h("span", { class: "meta", text: ` ${q.authorName} · ${time(q.at)}` })),
      h("p", { class: "feed-text", text: q.text }),
      q.mergedCount > 0 ? h("p", { class: "meta", text: t("Room.Merged", q.mergedCount) }) : null,
      q.status === "Answered" ? h("div", { class: "answer" }, h("strong", { text: t("Room.AnsweredBy", q.answeredBy ?? "") }),
        q.answerText ? h("span", { text: q.answerText }) : null) : null));
}

let sortBar: HTMLElement | null = null;
let mineList: KeyedList<Question> | null = null;

function drawQuestions(): void {
  const parts = listOf<Question>("questions", "ul", "questions", (q) => q.id, questionSig, questionItem, "Room.NoQuestions",
    () => { questionLimit += PAGE; render("questions"); });
  if (!parts) return;
  if (!parts.extra.firstChild) {
    const byVotes = h("button", { type: "button", class: "chip on", "aria-pressed": "true", text: t("Room.SortByVotes") });
    const byTime = h("button", { type: "button", class: "chip", "aria-pressed": "false", text: t("Room.SortByTime") });
    const pick = (v: boolean) => {
      sortByVotes = v;
      byVotes.classList.toggle("on", v); byVotes.setAttribute("aria-pressed", String(v));
      byTime.classList.toggle("on", !v); byTime.setAttribute("aria-pressed", String(!v));
      render("questions");
    };
    byVotes.onclick = () => pick(true);
    byTime.onclick = () => pick(false);
    sortBar = h("div", { class: "sort" }, byVotes, byTime);
    const mineEl = h("ul", { class: "questions mine-list" });
    mineList = new KeyedList<Question>(mineEl, (q) => q.id, questionSig, questionItem);
    parts.extra.append(sortBar, mineEl);
  }
  const mine = [...state.myQuestionIds].map((id) => state.followMerged(id)).filter((q): q is Question => !!q && q.status === "Pending");
  mineList?.draw(mine);
  const all = state.visibleQuestions(sortByVotes);
  const shown = all.slice(0, questionLimit);
  parts.list.draw(shown);
  parts.empty.hidden = shown.length + mine.length > 0;
  const rest = all.length - shown.length;
  parts.more.hidden = rest <= 0;
  if (rest > 0) parts.more.textContent = t("Room.MoreCount", rest);
}

// ---------- polls ----------

const pollResultsSeen = new Map<string, string>();

function pollSig(p: Poll): string {
  const mine = state.myAnswers.get(p.id);
  return [p.status, JSON.stringify(mine ?? null), canAct()].join("|");
}

function drawPolls(): void {
  const parts = listOf<Poll>("polls", "div", "stack", (p) => p.id, pollSig, pollCard, "Room.NoPolls");
  if (!parts) return;
  const list = [...state.polls.values()].sort((a, b) => (a.status === b.status ? 0 : a.status === "Open" ? -1 : 1));
  parts.list.draw(list);
  parts.empty.hidden = list.length > 0;
  // Results change with every answer; only the results part of a card is redrawn, never a half-filled form.
  for (const p of list) {
    const holder = parts.list.el.querySelector<HTMLElement>(`[data-key="${p.id}"] .poll-results-slot`);
    if (!holder) continue;
    const tally = state.tallies.get(p.id);
    const open = p.status === "Open";
    const sig = JSON.stringify([tally, open, p.showResultsLive]);
    if (pollResultsSeen.get(p.id) === sig && holder.dataset.drawn) continue;
    pollResultsSeen.set(p.id, sig);
    holder.dataset.drawn = "1";
    clear(holder, tally && (p.showResultsLive || !open) ? pollResults(p, tally)
      : open ? h("p", { class: "meta", text: t("Room.PollResultsLater") }) : null);
  }
}

function pollCard(p: Poll): HTMLElement {
  const mine = state.myAnswers.get(p.id);
  const open = p.status === "Open";
  const canAnswer = open && canAct() && (!mine || p.allowChange);
  const card = h("article", { class: "card poll" }, h("h3", { text: p.title }),
    h("p", { class: "meta", text: [t(`Room.Kind.${p.kind}`), p.kind === "Multiple" ? t("Room.PickUpTo", p.maxChoices) : "", !open ? t("Room.PollClosed") : ""].filter(Boolean).join(" · ") }));
  if (canAnswer) card.append(pollForm(p, mine));
  else if (mine && open) card.append(h("p", { class: "ok", text: t("Room.PollThanks") }));
  card.append(h("div", { class: "poll-results-slot" }));
  return card;
}

export function pollResults(p: Poll, tally: Tally): HTMLElement {
  const body = h("div", { class: "poll-results" }, h("p", { class: "meta", text: t("Room.PollRespondents", tally.respondents) }));
  if (p.kind === "Rating") {
    body.append(h("p", { class: "big-number", text: t("Room.Average", tally.averageRating ?? "-") }), bars(["1", "2", "3", "4", "5"], tally.counts));
  } else if (p.kind === "WordCloud") {
    const max = Math.max(1, ...tally.words.map((w) => w.count));
    body.append(h("div", { class: "cloud" }, ...tally.words.map((w) => h("span", { style: `font-size:${1 + 1.4 * w.count / max}em`, text: w.word }))));
  } else {
    body.append(bars(p.options, tally.counts));
  }
  return body;
}

/** Rating 1–5 as five big buttons; each visible box is the radio's own label, so a tap on 4 is a 4. */
function stars(name: string, picked: number | null | undefined, label: string): HTMLElement {
  return h("div", { class: "rating" },
    h("div", { class: "stars", role: "radiogroup", "aria-label": label }, ...[1, 2, 3, 4, 5].map((r) => {
      const id = `${name}-r${r}`;
      return h("span", { class: "star" },
        h("input", { type: "radio", id, name, value: String(r), checked: picked === r }),
        h("label", { for: id, text: String(r) }));
    })),
    h("p", { class: "meta rating-hint", text: t("Room.RatingHint") }));
}

function choices(kind: string, name: string, options: string[], picked: number[] | undefined): HTMLElement[] {
  return options.map((o, i) => h("label", { class: "check option" },
    h("input", { type: kind === "Single" ? "radio" : "checkbox", name, value: String(i), checked: picked?.includes(i) }), h("span", { text: o })));
}

function pollForm(p: Poll, mine?: { choices: number[]; rating: number | null; text: string | null }): HTMLElement {
  const form = h("form", { class: "stack" });
  const name = `p-${p.id}`;
  if (p.kind === "Single" || p.kind === "Multiple") form.append(...choices(p.kind, name, p.options, mine?.choices));
  else if (p.kind === "Rating") form.append(stars(name, mine?.rating, p.title));
  else form.append(h("input", { name: "word", maxlength: 20, placeholder: t("Room.WordPlaceholder"), "aria-label": t("Room.WordPlaceholder"), value: mine?.text ?? "" }));
  const btn = h("button", { type: "submit", class: "btn primary", text: mine ? t("Room.PollChange") : t("Room.PollSubmit") });
  form.append(btn);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (form.dataset.sending || !ready({ tab: "polls" })) return;
    const picked = [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => Number(i.value));
    const word = form.querySelector<HTMLInputElement>("input[name=word]")?.value ?? null;
    const req = { pollId: p.id, choices: p.kind === "Single" || p.kind === "Multiple" ? picked : null,
      rating: p.kind === "Rating" ? picked[0] ?? null : null, text: p.kind === "WordCloud" ? word : null };
    btn.disabled = true;
    sending(form, true);
    const r = await act("AnswerPoll", req);
    sending(form, false);
    btn.disabled = false;
    if (r !== undefined) {
      state.myAnswers.set(p.id, { choices: req.choices ?? [], rating: req.rating, text: req.text });
      toast(root, t("Room.PollThanks"));
      render("polls");
    }
  });
  return form;
}

// ---------- formal votes (表决) ----------

function voteSig(v: Vote): string {
  return [v.status, state.voted.has(v.id), v.for, v.against, v.abstain, v.passed, v.quorumMet, v.present].join("|");
}

function drawVotes(): void {
  const parts = listOf<Vote>("votes", "div", "stack", (v) => v.id, voteSig, voteCard, "Room.NoVotes");
  if (!parts) return;
  const list = [...state.votes.values()];
  parts.list.draw(list);
  parts.empty.hidden = list.length > 0;
}

function voteCard(v: Vote): HTMLElement {
  const card = h("article", { class: "card vote" }, h("h3", { text: v.title }),
    h("p", { class: "meta", text: `${v.secret ? t("Room.Secret") : t("Room.Named")} · ${t("Room.VotePresent", v.expected, v.present)}` }));
  if (v.status === "Open") {
    if (state.voted.has(v.id)) card.append(h("p", { class: "ok", text: t("Room.VoteCast") }));
    else {
      const row = h("div", { class: "vote-buttons" });
      const buttons = (["For", "Against", "Abstain"] as const).map((c) =>
        h("button", { type: "button", class: `btn vote-${c.toLowerCase()}`, text: t(`Room.Vote${c}`), onclick: () => void castVote(v, c, card, buttons) }));
      row.append(...buttons);
      card.append(row);
    }
  } else if (v.status === "Closed") {
    card.append(h("p", { class: "vote-result", text: t("Room.VoteResult", v.for ?? 0, v.against ?? 0, v.abstain ?? 0) }),
      h("p", {}, h("span", { class: `tag ${v.quorumMet ? "ok" : "warn"}`, text: v.quorumMet ? t("Room.QuorumMet") : t("Room.QuorumNotMet") }), " ",
        h("span", { class: `tag ${v.passed ? "ok" : "warn"}`, text: v.passed ? t("Room.Passed") : t("Room.NotPassed") })));
  }
  return card;
}

/** One ballot: the same key on every try, so a retry after a lost answer counts once; a refusal is never retried. */
async function castVote(v: Vote, choice: string, card: HTMLElement, buttons: HTMLButtonElement[]): Promise<void> {
  const key = Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join("-"); // ≤ 64 chars, as the server requires
  buttons.forEach((b) => (b.disabled = true));
  sending(card, true);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.invoke<string>("CastVote", { voteId: v.id, choice, idempotencyKey: key });
        state.voted.add(v.id);
        toast(root, t("Room.VoteCast"));
        return;
      } catch (err) {
        if (errorInfo(err).code === "room.already_answered") { state.voted.add(v.id); say(err); return; }
        if (!isRetryable(err) || attempt >= 3) { say(err); return; }
        await new Promise((r) => window.setTimeout(r, 1000 * attempt));
      }
    }
  } finally {
    sending(card, false);
    buttons.forEach((b) => (b.disabled = false));
    render("votes");
  }
}

// ---------- questionnaire (问卷) ----------

function drawQuestionnaire(): void {
  const panel = panels.get("questionnaire");
  if (!panel) return;
  const q = state.questionnaire;
  const sig = q ? `${q.id}|${state.questionnaireAnswered}|${canAct()}` : "none";
  // The form is built once per questionnaire: answers being filled in are never wiped by other events.
  if (panel.dataset.sig === sig) return;
  panel.dataset.sig = sig;
  if (!q) { clear(panel, h("p", { class: "empty", text: t("Room.NoQuestionnaire") })); return; }
  if (state.questionnaireAnswered) { clear(panel, h("h3", { text: q.title }), h("p", { class: "ok", text: t("Room.QuestionnaireThanks") })); return; }
  if (!canAct()) { clear(panel, h("h3", { text: q.title }), h("p", { class: "meta", text: t("Room.WatchOnly") })); return; }
  const form = h("form", { class: "stack questionnaire" }, h("h3", { text: q.title }), q.description ? h("p", { class: "meta", text: q.description }) : null);
  q.items.forEach((it, n) => {
    const name = `qn-${it.key}`;
    const legend = `${n + 1}. ${it.text}`;
    const field = h("fieldset", { class: "q-item", "data-item": it.key },
      h("legend", {}, legend, it.required ? h("span", { class: "tag required", text: t("Room.Required") }) : null));
    if (it.kind === "Single" || it.kind === "Multiple") field.append(...choices(it.kind, name, it.options, undefined));
    else if (it.kind === "Rating") field.append(stars(name, null, legend));
    else field.append(h("textarea", { name, rows: 3, maxlength: 2000, "aria-label": legend }));
    form.append(field);
  });
  const btn = h("button", { type: "submit", class: "btn primary", text: t("Room.Submit") });
  form.append(btn);
  form.addEventListener("change", (ev) => (ev.target as HTMLElement).closest(".q-item")?.classList.remove("invalid"));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (form.dataset.sending || !ready({ tab: "questionnaire" })) return;
    const answers = q.items.map((it) => {
      const name = `qn-${it.key}`;
      const checked = [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => Number(i.value));
      const text = it.kind === "Text" ? form.querySelector<HTMLTextAreaElement>(`textarea[name="${name}"]`)?.value ?? null : null;
      return { key: it.key, choices: it.kind === "Single" || it.kind === "Multiple" ? checked : [], rating: it.kind === "Rating" ? checked[0] ?? null : null, text };
    });
    form.querySelectorAll(".q-item.invalid").forEach((f) => f.classList.remove("invalid"));
    btn.disabled = true;
    sending(form, true);
    try {
      await client.invoke("SubmitQuestionnaire", { questionnaireId: q.id, answers });
      state.questionnaireAnswered = true;
      render("questionnaire");
    } catch (err) {
      const key = refusedItem(err);
      const field = key ? form.querySelector<HTMLElement>(`[data-item="${key}"]`) : null;
      if (field) { field.classList.add("invalid"); field.scrollIntoView({ block: "center" }); }
      if (errorInfo(err).code === "room.already_answered") { state.questionnaireAnswered = true; render("questionnaire"); }
      if (errorInfo(err).code === "room.name_required") askName({ tab: "questionnaire" });
      else say(err);
    } finally {
      sending(form, false);
      btn.disabled = false;
    }
  });
  clear(panel, form);
}

// ---------- the floor (发言) ----------

function drawFloor(): void {
  const panel = panels.get("floor");
  if (!panel) return;
  const mine = state.floor.find((f) => f.speakerName === state.me.name);
  const speaking = state.speaker?.speakerName === state.me.name;
  const kind = h("select", { name: "kind", "aria-label": t("Room.RequestFloor") },
    h("option", { value: "Oral", text: t("Room.Oral") }), h("option", { value: "Written", text: t("Room.Written") }));
  const topic = h("input", { name: "topic", maxlength: 200, placeholder: t("Room.Topic"), "aria-label": t("Room.Topic") });
  const text = h("textarea", { name: "text", rows: 6, maxlength: 20000, placeholder: t("Room.StatementText"), hidden: true, "aria-label": t("Room.StatementText") });
  kind.addEventListener("change", () => (text.hidden = kind.value !== "Written"));
  const form = h("form", { class: "stack" }, kind, topic, text, h("button", { type: "submit", class: "btn primary", text: t("Room.RequestFloor") }));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (form.dataset.sending) return;
    sending(form, true);
    await act("RequestFloor", { kind: kind.value, topic: topic.value || null, text: kind.value === "Written" ? text.value : null });
    sending(form, false);
  });
  clear(panel,
    h("p", { class: "meta", text: t("Room.FloorIntro") }),
    speaking ? h("div", { class: "card" }, h("p", { class: "ok", text: t("Notice.floor.granted") })) :
    mine ? h("div", { class: "card" }, h("p", { text: t("Room.YourPlace", state.floor.indexOf(mine) + 1) }),
      h("button", { type: "button", class: "btn", text: t("Room.Withdraw"), onclick: () => act("WithdrawFloor", mine.id) }))
      : state.status === "Live" ? form : null,
    h("h3", { text: t("Room.Queue") }),
    state.floor.length === 0 ? h("p", { class: "empty", text: t("Room.QueueEmpty") }) : h("ol", { class: "queue" }, ...state.floor.map((f) =>
      h("li", {}, h("strong", { text: f.speakerName }), h("span", { class: "meta", text: ` ${t(`Room.Tier.${f.tier}`)}${f.sector ? " · " + f.sector : ""}${f.topic ? " · " + f.topic : ""}` })))));
}

// ---------- large text (长辈模式): one tap, remembered; the page applies it before its first paint ----------

function setupBigText(): void {
  const btn = root.querySelector<HTMLButtonElement>("[data-bind=bigtext]");
  if (!btn) return;
  const sync = () => btn.setAttribute("aria-pressed", String(document.documentElement.classList.contains("big-text")));
  sync();
  btn.addEventListener("click", () => {
    const on = document.documentElement.classList.toggle("big-text");
    try { localStorage.setItem("dlb.bigtext", on ? "1" : "0"); } catch { /* private mode: for this page only */ }
    sync();
  });
}

setupBigText();
window.setInterval(() => { if (state.speaker) clear(bind(root, "speaker"), speakerView(state, t)); }, 1000);
client.start().catch((err) => say(err));
