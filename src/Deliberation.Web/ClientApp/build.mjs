// Bundles each page entry (src/pages/*.ts) into one ES module under wwwroot/js/dist.
import { build } from "esbuild";
import { readdirSync } from "node:fs";

const entries = readdirSync("src/pages").filter((f) => f.endsWith(".ts")).map((f) => `src/pages/${f}`);
await build({
  entryPoints: entries,
  bundle: true,
  format: "esm",
  // Safari 14.0 has a destructuring bug esbuild cannot work around (the SignalR client uses it); 14.1 fixed it.
  target: ["es2020", "chrome90", "safari14.1"],
  outdir: "../wwwroot/js/dist",
  minify: true,
  sourcemap: true,
  logLevel: "warning",
});
