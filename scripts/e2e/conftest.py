"""A local wasmd chain for the end-to-end tests: started once in a temporary folder,
with every contract stored, and always stopped at the end."""

import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from sumclient import deploy
from sumclient.stack import Stack
from sumclient.wasmd import REPO_ROOT, Wasmd


@pytest.fixture(scope="session")
def chain():
    with tempfile.TemporaryDirectory(prefix="sum-e2e-") as chain_dir:
        env = dict(os.environ, SUM_CHAIN_DIR=chain_dir)
        script = str(REPO_ROOT / "scripts" / "chain.sh")
        subprocess.run([script, "start"], check=True, env=env)
        try:
            yield Wasmd(os.environ["SUM_WASMD"], str(Path(chain_dir, "node")))
        finally:
            subprocess.run([script, "stop"], check=True, env=env)


@pytest.fixture(scope="session")
def code_ids(chain):
    ids, _ = deploy.store_all(chain, "validator")
    return ids


@pytest.fixture
def make_stack(chain, code_ids):
    """Deploys a fresh stack from a model description, owned by the validator key."""

    def make(description: dict) -> Stack:
        deployment, _ = deploy.instantiate_stack(chain, "validator", code_ids, description)
        return Stack(chain, deployment)

    return make


@pytest.fixture
def stack(make_stack):
    """A fresh dense-perceptron stack, owned by the validator key."""
    return make_stack(deploy.example_description("dense-perceptron"))
