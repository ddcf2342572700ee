// The bell in the top bar: live unread count and a short toast when a notification arrives (SignalR).
// The server-rendered count stays correct without script; this only keeps it live.
import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";

interface NotificationPing {
  id: number;
  kind: string;
  unread: number;
}

interface NotificationItem {
  id: number;
  text: string;
  url: string;
  at: string;
  read: boolean;
}

const bell = document.querySelector<HTMLAnchorElement>("[data-bell]");
if (bell) {
  void connect(bell);
}

async function connect(bell: HTMLAnchorElement): Promise<void> {
  const badge = bell.querySelector<HTMLElement>("[data-unread]");
  const label = bell.querySelector<HTMLElement>("[data-bell-label]");
  const toast = document.querySelector<HTMLElement>("[data-toast]");
  const template = bell.dataset.labelTemplate ?? "{0}";
  let hideTimer = 0;

  const setCount = (unread: number): void => {
    if (badge) {
      badge.textContent = unread > 99 ? "99+" : String(unread);
      badge.hidden = unread === 0;
    }
    bell.classList.toggle("has-unread", unread > 0);
    if (label) label.textContent = template.replace("{0}", String(unread));
  };

  const showToast = async (id: number): Promise<void> => {
    if (!toast) return;
    const response = await fetch("/api/notifications", { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const list = (await response.json()) as { unread: number; items: NotificationItem[] };
    const item = list.items.find((n) => n.id === id);
    if (!item) return;
    const link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.text;
    toast.replaceChildren(link);
    toast.hidden = false;
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(() => (toast.hidden = true), 10000);
  };

  const connection = new HubConnectionBuilder()
    .withUrl("/hubs/notifications")
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  connection.on("UnreadCountChanged", setCount);
  connection.on("NotificationReceived", (ping: NotificationPing) => {
    setCount(ping.unread);
    void showToast(ping.id);
  });
  try {
    await connection.start();
    document.documentElement.dataset.notifications = "live";
  } catch {
    document.documentElement.dataset.notifications = "offline";
  }
}
