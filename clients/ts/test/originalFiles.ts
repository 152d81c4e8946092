/** Model files of the original system the tests share: the two real ones and one small
 * file of each type. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "./python";

export const readJson = (file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, file), "utf8"));
export const IMAGE = "scripts/models/original/image-dense-perceptron-400.json";
export const INTENT = "scripts/models/original/intent-nearest-centroid-512.json";
/** The embeddings the files with featureIndices pick from: MobileNet v2's 1280 outputs, and
 * one a little larger than DENSE's largest index. */
export const IMAGE_DIMENSION = 1280;
export const DENSE_DIMENSION = 8;

export const DENSE = { type: "dense perceptron", classifications: ["no", "yes"], weights: [0.5, -1.25e-8, 0], intercept: 2.5e-9, featureIndices: [7, 2, 4] };
export const SPARSE = { type: "sparse perceptron", classifications: ["no", "yes"], weights: [0.5, 0, -1], sparseWeights: { "10": 2, "11": 0 }, bias: -0.25, learningRate: 0.5 };
export const CENTROIDS = { type: "nearest centroid classifier", centroids: { b: { centroid: [0.6, -0.8], dataCount: 3 }, a: { centroid: [-1, 0], dataCount: 0 } } };
export const SPARSE_CENTROIDS = { type: "Sparse Nearest Centroid Classifier", centroids: { A: { centroid: { "0": 1, "5": 0.25 }, dataCount: 2 }, W: { centroid: [0, 1], dataCount: 2 } } };
export const BAYES = {
  type: "naive bayes", classifications: ["ALARM", "WEATHER", "TIMER"], classCounts: [1, 1, 0],
  featureCounts: [[[0, 1], [1, 1], [2, 1], [3, 1], [4, 1]], [[1, 1], [4, 1], [5, 1], [6, 1], [7, 1], [8, 1], [9, 1]], []],
  totalNumFeatures: 10, smoothingFactor: 0.5,
};
