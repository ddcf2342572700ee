// The questionnaire builder shared by the moderator console and the stand-alone questionnaire admin page: add items,
// pick their kind, type options, mark required, reorder, preview. Validation names the item ("第2题至少需要两个选项").
import { h } from "./dom";

type T = (key: string, ...args: (string | number)[]) => string;

export type ItemKind = "Single" | "Multiple" | "Rating" | "Text";
export interface DraftItem { text: string; kind: ItemKind; options: string[]; required: boolean }

const KINDS: ItemKind[] = ["Single", "Multiple", "Rating", "Text"];
const MAX_ITEMS = 50;
const MAX_TEXT = 200;

const blank = (): DraftItem => ({ text: "", kind: "Single", options: ["", ""], required: true });
const isChoice = (k: ItemKind): boolean => k === "Single" || k === "Multiple";

/** The items as the server takes them (options only for choice items, blanks dropped). */
export function cleanItems(items: DraftItem[]): DraftItem[] {
  return items.map((it) => ({ text: it.text.trim(), kind: it.kind, required: it.required,
    options: isChoice(it.kind) ? it.options.map((o) => o.trim()).filter(Boolean) : [] }));
}

/** Errors in the user's language, each naming its item. */
export function validateItems(t: T, items: DraftItem[]): string[] {
  const errors: string[] = [];
  if (items.length === 0) errors.push(t("Room.Builder.Error.NoItems"));
  if (items.length > MAX_ITEMS) errors.push(t("Room.Builder.Error.TooMany"));
  cleanItems(items).forEach((it, i) => {
    const n = i + 1;
    if (!it.text) errors.push(t("Room.Builder.Error.Text", n));
    else if (it.text.length > MAX_TEXT) errors.push(t("Room.Builder.Error.TooLong", n));
    if (isChoice(it.kind) && it.options.length < 2) errors.push(t("Room.Builder.Error.Options", n));
    else if (new Set(it.options).size !== it.options.length) errors.push(t("Room.Builder.Error.Duplicate", n));
  });
  return errors;
}

export interface Builder {
  el: HTMLElement;
  items(): DraftItem[];
  validate(): string[];
  reset(): void;
}

export function questionnaireBuilder(t: T, initial: DraftItem[] = [blank()]): Builder {
  let items: DraftItem[] = initial.map((x) => ({ ...x, options: [...x.options] }));
  let previewOn = false;
  const list = h("div", { class: "qb-items" });
  const preview = h("div", { class: "qb-preview", "aria-live": "polite" });
  preview.hidden = true;
  const previewBtn = h("button", { type: "button", class: "btn small", "aria-expanded": "false", text: t("Room.Builder.Preview") });
  const addBtn = h("button", { type: "button", class: "btn small", text: t("Room.Builder.AddItem") });
  const el = h("div", { class: "qb" }, list,
    h("div", { class: "actions" }, addBtn, previewBtn), preview);

  // Structural changes redraw the items (a few dozen elements); the element to focus afterwards is named by a key.
  const draw = (focus?: string): void => {
    list.replaceChildren(...items.map((it, i) => itemCard(it, i)));
    if (focus) list.querySelector<HTMLElement>(`[data-focus="${focus}"]`)?.focus();
    if (previewOn) drawPreview();
  };

  const itemCard = (it: DraftItem, i: number): HTMLElement => {
    const n = i + 1;
    const text = h("input", { type: "text", maxlength: MAX_TEXT, "data-focus": `t${i}`, placeholder: t("Room.Builder.Text") });
    text.value = it.text;
    text.addEventListener("input", () => { it.text = text.value; if (previewOn) drawPreview(); });
    const kind = h("select", { "data-focus": `k${i}` }, ...KINDS.map((k) => h("option", { value: k, text: t(`Room.Kind.${k}`), selected: k === it.kind })));
    kind.addEventListener("change", () => {
      it.kind = kind.value as ItemKind;
      if (isChoice(it.kind)) while (it.options.length < 2) it.options.push("");
      draw(`k${i}`);
    });
    const required = h("input", { type: "checkbox", checked: it.required });
    required.addEventListener("change", () => { it.required = required.checked; if (previewOn) drawPreview(); });
    const idText = `qb-text-${i}`;
    const idKind = `qb-kind-${i}`;
    text.id = idText;
    kind.id = idKind;
    return h("fieldset", { class: "qb-item" },
      h("legend", { text: t("Room.Builder.ItemN", n) }),
      h("div", { class: "qb-row" },
        h("div", { class: "qb-field wide" }, h("label", { for: idText, text: t("Room.Builder.Text") }), text),
        h("div", { class: "qb-field" }, h("label", { for: idKind, text: t("Room.Builder.Kind") }), kind)),
      isChoice(it.kind) ? optionsEditor(it, i) : h("p", { class: "meta", text: it.kind === "Rating" ? t("Room.Builder.RatingHint") : t("Room.Builder.TextHint") }),
      h("div", { class: "qb-row qb-foot" },
        h("label", { class: "check" }, required, h("span", { text: t("Room.Builder.Required") })),
        h("div", { class: "actions" },
          h("button", { type: "button", class: "btn small", "aria-label": t("Room.Builder.Up", n), text: "↑", disabled: i === 0, "data-focus": `u${i}`,
            onclick: () => { [items[i - 1], items[i]] = [items[i], items[i - 1]]; draw(i - 1 === 0 ? `d${i - 1}` : `u${i - 1}`); } }),
          h("button", { type: "button", class: "btn small", "aria-label": t("Room.Builder.Down", n), text: "↓", disabled: i === items.length - 1, "data-focus": `d${i}`,
            onclick: () => { [items[i + 1], items[i]] = [items[i], items[i + 1]]; draw(i + 1 === items.length - 1 ? `u${i + 1}` : `d${i + 1}`); } }),
          h("button", { type: "button", class: "btn small danger", text: t("Room.Builder.Remove", n),
            onclick: () => { items.splice(i, 1); draw(items.length ? `t${Math.min(i, items.length - 1)}` : undefined); if (!items.length) addBtn.focus(); } }))));
  };

  const optionsEditor = (it: DraftItem, i: number): HTMLElement =>
    h("div", { class: "qb-options" },
      ...it.options.map((o, j) => {
        const input = h("input", { type: "text", maxlength: 100, "aria-label": `${t("Room.Builder.ItemN", i + 1)} ${t("Room.Builder.Option", j + 1)}`,
          placeholder: t("Room.Builder.Option", j + 1), "data-focus": `o${i}-${j}` });
        input.value = o;
        input.addEventListener("input", () => { it.options[j] = input.value; if (previewOn) drawPreview(); });
        input.addEventListener("keydown", (ev) => {
          if (ev.key === "Enter") { ev.preventDefault(); it.options.splice(j + 1, 0, ""); draw(`o${i}-${j + 1}`); }
        });
        return h("div", { class: "qb-option" }, input,
          h("button", { type: "button", class: "btn small", "aria-label": `${t("Room.Builder.ItemN", i + 1)} ${t("Room.Builder.RemoveOption", j + 1)}`, text: "×",
            disabled: it.options.length <= 1, onclick: () => { it.options.splice(j, 1); draw(`o${i}-${Math.max(0, j - 1)}`); } }));
      }),
      h("button", { type: "button", class: "btn small", text: t("Room.Builder.AddOption"), "aria-label": `${t("Room.Builder.ItemN", i + 1)} ${t("Room.Builder.AddOption")}`,
        onclick: () => { it.options.push(""); draw(`o${i}-${it.options.length - 1}`); } }));

  const drawPreview = (): void => {
    const clean = cleanItems(items);
    preview.replaceChildren(h("h3", { text: t("Room.Builder.Preview") }), ...(clean.length === 0 ? [h("p", { class: "meta", text: t("Room.Builder.PreviewEmpty") })]
      : clean.map((it, i) => h("div", { class: "qb-preview-item" },
        h("p", {}, h("strong", { text: `${i + 1}. ${it.text || "…"}` }), it.required ? h("span", { class: "tag", text: t("Room.Builder.Required") }) : null),
        isChoice(it.kind) ? h("ul", { class: "qb-preview-options" }, ...it.options.map((o) => h("li", {},
            h("span", { class: it.kind === "Single" ? "qb-radio" : "qb-box", "aria-hidden": "true" }), h("span", { text: o }))))
          : it.kind === "Rating" ? h("p", { class: "qb-stars", text: "1  2  3  4  5" })
          : h("div", { class: "qb-textbox", text: t("Room.Builder.TextHint") })))));
  };

  addBtn.addEventListener("click", () => { if (items.length < MAX_ITEMS) { items.push(blank()); draw(`t${items.length - 1}`); } });
  previewBtn.addEventListener("click", () => {
    previewOn = !previewOn;
    preview.hidden = !previewOn;
    previewBtn.textContent = previewOn ? t("Room.Builder.HidePreview") : t("Room.Builder.Preview");
    previewBtn.setAttribute("aria-expanded", String(previewOn));
    if (previewOn) drawPreview();
  });
  draw();
  return {
    el,
    items: () => cleanItems(items),
    validate: () => validateItems(t, items),
    reset: () => { items = [blank()]; draw(); },
  };
}
