// The hall's big screen: current speaker and timer, the open poll's live chart, approved comments, QR code.
import { bind, clear, h } from "../lib/dom";
import { RoomClient } from "../lib/room-client";
import { RoomState } from "../lib/room-state";
import { loadConfig, makeT } from "../lib/strings";
import { refusalText } from "../lib/room-errors";
import { renderOnline, renderStatus, setConnState, speakerView } from "../lib/common-ui";
import { bars } from "../lib/dom";
import { LivePlayer } from "../lib/player";

const cfg = loadConfig();
const t = makeT(cfg.strings);
const root = document.getElementById("screen")!;
const state = new RoomState();
let connState = "connecting";
// Danmaku stay off on the big screen unless the moderator turns them on (danmakuOnScreen, sent with StreamChanged).
const player = new LivePlayer(bind(root, "player"), { sessionId: cfg.roomId, t, danmaku: "screen" });

const client = new RoomClient(cfg.roomId, {
  snapshot: (s, me) => { state.load(s, me); player.snapshot(s.comments); draw(); },
  event: (e) => {
    if (state.apply(e).length) draw();
    player.roomEvent(e, (id) => state.comments.get(id));
  },
  state: (s) => {
    if (s === "live" && connState === "reconnecting") player.refresh();
    connState = s;
    setConnState(root, s);
  },
  presence: (p) => { renderOnline(root, p, t); player.presence(p); },
  tally: (tally) => { state.tallies.set(tally.pollId, tally); drawPoll(); },
}, true);

function draw(): void {
  renderStatus(root, state, t);
  const a = state.currentAgenda();
  const agenda = bind(root, "agenda");
  agenda.hidden = !a;
  if (a) agenda.textContent = `${t("Room.CurrentAgenda")}：${a.order}. ${a.title}`;
  clear(bind(root, "speaker"), speakerView(state, t, true));
  drawPoll();
  clear(bind(root, "comments"), ...state.sortedComments().slice(0, 8).map((c) =>
    h("div", { class: "screen-comment" }, h("strong", { text: c.authorName }), h("span", { text: c.text }))));
}

function drawPoll(): void {
  const el = bind(root, "poll");
  const poll = [...state.polls.values()].find((p) => p.status === "Open") ?? [...state.polls.values()].find((p) => p.status === "Closed");
  const tally = poll ? state.tallies.get(poll.id) : undefined;
  if (!poll || !tally || (!poll.showResultsLive && poll.status === "Open")) { clear(el); el.hidden = true; return; }
  el.hidden = false;
  const body = poll.kind === "Rating" ? h("p", { class: "big-number", text: t("Room.Average", tally.averageRating ?? "-") })
    : poll.kind === "WordCloud" ? h("p", { class: "cloud", text: tally.words.map((w) => w.word).join("  ") })
    : bars(poll.options, tally.counts);
  clear(el, h("h2", { text: poll.title }), body, h("p", { class: "meta", text: t("Room.PollRespondents", tally.respondents) }));
}

window.setInterval(() => { if (state.speaker) clear(bind(root, "speaker"), speakerView(state, t, true)); }, 1000);
player.refresh();
client.start().catch((err) => { bind(root, "status").textContent = refusalText(t, err); });
