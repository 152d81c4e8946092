import { defineConfig } from "vite";

/** The page is built into dist/, served by server/serve.ts. The generated contract clients
 * of clients/ts (sum-client) are imported as they are; CosmJS resolves from this package. */
export default defineConfig({
  base: "./",
  resolve: { dedupe: ["@cosmjs/cosmwasm-stargate", "@cosmjs/amino", "@cosmjs/encoding", "@cosmjs/proto-signing", "@cosmjs/stargate"] },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 4096 },
});
