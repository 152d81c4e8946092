//! The interface every model contract implements (SPEC §3), and a typed helper to call it.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{
    to_json_binary, Addr, Binary, CosmosMsg, QuerierWrapper, StdError, StdResult, WasmMsg,
};

use crate::features::{Features, SampleError};

/// Execute messages every model accepts, only from its trainer.
#[cw_serde]
pub enum ModelExecuteMsg {
    /// Train on one sample with its class index.
    Update { data: Features, classification: u32 },
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
    /// Variant, classes, dimension and hyper-parameters.
    #[returns(ModelInfoResponse)]
    Info {},
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
    },
    /// Binary perceptron over sparse binary features.
    SparsePerceptron {
        learning_rate: i64,
        learn_intercept: bool,
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

/// A model contract's address, with typed messages and queries.
#[cw_serde]
pub struct ModelContract(pub Addr);

impl ModelContract {
    /// The message that trains the model on one sample.
    pub fn update(&self, data: Features, classification: u32) -> StdResult<CosmosMsg> {
        Ok(WasmMsg::Execute {
            contract_addr: self.0.to_string(),
            msg: to_json_binary(&ModelExecuteMsg::Update {
                data,
                classification,
            })?,
            funds: vec![],
        }
        .into())
    }

    /// The model's current prediction for one sample.
    pub fn predict(&self, querier: &QuerierWrapper, data: Features) -> StdResult<u32> {
        let response: PredictionResponse =
            querier.query_wasm_smart(&self.0, &ModelQueryMsg::Predict { data })?;
        Ok(response.classification)
    }
}

/// Answers any model query, given the model's `predict` and how it describes itself.
pub fn answer_query<E>(
    msg: ModelQueryMsg,
    predict: impl Fn(&Features) -> Result<u32, E>,
    info: impl FnOnce() -> Result<ModelInfoResponse, E>,
) -> Result<Binary, E>
where
    E: From<SampleError> + From<StdError>,
{
    Ok(match msg {
        ModelQueryMsg::Predict { data } => to_json_binary(&PredictionResponse {
            classification: predict(&data)?,
        })?,
        ModelQueryMsg::PredictBatch { samples } => {
            to_json_binary(&predict_batch(&samples, predict)?)?
        }
        ModelQueryMsg::Evaluate { samples, labels } => {
            to_json_binary(&evaluate(&samples, &labels, predict)?)?
        }
        ModelQueryMsg::Info {} => to_json_binary(&info()?)?,
    })
}

/// Answers `predict_batch` with any model's `predict`.
pub fn predict_batch<E>(
    samples: &[Features],
    predict: impl Fn(&Features) -> Result<u32, E>,
) -> Result<PredictBatchResponse, E> {
    let classifications = samples.iter().map(predict).collect::<Result<_, _>>()?;
    Ok(PredictBatchResponse { classifications })
}

/// Answers `evaluate` with any model's `predict`.
pub fn evaluate<E: From<SampleError>>(
    samples: &[Features],
    labels: &[u32],
    predict: impl Fn(&Features) -> Result<u32, E>,
) -> Result<EvaluateResponse, E> {
    if samples.len() != labels.len() {
        return Err(SampleError::LabelCountMismatch {
            samples: samples.len(),
            labels: labels.len(),
        }
        .into());
    }
    let mut correct = 0u32;
    for (sample, &label) in samples.iter().zip(labels) {
        if predict(sample)? == label {
            correct += 1;
        }
    }
    Ok(EvaluateResponse {
        correct,
        total: samples.len() as u32,
    })
}
