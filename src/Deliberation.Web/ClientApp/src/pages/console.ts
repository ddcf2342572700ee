// The moderator console: moderation queue, Q&A, floor and timer, polls, formal votes, questionnaires,
// check-in, outcomes, announcements and room rules. Every action goes through the hub; the room's events redraw.
import { bars, bind, clear, h, redraw, time } from "../lib/dom";
import { RoomClient } from "../lib/room-client";
import { RoomState, type Section } from "../lib/room-state";
import { errorText, loadConfig, makeT } from "../lib/strings";
import { renderOnline, renderStatus, setConnState, speakerView, toast } from "../lib/common-ui";
import type { Poll, Presence, Question } from "../lib/types";

interface ConsoleState {
  queue: { comments: any[]; questions: Question[]; blocked: { key: string; name: string }[] };
  polls: Poll[]; votes: any[]; questionnaires: any[]; participants: any[]; settings: any; departments: { id: string; name: string }[]; outcomes: any[];
}

const cfg = loadConfig();
const t = makeT(cfg.strings);
const root = document.getElementById("console")!;
const grid = bind(root, "grid");
const state = new RoomState();
let cs: ConsoleState | null = null;
let presence: Presence = { total: 0, byTier: {} };
const turnout = new Map<string, number>();
const qAggregates = new Map<string, any>();
const boxes = new Map<string, HTMLElement>();

const client = new RoomClient(cfg.roomId, {
  snapshot: (s, me) => { state.load(s, me); renderStatus(root, state, t); void reload(); },
  event: (e) => {
    const sections = state.apply(e);
    sections.forEach(render);
    if (e.type === "PollOpened" || e.type === "PollClosed" || e.type.startsWith("Vote") || e.type.startsWith("Questionnaire")) void reload();
  },
  state: (s) => { setConnState(root, s); if (s === "live") void reload(); },
  presence: (p) => { presence = p; renderOnline(root, p, t); renderBox("session"); },
  tally: (tally) => { state.tallies.set(tally.pollId, tally); renderBox("polls"); },
  questionVotes: (list) => { list.forEach((v) => { const q = state.questions.get(v.id); if (q) q.votes = v.votes; }); renderBox("qa"); },
  queue: () => void reload(),
  turnout: (x) => { turnout.set(x.voteId, x.cast); renderBox("votes"); },
  questionnaireTally: (a) => { qAggregates.set(a.questionnaireId, a); renderBox("questionnaires"); },
});

async function act<T>(method: string, ...args: unknown[]): Promise<T | undefined> {
  try {
    return await client.invoke<T>(method, ...args);
  } catch (err) {
    toast(root, errorText(t, err), "error");
    return undefined;
  }
}

async function reload(): Promise<void> {
  const r = await act<ConsoleState>("GetConsoleState");
  if (!r) return;
  cs = r;
  if (boxes.size === 0) layout();
  for (const q of cs.questionnaires) {
    if (!qAggregates.has(q.id)) fetch(`${cfg.exportBase}${q.id}/aggregate`).then((x) => (x.ok ? x.json() : null)).then((a) => { if (a) { qAggregates.set(q.id, a); renderBox("questionnaires"); } });
  }
  ["queue", "polls", "votes", "questionnaires", "checkin", "outcomes", "settings", "session"].forEach(renderBox);
}

function layout(): void {
  const columns: [string, string][][] = [
    [["queue", "Room.Console.Queue"], ["comments", "Room.Console.LiveComments"], ["checkin", "Room.Console.CheckIn"]],
    [["qa", "Room.Console.Qa"], ["floor", "Room.Console.Floor"], ["outcomes", "Room.Console.Outcomes"]],
    [["session", "Room.Console.Session"], ["polls", "Room.Console.Polls"], ["votes", "Room.Console.Votes"], ["questionnaires", "Room.Console.Questionnaires"],
      ["settings", "Room.Console.Settings"]],
  ];
  clear(grid, ...columns.map((col) => h("div", { class: "console-col" }, ...col.map(([id, key]) => {
    const body = h("div", { class: "box-body" });
    boxes.set(id, body);
    return h("section", { class: "box", id: `box-${id}` }, h("h2", { text: t(key) }), body);
  }))));
  (["comments", "qa", "floor", "status"] as const).forEach((x) => renderBox(x));
}

function render(section: Section): void {
  if (section === "status") { renderStatus(root, state, t); renderBox("session"); }
  else if (section === "comments") renderBox("comments");
  else if (section === "questions") renderBox("qa");
  else if (section === "floor" || section === "speaker") renderBox("floor");
  else if (section === "agenda" || section === "announcement") renderBox("session");
  else if (section === "polls") renderBox("polls");
  else if (section === "votes") renderBox("votes");
}

function btn(key: string, onclick: () => unknown, cls = "btn small"): HTMLButtonElement {
  return h("button", { type: "button", class: cls, text: t(key), onclick });
}

function renderBox(id: string): void {
  const el = boxes.get(id);
  if (!el) return;
  const draw = DRAW[id];
  if (draw) redraw(el, () => clear(el, ...draw()));
}

const DRAW: Record<string, () => (Node | null)[]> = {
  status: () => { renderStatus(root, state, t); return []; },
  queue: () => {
    if (!cs) return [];
    const { comments, questions, blocked } = cs.queue;
    if (comments.length + questions.length === 0) return [h("p", { class: "empty", text: t("Room.Console.QueueEmpty") }), blockedList(blocked)];
    return [
      h("ul", { class: "feed" }, ...comments.map((c) => h("li", { class: "queued" },
        h("div", { class: "feed-head" }, h("strong", { text: c.authorName }), h("span", { class: "meta", text: ` ${t(`Room.Tier.${c.tier}`)} · ${time(c.at)}` }),
          c.flagReason ? h("span", { class: "tag warn", text: flagText(c.flagReason) }) : null),
        h("p", { class: "feed-text", text: c.text }),
        h("div", { class: "actions" },
          btn("Room.Console.Approve", () => act("ApproveComment", c.id), "btn small primary"),
          btn("Room.Console.Reject", async () => {
            const reason = window.prompt(t("Room.Console.RejectReason")) ?? "";
            await act(c.status === "Hidden" ? "HideComment" : "RejectComment", { id: c.id, reason });
            void reload();
          }),
          btn("Room.Console.Block", async () => { await act("BlockParticipant", c.authorKey, c.authorName); void reload(); }))))),
      ...questions.map((q) => h("div", { class: "queued" }, h("p", { class: "feed-text", text: `${t("Room.Tab.Questions")} · ${q.authorName}: ${q.text}` }),
        h("div", { class: "actions" }, btn("Room.Console.Approve", () => act("ApproveQuestion", q.id), "btn small primary"), btn("Room.Console.Hide", () => act("HideQuestion", q.id))))),
      blockedList(blocked),
    ];
  },
  comments: () => [h("ul", { class: "feed compact" }, ...state.sortedComments().slice(0, 80).map((c) => h("li", { class: c.pinned ? "pinned" : "" },
    h("div", { class: "feed-head" }, h("strong", { text: c.authorName }), h("span", { class: "meta", text: ` ${t(`Room.Tier.${c.tier}`)} · ${time(c.at)}` })),
    h("p", { class: "feed-text", text: c.text }),
    h("div", { class: "actions" },
      btn(c.pinned ? "Room.Console.Unpin" : "Room.Console.Pin", () => act("PinComment", c.id, !c.pinned)),
      btn("Room.Console.Hide", () => act("HideComment", { id: c.id, reason: null }))))))],
  qa: () => {
    const list = state.visibleQuestions(true);
    return [h("ul", { class: "questions" }, ...list.map((q) => h("li", { class: `question q-${q.status.toLowerCase()}` },
      h("div", { class: "q-votes" }, h("span", { text: String(q.votes) })),
      h("div", { class: "q-body" },
        h("div", { class: "feed-head" }, h("span", { class: "tag", text: t(`Room.Status.${q.status}`) }), h("span", { class: "meta", text: ` ${q.authorName}` }),
          q.mergedCount ? h("span", { class: "meta", text: ` · ${t("Room.Merged", q.mergedCount)}` }) : null),
        h("p", { class: "feed-text", text: q.text }),
        q.status === "Answered" ? h("p", { class: "answer", text: `${t("Room.AnsweredBy", q.answeredBy ?? "")} ${q.answerText ?? ""}` }) : qaActions(q, list)))))];
  },
  floor: () => [
    speakerView(state, t),
    state.speaker ? btn("Room.Console.EndSpeech", () => act("EndSpeech", state.speaker!.speechId), "btn small danger") : null,
    h("h3", { text: t("Room.Queue") }),
    state.floor.length === 0 ? h("p", { class: "empty", text: t("Room.QueueEmpty") }) : h("ol", { class: "queue" }, ...state.floor.map((f, i) => h("li", {},
      h("div", {}, h("strong", { text: f.speakerName }), h("span", { class: "meta", text: ` ${t(`Room.Tier.${f.tier}`)}${f.sector ? " · " + f.sector : ""} · ${t(`Room.${f.kind}`)}${f.topic ? " · " + f.topic : ""}` })),
      h("div", { class: "actions" },
        btn("Room.Console.Grant", () => act("GrantFloor", f.id), "btn small primary"),
        i > 0 ? btn("Room.Console.Up", () => act("ReorderFloor", move(state.floor.map((x) => x.id), i, i - 1))) : null,
        i < state.floor.length - 1 ? btn("Room.Console.Down", () => act("ReorderFloor", move(state.floor.map((x) => x.id), i, i + 1))) : null,
        btn("Room.Console.Decline", () => act("DeclineFloor", f.id)))))),
  ],
  session: () => {
    const agendaSelect = h("select", { "aria-label": t("Room.Console.Agenda") }, h("option", { value: "", text: t("Room.Console.NoAgendaItem") }),
      ...state.agenda.map((a) => h("option", { value: a.id, text: `${a.order}. ${a.title}`, selected: a.id === state.currentAgendaId })));
    agendaSelect.addEventListener("change", () => act("SetAgendaItem", agendaSelect.value || null));
    const announce = h("textarea", { rows: 2, maxlength: 500, placeholder: t("Room.Console.AnnouncePlaceholder") });
    announce.value = state.announcement ?? "";
    return [
      h("div", { class: "actions" },
        state.status === "Scheduled" ? btn("Room.Console.GoLive", () => act("ChangeStatus", "Live"), "btn primary") : null,
        state.status === "Live" ? btn("Room.Console.End", () => { if (window.confirm(t("Room.Console.ConfirmEnd"))) void act("ChangeStatus", "Ended"); }, "btn danger") : null),
      h("p", { class: "meta", text: `${t("Room.Console.Online")}: ${presence.total} · ${Object.entries(presence.byTier).map(([k, v]) => `${t(`Room.Tier.${k}`)} ${v}`).join(" · ")}` }),
      h("label", { text: t("Room.Console.Agenda") }), agendaSelect,
      h("label", { text: t("Room.Console.Announce") }), announce,
      btn("Room.Console.Announce", () => act("Announce", announce.value)),
    ];
  },
  polls: () => [
    ...(cs?.polls ?? []).map((p) => {
      const live = state.polls.get(p.id) ?? p;
      const tally = state.tallies.get(p.id);
      return h("div", { class: "card poll" }, h("strong", { text: live.title }), h("span", { class: "meta", text: ` · ${t(`Room.Kind.${live.kind}`)}` }),
        tally ? (live.kind === "Rating" ? h("p", { text: t("Room.Average", tally.averageRating ?? "-") })
          : live.kind === "WordCloud" ? h("p", { text: tally.words.map((w) => `${w.word}(${w.count})`).join("  ") })
          : bars(live.options, tally.counts)) : null,
        tally ? h("p", { class: "meta", text: t("Room.PollRespondents", tally.respondents) }) : null,
        h("div", { class: "actions" },
          live.status === "Draft" ? btn("Room.Console.Open", () => act("OpenPoll", p.id), "btn small primary") : null,
          live.status === "Open" ? btn("Room.Console.CloseIt", () => act("ClosePoll", p.id)) : null));
    }),
    newPollForm(),
  ],
  votes: () => [
    ...(cs?.votes ?? []).map((v) => {
      const live = state.votes.get(v.id) ?? v;
      return h("div", { class: "card" }, h("strong", { text: live.title }),
        h("p", { class: "meta", text: `${live.secret ? t("Room.Secret") : t("Room.Named")} · ${t("Room.VotePresent", live.expected, live.present)}` }),
        live.status === "Open" ? h("p", { text: t("Room.Console.Turnout", turnout.get(v.id) ?? 0) }) : null,
        live.status === "Closed" ? h("p", { text: `${t("Room.VoteResult", live.for, live.against, live.abstain)} · ${live.quorumMet ? t("Room.QuorumMet") : t("Room.QuorumNotMet")} · ${live.passed ? t("Room.Passed") : t("Room.NotPassed")}` }) : null,
        h("div", { class: "actions" },
          live.status === "Draft" ? btn("Room.Console.Open", () => act("OpenVote", v.id), "btn small primary") : null,
          live.status === "Open" ? btn("Room.Console.CloseIt", () => act("CloseVote", v.id)) : null));
    }),
    newVoteForm(),
  ],
  questionnaires: () => [
    ...(cs?.questionnaires ?? []).map((q) => {
      const agg = qAggregates.get(q.id);
      return h("div", { class: "card" }, h("strong", { text: q.title }),
        h("p", { class: "meta", text: t("Room.Console.Responses", agg?.responses ?? 0) }),
        ...(agg?.items ?? []).map((it: any) => h("div", { class: "q-agg" }, h("p", { text: it.text }),
          it.kind === "Rating" ? h("p", { class: "meta", text: t("Room.Average", it.averageRating ?? "-") })
            : it.kind === "Text" ? h("p", { class: "meta", text: it.texts.slice(-3).join(" / ") }) : bars(it.options, it.counts))),
        h("div", { class: "actions" },
          q.status === "Draft" ? btn("Room.Console.Open", () => act("OpenQuestionnaire", q.id), "btn small primary") : null,
          q.status === "Open" ? btn("Room.Console.CloseIt", () => act("CloseQuestionnaire", q.id)) : null,
          h("a", { class: "btn small", href: `${cfg.exportBase}${q.id}/responses.csv`, text: t("Room.Console.ExportCsv") }),
          h("a", { class: "btn small", href: `${cfg.exportBase}${q.id}/responses.xlsx`, text: t("Room.Console.ExportXlsx") })));
    }),
    newQuestionnaireForm(),
  ],
  checkin: () => {
    if (!cs) return [];
    const done = cs.participants.filter((p) => p.checkedInAt).length;
    return [h("p", { class: "meta", text: t("Room.Console.CheckedInCount", done, cs.participants.length) }),
      h("ul", { class: "checkin" }, ...cs.participants.map((p) => h("li", {},
        h("span", {}, h("strong", { text: p.name }), h("span", { class: "meta", text: ` ${t(`Room.Tier.${p.tier}`)}${p.affiliation ? " · " + p.affiliation : ""}` })),
        p.checkedInAt ? h("span", { class: "tag ok", text: t("Room.Console.CheckedIn", time(p.checkedInAt)) })
          : btn("Room.Console.CheckInDo", async () => { await act("CheckIn", p.id); void reload(); }))))];
  },
  outcomes: () => {
    const kind = h("select", {}, ...["Consensus", "Disagreement", "Recommendation", "NextStep"].map((k) => h("option", { value: k, text: t(`Room.Outcome.${k}`) })));
    const text = h("textarea", { rows: 2, maxlength: 2000, placeholder: t("Room.Console.OutcomeText") });
    const dept = h("select", {}, h("option", { value: "", text: t("Room.Console.OutcomeDepartment") }), ...(cs?.departments ?? []).map((d) => h("option", { value: d.id, text: d.name })));
    return [
      h("ol", { class: "outcomes" }, ...(cs?.outcomes ?? []).map((o) => h("li", {}, h("span", { class: "tag", text: t(`Room.Outcome.${o.kind}`) }), " ", h("span", { text: o.text })))),
      h("form", { class: "stack", onsubmit: async (ev: Event) => {
        ev.preventDefault();
        if ((await act("RecordOutcome", { kind: kind.value, text: text.value, departmentId: dept.value || null, sourceRefs: [] })) !== undefined) void reload();
      } }, kind, text, dept, h("button", { type: "submit", class: "btn small primary", text: t("Room.Console.Record") })),
    ];
  },
  settings: () => {
    if (!cs) return [];
    const s = cs.settings;
    const f = {
      pub: h("input", { type: "checkbox", checked: s.preModeratePublic }), mem: h("input", { type: "checkbox", checked: s.preModerateMembers }),
      minutes: h("input", { type: "number", min: 1, max: 60, value: s.speakingMinutes }), reports: h("input", { type: "number", min: 1, max: 100, value: s.reportThreshold }),
      interval: h("input", { type: "number", min: 0, max: 600, value: s.publicCommentIntervalSeconds }), words: h("textarea", { rows: 3 }),
    };
    f.words.value = s.sensitiveWords.join("\n");
    return [h("form", { class: "stack", onsubmit: async (ev: Event) => {
      ev.preventDefault();
      const ok = await act("UpdateSettings", { preModeratePublic: f.pub.checked, preModerateMembers: f.mem.checked, speakingMinutes: +f.minutes.value,
        reportThreshold: +f.reports.value, publicCommentIntervalSeconds: +f.interval.value, sensitiveWords: f.words.value.split("\n").map((w) => w.trim()).filter(Boolean) });
      if (ok !== undefined) toast(root, t("Room.Console.Saved"));
    } },
    h("label", { class: "check" }, f.pub, h("span", { text: t("Room.Console.PreModeratePublic") })),
    h("label", { class: "check" }, f.mem, h("span", { text: t("Room.Console.PreModerateMembers") })),
    h("label", { text: t("Room.Console.SpeakingMinutes") }), f.minutes, h("label", { text: t("Room.Console.ReportThreshold") }), f.reports,
    h("label", { text: t("Room.Console.Interval") }), f.interval, h("label", { text: t("Room.Console.SensitiveWords") }), f.words,
    h("button", { type: "submit", class: "btn small primary", text: t("Room.Console.Save") }))];
  },
};

function flagText(flag: string): string {
  return flag.startsWith("sensitive:") ? t("Room.Console.Flag.sensitive", flag.slice(10)) : t(`Room.Console.Flag.${flag}`);
}

function blockedList(blocked: { key: string; name: string }[]): Node | null {
  if (blocked.length === 0) return null;
  return h("div", { class: "blocked" }, h("h3", { text: t("Room.Console.Blocked") }), ...blocked.map((b) => h("p", {}, h("span", { text: b.name }), " ",
    btn("Room.Console.Unblock", async () => { await act("UnblockParticipant", b.key); void reload(); }))));
}

function qaActions(q: Question, all: Question[]): HTMLElement {
  const target = h("select", { "aria-label": t("Room.Console.MergeInto") }, h("option", { value: "", text: t("Room.Console.MergeInto") }),
    ...all.filter((o) => o.id !== q.id).map((o) => h("option", { value: o.id, text: o.text.slice(0, 30) })));
  const by = h("input", { placeholder: t("Room.Console.AnsweredBy"), "aria-label": t("Room.Console.AnsweredBy") });
  const text = h("input", { placeholder: t("Room.Console.AnswerText"), "aria-label": t("Room.Console.AnswerText") });
  return h("div", { class: "stack" },
    h("div", { class: "actions" },
      q.status === "Open" ? btn("Room.Console.MarkAnswering", () => act("MarkAnswering", q.id)) : null,
      target, btn("Room.Console.Merge", () => target.value && act("MergeQuestions", q.id, target.value)),
      btn("Room.Console.Hide", () => act("HideQuestion", q.id))),
    h("div", { class: "actions" }, by, text, btn("Room.Console.Answer", () => act("AnswerQuestion", { id: q.id, answeredBy: by.value || null, text: text.value || null }), "btn small primary")));
}

function move(ids: string[], from: number, to: number): string[] {
  const copy = [...ids];
  const [x] = copy.splice(from, 1);
  copy.splice(to, 0, x);
  return copy;
}

function newPollForm(): HTMLElement {
  const title = h("input", { placeholder: t("Room.Console.PollTitle"), "aria-label": t("Room.Console.PollTitle"), maxlength: 200 });
  const kind = h("select", { "aria-label": t("Room.Console.PollKind") }, ...["Single", "Multiple", "Rating", "WordCloud"].map((k) => h("option", { value: k, text: t(`Room.Kind.${k}`) })));
  const options = h("textarea", { rows: 3, placeholder: t("Room.Console.PollOptions"), "aria-label": t("Room.Console.PollOptions") });
  const max = h("input", { type: "number", min: 1, value: 2, "aria-label": t("Room.Console.MaxChoices") });
  const live = h("input", { type: "checkbox", checked: true });
  const change = h("input", { type: "checkbox", checked: true });
  return h("details", { class: "new" }, h("summary", { text: t("Room.Console.NewPoll") }), h("form", { class: "stack", onsubmit: async (ev: Event) => {
    ev.preventDefault();
    const r = await act("CreatePoll", { title: title.value, kind: kind.value, options: options.value.split("\n").map((o) => o.trim()).filter(Boolean),
      maxChoices: +max.value, showResultsLive: live.checked, allowChange: change.checked });
    if (r !== undefined) void reload();
  } }, title, kind, options, h("label", { text: t("Room.Console.MaxChoices") }), max,
  h("label", { class: "check" }, live, h("span", { text: t("Room.Console.ShowLive") })), h("label", { class: "check" }, change, h("span", { text: t("Room.Console.AllowChange") })),
  h("button", { type: "submit", class: "btn small primary", text: t("Room.Console.Create") })));
}

function newVoteForm(): HTMLElement {
  const title = h("input", { placeholder: t("Room.Console.VoteTitle"), "aria-label": t("Room.Console.VoteTitle"), maxlength: 300 });
  const secret = h("input", { type: "checkbox" });
  const quorum = h("input", { type: "number", min: 0, max: 100, value: 50 });
  const pass = h("input", { type: "number", min: 0, max: 100, value: 50 });
  return h("details", { class: "new" }, h("summary", { text: t("Room.Console.NewVote") }), h("form", { class: "stack", onsubmit: async (ev: Event) => {
    ev.preventDefault();
    if ((await act("CreateVote", { title: title.value, secret: secret.checked, quorumPercent: +quorum.value, passPercent: +pass.value })) !== undefined) void reload();
  } }, title, h("label", { class: "check" }, secret, h("span", { text: t("Room.Secret") })), h("label", { text: t("Room.Console.Quorum") }), quorum,
  h("label", { text: t("Room.Console.PassRule") }), pass, h("button", { type: "submit", class: "btn small primary", text: t("Room.Console.Create") })));
}

const KIND_WORDS: Record<string, string> = { "单选": "Single", "多选": "Multiple", "填空": "Text", "评分": "Rating", single: "Single", multiple: "Multiple", text: "Text", rating: "Rating" };

function newQuestionnaireForm(): HTMLElement {
  const title = h("input", { placeholder: t("Room.Console.QuestionnaireTitle"), "aria-label": t("Room.Console.QuestionnaireTitle"), maxlength: 200 });
  const items = h("textarea", { rows: 4, placeholder: t("Room.Console.QuestionnaireItems"), "aria-label": t("Room.Console.QuestionnaireItems") });
  const anonymous = h("input", { type: "checkbox", checked: true });
  return h("details", { class: "new" }, h("summary", { text: t("Room.Console.NewQuestionnaire") }), h("form", { class: "stack", onsubmit: async (ev: Event) => {
    ev.preventDefault();
    const parsed = items.value.split("\n").map((l) => l.trim()).filter(Boolean).map((line) => {
      const [k, text, opts, req] = line.split("|").map((x) => x?.trim() ?? "");
      return { key: "", text, kind: KIND_WORDS[k.toLowerCase()] ?? KIND_WORDS[k] ?? "Text", options: (opts ?? "").split(/[;；]/).map((o) => o.trim()).filter(Boolean), required: !!req };
    });
    if ((await act("CreateQuestionnaire", { title: title.value, description: null, anonymous: anonymous.checked, startsAt: null, endsAt: null, items: parsed })) !== undefined) void reload();
  } }, title, items, h("p", { class: "meta", text: t("Room.Console.QuestionnaireHelp") }), h("label", { class: "check" }, anonymous, h("span", { text: t("Room.Console.Anonymous") })),
  h("button", { type: "submit", class: "btn small primary", text: t("Room.Console.Create") })));
}

window.setInterval(() => { if (state.speaker) renderBox("floor"); }, 1000);
client.start().catch((err) => toast(root, errorText(t, err), "error"));
