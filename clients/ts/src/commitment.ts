/**
 * The prediction market's test-set piece commitment, exactly as the market contract checks
 * it (packages/sum-rules/src/market.rs) and scripts/sumclient/market.py computes it.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Sample } from "./generated/PredictionMarket.types";

/** A market takes between 2 and 64 test-set pieces. */
export const MIN_PIECES = 2;
export const MAX_PIECES = 64;
/** Salt length used by sumctl. */
export const SALT_BYTES = 16;

/** A sample whose dense values may be BigInts (i64 beyond 2^53). */
export interface CommitSample {
  classification: number;
  data: { dense: readonly (number | bigint)[] } | { sparse: readonly number[] };
}

/** The bytes a piece's commitment hashes, sample after sample: class (u32), kind (0 dense,
 * 1 sparse), number of values (u32), then each value (dense i64, sparse u32); big endian. */
export function encodePiece(samples: readonly (Sample | CommitSample)[]): Uint8Array {
  const chunks: Buffer[] = [];
  for (const { classification, data } of samples) {
    const dense = "dense" in data;
    const values: readonly (number | bigint)[] = dense ? data.dense : data.sparse;
    const head = Buffer.alloc(9);
    head.writeUInt32BE(classification, 0);
    head.writeUInt8(dense ? 0 : 1, 4);
    head.writeUInt32BE(values.length, 5);
    chunks.push(head);
    const body = Buffer.alloc(values.length * (dense ? 8 : 4));
    values.forEach((v, i) => {
      if (dense) body.writeBigInt64BE(BigInt(v), i * 8);
      else body.writeUInt32BE(Number(v), i * 4);
    });
    chunks.push(body);
  }
  return Buffer.concat(chunks);
}

/** sha256(salt ‖ encodePiece(samples)), as the 64 lower-case hex digits `open` takes. */
export function commitment(salt: Uint8Array, samples: readonly (Sample | CommitSample)[]): string {
  return createHash("sha256").update(salt).update(encodePiece(samples)).digest("hex");
}

/** A fresh random salt. */
export function newSalt(): Uint8Array {
  return randomBytes(SALT_BYTES);
}
