// The participant room (phone first): comments, questions, polls, votes, questionnaire, asking for the floor.
// Events only mark sections dirty; each section is drawn at most once per frame, and long lists are drawn by key
// (only new or changed items are built), so a busy room stays responsive. The parts live in ./room/.
import { bind, clear, h, redraw } from "../lib/dom";
import { RoomClient } from "../lib/room-client";
import type { Section } from "../lib/room-state";
import { renderOnline, renderStatus, setConnState, speakerView } from "../lib/common-ui";
import type { Notice } from "../lib/types";
import { type Draw, askName, cfg, flushDraw, heads, lists, markWaiting, mayJoinIn, onDraw, panels, PENDING_KEY, render, room, root, say, state, t, useClient } from "./room/context";
import { drawComments, drawHeads, drawQuestions, loadWaiting, onNotice } from "./room/feed";
import { drawPolls, drawVotes } from "./room/ballots";
import { drawQuestionnaire } from "./room/questionnaire";
import { drawFloor } from "./room/floor";
import { LivePlayer } from "../lib/player";

let restored = false;
let connState = "connecting";
const player = new LivePlayer(bind(root, "player"), { sessionId: cfg.roomId, t, danmaku: "viewer" });

const client = new RoomClient(cfg.roomId, {
  snapshot: (s, me) => {
    state.load(s, me);
    player.snapshot(s.comments);
    room.publicAccess = s.publicAccess;
    loadWaiting(s);
    buildTabs();
    room.quiet = true;
    renderAll();
    flushDraw();
    room.quiet = false;
    restoreAction();
  },
  event: (e) => {
    state.apply(e).forEach(render);
    // Danmaku only from this public, sequenced stream: approved comments only (pending ones never are in it).
    player.roomEvent(e, (id) => state.comments.get(id));
  },
  state: (s) => {
    // Back after a drop: the broadcast may have started, stopped or moved meanwhile.
    if (s === "live" && connState === "reconnecting") player.refresh();
    connState = s;
    setConnState(root, s);
    markWaiting();
  },
  presence: (p) => { renderOnline(root, p, t); player.presence(p); },
  tally: (tally) => { state.tallies.set(tally.pollId, tally); render("tallies"); },
  questionVotes: (list) => { list.forEach((v) => { const q = state.questions.get(v.id); if (q) q.votes = v.votes; }); render("questions"); },
  notice: (n) => onNotice(n as Notice & { itemId?: string | null }),
});

/** After the reload that follows giving a name: back to the tab, and a comment or question being written is sent. */
function restoreAction(): void {
  if (restored) return;
  restored = true;
  if (new URLSearchParams(location.search).get("name") === "missing" && mayJoinIn()) {
    document.querySelector("#name-dialog .field-error")?.removeAttribute("hidden");
    askName({ tab: room.activeTab });
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

function buildTabs(): void {
  const tabs: [string, string][] = [["comments", "Room.Tab.Comments"], ["questions", "Room.Tab.Questions"], ["polls", "Room.Tab.Polls"]];
  if (state.me.mayVote) tabs.push(["votes", "Room.Tab.Votes"]);
  tabs.push(["questionnaire", "Room.Tab.Questionnaire"]);
  if (state.me.mayTakeFloor) tabs.push(["floor", "Room.Tab.Floor"]);
  if (!tabs.some(([id]) => id === room.activeTab)) room.activeTab = "comments";
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
      "aria-selected": String(id === room.activeTab), onclick: () => selectTab(id) },
      h("span", { text: t(key) }), h("span", { class: "badge", "data-badge": id, hidden: true })));
    // A panel's head (the composer) is drawn once, so text being typed survives the stream of new items below it.
    const head = h("div", { class: "panel-head" });
    const body = h("div", { class: "panel-body" });
    heads.set(id, head);
    panels.set(id, body);
    holder.append(h("section", { class: "room-panel", role: "tabpanel", id: `panel-${id}`, "aria-labelledby": `tab-${id}`, "data-panel": id,
      hidden: id !== room.activeTab }, head, body));
  }
}

function selectTab(id: string): void {
  room.activeTab = id;
  root.querySelectorAll<HTMLElement>("[data-tab]").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === id)));
  root.querySelectorAll<HTMLElement>("[data-panel]").forEach((p) => (p.hidden = p.dataset.panel !== id));
  const badge = root.querySelector<HTMLElement>(`[data-badge="${id}"]`);
  if (badge) badge.hidden = true;
}

function flag(tab: string): void {
  if (room.quiet || tab === room.activeTab) return;
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

/** 长辈模式 (large text): one tap, remembered; _BigText.cshtml applies it before the first paint. */
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

onDraw(draw);
useClient(client);
setupBigText();
window.setInterval(() => { if (state.speaker) clear(bind(root, "speaker"), speakerView(state, t)); }, 1000);
player.refresh();
client.start().catch((err) => say(err));
