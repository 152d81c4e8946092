/** A button that sends a transaction: disabled while it runs, then a status line with the
 * outcome, or the contract's message in words. A claim's button stays disabled after a
 * success (the page's next refresh draws the buttons the chain now allows); a form's
 * button (`repeatable`) is enabled again for the next one. */
import { h, fill, status } from "./dom.ts";
import { errorMessage } from "./errors.ts";

/** A button running `send`; its result's description (or error) goes into `out`. */
export function actionButton(label: string, out: HTMLElement, send: () => Promise<string>, attrs: Record<string, string> = {}, repeatable = false): HTMLButtonElement {
  const button: HTMLButtonElement = h("button", {
    ...attrs,
    onClick: async () => {
      button.disabled = true;
      fill(out, status(`${label}: sending…`));
      try {
        fill(out, status(await send(), "ok"));
        button.disabled = !repeatable;
      } catch (error) {
        fill(out, status(errorMessage(error), "error"));
        button.disabled = false;
      }
    },
  }, label);
  return button;
}
