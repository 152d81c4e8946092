/** SUM TypeScript client: generated contract clients and types, the encoders, and the
 * importer of the original system's model files with its chunked deployment and agreement
 * check. */
export * as contracts from "./generated";
export * from "./encoders";
export * from "./commitment";
export * from "./original";
export * from "./chunks";
export * from "./deploy";
export * from "./floatModels";
export * from "./random";
export * from "./samples";
export * from "./agreement";
