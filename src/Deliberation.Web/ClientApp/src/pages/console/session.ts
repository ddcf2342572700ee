// Session control: go live, the guided end (what is still open, then confirm), the ended state with the minutes
// compile progress, presence, agenda and announcements.
import { h } from "../../lib/dom";
import { btn, type Ctx, type MinutesProgress } from "./context";

export function sessionBox(ctx: Ctx, body: HTMLElement): { draw(): void; presence(): void } {
  const { t, state } = ctx;
  const actions = h("div", { class: "actions session-actions" });
  const online = h("p", { class: "meta" });
  const agenda = h("select", { "aria-label": t("Room.Console.Agenda") });
  agenda.addEventListener("change", () => void ctx.act("SetAgendaItem", agenda.value || null));
  const announce = h("textarea", { rows: 2, maxlength: 500, placeholder: t("Room.Console.AnnouncePlaceholder"), "aria-label": t("Room.Console.Announce") });
  const dialog = endDialog(ctx);
  body.append(actions, online, h("label", { text: t("Room.Console.Agenda") }), agenda,
    h("label", { text: t("Room.Console.Announce") }), announce,
    btn(t, "Room.Console.Announce", () => ctx.act("Announce", announce.value)), dialog.el);
  let drawnAgenda = "";
  let drawnAnnouncement: string | null | undefined;
  let drawnStatus = "";
  return {
    draw() {
      if (drawnStatus !== state.status) {
        drawnStatus = state.status;
        actions.replaceChildren(
          state.status === "Scheduled" ? btn(t, "Room.Console.GoLive", () => ctx.act("ChangeStatus", "Live"), "btn primary") : "",
          state.status === "Live" ? btn(t, "Room.Console.End", (ev) => dialog.open(ev.currentTarget as HTMLElement), "btn danger") : "");
      }
      const agendaKey = `${state.currentAgendaId}|${state.agenda.length}`;
      if (agendaKey !== drawnAgenda && document.activeElement !== agenda) {
        drawnAgenda = agendaKey;
        agenda.replaceChildren(h("option", { value: "", text: t("Room.Console.NoAgendaItem") }),
          ...state.agenda.map((a) => h("option", { value: a.id, text: `${a.order}. ${a.title}`, selected: a.id === state.currentAgendaId })));
      }
      if (drawnAnnouncement !== state.announcement && document.activeElement !== announce) {
        drawnAnnouncement = state.announcement;
        announce.value = state.announcement ?? "";
      }
      if (state.status === "Ended" || state.status === "Archived") {
        if (dialog.el.open) dialog.el.close();
        showEnded(ctx);
      }
    },
    presence() {
      const p = ctx.presence;
      online.textContent = `${t("Room.Console.Online")}: ${p.total} · ${Object.entries(p.byTier).map(([k, v]) => `${t(`Room.Tier.${k}`)} ${v}`).join(" · ")}`;
    },
  };
}

/** What ending would leave behind, in words, for the confirmation. */
export function pendingItems(ctx: Ctx): string[] {
  const { t, state } = ctx;
  const out: string[] = [];
  if (ctx.queueComments.size) out.push(t("Room.Console.Pending.Comments", ctx.queueComments.size));
  if (ctx.queueQuestions.size) out.push(t("Room.Console.Pending.Questions", ctx.queueQuestions.size));
  const openPolls = [...ctx.polls.values()].filter((p) => p.status === "Open").map((p) => p.title);
  if (openPolls.length) out.push(t("Room.Console.Pending.Polls", openPolls.join("、")));
  const openVotes = [...ctx.votes.values()].filter((v) => v.status === "Open").map((v) => v.title);
  if (openVotes.length) out.push(t("Room.Console.Pending.Votes", openVotes.join("、")));
  if (state.speaker) out.push(t("Room.Console.Pending.Speaker", state.speaker.speakerName ?? ""));
  if (state.floor.length) out.push(t("Room.Console.Pending.FloorQueue", state.floor.length));
  const openQ = [...ctx.questionnaires.values()].filter((q) => q.status === "Open").map((q) => q.title);
  if (openQ.length) out.push(t("Room.Console.Pending.Questionnaire", openQ.join("、")));
  return out;
}

function endDialog(ctx: Ctx): { el: HTMLDialogElement; open(from: HTMLElement): void } {
  const { t } = ctx;
  const list = h("div", { class: "pending" });
  const confirm = h("button", { type: "button", class: "btn danger", text: t("Room.Console.EndConfirm") });
  const dialog: HTMLDialogElement = h("dialog", { class: "console-dialog end-dialog", "aria-labelledby": "end-title" },
    h("h2", { id: "end-title", text: t("Room.Console.EndTitle") }),
    h("p", { text: t("Room.Console.EndLead") }),
    list,
    h("div", { class: "actions" }, confirm, btn(t, "Room.Console.EndBack", (): void => dialog.close(), "btn")));
  let opener: HTMLElement | null = null;
  dialog.addEventListener("close", () => { if (opener?.isConnected) opener.focus(); });
  confirm.addEventListener("click", async () => {
    confirm.disabled = true;
    try {
      if (!(await ctx.ok("ChangeStatus", "Ended"))) return;
      ctx.state.status = "Ended";
      dialog.close();
      ctx.mark("status", "session");
    } finally {
      confirm.disabled = false;
    }
  });
  return {
    el: dialog,
    open(from) {
      opener = from;
      const items = pendingItems(ctx);
      list.replaceChildren(...(items.length === 0 ? [h("p", { class: "meta", text: t("Room.Console.EndNothing") })] : [
        h("h3", { text: t("Room.Console.EndPending") }),
        h("ul", { class: "pending-list" }, ...items.map((x) => h("li", { text: x }))),
        h("p", { class: "meta", text: t("Room.Console.EndPendingNote") }),
      ]));
      dialog.showModal();
      confirm.focus();
    },
  };
}

let endedPanel: HTMLElement | null = null;
let polling = 0;

/** The console after the end: a notice on top, live controls disabled, and where the minutes compile stands. */
function showEnded(ctx: Ctx): void {
  const { t } = ctx;
  ctx.root.dataset.ended = "1";
  if (endedPanel) return;
  // Ending queues the compile at once; the first poll replaces this with the real state.
  const progress = h("p", { class: "minutes-line", "data-bind": "minutes-progress", text: t("Room.Console.MinutesProgress", t("Room.Console.MinutesState.Queued")) });
  const link = h("a", { class: "btn small primary", text: t("Room.Console.MinutesLink") });
  link.hidden = true;
  endedPanel = h("section", { class: "ended-panel", role: "status", "aria-labelledby": "ended-title" },
    h("h2", { id: "ended-title", text: t("Room.Console.EndedTitle") }),
    h("p", { text: t("Room.Console.EndedLead") }), progress, link);
  ctx.root.querySelector(".console-grid")!.before(endedPanel);
  const show = (m: MinutesProgress | null | undefined): boolean => {
    if (!m) return false;
    ctx.minutes = m;
    progress.textContent = t("Room.Console.MinutesProgress", `${t(`Room.Console.MinutesState.${m.state}`)} · ${m.progress}%`);
    if (ctx.minutesReviewer) {
      link.href = `/Admin/Minutes/View/${m.id}`;
      link.hidden = false;
    }
    return m.state === "Succeeded" || m.state === "Failed";
  };
  if (show(ctx.minutes)) return;
  const started = Date.now();
  const poll = async (): Promise<void> => {
    const m = await ctx.client.invoke<MinutesProgress | null>("GetMinutesProgress").catch(() => undefined);
    if (show(m) || Date.now() - started > 10 * 60_000) window.clearInterval(polling);
  };
  void poll();
  polling = window.setInterval(() => void poll(), 2000);
}

/** Disables every live control once the session has ended (links such as exports stay usable). */
export function lockIfEnded(ctx: Ctx): void {
  if (!ctx.root.dataset.ended) return;
  ctx.root.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(".console-grid :is(button, input, select, textarea)")
    .forEach((el) => { if (!el.disabled) el.disabled = true; });
}
