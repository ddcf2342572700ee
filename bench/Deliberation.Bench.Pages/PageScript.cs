namespace Deliberation.Bench.Pages;

/// <summary>What runs inside the measured page: long tasks, when the first comment was painted, when each streamed comment was painted (keyed by its marker).</summary>
public static class PageScript
{
    /// <summary>The marker in a streamed comment's text: <c>压测#page-n#</c> (the page names its own run).</summary>
    public static string Marker(string page, int n) => $"压测#{page}-{n}#";

    /// <summary>The init script; <paramref name="firstSelector"/> is the page's first comment.</summary>
    public static string Init(string firstSelector) => """
        window.__pb = { long: [], firstAt: 0, seen: {} };
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__pb.long.push([e.startTime, e.duration]); })
          .observe({ type: "longtask", buffered: true });
        const first = FIRST;
        const marker = /压测#([a-z]+-\d+)#/;
        // A row counts as shown in the frame after it entered the DOM (rows rebuilt later keep their first time).
        const look = (el) => {
          const m = marker.exec(el.textContent || "");
          if (!m || window.__pb.seen[m[1]]) return;
          window.__pb.seen[m[1]] = -1;
          requestAnimationFrame(() => { window.__pb.seen[m[1]] = Date.now(); });
        };
        new MutationObserver((list) => {
          if (!window.__pb.firstAt && document.querySelector(first)) requestAnimationFrame(() => { window.__pb.firstAt ||= performance.now(); });
          for (const r of list) for (const n of r.addedNodes) {
            if (n.nodeType !== 1) continue;
            if (n.classList.contains("feed-text")) look(n);
            else for (const p of n.querySelectorAll(".feed-text")) look(p);
          }
        }).observe(document, { childList: true, subtree: true });
        """.Replace("FIRST", System.Text.Json.JsonSerializer.Serialize(firstSelector));

    /// <summary>Long tasks that started in [from, to) of the page's clock: count, longest, total ms.</summary>
    public const string LongTasks = """
        ([from, to]) => {
          const d = window.__pb.long.filter(([s]) => s >= from && s < to).map(([, x]) => x);
          return [d.length, Math.round(Math.max(0, ...d)), Math.round(d.reduce((a, b) => a + b, 0))];
        }
        """;
}
