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
