/** SUM TypeScript client: generated contract clients and types, plus the encoders. */
export * as contracts from "./generated";
export * from "./encoders";
export * from "./commitment";
