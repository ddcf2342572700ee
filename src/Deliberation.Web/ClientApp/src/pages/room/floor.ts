// Asking for the floor (申请发言): oral or written, the queue, withdrawing.
import { clear, h } from "../../lib/dom";
import { act, panels, sending, state, t } from "./context";

export function drawFloor(): void {
  const panel = panels.get("floor");
  if (!panel) return;
  const mine = state.floor.find((f) => f.speakerName === state.me.name);
  const speaking = state.speaker?.speakerName === state.me.name;
  const kind = h("select", { name: "kind", "aria-label": t("Room.RequestFloor") },
    h("option", { value: "Oral", text: t("Room.Oral") }), h("option", { value: "Written", text: t("Room.Written") }));
  const topic = h("input", { name: "topic", maxlength: 200, placeholder: t("Room.Topic"), "aria-label": t("Room.Topic") });
  const text = h("textarea", { name: "text", rows: 6, maxlength: 20000, placeholder: t("Room.StatementText"), hidden: true, "aria-label": t("Room.StatementText") });
  kind.addEventListener("change", () => (text.hidden = kind.value !== "Written"));
  const form = h("form", { class: "stack" }, kind, topic, text, h("button", { type: "submit", class: "btn primary", text: t("Room.RequestFloor") }));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (form.dataset.sending) return;
    sending(form, true);
    await act("RequestFloor", { kind: kind.value, topic: topic.value || null, text: kind.value === "Written" ? text.value : null });
    sending(form, false);
  });
  clear(panel,
    h("p", { class: "meta", text: t("Room.FloorIntro") }),
    speaking ? h("div", { class: "card" }, h("p", { class: "ok", text: t("Notice.floor.granted") })) :
    mine ? h("div", { class: "card" }, h("p", { text: t("Room.YourPlace", state.floor.indexOf(mine) + 1) }),
      h("button", { type: "button", class: "btn", text: t("Room.Withdraw"), onclick: () => act("WithdrawFloor", mine.id) }))
      : state.status === "Live" ? form : null,
    h("h3", { text: t("Room.Queue") }),
    state.floor.length === 0 ? h("p", { class: "empty", text: t("Room.QueueEmpty") }) : h("ol", { class: "queue" }, ...state.floor.map((f) =>
      h("li", {}, h("strong", { text: f.speakerName }), h("span", { class: "meta", text: ` ${t(`Room.Tier.${f.tier}`)}${f.sector ? " · " + f.sector : ""}${f.topic ? " · " + f.topic : ""}` })))));
}
