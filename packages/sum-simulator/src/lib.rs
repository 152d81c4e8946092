//! The SUM simulator: agents with budgets and habits add data, ask for refunds and report
//! each other over simulated days, against our own rules, natively (the pure rules of
//! `sum-rules`) or through the real contracts on cw-multi-test; time series, plots, Monte
//! Carlo and the fixed-schedule benchmark.

pub mod backend;
pub mod contracts;
pub mod data;
pub mod engine;
pub mod gas;
pub mod models;
pub mod montecarlo;
pub mod native;
pub mod output;
pub mod plot;
pub mod scenario;
pub mod schedule;
