// Minutes pages: the live compile progress bar (SignalR, with polling as a fallback) and the editor's preview.
import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";

interface CompileStatus {
  minutesId: string;
  state: "None" | "Queued" | "Running" | "Retrying" | "Failed" | "Succeeded";
  percent: number;
  attempt: number;
  maxAttempts: number;
  error: string | null;
  versionNo: number;
}

const busy = new Set(["Queued", "Running", "Retrying"]);

function format(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ""));
}

function watchProgress(panel: HTMLElement): void {
  const id = panel.dataset.minutesId!;
  const startedBusy = busy.has(panel.dataset.state ?? "");
  const startVersion = Number(panel.dataset.version ?? "0");
  const bar = panel.querySelector<HTMLElement>(".progress-bar")!;
  const track = panel.querySelector<HTMLElement>(".progress-track")!;
  const text = panel.querySelector<HTMLElement>("[data-role=text]")!;
  const pct = panel.querySelector<HTMLElement>("[data-role=pct]")!;
  const error = panel.querySelector<HTMLElement>("[data-role=error]")!;
  const reload = panel.querySelector<HTMLElement>("[data-role=reload]")!;
  let wasBusy = startedBusy;

  const show = (s: CompileStatus): void => {
    panel.dataset.state = s.state;
    panel.className = panel.className.replace(/state-\w+/, `state-${s.state.toLowerCase()}`);
    const t = panel.dataset[`t${s.state}`] ?? s.state;
    text.textContent = s.state === "Retrying" ? format(t, s.attempt, s.maxAttempts) : s.state === "Failed" ? format(t, s.attempt) : t;
    bar.style.width = `${s.percent}%`;
    track.setAttribute("aria-valuenow", String(s.percent));
    pct.textContent = `${s.percent}%`;
    error.hidden = !s.error;
    const detail = error.querySelector("span");
    if (detail) detail.textContent = s.error ?? "";
    if (busy.has(s.state)) wasBusy = true;
    if (s.state === "Succeeded" && wasBusy && s.versionNo !== startVersion) {
      reload.hidden = false;
      // A draft the reviewer was waiting for: show it at once.
      window.setTimeout(() => window.location.reload(), 600);
    }
  };

  let polling = 0;
  const poll = async (): Promise<void> => {
    const r = await fetch(`/api/minutes/${id}/status`, { credentials: "same-origin" });
    if (r.ok) show((await r.json()) as CompileStatus);
  };
  const startPolling = (): void => {
    if (!polling) polling = window.setInterval(() => void poll(), 2000);
  };

  const connection = new HubConnectionBuilder().withUrl("/hubs/minutes").withAutomaticReconnect().configureLogging(LogLevel.Warning).build();
  connection.on("CompileProgressed", (s: CompileStatus) => show(s));
  connection.onreconnected(() => void connection.invoke<CompileStatus>("Watch", id).then(show));
  connection.onclose(() => startPolling());
  connection
    .start()
    .then(() => connection.invoke<CompileStatus>("Watch", id))
    .then(show)
    .catch(() => startPolling());
}

function livePreview(textarea: HTMLTextAreaElement): void {
  const target = document.querySelector<HTMLElement>(textarea.dataset.preview!);
  if (!target) return;
  let timer = 0;
  let seq = 0;
  textarea.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const mine = ++seq;
      const r = await fetch("/api/minutes/preview", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ markdown: textarea.value }),
      });
      // The server renders with raw HTML disabled, so its output is safe to insert.
      if (r.ok && mine === seq) target.innerHTML = ((await r.json()) as { html: string }).html;
    }, 400);
  });
}

const panel = document.querySelector<HTMLElement>("#minutes-progress");
if (panel) watchProgress(panel);
const editor = document.querySelector<HTMLTextAreaElement>("#minutes-editor textarea[data-preview]");
if (editor) livePreview(editor);
