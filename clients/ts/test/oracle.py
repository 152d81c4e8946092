"""Reads JSON cases on stdin, answers them with scripts/sumclient (the Python reference)."""
import json
import sys

import mmh3
from sumclient import chunks, encoders, market, original


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


print(json.dumps([answer(case) for case in json.load(sys.stdin)]))
