/** The `/rpc` proxy: forwards a request to the chain's CometBFT RPC (http or https), streaming
 * both ways, so the page reaches the chain from its own origin. */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";

const JSON_TYPE = "application/json";

/** Sends `req` (its path below the proxy's, `path`) to `target`, which may have a path of its own. */
export function proxyRpc(req: IncomingMessage, res: ServerResponse, target: URL, path: string): void {
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  const upstream = request(
    target,
    {
      path: `${target.pathname.replace(/\/$/, "")}${path}` || "/",
      method: req.method,
      headers: { "content-type": req.headers["content-type"] ?? JSON_TYPE },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, { "content-type": answer.headers["content-type"] ?? JSON_TYPE });
      answer.pipe(res);
    },
  );
  upstream.on("error", (error) => {
    // Once the answer has begun, only ending it is left.
    if (res.headersSent) return void res.end();
    res.writeHead(502, { "content-type": "text/plain" });
    res.end(`the chain's RPC (${target.origin}) does not answer: ${error.message}`);
  });
  req.pipe(upstream);
}
