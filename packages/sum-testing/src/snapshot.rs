//! Everything a refused call must leave as it was: the raw storage of every contract of a
//! stack and every balance.

use cosmwasm_std::{Addr, Order, Uint256};

use crate::suite::{addr, Suite, DENOM};

/// A contract's raw storage: every key with its value, in key order.
pub type RawStorage = Vec<(Vec<u8>, Vec<u8>)>;

/// Raw key-value storage per contract, then balances per address.
#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub storage: Vec<(Addr, RawStorage)>,
    pub balances: Vec<(Addr, Uint256)>,
}

impl Suite {
    /// The raw storage of the trainer and its components, and the balances of them and of
    /// every named user.
    pub fn snapshot(&self, users: &[&str]) -> Snapshot {
        let contracts = [
            self.trainer.clone(),
            self.components.data_handler.clone(),
            self.components.model.clone(),
            self.components.incentive.clone(),
        ];
        let storage = contracts
            .iter()
            .map(|contract| {
                let entries = self
                    .app
                    .contract_storage(contract)
                    .range(None, None, Order::Ascending)
                    .collect();
                (contract.clone(), entries)
            })
            .collect();
        let balances = contracts
            .into_iter()
            .chain(users.iter().map(|name| addr(name)))
            .chain([self.owner.clone()])
            .map(|address| {
                let balance = self.app.wrap().query_balance(&address, DENOM).unwrap();
                (address, balance.amount)
            })
            .collect();
        Snapshot { storage, balances }
    }
}
