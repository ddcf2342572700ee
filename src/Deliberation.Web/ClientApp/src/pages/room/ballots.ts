// Polls (投票) and formal votes (表决). A poll card keeps its form while results stream in; a ballot is retried
// only when the connection failed, with the same key, so it counts once.
import { bars, clear, h } from "../../lib/dom";
import { toast } from "../../lib/common-ui";
import { errorInfo } from "../../lib/strings";
import { isRetryable } from "../../lib/room-errors";
import type { Poll, Tally, Vote } from "../../lib/types";
import { act, canAct, invoke, listOf, ready, render, root, say, sending, state, t } from "./context";

const pollResultsSeen = new Map<string, string>();

function pollSig(p: Poll): string {
  const mine = state.myAnswers.get(p.id);
  return [p.status, JSON.stringify(mine ?? null), canAct()].join("|");
}

export function drawPolls(): void {
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
export function stars(name: string, picked: number | null | undefined, label: string): HTMLElement {
  return h("div", { class: "rating" },
    h("div", { class: "stars", role: "radiogroup", "aria-label": label }, ...[1, 2, 3, 4, 5].map((r) => {
      const id = `${name}-r${r}`;
      return h("span", { class: "star" },
        h("input", { type: "radio", id, name, value: String(r), checked: picked === r }),
        h("label", { for: id, text: String(r) }));
    })),
    h("p", { class: "meta rating-hint", text: t("Room.RatingHint") }));
}

export function choices(kind: string, name: string, options: string[], picked: number[] | undefined): HTMLElement[] {
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

function voteSig(v: Vote): string {
  return [v.status, state.voted.has(v.id), v.for, v.against, v.abstain, v.passed, v.quorumMet, v.present].join("|");
}

export function drawVotes(): void {
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
        await invoke<string>("CastVote", { voteId: v.id, choice, idempotencyKey: key });
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
