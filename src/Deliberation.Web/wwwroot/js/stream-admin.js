// 直播 settings: copy the RTMP server URL or the stream key, and show the key on request. A file of its own (not inline)
// because the Content-Security-Policy allows scripts from this host only.
for (const button of document.querySelectorAll("[data-copy]")) {
  button.addEventListener("click", async () => {
    const input = document.getElementById(button.dataset.copy);
    if (!input) return;
    const label = button.textContent;
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      // Older browsers or a page not served over HTTPS: select the text and copy it the old way.
      const type = input.type;
      input.type = "text";
      input.select();
      document.execCommand("copy");
      input.type = type;
    }
    button.textContent = button.dataset.copied || label;
    setTimeout(() => { button.textContent = label; }, 1500);
  });
}
for (const button of document.querySelectorAll("[data-reveal]")) {
  const input = document.getElementById(button.dataset.reveal);
  if (!input) continue;
  const show = button.textContent;
  button.setAttribute("aria-pressed", "false");
  button.addEventListener("click", () => {
    const hidden = input.type === "password";
    input.type = hidden ? "text" : "password";
    button.textContent = hidden ? button.dataset.hideText : show;
    button.setAttribute("aria-pressed", String(hidden));
  });
}
