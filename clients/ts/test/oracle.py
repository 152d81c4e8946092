"""Reads JSON cases on stdin, answers them with scripts/sumclient (the Python reference)."""
import json
import math
import sys

import mmh3
from sumclient import agreement, chunks, encoders, market, original
from sumclient.float_models import float_model


def answer(case):
    op, args = case["op"], case["args"]
    if op == "mmh3":
        return mmh3.hash(args, 0, signed=False)
    if op == "text":
        return encoders.murmurhash3_indices(args["text"], repeats=args["repeats"])
    if op == "fixed":
        return encoders.fixed_point_normalised(args)
    if op == "features":
        return encoders.features(args["encoder"], args["model"], **args["input"])
    if op == "row":
        return encoders.row_features(args["encoder"], args["model"], args["cells"])
    if op == "class_index":
        return encoders.class_index(args["label"], args["classes"])
    if op == "original":
        return converted(args["file"], args["options"])
    if op == "split":
        return chunks.split(args["contract"], args["msg"], args["maxValues"])
    if op == "float":
        return float_predictions(args["contract"], args["data"], args["inputs"])
    if op == "summary":
        return summary(args["total"], args["disagreements"])
    if op == "piece":
        return market.encode_piece(args).hex()
    if op == "commitment":
        return market.commitment(bytes.fromhex(args["salt"]), args["samples"])
    raise ValueError(f"unknown op {op}")


def converted(data, options):
    """original.convert with the TypeScript option names, or {"error": message}."""
    try:
        return original.convert(
            data, options["fileName"], name=options.get("name"),
            embedding_name=options.get("embeddingName"),
            embedding_dimension=options.get("embeddingDimension"),
            encoder=options.get("encoder"), incentive=options.get("incentive"))
    except original.OriginalFormatError as error:
        return {"error": str(error)}


def float_predictions(contract, data, inputs):
    """[class, margin] of the float model on each input; an infinite margin as null (JSON has no infinity)."""
    predict = float_model(contract, data)
    return [[c, m if math.isfinite(m) else None] for c, m in map(predict, inputs)]


def summary(total, disagreements):
    """agreement.Report's summary of disagreements given as the TypeScript client's objects."""
    report = agreement.Report(total=total, disagreements=[
        (d["sample"], agreement.Sample(d["kind"], [], {}), d["floatClass"], d["contractClass"], d["margin"])
        for d in disagreements])
    return report.summary()


print(json.dumps([answer(case) for case in json.load(sys.stdin)]))
