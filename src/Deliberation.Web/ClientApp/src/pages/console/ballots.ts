// Polls, formal votes (表决) and questionnaires: keyed cards that redraw only when their own status or tally
// changed, and creation forms that are built once (a stream of events never wipes what the moderator types).
import { bars, h } from "../../lib/dom";
import { questionnaireBuilder } from "../../lib/questionnaire-builder";
import type { Poll, Vote } from "../../lib/types";
import { btn, type Ctx, type QuestionnaireRow } from "./context";
import { KeyedList, moreButton } from "./keyed";

const PAGE = 20;
const statusRank = (s: string): number => (s === "Open" ? 0 : s === "Draft" ? 1 : 2);

export function pollsBox(ctx: Ctx, body: HTMLElement): () => void {
  const { t } = ctx;
  let limit = PAGE;
  const list = new KeyedList<Poll>("div", "console-cards", {
    key: (p) => p.id,
    sig: (p) => { const x = ctx.state.tallies.get(p.id); return `${p.status}|${x ? `${x.respondents}|${x.counts.join(",")}|${x.averageRating}|${x.words.length}` : ""}`; },
    create: (p) => {
      const tally = ctx.state.tallies.get(p.id);
      // A closed poll nobody answered needs no empty chart: one line says so.
      const chart = tally && (p.status !== "Closed" || tally.respondents > 0);
      return h("div", { class: `card poll poll-${p.status.toLowerCase()}` }, h("strong", { text: p.title }),
        h("span", { class: "meta", text: ` · ${t(`Room.Kind.${p.kind}`)} · ` }), h("span", { class: `tag state-${p.status.toLowerCase()}`, text: t(`Room.Console.BallotStatus.${p.status}`) }),
        chart ? (p.kind === "Rating" ? h("p", { text: t("Room.Average", tally.averageRating ?? "-") })
          : p.kind === "WordCloud" ? h("p", { text: tally.words.map((w) => `${w.word}(${w.count})`).join("  ") })
          : bars(p.options, tally.counts)) : null,
        tally ? h("p", { class: "meta", text: t("Room.PollRespondents", tally.respondents) }) : null,
        h("div", { class: "actions" },
          p.status === "Draft" ? btn(t, "Room.Console.Open", () => ctx.act("OpenPoll", p.id), "btn small primary") : null,
          p.status === "Open" ? btn(t, "Room.Console.CloseIt", () => ctx.act("ClosePoll", p.id)) : null));
    },
  });
  const more = moreButton((rest) => t("Room.Console.More", rest), () => { limit += PAGE; ctx.mark("polls"); });
  body.append(list.el, more.el, newPollForm(ctx));
  return () => {
    const all = [...ctx.polls.values()].map((p, i) => ({ p, i })).sort((a, b) => statusRank(a.p.status) - statusRank(b.p.status) || b.i - a.i).map((x) => x.p);
    list.update(all.slice(0, limit));
    more.show(all.length - limit);
  };
}

function newPollForm(ctx: Ctx): HTMLElement {
  const { t } = ctx;
  const title = h("input", { placeholder: t("Room.Console.PollTitle"), "aria-label": t("Room.Console.PollTitle"), maxlength: 200 });
  const kind = h("select", { "aria-label": t("Room.Console.PollKind") }, ...["Single", "Multiple", "Rating", "WordCloud"].map((k) => h("option", { value: k, text: t(`Room.Kind.${k}`) })));
  const options = h("textarea", { rows: 3, placeholder: t("Room.Console.PollOptions"), "aria-label": t("Room.Console.PollOptions") });
  const max = h("input", { type: "number", min: 1, value: 2, "aria-label": t("Room.Console.MaxChoices") });
  const live = h("input", { type: "checkbox", checked: true });
  const change = h("input", { type: "checkbox", checked: true });
  const details = h("details", { class: "new" }, h("summary", { text: t("Room.Console.NewPoll") }));
  details.append(h("form", { class: "stack", onsubmit: async (ev: Event) => {
    ev.preventDefault();
    const p = await ctx.act<Poll>("CreatePoll", { title: title.value, kind: kind.value, options: options.value.split("\n").map((o) => o.trim()).filter(Boolean),
      maxChoices: +max.value, showResultsLive: live.checked, allowChange: change.checked });
    if (!p) return;
    ctx.polls.set(p.id, p);
    title.value = "";
    options.value = "";
    details.open = false;
    ctx.mark("polls");
  } }, title, kind, options, h("label", { text: t("Room.Console.MaxChoices") }), max,
  h("label", { class: "check" }, live, h("span", { text: t("Room.Console.ShowLive") })), h("label", { class: "check" }, change, h("span", { text: t("Room.Console.AllowChange") })),
  h("button", { type: "submit", class: "btn small primary", text: t("Room.Console.Create") })));
  return details;
}

export function votesBox(ctx: Ctx, body: HTMLElement): () => void {
  const { t } = ctx;
  const list = new KeyedList<Vote>("div", "console-cards", {
    key: (v) => v.id,
    sig: (v) => `${v.status}|${v.expected}|${v.present}|${ctx.turnout.get(v.id) ?? 0}`,
    create: (v) => h("div", { class: "card vote" }, h("strong", { text: v.title }), " ", h("span", { class: `tag state-${v.status.toLowerCase()}`, text: t(`Room.Console.BallotStatus.${v.status}`) }),
      h("p", { class: "meta", text: `${v.secret ? t("Room.Secret") : t("Room.Named")} · ${t("Room.VotePresent", v.expected, v.present)}` }),
      v.status === "Open" ? h("p", { text: t("Room.Console.Turnout", ctx.turnout.get(v.id) ?? 0) }) : null,
      v.status === "Closed" ? h("p", { text: `${t("Room.VoteResult", v.for ?? 0, v.against ?? 0, v.abstain ?? 0)} · ${v.quorumMet ? t("Room.QuorumMet") : t("Room.QuorumNotMet")} · ${v.passed ? t("Room.Passed") : t("Room.NotPassed")}` }) : null,
      h("div", { class: "actions" },
        v.status === "Draft" ? btn(t, "Room.Console.Open", () => ctx.act("OpenVote", v.id), "btn small primary") : null,
        v.status === "Open" ? btn(t, "Room.Console.CloseIt", () => ctx.act("CloseVote", v.id)) : null)),
  });
  body.append(list.el, newVoteForm(ctx));
  return () => list.update([...ctx.votes.values()].map((v, i) => ({ v, i })).sort((a, b) => statusRank(a.v.status) - statusRank(b.v.status) || b.i - a.i).map((x) => x.v));
}

function newVoteForm(ctx: Ctx): HTMLElement {
  const { t } = ctx;
  const title = h("input", { placeholder: t("Room.Console.VoteTitle"), "aria-label": t("Room.Console.VoteTitle"), maxlength: 300 });
  const secret = h("input", { type: "checkbox" });
  const quorum = h("input", { type: "number", min: 0, max: 100, value: 50, "aria-label": t("Room.Console.Quorum") });
  const pass = h("input", { type: "number", min: 0, max: 100, value: 50, "aria-label": t("Room.Console.PassRule") });
  const details = h("details", { class: "new" }, h("summary", { text: t("Room.Console.NewVote") }));
  details.append(h("form", { class: "stack", onsubmit: async (ev: Event) => {
    ev.preventDefault();
    const v = await ctx.act<Vote>("CreateVote", { title: title.value, secret: secret.checked, quorumPercent: +quorum.value, passPercent: +pass.value });
    if (!v) return;
    ctx.votes.set(v.id, v);
    title.value = "";
    details.open = false;
    ctx.mark("votes");
  } }, title, h("label", { class: "check" }, secret, h("span", { text: t("Room.Secret") })), h("label", { text: t("Room.Console.Quorum") }), quorum,
  h("label", { text: t("Room.Console.PassRule") }), pass, h("button", { type: "submit", class: "btn small primary", text: t("Room.Console.Create") })));
  return details;
}

export function questionnairesBox(ctx: Ctx, body: HTMLElement): () => void {
  const { t } = ctx;
  const list = new KeyedList<QuestionnaireRow>("div", "console-cards", {
    key: (q) => q.id,
    sig: (q) => { const a = ctx.qAggregates.get(q.id); return `${q.status}|${a?.responses ?? 0}`; },
    create: (q) => {
      const agg = ctx.qAggregates.get(q.id);
      return h("div", { class: "card questionnaire" }, h("strong", { text: q.title }),
        h("p", { class: "meta", text: t("Room.Console.Responses", agg?.responses ?? 0) }),
        ...(agg?.items ?? []).map((it: any) => h("div", { class: "q-agg" }, h("p", { text: it.text }),
          it.kind === "Rating" ? h("p", { class: "meta", text: t("Room.Average", it.averageRating ?? "-") })
            : it.kind === "Text" ? h("p", { class: "meta", text: it.texts.slice(-3).join(" / ") }) : bars(it.options, it.counts))),
        h("div", { class: "actions" },
          q.status === "Draft" ? btn(t, "Room.Console.Open", () => ctx.act("OpenQuestionnaire", q.id), "btn small primary") : null,
          q.status === "Open" ? btn(t, "Room.Console.CloseIt", () => ctx.act("CloseQuestionnaire", q.id)) : null,
          h("a", { class: "btn small", href: `${ctx.exportBase}${q.id}/responses.csv`, text: t("Room.Console.ExportCsv") }),
          h("a", { class: "btn small", href: `${ctx.exportBase}${q.id}/responses.xlsx`, text: t("Room.Console.ExportXlsx") })));
    },
  });
  body.append(list.el, newQuestionnaireForm(ctx));
  return () => list.update([...ctx.questionnaires.values()].map((q, i) => ({ q, i })).sort((a, b) => statusRank(a.q.status) - statusRank(b.q.status) || b.i - a.i).map((x) => x.q));
}

function newQuestionnaireForm(ctx: Ctx): HTMLElement {
  const { t } = ctx;
  const title = h("input", { placeholder: t("Room.Console.QuestionnaireTitle"), "aria-label": t("Room.Console.QuestionnaireTitle"), maxlength: 200 });
  const anonymous = h("input", { type: "checkbox", checked: true });
  const builder = questionnaireBuilder(t);
  const errors = h("div", { class: "form-errors", role: "alert" });
  errors.hidden = true;
  const details = h("details", { class: "new new-questionnaire" }, h("summary", { text: t("Room.Console.NewQuestionnaire") }));
  details.append(h("form", { class: "stack", novalidate: true, onsubmit: async (ev: Event) => {
    ev.preventDefault();
    const problems = [...(title.value.trim() ? [] : [t("Room.Builder.Error.Title")]), ...builder.validate()];
    errors.replaceChildren(...problems.map((p) => h("p", { text: p })));
    errors.hidden = problems.length === 0;
    if (problems.length) return;
    const id = await ctx.act<string>("CreateQuestionnaire", { title: title.value.trim(), description: null, anonymous: anonymous.checked, startsAt: null, endsAt: null,
      items: builder.items().map((it) => ({ key: "", ...it })) });
    if (!id) return;
    title.value = "";
    builder.reset();
    details.open = false;
    await ctx.reload();
  } }, title, h("label", { class: "check" }, anonymous, h("span", { text: t("Room.Console.Anonymous") })), builder.el, errors,
  h("button", { type: "submit", class: "btn small primary", text: t("Room.Console.Create") })));
  return details;
}
