#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{
    to_json_binary, Addr, Binary, Deps, DepsMut, Env, MessageInfo, Order, Response, StdResult,
};
use cw_storage_plus::Bound;
use cw_utils::nonpayable;
use sum_common::component::init_component;
use sum_common::data_handler::{
    Contribution, ContributionWithId, ContributionsResponse, CountsResponse,
};
use sum_common::gate::ensure_trainer;
use sum_common::Features;

use crate::error::ContractError;
use crate::msg::{ExecuteMsg, InstantiateMsg, QueryMsg};
use crate::state::{BY_CONTRIBUTOR, CONTRIBUTIONS, CONTRIBUTOR_COUNTS, COUNT};

/// The cw2 name and version this contract records.
const CONTRACT: (&str, &str) = (env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));

/// Page size of the listing queries when none is given, and the largest allowed.
const DEFAULT_LIMIT: u32 = 10;
const MAX_LIMIT: u32 = 100;

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    _env: Env,
    info: MessageInfo,
    _msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    let response = init_component::<ContractError>(deps.storage, &info, CONTRACT)?;
    COUNT.save(deps.storage, &0)?;
    Ok(response)
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    ensure_trainer::<ContractError>(deps.storage, &info.sender)?;
    nonpayable(&info)?;
    match msg {
        ExecuteMsg::AddContribution {
            id,
            contributor,
            data,
            classification,
        } => execute_add_contribution(deps, env, id, contributor, data, classification),
    }
}

/// Stores a contribution under the id its trainer assigned; an id is used once.
pub fn execute_add_contribution(
    deps: DepsMut,
    env: Env,
    id: u64,
    contributor: Addr,
    data: Features,
    classification: u32,
) -> Result<Response, ContractError> {
    if CONTRIBUTIONS.has(deps.storage, id) {
        return Err(ContractError::ContributionExists { id });
    }
    let contribution = Contribution {
        contributor,
        data,
        classification,
        added_at: env.block.time.seconds(),
    };
    CONTRIBUTIONS.save(deps.storage, id, &contribution)?;
    BY_CONTRIBUTOR.save(deps.storage, (&contribution.contributor, id), &())?;
    COUNT.update(deps.storage, |count| -> StdResult<u64> { Ok(count + 1) })?;
    CONTRIBUTOR_COUNTS.update(
        deps.storage,
        &contribution.contributor,
        |count| -> StdResult<u64> { Ok(count.unwrap_or(0) + 1) },
    )?;
    Ok(Response::new()
        .add_attribute("action", "add_contribution")
        .add_attribute("contribution_id", id.to_string())
        .add_attribute("contributor", contribution.contributor))
}

#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, _env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Contribution { id } => to_json_binary(&query_contribution(deps, id)?)?,
        QueryMsg::Contributions { start_after, limit } => {
            to_json_binary(&query_contributions(deps, start_after, limit)?)?
        }
        QueryMsg::ContributionsByContributor {
            contributor,
            start_after,
            limit,
        } => to_json_binary(&query_contributions_by_contributor(
            deps,
            contributor,
            start_after,
            limit,
        )?)?,
        QueryMsg::Counts { contributor } => to_json_binary(&query_counts(deps, contributor)?)?,
    })
}

pub fn query_contribution(deps: Deps, id: u64) -> Result<Contribution, ContractError> {
    CONTRIBUTIONS
        .may_load(deps.storage, id)?
        .ok_or(ContractError::UnknownContribution { id })
}

fn page_limit(limit: Option<u32>) -> usize {
    limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT) as usize
}

pub fn query_contributions(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<ContributionsResponse> {
    let contributions = CONTRIBUTIONS
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|entry| entry.map(|(id, contribution)| ContributionWithId { id, contribution }))
        .collect::<StdResult<_>>()?;
    Ok(ContributionsResponse { contributions })
}

pub fn query_contributions_by_contributor(
    deps: Deps,
    contributor: String,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<ContributionsResponse> {
    let contributor = deps.api.addr_validate(&contributor)?;
    let contributions = BY_CONTRIBUTOR
        .prefix(&contributor)
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .map(|id| {
            let id = id?;
            let contribution = CONTRIBUTIONS.load(deps.storage, id)?;
            Ok(ContributionWithId { id, contribution })
        })
        .collect::<StdResult<_>>()?;
    Ok(ContributionsResponse { contributions })
}

pub fn query_counts(deps: Deps, contributor: Option<String>) -> StdResult<CountsResponse> {
    let by_contributor = contributor
        .map(|address| {
            let address = deps.api.addr_validate(&address)?;
            Ok::<_, cosmwasm_std::StdError>(
                CONTRIBUTOR_COUNTS
                    .may_load(deps.storage, &address)?
                    .unwrap_or(0),
            )
        })
        .transpose()?;
    Ok(CountsResponse {
        total: COUNT.load(deps.storage)?,
        by_contributor,
    })
}

sum_common::migrate_entry_point!(ContractError);

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::coins;
    use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env, MockApi};
    use cosmwasm_std::{OwnedDeps, Storage};
    use sum_common::gate::NotTrainer;

    type MockDeps =
        OwnedDeps<cosmwasm_std::testing::MockStorage, MockApi, cosmwasm_std::testing::MockQuerier>;

    fn setup() -> (MockDeps, Addr) {
        let mut deps = mock_dependencies();
        let trainer = deps.api.addr_make("trainer");
        instantiate(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &[]),
            InstantiateMsg {},
        )
        .unwrap();
        (deps, trainer)
    }

    fn add_msg(id: u64, contributor: &Addr) -> ExecuteMsg {
        ExecuteMsg::AddContribution {
            id,
            contributor: contributor.clone(),
            data: Features::Sparse(vec![1, 2]),
            classification: 1,
        }
    }

    fn add(
        deps: &mut MockDeps,
        sender: &Addr,
        id: u64,
        contributor: &Addr,
    ) -> Result<Response, ContractError> {
        execute(
            deps.as_mut(),
            mock_env(),
            message_info(sender, &[]),
            add_msg(id, contributor),
        )
    }

    #[test]
    fn records_are_complete_and_listed() {
        let (mut deps, trainer) = setup();
        let alice = deps.api.addr_make("alice");
        let bob = deps.api.addr_make("bob");
        for (id, who) in [(0, &alice), (1, &bob), (2, &alice)] {
            add(&mut deps, &trainer, id, who).unwrap();
        }
        let record = query_contribution(deps.as_ref(), 1).unwrap();
        assert_eq!(record.contributor, bob);
        assert_eq!(record.added_at, mock_env().block.time.seconds());

        let counts = query_counts(deps.as_ref(), Some(alice.to_string())).unwrap();
        assert_eq!(counts.total, 3);
        assert_eq!(counts.by_contributor, Some(2));

        let mine = query_contributions_by_contributor(deps.as_ref(), alice.to_string(), None, None)
            .unwrap();
        let ids: Vec<u64> = mine.contributions.iter().map(|c| c.id).collect();
        assert_eq!(ids, vec![0, 2]);

        let page = query_contributions(deps.as_ref(), Some(0), Some(1)).unwrap();
        assert_eq!(page.contributions.len(), 1);
        assert_eq!(page.contributions[0].id, 1);
    }

    #[test]
    fn refusals_change_nothing() {
        let (mut deps, trainer) = setup();
        let mallory = deps.api.addr_make("mallory");
        add(&mut deps, &trainer, 0, &mallory).unwrap();
        let before: Vec<_> = deps.storage.range(None, None, Order::Ascending).collect();

        let err = add(&mut deps, &mallory, 1, &mallory).unwrap_err();
        assert!(
            matches!(err, ContractError::NotTrainer(NotTrainer { .. })),
            "{err}"
        );
        let err = add(&mut deps, &trainer, 0, &mallory).unwrap_err();
        assert!(
            matches!(err, ContractError::ContributionExists { id: 0 }),
            "{err}"
        );
        let err = execute(
            deps.as_mut(),
            mock_env(),
            message_info(&trainer, &coins(5, "usum")),
            add_msg(1, &mallory),
        )
        .unwrap_err();
        assert!(matches!(err, ContractError::Payment(_)), "{err}");

        let after: Vec<_> = deps.storage.range(None, None, Order::Ascending).collect();
        assert_eq!(before, after);
    }

    #[test]
    fn unknown_ids_are_errors() {
        let (deps, _) = setup();
        assert!(matches!(
            query_contribution(deps.as_ref(), 7),
            Err(ContractError::UnknownContribution { id: 7 })
        ));
    }
}
