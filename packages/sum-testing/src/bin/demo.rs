//! The main job, on an in-process chain: deploy a model stack, add data with deposits,
//! watch predictions change, refund a good contribution and take a bad one's deposit.

use sum_common::Features;
use sum_testing::suite::REFUND_WAIT;
use sum_testing::{addr, east_west_perceptron, normalised, standard_incentive, Suite, DENOM};

/// A point on the unit circle, in fixed point.
fn point(x: f64, y: f64) -> Features {
    normalised(&[x, y])
}

/// The innermost message of a contract error (cw-multi-test nests one per call).
fn root_cause(err: &cosmwasm_std::StdError) -> String {
    let text = err.to_string();
    let last = text.lines().last().unwrap_or_default();
    last.trim_start_matches("kind: Other, error: ").to_string()
}

fn main() {
    let mut suite = Suite::new(
        east_west_perceptron(),
        standard_incentive(),
        &["alice", "bob"],
    );
    let (alice, bob) = (addr("alice"), addr("bob"));
    let c = suite.components.clone();
    println!("Deployed a SUM stack on an in-process chain (cw-multi-test):");
    println!("  trainer      {}", suite.trainer);
    println!("  data handler {}", c.data_handler);
    println!("  model        {} (dense perceptron, 2 features)", c.model);
    println!("  incentive    {} (deposit, refund and take)", c.incentive);

    let east = point(1., 0.);
    let west = point(-1., 0.);
    let show = |suite: &Suite, when: &str| {
        println!(
            "  predictions {when}: east -> {}, west -> {}",
            suite.predict(east.clone()).unwrap(),
            suite.predict(west.clone()).unwrap()
        );
    };
    show(&suite, "before training");

    let steps = [
        ("alice", &alice, point(1., 0.), 1, "good: east is right (1)"),
        (
            "bob",
            &bob,
            point(0.8, 0.6),
            0,
            "bad: north-east labelled left (0)",
        ),
        (
            "alice",
            &alice,
            point(0.6, 0.8),
            1,
            "good: north-east is right (1)",
        ),
    ];
    let mut ids = vec![];
    for (name, who, data, label, what) in steps {
        suite.advance(30);
        let cost = suite.cost();
        let id = suite.add_data_paying(who, data, label).unwrap();
        println!("{name} adds contribution {id} ({what}) with a deposit of {cost}");
        ids.push(id);
    }
    show(&suite, "after training");

    suite.advance(REFUND_WAIT);
    let before = suite.balance(&alice);
    suite.refund(&alice, ids[0]).unwrap();
    println!(
        "after {REFUND_WAIT}s the model still agrees with contribution {}: alice is refunded {}{DENOM}",
        ids[0],
        suite.balance(&alice) - before
    );

    match suite.refund(&bob, ids[1]) {
        Ok(_) => panic!("bob must not be refunded"),
        Err(err) => println!(
            "bob asks for a refund of contribution {} and is refused: {}",
            ids[1],
            root_cause(&err)
        ),
    }
    let before = suite.balance(&alice);
    suite.report(&alice, ids[1]).unwrap();
    println!(
        "alice, who has good data, reports bob's contribution {} and takes {}{DENOM}",
        ids[1],
        suite.balance(&alice) - before
    );
    println!(
        "the mechanism holds {}{DENOM}, exactly what is still claimable ({}{DENOM})",
        suite.balance(&c.incentive),
        suite.total_claimable()
    );
}
