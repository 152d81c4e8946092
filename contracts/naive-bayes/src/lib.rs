//! SUM model: multinomial naive Bayes over sparse feature counts, in fixed-point log space.

pub mod contract;
pub mod msg;
pub mod state;
