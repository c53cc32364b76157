// Prints what a first visit downloads from target/site/pkg, compressed as the server sends it:
// the precompressed .br file where the build made one, else on-the-fly brotli at tower-http's quality.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "target/site/pkg";
// DEVELOPERS.md: 300 KB for the whole first load, read strictly as 300,000 bytes.
const budget = 300_000;
let total = 0;
for (const file of readdirSync(dir).filter((f) => /\.(js|wasm|css)$/.test(f))) {
  const path = `${dir}/${file}`;
  const raw = readFileSync(path);
  const size = existsSync(`${path}.br`)
    ? statSync(`${path}.br`).size
    : brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length;
  total += size;
  console.log(`${file.padEnd(44)} ${String(raw.length).padStart(9)} raw ${String(size).padStart(9)} brotli`);
}
console.log(`${"total".padEnd(44)} ${" ".repeat(13)} ${String(total).padStart(9)} brotli (budget ${budget})`);
process.exitCode = total <= budget ? 0 : 1;
