"""sumctl import: a model file of the original system, converted, deployed in chunks and
checked against its float predictions (docs/import.md)."""

import argparse
import json
import sys
from pathlib import Path

from . import agreement, deploy, original
from .chunks import DEFAULT_CHUNK_SIZE
from .cli_common import connect, with_sender, write_deployment
from .stack import Stack

DEFAULT_SAMPLES = 200
# The encoders of docs/encoders.md that are plain names.
SIMPLE_ENCODERS = ["none", "fixed_point", "murmurhash3"]
# The incentive mechanisms among the contracts.
INCENTIVE_CONTRACTS = ["stakeable", "points", "prediction-market"]


def positive(text: str) -> int:
    """An argument that must be a whole number from 1 up."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 up, got {text!r}")
    return int(text)


def incentive_of(path: str) -> dict:
    """The incentive of the model description at `path`."""
    try:
        description = json.loads(Path(path).read_text())
    except json.JSONDecodeError as error:
        raise ValueError(f"{path} is not a JSON model description ({error})") from error
    incentive = description.get("incentive") if isinstance(description, dict) else None
    if not isinstance(incentive, dict) or incentive.get("contract") not in INCENTIVE_CONTRACTS:
        raise ValueError(f"{path} has no \"incentive\" naming one of {INCENTIVE_CONTRACTS}")
    return incentive


def valid_embedding(fields) -> bool:
    """An embedding encoder's fields as the trainer accepts them: a name, a dimension, and
    optionally distinct feature indices below the dimension."""
    if not (isinstance(fields, dict) and set(fields) <= {"name", "dimension", "feature_indices"}
            and isinstance(fields.get("name"), str) and type(fields.get("dimension")) is int
            and fields["dimension"] >= 1):
        return False
    indices = fields.get("feature_indices")
    return indices is None or (isinstance(indices, list) and len(indices) > 0
                               and all(type(i) is int and 0 <= i < fields["dimension"] for i in indices)
                               and len(set(indices)) == len(indices))


def encoder_of(text: str):
    """The encoder given as JSON, checked as the trainer will check it (docs/encoders.md)."""
    encoder = json.loads(text)
    if encoder in SIMPLE_ENCODERS:
        return encoder
    if isinstance(encoder, dict) and len(encoder) == 1:
        (kind, fields), = encoder.items()
        if kind == "vocabulary" and isinstance(fields, dict) and set(fields) == {"name"} \
                and isinstance(fields["name"], str):
            return encoder
        if kind == "embedding" and valid_embedding(fields):
            return encoder
    raise ValueError(f"not an encoder: {text}: expected one of {SIMPLE_ENCODERS}, "
                     '{"vocabulary": {"name"}} or {"embedding": {"name", "dimension", '
                     '"feature_indices"}} (docs/encoders.md)')


def description_of(args) -> tuple[dict, dict]:
    """The original's file and its model description, from the command line."""
    try:
        data = json.loads(Path(args.file).read_text())
        return data, original.convert(
            data, args.file, name=args.name, embedding_name=args.embedding_name,
            embedding_dimension=args.embedding_dimension,
            encoder=encoder_of(args.encoder) if args.encoder else None,
            incentive=incentive_of(args.incentive) if args.incentive else None)
    except (OSError, ValueError) as error:  # JSON and format errors are ValueErrors
        sys.exit(f"cannot import {args.file}: {error}")


def cmd_import(args):
    data, description = description_of(args)
    chain = connect()
    code_ids, _ = deploy.store_all(chain, args.sender)
    print(f"code ids (stored now or already on the chain): {code_ids}")
    deployment = deploy.deploy_in_chunks(chain, args.sender, code_ids, description, args.chunk_size)
    write_deployment(args, deployment)
    stack = Stack(chain, deployment)

    def predict_batch(features: list[dict]) -> list[int]:
        return stack.query({"predict_batch": {"samples": features}}, stack.model)["classifications"]

    report = agreement.check(predict_batch, description, data, args.samples, args.seed)
    print(report.summary())
    if report.disagreements:
        print(f"WARNING: the imported model disagrees with the original on "
              f"{len(report.disagreements)} of {report.total} samples", file=sys.stderr)


def add_import_command(sub):
    s = sub.add_parser("import", help="deploy a model file of the original system in chunks")
    s.add_argument("file", help="the original's model file (JSON), e.g. scripts/models/original/*.json")
    s.add_argument("--name", help="the trainer's name (default: the file's stem)")
    s.add_argument("--embedding-name", help="a dense model's embedding (default: the file's stem)")
    s.add_argument("--embedding-dimension", type=positive,
                   help="the embedding's dimension: needed when the file has featureIndices "
                        "(MobileNet v2: 1280)")
    s.add_argument("--encoder", help="the encoder as JSON, e.g. '\"murmurhash3\"' (replaces the default)")
    s.add_argument("--incentive", help="a model description file whose incentive to use "
                                       "(default: scripts/models/dense-perceptron.json's)")
    s.add_argument("--chunk-size", type=positive, default=DEFAULT_CHUNK_SIZE, help="values per chunk")
    s.add_argument("--samples", type=positive, default=DEFAULT_SAMPLES, help="samples of the agreement check")
    s.add_argument("--seed", type=int, default=0, help="seed of the agreement check's samples")
    with_sender(s, "validator")
    s.set_defaults(func=cmd_import)
