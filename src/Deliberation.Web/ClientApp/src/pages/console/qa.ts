// Q&A: questions by votes with 正在回答 / 记录回答, and merging through ONE shared picker (search, then click the
// question to merge into) instead of a drop-down of every question in every row.
import { h } from "../../lib/dom";
import type { Question } from "../../lib/types";
import { btn, type Ctx } from "./context";
import { KeyedList, moreButton } from "./keyed";

const PAGE = 50;
const PICKER_ROWS = 30;

/** The console's order: being answered first, then by votes, newest first among equals (the room's own order). */
export function visibleQuestions(ctx: Ctx): Question[] {
  return ctx.state.visibleQuestions(true);
}

export function qaBox(ctx: Ctx, body: HTMLElement): () => void {
  const { t } = ctx;
  let limit = PAGE;
  const picker = mergePicker(ctx);
  const list = new KeyedList<Question>("ul", "questions", {
    key: (q) => q.id,
    sig: (q) => `${q.status}|${q.votes}|${q.mergedCount}|${q.answeredBy}|${q.answerText}`,
    create: (q) => questionRow(ctx, q, picker.open),
    patch: (el, q) => {
      // Votes and merge counts change all the time; the rest of the row (and any half-typed answer) stays.
      if (el.dataset.status !== q.status || el.dataset.answer !== `${q.answeredBy}|${q.answerText}`) return false;
      el.querySelector(".q-votes span")!.textContent = String(q.votes);
      el.querySelector<HTMLElement>("[data-merged]")!.textContent = q.mergedCount ? ` · ${t("Room.Merged", q.mergedCount)}` : "";
      return true;
    },
  }, () => ctx.mark("qa"));
  const more = moreButton((rest) => t("Room.Console.More", rest), () => { limit += PAGE; ctx.mark("qa"); });
  const empty = h("p", { class: "empty", text: t("Room.Console.NoQuestions") });
  body.append(empty, list.el, more.el, picker.el);
  return () => {
    const all = visibleQuestions(ctx);
    empty.hidden = all.length > 0;
    list.update(all.slice(0, limit));
    more.show(all.length - limit);
    picker.refresh();
  };
}

function questionRow(ctx: Ctx, q: Question, openPicker: (q: Question, from: HTMLElement) => void): HTMLElement {
  const { t } = ctx;
  const li = h("li", { class: `question q-${q.status.toLowerCase()}` },
    h("div", { class: "q-votes" }, h("span", { text: String(q.votes) })),
    h("div", { class: "q-body" },
      h("div", { class: "feed-head" }, h("span", { class: "tag", text: t(`Room.Status.${q.status}`) }), h("span", { class: "meta", text: ` ${q.authorName}` }),
        h("span", { class: "meta", "data-merged": "1", text: q.mergedCount ? ` · ${t("Room.Merged", q.mergedCount)}` : "" })),
      h("p", { class: "feed-text", text: q.text }),
      q.status === "Answered" ? h("p", { class: "answer", text: `${t("Room.AnsweredBy", q.answeredBy ?? "")} ${q.answerText ?? ""}` }) : answerControls(ctx, q, openPicker)));
  li.dataset.status = q.status;
  li.dataset.answer = `${q.answeredBy}|${q.answerText}`;
  return li;
}

function answerControls(ctx: Ctx, q: Question, openPicker: (q: Question, from: HTMLElement) => void): HTMLElement {
  const { t } = ctx;
  const by = h("input", { placeholder: t("Room.Console.AnsweredBy"), "aria-label": t("Room.Console.AnsweredBy"), maxlength: 100 });
  const text = h("input", { placeholder: t("Room.Console.AnswerText"), "aria-label": t("Room.Console.AnswerText"), maxlength: 500 });
  const mergeBtn: HTMLButtonElement = btn(t, "Room.Console.MergeInto", () => openPicker(q, mergeBtn));
  mergeBtn.setAttribute("aria-haspopup", "dialog");
  return h("div", { class: "stack" },
    h("div", { class: "actions" },
      q.status === "Open" ? btn(t, "Room.Console.MarkAnswering", () => ctx.act("MarkAnswering", q.id)) : null,
      mergeBtn,
      btn(t, "Room.Console.Hide", () => ctx.act("HideQuestion", q.id))),
    h("form", { class: "answer-form", onsubmit: (ev: Event) => {
      ev.preventDefault();
      void ctx.act("AnswerQuestion", { id: q.id, answeredBy: by.value.trim() || null, text: text.value.trim() || null });
    } }, by, text, h("button", { type: "submit", class: "btn small primary", text: t("Room.Console.Answer") })));
}

/** One dialog for the whole list: the source question on top, a search box, and the candidates as buttons. */
function mergePicker(ctx: Ctx): { el: HTMLDialogElement; open(q: Question, from: HTMLElement): void; refresh(): void } {
  const { t } = ctx;
  let source: Question | null = null;
  let opener: HTMLElement | null = null;
  const heading = h("h2", { id: "merge-title", text: t("Room.Console.MergeTitle") });
  const sourceText = h("p", { class: "merge-source" });
  const search = h("input", { type: "search", placeholder: t("Room.Console.MergeSearch"), "aria-label": t("Room.Console.MergeSearch") });
  const hint = h("p", { class: "meta" });
  const list = h("ul", { class: "merge-list" });
  const dialog: HTMLDialogElement = h("dialog", { class: "console-dialog merge-picker", "aria-labelledby": "merge-title" },
    heading, sourceText, search, hint, list,
    h("div", { class: "actions" }, btn(t, "Room.Console.Cancel", (): void => dialog.close())));
  dialog.addEventListener("close", () => { source = null; opener?.isConnected && opener.focus(); });

  const fill = (): void => {
    if (!source) return;
    const words = search.value.trim().toLowerCase();
    const src = source;
    const candidates = visibleQuestions(ctx).filter((o) => o.id !== src.id && o.status !== "Answered" && (!words || o.text.toLowerCase().includes(words)));
    const shown = candidates.slice(0, PICKER_ROWS);
    hint.textContent = candidates.length === 0 ? t("Room.Console.MergeNone") : candidates.length > PICKER_ROWS ? t("Room.Console.MergeShown", PICKER_ROWS) : "";
    list.replaceChildren(...shown.map((o) => h("li", {}, h("button", { type: "button", class: "merge-target", onclick: async () => {
      dialog.close();
      if ((await ctx.ok("MergeQuestions", src.id, o.id))) ctx.toast(t("Room.Console.MergedToast"));
    } }, h("span", { class: "q-votes-inline", text: String(o.votes) }), h("span", { text: o.text })))));
  };
  search.addEventListener("input", fill);
  return {
    el: dialog,
    open(q, from) {
      source = q;
      opener = from;
      sourceText.textContent = q.text;
      search.value = "";
      fill();
      dialog.showModal();
      search.focus();
    },
    refresh() {
      if (source && dialog.open && !ctx.state.questions.has(source.id)) dialog.close();
    },
  };
}
