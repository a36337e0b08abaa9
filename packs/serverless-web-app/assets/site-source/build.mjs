// Builds the shop's pages into dist/: stamps each page with the release it comes from.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

const release = (process.env.CODEBUILD_RESOLVED_SOURCE_VERSION ?? "local").slice(0, 12);
mkdirSync("dist", { recursive: true });
for (const name of readdirSync("src")) {
  const page = readFileSync(`src/${name}`, "utf8").replaceAll("__RELEASE__", release);
  writeFileSync(`dist/${name}`, page);
}
