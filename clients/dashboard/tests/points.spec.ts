/** The points mechanism on the dashboard: adding data is free, a refund earns a point, and
 * the leaderboard shows it; checked on chain. */
import { expect, test } from "@playwright/test";
import { PointsQueryClient } from "sum-client/src/generated/Points.client.ts";
import { address, connectChain, trainerNamed } from "./chain.ts";
import { addData, chooseAccount, claimButton, openModel, shot } from "./ui.ts";

const POINTS_MODEL = "east-west-points";

test("a refund on the points mechanism earns a point on the leaderboard", async ({ page }) => {
  const chain = await connectChain();
  const points = new PointsQueryClient(chain, (await (await trainerNamed(chain, POINTS_MODEL)).info()).incentive);
  await openModel(page, POINTS_MODEL);
  await chooseAccount(page, "carol");
  await expect(page.getByTestId("deposit")).toHaveText("free");
  const id = await addData(page, "1, 0", "right");
  await expect(claimButton(page, "mine", id, "Refund")).toBeEnabled();
  await claimButton(page, "mine", id, "Refund").click();
  await expect(page.getByTestId("claim-status")).toContainText(`refund of contribution ${id}: done`);
  expect((await points.points({ address: address("carol") })).points).toBe(1);
  await expect(page.getByTestId("leaderboard")).toContainText(`${address("carol")} — 1 point(s)`);
  await shot(page, "15-points-leaderboard");
});
