// The stand-alone questionnaire page (/Admin/Questionnaires): the same builder as the console; the form posts
// the items as JSON, and the server checks them again with the same messages.
import { h } from "../lib/dom";
import { makeT } from "../lib/strings";
import { questionnaireBuilder, type DraftItem } from "../lib/questionnaire-builder";

const form = document.querySelector<HTMLFormElement>("[data-questionnaire-form]");
const host = form?.querySelector<HTMLElement>("[data-builder]");
const json = form?.querySelector<HTMLInputElement>("[data-builder-json]");
const errors = form?.querySelector<HTMLElement>("[data-builder-errors]");
if (form && host && json && errors) {
  const t = makeT(JSON.parse(document.getElementById("builder-strings")?.textContent || "{}"));
  let initial: DraftItem[] | undefined;
  try {
    const posted = json.value ? (JSON.parse(json.value) as DraftItem[]) : [];
    if (posted.length) initial = posted.map((x) => ({ ...x, options: x.options.length ? x.options : ["", ""] }));
  } catch {
    initial = undefined;
  }
  const builder = questionnaireBuilder(t, initial);
  host.append(builder.el);
  form.addEventListener("submit", (ev) => {
    const problems = builder.validate();
    json.value = JSON.stringify(builder.items());
    if (problems.length === 0) return;
    ev.preventDefault();
    errors.replaceChildren(...problems.map((p) => h("p", { text: p })));
    errors.scrollIntoView({ block: "nearest" });
  });
}
