// The participant room (phone first): comments, questions, polls, votes, questionnaire, asking for the floor.
import { bars, bind, clear, h, redraw, time } from "../lib/dom";
import { RoomClient } from "../lib/room-client";
import { RoomState, type Section } from "../lib/room-state";
import { errorText, loadConfig, makeT } from "../lib/strings";
import { renderOnline, renderStatus, setConnState, speakerView, toast } from "../lib/common-ui";
import type { Poll, Question } from "../lib/types";

const cfg = loadConfig();
const t = makeT(cfg.strings);
const root = document.getElementById("room")!;
const state = new RoomState();
let activeTab = "comments";
let sortByVotes = true;
let quiet = true; // no "new" dots for what the snapshot drew
const panels = new Map<string, HTMLElement>();
const heads = new Map<string, HTMLElement>();

const client = new RoomClient(cfg.roomId, {
  snapshot: (s, me) => { state.load(s, me); buildTabs(); quiet = true; renderAll(); quiet = false; },
  event: (e) => state.apply(e).forEach(render),
  state: (s) => setConnState(root, s),
  presence: (p) => renderOnline(root, p, t),
  tally: (tally) => { state.tallies.set(tally.pollId, tally); render("polls"); },
  questionVotes: (list) => { list.forEach((v) => { const q = state.questions.get(v.id); if (q) q.votes = v.votes; }); render("questions"); },
  notice: (n) => {
    toast(root, t(`Notice.${n.code}`, n.detail ?? ""));
    if (n.code === "question.merged" && n.detail) state.myQuestionIds.add(n.detail);
    render("questions");
  },
});

async function act<T>(method: string, ...args: unknown[]): Promise<T | undefined> {
  try {
    return await client.invoke<T>(method, ...args);
  } catch (err) {
    toast(root, errorText(t, err), "error");
    return undefined;
  }
}

function buildTabs(): void {
  const tabs: [string, string][] = [["comments", "Room.Tab.Comments"], ["questions", "Room.Tab.Questions"], ["polls", "Room.Tab.Polls"]];
  if (state.me.mayVote) tabs.push(["votes", "Room.Tab.Votes"]);
  tabs.push(["questionnaire", "Room.Tab.Questionnaire"]);
  if (state.me.mayTakeFloor) tabs.push(["floor", "Room.Tab.Floor"]);
  const nav = bind(root, "tabs");
  const holder = bind(root, "panels");
  clear(nav);
  clear(holder);
  panels.clear();
  heads.clear();
  for (const [id, key] of tabs) {
    nav.append(h("button", { type: "button", role: "tab", class: "tab", "data-tab": id, "aria-selected": String(id === activeTab),
      onclick: () => selectTab(id) }, h("span", { text: t(key) }), h("span", { class: "badge", "data-badge": id, hidden: true })));
    // A panel's head (the composer) is drawn once, so text being typed survives the stream of new items below it.
    const head = h("div", { class: "panel-head" });
    const body = h("div", { class: "panel-body" });
    heads.set(id, head);
    panels.set(id, body);
    holder.append(h("section", { class: "room-panel", role: "tabpanel", "data-panel": id, hidden: id !== activeTab }, head, body));
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

function render(section: Section): void {
  switch (section) {
    case "status": renderStatus(root, state, t); renderComments(); renderQuestions(); renderFloor(); break;
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
    case "speaker": { const el = bind(root, "speaker"); el.hidden = !state.speaker; clear(el, speakerView(state, t)); renderFloor(); break; }
    case "comments": renderComments(); flag("comments"); break;
    case "questions": renderQuestions(); flag("questions"); break;
    case "polls": renderPolls(); flag("polls"); break;
    case "votes": renderVotes(); flag("votes"); break;
    case "questionnaire": renderQuestionnaire(); flag("questionnaire"); break;
    case "floor": renderFloor(); break;
  }
}

/** Draws a panel's head once per room status (a composer appears when the room goes live, goes when it ends). */
function drawHead(id: string, make: () => HTMLElement | null): void {
  const head = heads.get(id);
  if (!head) return;
  const key = `${state.status}:${state.me.mayInteract}`;
  if (head.dataset.key === key) return;
  head.dataset.key = key;
  clear(head, make());
}

function composer(placeholder: string, max: number, button: string, send: (text: string) => Promise<boolean>): HTMLElement {
  const area = h("textarea", { rows: 2, maxlength: max, placeholder, "aria-label": placeholder });
  const count = h("span", { class: "meta count", text: `0/${max}` });
  area.addEventListener("input", () => (count.textContent = `${area.value.length}/${max}`));
  const btn = h("button", { type: "submit", class: "btn primary", text: button });
  return h("form", { class: "composer", onsubmit: async (ev: Event) => {
    ev.preventDefault();
    if (!area.value.trim()) return;
    btn.disabled = true;
    if (await send(area.value)) { area.value = ""; count.textContent = `0/${max}`; }
    btn.disabled = false;
  } }, area, h("div", { class: "composer-row" }, count, btn));
}

function renderComments(): void {
  const panel = panels.get("comments");
  if (!panel) return;
  const list = state.sortedComments().slice(0, 150);
  drawHead("comments", () => state.me.mayInteract && state.status === "Live"
    ? composer(t("Room.CommentPlaceholder"), 500, t("Room.Send"), async (text) => {
      const r = await act<{ status: string }>("PostComment", text);
      if (r) toast(root, r.status === "Pending" ? t("Room.Pending") : t("Room.Sent"));
      return !!r;
    })
    : !state.me.mayInteract ? h("p", { class: "meta", text: t("Room.WatchOnly") }) : null);
  clear(panel,
    list.length === 0 ? h("p", { class: "empty", text: t("Room.NoComments") }) : h("ul", { class: "feed" }, ...list.map((c) =>
      h("li", { class: c.pinned ? "pinned" : "" },
        h("div", { class: "feed-head" },
          h("strong", { text: c.authorName }),
          h("span", { class: "meta", text: ` ${t(`Room.Tier.${c.tier}`)}${c.sector ? " · " + c.sector : ""} · ${time(c.at)}` }),
          c.pinned ? h("span", { class: "tag", text: t("Room.Pinned") }) : null),
        h("p", { class: "feed-text", text: c.text }),
        state.me.mayInteract ? h("button", { type: "button", class: "link small", text: t("Room.Report"), onclick: async () => {
          if ((await act("ReportComment", c.id)) !== undefined) toast(root, t("Room.Reported"));
        } }) : null))));
}

function questionItem(q: Question): HTMLElement {
  const mine = state.myQuestionIds.has(q.id);
  const canVote = state.me.mayInteract && (q.status === "Open" || q.status === "Answering");
  return h("li", { class: `question q-${q.status.toLowerCase()} ${mine ? "mine" : ""}` },
    h("div", { class: "q-votes" },
      h("button", { type: "button", class: `upvote ${state.upvoted.has(q.id) ? "on" : ""}`, disabled: !canVote || state.upvoted.has(q.id),
        "aria-label": t("Room.Upvote"), onclick: async () => {
          const ok = await act<boolean>("UpvoteQuestion", q.id);
          if (ok !== undefined) { state.upvoted.add(q.id); renderQuestions(); }
        } }, "▲"),
      h("span", { text: String(q.votes) })),
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

function renderQuestions(): void {
  const panel = panels.get("questions");
  if (!panel) return;
  const list = state.visibleQuestions(sortByVotes);
  const mine = [...state.myQuestionIds].map((id) => state.followMerged(id)).filter((q): q is Question => !!q && q.status === "Pending");
  drawHead("questions", () => state.me.mayInteract && state.status === "Live"
    ? composer(t("Room.QuestionPlaceholder"), 300, t("Room.Ask"), async (text) => {
      const q = await act<Question>("AskQuestion", text);
      if (q) {
        state.myQuestionIds.add(q.id);
        state.questions.set(q.id, q);
        toast(root, q.status === "Pending" ? t("Room.QuestionPending") : t("Room.Sent"));
        renderQuestions();
      }
      return !!q;
    }) : null);
  clear(panel,
    h("div", { class: "sort" },
      h("button", { type: "button", class: `chip ${sortByVotes ? "on" : ""}`, text: t("Room.SortByVotes"), onclick: () => { sortByVotes = true; renderQuestions(); } }),
      h("button", { type: "button", class: `chip ${!sortByVotes ? "on" : ""}`, text: t("Room.SortByTime"), onclick: () => { sortByVotes = false; renderQuestions(); } })),
    mine.length ? h("ul", { class: "questions" }, ...mine.map(questionItem)) : null,
    list.length === 0 ? h("p", { class: "empty", text: t("Room.NoQuestions") }) : h("ul", { class: "questions" }, ...list.map(questionItem)));
}

function pollCard(p: Poll): HTMLElement {
  const tally = state.tallies.get(p.id);
  const mine = state.myAnswers.get(p.id);
  const open = p.status === "Open";
  const canAnswer = open && state.me.mayInteract && (!mine || p.allowChange);
  const card = h("article", { class: "card poll" }, h("h3", { text: p.title }),
    h("p", { class: "meta", text: [t(`Room.Kind.${p.kind}`), p.kind === "Multiple" ? t("Room.PickUpTo", p.maxChoices) : "", !open ? t("Room.PollClosed") : ""].filter(Boolean).join(" · ") }));
  if (canAnswer) card.append(pollForm(p, mine));
  else if (mine && open) card.append(h("p", { class: "meta", text: t("Room.PollThanks") }));
  if (tally && (p.showResultsLive || !open)) card.append(pollResults(p, tally));
  else if (open) card.append(h("p", { class: "meta", text: t("Room.PollResultsLater") }));
  return card;
}

export function pollResults(p: Poll, tally: { respondents: number; counts: number[]; averageRating: number | null; words: { word: string; count: number }[] }): HTMLElement {
  const body = h("div", { class: "poll-results" }, h("p", { class: "meta", text: t("Room.PollRespondents", tally.respondents) }));
  if (p.kind === "Rating") {
    body.append(h("p", { class: "big-number", text: t("Room.Average", tally.averageRating ?? "-") }), bars(["1", "2", "3", "4", "5"], tally.counts));
  } else if (p.kind === "WordCloud") {
    const max = Math.max(1, ...tally.words.map((w) => w.count));
    body.append(h("div", { class: "cloud" }, ...tally.words.map((w) => h("span", { style: `font-size:${0.9 + 1.6 * w.count / max}em`, text: w.word }))));
  } else {
    body.append(bars(p.options, tally.counts));
  }
  return body;
}

function pollForm(p: Poll, mine?: { choices: number[]; rating: number | null; text: string | null }): HTMLElement {
  const form = h("form", { class: "stack" });
  if (p.kind === "Single" || p.kind === "Multiple") {
    p.options.forEach((o, i) => form.append(h("label", { class: "check option" },
      h("input", { type: p.kind === "Single" ? "radio" : "checkbox", name: `p-${p.id}`, value: String(i), checked: mine?.choices.includes(i) }), h("span", { text: o }))));
  } else if (p.kind === "Rating") {
    form.append(h("div", { class: "stars" }, ...[1, 2, 3, 4, 5].map((r) => h("label", { class: "star" },
      h("input", { type: "radio", name: `p-${p.id}`, value: String(r), checked: mine?.rating === r }), h("span", { text: String(r) })))));
  } else {
    form.append(h("input", { name: "word", maxlength: 20, placeholder: t("Room.WordPlaceholder"), value: mine?.text ?? "" }));
  }
  form.append(h("button", { type: "submit", class: "btn primary", text: mine ? t("Room.PollChange") : t("Room.PollSubmit") }));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const picked = [...form.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => Number(i.value));
    const word = form.querySelector<HTMLInputElement>("input[name=word]")?.value;
    const req = { pollId: p.id, choices: p.kind === "Rating" ? null : picked, rating: p.kind === "Rating" ? picked[0] ?? null : null, text: word ?? null };
    if ((await act("AnswerPoll", req)) !== undefined) {
      state.myAnswers.set(p.id, { choices: req.choices ?? [], rating: req.rating, text: req.text });
      toast(root, t("Room.PollThanks"));
      renderPolls();
    }
  });
  return form;
}

function renderPolls(): void {
  const target = panels.get("polls");
  if (target) redraw(target, () => renderPollsNow());
}

function renderPollsNow(): void {
  const panel = panels.get("polls");
  if (!panel) return;
  const list = [...state.polls.values()].sort((a, b) => (a.status === b.status ? 0 : a.status === "Open" ? -1 : 1));
  clear(panel, list.length === 0 ? h("p", { class: "empty", text: t("Room.NoPolls") }) : h("div", { class: "stack" }, ...list.map(pollCard)));
}

function renderVotes(): void {
  const target = panels.get("votes");
  if (target) redraw(target, () => renderVotesNow());
}

function renderVotesNow(): void {
  const panel = panels.get("votes");
  if (!panel) return;
  const list = [...state.votes.values()];
  clear(panel, list.length === 0 ? h("p", { class: "empty", text: t("Room.NoVotes") }) : h("div", { class: "stack" }, ...list.map((v) => {
    const card = h("article", { class: "card vote" }, h("h3", { text: v.title }),
      h("p", { class: "meta", text: `${v.secret ? t("Room.Secret") : t("Room.Named")} · ${t("Room.VotePresent", v.expected, v.present)}` }));
    if (v.status === "Open") {
      if (state.voted.has(v.id)) card.append(h("p", { class: "ok", text: t("Room.VoteCast") }));
      else card.append(h("div", { class: "vote-buttons" }, ...(["For", "Against", "Abstain"] as const).map((c) =>
        h("button", { type: "button", class: `btn vote-${c.toLowerCase()}`, text: t(`Room.Vote${c}`), onclick: async () => {
          const key = Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join("-"); // ≤ 64 chars, as the server requires
          let r = await act<string>("CastVote", { voteId: v.id, choice: c, idempotencyKey: key });
          if (r === undefined) r = await act<string>("CastVote", { voteId: v.id, choice: c, idempotencyKey: key }); // a retry counts once
          if (r !== undefined) { state.voted.add(v.id); renderVotes(); }
        } }))));
    } else if (v.status === "Closed") {
      card.append(h("p", { class: "vote-result", text: t("Room.VoteResult", v.for ?? 0, v.against ?? 0, v.abstain ?? 0) }),
        h("p", {}, h("span", { class: `tag ${v.quorumMet ? "ok" : "warn"}`, text: v.quorumMet ? t("Room.QuorumMet") : t("Room.QuorumNotMet") }), " ",
          h("span", { class: `tag ${v.passed ? "ok" : "warn"}`, text: v.passed ? t("Room.Passed") : t("Room.NotPassed") })));
    }
    return card;
  })));
}

function renderQuestionnaire(): void {
  const target = panels.get("questionnaire");
  if (target) redraw(target, () => renderQuestionnaireNow());
}

function renderQuestionnaireNow(): void {
  const panel = panels.get("questionnaire");
  if (!panel) return;
  const q = state.questionnaire;
  if (!q) { clear(panel, h("p", { class: "empty", text: t("Room.NoQuestionnaire") })); return; }
  if (state.questionnaireAnswered) { clear(panel, h("h3", { text: q.title }), h("p", { class: "ok", text: t("Room.QuestionnaireThanks") })); return; }
  const form = h("form", { class: "stack questionnaire" }, h("h3", { text: q.title }), q.description ? h("p", { class: "meta", text: q.description }) : null);
  q.items.forEach((it, n) => {
    const field = h("fieldset", { class: "q-item" }, h("legend", { text: `${n + 1}. ${it.text}${it.required ? ` (${t("Room.Required")})` : ""}` }));
    if (it.kind === "Single" || it.kind === "Multiple") it.options.forEach((o, i) => field.append(h("label", { class: "check option" },
      h("input", { type: it.kind === "Single" ? "radio" : "checkbox", name: it.key, value: String(i) }), h("span", { text: o }))));
    else if (it.kind === "Rating") field.append(h("div", { class: "stars" }, ...[1, 2, 3, 4, 5].map((r) =>
      h("label", { class: "star" }, h("input", { type: "radio", name: it.key, value: String(r) }), h("span", { text: String(r) })))));
    else field.append(h("textarea", { name: it.key, rows: 3, maxlength: 2000 }));
    form.append(field);
  });
  form.append(h("button", { type: "submit", class: "btn primary", text: t("Room.Submit") }));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const answers = q.items.map((it) => {
      const checked = [...form.querySelectorAll<HTMLInputElement>(`input[name="${it.key}"]:checked`)].map((i) => Number(i.value));
      const text = form.querySelector<HTMLTextAreaElement>(`textarea[name="${it.key}"]`)?.value ?? null;
      return { key: it.key, choices: it.kind === "Rating" ? [] : checked, rating: it.kind === "Rating" ? checked[0] ?? null : null, text };
    });
    if ((await act("SubmitQuestionnaire", { questionnaireId: q.id, answers })) !== undefined) {
      state.questionnaireAnswered = true;
      renderQuestionnaire();
    }
  });
  clear(panel, form);
}

function renderFloor(): void {
  const target = panels.get("floor");
  if (target) redraw(target, () => renderFloorNow());
}

function renderFloorNow(): void {
  const panel = panels.get("floor");
  if (!panel) return;
  const mine = state.floor.find((f) => f.speakerName === state.me.name);
  const speaking = state.speaker?.speakerName === state.me.name;
  const kind = h("select", { name: "kind" }, h("option", { value: "Oral", text: t("Room.Oral") }), h("option", { value: "Written", text: t("Room.Written") }));
  const topic = h("input", { name: "topic", maxlength: 200, placeholder: t("Room.Topic"), "aria-label": t("Room.Topic") });
  const text = h("textarea", { name: "text", rows: 6, maxlength: 20000, placeholder: t("Room.StatementText"), hidden: true, "aria-label": t("Room.StatementText") });
  kind.addEventListener("change", () => (text.hidden = kind.value !== "Written"));
  clear(panel,
    h("p", { class: "meta", text: t("Room.FloorIntro") }),
    speaking ? h("div", { class: "card" }, h("p", { class: "ok", text: t("Notice.floor.granted") })) :
    mine ? h("div", { class: "card" }, h("p", { text: t("Room.YourPlace", state.floor.indexOf(mine) + 1) }),
      h("button", { type: "button", class: "btn", text: t("Room.Withdraw"), onclick: () => act("WithdrawFloor", mine.id) }))
      : state.status === "Live" ? h("form", { class: "stack", onsubmit: async (ev: Event) => {
        ev.preventDefault();
        await act("RequestFloor", { kind: kind.value, topic: topic.value || null, text: kind.value === "Written" ? text.value : null });
      } }, kind, topic, text, h("button", { type: "submit", class: "btn primary", text: t("Room.RequestFloor") })) : null,
    h("h3", { text: t("Room.Queue") }),
    state.floor.length === 0 ? h("p", { class: "empty", text: t("Room.QueueEmpty") }) : h("ol", { class: "queue" }, ...state.floor.map((f) =>
      h("li", {}, h("strong", { text: f.speakerName }), h("span", { class: "meta", text: ` ${t(`Room.Tier.${f.tier}`)}${f.sector ? " · " + f.sector : ""}${f.topic ? " · " + f.topic : ""}` })))));
}

window.setInterval(() => { if (state.speaker) clear(bind(root, "speaker"), speakerView(state, t)); }, 1000);
client.start().catch((err) => toast(root, errorText(t, err), "error"));
