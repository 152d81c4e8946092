//! The interface every model contract implements, and a typed helper to call it.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{
    to_json_binary, Addr, CosmosMsg, Empty, Int128, QuerierWrapper, StdResult, WasmMsg,
};

use crate::Features;

/// Execute messages of every model; `extension` carries the model's own messages.
#[cw_serde]
#[serde(deny_unknown_fields)]
#[schemaifier(mute_warnings)]
pub enum ModelExecuteMsg<E = Empty> {
    /// Train on one sample with its class index (trainer only).
    Update { data: Features, classification: u32 },
    /// Give control to the trainer for good; ends the extension phase (controller only).
    HandOver { trainer: String },
    /// The model's own messages: chunks that set initial parameters (controller only,
    /// before the hand-over; a chunk sent twice changes nothing).
    Extension(E),
}

/// Queries every model answers, free of charge.
#[cw_serde]
#[derive(QueryResponses)]
pub enum ModelQueryMsg {
    /// The class the model predicts for one sample.
    #[returns(PredictionResponse)]
    Predict { data: Features },
    /// The classes predicted for several samples, in order.
    #[returns(PredictBatchResponse)]
    PredictBatch { samples: Vec<Features> },
    /// How many of the samples the model classifies as labelled.
    #[returns(EvaluateResponse)]
    Evaluate {
        samples: Vec<Features>,
        labels: Vec<u32>,
    },
    /// Whether the model would train on this sample: its features fit and its class exists.
    /// Answers `{}` or the error `update` would give.
    #[returns(cosmwasm_std::Empty)]
    Validate { data: Features, classification: u32 },
    /// Variant, classes, dimension, hyper-parameters and who controls the model.
    #[returns(ModelInfoResponse)]
    Info {},
    /// A page of the model's parameters, enough to export it and rebuild it elsewhere:
    /// its scalars, and its per-feature rows with an index after `start_after`.
    #[returns(ParametersResponse)]
    Parameters {
        start_after: Option<u32>,
        limit: Option<u32>,
    },
}

#[cw_serde]
pub struct PredictionResponse {
    pub classification: u32,
}

#[cw_serde]
pub struct PredictBatchResponse {
    pub classifications: Vec<u32>,
}

#[cw_serde]
pub struct EvaluateResponse {
    /// Samples whose prediction equals their label.
    pub correct: u32,
    /// Samples evaluated.
    pub total: u32,
}

/// A model variant with its hyper-parameters (values scaled by `SCALE`).
#[cw_serde]
pub enum ModelVariant {
    /// Binary perceptron over dense, normalised features.
    DensePerceptron {
        learning_rate: i64,
        learn_intercept: bool,
        update_on_zero_margin: bool,
        /// Whether it predicts with the mean of its weights over the updates.
        averaged: bool,
    },
    /// Binary perceptron over sparse binary features.
    SparsePerceptron {
        learning_rate: i64,
        learn_intercept: bool,
        update_on_zero_margin: bool,
        /// Whether it predicts with the mean of its weights over the updates.
        averaged: bool,
    },
    /// Multinomial naive Bayes over sparse feature counts.
    NaiveBayes {
        /// Additive smoothing α (×10^9; 10^9 is Laplace smoothing).
        smoothing: u64,
        /// V, the vocabulary size in the smoothing denominator.
        vocabulary_size: u64,
    },
    /// Nearest centroid over dense, normalised features.
    NearestCentroid {},
    /// Nearest centroid over sparse binary features.
    SparseNearestCentroid {},
}

#[cw_serde]
pub struct ModelInfoResponse {
    pub variant: ModelVariant,
    /// Class names; a class index is a position in this list.
    pub classes: Vec<String>,
    /// Number of dense features, or `None` for sparse models.
    pub dimension: Option<u32>,
    /// The only address allowed to update it: its trainer (or, before the hand-over, its owner).
    pub trainer: Addr,
    /// Whether control was handed over (the model can no longer be extended).
    pub handed_over: bool,
}

/// One named scalar parameter.
#[cw_serde]
pub struct NamedValue {
    pub name: String,
    pub value: Int128,
}

/// A feature's parameters: one weight, or one value per class (by class index).
#[cw_serde]
pub struct ParameterRow {
    pub index: u32,
    pub values: Vec<Int128>,
}

/// A page of a model's parameters.
#[cw_serde]
pub struct ParametersResponse {
    /// Scalars (e.g. `intercept`, or per class `count.0`), on every page.
    pub scalars: Vec<NamedValue>,
    /// Per-feature rows in increasing index order (absent rows are all 0).
    pub rows: Vec<ParameterRow>,
}

/// A model contract's address, with typed messages and queries.
#[cw_serde]
pub struct ModelContract(pub Addr);

impl ModelContract {
    /// The message that trains the model on one sample.
    pub fn update(&self, data: Features, classification: u32) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(&ModelExecuteMsg::<Empty>::Update {
                data,
                classification,
            })?,
            funds: vec![],
        }
        .into())
    }

    /// Checks that the model would train on a sample, without training it.
    pub fn validate(
        &self,
        querier: &QuerierWrapper,
        data: Features,
        classification: u32,
    ) -> StdResult<()> {
        let query = ModelQueryMsg::Validate {
            data,
            classification,
        };
        querier.query_wasm_smart::<Empty>(&self.0, &query)?;
        Ok(())
    }

    /// The model's current prediction for one sample.
    pub fn predict(&self, querier: &QuerierWrapper, data: Features) -> StdResult<u32> {
        let response: PredictionResponse =
            querier.query_wasm_smart(&self.0, &ModelQueryMsg::Predict { data })?;
        Ok(response.classification)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::from_json;

    #[test]
    fn unknown_fields_are_refused() {
        let ok: ModelExecuteMsg = from_json(br#"{"hand_over":{"trainer":"t"}}"#).unwrap();
        assert_eq!(
            ok,
            ModelExecuteMsg::HandOver {
                trainer: "t".into()
            }
        );
        let err = from_json::<ModelExecuteMsg>(br#"{"hand_over":{"trainer":"t","trainr":"x"}}"#)
            .unwrap_err();
        assert!(err.to_string().contains("unknown field"), "{err}");
    }
}
