/**
 * Remote mode with Keplr: a second server describes the test chain as another chain would
 * be described (SUM_DASHBOARD_CHAIN, its RPC directly), so the page offers no local key, only
 * Keplr. Keplr itself is a browser extension and cannot run here: a stand-in `window.keplr`
 * (injected before the page loads) records the chain it is suggested and signs with dave's
 * local test key, in the test's Node process (CosmJS), through an exposed function. Adding
 * data with it is checked on chain.
 */
import { expect, test, type Page } from "@playwright/test";
import { fromHex, toHex } from "@cosmjs/encoding";
import { DirectSecp256k1Wallet } from "@cosmjs/proto-signing";
import type { ChainDescription } from "../server/chainFile.ts";
import type { Keplr, KeplrChainInfo } from "../src/keplr.ts";
import { connectChain, localAccount, trainerNamed } from "./chain.ts";
import { startRemoteServer, testChainDescription, type Server } from "./server.ts";
import { addData, openModel, shot } from "./ui.ts";

const SIGNER = "dave";
const MODEL = "east-west";
/** The exposed function through which the stand-in signs. */
const SIGN_FUNCTION = "sumTestSignDirect" as const;

/** A SignDoc as JSON can carry it (bytes in hex, the account number in decimal). */
interface WireSignDoc {
  bodyBytes: string;
  authInfoBytes: string;
  chainId: string;
  accountNumber: string;
}

/** What the stand-in adds to the page's window. */
interface StandIn {
  keplr: Keplr;
  suggested: KeplrChainInfo[];
  [SIGN_FUNCTION]: (signerAddress: string, doc: WireSignDoc) => Promise<{ signed: WireSignDoc; signature: { pub_key: { type: string; value: string }; signature: string } }>;
}

test.describe.configure({ mode: "serial" });

let page: Page;
let server: Server;
let description: ChainDescription;

/** Makes the page's window.keplr a stand-in for `address`, signing through the exposed
 * function `sign` (runs in the page, before its scripts). */
function installStandIn({ address, pubkey, sign }: { address: string; pubkey: string; sign: typeof SIGN_FUNCTION }): void {
  const bytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16));
  const hex = (data: Uint8Array) => Array.from(data, (byte) => byte.toString(16).padStart(2, "0")).join("");
  const standIn = window as unknown as StandIn;
  standIn.suggested = [];
  standIn.keplr = {
    experimentalSuggestChain: async (chainInfo) => void standIn.suggested.push(chainInfo),
    enable: async () => {},
    getOfflineSigner: () => ({
      getAccounts: async () => [{ address, algo: "secp256k1", pubkey: bytes(pubkey) }],
      signDirect: async (signerAddress, doc) => {
        const wire = { bodyBytes: hex(doc.bodyBytes), authInfoBytes: hex(doc.authInfoBytes), chainId: doc.chainId, accountNumber: String(doc.accountNumber) };
        const { signed, signature } = await standIn[sign](signerAddress, wire);
        return { signed: { ...signed, bodyBytes: bytes(signed.bodyBytes), authInfoBytes: bytes(signed.authInfoBytes), accountNumber: BigInt(signed.accountNumber) }, signature };
      },
    }),
  };
}

test.beforeAll(async ({ browser }) => {
  description = await testChainDescription();
  server = await startRemoteServer(description);
  const wallet = await DirectSecp256k1Wallet.fromKey(fromHex(localAccount(SIGNER).private_key), description.bech32_prefix);
  const [account] = await wallet.getAccounts();
  page = await browser.newPage();
  await page.exposeFunction(SIGN_FUNCTION, async (signerAddress: string, doc: WireSignDoc) => {
    const { signed, signature } = await wallet.signDirect(signerAddress, {
      bodyBytes: fromHex(doc.bodyBytes),
      authInfoBytes: fromHex(doc.authInfoBytes),
      chainId: doc.chainId,
      accountNumber: BigInt(doc.accountNumber),
    });
    return { signed: { ...doc, bodyBytes: toHex(signed.bodyBytes), authInfoBytes: toHex(signed.authInfoBytes) }, signature };
  });
  await page.addInitScript(installStandIn, { address: account.address, pubkey: toHex(account.pubkey), sign: SIGN_FUNCTION } as const);
});

test.afterAll(() => server?.stop());

test("remote mode offers Keplr and no local test key", async () => {
  await openModel(page, MODEL, server.url);
  await expect(page.getByRole("button", { name: "Connect Keplr" })).toBeVisible();
  await expect(page.locator('select[name="account"]')).toHaveCount(0);
  await expect(page.getByText("local test keys")).toHaveCount(0);
  await expect(page.locator(".header")).toContainText(`chain ${description.chain_id}`);
});

test("connecting Keplr suggests the described chain", async () => {
  await page.getByRole("button", { name: "Connect Keplr" }).click();
  await expect(page.getByTestId("balances")).toContainText(localAccount(SIGNER).address);
  const suggested = await page.evaluate(() => (window as unknown as StandIn).suggested);
  expect(suggested).toHaveLength(1);
  expect(suggested[0]).toMatchObject({
    chainId: description.chain_id,
    rpc: description.rpc,
    rest: description.rest,
    bech32Config: { bech32PrefixAccAddr: description.bech32_prefix },
    currencies: [{ coinMinimalDenom: description.denom }],
    stakeCurrency: { coinMinimalDenom: description.stake_denom },
  });
  await shot(page, "16-keplr-connected");
});

test("data added with the Keplr signer is on chain as its contribution", async () => {
  const id = await addData(page, "1, 0", "right");
  const trainer = await trainerNamed(await connectChain(), MODEL);
  expect((await trainer.contribution({ id })).contribution.contributor).toBe(localAccount(SIGNER).address);
  await shot(page, "17-keplr-added-data");
});
