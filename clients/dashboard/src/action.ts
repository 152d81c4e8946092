/** A button that sends a transaction: disabled while it runs, then a status line with the
 * outcome, or the contract's message in words. After a success it stays disabled: the
 * page's next refresh draws the buttons the chain now allows. */
import { h, fill, status } from "./dom.ts";
import { errorMessage } from "./errors.ts";

/** A button running `send`; its result's description (or error) goes into `out`. */
export function actionButton(label: string, out: HTMLElement, send: () => Promise<string>, attrs: Record<string, string> = {}): HTMLButtonElement {
  const button: HTMLButtonElement = h("button", {
    ...attrs,
    onClick: async () => {
      button.disabled = true;
      fill(out, status(`${label}: sending…`));
      try {
        fill(out, status(await send(), "ok"));
      } catch (error) {
        fill(out, status(errorMessage(error), "error"));
        button.disabled = false;
      }
    },
  }, label);
  return button;
}
