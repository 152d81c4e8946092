"""Client for SUM contracts on a local wasmd chain: the wasmd CLI wrapper, the input
encoders of docs/encoders.md, deployment of a model stack, a deployed stack's messages and
queries, and the `sumctl` command line."""
