// Shared behaviour of every page: the room-code box accepts only digits and joins at six.
const code = document.querySelector<HTMLInputElement>("#code");
if (code) {
  code.addEventListener("input", () => {
    code.value = code.value.replace(/\D/g, "").slice(0, 6);
  });
}

// Buttons that delete or remove something ask first; the question comes from the page in the user's language.
document.addEventListener("submit", (e) => {
  const button = (e as SubmitEvent).submitter as HTMLElement | null;
  const question = button?.dataset.confirm;
  if (question && !window.confirm(question)) e.preventDefault();
});

// The Content-Security-Policy refuses style attributes in markup; what the server computes (a bar's width, a label
// drawn by CSS) arrives as data attributes and is applied here through the CSSOM, which the policy allows.
for (const el of document.querySelectorAll<HTMLElement>("[data-width]")) el.style.width = `${el.dataset.width}%`;
for (const el of document.querySelectorAll<HTMLElement>("[data-internal-label]")) {
  el.style.setProperty("--internal-label", JSON.stringify(el.dataset.internalLabel ?? ""));
}
