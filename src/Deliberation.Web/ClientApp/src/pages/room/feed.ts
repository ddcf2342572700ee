// The comment and question lists with their composers; a person's own comments waiting for review are shown to
// them marked 待审核, then as shown or refused with the moderator's reason.
import { clear, h, time } from "../../lib/dom";
import { toast } from "../../lib/common-ui";
import { KeyedList } from "../../lib/room-keyed";
import type { Comment, Notice, Question, Snapshot } from "../../lib/types";
import { PAGE, act, canAct, heads, listOf, ready, render, root, sending, state, t } from "./context";

let sortByVotes = true;
let commentLimit = 100;
let questionLimit = 100;

/** My own comments the moderator has not decided on yet (or refused, with the reason), shown only to me. */
interface MineWaiting { comment: Comment; rejected: boolean; reason: string | null }

const waiting = new Map<string, MineWaiting>();

export function onNotice(n: Notice & { itemId?: string | null }): void {
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

export function loadWaiting(s: Snapshot): void {
  const rejected = [...waiting.values()].filter((w) => w.rejected);
  waiting.clear();
  rejected.forEach((w) => waiting.set(w.comment.id, w));
  for (const c of (s as Snapshot & { myPendingComments?: Comment[] | null }).myPendingComments ?? []) {
    waiting.set(c.id, { comment: c, rejected: false, reason: null });
  }
}

export function drawHeads(): void {
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

type CommentRow = { c: Comment; w?: MineWaiting };

export function drawComments(): void {
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

export function drawQuestions(): void {
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
