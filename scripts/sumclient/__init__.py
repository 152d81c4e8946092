"""Client for SUM contracts on a local wasmd chain: the wasmd CLI wrapper, the input
encoders of SPEC section 6, deployment of a model stack, and the `sumctl` command line."""
