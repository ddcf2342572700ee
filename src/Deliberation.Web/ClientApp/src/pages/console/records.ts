// Check-in by hand (签到), outcomes for the minutes (确认共识) and the room rules.
import { h } from "../../lib/dom";
import { time } from "./format";
import { btn, type Ctx, type Participant } from "./context";
import { KeyedList, moreButton } from "./keyed";

const PAGE = 50;

export function checkinBox(ctx: Ctx, body: HTMLElement): () => void {
  const { t } = ctx;
  let limit = PAGE;
  const count = h("p", { class: "meta" });
  const search = h("input", { type: "search", placeholder: t("Room.Console.CheckInSearch"), "aria-label": t("Room.Console.CheckInSearch") });
  search.addEventListener("input", () => ctx.mark("checkin"));
  const list = new KeyedList<Participant>("ul", "checkin", {
    key: (p) => p.id,
    sig: (p) => p.checkedInAt ?? "",
    create: (p) => h("li", {},
      h("span", {}, h("strong", { text: p.name }), h("span", { class: "meta", text: ` ${t(`Room.Tier.${p.tier}`)}${p.affiliation ? " · " + p.affiliation : ""}` })),
      p.checkedInAt ? h("span", { class: "tag ok", text: t("Room.Console.CheckedIn", time(p.checkedInAt)) })
        : btn(t, "Room.Console.CheckInDo", async () => {
          const at = await ctx.act<string>("CheckIn", p.id);
          if (!at) return;
          ctx.participants.set(p.id, { ...p, checkedInAt: at });
          ctx.mark("checkin");
        })),
  });
  const more = moreButton((rest) => t("Room.Console.More", rest), () => { limit += PAGE; ctx.mark("checkin"); });
  body.append(count, search, list.el, more.el);
  return () => {
    const all = [...ctx.participants.values()];
    count.textContent = t("Room.Console.CheckedInCount", all.filter((p) => p.checkedInAt).length, all.length);
    search.hidden = all.length <= 10;
    const words = search.value.trim().toLowerCase();
    const shown = words ? all.filter((p) => `${p.name} ${p.affiliation ?? ""}`.toLowerCase().includes(words)) : all;
    list.update(shown.slice(0, limit));
    more.show(shown.length - limit);
  };
}

export function outcomesBox(ctx: Ctx, body: HTMLElement): () => void {
  const { t } = ctx;
  const list = h("ol", { class: "outcomes" });
  const kind = h("select", { "aria-label": t("Room.Console.OutcomeKind") },
    ...["Consensus", "Disagreement", "Recommendation", "NextStep"].map((k) => h("option", { value: k, text: t(`Room.Outcome.${k}`) })));
  const text = h("textarea", { rows: 2, maxlength: 2000, placeholder: t("Room.Console.OutcomeText"), "aria-label": t("Room.Console.OutcomeText") });
  const dept = h("select", { "aria-label": t("Room.Console.OutcomeDepartment") });
  let drawnDepartments = -1;
  body.append(list, h("form", { class: "stack", onsubmit: async (ev: Event) => {
    ev.preventDefault();
    const id = await ctx.act<string>("RecordOutcome", { kind: kind.value, text: text.value, departmentId: dept.value || null, sourceRefs: [] });
    if (!id) return;
    ctx.outcomes.push({ id, kind: kind.value, position: ctx.outcomes.length + 1, text: text.value.trim(), departmentId: dept.value || null });
    text.value = "";
    ctx.mark("outcomes");
  } }, kind, text, dept, h("button", { type: "submit", class: "btn small primary", text: t("Room.Console.Record") })));
  return () => {
    list.replaceChildren(...ctx.outcomes.map((o) => h("li", {}, h("span", { class: "tag", text: t(`Room.Outcome.${o.kind}`) }), " ", h("span", { text: o.text }))));
    if (drawnDepartments !== ctx.departments.length) {
      drawnDepartments = ctx.departments.length;
      dept.replaceChildren(h("option", { value: "", text: t("Room.Console.OutcomeDepartment") }), ...ctx.departments.map((d) => h("option", { value: d.id, text: d.name })));
    }
  };
}

export function settingsBox(ctx: Ctx, body: HTMLElement): () => void {
  const { t } = ctx;
  const f = {
    pub: h("input", { type: "checkbox" }), mem: h("input", { type: "checkbox" }),
    minutes: h("input", { type: "number", min: 1, max: 60, id: "rule-minutes" }), reports: h("input", { type: "number", min: 1, max: 100, id: "rule-reports" }),
    interval: h("input", { type: "number", min: 0, max: 600, id: "rule-interval" }), words: h("textarea", { rows: 3, id: "rule-words" }),
  };
  let filled = false;
  body.append(h("form", { class: "stack", onsubmit: async (ev: Event) => {
    ev.preventDefault();
    const s = { preModeratePublic: f.pub.checked, preModerateMembers: f.mem.checked, speakingMinutes: +f.minutes.value,
      reportThreshold: +f.reports.value, publicCommentIntervalSeconds: +f.interval.value, sensitiveWords: f.words.value.split("\n").map((w) => w.trim()).filter(Boolean) };
    if (!(await ctx.ok("UpdateSettings", s))) return;
    ctx.settings = s;
    ctx.toast(t("Room.Console.Saved"));
  } },
  h("label", { class: "check" }, f.pub, h("span", { text: t("Room.Console.PreModeratePublic") })),
  h("label", { class: "check" }, f.mem, h("span", { text: t("Room.Console.PreModerateMembers") })),
  h("label", { for: "rule-minutes", text: t("Room.Console.SpeakingMinutes") }), f.minutes, h("label", { for: "rule-reports", text: t("Room.Console.ReportThreshold") }), f.reports,
  h("label", { for: "rule-interval", text: t("Room.Console.Interval") }), f.interval, h("label", { for: "rule-words", text: t("Room.Console.SensitiveWords") }), f.words,
  h("button", { type: "submit", class: "btn small primary", text: t("Room.Console.Save") })));
  return () => {
    // The rules change only from this form: fill it once, never under the moderator's hands.
    if (filled || !ctx.settings) return;
    filled = true;
    const s = ctx.settings;
    f.pub.checked = s.preModeratePublic;
    f.mem.checked = s.preModerateMembers;
    f.minutes.value = String(s.speakingMinutes);
    f.reports.value = String(s.reportThreshold);
    f.interval.value = String(s.publicCommentIntervalSeconds);
    f.words.value = s.sensitiveWords.join("\n");
  };
}
