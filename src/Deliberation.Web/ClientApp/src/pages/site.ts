// Shared behaviour of every page: the room-code box accepts only digits and joins at six.
const code = document.querySelector<HTMLInputElement>("#code");
if (code) {
  code.addEventListener("input", () => {
    code.value = code.value.replace(/\D/g, "").slice(0, 6);
  });
}
