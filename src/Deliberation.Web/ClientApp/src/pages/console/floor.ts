// The floor: the current speaker with the countdown (ticked in place every second) and the speaking queue.
import { h } from "../../lib/dom";
import { speakerView } from "../../lib/common-ui";
import { btn, type Ctx } from "./context";

function move(ids: string[], from: number, to: number): string[] {
  const copy = [...ids];
  const [x] = copy.splice(from, 1);
  copy.splice(to, 0, x);
  return copy;
}

export function floorBox(ctx: Ctx, body: HTMLElement): { draw(): void; tick(): void } {
  const { t, state } = ctx;
  const speaker = h("div", { class: "speaker-slot" });
  const queue = h("div", { class: "floor-queue" });
  body.append(speaker, queue);
  const drawSpeaker = (): void => {
    speaker.replaceChildren(speakerView(state, t),
      state.speaker ? btn(t, "Room.Console.EndSpeech", () => ctx.act("EndSpeech", state.speaker!.speechId), "btn small danger") : "");
  };
  return {
    draw() {
      drawSpeaker();
      const ids = state.floor.map((x) => x.id);
      queue.replaceChildren(h("h3", { text: t("Room.Queue") }),
        state.floor.length === 0 ? h("p", { class: "empty", text: t("Room.QueueEmpty") }) : h("ol", { class: "queue" }, ...state.floor.map((f, i) => h("li", {},
          h("div", {}, h("strong", { text: f.speakerName }),
            h("span", { class: "meta", text: ` ${t(`Room.Tier.${f.tier}`)}${f.sector ? " · " + f.sector : ""} · ${t(`Room.${f.kind}`)}${f.topic ? " · " + f.topic : ""}` })),
          h("div", { class: "actions" },
            btn(t, "Room.Console.Grant", () => ctx.act("GrantFloor", f.id), "btn small primary"),
            i > 0 ? btn(t, "Room.Console.Up", () => ctx.act("ReorderFloor", move(ids, i, i - 1))) : null,
            i < ids.length - 1 ? btn(t, "Room.Console.Down", () => ctx.act("ReorderFloor", move(ids, i, i + 1))) : null,
            btn(t, "Room.Console.Decline", () => ctx.act("DeclineFloor", f.id)))))));
    },
    tick() {
      // Only the timer's text changes each second; the button and the queue stay put.
      const timer = speaker.querySelector<HTMLElement>("[data-timer]");
      if (!state.speaker || !timer) return;
      const fresh = speakerView(state, t).querySelector<HTMLElement>("[data-timer]");
      if (fresh) { timer.className = fresh.className; timer.textContent = fresh.textContent; }
    },
  };
}
