// Coalesces redraws: however many events arrive, each section of the console draws at most once per animation frame.
export class FrameScheduler {
  private dirty = new Set<string>();
  private queued = false;

  constructor(private readonly draw: (section: string) => void, private readonly after?: () => void) {}

  mark(...sections: string[]): void {
    for (const s of sections) this.dirty.add(s);
    if (this.queued) return;
    this.queued = true;
    window.requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.queued = false;
    const sections = [...this.dirty];
    this.dirty.clear();
    for (const s of sections) {
      try {
        this.draw(s);
      } catch (err) {
        console.error(`console: drawing ${s} failed`, err);
      }
    }
    this.after?.();
  }
}
