// Regenerates src/generated/ (or the directory given as the first argument) from the
// committed JSON schemas under ../../schema/, one typed CosmJS client per contract.
// ts-codegen 1.12 reads every *.json under a contract's folder but raw/, so it would also
// read cw_schema/; each contract's combined <name>.json is staged alone in a temp folder.
const path = require("path");
const fs = require("fs");
const os = require("os");
const codegen = require("@cosmwasm/ts-codegen").default;

const schemaRoot = path.resolve(__dirname, "../../schema");
const outPath = path.resolve(process.argv[2] || path.join(__dirname, "src/generated"));

// "sparse-nearest-centroid" -> "SparseNearestCentroid"
const pascal = (dir) => dir.split("-").map((w) => w[0].toUpperCase() + w.slice(1)).join("");

const staging = fs.mkdtempSync(path.join(os.tmpdir(), "sum-ts-schema-"));
process.on("exit", () => fs.rmSync(staging, { recursive: true, force: true }));

// Copies schema/<dir>/*.json (the combined IDL file, not raw/ or cw_schema/) to staging.
function stage(dir) {
  const to = path.join(staging, dir);
  fs.mkdirSync(to);
  const files = fs.readdirSync(path.join(schemaRoot, dir)).filter((f) => f.endsWith(".json"));
  if (files.length !== 1) throw new Error(`schema/${dir}: expected one <name>.json, got ${files}`);
  fs.copyFileSync(path.join(schemaRoot, dir, files[0]), path.join(to, files[0]));
  return to;
}

const contracts = fs
  .readdirSync(schemaRoot, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()
  .map((dir) => ({ name: pascal(dir), dir: stage(dir) }));

fs.rmSync(outPath, { recursive: true, force: true });
codegen({
  contracts,
  outPath,
  options: {
    bundle: { enabled: true, bundleFile: "index.ts", scope: "contracts" },
    types: { enabled: true },
    client: { enabled: true },
    reactQuery: { enabled: false },
    recoil: { enabled: false },
    messageComposer: { enabled: false },
    messageBuilder: { enabled: false },
    useContractsHook: { enabled: false },
  },
}).then(
  () => console.error(`generated ${contracts.length} clients in ${outPath}`),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
