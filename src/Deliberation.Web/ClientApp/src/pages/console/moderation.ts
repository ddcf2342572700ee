// The moderation queue (approve, reject with a reason typed inline, block) and the shown comments (pin, hide).
import { h } from "../../lib/dom";
import { time } from "./format";
import type { Comment, Question } from "../../lib/types";
import { btn, byNewest, type Ctx, type QueuedComment } from "./context";
import { KeyedList, moreButton } from "./keyed";

const PAGE = 50;

type QueueRow = { kind: "comment"; c: QueuedComment } | { kind: "question"; q: Question };

export function queueBox(ctx: Ctx, body: HTMLElement): () => void {
  const { t } = ctx;
  let limit = PAGE;
  const count = h("p", { class: "meta queue-count", "aria-live": "polite" });
  const empty = h("p", { class: "empty", text: t("Room.Console.QueueEmpty") });
  const blockedBox = h("div", { class: "blocked" });
  const list = new KeyedList<QueueRow>("ul", "feed queue-list", {
    key: (r) => (r.kind === "comment" ? r.c.id : r.q.id),
    sig: (r) => (r.kind === "comment" ? `${r.c.status}|${r.c.flagReason}|${r.c.reports}` : r.q.status),
    create: (r) => (r.kind === "comment" ? commentRow(ctx, r.c) : questionRow(ctx, r.q)),
  }, () => ctx.mark("queue"));
  const more = moreButton((rest) => t("Room.Console.More", rest), () => { limit += PAGE; ctx.mark("queue"); });
  body.append(count, empty, list.el, more.el, blockedBox);

  return () => {
    const rows: QueueRow[] = [
      ...[...ctx.queueComments.values()].map((c) => ({ kind: "comment" as const, c, at: c.at })),
      ...[...ctx.queueQuestions.values()].map((q) => ({ kind: "question" as const, q, at: q.at })),
    ].sort((a, b) => -byNewest(a, b));
    const total = rows.length;
    count.textContent = t("Room.Console.QueueCount", total);
    count.hidden = total === 0;
    empty.hidden = total > 0 || !ctx.loaded;
    list.update(rows.slice(0, limit));
    more.show(total - limit);
    blockedBox.replaceChildren(...(ctx.blocked.size === 0 ? [] : [h("h3", { text: t("Room.Console.Blocked") }),
      ...[...ctx.blocked].map(([key, name]) => h("p", {}, h("span", { text: name }), " ",
        btn(t, "Room.Console.Unblock", async () => {
          if (!(await ctx.ok("UnblockParticipant", key))) return;
          ctx.blocked.delete(key);
          ctx.mark("queue");
        })))]));
  };
}

function flagText(ctx: Ctx, flag: string): string {
  return flag.startsWith("sensitive:") ? ctx.t("Room.Console.Flag.sensitive", flag.slice(10)) : ctx.t(`Room.Console.Flag.${flag}`);
}

function commentRow(ctx: Ctx, c: QueuedComment): HTMLElement {
  const { t } = ctx;
  const actions = h("div", { class: "actions" });
  const li = h("li", { class: "queued" },
    h("div", { class: "feed-head" }, h("strong", { text: c.authorName }), h("span", { class: "meta", text: ` ${t(`Room.Tier.${c.tier}`)} · ${time(c.at)}` }),
      c.flagReason ? h("span", { class: "tag warn", text: flagText(ctx, c.flagReason) }) : null),
    h("p", { class: "feed-text", text: c.text }),
    actions);
  actions.append(
    btn(t, "Room.Console.Approve", () => ctx.act("ApproveComment", c.id), "btn small primary"),
    btn(t, "Room.Console.Reject", () => openReject(ctx, li, c)),
    btn(t, "Room.Console.Block", async () => {
      if (!(await ctx.ok("BlockParticipant", c.authorKey, c.authorName))) return;
      ctx.blocked.set(c.authorKey, c.authorName);
      ctx.mark("queue");
    }));
  return li;
}

/** The reason for a rejection, typed next to the comment (with common reasons one tap away); the author sees it. */
function openReject(ctx: Ctx, li: HTMLElement, c: QueuedComment): void {
  const { t } = ctx;
  const existing = li.querySelector<HTMLInputElement>(".reject-form input");
  if (existing) { existing.focus(); return; }
  const reason = h("input", { type: "text", maxlength: 200, "aria-label": t("Room.Console.RejectReason"), placeholder: t("Room.Console.RejectReason") });
  const presets = t("Room.Console.RejectPresets").split("|").filter(Boolean);
  const form: HTMLFormElement = h("form", { class: "reject-form" },
    h("label", { class: "meta", text: t("Room.Console.RejectReason") }),
    reason,
    h("div", { class: "chips", role: "group", "aria-label": t("Room.Console.RejectPreset") },
      ...presets.map((p) => h("button", { type: "button", class: "chip", text: p, onclick: () => { reason.value = p; reason.focus(); } }))),
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "btn small danger", text: t("Room.Console.RejectSubmit") }),
      btn(t, "Room.Console.Cancel", (): void => form.remove())));
  form.addEventListener("submit", async (ev: Event) => {
    ev.preventDefault();
    // A comment hidden by reports stays hidden (and leaves the queue); a queued one is rejected.
    const method = c.status === "Hidden" ? "HideComment" : "RejectComment";
    if (!(await ctx.ok(method, { id: c.id, reason: reason.value.trim() || null }))) return;
    ctx.queueComments.delete(c.id);
    ctx.toast(t("Room.Console.Rejected"));
    ctx.mark("queue");
  });
  li.append(form);
  reason.focus();
}

function questionRow(ctx: Ctx, q: Question): HTMLElement {
  const { t } = ctx;
  return h("li", { class: "queued queued-question" },
    h("div", { class: "feed-head" }, h("span", { class: "tag", text: t("Room.Tab.Questions") }), h("strong", { text: ` ${q.authorName}` }),
      h("span", { class: "meta", text: ` · ${time(q.at)}` })),
    h("p", { class: "feed-text", text: q.text }),
    h("div", { class: "actions" },
      btn(t, "Room.Console.Approve", () => ctx.act("ApproveQuestion", q.id), "btn small primary"),
      btn(t, "Room.Console.Hide", async () => {
        if (!(await ctx.ok("HideQuestion", q.id))) return;
        ctx.queueQuestions.delete(q.id);
        ctx.mark("queue");
      })));
}

export function commentsBox(ctx: Ctx, body: HTMLElement): () => void {
  const { t } = ctx;
  let limit = PAGE;
  const count = h("p", { class: "meta" });
  const list = new KeyedList<Comment>("ul", "feed compact", {
    key: (c) => c.id,
    sig: (c) => String(c.pinned),
    create: (c) => h("li", { class: c.pinned ? "pinned" : "" },
      h("div", { class: "feed-head" }, h("strong", { text: c.authorName }), h("span", { class: "meta", text: ` ${t(`Room.Tier.${c.tier}`)} · ${time(c.at)}` })),
      h("p", { class: "feed-text", text: c.text }),
      h("div", { class: "actions" },
        btn(t, c.pinned ? "Room.Console.Unpin" : "Room.Console.Pin", () => ctx.act("PinComment", c.id, !c.pinned)),
        btn(t, "Room.Console.Hide", () => ctx.act("HideComment", { id: c.id, reason: null })))),
  }, () => ctx.mark("comments"));
  const more = moreButton((rest) => t("Room.Console.More", rest), () => { limit += PAGE; ctx.mark("comments"); });
  const empty = h("p", { class: "empty", text: t("Room.Console.NoShown") });
  body.append(count, empty, list.el, more.el);
  return () => {
    // Kept in order by the state as events arrive: no sort per frame, however long the meeting has run.
    const ordered = ctx.state.sortedComments();
    empty.hidden = ordered.length > 0;
    count.hidden = ordered.length === 0;
    count.textContent = t("Room.Console.ShownCount", ordered.length);
    list.update(ordered.slice(0, limit));
    more.show(ordered.length - limit);
  };
}
