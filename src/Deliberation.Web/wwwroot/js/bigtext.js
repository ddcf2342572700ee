// 长辈模式 (large text), switched on in the room with one tap: applied in <head>, before the first paint, so the page
// never flashes small. A file of its own (not inline) because the Content-Security-Policy allows scripts from this host only.
try { if (localStorage.getItem("dlb.bigtext") === "1") document.documentElement.classList.add("big-text"); } catch (e) { }
