// The room's questionnaire (问卷): built once when it opens, so answers being filled in survive other events; a
// refusal marks the item it names ("第2题为必答题").
import { clear, h } from "../../lib/dom";
import { errorInfo } from "../../lib/strings";
import { refusedItem } from "../../lib/room-errors";
import { askName, canAct, invoke, panels, ready, render, say, sending, state, t } from "./context";
import { choices, stars } from "./ballots";

export function drawQuestionnaire(): void {
  const panel = panels.get("questionnaire");
  if (!panel) return;
  const q = state.questionnaire;
  const sig = q ? `${q.id}|${state.questionnaireAnswered}|${canAct()}` : "none";
  // The form is built once per questionnaire: answers being filled in are never wiped by other events.
  if (panel.dataset.sig === sig) return;
  panel.dataset.sig = sig;
  if (!q) { clear(panel, h("p", { class: "empty", text: t("Room.NoQuestionnaire") })); return; }
  if (state.questionnaireAnswered) { clear(panel, h("h3", { text: q.title }), h("p", { class: "ok", text: t("Room.QuestionnaireThanks") })); return; }
  if (!canAct()) { clear(panel, h("h3", { text: q.title }), h("p", { class: "meta", text: t("Room.WatchOnly") })); return; }
  const form = h("form", { class: "stack questionnaire" }, h("h3", { text: q.title }), q.description ? h("p", { class: "meta", text: q.description }) : null);
  q.items.forEach((it, n) => {
    const name = `qn-${it.key}`;
    const legend = `${n + 1}. ${it.text}`;
    const field = h("fieldset", { class: "q-item", "data-item": it.key },
      h("legend", {}, legend, it.required ? h("span", { class: "tag required", text: t("Room.Required") }) : null));
    if (it.kind === "Single" || it.kind === "Multiple") field.append(...choices(it.kind, name, it.options, undefined));
    else if (it.kind === "Rating") field.append(stars(name, null, legend));
    else field.append(h("textarea", { name, rows: 3, maxlength: 2000, "aria-label": legend }));
    form.append(field);
  });
  const btn = h("button", { type: "submit", class: "btn primary", text: t("Room.Submit") });
  form.append(btn);
  form.addEventListener("change", (ev) => (ev.target as HTMLElement).closest(".q-item")?.classList.remove("invalid"));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (form.dataset.sending || !ready({ tab: "questionnaire" })) return;
    const answers = q.items.map((it) => {
      const name = `qn-${it.key}`;
      const checked = [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => Number(i.value));
      const text = it.kind === "Text" ? form.querySelector<HTMLTextAreaElement>(`textarea[name="${name}"]`)?.value ?? null : null;
      return { key: it.key, choices: it.kind === "Single" || it.kind === "Multiple" ? checked : [], rating: it.kind === "Rating" ? checked[0] ?? null : null, text };
    });
    form.querySelectorAll(".q-item.invalid").forEach((f) => f.classList.remove("invalid"));
    btn.disabled = true;
    sending(form, true);
    try {
      await invoke("SubmitQuestionnaire", { questionnaireId: q.id, answers });
      state.questionnaireAnswered = true;
      render("questionnaire");
    } catch (err) {
      const key = refusedItem(err);
      const field = key ? form.querySelector<HTMLElement>(`[data-item="${key}"]`) : null;
      if (field) { field.classList.add("invalid"); field.scrollIntoView({ block: "center" }); }
      if (errorInfo(err).code === "room.already_answered") { state.questionnaireAnswered = true; render("questionnaire"); }
      if (errorInfo(err).code === "room.name_required") askName({ tab: "questionnaire" });
      else say(err);
    } finally {
      sending(form, false);
      btn.disabled = false;
    }
  });
  clear(panel, form);
}
